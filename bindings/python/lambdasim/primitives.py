# SPDX-License-Identifier: MIT
"""The building blocks under the verbs: option structs, model parts and per-point
functions (bound from libsim as they are; their defaults live in C++).

- option structs: ``BillOptions``, ``SimulateOptions``, ``FitOptions``, ``CheckOptions``,
  ``RecommendOptions``
- model parts: ``Component``, ``VcpuTier``, ``PriceTier``, ``BillingRules``,
  ``KeepAlive``, ``Recycling``, ``PoolModel``, ``Arrivals``, ``SweepMetadata``
- raw results of ``_core``: ``MonthlyBill``, ``FitCandidate``
- per-point physics and billing (numpy-vectorized): ``warm_ms``, ``cold_ms``,
  ``cpu_time_ms``, ``billed_ms``, ``gb_seconds``, ``cold_probability``
- ``architecture_speed_ratio(runtime, from_arch, to_arch)``: the documented speed
  ratio of a runtime's CPU work on the other architecture (models/, with a note when
  a runtime has no data), for ``Profile.on_architecture``
- statistics: ``clopper_pearson`` (the exact binomial interval of a simulated cold
  fraction)
- ``models_path``: where the model data (platform, prices) is installed

(A module named ``models`` would share its name with the installed ``models/`` data
directory, hence ``primitives``.)

>>> from lambdasim import primitives
>>> primitives.BillOptions().requests_per_month
0.0
"""

from __future__ import annotations

from ._core import (
    Arrivals,
    BillingRules,
    BillOptions,
    CheckOptions,
    Component,
    FitCandidate,
    FitOptions,
    KeepAlive,
    MonthlyBill,
    PoolModel,
    PriceTier,
    RecommendOptions,
    Recycling,
    SimulateOptions,
    SweepMetadata,
    VcpuTier,
    architecture_speed_ratio,
    billed_ms,
    clopper_pearson,
    cold_ms,
    cold_probability,
    cpu_time_ms,
    gb_seconds,
    warm_ms,
)
from ._data import models_path

__all__ = [
    "Arrivals",
    "BillOptions",
    "BillingRules",
    "CheckOptions",
    "Component",
    "FitCandidate",
    "FitOptions",
    "KeepAlive",
    "MonthlyBill",
    "PoolModel",
    "PriceTier",
    "RecommendOptions",
    "Recycling",
    "SimulateOptions",
    "SweepMetadata",
    "VcpuTier",
    "architecture_speed_ratio",
    "billed_ms",
    "clopper_pearson",
    "cold_ms",
    "cold_probability",
    "cpu_time_ms",
    "gb_seconds",
    "models_path",
    "warm_ms",
]
