# SPDX-License-Identifier: MIT
"""lambdasim: predict how an AWS Lambda function's duration and bill change with memory.

>>> import lambdasim as ls
>>> p = ls.Profile(cpu_ms=800, io_ms=120, init_ms=250)
>>> c = ls.curve(p, memory_mb=[128, 1769])
>>> [round(x) for x in c.warm_ms]
[11152, 920]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    from ._core import (
        BillingRules,
        BillOptions,
        Component,
        ConfigError,
        ConvergenceError,
        MonthlyBill,
        Platform,
        PriceTable,
        PriceTier,
        Profile,
        VcpuTier,
        billed_ms,
        cold_ms,
        cpu_time_ms,
        gb_seconds,
        powertuning_base_usd_per_ms,
        powertuning_price,
        powertuning_statistics,
        powertuning_trimmed_mean,
        warm_ms,
    )
    from ._core import (
        Arrivals,
        KeepAlive,
        PoolModel,
        Recycling,
        SimulateOptions,
        cold_probability,
    )
except ImportError as err:  # pragma: no cover - only without a built extension
    msg = (
        "lambdasim's compiled core (_core) could not be imported. Did you build it? "
        "Install with `pip install .` from the repository (see README.md)."
    )
    raise ImportError(msg) from err

from ._bill import Bill, BillCurve, bill, bill_curve
from ._curve import Curve, curve
from ._simulate import SimulationResult, simulate
from ._data import data_path, models_path

try:
    __version__ = version("lambdasim")
except PackageNotFoundError:  # a developer build on PYTHONPATH
    from ._core import __version__

__all__ = [
    "Arrivals",
    "KeepAlive",
    "PoolModel",
    "Recycling",
    "SimulateOptions",
    "SimulationResult",
    "cold_probability",
    "simulate",
    "Bill",
    "BillCurve",
    "BillOptions",
    "BillingRules",
    "Component",
    "ConfigError",
    "ConvergenceError",
    "Curve",
    "MonthlyBill",
    "Platform",
    "PriceTable",
    "PriceTier",
    "Profile",
    "VcpuTier",
    "__version__",
    "bill",
    "bill_curve",
    "billed_ms",
    "cold_ms",
    "cpu_time_ms",
    "curve",
    "data_path",
    "gb_seconds",
    "models_path",
    "powertuning_base_usd_per_ms",
    "powertuning_price",
    "powertuning_statistics",
    "powertuning_trimmed_mean",
    "warm_ms",
]
