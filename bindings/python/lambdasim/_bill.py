# SPDX-License-Identifier: MIT
"""The monthly AWS bill: a thin facade over ``_core.compute_bill`` and
``_core.bill_curve``.

Every option is a field of ``_core.BillOptions``; its defaults live in C++ only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._columns import MemoryColumns
from ._defaults import (
    OptionError,
    as_number,
    memory_sizes,
    on_priced_arch,
    resolve_platform,
    resolve_prices,
    set_fields,
)
from ._result import Result, html_table

if TYPE_CHECKING:
    import pandas as pd
    from numpy.typing import ArrayLike, NDArray

#: The money lines of a bill, in the order AWS itemises them.
ITEMS = (
    "compute_usd",
    "requests_usd",
    "init_usd",
    "storage_usd",
    "provisioned_usd",
    "snapstart_usd",
)

#: Every field of a MonthlyBill, items first.
FIELDS = (
    *ITEMS,
    "total_usd",
    "requests",
    "gb_s",
    "memory_mb",
    "on_demand_requests",
    "provisioned_requests",
    "cold_starts",
    "billable_requests",
    "on_demand_gb_s",
    "billable_gb_s",
    "init_gb_s",
    "provisioned_gb_s",
    "provisioned_enabled_gb_s",
    "storage_gb_s",
    "snapstart_cache_gb_s",
    "snapstart_restore_gb",
    "warm_billed_ms",
    "cold_billed_ms",
    "granularity_ms",
    "init_billed",
    "powertuning_usd",
)

#: Columns of a bill curve.
CURVE_COLUMNS = (
    "memory_mb",
    "requests",
    "gb_s",
    *ITEMS,
    "total_usd",
    "billable_gb_s",
    "warm_billed_ms",
    "powertuning_usd",
    "feasible",
)


def bill_options(**options: Any) -> _core.BillOptions:
    """A ``BillOptions`` with the given fields set; the others keep the C++ defaults.

    >>> bill_options(requests_per_month=3e6, free_tier=True).free_tier
    True
    """
    return set_fields(_core.BillOptions(), options, "unknown bill option '{key}'")


class Bill(Result):
    """One month's AWS bill of a function at one memory size.

    The money lines are ``compute_usd``, ``requests_usd``, ``init_usd``,
    ``storage_usd``, ``provisioned_usd`` and ``snapstart_usd``, summing to
    ``total_usd``; the quantities behind them (``gb_s``, ``billable_gb_s``,
    ``cold_starts``, ...: every name in ``FIELDS``) are attributes too.
    """

    compute_usd: float
    requests_usd: float
    init_usd: float
    storage_usd: float
    provisioned_usd: float
    snapstart_usd: float
    total_usd: float
    requests: float
    gb_s: float
    memory_mb: float
    on_demand_requests: float
    provisioned_requests: float
    cold_starts: float
    billable_requests: float
    on_demand_gb_s: float
    billable_gb_s: float
    init_gb_s: float
    provisioned_gb_s: float
    provisioned_enabled_gb_s: float
    storage_gb_s: float
    snapstart_cache_gb_s: float
    snapstart_restore_gb: float
    warm_billed_ms: float
    cold_billed_ms: float
    granularity_ms: float
    init_billed: bool
    powertuning_usd: float

    def __init__(self, result: _core.MonthlyBill, prices: _core.PriceTable) -> None:
        for name in FIELDS:  # copied once: plain attributes dir(), IDEs and mypy see
            setattr(self, name, getattr(result, name))
        self.prices = prices

    def to_dict(self) -> dict[str, Any]:
        """Every field (money lines, totals and quantities) as a dict."""
        return {name: getattr(self, name) for name in FIELDS}

    def to_series(self) -> pd.Series:
        """The money lines and the total (USD) as a pandas Series indexed by item."""
        import pandas as pd

        names = (*ITEMS, "total_usd")
        return pd.Series(
            [getattr(self, n) for n in names], index=list(names), name="usd"
        )

    def to_dataframe(self) -> pd.DataFrame:
        """The money lines and the total as a one-column (``usd``) DataFrame indexed by
        item (``to_dict()`` has every field)."""
        return self.to_series().to_frame()

    def _html_title(self) -> str:
        return (
            f"bill at {int(self.memory_mb)} MB, {self.requests:,.0f} requests, "
            f"{self.prices.arch} {self.prices.region}"
        )

    def _repr_html_(self) -> str:
        return html_table(
            {
                n: getattr(self, n)
                for n in (*ITEMS, "total_usd", "requests", "gb_s", "cold_starts")
            },
            self._html_title(),
        )

    def __repr__(self) -> str:
        return (
            f"Bill({int(self.memory_mb)} MB, {self.requests:g} requests, {self.prices.arch} "
            f"{self.prices.region}: total ${self.total_usd:.2f})"
        )


class BillCurve(MemoryColumns):
    """The month's bill at each memory size: 1-D numpy arrays of equal length.

    Columns: ``memory_mb``, ``requests``, ``gb_s``, the money lines, ``total_usd``,
    ``billable_gb_s``, ``warm_billed_ms``, ``powertuning_usd`` and ``feasible`` (False
    below the profile's ``peak_memory_mb``; those sizes are not priced and hold NaN).
    """

    COLUMNS = CURVE_COLUMNS
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

    def __init__(self, result: _core.BillCurveResult, prices: _core.PriceTable) -> None:
        self._take_columns(result)
        self.prices = prices

    def cheapest(self) -> dict[str, float]:
        """The row of the feasible size with the lowest monthly total (ties: smaller
        size)."""
        if not self.feasible.any():
            msg = "no feasible memory size on this curve (all below peak_memory_mb)"
            raise ValueError(msg)
        i = int(np.argmin(np.where(self.feasible, self.total_usd, np.inf)))
        return {name: getattr(self, name)[i].item() for name in CURVE_COLUMNS}

    def __repr__(self) -> str:
        return f"BillCurve({len(self)} sizes, {self.prices.arch} {self.prices.region})"


def _require_requests(options: dict[str, Any]) -> None:
    # A month of zero requests is a $0 bill that looks like an answer: ask for the number.
    if options.get("requests_per_month") is None:
        msg = (
            "requests_per_month is required: the month's request count, e.g. "
            "requests_per_month=3e6 (0 is allowed for a provisioned-only month)"
        )
        raise OptionError(msg)


def bill(
    profile: _core.Profile,
    memory_mb: float,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    *,
    arch: str | None = None,
    region: str | None = None,
    speed_ratio: float | None = None,
    **options: Any,
) -> Bill:
    """The month's AWS bill of ``profile`` at ``memory_mb``.

    Parameters
    ----------
    profile : Profile
        The workload profile.
    memory_mb : float
        Memory size in MB.
    platform : Platform, optional
        Defaults to ``Platform.aws_lambda()``.
    prices : PriceTable, optional
        Defaults to ``PriceTable.aws(region, arch)``.
    arch, region : str, optional
        Used when ``prices`` is not given; default the architecture the profile
        records (``Profile.architecture``) and ``RecommendOptions().region``.
    speed_ratio : float, optional
        With ``arch`` other than the architecture the profile was measured on: how many
        times faster its CPU work runs there (``Profile.on_architecture``; a default per
        runtime: ``primitives.architecture_speed_ratio``). Unset: the measured speed,
        and a ``LambdasimWarning`` for a fitted profile.
    **options
        Fields of ``BillOptions``: ``requests_per_month`` (required), ``cold_fraction``,
        ``provisioned_concurrency``, ``provisioned_hours``,
        ``provisioned_request_fraction``,
        ``free_tier``, ``storage_mb``, ``date``, ``package``, ``custom_runtime``,
        ``snapstart``, ``snapstart_restore_ms``, ``snapstart_cache_hours``,
        ``account_gb_s_offset``. Unset fields keep the library's defaults.

    Returns
    -------
    Bill
        Money lines, total and quantities; ``.to_series()``, ``.to_dataframe()``.

    Examples
    --------
    AWS's example: 3 million 1-second requests at 512 MB with the free tier.

    >>> import lambdasim as ls
    >>> b = ls.bill(ls.Profile(io_ms=1000), 512, requests_per_month=3e6, free_tier=True)
    >>> b.billable_gb_s, b.billable_requests
    (1100000.0, 2000000.0)
    >>> round(b.total_usd, 5)
    18.73337
    """
    profile = on_priced_arch(profile, arch, speed_ratio)
    platform = resolve_platform(platform, profile)
    prices = resolve_prices(prices, region, arch, profile)
    options_ = bill_options(**options)
    _require_requests(options)
    result = _core.compute_bill(
        profile, platform, prices, as_number("memory_mb", memory_mb), options_
    )
    return Bill(result, prices)


def bill_curve(
    profile: Any,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    *,
    memory_mb: ArrayLike | None = None,
    arch: str | None = None,
    region: str | None = None,
    threads: int | None = None,
    speed_ratio: float | None = None,
    **options: Any,
) -> Any:
    """The month's AWS bill of ``profile`` at each memory size (batch, no Python loop).

    Parameters are those of :func:`bill`; ``memory_mb`` is an array of sizes (default
    every size of the platform). ``profile`` may also be many profiles: a sequence of
    ``Profile``, or a pandas DataFrame (or dict of arrays) with one profile per row in
    the shorthand's column names, as for :func:`curve`; the result is then a
    ``FleetBillCurve`` of 2-D columns (profiles x sizes), computed on ``threads``
    threads (0 = every core, the default; results do not depend on it).

    Examples
    --------
    >>> import lambdasim as ls
    >>> c = ls.bill_curve(ls.Profile(cpu_ms=1000), memory_mb=[512, 1769],
    ...                   requests_per_month=1e6)
    >>> [round(float(x), 2) for x in c.total_usd]
    [28.86, 28.99]
    """
    profile = on_priced_arch(profile, arch, speed_ratio)
    platform = resolve_platform(platform, profile)
    prices = resolve_prices(prices, region, arch, profile)
    options_ = bill_options(**options)
    _require_requests(options)
    grid = memory_sizes(memory_mb)
    if not isinstance(profile, _core.Profile):
        from ._fleet import fleet_bill_curve

        return fleet_bill_curve(profile, platform, prices, grid, options_, threads)
    result = _core.bill_curve(profile, platform, prices, grid, options_)
    return BillCurve(result, prices)
