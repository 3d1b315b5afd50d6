# SPDX-License-Identifier: MIT
"""Bill curves and recommendations of many profiles at once: thin facades over
``_core.bill_curve_profiles/_columns`` and ``_core.recommend_profiles/_columns`` (one
C++ call each, no Python loop over profiles or sizes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._bill import CURVE_COLUMNS
from ._curve import _columns_of
from ._recommend import CONFIGURATION_FIELDS
from ._result import Result, long_format

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike, NDArray


#: A bill curve's columns other than the sizes (_bill.CURVE_COLUMNS), each 2-D here.
BILL_FLEET_COLUMNS = tuple(c for c in CURVE_COLUMNS if c != "memory_mb")


class FleetBillCurve(Result):
    """The month's bill of many profiles at each memory size.

    ``memory_mb`` is 1-D (one element per size); ``requests``, ``gb_s``, the money lines
    (``compute_usd``, ``requests_usd``, ``init_usd``, ``storage_usd``,
    ``provisioned_usd``, ``snapstart_usd``), ``total_usd``, ``billable_gb_s``,
    ``warm_billed_ms``, ``powertuning_usd`` and ``feasible`` are 2-D numpy arrays of shape
    ``(profiles, sizes)``, row ``i`` being exactly ``bill_curve(profile_i)``. ``names``
    holds each profile's name. ``to_dataframe()`` is long format: one row per profile
    and size.
    """

    memory_mb: NDArray[np.float64]
    requests: NDArray[np.float64]
    gb_s: NDArray[np.float64]
    compute_usd: NDArray[np.float64]
    requests_usd: NDArray[np.float64]
    init_usd: NDArray[np.float64]
    storage_usd: NDArray[np.float64]
    provisioned_usd: NDArray[np.float64]
    snapstart_usd: NDArray[np.float64]
    total_usd: NDArray[np.float64]
    billable_gb_s: NDArray[np.float64]
    warm_billed_ms: NDArray[np.float64]
    powertuning_usd: NDArray[np.float64]
    feasible: NDArray[np.bool_]
    names: NDArray[Any]

    def __init__(
        self, columns: Mapping[str, Any], names: ArrayLike, prices: _core.PriceTable
    ) -> None:
        self.memory_mb = np.asarray(columns["memory_mb"])
        for name in BILL_FLEET_COLUMNS:
            setattr(self, name, np.asarray(columns[name]))
        self.names = np.asarray(names)
        self.prices = prices

    @property
    def shape(self) -> tuple[int, int]:
        """(profiles, sizes)."""
        return (int(self.total_usd.shape[0]), int(self.total_usd.shape[1]))

    def __len__(self) -> int:
        return self.shape[0]

    def cheapest(self) -> dict[str, NDArray[Any]]:
        """Per profile, the feasible size with the lowest monthly total (ties: the
        smaller size): 1-D arrays ``memory_mb`` and ``total_usd`` (0 and NaN where no
        size is feasible)."""
        total = np.where(self.feasible, self.total_usd, np.inf)
        idx = total.argmin(axis=1)
        rows = np.arange(len(self))
        none = ~self.feasible.any(axis=1)
        return {
            "memory_mb": np.where(none, 0.0, self.memory_mb[idx]),
            "total_usd": np.where(none, np.nan, self.total_usd[rows, idx]),
        }

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """Long format: ``profile`` (row number), ``name``, ``memory_mb`` and the 2-D
        columns flattened, one element per profile and size."""
        return long_format(self, BILL_FLEET_COLUMNS)

    def _html_title(self) -> str:
        return repr(self)

    def plot(
        self, ax: Axes | None = None, max_profiles: int = 20, **kwargs: Any
    ) -> Axes:
        """The month's total against memory, one line per profile (the first
        ``max_profiles``). Returns the matplotlib Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4), constrained_layout=True)
        for i in range(min(len(self), max_profiles)):
            label = str(self.names[i]) or f"profile {i}"
            ax.plot(self.memory_mb, self.total_usd[i], label=label, **kwargs)
        ax.set_xlabel("memory [MB]")
        ax.set_ylabel("USD per month")
        ax.set_yscale("log")
        if len(self) <= 10:
            ax.legend()
        return ax

    def __repr__(self) -> str:
        n_profiles, n_sizes = self.shape
        return (
            f"FleetBillCurve({n_profiles} profiles x {n_sizes} sizes, "
            f"{self.prices.arch} {self.prices.region})"
        )


