# SPDX-License-Identifier: MIT
"""Plots for curves (matplotlib is imported only when plotting)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes

    from ._curve import Curve


def plot_curve(
    curve: Curve,
    ax: Sequence[Axes] | None = None,
    label: str | None = None,
    **kwargs: Any,
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
        ax_c.plot(
            best["memory_mb"], best["cost_usd"] * 1e6, "o", color=line.get_color()
        )
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
    ticks = sorted(
        marks | {t for t in powers if all(abs(t / m - 1) > 0.3 for m in marks)}
    )
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
    ax2.step(
        hours,
        tl["cold_starts"],
        where="post",
        color="tab:red",
        alpha=0.6,
        label="cold starts",
    )
    ax2.set_ylabel("cold starts per bin")
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], loc="upper right")
    return ax


# ---------------------------------------------------------------- recommendations

#: One colour per architecture, in the order of the C++ enum's names.
_ARCH_COLORS = dict(
    zip(_core.enum_names()["architecture"], ("tab:blue", "tab:orange", "tab:green"))
)


def memory_ticks(platform: Any) -> list[int]:
    """Readable memory ticks: powers of two in the platform's range, one full vCPU and
    the largest size (from the platform, not literals)."""
    lo, hi = int(platform.min_memory_mb), int(platform.max_memory_mb)
    marks = {lo, round(platform.mb_per_vcpu), hi}
    powers = (2**k for k in range(hi.bit_length()) if lo <= 2**k <= hi)
    return sorted(
        marks | {t for t in powers if all(abs(t / m - 1) > 0.3 for m in marks)}
    )


def format_ms(x: float, _pos: Any = None) -> str:
    """Durations as people read them, to three significant digits at most: 250 ms, 1.5 s,
    12 s (1,797.19 ms is "1.8 s", not "1.79719 s")."""
    if x >= 1000:
        s = x / 1000
        return f"{s:.3g} s" if s < 10 else f"{s:.0f} s"
    return f"{x:.0f} ms" if x >= 100 else f"{x:.3g} ms"


def readable_log_axis(axis: Any, formatter: Any) -> None:
    """A log axis labelled at 1, 2 and 5 times each power of ten, not only the powers."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(formatter))
    axis.set_minor_formatter(NullFormatter())


def _usd(x: float, _pos: Any = None) -> str:
    if x == 0:
        return "$0"
    if abs(x) >= 10:
        return f"${x:,.0f}"
    return f"${x:,.2f}" if abs(x) >= 0.1 else f"${x:.3g}"


def _spans(mask: np.ndarray) -> list[tuple[int, int]]:
    """Index runs [start, end] where mask is True."""
    out, start = [], None
    for i, v in enumerate(mask):
        if v and start is None:
            start = i
        if not v and start is not None:
            out.append((start, i - 1))
            start = None
    if start is not None:
        out.append((start, len(mask) - 1))
    return out


