# SPDX-License-Identifier: MIT
"""Lambda Managed Instances (LMI): a thin facade over ``_core``'s LMI functions.

The bill (``lmi_bill``), the simulation (``simulate_lmi``), the three compute options
compared (``compare_compute``) and the break-even view (``break_even``). Every default
lives in C++ (``LmiConfig``, from ``models/lmi-aws.json``); keywords left as ``None``
keep it. The assumptions in force (figures AWS does not publish) are on every result.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._defaults import (
    OptionError,
    as_number,
    resolve_platform,
    resolve_prices,
    set_fields,
)
from ._result import Result
from ._simulate import _arrivals

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike, NDArray

#: The money lines of an LMI bill, then the quantities.
LMI_BILL_FIELDS = (
    "total_usd",
    "instances_usd",
    "management_usd",
    "requests_usd",
    "on_demand_usd",
    "instance_hours",
    "requests",
    "ec2_discount",
)


def lmi_config(instance_type: str, **options: Any) -> _core.LmiConfig:
    """An ``LmiConfig`` for ``instance_type`` with the given fields set; the others keep
    the C++ defaults (``models/lmi-aws.json``).

    >>> lmi_config("m7g.large", memory_per_vcpu_gib=2).memory_per_vcpu_gib
    2.0
    """
    c = set_fields(_core.LmiConfig(), options, "unknown LMI option '{key}'")
    c.instance_type = instance_type
    c.validate()
    return c


def lmi_assumptions(**options: Any) -> list[str]:
    """The figures AWS does not publish, one line each, with the values of the given
    ``LmiConfig`` fields (the defaults otherwise), each marked [default] or [set].

    >>> any("[set]" in a for a in lmi_assumptions(cpu_target=0.7))
    True
    """
    c = set_fields(_core.LmiConfig(), options, "unknown LMI option '{key}'")
    return list(_core.lmi_assumptions(c))


class LmiBill(Result):
    """One month of LMI, itemised: the EC2 part after its discount
    (``instances_usd``), the management fee on the On-Demand price, never discounted
    (``management_usd``), requests (``requests_usd``) and ``total_usd``; with
    ``instance_hours``, and the capacity plan behind them when priced from traffic."""

    def __init__(
        self,
        bill: _core.LmiBill,
        config: _core.LmiConfig,
        plan: _core.LmiPlan | None = None,
    ) -> None:
        self._bill = bill
        self._config = config
        self._plan = plan

    @property
    def total_usd(self) -> float:
        return float(self._bill.total_usd)

    @property
    def instances_usd(self) -> float:
        return float(self._bill.instances_usd)

    @property
    def management_usd(self) -> float:
        return float(self._bill.management_usd)

    @property
    def requests_usd(self) -> float:
        return float(self._bill.requests_usd)

    @property
    def on_demand_usd(self) -> float:
        """The EC2 part before its discount."""
        return float(self._bill.on_demand_usd)

    @property
    def instance_hours(self) -> float:
        return float(self._bill.instance_hours)

    @property
    def requests(self) -> float:
        return float(self._bill.requests)

    @property
    def ec2_discount(self) -> float:
        return float(self._bill.ec2_discount)

    @property
    def instance_type(self) -> str:
        return str(self._bill.instance_type)

    @property
    def plan(self) -> _core.LmiPlan | None:
        """The capacity plan (environments, instances, what bound them), when priced
        from traffic."""
        return self._plan

    @property
    def assumptions(self) -> list[str]:
        """The figures AWS does not publish, as used for this bill."""
        return list(_core.lmi_assumptions(self._config))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"compute": "lmi", "instance_type": self.instance_type}
        d.update({k: getattr(self, k) for k in LMI_BILL_FIELDS})
        if self._plan is not None:
            d["environments"] = self._plan.environments
            d["instances"] = self._plan.instances
            d["bound"] = self._plan.bound
            d["cpu_utilisation"] = self._plan.cpu_utilisation
        return d

    def _html_title(self) -> str:
        return f"LMI bill, {self.instance_type}"

    def __repr__(self) -> str:
        return (
            f"LmiBill({self.instance_type}, {self.instance_hours:g} instance-hours, "
            f"{self.requests:g} requests: total ${self.total_usd:.2f})"
        )


def lmi_bill(
    instance_type: str,
    *,
    requests_per_month: float = 0.0,
    instances: int | None = None,
    instance_hours: float | None = None,
    profile: _core.Profile | None = None,
    peak_to_mean: float | None = None,
    month_hours: float | None = None,
    **options: Any,
) -> LmiBill:
    """The month's LMI bill.

    Give the capacity as ``instances`` (held all month) or ``instance_hours``, or give
    a ``profile``: the capacity is then planned for ``requests_per_month`` at a peak of
    ``peak_to_mean`` times the mean rate (``LmiPlan``; default: ``plan_lmi``'s, the
    mean rate itself). ``**options`` are ``LmiConfig``
    fields (``ec2_discount``, ``memory_per_vcpu_gib``, ``concurrency_per_environment``, ...).

    Examples
    --------
    Three m6g.large all month at On-Demand with the management fee:

    >>> import lambdasim as ls
    >>> round(ls.lmi_bill("m6g.large", instances=3).total_usd, 2)
    193.92

    AWS's example: 2,000 instance-hours of m7g.xlarge at a 72 % discount, 100 M requests:

    >>> b = ls.lmi_bill("m7g.xlarge", instance_hours=2000, requests_per_month=100e6,
    ...                 ec2_discount=0.72)
    >>> round(b.management_usd, 2), round(b.requests_usd, 2), round(b.total_usd, 2)
    (48.96, 20.0, 160.35)
    """
    config = lmi_config(instance_type, **options)
    hours = (
        _core.LmiModel.aws().month_hours if month_hours is None else float(month_hours)
    )
    given = [x is not None for x in (instances, instance_hours, profile)]
    if sum(given) != 1:
        msg = "give exactly one of instances=, instance_hours= or profile="
        raise ValueError(msg)
    if profile is not None:
        peak = {} if peak_to_mean is None else {"peak_to_mean": float(peak_to_mean)}
        plan = _core.plan_lmi(
            profile, config, float(requests_per_month), month_hours=hours, **peak
        )
        return LmiBill(plan.bill, config, plan)
    if instances is not None:
        if instances < 0:
            msg = f"instances = {instances}: must be >= 0"
            raise ValueError(msg)
        instance_hours = float(instances) * hours
    assert instance_hours is not None
    return LmiBill(
        _core.compute_lmi_bill(
            config, float(instance_hours), float(requests_per_month)
        ),
        config,
    )


class LmiSimulation(Result):
    """What an LMI simulation gave: latency (``p50_ms`` ... ``p999_ms``), throttles,
    environments and instances over time (``timeline()``), instance-hours and the
    month's ``bill``. ``to_dict()`` is the scalar summary."""

    def __init__(self, result: _core.LmiSimulationResult, month_hours: float) -> None:
        self._result = result
        self.bill = LmiBill(
            _core.simulated_lmi_bill(result, month_hours), result.config
        )

    @property
    def requests(self) -> int:
        return int(self._result.requests)

    @property
    def served(self) -> int:
        return int(self._result.served)

    @property
    def throttled(self) -> int:
        return int(self._result.throttled)

    @property
    def throttled_fraction(self) -> float:
        return self.throttled / self.requests if self.requests else 0.0

    @property
    def p50_ms(self) -> float:
        return float(self._result.latency.p50_ms)

    @property
    def p90_ms(self) -> float:
        return float(self._result.latency.p90_ms)

    @property
    def p99_ms(self) -> float:
        return float(self._result.latency.p99_ms)

    @property
    def p999_ms(self) -> float:
        return float(self._result.latency.p999_ms)

    @property
    def mean_ms(self) -> float:
        return float(self._result.latency.mean_ms)

    @property
    def mean_environments(self) -> float:
        return float(self._result.mean_environments)

    @property
    def peak_environments(self) -> int:
        return int(self._result.peak_environments)

    @property
    def mean_instances(self) -> float:
        return float(self._result.mean_instances)

    @property
    def peak_instances(self) -> int:
        return int(self._result.peak_instances)

    @property
    def instance_hours(self) -> float:
        """Instance-hours within the simulated period."""
        return float(self._result.instance_seconds) / 3600

    @property
    def cpu_utilisation(self) -> float:
        return float(self._result.cpu_utilisation)

    @property
    def mean_concurrency(self) -> float:
        return float(self._result.mean_concurrency)

    @property
    def period_s(self) -> float:
        return float(self._result.period_s)

    @property
    def layout(self) -> _core.LmiLayout:
        return self._result.layout

    @property
    def assumptions(self) -> list[str]:
        return list(self._result.assumptions)

    @property
    def core(self) -> _core.LmiSimulationResult:
        """The ``_core`` result (histogram, timeline arrays, configuration)."""
        return self._result

    def to_dict(self) -> dict[str, Any]:
        keys = (
            "requests",
            "served",
            "throttled",
            "throttled_fraction",
            "p50_ms",
            "p90_ms",
            "p99_ms",
            "p999_ms",
            "mean_ms",
            "mean_environments",
            "peak_environments",
            "mean_instances",
            "peak_instances",
            "instance_hours",
            "cpu_utilisation",
            "mean_concurrency",
            "period_s",
        )
        d = {k: getattr(self, k) for k in keys}
        d["total_usd"] = self.bill.total_usd
        return d

    def timeline(self) -> Any:
        """Per scaling interval: ``t_s``, ready ``environments``, ``pending``,
        ``instances``, ``arrivals``, ``throttled`` and ``cpu_utilisation`` (a DataFrame)."""
        import pandas as pd

        r = self._result
        return pd.DataFrame(
            {
                "t_s": np.asarray(r.timeline_t_s),
                "environments": np.asarray(r.timeline_environments),
                "pending": np.asarray(r.timeline_pending),
                "instances": np.asarray(r.timeline_instances),
                "arrivals": np.asarray(r.timeline_arrivals),
                "throttled": np.asarray(r.timeline_throttled),
                "cpu_utilisation": np.asarray(r.timeline_cpu_utilisation),
            }
        )

    def plot(self, ax: Axes | None = None) -> Axes:
        """Environments and instances over time, throttles on a second axis."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4), constrained_layout=True)
        t = self.timeline()
        minutes = t["t_s"] / 60
        ax.step(minutes, t["environments"], where="post", label="environments (ready)")
        ax.step(minutes, t["instances"], where="post", label="instances")
        ax.set_xlabel("minutes")
        ax.set_ylabel("count")
        if t["throttled"].sum() > 0:
            ax2 = ax.twinx()
            ax2.bar(
                minutes,
                t["throttled"],
                width=self._result.interval_s / 60,
                align="edge",
                alpha=0.3,
                color="tab:red",
                label="throttled",
            )
            ax2.set_ylabel("throttled per interval")
        ax.legend(loc="upper left")
        return ax

    def _html_title(self) -> str:
        return f"LMI simulation, {self._result.config.instance_type}"

    def __repr__(self) -> str:
        return (
            f"LmiSimulation({self.requests} requests, p99 {self.p99_ms:.1f} ms, "
            f"{self.throttled} throttled, {self.mean_instances:.2f} instances, "
            f"${self.bill.total_usd:.2f}/month)"
        )


def simulate_lmi(
    profile: _core.Profile,
    instance_type: str,
    *,
    rate: float | None = None,
    hourly_rates: ArrayLike | None = None,
    trace: str | os.PathLike[str] | ArrayLike | None = None,
    trace_column: str = "",
    days: float | None = None,
    duration_s: float | None = None,
    seed: int | None = None,
    initial_environments: int | None = None,
    autoscale: bool | None = None,
    month_hours: float | None = None,
    max_requests: float | None = None,
    **options: Any,
) -> LmiSimulation:
    """Simulate ``profile`` on LMI (processor sharing in each environment, throttles at
    the concurrency limit, autoscaling no faster than the platform's doubling).

    Arrivals as for :func:`simulate`: exactly one of ``rate=`` (Poisson, per second),
    ``hourly_rates=`` or ``trace=``, over ``days=`` or ``duration_s=``. ``**options`` are
    ``LmiConfig`` fields. A run expecting more than ``max_requests`` requests (default:
    ``SimulateOptions``' guard) is refused before it starts.

    Examples
    --------
    >>> import lambdasim as ls
    >>> s = ls.simulate_lmi(ls.Profile(cpu_ms=10, io_ms=90), "m7g.large", rate=50,
    ...                     duration_s=600, seed=1)
    >>> s.throttled, s.peak_instances
    (0, 3)
    """
    config = lmi_config(instance_type, **options)
    arrivals = _arrivals(rate, hourly_rates, trace, trace_column, days, duration_s)
    limit = (
        _core.SimulateOptions().max_requests
        if max_requests is None
        else as_number("max_requests", max_requests)
    )
    expected = arrivals.expected_requests()
    if expected > limit:
        msg = (
            f"expected requests = {expected:.3g}: above max_requests = {limit:.3g}; "
            "shorten the period, lower the rate or raise max_requests"
        )
        raise OptionError(msg)
    o = set_fields(
        _core.LmiSimulateOptions(),
        {
            "seed": seed,
            "initial_environments": initial_environments,
            "autoscale": autoscale,
        },
        "unknown option '{key}'",
    )
    hours = (
        _core.LmiModel.aws().month_hours if month_hours is None else float(month_hours)
    )
    return LmiSimulation(_core.simulate_lmi(profile, arrivals, config, o), hours)


class ComputeComparison(Result):
    """On-demand, provisioned concurrency and LMI at one traffic: one row per option
    (``compute``, ``total_usd``, ``latency_ms`` at the percentile, ``throttled_fraction``,
    ``feasible``, ``detail``), the ``winner`` and the ``reason`` it wins."""

    def __init__(self, result: _core.ComputeComparison) -> None:
        self._result = result

    @property
    def winner(self) -> str:
        return str(self._result.winner)

    @property
    def reason(self) -> str:
        return str(self._result.reason)

    @property
    def percentile(self) -> float:
        return float(self._result.percentile)

    @property
    def options(self) -> list[_core.ComputeEstimate]:
        return list(self._result.options)

    @property
    def assumptions(self) -> list[str]:
        return list(self._result.assumptions)

    def to_dict(self) -> dict[str, Any]:
        opts = self._result.options
        return {
            "compute": np.array([o.compute for o in opts]),
            "total_usd": np.array([o.total_usd for o in opts]),
            "latency_ms": np.array([o.latency_ms for o in opts]),
            "mean_latency_ms": np.array([o.mean_latency_ms for o in opts]),
            "throttled_fraction": np.array([o.throttled_fraction for o in opts]),
            "cold_fraction": np.array([o.cold_fraction for o in opts]),
            "feasible": np.array([o.feasible for o in opts]),
            "detail": np.array([o.detail for o in opts]),
        }

    def plot(self, ax: Axes | None = None) -> Axes:
        """Monthly cost per option (bars), the latency percentile written on each."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4), constrained_layout=True)
        d = self.to_dict()
        colors = ["tab:green" if c == self.winner else "tab:gray" for c in d["compute"]]
        bars = ax.bar(d["compute"], d["total_usd"], color=colors)
        q = f"p{self.percentile * 100:g}"
        for bar, ms in zip(bars, d["latency_ms"]):
            ax.annotate(
                f"{q} {ms:.0f} ms",
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
            )
        ax.set_ylabel("USD per month")
        ax.set_title(f"winner: {self.winner}")
        return ax

    def _html_title(self) -> str:
        return f"Compute options: {self.winner} wins. {self.reason}"

    def __repr__(self) -> str:
        return f"ComputeComparison(winner={self.winner!r})"


def compare_compute(
    profile: _core.Profile,
    memory_mb: float,
    requests_per_month: float,
    instance_type: str,
    *,
    platform: _core.Platform | str | None = None,
    prices: _core.PriceTable | None = None,
    arch: str | None = None,
    region: str | None = None,
    computes: list[str] | None = None,
    peak_to_mean: float | None = None,
    percentile: float | None = None,
    max_latency_ms: float | None = None,
    max_throttled_fraction: float | None = None,
    simulate_s: float | None = None,
    seed: int | None = None,
    bill_options: dict[str, Any] | None = None,
    **options: Any,
) -> ComputeComparison:
    """Compare on-demand, provisioned concurrency and LMI for ``profile`` at
    ``requests_per_month``: each option's month and simulated latency percentile; the
    cheapest that meets the limits wins, and ``reason`` says why.

    ``memory_mb`` is the ordinary Lambda size; ``instance_type`` and ``**options``
    (``LmiConfig`` fields) configure LMI; ``bill_options`` are ``BillOptions`` fields for
    on-demand and provisioned (``savings_plan_discount``, ``free_tier``, ...).

    Examples
    --------
    >>> import lambdasim as ls
    >>> c = ls.compare_compute(ls.Profile(cpu_ms=10, io_ms=90), 512, 1e6, "m7g.large",
    ...                        simulate_s=600)
    >>> c.winner
    'on-demand'
    """
    from ._bill import bill_options as make_bill_options

    config = lmi_config(instance_type, **options)
    o = set_fields(
        _core.CompareOptions(),
        {
            "requests_per_month": float(requests_per_month),
            "computes": computes,
            "peak_to_mean": peak_to_mean,
            "percentile": percentile,
            "max_latency_ms": max_latency_ms,
            "max_throttled_fraction": max_throttled_fraction,
            "simulate_s": simulate_s,
            "seed": seed,
        },
        "unknown option '{key}'",
    )
    bo = make_bill_options(**(bill_options or {}))
    result = _core.compare_compute(
        profile,
        resolve_platform(platform, profile),
        resolve_prices(prices, region, arch, profile),
        float(memory_mb),
        config,
        o,
        bo,
    )
    return ComputeComparison(result)


class BreakEven(Result):
    """Monthly cost of each compute option against ``x`` (monthly requests or the
    peak-to-mean ratio), with the crossovers of LMI with on-demand and with provisioned
    concurrency."""

    def __init__(self, result: _core.BreakEvenResult) -> None:
        self._result = result

    @property
    def x_name(self) -> str:
        return str(self._result.x_name)

    @property
    def x(self) -> NDArray[np.float64]:
        return np.asarray(self._result.x)

    @property
    def on_demand_usd(self) -> NDArray[np.float64]:
        return np.asarray(self._result.on_demand_usd)

    @property
    def provisioned_usd(self) -> NDArray[np.float64]:
        return np.asarray(self._result.provisioned_usd)

    @property
    def lmi_usd(self) -> NDArray[np.float64]:
        return np.asarray(self._result.lmi_usd)

    @property
    def lmi_on_demand_crossovers(self) -> list[float]:
        """Where LMI and on-demand cost the same (ascending)."""
        return list(self._result.lmi_on_demand_crossovers)

    @property
    def lmi_provisioned_crossovers(self) -> list[float]:
        return list(self._result.lmi_provisioned_crossovers)

    def to_dict(self) -> dict[str, Any]:
        return {
            self.x_name: self.x,
            "on_demand_usd": self.on_demand_usd,
            "provisioned_usd": self.provisioned_usd,
            "lmi_usd": self.lmi_usd,
        }

    def plot(self, ax: Axes | None = None) -> Axes:
        """Cost of each option against x (log-log for requests), crossovers marked."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4.5), constrained_layout=True)
        x = self.x
        ax.plot(x, self.on_demand_usd, label="on-demand")
        ax.plot(x, self.provisioned_usd, label="provisioned concurrency")
        ax.step(x, self.lmi_usd, where="post", label="LMI")
        for c in self.lmi_on_demand_crossovers:
            ax.axvline(c, color="k", ls=":", lw=1)
            ax.annotate(
                f"LMI = on-demand\n{c:.3g}",
                (c, ax.get_ylim()[1]),
                ha="left",
                va="top",
                fontsize=8,
            )
        if self.x_name == "requests_per_month":
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel("requests per month")
        else:
            ax.set_xlabel("peak-to-mean ratio")
        ax.set_ylabel("USD per month")
        ax.legend()
        return ax

    def _html_title(self) -> str:
        return f"Break-even against {self.x_name}"

    def __repr__(self) -> str:
        cross = ", ".join(f"{c:.4g}" for c in self.lmi_on_demand_crossovers) or "none"
        return f"BreakEven({len(self.x)} points of {self.x_name}; LMI = on-demand at {cross})"


def break_even(
    profile: _core.Profile,
    memory_mb: float,
    instance_type: str,
    *,
    requests_per_month: ArrayLike | float | None = None,
    peak_to_mean: ArrayLike | float | None = None,
    platform: _core.Platform | str | None = None,
    prices: _core.PriceTable | None = None,
    arch: str | None = None,
    region: str | None = None,
    bill_options: dict[str, Any] | None = None,
    **options: Any,
) -> BreakEven:
    """Monthly cost of on-demand, provisioned concurrency and LMI against monthly
    requests (``requests_per_month`` an array, ``peak_to_mean`` a number, default 1) or
    against the peak-to-mean ratio (``peak_to_mean`` an array, ``requests_per_month`` a
    number). Analytic (no simulation): on-demand with no cold starts, provisioned and LMI
    holding capacity for the peak.

    Examples
    --------
    >>> import lambdasim as ls
    >>> b = ls.break_even(ls.Profile(cpu_ms=10, io_ms=90), 1769, "m7g.large",
    ...                   requests_per_month=np.geomspace(1e6, 1e9, 31))
    >>> round(b.lmi_on_demand_crossovers[0] / 1e6, 1)
    71.4
    """
    from ._bill import bill_options as make_bill_options

    config = lmi_config(instance_type, **options)
    bo = make_bill_options(**(bill_options or {}))
    platform_ = resolve_platform(platform, profile)
    prices_ = resolve_prices(prices, region, arch, profile)
    if peak_to_mean is not None and np.ndim(peak_to_mean) == 1:
        if requests_per_month is None or np.ndim(requests_per_month) != 0:
            msg = "with a peak_to_mean grid, give requests_per_month as one number"
            raise ValueError(msg)
        grid = np.asarray(peak_to_mean, dtype=np.float64)
        return BreakEven(
            _core.break_even_peak(
                profile,
                platform_,
                prices_,
                float(memory_mb),
                config,
                float(requests_per_month),  # type: ignore[arg-type]
                grid,
                bo,
            )
        )
    if requests_per_month is None or np.ndim(requests_per_month) != 1:
        msg = "give requests_per_month as a 1-D grid (or peak_to_mean as one)"
        raise ValueError(msg)
    grid = np.asarray(requests_per_month, dtype=np.float64)
    ratio = 1.0 if peak_to_mean is None else float(peak_to_mean)  # type: ignore[arg-type]
    return BreakEven(
        _core.break_even_requests(
            profile, platform_, prices_, float(memory_mb), config, grid, ratio, bo
        )
    )
