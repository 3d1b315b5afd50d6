# SPDX-License-Identifier: MIT
"""Recorded sweeps, fitting a profile to them and checking a profile against them.

Thin keyword-argument facades over ``_core``; loading, fitting and checking happen in
libsim (C++). Every result follows the result protocol (``_result.Result``); sweep and
fit diagnostics surface as ``LambdasimWarning``.
"""

from __future__ import annotations

import math
import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._defaults import OptionError, memory_sizes, resolve_platform, set_fields
from ._result import Result, field, warn_all

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from numpy.typing import NDArray

#: Columns of a sweep summary (one row per recorded size).
SUMMARY_COLUMNS = (
    "memory_mb",
    "n",
    "n_cold",
    "duration_ms",
    "p5_ms",
    "p95_ms",
    "billed_ms",
    "init_ms",
    "cold_duration_ms",
    "max_memory_used_mb",
)

#: Columns of a fit's per-size table.
FIT_COLUMNS = (
    "memory_mb",
    "observed_ms",
    "predicted_ms",
    "rel_error",
    "band_lo_ms",
    "band_hi_ms",
    "spread_lo_ms",
    "spread_hi_ms",
    "used_in_fit",
)

#: Columns of a check's per-size table.
CHECK_COLUMNS = (
    "memory_mb",
    "predicted_ms",
    "observed_ms",
    "deviation",
    "rel_error",
    "p5_ms",
    "p95_ms",
    "in_band",
    "within_tolerance",
    "outside_band",
)


