# SPDX-License-Identifier: MIT
"""Recommendations: a thin facade over ``_core.recommend``.

Every option is a field of ``_core.RecommendOptions``; its defaults and choices live in C++
only (``_core.RECOMMEND_CHOICES``).
"""

from __future__ import annotations

import html
import math
import warnings
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import numpy as np

from . import _core
from ._defaults import as_flag, resolve_platform, set_fields
from ._result import LambdasimWarning, Result, field, html_table

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from numpy.typing import NDArray

#: What every configuration row holds, wherever it is listed (a candidate, the table of
#: every candidate, a fleet's choices).
CONFIGURATION_FIELDS = (
    "memory_mb",
    "arch",
    "compute",
    "provisioned_concurrency",
    "provisioned",
    "warm_ms",
    "cold_ms",
    "cost_usd",
    "monthly_usd",
    "latency_ms",
    "cold_fraction",
)

#: Columns of one configuration (the choice, a runner-up, the current configuration).
CANDIDATE_FIELDS = (*CONFIGURATION_FIELDS, "band_lo_ms", "band_hi_ms", "method")

#: Columns of the table of every candidate.
TABLE_COLUMNS = (*CONFIGURATION_FIELDS, "excluded_by", "feasible", "pareto")


def _candidate(c: _core.RecommendCandidate) -> dict[str, Any]:
    return {name: getattr(c, name) for name in CANDIDATE_FIELDS}


def _pct(x: float) -> str:
    return f"{x * 100:+.1f} %"


def versus(c: dict[str, Any], ref: dict[str, Any], monthly: bool) -> str:
    """ "x % cheaper / y % faster" of configuration ``c`` against ``ref``."""
    key = "monthly_usd" if monthly else "cost_usd"
    dc = c[key] / ref[key] - 1
    dd = c["warm_ms"] / ref["warm_ms"] - 1
    return f"{_relative(dc, 'cheaper', 'dearer')} / {_relative(dd, 'faster', 'slower')}"


def _relative(change: float, less: str, more: str) -> str:
    """-0.12 -> "12 % cheaper"; +5.97 -> "7.0x slower" (a ratio reads better past 2x)."""
    if change >= 1:
        return f"{change + 1:.1f}x {more}"
    return f"{abs(change) * 100:.0f} % {less if change < 0 else more}"


T = TypeVar("T")


def _chosen_field(kind: Callable[[Any], T], doc: str) -> T:
    """A typed read-only property: the field of the chosen candidate of the attribute's
    name, converted by ``kind``."""
    return field("_chosen", kind, doc)


def _result_field(kind: Callable[[Any], T], doc: str) -> T:
    """A typed read-only property: the ``_core.Recommendation`` attribute of the same
    name, converted by ``kind``."""
    return field("_r", kind, doc)


