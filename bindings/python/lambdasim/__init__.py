# SPDX-License-Identifier: MIT
"""lambdasim: predict how an AWS Lambda function's duration and bill change with memory.

The top level holds the types (``Profile``, ``Platform``, ``PriceTable``, ``Sweep``),
the verbs (``curve``, ``bill``, ``bill_curve``, ``simulate``, ``summarize``, ``fit``,
``check``, ``recommend``; for Lambda Managed Instances ``lmi_bill``, ``simulate_lmi``,
``compare_compute``, ``break_even``) and their result types; the building blocks live in submodules:
``lambdasim.primitives`` (option structs, model parts, per-point functions) and
``lambdasim.powertuning`` (Power Tuning's price, statistics and visualization URL).
``docs/vocabulary.md`` lists the names.

>>> import lambdasim as ls
>>> p = ls.Profile(cpu_ms=800, io_ms=120, init_ms=250)
>>> c = ls.curve(p, memory_mb=[128, 1769])
>>> [round(x) for x in c.warm_ms]
[11152, 920]
"""

from __future__ import annotations

import warnings
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    from ._core import (
        ConfigError,
        ConvergenceError,
        Platform,
        PriceTable,
        Profile,
        Sweep,
        provisioned_break_even,
    )
except ImportError as err:  # pragma: no cover - only without a built extension
    msg = (
        "lambdasim's compiled core (_core) could not be imported. Did you build it? "
        "Install with `pip install .` from the repository (see README.md)."
    )
    raise ImportError(msg) from err

from . import powertuning, primitives
from ._batch import fit_many, simulate_many
from ._bill import Bill, BillCurve, bill, bill_curve
from ._curve import Curve, FleetCurve, curve
from ._data import data_path
from ._defaults import OptionError
from ._fleet import FleetBillCurve, FleetRecommendation
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
from ._plot import plot_provisioned
from ._recommend import Recommendation, recommend
from ._result import LambdasimWarning
from ._simulate import SimulationResult, simulate
from ._sweep import (
    CheckResult,
    FitResult,
    SweepSummary,
    check,
    fit,
    summarize,
)
from ._sweep import (
    check_table as check_table,  # deprecated, warns when called
)
from ._sweep import (
    fit_table as fit_table,  # deprecated, warns when called
)
from ._sweep import (
    summary_dataframe as summary_dataframe,  # deprecated, warns when called
)
from ._sweep import (
    summary_table as summary_table,  # deprecated, warns when called
)

try:
    __version__ = version("lambdasim-aws")  # the distribution name
except PackageNotFoundError:  # a developer build on PYTHONPATH
    from ._core import __version__

__all__ = [
    "Bill",
    "BillCurve",
    "BreakEven",
    "CheckResult",
    "ComputeComparison",
    "ConfigError",
    "ConvergenceError",
    "Curve",
    "FitResult",
    "FleetBillCurve",
    "FleetCurve",
    "FleetRecommendation",
    "LambdasimWarning",
    "LmiBill",
    "LmiSimulation",
    "OptionError",
    "Platform",
    "PriceTable",
    "Profile",
    "Recommendation",
    "SimulationResult",
    "Sweep",
    "SweepSummary",
    "__version__",
    "bill",
    "bill_curve",
    "break_even",
    "check",
    "compare_compute",
    "curve",
    "data_path",
    "fit",
    "fit_many",
    "lmi_assumptions",
    "lmi_bill",
    "lmi_config",
    "plot_provisioned",
    "powertuning",
    "primitives",
    "provisioned_break_even",
    "recommend",
    "simulate",
    "simulate_lmi",
    "simulate_many",
    "summarize",
]

# Old top-level names, kept one release: name -> (module, attribute) of the new home.
# (check_table, fit_table, summary_table, summary_dataframe stay importable functions
# that warn when called.)
_MOVED = {
    **{name: ("primitives", name) for name in primitives.__all__},
    "powertuning_base_usd_per_ms": ("powertuning", "base_usd_per_ms"),
    "powertuning_price": ("powertuning", "price"),
    "powertuning_statistics": ("powertuning", "statistics"),
    "powertuning_trimmed_mean": ("powertuning", "trimmed_mean"),
    "decode_visualization": ("powertuning", "decode_visualization"),
    "encode_visualization": ("powertuning", "encode_visualization"),
}


def __getattr__(name: str) -> Any:
    """Deprecated top-level names: warn and return the object from its submodule."""
    if name in _MOVED:
        module, attr = _MOVED[name]
        warnings.warn(
            f"lambdasim.{name} is deprecated; use lambdasim.{module}.{attr}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(globals()[module], attr)
    msg = f"module 'lambdasim' has no attribute '{name}'"
    raise AttributeError(msg)