def fleet_bill_curve(
    profiles: Any,
    platform: _core.Platform,
    prices: _core.PriceTable,
    grid: NDArray[np.float64] | None,
    options: _core.BillOptions,
    threads: int | None,
) -> FleetBillCurve:
    """The bill curves of many profiles (a sequence of Profile, a DataFrame or a
    mapping of columns): one C++ call, no loop over profiles or sizes."""
    extra = {} if threads is None else {"threads": threads}
    if hasattr(profiles, "columns") or isinstance(profiles, Mapping):
        columns, names = _columns_of(profiles)
        cols = _core.bill_curve_columns(
            columns, platform, prices, grid, options, **extra
        )
        return FleetBillCurve(cols, names, prices)
    cols = _core.bill_curve_profiles(
        list(profiles), platform, prices, grid, options, **extra
    )
    return FleetBillCurve(cols, np.asarray(cols["name"], dtype=object), prices)


RECOMMEND_COLUMNS = (*CONFIGURATION_FIELDS, "decided_by", "reason", "error")


class FleetRecommendation(Result):
    """Recommendations of many profiles under the same options: one element per profile.

    ``memory_mb``, ``provisioned_concurrency`` (``provisioned``: its deprecated alias),
    ``warm_ms``, ``cold_ms``, ``cost_usd``,
    ``monthly_usd``, ``latency_ms`` and ``cold_fraction`` are 1-D numpy arrays (the
    chosen configuration's figures, as ``recommend(profile_i)`` gives them); ``arch``,
    ``compute``, ``decided_by``, ``reason`` and ``error`` are 1-D arrays of strings.
    ``error`` is empty, or the impossible constraint that left a profile without a
    configuration (its ``memory_mb`` is then 0 and its other figures NaN). ``fleet[i]`` is the full
    ``Recommendation`` of profile ``i``. ``to_dataframe()``: one row per profile.
    """

    memory_mb: NDArray[np.float64]
    arch: NDArray[Any]
    compute: NDArray[Any]
    provisioned_concurrency: NDArray[np.float64]
    provisioned: NDArray[np.float64]
    warm_ms: NDArray[np.float64]
    cold_ms: NDArray[np.float64]
    cost_usd: NDArray[np.float64]
    monthly_usd: NDArray[np.float64]
    latency_ms: NDArray[np.float64]
    cold_fraction: NDArray[np.float64]
    decided_by: NDArray[Any]
    reason: NDArray[Any]
    error: NDArray[Any]
    names: NDArray[Any]

    def __init__(
        self,
        columns: Mapping[str, Any],
        names: ArrayLike,
        profiles: Any,
        platform: _core.Platform,
        options: _core.RecommendOptions,
    ) -> None:
        for name in RECOMMEND_COLUMNS:
            value = columns[name]
            setattr(
                self,
                name,
                np.asarray(value, dtype=object if isinstance(value, list) else None),
            )
        self.names = np.asarray(names)
        self._results = columns["results"]
        self._profiles = profiles
        self.platform = platform
        self.options = options

    def __len__(self) -> int:
        return len(self.memory_mb)

    def __getitem__(self, i: int) -> Any:
        """The full ``Recommendation`` of profile ``i`` (``ValueError`` where ``error``
        is set)."""
        from ._recommend import Recommendation

        if self.error[i]:
            raise ValueError(self.error[i])
        profile = self._profiles[i] if self._profiles is not None else None
        return Recommendation(self._results[i], profile, self.platform, self.options)

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """One element per profile: ``profile`` (row number), ``name`` and the
        columns."""
        out: dict[str, NDArray[Any]] = {
            "profile": np.arange(len(self)),
            "name": self.names,
        }
        for name in RECOMMEND_COLUMNS:
            out[name] = getattr(self, name)
        return out

    def _html_title(self) -> str:
        return repr(self)

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """The recommended memory size of each profile against its warm duration
        there (log-log). Returns the matplotlib Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4), constrained_layout=True)
        for arch in sorted({a for a in self.arch.tolist() if a}):
            pick = self.arch == arch
            ax.scatter(self.warm_ms[pick], self.memory_mb[pick], label=arch, **kwargs)
        ax.set_xscale("log")
        ax.set_xlabel("warm duration at the recommended size [ms]")
        ax.set_ylabel("recommended memory [MB]")
        ax.legend()
        return ax

    def __repr__(self) -> str:
        failed = int(np.count_nonzero(self.error != ""))
        return f"FleetRecommendation({len(self)} profiles, {failed} without a choice)"


def fleet_recommend(
    profiles: Any,
    platform: _core.Platform,
    options: _core.RecommendOptions,
    threads: int | None,
) -> FleetRecommendation:
    """Recommendations of many profiles (a sequence of Profile, a DataFrame or a
    mapping of columns): one C++ call."""
    extra = {} if threads is None else {"threads": threads}
    if hasattr(profiles, "columns") or isinstance(profiles, Mapping):
        columns, names = _columns_of(profiles)
        cols = _core.recommend_columns(columns, platform, options, **extra)
        return FleetRecommendation(cols, names, None, platform, options)
    profiles = list(profiles)
    cols = _core.recommend_profiles(profiles, platform, options, **extra)
    return FleetRecommendation(
        cols, np.asarray(cols["name"], dtype=object), profiles, platform, options
    )