class Recommendation(Result):
    """The recommended configuration, why, the runners-up and the Pareto front.

    Properties of the choice: ``memory_mb``, ``arch``, ``compute`` (``on-demand``,
    ``provisioned`` or ``lmi``, whose plan is ``lmi``), ``provisioned_concurrency`` (instances; ``provisioned`` is its
    deprecated alias), ``warm_ms``, ``cold_ms``, ``cost_usd``
    (one warm invocation), ``monthly_usd`` (``None`` without a request count),
    ``latency_ms`` (the ``percentile`` of all requests, cold starts included); ``reason``
    and ``decided_by`` (the constraint that decided it, or ``"none"``), ``runners_up``,
    ``caveats``, ``method`` and ``method_detail`` (how latencies were obtained),
    ``within_uncertainty``, ``change`` (from the current configuration, if given).
    """

    def __init__(
        self,
        result: _core.Recommendation,
        profile: _core.Profile,
        platform: _core.Platform,
        options: _core.RecommendOptions,
        sweep: Any = None,
    ) -> None:
        self._r = result
        self.profile = profile
        self.platform = platform
        self.options = options
        self.sweep = sweep
        self._chosen = _candidate(result.chosen)
        self._runners = [
            {
                **_candidate(c),
                "role": c.role,
                "within_uncertainty": c.within_uncertainty,
            }
            for c in result.runners_up
        ]
        t = result.candidates
        self._table: dict[str, NDArray[Any]] = {
            name: np.asarray(getattr(t, name)) for name in TABLE_COLUMNS
        }

    # -- the choice and how it was decided: typed read-only attributes
    memory_mb: int = _chosen_field(int, "Memory size of the choice (MB).")
    arch: str = _chosen_field(str, "Architecture of the choice.")
    compute: str = _chosen_field(
        str,
        "Compute option of the choice: ``on-demand``, ``provisioned`` or ``lmi`` "
        "(Lambda Managed Instances: ``lmi`` holds the instances).",
    )
    provisioned_concurrency: int = _chosen_field(
        int, "Provisioned-concurrency instances of the choice (0 on demand)."
    )
    provisioned: int = _chosen_field(
        int,
        "Deprecated alias of ``provisioned_concurrency`` (same value; kept because "
        "the CLI's JSON key ``provisioned`` is parsed by tools).",
    )
    warm_ms: float = _chosen_field(float, "Warm duration of the choice (ms).")
    cold_ms: float = _chosen_field(
        float, "Cold duration of the choice incl. INIT (ms)."
    )
    cost_usd: float = _chosen_field(
        float,
        "One warm invocation at the choice (USD, first-tier price, as ``curve``).",
    )

    @property
    def monthly_usd(self) -> float | None:
        """The month's bill of the choice (USD); ``None`` without a request count."""
        v = float(self._chosen["monthly_usd"])
        return None if math.isnan(v) else v

    latency_ms: float = _chosen_field(
        float, "The ``percentile`` latency of all requests at the choice (ms)."
    )

    percentile: float = _result_field(float, "The latency percentile used (e.g. 99).")
    strategy: str = _result_field(str, "The strategy: cost, speed, balanced or knee.")
    reason: str = _result_field(str, "Why this configuration, in words.")
    decided_by: str = _result_field(
        str, 'The constraint that decided the choice, or ``"none"`` (the objective).'
    )

    @property
    def runners_up(self) -> list[dict[str, Any]]:
        """The runners-up, each a dict with a ``role`` ("cheapest", "fastest", "arm64"...)."""
        return [dict(r) for r in self._runners]

    caveats: list[str] = _result_field(
        list, "What the recommendation assumes (e.g. an unknown arm64 speed ratio)."
    )
    lmi: _core.LmiPlan | None = _result_field(
        lambda plan: plan,
        "With ``lmi`` among the compute options: its capacity plan and bill "
        "(``instances``, ``environments``, ``bill.instance_type``), chosen or not; "
        "else None.",
    )

    method: str = _result_field(
        str,
        "How the choice's latency was obtained: warm_only, closed_form or simulation.",
    )
    method_detail: str = _result_field(
        str, "How latencies were obtained, with the stated error."
    )
    within_uncertainty: bool = _result_field(
        bool, "True when a runner-up's prediction band overlaps the choice's."
    )
    requests_per_month: float = _result_field(
        float, "Monthly requests the configurations were priced at (0: per invocation)."
    )

    @property
    def change(self) -> dict[str, Any] | None:
        """From the current configuration to the choice: relative cost, duration and
        latency changes and dollars a month; ``None`` without a current configuration."""
        ch = self._r.change
        if ch is None:
            return None
        monthly = float(ch.monthly_usd_change)
        return {
            "current_memory_mb": int(ch.current.memory_mb),
            "current_arch": ch.current.arch,
            "current_provisioned_concurrency": int(ch.current.provisioned_concurrency),
            "current_provisioned": int(ch.current.provisioned_concurrency),
            "cost_change": float(ch.cost_change),
            "duration_change": float(ch.duration_change),
            "latency_change": float(ch.latency_change),
            "monthly_usd_change": None if math.isnan(monthly) else monthly,
        }

    @property
    def bill(self) -> _core.MonthlyBill:
        """The month's itemised bill of the choice (zero without a request count)."""
        return self._r.chosen_bill

    speed_ratio: float = _result_field(
        float,
        "How many times faster the CPU work runs on the other architecture, as used "
        "(1.0 when unknown; see ``caveats``).",
    )

    # -- tables
    def candidates(self) -> dict[str, NDArray[Any]]:
        """Every candidate (size x architecture x concurrency option) as 1-D arrays, with
        ``excluded_by`` (the first constraint it fails, ``none`` if feasible),
        ``feasible`` (no constraint fails) and
        ``pareto`` (on the front of cost against the latency percentile)."""
        return dict(self._table)

    def pareto(self) -> dict[str, NDArray[Any]]:
        """The Pareto front (cost against latency), ascending cost."""
        keep = self._table["pareto"].astype(bool)
        cost = self._cost_column()[keep]
        order = np.argsort(cost, kind="stable")
        return {k: v[keep][order] for k, v in self._table.items()}

    def _cost_column(self) -> NDArray[np.float64]:
        key = "monthly_usd" if self.requests_per_month > 0 else "cost_usd"
        return np.asarray(self._table[key], dtype=np.float64)

    def to_dict(self) -> dict[str, Any]:
        """The choice and the reason as a flat record."""
        return {
            **{
                k: self._chosen[k]
                for k in CANDIDATE_FIELDS
                if k not in ("band_lo_ms", "band_hi_ms")
            },
            "memory_mb": self.memory_mb,
            "monthly_usd": self.monthly_usd,
            "percentile": self.percentile,
            "strategy": self.strategy,
            "decided_by": self.decided_by,
            "reason": self.reason,
            "within_uncertainty": self.within_uncertainty,
        }

    def to_dataframe(self) -> pd.DataFrame:
        """The choice and the runners-up, one row each, with their role and the
        "x % cheaper / y % faster" comparison with the choice."""
        import pandas as pd

        monthly = self.requests_per_month > 0
        rows = [{"role": "recommended", **self._chosen, "versus_choice": ""}]
        for r in self._runners:
            rows.append({**r, "versus_choice": versus(r, self._chosen, monthly)})
        df = pd.DataFrame(rows)
        df["memory_mb"] = df["memory_mb"].astype("int64")
        return df

    def _html_title(self) -> str:
        return f"Recommendation ({self.strategy}): {self.memory_mb} MB {self.arch}"

    def _repr_html_(self) -> str:
        out = [html_table(self.to_dict(), self._html_title())]
        if self._runners:
            df = self.to_dataframe()
            cols = {
                c: df[c].to_numpy()
                for c in (
                    "role",
                    "memory_mb",
                    "arch",
                    "provisioned_concurrency",
                    "warm_ms",
                    "cost_usd",
                    "monthly_usd",
                    "latency_ms",
                    "versus_choice",
                )
            }
            out.append(html_table(cols, "Runners-up"))
        if self.caveats:
            items = "".join(f"<li>{html.escape(c)}</li>" for c in self.caveats)
            out.append(f"<ul>{items}</ul>")
        return "".join(out)

    def __repr__(self) -> str:
        npc = self.provisioned_concurrency
        extra = f", {npc} provisioned" if npc else ""
        if self.compute == "lmi" and self.lmi is not None:
            extra = f", lmi {self.lmi.instances} x {self.lmi.bill.instance_type}"
        return (
            f"Recommendation({self.strategy}: {self.memory_mb} MB {self.arch}{extra}, "
            f"{self.warm_ms:.1f} ms, decided_by={self.decided_by})"
        )

    def __str__(self) -> str:
        lines = [self.reason]
        lines += [f"caveat: {c}" for c in self.caveats]
        return "\n".join(lines)

    # -- pictures
    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Power Tuning's chart, continuous: duration and cost against memory, both
        architectures, infeasible sizes shaded, the choice and runners-up marked.
        Returns the two Axes (duration, cost)."""
        from ._plot import plot_recommendation

        return plot_recommendation(self, ax=ax, **kwargs)

    def plot_pareto(self, ax: Axes | None = None) -> Axes:
        """The Pareto front of cost against the latency percentile."""
        from ._plot import plot_pareto

        return plot_pareto(self, ax=ax)

    def plot_bill(self, ax: Axes | None = None) -> Axes:
        """The month's bill of the choice and the runners-up as stacked bars."""
        from ._plot import plot_bill_options

        return plot_bill_options(self, ax=ax)

    def powertuning_url(self, sizes: Any = None) -> str:
        """A Power Tuning visualization URL of the predicted curve of the choice's
        architecture at ``sizes`` (default: Power Tuning's default powerValues,
        ``lambdasim.powertuning.power_values_mb()``, within the platform's range)."""
        from ._curve import curve

        plat = self.platform
        if sizes is None:  # Power Tuning's default powerValues (models/)
            sizes = [
                s
                for s in _core.powertuning_power_values_mb()
                if plat.min_memory_mb <= s <= plat.max_memory_mb
            ]
        c = curve(
            self.profile,
            plat,
            arch=self.arch,
            region=self.options.region,
            memory_mb=sizes,
        )
        keep = c.feasible
        return str(
            _core.encode_visualization(
                c.memory_mb[keep].tolist(),
                c.warm_ms[keep].tolist(),
                c.cost_usd[keep].tolist(),
            )
        )


