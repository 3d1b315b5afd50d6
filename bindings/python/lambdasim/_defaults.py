# SPDX-License-Identifier: MIT
"""What the facade functions share: default platform and prices, and option structs
filled from keyword arguments (the C++ structs keep their own defaults)."""

from __future__ import annotations

import os
from typing import Any, TypeVar

from . import _core

T = TypeVar("T")


def resolve_platform(platform: Any = None) -> _core.Platform:
    """``None`` -> ``Platform.aws_lambda()``; a model name or a platform JSON file ->
    ``Platform.resolve(spec)`` (the one C++ rule the CLI uses too)."""
    if platform is None:
        return _core.Platform.aws_lambda()
    if isinstance(platform, (str, os.PathLike)):
        return _core.Platform.resolve(os.fspath(platform))
    return platform


def resolve_prices(
    prices: _core.PriceTable | None, region: str, arch: str
) -> _core.PriceTable:
    """``None`` -> ``PriceTable.aws(region, arch)``."""
    return _core.PriceTable.aws(region, arch) if prices is None else prices


def set_fields(options: T, kwargs: dict[str, Any], unknown: str) -> T:
    """Set the fields named in ``kwargs`` on a bound option struct; a name that is not a
    field raises ``TypeError(unknown.format(key=name))``; ``None`` keeps the field's
    default (so ``fit(s, sizes=None)`` fits every size)."""
    for key, value in kwargs.items():
        if (
            key.startswith("_")
            or not hasattr(options, key)
            or callable(getattr(options, key))
        ):
            raise TypeError(unknown.format(key=key))
        if value is not None:
            setattr(options, key, value)
    return options
