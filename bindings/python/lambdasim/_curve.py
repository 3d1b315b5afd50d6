# SPDX-License-Identifier: MIT
"""Duration and cost curves over memory sizes, for one profile or a fleet of them: a thin
facade over ``_core.curve_profiles`` and ``_core.curve_columns``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._columns import MemoryColumns
from ._defaults import memory_sizes, on_priced_arch, resolve_platform, resolve_prices
from ._result import Result, long_format

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike, NDArray

COLUMNS = (
    "memory_mb",
    "vcpu",
    "warm_ms",
    "cold_ms",
    "warm_billed_ms",
    "gb_s",
    "cost_usd",
    "feasible",
)


class Curve(MemoryColumns):
    """Duration and cost of one profile at each memory size.

    Attributes are 1-D numpy arrays of equal length, one element per size: ``memory_mb``,
    ``vcpu`` (CPU share), ``warm_ms``, ``cold_ms`` (incl. INIT), ``warm_billed_ms``,
    ``gb_s`` and ``cost_usd`` (one warm invocation, duration plus request charge) and
    ``feasible`` (False below the profile's ``peak_memory_mb``; those sizes are not
    priced, their billed duration, GB-s and cost are NaN).
    """

    COLUMNS = COLUMNS

    memory_mb: NDArray[np.float64]
    vcpu: NDArray[np.float64]
    warm_ms: NDArray[np.float64]
    cold_ms: NDArray[np.float64]
    warm_billed_ms: NDArray[np.float64]
    gb_s: NDArray[np.float64]
    cost_usd: NDArray[np.float64]
    feasible: NDArray[np.bool_]

    def __init__(
        self,
        result: _core.CurveResult | Mapping[str, Any],
        profile: _core.Profile | None,
        platform: _core.Platform,
        prices: _core.PriceTable,
    ) -> None:
        if isinstance(result, Mapping):
            for name in COLUMNS:
                setattr(self, name, np.asarray(result[name]))
        else:
            self._take_columns(result)
        self.profile = profile
        self.platform = platform
        self.prices = prices

    def at(self, memory_mb: float) -> dict[str, float]:
        """The row of one memory size (which must be on the curve)."""
        (idx,) = np.nonzero(self.memory_mb == memory_mb)
        if len(idx) == 0:
            msg = f"memory_mb = {memory_mb}: not on this curve"
            raise ValueError(msg)
        return {name: getattr(self, name)[idx[0]].item() for name in COLUMNS}

    def cheapest(self) -> dict[str, float]:
        """The feasible size with the lowest cost per warm invocation (ties: faster)."""
        if not self.feasible.any():
            msg = "no feasible memory size on this curve (all below peak_memory_mb)"
            raise ValueError(msg)
        order = np.lexsort(
            (self.warm_ms, np.where(self.feasible, self.cost_usd, np.inf))
        )
        return self.at(self.memory_mb[order[0]])

    def plot(self, ax: Sequence[Axes] | None = None, **kwargs: Any) -> Sequence[Axes]:
        """Plot warm/cold duration and cost per million invocations against memory.

        Returns the two matplotlib Axes (duration, cost).
        """
        from ._plot import plot_curve

        return plot_curve(self, ax=ax, **kwargs)

    def _html_title(self) -> str:
        # the caption of Result._repr_html_'s escaped table (plain text)
        best = self.cheapest() if self.feasible.any() else None
        head = (
            f"curve of {self.profile!r}: {len(self)} sizes "
            f"{int(self.memory_mb.min())}..{int(self.memory_mb.max())} MB, "
            f"{self.prices.arch} {self.prices.region}"
        )
        if best:
            head += (
                f"; cheapest {int(best['memory_mb'])} MB at "
                f"{best['warm_ms']:.1f} ms, ${best['cost_usd'] * 1e6:.2f} per million"
            )
        return head

    def __repr__(self) -> str:
        return (
            f"Curve({len(self)} sizes {int(self.memory_mb.min())}.."
            f"{int(self.memory_mb.max())} MB, {self.prices.arch} {self.prices.region})"
        )


FLEET_COLUMNS = ("warm_ms", "cold_ms", "warm_billed_ms", "gb_s", "cost_usd", "feasible")


class FleetCurve(Result):
    """Duration and cost of many profiles at each memory size.

    ``memory_mb`` and ``vcpu`` are 1-D (one element per size); ``warm_ms``, ``cold_ms``,
    ``warm_billed_ms``, ``gb_s``, ``cost_usd`` and ``feasible`` are 2-D numpy arrays of
    shape ``(profiles, sizes)``, row ``i`` being exactly ``curve(profile_i)``.
    ``names`` holds each profile's name (``""`` when it has none). ``to_dataframe()`` is
    long format: one row per profile and size.
    """

    memory_mb: NDArray[np.float64]
    vcpu: NDArray[np.float64]
    warm_ms: NDArray[np.float64]
    cold_ms: NDArray[np.float64]
    warm_billed_ms: NDArray[np.float64]
    gb_s: NDArray[np.float64]
    cost_usd: NDArray[np.float64]
    feasible: NDArray[np.bool_]
    names: NDArray[Any]

    def __init__(
        self,
        columns: Mapping[str, Any],
        names: ArrayLike,
        platform: _core.Platform,
        prices: _core.PriceTable,
    ) -> None:
        self.memory_mb = np.asarray(columns["memory_mb"])
        self.vcpu = np.asarray(columns["vcpu"])
        for name in FLEET_COLUMNS:
            setattr(self, name, np.asarray(columns[name]))
        self.names = np.asarray(names)
        self.platform = platform
        self.prices = prices

    @property
    def shape(self) -> tuple[int, int]:
        """(profiles, sizes)."""
        return (int(self.warm_ms.shape[0]), int(self.warm_ms.shape[1]))

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, i: int) -> Curve:
        """The curve of profile ``i`` (a view into this result's arrays)."""
        row = {name: getattr(self, name)[i] for name in FLEET_COLUMNS}
        row["memory_mb"] = self.memory_mb
        row["vcpu"] = self.vcpu
        return Curve(row, None, self.platform, self.prices)

    def cheapest(self) -> dict[str, NDArray[Any]]:
        """Per profile, the feasible size with the lowest cost per warm invocation (ties:
        faster): 1-D arrays ``memory_mb``, ``warm_ms``, ``cost_usd`` (NaN and memory 0
        where no size is feasible)."""
        cost = np.where(self.feasible, self.cost_usd, np.inf)
        low = cost.min(axis=1, keepdims=True)
        warm = np.where(cost == low, self.warm_ms, np.inf)
        idx = warm.argmin(axis=1)
        rows = np.arange(len(self))
        none = ~self.feasible.any(axis=1)
        return {
            "memory_mb": np.where(none, 0.0, self.memory_mb[idx]),
            "warm_ms": np.where(none, np.nan, self.warm_ms[rows, idx]),
            "cost_usd": np.where(none, np.nan, self.cost_usd[rows, idx]),
        }

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """Long format: ``profile`` (row number), ``name``, ``memory_mb``, ``vcpu`` and
        the 2-D columns flattened, one element per profile and size."""
        return long_format(self, FLEET_COLUMNS, per_size=("vcpu",))

    def _html_title(self) -> str:
        return repr(self)

    def plot(
        self, ax: Axes | None = None, max_profiles: int = 20, **kwargs: Any
    ) -> Axes:
        """Cost per million warm invocations against memory, one line per profile (the
        first ``max_profiles``). Returns the matplotlib Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4), constrained_layout=True)
        for i in range(min(len(self), max_profiles)):
            label = str(self.names[i]) or f"profile {i}"
            ax.plot(self.memory_mb, self.cost_usd[i] * 1e6, label=label, **kwargs)
        ax.set_xlabel("memory [MB]")
        ax.set_ylabel("USD per million warm invocations")
        ax.set_yscale("log")
        if len(self) <= 10:
            ax.legend()
        return ax

    def __repr__(self) -> str:
        n_profiles, n_sizes = self.shape
        lo = int(self.memory_mb.min()) if n_sizes else 0
        hi = int(self.memory_mb.max()) if n_sizes else 0
        return (
            f"FleetCurve({n_profiles} profiles x {n_sizes} sizes {lo}..{hi} MB, "
            f"{self.prices.arch} {self.prices.region})"
        )


def _columns_of(table: Any) -> tuple[dict[str, NDArray[np.float64]], NDArray[Any]]:
    """Numeric columns and names of a DataFrame or a mapping of columns (no loop over
    rows: each column goes to C++ as one numpy array)."""
    names = list(table.columns) if hasattr(table, "columns") else list(table)
    columns = {}
    labels: NDArray[Any] | None = None
    for key in names:
        col = table[key]
        values = col.to_numpy() if hasattr(col, "to_numpy") else np.asarray(col)
        if key == "name":
            labels = values.astype(str)
            continue
        if not isinstance(key, str):
            msg = f"profiles column {key!r}: column names must be strings"
            raise ValueError(msg)
        if values.dtype.kind not in "biuf":
            msg = f"profiles column {key}: expected numbers, got dtype {values.dtype}"
            raise ValueError(msg)
        columns[key] = np.ascontiguousarray(values, dtype=np.float64)
    if labels is None:
        rows = len(next(iter(columns.values()))) if columns else 0
        labels = np.full(rows, "", dtype=object)
    return columns, labels


def curve(
    profile: Any,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    *,
    memory_mb: ArrayLike | None = None,
    arch: str | None = None,
    region: str | None = None,
    threads: int | None = None,
    speed_ratio: float | None = None,
) -> Any:
    """Duration and cost of one profile, or of many, over memory sizes.

    Parameters
    ----------
    profile : Profile, sequence of Profile, DataFrame or mapping of columns
        One workload profile, or many: a sequence of ``Profile``, or a pandas DataFrame
        (or a dict of arrays) with one profile per row in the shorthand's column names
        (``cpu_ms``, ``threads``, ``io_ms``, ``scaled_io_ms``, ``knee_vcpu``, ``gc_ms``,
        ``ref_mb``, ``init_ms``, ``first_call_cpu_ms``, ``peak_memory_mb``, ``cv``) and
        optionally ``name``; row ``i`` is ``Profile(**row_i)``.
    platform : Platform, optional
        Defaults to ``Platform.aws_lambda()``.
    prices : PriceTable, optional
        Defaults to ``PriceTable.aws(region, arch)``.
    memory_mb : array_like, optional
        Memory sizes in MB; default every size of the platform (10,113 on AWS Lambda).
    arch, region : str, optional
        Used when ``prices`` is not given; default the architecture the profile
        records (``Profile.architecture``) and ``RecommendOptions().region``.
    threads : int, optional
        Threads for many profiles (0 = every core, the default); results do not depend
        on it.
    speed_ratio : float, optional
        With ``arch`` other than the architecture the profile was measured on: how many
        times faster its CPU work runs there (``Profile.on_architecture``; a default per
        runtime: ``primitives.architecture_speed_ratio``). Unset: the measured speed,
        and a ``LambdasimWarning`` for a fitted profile.

    Returns
    -------
    Curve or FleetCurve
        A ``Curve`` (1-D columns) for one profile, a ``FleetCurve`` (2-D columns,
        profiles x sizes) for many. Both have ``.to_dataframe()`` and ``.plot()``.

    Examples
    --------
    >>> import lambdasim as ls
    >>> c = ls.curve(ls.Profile(cpu_ms=1000, io_ms=100), memory_mb=[1769])
    >>> float(c.warm_ms[0])
    1100.0
    >>> f = ls.curve({"cpu_ms": [1000, 2000], "io_ms": [100, 0]}, memory_mb=[1769, 3538])
    >>> f.warm_ms.tolist()
    [[1100.0, 1100.0], [2000.0, 2000.0]]
    """
    profile = on_priced_arch(profile, arch, speed_ratio)
    platform = resolve_platform(platform, profile)
    prices = resolve_prices(prices, region, arch, profile)
    grid = memory_sizes(memory_mb)
    extra = {} if threads is None else {"threads": threads}
    if isinstance(profile, _core.Profile):
        # one call, one allocation: the columns are views into one block
        c = Curve.__new__(Curve)
        c.__dict__.update(
            zip(COLUMNS, _core.curve_one(profile, platform, prices, grid))
        )
        c.profile, c.platform, c.prices = profile, platform, prices
        return c
    if hasattr(profile, "columns") or isinstance(profile, Mapping):
        columns, names = _columns_of(profile)
        cols = _core.curve_columns(columns, platform, prices, grid, **extra)
        return FleetCurve(cols, names, platform, prices)
    cols = _core.curve_profiles(list(profile), platform, prices, grid, **extra)
    return FleetCurve(cols, np.asarray(cols["name"], dtype=object), platform, prices)
