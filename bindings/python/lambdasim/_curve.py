# SPDX-License-Identifier: MIT
"""Duration and cost curves over memory sizes: a thin facade over ``_core.curve``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._columns import MemoryColumns
from ._defaults import resolve_platform, resolve_prices

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd
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
        result: _core.CurveResult,
        profile: _core.Profile,
        platform: _core.Platform,
        prices: _core.PriceTable,
    ) -> None:
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
        order = np.lexsort((self.warm_ms, np.where(self.feasible, self.cost_usd, np.inf)))
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


def curve(
    profile: _core.Profile,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    *,
    memory_mb: ArrayLike | None = None,
    arch: str = "x86_64",
    region: str = "us-east-1",
) -> Curve:
    """Duration and cost of ``profile`` over memory sizes.

    Parameters
    ----------
    profile : Profile
        The workload profile.
    platform : Platform, optional
        Defaults to ``Platform.aws_lambda()``.
    prices : PriceTable, optional
        Defaults to ``PriceTable.aws(region, arch)``.
    memory_mb : array_like, optional
        Memory sizes in MB; default every size of the platform (10,113 on AWS Lambda).
    arch, region : str
        Used when ``prices`` is not given.

    Returns
    -------
    Curve
        Columns as numpy arrays, ``.to_dataframe()``, ``.plot()``.

    Examples
    --------
    >>> import lambdasim as ls
    >>> c = ls.curve(ls.Profile(cpu_ms=1000, io_ms=100), memory_mb=[1769])
    >>> float(c.warm_ms[0])
    1100.0
    """
    platform = resolve_platform(platform)
    prices = resolve_prices(prices, region, arch)
    grid = None if memory_mb is None else np.asarray(memory_mb, dtype=np.float64)
    if grid is not None and grid.ndim == 0:
        grid = grid.reshape(1)
    result = _core.curve(profile, platform, prices, grid)
    return Curve(result, profile, platform, prices)