def plot_recommendation(rec: Any, ax: Sequence[Axes] | None = None) -> Sequence[Axes]:
    """Power Tuning's chart, continuous: warm duration (top) and cost (bottom) against
    memory for each architecture; sizes no configuration may use shaded with the
    constraint that excludes them; the prediction band and the measured sizes (median
    and p5..p95) when given; the recommendation and runners-up marked with "x % cheaper /
    y % faster" labels. Returns the two Axes."""
    import matplotlib.pyplot as plt

    from ._recommend import versus

    if ax is None:
        _, ax = plt.subplots(2, 1, sharex=True, figsize=(9, 7), constrained_layout=True)
    ax_d, ax_c = ax[0], ax[1]
    t = rec.candidates()
    monthly = rec.requests_per_month > 0
    cost_key = "monthly_usd" if monthly else "cost_usd"
    scale = 1.0 if monthly else 1e6
    od = t["provisioned_concurrency"] == 0
    archs = [a for a in dict.fromkeys(t["arch"].tolist())]
    opts = rec.options
    for a in archs:
        sel = od & (t["arch"] == a)
        m = t["memory_mb"][sel]
        warm = t["warm_ms"][sel]
        color = _ARCH_COLORS.get(a, None)
        ax_d.plot(m, warm, color=color, label=f"{a} warm duration")
        cost = np.where(np.isfinite(t[cost_key][sel]), t[cost_key][sel] * scale, np.nan)
        ax_c.plot(m, cost, color=color, label=a)
        # the band: relative, or arrays on the grid for the profile's architecture
        if opts.band_relative > 0:
            lo, hi = warm * (1 - opts.band_relative), warm * (1 + opts.band_relative)
            ax_d.fill_between(
                m, lo, hi, color=color, alpha=0.2, lw=0, label=f"{a} prediction band"
            )
        elif len(opts.band_lo_ms) == len(m) and a == (
            opts.profile_architecture or rec.profile.architecture
        ):
            ax_d.fill_between(
                m,
                np.asarray(opts.band_lo_ms),
                np.asarray(opts.band_hi_ms),
                color=color,
                alpha=0.2,
                lw=0,
                label=f"{a} prediction band",
            )
    # shade sizes no on-demand configuration of any architecture may use
    first = od & (t["arch"] == archs[0])
    m0 = t["memory_mb"][first]
    excluded = np.ones(len(m0), dtype=bool)
    why = t["excluded_by"][first].copy()
    for a in archs:
        sel = od & (t["arch"] == a)
        excluded &= ~t["feasible"][sel]
    shaded: set[str] = set()
    for start, end in _spans(excluded):
        reason = _core.constraint_words(str(why[start]))
        label = f"excluded: {reason}" if reason not in shaded else None
        shaded.add(reason)
        for axis in (ax_d, ax_c):
            axis.axvspan(
                m0[start],
                m0[end],
                color="0.6",
                alpha=0.25,
                lw=0,
                label=label if axis is ax_d else None,
            )
    if rec.sweep is not None:
        s = rec.sweep.summarize()
        mm, med = np.asarray(s.memory_mb), np.asarray(s.duration_ms)
        lo, hi = np.asarray(s.p5_ms), np.asarray(s.p95_ms)
        yerr = np.vstack([np.clip(med - lo, 0, None), np.clip(hi - med, 0, None)])
        ax_d.errorbar(
            mm,
            med,
            yerr=yerr,
            fmt="o",
            color="black",
            ms=4,
            capsize=3,
            label="measured (median, p5..p95)",
        )
    # the choice and the runners-up
    chosen = rec.to_dict()
    marks = [("recommended", chosen, "")] + [
        (
            r["role"],
            r,
            versus(r, {**chosen, "monthly_usd": rec.monthly_usd or np.nan}, monthly),
        )
        for r in rec.runners_up
    ]
    for k, (role, c, vs) in enumerate(marks):
        star = k == 0
        style = {
            "marker": "*" if star else "o",
            "ms": 14 if star else 7,
            "color": "crimson" if star else "black",
            "ls": "none",
            "zorder": 5,
        }
        y_cost = (c[cost_key] if c[cost_key] is not None else np.nan) * scale
        ax_d.plot(c["memory_mb"], c["warm_ms"], **style)
        ax_c.plot(c["memory_mb"], y_cost, **style)
        npc = c["provisioned_concurrency"]
        pc = f" +{npc} PC" if npc else ""
        text = (
            f"recommended: {int(c['memory_mb'])} MB {c['arch']}{pc}"
            if star
            else f"{role}: {int(c['memory_mb'])} MB {c['arch']}{pc}\n{vs}"
        )
        ax_d.annotate(
            text,
            (c["memory_mb"], c["warm_ms"]),
            textcoords="offset points",
            xytext=(8, 10 + 4 * k if star else -22 - 6 * k),
            fontsize=8,
            color=style["color"],
            arrowprops={"arrowstyle": "-", "color": "0.5", "lw": 0.5},
        )
    ax_d.set_yscale("log")
    readable_log_axis(ax_d.yaxis, format_ms)
    ax_d.set_ylabel("warm duration")
    ax_d.grid(True, which="major", alpha=0.3)
    ax_d.legend(fontsize=8, loc="upper right")
    npc = rec.provisioned_concurrency
    pc = f" with {npc} provisioned" if npc else ""
    title = (
        f"{rec.profile.name or 'profile'}: recommended {rec.memory_mb} MB {rec.arch}{pc} "
        f"({rec.strategy}), {format_ms(rec.warm_ms)}"
    )
    if rec.speed_ratio == 1.0 and any("speed ratio" in c for c in rec.caveats):
        title += "\n(arm64 assumed as fast as x86_64: no speed ratio given)"
    ax_d.set_title(title)
    ax_c.set_ylabel(
        f"USD a month at {rec.requests_per_month:,.0f} requests"
        if monthly
        else "USD per million warm invocations"
    )
    ax_c.yaxis.set_major_formatter(
        __import__("matplotlib.ticker", fromlist=["x"]).FuncFormatter(_usd)
    )
    ax_c.set_xlabel("memory [MB]")
    ax_c.set_xscale("log")
    ticks = memory_ticks(rec.platform)
    ax_c.set_xticks(ticks, [str(x) for x in ticks])
    ax_c.minorticks_off()
    ax_c.grid(True, alpha=0.3)
    ax_c.legend(fontsize=8)
    return ax


