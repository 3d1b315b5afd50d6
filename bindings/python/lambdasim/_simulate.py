# SPDX-License-Identifier: MIT
"""Traffic and cold starts: a thin facade over ``_core.simulate``.

Defaults (keep-alive, recycling, ...) live in C++ (``SimulateOptions`` and the platform's
``models/instance-pool-*.json``); keywords left as ``None`` keep them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._bill import Bill, bill_options
from ._defaults import (
    OptionError,
    as_number,
    deprecated_keyword,
    on_priced_arch,
    resolve_platform,
    resolve_prices,
    set_field,
)
from ._result import Result

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike, NDArray

#: Expected requests (over all replications) from which a progress bar is shown by default.
PROGRESS_THRESHOLD = 5_000_000

#: The scalar summary, in the order of ``SimulationResult.summary()``.
SUMMARY_KEYS = (
    "requests",
    "served",
    "cold_starts",
    "cold_fraction",
    "cold_fraction_lo",
    "cold_fraction_hi",
    "cold_fraction_level",
    "throttled",
    "provisioned_served",
    "p50_ms",
    "p90_ms",
    "p99_ms",
    "p999_ms",
    "mean_ms",
    "warm_p50_ms",
    "warm_p99_ms",
    "cold_p50_ms",
    "cold_p99_ms",
    "mean_concurrency",
    "peak_concurrency",
    "mean_instances",
    "peak_instances",
    "instance_seconds",
    "recycled",
    "expired",
    "period_s",
    "memory_mb",
    "total_usd",
)


class SimulationResult(Result):
    """What a simulation of the instance pool gave.

    Counts (``requests``, ``served``, ``cold_starts``, ``throttled``, ...) are totals
    over all replications; ``warm``, ``cold`` and ``all`` hold latency statistics
    (``count``, ``mean_ms``, ``p50_ms``, ``p90_ms``, ``p99_ms``, ``p999_ms``; within
    0.2 % of the exact percentiles, NaN for an empty class); ``bill`` is the month's bill
    with the simulated cold fraction; ``cold_fraction_lo``/``cold_fraction_hi`` are its
    exact (Clopper-Pearson) interval at ``cold_fraction_level`` (requests taken as
    independent trials: the sampling error of a run this long); ``core`` is the ``_core.SimulationResult`` (the
    histograms and timeline arrays).
    """

    requests: int
    served: int
    cold_starts: int
    throttled: int
    provisioned_served: int
    recycled: int
    expired: int
    cold_fraction: float
    cold_fraction_lo: float
    cold_fraction_hi: float
    cold_fraction_level: float
    mean_concurrency: float
    peak_concurrency: int
    mean_instances: float
    peak_instances: int
    instance_seconds: float
    busy_seconds: float
    period_s: float
    memory_mb: float
    warm_ms: float
    cold_ms: float
    seed: int
    replications: int
    provisioned_concurrency: int
    warm: _core.LatencyStats
    cold: _core.LatencyStats
    all: _core.LatencyStats
    keep_alive: _core.KeepAlive
    recycling: _core.Recycling

    #: The attributes copied from ``_core.SimulationResult``.
    ATTRIBUTES = (
        "requests",
        "served",
        "cold_starts",
        "throttled",
        "provisioned_served",
        "recycled",
        "expired",
        "cold_fraction",
        "cold_fraction_lo",
        "cold_fraction_hi",
        "cold_fraction_level",
        "mean_concurrency",
        "peak_concurrency",
        "mean_instances",
        "peak_instances",
        "instance_seconds",
        "busy_seconds",
        "period_s",
        "memory_mb",
        "warm_ms",
        "cold_ms",
        "seed",
        "replications",
        "provisioned_concurrency",
        "warm",
        "cold",
        "all",
        "keep_alive",
        "recycling",
    )

    def __init__(
        self, result: _core.SimulationResult, bill: Bill, arrivals: _core.Arrivals
    ) -> None:
        self._result = result
        for name in self.ATTRIBUTES:
            setattr(self, name, getattr(result, name))
        self.bill = bill
        self.arrivals = arrivals

    @property
    def core(self) -> _core.SimulationResult:
        """The underlying ``_core.SimulationResult`` (histograms, timeline arrays)."""
        return self._result

    def summary(self) -> dict[str, Any]:
        """The scalar results as a flat dict (keys of ``SUMMARY_KEYS``)."""
        r = self._result
        return {
            "requests": r.requests,
            "served": r.served,
            "cold_starts": r.cold_starts,
            "cold_fraction": r.cold_fraction,
            "cold_fraction_lo": r.cold_fraction_lo,
            "cold_fraction_hi": r.cold_fraction_hi,
            "cold_fraction_level": r.cold_fraction_level,
            "throttled": r.throttled,
            "provisioned_served": r.provisioned_served,
            "p50_ms": r.all.p50_ms,
            "p90_ms": r.all.p90_ms,
            "p99_ms": r.all.p99_ms,
            "p999_ms": r.all.p999_ms,
            "mean_ms": r.all.mean_ms,
            "warm_p50_ms": r.warm.p50_ms,
            "warm_p99_ms": r.warm.p99_ms,
            "cold_p50_ms": r.cold.p50_ms,
            "cold_p99_ms": r.cold.p99_ms,
            "mean_concurrency": r.mean_concurrency,
            "peak_concurrency": r.peak_concurrency,
            "mean_instances": r.mean_instances,
            "peak_instances": r.peak_instances,
            "instance_seconds": r.instance_seconds,
            "recycled": r.recycled,
            "expired": r.expired,
            "period_s": r.period_s,
            "memory_mb": r.memory_mb,
            "total_usd": self.bill.total_usd,
        }

    def to_dict(self) -> dict[str, Any]:
        """The scalar summary (``summary()``): one record."""
        return self.summary()

    def _html_title(self) -> str:
        return f"simulation at {int(self.memory_mb)} MB, {self.requests:,} requests"

    def to_dataframe(self) -> pd.DataFrame:
        """The summary as a one-row DataFrame (``pd.concat`` them across a sweep)."""
        import pandas as pd

        return pd.DataFrame([self.summary()])

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Latency CDFs of warm, cold and all requests (``plot_latency_cdf``)."""
        return self.plot_latency_cdf(ax=ax, **kwargs)

    def latency(self) -> pd.DataFrame:
        """Latency statistics (ms), one row each for warm, cold and all requests."""
        import pandas as pd

        cols = (
            "count",
            "mean_ms",
            "p50_ms",
            "p90_ms",
            "p99_ms",
            "p999_ms",
            "min_ms",
            "max_ms",
        )
        rows = {
            k: [getattr(getattr(self._result, k), c) for c in cols]
            for k in ("warm", "cold", "all")
        }
        return pd.DataFrame.from_dict(rows, orient="index", columns=list(cols))

    def timeline(self) -> pd.DataFrame:
        """Per time bin: start ``t_s``, ``arrivals``, ``cold_starts``, ``throttled`` and
        mean ``concurrency`` (averaged over replications)."""
        import pandas as pd

        r = self._result
        n = len(r.timeline_arrivals)
        reps = r.replications
        return pd.DataFrame(
            {
                "t_s": np.arange(n) * r.bin_s,
                "arrivals": np.asarray(r.timeline_arrivals) / reps,
                "cold_starts": np.asarray(r.timeline_cold_starts) / reps,
                "throttled": np.asarray(r.timeline_throttled) / reps,
                "concurrency": np.asarray(r.timeline_busy_s) / (r.bin_s * reps)
                if r.bin_s > 0
                else np.zeros(n),
            }
        )

    def latency_cdf(
        self, kind: str = "all"
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """``(ms, fraction)``: the empirical CDF of ``kind`` (warm, cold or all) at the
        upper edge of every occupied histogram bucket."""
        if kind not in ("warm", "cold", "all"):
            msg = f"kind = {kind!r}: expected warm, cold or all"
            raise ValueError(msg)
        counts = np.zeros(len(self._result.warm_hist.counts), dtype=np.float64)
        if kind in ("warm", "all"):
            counts += self._result.warm_hist.counts
        if kind in ("cold", "all"):
            counts += self._result.cold_hist.counts
        edges = _core.LogHistogram.edges()
        total = counts.sum()
        keep = counts > 0
        upper = np.minimum(edges[1:], getattr(self._result, kind).max_ms)
        frac = np.cumsum(counts) / total if total else counts
        return upper[keep], frac[keep]

    def plot_latency_cdf(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Latency CDFs of warm, cold and all requests (log x axis)."""
        from ._plot import plot_latency_cdf

        return plot_latency_cdf(self, ax=ax, **kwargs)

    def plot_concurrency(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Mean concurrency and cold starts per time bin."""
        from ._plot import plot_concurrency

        return plot_concurrency(self, ax=ax, **kwargs)

    def __repr__(self) -> str:
        r = self._result
        return (
            f"SimulationResult({r.requests} requests, {r.cold_starts} cold "
            f"({100 * r.cold_fraction:.2f} %), p99 {r.all.p99_ms:.1f} ms, "
            f"{r.throttled} throttled, ${self.bill.total_usd:.2f}/month)"
        )


def _arrivals(
    rate: float | None,
    hourly_rates: ArrayLike | None,
    trace: str | os.PathLike[str] | ArrayLike | None,
    trace_column: str,
    days: float | None,
    duration_s: float | None,
) -> _core.Arrivals:
    given = [x is not None for x in (rate, hourly_rates, trace)]
    if sum(given) != 1:
        msg = "give exactly one of rate=, hourly_rates= or trace="
        raise ValueError(msg)
    for name, value in (("rate", rate), ("days", days), ("duration_s", duration_s)):
        if value is not None:
            as_number(name, value)
    if trace is not None:
        if days is not None or duration_s is not None:
            msg = "a trace sets its own period: days= and duration_s= do not apply"
            raise ValueError(msg)
        if isinstance(trace, (str, os.PathLike)):
            return _core.Arrivals.load_csv(os.fspath(trace), trace_column)
        return _core.Arrivals.trace(np.asarray(trace, dtype=np.float64))
    if (days is None) == (duration_s is None):
        msg = "give the simulated period as days= or duration_s="
        raise ValueError(msg)
    period = (
        as_number("duration_s", duration_s)
        if duration_s is not None
        else as_number("days", days) * 86400
    )
    if rate is not None:
        return _core.Arrivals.poisson(as_number("rate", rate), period)
    rates = np.asarray(hourly_rates, dtype=np.float64).ravel().tolist()
    return _core.Arrivals.piecewise(rates, 3600.0, period)


def simulate(
    profile: _core.Profile,
    memory_mb: float,
    *,
    rate: float | None = None,
    hourly_rates: ArrayLike | None = None,
    trace: str | os.PathLike[str] | ArrayLike | None = None,
    trace_column: str = "",
    days: float | None = None,
    duration_s: float | None = None,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    arch: str | None = None,
    region: str | None = None,
    speed_ratio: float | None = None,
    keep_alive: float | _core.KeepAlive | None = None,
    max_lifetime: float | _core.Recycling | None = None,
    provisioned_concurrency: int | None = None,
    reserved_concurrency: int | None = None,
    initial_instances: int | None = None,
    seed: int | None = None,
    replications: int | None = None,
    threads: int | None = None,
    timeline_bins: int | None = None,
    max_requests: float | None = None,
    cold_fraction_level: float | None = None,
    progress: bool | None = None,
    bill: dict[str, Any] | None = None,
    provisioned: int | None = None,
    reserved: int | None = None,
    initial_warm: int | None = None,
) -> SimulationResult:
    """Simulate a function's instance pool under traffic: cold starts, latency, bill.

    Parameters
    ----------
    profile : Profile
        The workload profile (warm and cold durations at ``memory_mb``, variability ``cv``).
    memory_mb : float
        Memory size in MB.
    rate : float, optional
        Poisson arrivals at this many requests per second.
    hourly_rates : array_like, optional
        Requests per second for each hour, repeated (24 values for a daily pattern).
    trace : path or array_like, optional
        A CSV file with a column of epoch seconds (``trace_column``), or the timestamps.
    trace_column : str
        Column of the trace CSV; default ``timestamp_s``, or ``client_start_time`` in a
        file without ``timestamp_s`` (the 2020 traces in ``data/coldstarts``).
    days, duration_s : float, optional
        The simulated period for ``rate`` and ``hourly_rates``.
    platform : Platform, optional
        Defaults to ``Platform.aws_lambda()``; its ``models/instance-pool-*.json`` gives the
        default keep-alive and recycling.
    prices : PriceTable, optional
        For the bill; defaults to ``PriceTable.aws(region, arch)``.
    speed_ratio : float, optional
        With ``arch`` other than the architecture the profile was measured on: how many
        times faster its CPU work runs there (``Profile.on_architecture``; a default per
        runtime: ``primitives.architecture_speed_ratio``). Unset: the measured speed,
        and a ``LambdasimWarning`` for a fitted profile.
    keep_alive : float or KeepAlive, optional
        Seconds an idle instance stays warm (or a ``KeepAlive`` distribution).
    max_lifetime : float or Recycling, optional
        Fixed maximum instance lifetime in seconds; 0 turns recycling off.
    provisioned_concurrency, reserved_concurrency : int, optional
        Provisioned concurrency (instances always warm) and reserved concurrency (a
        cap; excess requests are throttled).
    initial_instances : int, optional
        On-demand instances already warm at the start; by default a trace CSV with an
        ``is_cold`` column starts warm if its first request was warm, else 0.
    seed, replications, threads, timeline_bins : int, optional
        Fields of ``SimulateOptions``; results never depend on ``threads``.
    max_requests : float, optional
        Guard of ``SimulateOptions``: more expected requests are refused with an
        estimate of the time they would take.
    cold_fraction_level : float, optional
        Confidence of ``cold_fraction_lo``/``cold_fraction_hi`` (``SimulateOptions``).
    provisioned, reserved, initial_warm : int, optional
        Deprecated names of ``provisioned_concurrency``, ``reserved_concurrency`` and
        ``initial_instances``.
    progress : bool, optional
        Show a tqdm progress bar; by default only for long runs.
    bill : dict, optional
        Extra ``BillOptions`` fields for the month's bill (``free_tier``, ``storage_mb``...).

    Returns
    -------
    SimulationResult
        ``.summary()``, ``.to_dataframe()``, ``.latency()``, ``.timeline()``, ``.bill``,
        ``.plot_latency_cdf()``, ``.plot_concurrency()``.

    Examples
    --------
    Five requests 0.1 s apart, each 1 s long, then one more at 10 s: five cold starts,
    and the sixth reuses the most recently used instance.

    >>> import lambdasim as ls
    >>> p = ls.Profile(io_ms=1000)
    >>> r = ls.simulate(p, 1024, trace=[0, 0.1, 0.2, 0.3, 0.4, 10], keep_alive=640)
    >>> r.cold_starts, r.peak_concurrency, r.all.p50_ms
    (5, 5, 1000.0)
    >>> ls.simulate(p, 1024, trace=[0, 0.1, 0.2, 0.3, 0.4, 10],
    ...             reserved_concurrency=3).throttled
    2
    """
    provisioned_concurrency = deprecated_keyword(
        "provisioned", "provisioned_concurrency", provisioned, provisioned_concurrency
    )
    reserved_concurrency = deprecated_keyword(
        "reserved", "reserved_concurrency", reserved, reserved_concurrency
    )
    initial_instances = deprecated_keyword(
        "initial_warm", "initial_instances", initial_warm, initial_instances
    )
    if not isinstance(profile, _core.Profile):
        msg = f"profile = {profile!r}: expected a Profile"
        raise OptionError(msg)
    profile = on_priced_arch(profile, arch, speed_ratio)
    platform = resolve_platform(platform, profile)
    prices = resolve_prices(prices, region, arch, profile)
    arrivals = _arrivals(rate, hourly_rates, trace, trace_column, days, duration_s)
    o = _core.SimulateOptions()
    o.memory_mb = as_number("memory_mb", memory_mb)
    if keep_alive is not None:
        o.keep_alive = (
            keep_alive
            if isinstance(keep_alive, _core.KeepAlive)
            else _core.KeepAlive.fixed(as_number("keep_alive", keep_alive))
        )
    if max_lifetime is not None:
        o.recycling = (
            max_lifetime
            if isinstance(max_lifetime, _core.Recycling)
            else _core.Recycling.fixed(as_number("max_lifetime", max_lifetime))
        )
    for name, value in (
        ("provisioned_concurrency", provisioned_concurrency),
        ("reserved_concurrency", reserved_concurrency),
        ("initial_instances", initial_instances),
        ("seed", seed),
        ("replications", replications),
        ("threads", threads),
        ("timeline_bins", timeline_bins),
        ("max_requests", max_requests),
        ("cold_fraction_level", cold_fraction_level),
    ):
        if value is not None:
            set_field(o, name, value)
    o.validate()

    expected = arrivals.expected_requests() * o.replications
    # No bar for a run the core refuses (max_requests): its error is the one line shown.
    show = expected <= o.max_requests and (
        progress if progress is not None else expected >= PROGRESS_THRESHOLD
    )
    if show:
        from tqdm.auto import tqdm

        with tqdm(
            total=round(expected), unit="req", unit_scale=True, desc="simulate"
        ) as bar:

            def update(done: int) -> None:
                bar.update(min(done, bar.total) - bar.n)

            result = _core.simulate(profile, platform, arrivals, o, update)
    else:
        result = _core.simulate(profile, platform, arrivals, o)
    b = _core.simulated_bill(
        result, profile, platform, prices, bill_options(**(bill or {}))
    )
    return SimulationResult(result, Bill(b, prices), arrivals)
