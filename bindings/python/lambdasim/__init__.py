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
        Arrivals,
        BillingRules,
        BillOptions,
        CheckOptions,
        CheckResult,
        Component,
        ConfigError,
        ConvergenceError,
        FitCandidate,
        FitOptions,
        FitResult,
        KeepAlive,
        MonthlyBill,
        Platform,
        PoolModel,
        PriceTable,
        PriceTier,
        Profile,
        RecommendOptions,
        Recycling,
        SimulateOptions,
        Sweep,
        SweepMetadata,
        SweepSummary,
        VcpuTier,
        billed_ms,
        cold_ms,
        cold_probability,
        cpu_time_ms,
        decode_visualization,
        encode_visualization,
        gb_seconds,
        powertuning_base_usd_per_ms,
        powertuning_price,
        powertuning_statistics,
        powertuning_trimmed_mean,
        warm_ms,
    )
except ImportError as err:  # pragma: no cover - only without a built extension
    msg = (
        "lambdasim's compiled core (_core) could not be imported. Did you build it? "
        "Install with `pip install .` from the repository (see README.md)."
    )
    raise ImportError(msg) from err

from ._bill import Bill, BillCurve, bill, bill_curve
from ._curve import Curve, FleetCurve, curve
from ._data import data_path, models_path
from ._lmi import (
    BreakEven,
    ComputeComparison,
    LmiBill,
    LmiSimulation,
    break_even,
    compare_compute,
    lmi_assumptions,
    lmi_bill,
    lmi_config,
    simulate_lmi,
)
from ._recommend import Recommendation, recommend
from ._simulate import SimulationResult, simulate
from ._sweep import check, check_table, fit, fit_table, summary_dataframe, summary_table

try:
    __version__ = version("lambdasim-aws")  # the distribution name
except PackageNotFoundError:  # a developer build on PYTHONPATH
    from ._core import __version__

__all__ = [
    "Arrivals",
    "Bill",
    "BillCurve",
    "BillOptions",
    "BillingRules",
    "BreakEven",
    "CheckOptions",
    "CheckResult",
    "Component",
    "ComputeComparison",
    "ConfigError",
    "ConvergenceError",
    "Curve",
    "FitCandidate",
    "FitOptions",
    "FitResult",
    "FleetCurve",
    "KeepAlive",
    "LmiBill",
    "LmiSimulation",
    "MonthlyBill",
    "Platform",
    "PoolModel",
    "PriceTable",
    "PriceTier",
    "Profile",
    "RecommendOptions",
    "Recommendation",
    "Recycling",
    "SimulateOptions",
    "SimulationResult",
    "Sweep",
    "SweepMetadata",
    "SweepSummary",
    "VcpuTier",
    "__version__",
    "bill",
    "bill_curve",
    "billed_ms",
    "break_even",
    "check",
    "check_table",
    "cold_ms",
    "cold_probability",
    "compare_compute",
    "cpu_time_ms",
    "curve",
    "data_path",
    "decode_visualization",
    "encode_visualization",
    "fit",
    "fit_table",
    "gb_seconds",
    "lmi_assumptions",
    "lmi_bill",
    "lmi_config",
    "models_path",
    "powertuning_base_usd_per_ms",
    "powertuning_price",
    "powertuning_statistics",
    "powertuning_trimmed_mean",
    "recommend",
    "simulate",
    "simulate_lmi",
    "summary_dataframe",
    "summary_table",
    "warm_ms",
]
