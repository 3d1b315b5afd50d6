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
from ._defaults import resolve_platform, resolve_prices

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


class SimulationResult:
    """What a simulation of the instance pool gave.

    Counts (``requests``, ``served``, ``cold_starts``, ``throttled``, ...) are totals
    over all replications; ``warm``, ``cold`` and ``all`` hold latency statistics
    (``count``, ``mean_ms``, ``p50_ms``, ``p90_ms``, ``p99_ms``, ``p999_ms``; within
    0.2 % of the exact percentiles, NaN for an empty class); ``bill`` is the month's bill
    with the simulated cold fraction. Every attribute of ``_core.SimulationResult`` is
    available.
    """

    def __init__(
        self, result: _core.SimulationResult, bill: Bill, arrivals: _core.Arrivals
    ) -> None:
        self._result = result
        self.bill = bill
        self.arrivals = arrivals

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._result, name)

    def summary(self) -> dict[str, Any]:
        """The scalar results as a flat dict (keys of ``SUMMARY_KEYS``)."""
        r = self._result
        return {
            "requests": r.requests,
            "served": r.served,
            "cold_starts": r.cold_starts,
            "cold_fraction": r.cold_fraction,
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

    def to_dataframe(self) -> pd.DataFrame:
        """The summary as a one-row DataFrame (``pd.concat`` them across a sweep)."""
        import pandas as pd

        return pd.DataFrame([self.summary()])

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
    period = duration_s if duration_s is not None else float(days) * 86400  # type: ignore[arg-type]
    if rate is not None:
        return _core.Arrivals.poisson(rate, period)
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
    arch: str = "x86_64",
    region: str = "us-east-1",
    keep_alive: float | _core.KeepAlive | None = None,
    max_lifetime: float | _core.Recycling | None = None,
    provisioned: int | None = None,
    reserved: int | None = None,
    initial_warm: int | None = None,
    seed: int | None = None,
    replications: int | None = None,
    threads: int | None = None,
    timeline_bins: int | None = None,
    progress: bool | None = None,
    bill: dict[str, Any] | None = None,
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
    keep_alive : float or KeepAlive, optional
        Seconds an idle instance stays warm (or a ``KeepAlive`` distribution).
    max_lifetime : float or Recycling, optional
        Fixed maximum instance lifetime in seconds; 0 turns recycling off.
    provisioned, reserved : int, optional
        Provisioned concurrency (always warm) and reserved concurrency (a cap; excess
        requests are throttled).
    initial_warm : int, optional
        On-demand instances already warm at the start; by default a trace CSV with an
        ``is_cold`` column starts warm if its first request was warm, else 0.
    seed, replications, threads, timeline_bins : int, optional
        Fields of ``SimulateOptions``; results never depend on ``threads``.
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
    >>> ls.simulate(p, 1024, trace=[0, 0.1, 0.2, 0.3, 0.4, 10], reserved=3).throttled
    2
    """
    platform = resolve_platform(platform)
    prices = resolve_prices(prices, region, arch)
    arrivals = _arrivals(rate, hourly_rates, trace, trace_column, days, duration_s)
    o = _core.SimulateOptions()
    o.memory_mb = float(memory_mb)
    if keep_alive is not None:
        o.keep_alive = (
            keep_alive
            if isinstance(keep_alive, _core.KeepAlive)
            else _core.KeepAlive.fixed(float(keep_alive))
        )
    if max_lifetime is not None:
        o.recycling = (
            max_lifetime
            if isinstance(max_lifetime, _core.Recycling)
            else _core.Recycling.fixed(float(max_lifetime))
        )
    if provisioned is not None:
        o.provisioned_concurrency = provisioned
    if reserved is not None:
        o.reserved_concurrency = reserved
    if initial_warm is not None:
        o.initial_instances = initial_warm
    for name, value in (
        ("seed", seed),
        ("replications", replications),
        ("threads", threads),
        ("timeline_bins", timeline_bins),
    ):
        if value is not None:
            setattr(o, name, value)
    o.validate()

    expected = arrivals.expected_requests() * o.replications
    show = progress if progress is not None else expected >= PROGRESS_THRESHOLD
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
