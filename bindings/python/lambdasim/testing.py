# SPDX-License-Identifier: MIT
"""Assertions for test suites that guard a function's recorded behaviour.

>>> import lambdasim as ls
>>> from lambdasim.testing import assert_sweep_matches
>>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
>>> assert_sweep_matches(ls.Profile(cpu_ms=1465 * 1024 / 1769), s, rtol=0.2)
"""

from __future__ import annotations

from typing import Any

from ._sweep import check


def assert_sweep_matches(
    profile: Any,
    sweep: Any,
    rtol: float | None = None,
    platform: Any = None,
    **options: Any,
) -> None:
    """Raise ``AssertionError`` with a size-by-size diff when a profile's predicted warm
    duration is off a recorded sweep: by more than ``rtol`` (relative) at any size when
    ``rtol`` is given, otherwise when the whole curve's shift is significantly beyond
    ``shift_tolerance`` (``check``'s default rule).

    Parameters
    ----------
    profile : Profile
    sweep : Sweep
    rtol : float, optional
        Per-size tolerance; when not given, the shift rule judges.
    platform : Platform or str, optional
    **options
        Other ``CheckOptions`` fields (``shift_tolerance``, ``level``, ``aggregate``).
    """
    if rtol is not None:
        options["rtol"] = rtol
    result = check(profile, sweep, platform, **options)
    if not result.passed:
        raise AssertionError(
            f"profile {getattr(profile, 'name', '')!r} does not match sweep "
            f"{sweep.meta.source!r}:\n{result.report()}"
        )