def _columns(result: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of a ``_core`` result as numpy arrays."""
    return {name: np.asarray(getattr(result, name)) for name in names}


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated; use {new}", DeprecationWarning, stacklevel=3)


class SweepSummary(Result):
    """A recorded sweep reduced to one row per memory size.

    Columns (1-D arrays): ``memory_mb``, ``n`` (invocations, 0 = unknown), ``n_cold``,
    ``duration_ms`` (the aggregate of warm durations), ``p5_ms``/``p95_ms``,
    ``billed_ms``, ``init_ms``, ``cold_duration_ms``, ``max_memory_used_mb`` (NaN where
    the sweep does not record it).
    """

    def __init__(
        self, summary: _core.SweepSummary, sweep: _core.Sweep, aggregate: str
    ) -> None:
        self._c = _columns(summary, SUMMARY_COLUMNS)
        self.aggregate = aggregate
        self.source: str = sweep.meta.source

    @property
    def memory_mb(self) -> NDArray[np.float64]:
        return self._c["memory_mb"]

    @property
    def n(self) -> NDArray[np.float64]:
        return self._c["n"]

    @property
    def n_cold(self) -> NDArray[np.float64]:
        return self._c["n_cold"]

    @property
    def duration_ms(self) -> NDArray[np.float64]:
        return self._c["duration_ms"]

    @property
    def p5_ms(self) -> NDArray[np.float64]:
        return self._c["p5_ms"]

    @property
    def p95_ms(self) -> NDArray[np.float64]:
        return self._c["p95_ms"]

    @property
    def billed_ms(self) -> NDArray[np.float64]:
        return self._c["billed_ms"]

    @property
    def init_ms(self) -> NDArray[np.float64]:
        return self._c["init_ms"]

    @property
    def cold_duration_ms(self) -> NDArray[np.float64]:
        return self._c["cold_duration_ms"]

    @property
    def max_memory_used_mb(self) -> NDArray[np.float64]:
        return self._c["max_memory_used_mb"]

    def __len__(self) -> int:
        return len(self.memory_mb)

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """The columns as a dict of 1-D arrays."""
        return dict(self._c)

    def _html_title(self) -> str:
        return f"sweep {self.source} ({self.aggregate})"

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Duration against memory with the recorded p5..p95 band (log axes)."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4), constrained_layout=True)
        ax.fill_between(
            self.memory_mb, self.p5_ms, self.p95_ms, alpha=0.25, label="p5..p95"
        )
        ax.plot(self.memory_mb, self.duration_ms, "o-", label=self.aggregate, **kwargs)
        ax.set(xscale="log", yscale="log", xlabel="memory [MB]", ylabel="duration [ms]")
        ax.legend()
        return ax

    def __repr__(self) -> str:
        return (
            f"SweepSummary({len(self)} sizes, {self.aggregate}, source={self.source!r})"
        )


def summarize(
    sweep: _core.Sweep, aggregate: str | None = None, *, aggregation: str | None = None
) -> SweepSummary:
    """The per-size summary of a sweep (its diagnostics become ``LambdasimWarning``).

    ``aggregate`` reduces each size's durations: median (the default of the C++
    options), trimmed_mean (Power Tuning's) or mean. ``aggregation=`` is its deprecated
    old name.

    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> t = ls.summarize(s)
    >>> t.memory_mb.tolist(), t.duration_ms.tolist()
    ([128.0, 256.0, 512.0, 1024.0], [11722.0, 6678.0, 3194.0, 1465.0])
    """
    if aggregation is not None:
        _deprecated("summarize(aggregation=)", "summarize(aggregate=)")
        aggregate = aggregation if aggregate is None else aggregate
    if not isinstance(sweep, _core.Sweep):
        msg = f"sweep = {sweep!r}: expected a Sweep (Sweep.load, Sweep.from_powertuning, ...)"
        raise OptionError(msg)
    if aggregate is None:
        aggregate = str(_core.CheckOptions().aggregate)
    elif not isinstance(aggregate, str):
        names = _core.enum_names()["aggregation"]
        msg = f"aggregate = {aggregate!r}: expected {', '.join(names[:-1])} or {names[-1]}"
        raise OptionError(msg)
    warn_all(sweep.diagnostics)
    return SweepSummary(sweep.summarize(aggregate), sweep, aggregate)


def summary_table(sweep: _core.Sweep, aggregation: str | None = None) -> dict[str, Any]:
    """Deprecated: ``summarize(sweep, aggregate).to_dict()``."""
    _deprecated("summary_table(sweep)", "lambdasim.summarize(sweep).to_dict()")
    return summarize(sweep, aggregation).to_dict()


def summary_dataframe(
    sweep: _core.Sweep, aggregation: str | None = None
) -> pd.DataFrame:
    """Deprecated: ``summarize(sweep, aggregate).to_dataframe()``."""
    _deprecated("summary_dataframe(sweep)", "lambdasim.summarize(sweep).to_dataframe()")
    return summarize(sweep, aggregation).to_dataframe()


class FitResult(Result):
    """A workload profile fitted to a recorded sweep.

    ``profile`` is the fitted profile; ``structure`` and ``reason`` say which model was
    chosen and why; the per-size table (``to_dict()``) holds ``memory_mb``,
    ``observed_ms``, ``predicted_ms``, ``rel_error``, the band ``band_lo_ms`` ..
    ``band_hi_ms`` and ``used_in_fit``; ``mape`` (all sizes), ``mape_fit`` (fitting
    sizes), ``mape_holdout`` (the others); ``param_names``/``param_values``/``param_sd``.
    """

    def __init__(self, result: _core.FitResult, platform: _core.Platform) -> None:
        self._r = result
        self._c = _columns(result, FIT_COLUMNS)
        self.platform = platform

    @property
    def core(self) -> _core.FitResult:
        """The underlying ``_core.FitResult`` (candidates, bootstrap profiles, bands)."""
        return self._r

    @property
    def profile(self) -> _core.Profile:
        """The fitted workload profile."""
        return self._r.profile

    @property
    def fitted(self) -> _core.Profile:
        """Deprecated alias of ``profile``."""
        _deprecated("FitResult.fitted", "FitResult.profile")
        return self._r.profile

    # -- typed read-only attributes: of the _core.FitResult, or of its per-size columns
    structure: str = field(
        "_r",
        str,
        "The structure chosen: io_cpu, threaded_cpu, scaled_io, gc_cpu, amdahl.",
    )
    reason: str = field("_r", str, "Why this structure (scores of the alternatives).")
    mape: float = field("_r", float, "Mean ``|rel_error|`` over every recorded size.")
    mape_fit: float = field("_r", float, "Mean ``|rel_error|`` over the fitting sizes.")
    mape_holdout: float = field(
        "_r", float, "Mean ``|rel_error|`` over the held-out sizes (NaN if none)."
    )
    param_names: list[str] = field(
        "_r", list, "Names of the fitted parameters (see ``param_values``)."
    )
    param_values: NDArray[np.float64] = field(
        "_r", np.asarray, "Values of the fitted parameters (see ``param_names``)."
    )
    param_sd: NDArray[np.float64] = field(
        "_r", np.asarray, "Bootstrap standard deviations (NaN without samples)."
    )
    diagnostics: list[str] = field(
        "_r", list, "Soft diagnostics of the fit (also raised as LambdasimWarning)."
    )
    noise: NDArray[np.float64] = field(
        "_r", np.asarray, "Relative noise used per size (sampling + model)."
    )
    band_level: float = field(
        "_r", float, "Coverage of the prediction band (``band_lo_ms``..``band_hi_ms``)."
    )
    threads: int = field(
        "_r", int, "Thread count of the parallel part (amdahl, threaded_cpu; else 1)."
    )
    threads_identified: bool = field(
        "_r", bool, "True when the data (or the user) fixed the thread count."
    )
    plausible_threads: list[int] = field(
        "_r", list, "Thread counts the data leave plausible."
    )
    plausible_profiles: list[_core.Profile] = field(
        "_r", list, "Curves the data cannot tell from the chosen one (the band covers)."
    )
    platform_name: str = field("_r", str, "The platform the fit used.")
    bootstrap_profiles: list[_core.Profile] = field(
        "_r", list, "The profiles fitted to each bootstrap resample."
    )
    candidates: list[_core.FitCandidate] = field(
        "_r", list, "The best candidate per structure and knob value."
    )
    memory_mb: NDArray[np.float64] = field("_c", np.asarray, "Recorded sizes (MB).")
    observed_ms: NDArray[np.float64] = field(
        "_c", np.asarray, "Each size's aggregate of its warm rows (ms)."
    )
    predicted_ms: NDArray[np.float64] = field(
        "_c", np.asarray, "Warm duration of the fitted profile per size (ms)."
    )
    rel_error: NDArray[np.float64] = field(
        "_c", np.asarray, "``(predicted - observed) / observed`` per size."
    )
    band_lo_ms: NDArray[np.float64] = field(
        "_c", np.asarray, "Lower end of the prediction band per size (ms)."
    )
    band_hi_ms: NDArray[np.float64] = field(
        "_c", np.asarray, "Upper end of the prediction band per size (ms)."
    )
    spread_lo_ms: NDArray[np.float64] = field(
        "_c",
        np.asarray,
        "5th percentile of the bootstrap predictions (ms; NaN without).",
    )
    spread_hi_ms: NDArray[np.float64] = field(
        "_c",
        np.asarray,
        "95th percentile of the bootstrap predictions (ms; NaN without).",
    )
    used_in_fit: NDArray[np.bool_] = field(
        "_c", np.asarray, "Per size: True where fitted, False where held out."
    )

    def prediction_band(
        self,
        platform: Any,
        memory_mb: Any,
        q_lo: float | None = None,
        q_hi: float | None = None,
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """The ``q_lo``..``q_hi`` band of predicted warm durations at ``memory_mb``
        (``platform`` None: the one fitted on; quantiles None: those of
        ``spread_lo_ms``/``spread_hi_ms``, C++ ``spread_q_lo``/``spread_q_hi``)."""
        plat = self.platform if platform is None else resolve_platform(platform)
        grid = memory_sizes(memory_mb)
        given = {k: v for k, v in (("q_lo", q_lo), ("q_hi", q_hi)) if v is not None}
        return self._r.prediction_band(plat, grid, **given)

    def prediction_interval(
        self, platform: Any, memory_mb: Any, level: float | None = None
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """The ``level`` prediction interval of a warm duration at ``memory_mb``
        (``platform`` None: the one fitted on; ``level`` None: the fit's
        ``band_level``)."""
        plat = self.platform if platform is None else resolve_platform(platform)
        grid = memory_sizes(memory_mb)
        lvl = self._r.band_level if level is None else level
        return self._r.prediction_interval(plat, grid, lvl)

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """The per-size table as a dict of 1-D arrays."""
        return dict(self._c)

    def _html_title(self) -> str:
        return f"fit: {self.structure}, MAPE {100 * self.mape:.2f} %"

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Observed and predicted duration against memory, with the prediction band;
        the sizes used in the fit are filled markers."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4), constrained_layout=True)
        m = self.memory_mb
        lo, hi = self.band_lo_ms, self.band_hi_ms
        if np.isfinite(lo).any():
            ax.fill_between(m, lo, hi, alpha=0.2, label="prediction band")
        ax.plot(m, self.predicted_ms, "-", label="predicted", **kwargs)
        used = self.used_in_fit
        ax.plot(
            m[used], self.observed_ms[used], "o", color="k", label="observed (fitted)"
        )
        ax.plot(
            m[~used],
            self.observed_ms[~used],
            "o",
            mfc="none",
            color="k",
            label="observed (held out)",
        )
        ax.set(
            xscale="log",
            yscale="log",
            xlabel="memory [MB]",
            ylabel="duration [ms]",
            title=f"{self.structure}: MAPE {100 * self.mape:.1f} %",
        )
        ax.legend()
        return ax

    def __repr__(self) -> str:
        return (
            f"FitResult({self.structure}, {len(self.memory_mb)} sizes, "
            f"MAPE {100 * self.mape:.2f} %)"
        )


def fit(sweep: _core.Sweep, platform: Any = None, **options: Any) -> FitResult:
    """Fit a workload profile to a recorded sweep.

    Parameters
    ----------
    sweep : Sweep
        The recorded sweep (``Sweep.load``, ``Sweep.from_powertuning``, ...).
    platform : Platform or str, optional
        ``Platform.aws_lambda()`` by default; ``"aws-lambda-2020"`` for data recorded
        before December 2020 (1,792 MB per vCPU, 100 ms billing). A recording date
        chooses between the two: ``date=`` if given, else the date the file carries
        (``sweep.meta.date``: REPORT timestamps, a CSV timestamp column); ``reason``
        and ``platform_name`` say which was used and why. A platform of its own (a
        JSON file) is kept unless ``date=`` is given.
    **options
        Fields of ``FitOptions``: ``sizes`` (fit on these sizes only), ``structure``
        (auto, io_cpu, threaded_cpu, scaled_io, gc_cpu, amdahl), ``threads``, ``date``
        (YYYY-MM-DD), ``arch`` (x86_64 or arm64, the architecture the sweep ran on and
        the profile records; unset: the one the file says, ``sweep.meta.architectures``,
        else x86_64 with a note in ``reason``), ``load`` (``"per_invocation"``, the
        default, or ``"sustained"`` for a throughput: time per operation under
        sustained load, fitted with smooth throttling), ``aggregate``,
        ``model_error``, ``knee_prior_width``, ``gc_pressure``, ``band_level``,
        ``run_scatter`` (the band's scatter of a size without per-invocation samples),
        ``bootstrap``, ``seed``, ``name``.

    Returns
    -------
    FitResult
        ``profile``, ``structure`` and ``reason``, per-size ``observed_ms``,
        ``predicted_ms``, ``rel_error``, ``mape``, ``param_values``/``param_sd``;
        ``to_dataframe()``, ``plot()``. Sweep and fit diagnostics are raised as
        ``LambdasimWarning``.

    Examples
    --------
    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> f = ls.fit(s, sizes=[128, 256, 1024], bootstrap=0)  # per-size data: no bootstrap
    >>> f.structure, round(f.mape_holdout, 3)
    ('io_cpu', 0.049)
    """
    if not isinstance(sweep, _core.Sweep):
        msg = f"sweep = {sweep!r}: expected a Sweep (Sweep.load, Sweep.from_powertuning, ...)"
        raise OptionError(msg)
    opts = set_fields(
        _core.FitOptions(), options, "fit() got an unexpected keyword argument '{key}'"
    )
    plat = resolve_platform(platform)
    warn_all(sweep.diagnostics)
    result = _core.fit(sweep, plat, opts)
    warn_all(result.diagnostics)
    if opts.bootstrap > 0 and "bootstrap" in options and not result.bootstrap_profiles:
        # asked for by name, and the data cannot give it (per-size aggregates)
        msg = (
            f"bootstrap = {opts.bootstrap}: no per-invocation samples at every "
            "fitting size, so no resample was drawn (spread_lo_ms/spread_hi_ms and "
            "param_sd are NaN)"
        )
        warn_all([msg])
    if result.platform_name != plat.name:  # a date chose another platform
        plat = resolve_platform(result.platform_name)
    if opts.load == "sustained" and plat.throttling != "smooth":
        # the platform the fit used: the same, with smooth throttling (bands and
        # prediction_interval later must see what the fit saw)
        plat = _core.Platform.from_json(plat.to_json())
        plat.throttling = "smooth"
    return FitResult(result, plat)


def fit_table(result: FitResult | _core.FitResult) -> dict[str, Any]:
    """Deprecated: ``fit(...).to_dict()``."""
    _deprecated("fit_table(result)", "result.to_dict()")
    return _columns(
        result.core if isinstance(result, FitResult) else result, FIT_COLUMNS
    )


class CheckResult(Result):
    """A profile compared with a recorded sweep, size by size.

    One sign convention: ``deviation`` (per size) and ``shift`` (the whole curve) are
    observed relative to predicted, ``observed / predicted - 1``, so a slowdown is
    positive (a sweep 1.3x the profile's curve gives +0.3 for both). ``passed`` follows
    the rule that judged (``rule``): the shift within ``shift_tolerance``, or with
    ``rtol`` every ``|deviation| <= rtol``. The per-size table (``to_dict()``) holds
    ``memory_mb``, ``predicted_ms``, ``observed_ms``, ``deviation``, ``rel_error``
    ((predicted - observed) / observed, kept for compatibility), the recorded
    ``p5_ms``..``p95_ms``, ``in_band``, ``within_tolerance`` and ``outside_band``.
    """

    def __init__(self, result: _core.CheckResult, aggregate: str) -> None:
        self._r = result
        self._c = _columns(result, CHECK_COLUMNS)
        self.aggregate = aggregate

    @property
    def core(self) -> _core.CheckResult:
        """The underlying ``_core.CheckResult``."""
        return self._r

    @property
    def passed(self) -> bool:
        return bool(self._r.passed)

    @property
    def failures(self) -> int:
        return int(self._r.failures)

    @property
    def rtol(self) -> float:
        return float(self._r.rtol)

    @property
    def max_abs_deviation(self) -> float:
        """Largest ``|observed / predicted - 1|`` over the sizes."""
        return float(self._r.max_abs_deviation)

    @property
    def max_abs_rel_error(self) -> float:
        """Largest ``|rel_error|`` (compatibility; prefer ``max_abs_deviation``)."""
        return float(self._r.max_abs_rel_error)

    @property
    def rule(self) -> str:
        """The rule that judged: ``shift`` (the whole curve) or ``per_size`` (rtol)."""
        return str(self._r.rule)

    @property
    def rule_description(self) -> str:
        """The rule and tolerance applied, in words."""
        observed = f"observed: the {self.aggregate} of each size's recorded durations"
        if self.rule == "per_size":
            return (
                f"per size: |observed / predicted - 1| <= rtol = {self.rtol:g} "
                f"at every size ({observed})"
            )
        return (
            f"shift: the whole curve's shift exp(median ln(observed / predicted)) - 1 "
            f"= {100 * self.shift:+.1f} % (interval {100 * self.shift_lo:+.1f} .. "
            f"{100 * self.shift_hi:+.1f} %) must not lie wholly beyond "
            f"+-shift_tolerance = {self.shift_tolerance:g} ({observed})"
        )

    @property
    def shift(self) -> float:
        return float(self._r.shift)

    @property
    def shift_lo(self) -> float:
        return float(self._r.shift_lo)

    @property
    def shift_hi(self) -> float:
        return float(self._r.shift_hi)

    @property
    def shift_tolerance(self) -> float:
        return float(self._r.shift_tolerance)

    @property
    def detectable_shift(self) -> float:
        return float(self._r.detectable_shift)

    @property
    def warnings(self) -> list[str]:
        """Single sizes outside their band (under the shift rule)."""
        return list(self._r.warnings)

    @property
    def outside_band(self) -> NDArray[np.bool_]:
        return self._c["outside_band"]

    @property
    def memory_mb(self) -> NDArray[np.float64]:
        return self._c["memory_mb"]

    @property
    def predicted_ms(self) -> NDArray[np.float64]:
        return self._c["predicted_ms"]

    @property
    def observed_ms(self) -> NDArray[np.float64]:
        return self._c["observed_ms"]

    @property
    def deviation(self) -> NDArray[np.float64]:
        """``observed / predicted - 1`` per size: positive when slower than predicted."""
        return self._c["deviation"]

    @property
    def rel_error(self) -> NDArray[np.float64]:
        """``(predicted - observed) / observed`` (compatibility; prefer ``deviation``)."""
        return self._c["rel_error"]

    @property
    def p5_ms(self) -> NDArray[np.float64]:
        return self._c["p5_ms"]

    @property
    def p95_ms(self) -> NDArray[np.float64]:
        return self._c["p95_ms"]

    @property
    def in_band(self) -> NDArray[np.bool_]:
        return self._c["in_band"]

    @property
    def within_tolerance(self) -> NDArray[np.bool_]:
        return self._c["within_tolerance"]

    def report(self) -> str:
        """The check as text: one line per size, then the verdict."""
        return self._r.report()

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """The per-size table as a dict of 1-D arrays."""
        return dict(self._c)

    def _html_title(self) -> str:
        verdict = "passed" if self.passed else "failed"
        return f"check {verdict}: {self.rule_description}"

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Deviation (observed / predicted - 1) per size, with the tolerance (rtol, or
        the shift tolerance) as a band."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(7, 3.5), constrained_layout=True)
        tol, name = (
            (self.rtol, "rtol")
            if self.rule == "per_size"
            else (self.shift_tolerance, "shift tolerance")
        )
        ax.axhspan(
            -100 * tol,
            100 * tol,
            color="tab:green",
            alpha=0.15,
            label=f"± {name} ({100 * tol:g} %)",
        )
        ok = self.within_tolerance & ~self.outside_band
        ax.plot(
            self.memory_mb[ok],
            100 * self.deviation[ok],
            "o",
            color="tab:green",
            label="within",
            **kwargs,
        )
        ax.plot(
            self.memory_mb[~ok],
            100 * self.deviation[~ok],
            "x",
            color="tab:red",
            label="outside",
            **kwargs,
        )
        ax.axhline(0, color="k", lw=0.5)
        ax.set(
            xscale="log",
            xlabel="memory [MB]",
            ylabel="observed / predicted - 1 [%]",
        )
        ax.legend()
        return ax

    def __repr__(self) -> str:
        verdict = "passed" if self.passed else "FAILED"
        tol = (
            f"rtol {self.rtol:g}"
            if self.rule == "per_size"
            else f"shift {100 * self.shift:+.1f} %, tolerance {self.shift_tolerance:g}"
        )
        return (
            f"CheckResult({verdict}, {self.rule}: {tol}, {len(self.memory_mb)} sizes)"
        )


def check(
    profile: _core.Profile, sweep: _core.Sweep, platform: Any = None, **options: Any
) -> CheckResult:
    """Compare a profile's predictions with a recorded sweep.

    By default the check judges the shift of the whole curve (median log ratio, with an
    interval from the sizes' own scatter) against ``shift_tolerance``; sizes outside
    their band are ``warnings``. ``rtol=`` selects the per-size rule instead.
    ``options`` are fields of ``CheckOptions`` (``rtol``, ``shift_tolerance``,
    ``level``, ``aggregate``). ``rule_description`` says which rule judged.

    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> r = ls.check(ls.Profile(cpu_ms=1465 * 1024 / 1769), s, rtol=0.2)
    >>> r.passed, r.failures
    (True, 0)
    """
    if not isinstance(profile, _core.Profile):
        msg = f"profile = {profile!r}: expected a Profile"
        raise OptionError(msg)
    if not isinstance(sweep, _core.Sweep):
        msg = f"sweep = {sweep!r}: expected a Sweep (Sweep.load, Sweep.from_powertuning, ...)"
        raise OptionError(msg)
    rtol = options.get("rtol")
    if isinstance(rtol, float) and math.isnan(rtol):  # NaN is the core's "not given"
        msg = "rtol = nan: must be finite and > 0 (leave it unset for the shift rule)"
        raise OptionError(msg)
    opts = set_fields(
        _core.CheckOptions(),
        options,
        "check() got an unexpected keyword argument '{key}'",
    )
    plat = resolve_platform(platform, profile)
    warn_all(sweep.diagnostics)
    result = _core.check(profile, sweep, plat, opts)
    return CheckResult(result, str(opts.aggregate))


def check_table(result: CheckResult | _core.CheckResult) -> dict[str, Any]:
    """Deprecated: ``check(...).to_dict()``."""
    _deprecated("check_table(result)", "result.to_dict()")
    return _columns(
        result.core if isinstance(result, CheckResult) else result, CHECK_COLUMNS
    )