def recommend(
    profile: Any,
    platform: Any = None,
    *,
    arch: str | list[str] | None = None,
    band: Any = None,
    sweep: Any = None,
    threads: int | None = None,
    progress: bool | None = None,
    **options: Any,
) -> Any:
    """Recommend a memory size, architecture and concurrency option for ``profile``.

    Parameters
    ----------
    profile : Profile, FitResult, sequence of Profile, DataFrame or mapping of columns
        The workload. A ``FitResult`` also brings its bootstrap prediction band. Many
        profiles (as for :func:`curve`) give a ``FleetRecommendation``: one C++ call
        over ``threads`` threads (0 = every core, the default), each profile's choice
        equal to its own ``recommend()``.
    platform : Platform or str, optional
        Defaults to ``Platform.aws_lambda()``.
    arch : str or list of str, optional
        ``"x86_64"``, ``"arm64"``, ``"both"`` or a list; default both.
    band : float or (lo, hi), optional
        The warm-duration prediction band: a relative half-width, or arrays over the grid.
    sweep : Sweep, optional
        Recorded measurements, drawn by ``plot()``.
    progress : bool, optional
        Show a tqdm progress bar over the traffic simulations (provisioned levels under
        high load, or an arrival pattern); by default only for long runs, which also
        warn before they start with an estimate of their time.
    **options
        Fields of ``RecommendOptions`` (``strategy``, ``weight``, ``max_warm_ms``,
        ``max_latency_ms``, ``percentile``, ``requests_per_month``, ``budget_usd``,
        ``headroom``, ``max_provisioned``, ``current_memory_mb``, ``speed_ratio``, ...).

    Examples
    --------
    >>> import lambdasim as ls
    >>> p = ls.Profile(cpu_ms=800, io_ms=120, peak_memory_mb=180)
    >>> r = ls.recommend(p, strategy="speed", arch="x86_64")
    >>> r.memory_mb, round(r.warm_ms)
    (1769, 920)
    """
    platform = resolve_platform(platform, profile)
    fit_result = None
    from ._sweep import FitResult

    if isinstance(profile, FitResult):  # the Python result of ls.fit
        profile = profile.core
    if isinstance(profile, _core.FitResult):
        fit_result, profile = profile, profile.profile
    o = set_fields(
        _core.RecommendOptions(), options, "unknown recommend option '{key}'"
    )
    if arch is not None:
        choices = _core.RECOMMEND_CHOICES["arch"]
        o.architectures = (
            list(choices)
            if arch == "both"
            else ([arch] if isinstance(arch, str) else list(arch))
        )
    if not isinstance(profile, _core.Profile | _core.FitResult):
        from ._fleet import fleet_recommend

        if band is not None and np.ndim(band) == 0:
            o.band_relative = float(band)
        return fleet_recommend(profile, platform, o, threads)
    if (
        band is None
        and fit_result is not None
        and len(fit_result.bootstrap_profiles) > 0
    ):
        grid = o.memory_mb if len(o.memory_mb) else platform.memory_grid()
        lo, hi = fit_result.prediction_band(
            platform, np.asarray(grid, dtype=np.float64)
        )
        band = (lo, hi)
    if band is not None:
        if np.ndim(band) == 0:
            o.band_relative = float(band)
        else:
            lo, hi = band
            o.band_lo_ms = np.asarray(lo, dtype=np.float64)
            o.band_hi_ms = np.asarray(hi, dtype=np.float64)
    bar = _SimulationProgress(as_flag("progress", progress))
    try:
        result = _core.recommend(profile, platform, o, bar)
    finally:
        bar.close()
    return Recommendation(result, profile, platform, o, sweep=sweep)


class _SimulationProgress:
    """The progress callback of ``_core.recommend``: learns the total of simulated
    requests at its first call (done = 0), then warns when the run will take over a
    minute and shows a bar when asked, or by default from the simulator's threshold."""

    def __init__(self, show: bool | None) -> None:
        self.show = show
        self.bar: Any = None

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __call__(self, done: int, total: int) -> None:
        if done == 0 and self.bar is None:
            import os

            from ._simulate import PROGRESS_THRESHOLD

            cores = os.cpu_count() or 1
            seconds = total / (_core.simulated_requests_per_s * cores)
            if seconds > 60:
                warnings.warn(
                    f"recommend simulates {total:,} requests (about "
                    f"{seconds / 60:.1f} min on {cores} idle cores): fewer provisioned "
                    "levels (max_provisioned) or a shorter simulated_hours "
                    "(--simulated-hours) shorten it",
                    LambdasimWarning,
                    stacklevel=3,  # __call__, recommend(), its caller
                )
            if self.show or (self.show is None and total >= PROGRESS_THRESHOLD):
                from tqdm.auto import tqdm

                self.bar = tqdm(
                    total=total, unit="req", unit_scale=True, desc="recommend"
                )
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
