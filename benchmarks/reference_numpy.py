# SPDX-License-Identifier: MIT
"""The duration and cost equations of DESIGN.md in plain NumPy, written for clarity.

This is the yardstick of ``bench_python.py`` and, in the tests, an independent
implementation that ``lambdasim.curve`` must agree with (to 1e-12 relative) under smooth
throttling. Platform and price figures are read from the objects passed in, never written
here. Every function takes profiles as a dict of 1-D columns (one row per profile, the
shorthand's names; absent columns mean no such component) and a 1-D memory grid, and
returns 2-D arrays (profiles x sizes) by broadcasting.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _column(profiles: dict[str, Any], name: str, default: float) -> np.ndarray:
    rows = len(next(iter(profiles.values())))
    value = profiles.get(name)
    col = np.full(rows, default) if value is None else np.asarray(value, dtype=float)
    return col[:, None]  # a column vector: broadcasts against the row of sizes


def share(memory_mb: np.ndarray, platform: Any) -> np.ndarray:
    """s(m) = min(m / mb_per_vcpu, max_vcpu)."""
    return np.minimum(memory_mb / platform.mb_per_vcpu, platform.max_vcpu)


def visible_vcpus(memory_mb: np.ndarray, platform: Any) -> np.ndarray:
    """The vCPU count of the highest tier whose from_mb is at or below m."""
    tiers = platform.visible_vcpus
    out = np.full(memory_mb.shape, float(tiers[0].vcpus))
    for tier in tiers:  # a handful of tiers, not sizes
        out = np.where(memory_mb >= tier.from_mb, float(tier.vcpus), out)
    return out


def warm_ms(
    profiles: dict[str, Any], memory_mb: np.ndarray, platform: Any
) -> np.ndarray:
    """T_warm under smooth throttling: cpu / min(s, threads, visible) + io
    + scaled_io / min(s / knee, 1) + gc * ref_mb / m / min(s, 1)."""
    m = np.asarray(memory_mb, dtype=float)[None, :]
    s = share(m, platform)
    cpu = _column(profiles, "cpu_ms", 0.0)
    threads = _column(profiles, "threads", 1.0)
    io = _column(profiles, "io_ms", 0.0)
    scaled = _column(profiles, "scaled_io_ms", 0.0)
    knee = _column(profiles, "knee_vcpu", 1.0)
    gc = _column(profiles, "gc_ms", 0.0)
    ref = _column(profiles, "ref_mb", 1024.0)
    parallel = np.minimum(threads, visible_vcpus(m, platform))
    return (
        cpu / np.minimum(s, parallel)
        + io
        + scaled / np.minimum(s / knee, 1.0)
        + gc * ref / m / np.minimum(s, 1.0)
    )


def curve(
    profiles: dict[str, Any], memory_mb: np.ndarray, platform: Any, prices: Any
) -> dict[str, np.ndarray]:
    """Every column of a curve: vcpu, warm_ms, cold_ms, warm_billed_ms, gb_s, cost_usd,
    feasible (sizes below peak_memory_mb are not priced: NaN)."""
    m = np.asarray(memory_mb, dtype=float)[None, :]
    s = share(m, platform)
    warm = warm_ms(profiles, memory_mb, platform)
    init = _column(profiles, "init_ms", 0.0)
    first = _column(profiles, "first_call_cpu_ms", 0.0)
    cold = init + first / np.minimum(s, 1.0) + warm
    g = platform.billing_granularity_ms
    # durations within 1e-9 of a billing step count as on it (see billing.hpp)
    billed = np.maximum(np.ceil(warm / g - 1e-9), 0.0) * g
    gb_s = billed / 1000.0 * m / 1024.0
    cost = (
        gb_s * prices.duration_tiers[0].usd_per_gb_s
        + prices.requests_usd_per_million / 1e6
    )
    feasible = m >= _column(profiles, "peak_memory_mb", 0.0)
    return {
        "vcpu": s[0],
        "warm_ms": warm,
        "cold_ms": cold,
        "warm_billed_ms": np.where(feasible, billed, np.nan),
        "gb_s": np.where(feasible, gb_s, np.nan),
        "cost_usd": np.where(feasible, cost, np.nan),
        "feasible": feasible,
    }
