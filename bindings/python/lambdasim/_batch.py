# SPDX-License-Identifier: MIT
"""Many fits or many simulations in one call, split over threads in C++ (the GIL is
released): results equal one-at-a-time calls exactly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import _core
from ._defaults import OptionError, resolve_platform, set_fields


def fit_many(
    sweeps: Sequence[_core.Sweep],
    platform: Any = None,
    *,
    threads: int | None = None,
    **options: Any,
) -> list[_core.FitResult]:
    """``fit`` of each sweep with the same options, on ``threads`` threads (0 = every
    core; unset: the C++ default, every core); result ``i`` equals ``fit(sweeps[i], platform, **options)``.

    Examples
    --------
    >>> import lambdasim as ls
    >>> s = ls.Sweep.from_powertuning(ls.data_path("powertuning", "aws_docs_prime_example.json"))
    >>> [f.structure for f in ls.fit_many([s, s], sizes=[128, 256, 1024], bootstrap=0)]
    ['io_cpu', 'io_cpu']
    """
    sweeps = list(sweeps)
    for i, s in enumerate(sweeps):
        if not isinstance(s, _core.Sweep):
            msg = f"sweeps[{i}] = {s!r}: expected a Sweep (Sweep.load, ...)"
            raise OptionError(msg)
    opts = set_fields(
        _core.FitOptions(),
        options,
        "fit_many() got an unexpected keyword argument '{key}'",
    )
    extra = {} if threads is None else {"threads": threads}
    return _core.fit_batch(sweeps, resolve_platform(platform), opts, **extra)


def simulate_many(
    profile: _core.Profile,
    arrivals: Sequence[_core.Arrivals],
    options: Sequence[_core.SimulateOptions],
    platform: Any = None,
    *,
    threads: int | None = None,
) -> list[_core.SimulationResult]:
    """``simulate`` of each (arrivals, options) pair, e.g. a grid of memory x rate x
    policy, on ``threads`` threads (0 = every core; unset: the C++ default, every
    core). Each simulation keeps its own seed:
    result ``i`` equals the one-at-a-time simulation."""
    for name, items, kind in (
        ("arrivals", arrivals, _core.Arrivals),
        ("options", options, _core.SimulateOptions),
    ):
        for i, item in enumerate(items):
            if not isinstance(item, kind):
                msg = f"{name}[{i}] = {item!r}: expected {kind.__name__}"
                raise OptionError(msg)
    extra = {} if threads is None else {"threads": threads}
    return _core.simulate_batch(
        profile, resolve_platform(platform), list(arrivals), list(options), **extra
    )
