# SPDX-License-Identifier: MIT
"""AWS Lambda Power Tuning compatibility: its price formula, its statistics and its
visualization URL (the compiled functions of ``_core``, under short names).

>>> from lambdasim import powertuning
>>> float(powertuning.trimmed_mean([1.0, 2, 3, 4, 100], 0.2))  # drops 1 and 100
3.0
"""

from __future__ import annotations

from ._core import decode_visualization, encode_visualization
from ._core import powertuning_base_usd_per_ms as base_usd_per_ms
from ._core import powertuning_min_ram_mb as min_ram_mb
from ._core import powertuning_power_values_mb as power_values_mb
from ._core import powertuning_price as price
from ._core import powertuning_statistics as statistics
from ._core import powertuning_trimmed_mean as trimmed_mean

__all__ = [
    "base_usd_per_ms",
    "decode_visualization",
    "encode_visualization",
    "min_ram_mb",
    "power_values_mb",
    "price",
    "statistics",
    "trimmed_mean",
]
