# SPDX-License-Identifier: MIT
"""Plots for curves (matplotlib is imported only when plotting)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes

    from ._curve import Curve


def plot_curve(
    curve: Curve, ax: Sequence[Axes] | None = None, label: str | None = None, **kwargs: Any
) -> Sequence[Axes]:
    """Duration (warm and cold) and cost per million warm invocations against memory."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(2, 1, sharex=True, figsize=(8, 6), constrained_layout=True)
    ax_d, ax_c = ax[0], ax[1]
    m = curve.memory_mb
    name = label or curve.profile.name or "profile"
    (line,) = ax_d.plot(m, curve.warm_ms, label=f"{name} warm", **kwargs)
    ax_d.plot(m, curve.cold_ms, ls="--", color=line.get_color(), label=f"{name} cold")
    ax_d.set_yscale("log")
    ax_d.set_ylabel("duration [ms]")
    ax_d.legend()
    ax_d.grid(True, which="both", alpha=0.3)
    cost = np.where(curve.feasible, curve.cost_usd * 1e6, np.nan)
    cost_label = label or f"{name} ({curve.prices.arch})"
    ax_c.plot(m, cost, color=line.get_color(), label=cost_label)
    if curve.feasible.any():
        best = curve.cheapest()
        ax_c.plot(best["memory_mb"], best["cost_usd"] * 1e6, "o", color=line.get_color())
        ax_c.annotate(
            f"cheapest {int(best['memory_mb'])} MB",
            (best["memory_mb"], best["cost_usd"] * 1e6),
            textcoords="offset points",
            xytext=(5, 8),
        )
    ax_c.set_ylabel("USD per million warm invocations")
    ax_c.set_xlabel("memory [MB]")
    ax_c.set_xscale("log")
    # powers of two within the platform's range, plus one full vCPU and the largest size
    plat = curve.platform
    lo, hi = plat.min_memory_mb, plat.max_memory_mb
    marks = {lo, int(plat.mb_per_vcpu), hi}
    powers = (2**k for k in range(hi.bit_length()) if lo <= 2**k <= hi)
    ticks = sorted(marks | {t for t in powers if all(abs(t / m - 1) > 0.3 for m in marks)})
    ax_c.set_xticks(ticks, [str(t) for t in ticks])
    ax_c.grid(True, alpha=0.3)
    ax_c.legend()
    return ax


def plot_latency_cdf(result: Any, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Empirical latency CDFs of warm, cold and all requests of a simulation."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4), constrained_layout=True)
    for kind, style in (("all", "-"), ("warm", ":"), ("cold", "--")):
        if getattr(result, kind).count == 0:
            continue
        x, y = result.latency_cdf(kind)
        ax.step(x, y, where="post", ls=style, label=kind, **kwargs)
    ax.set_xscale("log")
    ax.set_xlabel("latency [ms]")
    ax.set_ylabel("fraction of requests")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    return ax


def plot_concurrency(result: Any, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Mean concurrency per time bin, with cold starts per bin on a second axis."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5), constrained_layout=True)
    tl = result.timeline()
    hours = tl["t_s"] / 3600
    ax.step(hours, tl["concurrency"], where="post", label="mean concurrency", **kwargs)
    ax.set_xlabel("time [h]")
    ax.set_ylabel("concurrent requests")
    ax.grid(True, alpha=0.3)
    ax2 = ax.twinx()
    ax2.step(hours, tl["cold_starts"], where="post", color="tab:red", alpha=0.6,
             label="cold starts")
    ax2.set_ylabel("cold starts per bin")
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], loc="upper right")
    return ax
