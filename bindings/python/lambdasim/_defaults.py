# SPDX-License-Identifier: MIT
"""What the facade functions share: default platform and prices, and option structs
filled from keyword arguments (the C++ structs keep their own defaults)."""

from __future__ import annotations

import os
from typing import Any, TypeVar

import numpy as np

from . import _core

T = TypeVar("T")


class OptionError(ValueError, TypeError):
    """A keyword or option with a wrong name, type or value. A ``ValueError`` (the
    error contract) and a ``TypeError`` (Python's convention for a bad keyword), so
    either ``except`` catches it."""


def memory_sizes(memory_mb: Any) -> Any:
    """``memory_mb`` as a 1-D float64 array (a number gives one size; ``None`` stays
    ``None``: the platform's grid). ``OptionError`` naming it when it is not numbers."""
    import numpy as np

    if memory_mb is None:
        return None
    try:
        grid = np.asarray(memory_mb, dtype=np.float64)
    except (TypeError, ValueError):
        msg = f"memory_mb = {memory_mb!r}: expected sizes in MB (a number or numbers)"
        raise OptionError(msg) from None
    return grid.reshape(1) if grid.ndim == 0 else grid


def resolve_platform(platform: Any = None, profile: Any = None) -> _core.Platform:
    """``None`` -> the platform a fitted ``profile`` records (``profile.platform``, for
    one Profile), else ``Platform.aws_lambda()``; a model name or a JSON path ->
    ``Platform.resolve(spec)``."""
    if platform is None:
        if isinstance(profile, _core.Profile) and profile.platform:
            return _core.Platform.resolve(profile.platform)
        return _core.Platform.aws_lambda()
    if isinstance(platform, (str, os.PathLike)):
        return _core.Platform.resolve(os.fspath(platform))
    if not isinstance(platform, _core.Platform):
        msg = (
            f"platform = {platform!r}: expected a Platform, a model name or a JSON path"
        )
        raise OptionError(msg)
    return platform


def default_arch(profile: Any = None) -> str:
    """The architecture a bill or curve is priced on when none is given: the one a
    single ``profile`` records (``Profile.architecture``, set by a fit or by hand), else
    the C++ default (``profile::architecture``'s initialiser)."""
    if isinstance(profile, _core.Profile):
        return str(profile.architecture)
    # the member initialiser of profile::architecture, read from the smallest valid
    # profile (a profile needs a component)
    return str(_core.Profile(io_ms=1.0).architecture)


def default_region() -> str:
    """The region prices are read for when none is given (the C++ default,
    ``RecommendOptions().region``)."""
    return str(_core.RecommendOptions().region)


def resolve_prices(
    prices: _core.PriceTable | None,
    region: str | None,
    arch: str | None,
    profile: Any = None,
) -> _core.PriceTable:
    """``None`` -> ``PriceTable.aws(region, arch)``; a ``None`` region or arch takes
    ``default_region()`` / ``default_arch(profile)``."""
    if prices is None:
        region = default_region() if region is None else region
        arch = default_arch(profile) if arch is None else arch
        for name, value in (("region", region), ("arch", arch)):
            if not isinstance(value, str):
                msg = f"{name} = {value!r}: expected a string"
                raise OptionError(msg)
        prices = _core.PriceTable.aws(region, arch)
    elif not isinstance(prices, _core.PriceTable):
        msg = f"prices = {prices!r}: expected a PriceTable"
        raise OptionError(msg)
    warn_other_arch(profile, str(prices.arch))
    return prices


def on_priced_arch(profile: Any, arch: str | None, speed_ratio: Any) -> Any:
    """The profile to price: ``profile.on_architecture(arch, speed_ratio)`` when a speed
    ratio is given, which needs one ``Profile`` and ``arch`` other than the one it was
    measured on; the profile itself otherwise."""
    if speed_ratio is None:
        return profile
    ratio = as_number("speed_ratio", speed_ratio)
    if not isinstance(profile, _core.Profile):
        msg = (
            f"speed_ratio = {ratio:g}: applies to one Profile (move each of many with "
            "Profile.on_architecture)"
        )
        raise OptionError(msg)
    if arch is None or arch == profile.architecture:
        msg = (
            f"speed_ratio = {ratio:g}: applies only with arch= other than the "
            f"architecture the profile was measured on ({profile.architecture})"
        )
        raise OptionError(msg)
    return profile.on_architecture(arch, ratio)


