# SPDX-License-Identifier: MIT
"""Recorded sweeps, fitting a profile to them and checking a profile against them.

Thin keyword-argument facades over ``_core``; loading, fitting and checking happen in
libsim (C++).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._defaults import resolve_platform, set_fields

if TYPE_CHECKING:
    import pandas as pd

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


def _columns(result: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of a ``_core`` result as numpy arrays."""
    return {name: np.asarray(getattr(result, name)) for name in names}


def summary_table(sweep: _core.Sweep, aggregation: str = "median") -> dict[str, Any]:
    """The per-size summary of a sweep as a dict of 1-D arrays.

    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> t = ls.summary_table(s)
    >>> t["memory_mb"].tolist(), t["duration_ms"].tolist()
    ([128.0, 256.0, 512.0, 1024.0], [11722.0, 6678.0, 3194.0, 1465.0])
    """
    s = sweep.summarize(aggregation)
    return _columns(s, SUMMARY_COLUMNS)


def summary_dataframe(sweep: _core.Sweep, aggregation: str = "median") -> pd.DataFrame:
    """The per-size summary as a pandas DataFrame."""
    import pandas as pd

    return pd.DataFrame(summary_table(sweep, aggregation))


def fit(sweep: _core.Sweep, platform: Any = None, **options: Any) -> _core.FitResult:
    """Fit a workload profile to a recorded sweep.

    Parameters
    ----------
    sweep : Sweep
        The recorded sweep (``Sweep.load``, ``Sweep.from_powertuning``, ...).
    platform : Platform or str, optional
        ``Platform.aws_lambda()`` by default; ``"aws-lambda-2020"`` for data recorded
        before December 2020 (1,792 MB per vCPU, 100 ms billing).
    **options
        Fields of ``FitOptions``: ``sizes`` (fit on these sizes only), ``structure``
        (auto, io_cpu, threaded_cpu, scaled_io, gc_cpu, amdahl), ``threads`` (your
        code's thread or process count, when known), ``date`` (YYYY-MM-DD: use the
        platform in force that day), ``band_level``, ``aggregate``, ``model_error``,
        ``knee_prior_width``, ``gc_pressure``, ``bootstrap``, ``seed``, ``name``.

    Returns
    -------
    FitResult
        ``profile``, ``structure`` and ``reason``, per-size ``observed_ms``,
        ``predicted_ms``, ``rel_error``, ``band_lo_ms``/``band_hi_ms`` (the prediction
        band at ``band_level``), ``spread_lo_ms``/``spread_hi_ms`` (the parameters'
        bootstrap spread only), ``threads``, ``mape``, ``param_values``/``param_sd``.

    Examples
    --------
    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> f = ls.fit(s, sizes=[128, 256, 1024])
    >>> f.structure, round(f.mape_holdout, 3)
    ('io_cpu', 0.049)
    """
    opts = set_fields(
        _core.FitOptions(), options, "fit() got an unexpected keyword argument '{key}'"
    )
    return _core.fit(sweep, resolve_platform(platform), opts)


def fit_table(result: _core.FitResult) -> dict[str, Any]:
    """Per-size table of a fit: memory, observed, predicted, error, band, fitted or not."""
    return _columns(
        result,
        (
            "memory_mb",
            "observed_ms",
            "predicted_ms",
            "rel_error",
            "band_lo_ms",
            "band_hi_ms",
            "spread_lo_ms",
            "spread_hi_ms",
            "used_in_fit",
        ),
    )


def check(
    profile: _core.Profile, sweep: _core.Sweep, platform: Any = None, **options: Any
) -> _core.CheckResult:
    """Compare a profile's predictions with a recorded sweep.

    By default the check judges the shift of the whole curve (median log ratio, with an
    interval from the sizes' own scatter) against ``shift_tolerance``; sizes outside
    their band are ``warnings``. ``rtol=`` selects the per-size rule instead.
    ``options`` are fields of ``CheckOptions`` (``rtol``, ``shift_tolerance``,
    ``level``, ``aggregate``).

    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> r = ls.check(ls.Profile(cpu_ms=1465 * 1024 / 1769), s, rtol=0.2)
    >>> r.passed, r.failures
    (True, 0)
    """
    opts = set_fields(
        _core.CheckOptions(),
        options,
        "check() got an unexpected keyword argument '{key}'",
    )
    return _core.check(profile, sweep, resolve_platform(platform), opts)


def check_table(result: _core.CheckResult) -> dict[str, Any]:
    """Per-size table of a check."""
    return _columns(
        result,
        (
            "memory_mb",
            "predicted_ms",
            "observed_ms",
            "rel_error",
            "p5_ms",
            "p95_ms",
            "in_band",
            "within_tolerance",
            "outside_band",
        ),
    )