def plot_pareto(rec: Any, ax: Axes | None = None) -> Axes:
    """Cost against the latency percentile of every feasible configuration, the Pareto
    front, and the recommendation."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.5), constrained_layout=True)
    t = rec.candidates()
    monthly = rec.requests_per_month > 0
    cost_key = "monthly_usd" if monthly else "cost_usd"
    scale = 1.0 if monthly else 1e6
    ok = t["feasible"]
    for a in dict.fromkeys(t["arch"].tolist()):
        sel = ok & (t["arch"] == a)
        ax.scatter(
            t["latency_ms"][sel],
            t[cost_key][sel] * scale,
            s=3,
            alpha=0.3,
            color=_ARCH_COLORS.get(a),
            label=f"{a} (feasible)",
        )
    f = rec.pareto()
    ax.step(
        f["latency_ms"],
        f[cost_key] * scale,
        where="post",
        color="black",
        lw=1.2,
        label="Pareto front",
    )
    y = (rec.monthly_usd if monthly else rec.cost_usd) * scale
    ax.plot(
        rec.latency_ms, y, "*", color="crimson", ms=14, label="recommended", zorder=5
    )
    ax.annotate(
        f"{rec.memory_mb} MB {rec.arch}",
        (rec.latency_ms, y),
        textcoords="offset points",
        xytext=(8, 8),
        fontsize=8,
    )
    ax.set_xscale("log")
    readable_log_axis(ax.xaxis, format_ms)
    ax.set_xlabel(
        f"p{rec.percentile:g} latency of all requests"
        if monthly
        else f"p{rec.percentile:g} warm duration"
    )
    ax.set_ylabel("USD a month" if monthly else "USD per million warm invocations")
    ax.set_title("Pareto front: cost against latency")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8)
    return ax


def plot_provisioned(
    profile: Any,
    memory_mb: float,
    provisioned_concurrency: int = 1,
    requests_per_month: Any = None,
    platform: Any = None,
    arch: str | None = None,
    percentile: float | None = None,
    region: str | None = None,
    ax: Sequence[Axes] | None = None,
    *,
    provisioned: int | None = None,
) -> Sequence[Axes]:
    """Monthly cost (top) and the latency percentile (bottom) against monthly traffic, on
    demand and with ``provisioned_concurrency`` instances at ``memory_mb``, the cost
    break-even (``provisioned_break_even``) marked. ``percentile`` None:
    ``RecommendOptions``' default. ``provisioned=`` is the deprecated name of
    ``provisioned_concurrency=``. Returns the two Axes."""
    from ._defaults import deprecated_keyword

    npc: int = (
        provisioned_concurrency
        if provisioned is None  # else given under the old name: warn and take it
        else deprecated_keyword(
            "provisioned", "provisioned_concurrency", provisioned, None
        )
    )
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    from . import _core
    from ._defaults import resolve_platform, resolve_prices
    from ._recommend import recommend

    platform = resolve_platform(platform, profile)
    prices = resolve_prices(None, region, arch, profile)
    if requests_per_month is None:
        requests_per_month = np.logspace(4, 9, 26)
    traffic = np.asarray(requests_per_month, dtype=np.float64)
    if ax is None:
        _, ax = plt.subplots(2, 1, sharex=True, figsize=(8, 6), constrained_layout=True)
    ax_c, ax_l = ax[0], ax[1]
    od_cost, pc_cost, od_lat, pc_lat = [], [], [], []
    for n_req in traffic:  # one recommendation per traffic level (not per size)
        r = recommend(
            profile,
            platform,
            arch=prices.arch,
            memory_mb=[memory_mb],
            requests_per_month=float(n_req),
            max_provisioned=npc,
            percentile=percentile,
            strategy="cost",
            region=prices.region,
        )
        t = r.candidates()
        od = t["provisioned_concurrency"] == 0
        pcn = t["provisioned_concurrency"] == npc
        od_cost.append(t["monthly_usd"][od][0])
        pc_cost.append(t["monthly_usd"][pcn][0])
        od_lat.append(t["latency_ms"][od][0])
        pc_lat.append(t["latency_ms"][pcn][0])
    ax_c.plot(traffic, od_cost, label="on demand")
    ax_c.plot(traffic, pc_cost, label=f"{npc} provisioned")
    ax_l.plot(traffic, od_lat, label="on demand")
    ax_l.plot(traffic, pc_lat, label=f"{npc} provisioned")
    be = _core.provisioned_break_even(profile, platform, prices, float(memory_mb), npc)
    if np.isfinite(be):
        for axis in (ax_c, ax_l):
            axis.axvline(be, color="crimson", ls="--", lw=1)
        ax_c.annotate(
            f"break-even: {be:,.0f} requests a month",
            (be, ax_c.get_ylim()[1]),
            textcoords="offset points",
            xytext=(4, -14),
            fontsize=8,
            color="crimson",
        )
    ax_c.set_xscale("log")
    ax_c.set_yscale("log")
    ax_c.yaxis.set_major_formatter(FuncFormatter(_usd))
    ax_c.set_ylabel("USD a month")
    ax_c.set_title(
        f"{profile.name or 'profile'} at {memory_mb:g} MB {arch}: "
        f"is provisioned concurrency worth it?"
    )
    ax_c.legend(fontsize=8)
    ax_c.grid(True, which="major", alpha=0.3)
    ax_l.set_yscale("log")
    readable_log_axis(ax_l.yaxis, format_ms)
    ax_l.set_ylabel(f"p{r.percentile:g} latency (cold starts included)")
    ax_l.set_xlabel("requests per month")
    ax_l.legend(fontsize=8)
    ax_l.grid(True, which="major", alpha=0.3)
    return ax


def plot_bill_options(rec: Any, ax: Axes | None = None) -> Axes:
    """The month's bill of the recommendation and each runner-up as a stacked bar of its
    items (compute, requests, INIT, storage, provisioned, SnapStart)."""
    import matplotlib.pyplot as plt

    from ._bill import ITEMS

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5), constrained_layout=True)
    if rec.requests_per_month <= 0:
        msg = "plot_bill needs a recommendation made with requests_per_month > 0"
        raise ValueError(msg)
    raw = [("recommended", rec._r.chosen)] + [(c.role, c) for c in rec._r.runners_up]
    labels = []
    bottom = np.zeros(len(raw))
    for item in ITEMS:
        vals = np.array([getattr(c.bill, item) for _, c in raw])
        if not vals.any():
            continue
        ax.bar(range(len(raw)), vals, bottom=bottom, label=item.removesuffix("_usd"))
        bottom += vals
    for role, c in raw:
        npc = c.provisioned_concurrency
        pc = f"\n+{npc} PC" if npc else ""
        labels.append(f"{role}\n{c.memory_mb:g} MB {c.arch}{pc}")
    for i, total in enumerate(bottom):
        ax.annotate(
            _usd(total),
            (i, total),
            textcoords="offset points",
            xytext=(0, 3),
            ha="center",
            fontsize=8,
        )
    ax.set_xticks(range(len(raw)), labels, fontsize=8)
    ax.yaxis.set_major_formatter(
        __import__("matplotlib.ticker", fromlist=["x"]).FuncFormatter(_usd)
    )
    ax.set_ylabel(f"USD a month at {rec.requests_per_month:,.0f} requests")
    ax.set_title("The month's bill of each option")
    ax.legend(fontsize=8)
    ax.grid(True, axis="y", alpha=0.3)
    return ax