def warn_other_arch(profile: Any, arch: str) -> None:
    """A fitted ``profile`` (one that records its ``source``) priced on the other
    architecture runs its CPU work at the measured speed (speed ratio 1.0): say so, and
    how to convert it. A profile written by hand records x86_64 only as a default."""
    if not isinstance(profile, _core.Profile) or not profile.source:
        return
    if profile.architecture == arch:
        return
    import warnings

    from ._result import LambdasimWarning

    own = profile.architecture
    warnings.warn(
        f"arch = '{arch}': the profile was measured on {own} ({profile.source}) and is "
        f"priced on {arch} at the same speed (speed ratio 1.0); convert it first with "
        f"profile.on_architecture('{arch}', ratio), the ratio from one size measured on "
        "both, or the documented default per runtime "
        f"(primitives.architecture_speed_ratio(runtime, '{own}', '{arch}'), "
        "models/architecture-speed.json)",
        LambdasimWarning,
        stacklevel=4,
    )


def as_number(name: str, value: Any) -> float:
    """``float(value)`` for a real number (not a string, not a bool); else
    ``OptionError`` naming ``name`` and the value."""
    if isinstance(value, (str, bytes, bool)) or not hasattr(value, "__float__"):
        msg = f"{name} = {value!r}: expected a number"
        raise OptionError(msg)
    return float(value)


def as_flag(name: str, value: Any) -> bool | None:
    """``value`` as a tri-state switch (``True``, ``False`` or ``None`` for "decide
    for me"); anything else (``"no"``, which Python finds true) raises ``OptionError``
    naming ``name`` and the value."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return None if value is None else bool(value)
    msg = f"{name} = {value!r}: expected True, False or None"
    raise OptionError(msg)


def deprecated_keyword(old: str, new: str, value: Any, current: Any) -> Any:
    """The value of a keyword given under its deprecated name ``old``: warns and returns
    it (``new`` given too is an error)."""
    import warnings

    if value is None:
        return current
    if current is not None:
        msg = f"{old} = {value!r}: give {new}= only ({old}= is its deprecated name)"
        raise OptionError(msg)
    warnings.warn(f"{old}= is deprecated; use {new}=", DeprecationWarning, stacklevel=3)
    return value


def _expected(default: Any) -> str:
    if isinstance(default, bool):
        return "expected True or False"
    if isinstance(default, int):
        return (
            "expected a non-negative integer" if default >= 0 else "expected an integer"
        )
    if isinstance(default, float):
        return "expected a number"
    if isinstance(default, str):
        return "expected a string"
    return f"expected {type(default).__name__}"


def set_field(options: Any, key: str, value: Any) -> None:
    """``options.key = value``; a value the bound field cannot hold (pybind11's
    ``TypeError``) raises ``OptionError`` naming the field and the value."""
    try:
        setattr(options, key, value)
    except TypeError:
        msg = f"{key} = {value!r}: {_expected(getattr(options, key))}"
        raise OptionError(msg) from None


def set_fields(options: T, kwargs: dict[str, Any], unknown: str) -> T:
    """Set the fields named in ``kwargs`` on a bound option struct; a name that is not a
    field raises ``OptionError(unknown.format(key=name))``; ``None`` keeps the field's
    default (so ``fit(s, sizes=None)`` fits every size)."""
    for key, value in kwargs.items():
        if (
            key.startswith("_")
            or not hasattr(options, key)
            or callable(getattr(options, key))
        ):
            raise OptionError(unknown.format(key=key))
        if value is not None:
            set_field(options, key, value)
    return options
