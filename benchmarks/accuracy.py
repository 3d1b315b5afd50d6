#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Accuracy benchmark: fit on three recorded sizes, predict every other recorded size.

For every recorded series in lambdasim's data (the six Lin & Khazaei functions, every
Power Tuning run, every REPORT-metrics series (runtime x arch)) with at least four sizes:
fit on the smallest size, the largest, and the size nearest 1024 MB among the others;
predict the remaining sizes; report the mean absolute percentage error (MAPE) of those
predictions for lambdasim's fit, a plain io + cpu fit and linear interpolation between
the same three points. The last columns are floors rather than competitors. The monotone
oracle is the least MAPE on the held-out sizes that any prediction non-increasing in
memory can reach, found by fitting those sizes themselves (weighted L1 isotonic
regression). The anchored floors add that the curve must also pass within 3 % (the fit's
model error) or 10 % of the observed values at the three fitting sizes, as a fit that
honours its data does. Since every series' error is at least its floor, the median and
p90 over series are too. Uses only the public Python API.

    python benchmarks/accuracy.py [--markdown] [--json FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import warnings
from dataclasses import dataclass
from typing import Any

import lambdasim as ls
import numpy as np

LK_COLUMNS = [
    ("memory_mb", "Memory Size"),
    ("duration_ms", "Duration"),
    ("billed_duration_ms", "Billed Duration"),
    ("max_memory_used_mb", "Max Memory Used"),
]


@dataclass
class Series:
    group: str  # "lin_khazaei", "powertuning", "report_metrics", "multithread"
    name: str
    sweep: ls.Sweep
    platform: str | ls.Platform
    arch: str = "x86_64"
    threads: int | None = None  # the code's thread count, when the source states it
    bound: str = ""  # what bounds the series' accuracy (few sizes, one run, throughput)


MT = "multithread_arm64"


def scimark_sweep(runtime: str) -> ls.Sweep:
    """SciMark2 records throughput (MFLOPS, all threads), not a duration: the time of a
    fixed amount of work is proportional to 1 / throughput, so duration_ms = 1e6 / total
    MFLOPS (one run per size; a derived, documented column map)."""
    import csv

    with open(ls.data_path(MT, "scimark2_java_2023.csv")) as f:
        rows = [r for r in csv.DictReader(f) if r["runtime"] == runtime]
    text = "memory_mb,duration_ms\n" + "".join(
        f"{r['memory_mb']},{1e6 / float(r['total_mflops_all_threads']):.6g}\n"
        for r in rows
    )
    return ls.Sweep.csv_from_text(
        text, origin=f"scimark2_java_2023.csv ({runtime}, 1e6/MFLOPS)"
    )


def sustained_platform() -> ls.Platform:
    """The platform for a duration derived from a throughput (operations per second over
    a run of many seconds, sharp and SciMark2): under sustained load the CFS quota is
    used up period after period, so the time per operation is the work over the share
    (`smooth` throttling), without the first-period burst that a single invocation
    starting at a random phase of the period gets (`cfs`, docs/model.md)."""
    p = ls.Platform.aws_lambda()
    p.throttling = "smooth"
    return p


def multithread_series() -> list[Series]:
    """The shared multi-threaded and arm64 sets (data/multithread_arm64), each loaded by
    the CSV loader with a column map (see its PROVENANCE.md)."""
    out: list[Series] = []
    rayon = ls.data_path(MT, "rust_rayon_bcrypt_2026.csv")
    sharp = ls.data_path(MT, "sharp_express_2021.csv")
    for arch in ["arm64", "x86_64"]:
        s = ls.Sweep.from_csv(
            rayon,
            columns=[
                ("memory_mb", "memory_mb"),
                ("duration_ms", "duration_ms"),
                ("n", "n_warm_invocations"),
            ],
            where=[("arch", arch)],
        )
        # The pool has as many workers as the function sees vCPUs: up to 6 threads.
        out.append(
            Series(
                "multithread",
                f"rayon bcrypt {arch}",
                s,
                "aws-lambda",
                arch,
                6,
                "6 sizes, means of 20; workers change with memory",
            )
        )
        for fn, threads, bound in [
            (
                "sharp_resize_jpeg_640x400_q80",
                6,
                (
                    "throughput (1000/ops in whole ops/s: ±17 % at 256 MB, ±10 % at"
                    " 512), one mean per size"
                ),
            ),
            (
                "express_localhost_http_roundtrip",
                1,
                "throughput (1000/ops), one mean per size",
            ),
        ]:
            s = ls.Sweep.from_csv(
                sharp,
                columns=[("memory_mb", "memory_mb"), ("duration_ms", "duration_ms")],
                where=[("arch", arch), ("function", fn)],
            )
            out.append(
                Series(
                    "multithread",
                    f"{fn.split('_')[0]} {arch}",
                    s,
                    sustained_platform(),
                    arch,
                    threads,
                    bound,
                )
            )
    cdk = ls.data_path(MT, "cdk_bucketdeployment_2023.csv")
    s = ls.Sweep.from_csv(
        cdk,
        columns=[
            ("memory_mb", "memory_mb"),
            ("duration_ms", "duration_ms"),
            ("max_memory_used_mb", "max_memory_used_mb"),
        ],
    )
    out.append(
        Series(
            "multithread",
            "cdk BucketDeployment",
            s,
            "aws-lambda",
            "x86_64",
            None,
            "one invocation per size",
        )
    )
    for rt in ["java8", "java11", "java17"]:
        out.append(
            Series(
                "multithread",
                f"scimark2 {rt}",
                scimark_sweep(rt),
                sustained_platform(),
                "x86_64",
                6,
                "throughput, one run per size (MFLOPS per vCPU of share differ by"
                " up to 1.5x between sizes)",
            )
        )
    return out


def series() -> list[Series]:
    """Every recorded series in data/ with at least four sizes."""
    out: list[Series] = []
    app6 = ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv")
    for f in ["f1", "f2", "f3", "f4", "f5", "f6"]:
        s = ls.Sweep.from_csv(app6, columns=LK_COLUMNS, where=[("Function", f)])
        # Recorded January 2020: 1,792 MB per vCPU, 100 ms billing.
        out.append(Series("lin_khazaei", f"L&K {f}", s, "aws-lambda-2020"))
    for name in [
        "unfaasener_runs.json",
        "powertuning_misc_outputs_decoded.json",
        "github_issue_outputs.json",
        "aws_docs_prime_example.json",
    ]:
        path = ls.data_path("powertuning", name)
        for i, s in enumerate(ls.Sweep.powertuning_runs(path)):
            label = (
                s.meta.source.split("(")[-1].rstrip(")") if "(" in s.meta.source else ""
            )
            out.append(
                Series(
                    "powertuning",
                    f"{name.split('.')[0]}[{i}] {label}".strip(),
                    s,
                    "aws-lambda",
                )
            )
    metrics = ls.data_path("report_logs", "lambda_benchmark_328c27e.json")
    for name in ls.Sweep.report_metrics_series(metrics):
        s = ls.Sweep.from_report_metrics(metrics, name)
        arch = "arm64" if "arm64" in name else "x86_64"
        out.append(Series("report_metrics", f"REPORT {name}", s, "aws-lambda", arch))
    out += multithread_series()
    return [x for x in out if len(x.sweep.sizes()) >= 4]


def fitting_sizes(
    sizes: list[float], targets: tuple[float, ...] = (1024,)
) -> list[float]:
    """Smallest, largest and, among the others, the size nearest each target (1024 MB
    for the three-size protocol; 1024, 2048 and 4096 MB for the five-size one)."""
    chosen = [sizes[0], sizes[-1]]
    for t in targets:
        inner = [m for m in sizes if m not in chosen]
        if inner:
            chosen.append(min(inner, key=lambda m: (abs(m - t), m)))
    return sorted(chosen)


FIVE = (1024, 2048, 4096)


def monotone_fit(
    y: np.ndarray, lower: np.ndarray | None = None, upper: np.ndarray | None = None
) -> np.ndarray:
    """The non-increasing sequence p closest to y in sum |p - y| / y (weighted L1
    isotonic regression), optionally with lower[i] <= p[i] <= upper[i]. Exact: an optimal
    p takes its values among y and the bounds, so a dynamic programme over those levels
    (highest first) finds it. Its mean relative error is the least MAPE any
    non-increasing predictor within the bounds can reach on these points."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    lo = np.zeros(n) if lower is None else np.asarray(lower, dtype=float)
    hi = np.full(n, np.inf) if upper is None else np.asarray(upper, dtype=float)
    bounds = np.concatenate([lo[np.isfinite(lo)], hi[np.isfinite(hi)]])
    levels = np.unique(np.concatenate([y, bounds]))[::-1]  # highest first
    cost = np.zeros(len(levels))
    choice = np.zeros((n, len(levels)), dtype=int)  # best previous level, <= index
    for i in range(n):
        # p[i-1] >= p[i]: the previous level is one at or before this one in the list
        best_prev = np.minimum.accumulate(cost)
        # where the running minimum was last lowered: the best previous level's index
        lowered = np.r_[True, cost[1:] < best_prev[:-1]]
        choice[i] = np.maximum.accumulate(np.where(lowered, np.arange(len(levels)), 0))
        cost = best_prev + np.abs(levels - y[i]) / y[i]
        cost[(levels < lo[i]) | (levels > hi[i])] = np.inf
    if not np.isfinite(cost).any():
        raise ValueError("monotone_fit: the bounds admit no non-increasing sequence")
    k = int(np.argmin(cost))
    out = np.empty(n)
    for i in range(n - 1, -1, -1):
        out[i] = levels[k]
        k = choice[i][k]
    return out


def least_anchor_tolerance(y: np.ndarray) -> float:
    """The least relative tolerance e for which some non-increasing sequence passes within
    e of every y (0 when y is already non-increasing); by bisection to 1e-9."""

    def feasible(e: float) -> bool:
        top = np.inf
        for v in y:
            top = min(top, v * (1 + e))
            if top < v * (1 - e):
                return False
        return True

    if feasible(0.0):
        return 0.0
    lo, hi = 0.0, 1.0
    while hi - lo > 1e-9:
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if feasible(mid) else (mid, hi)
    return hi


def anchored_floor(obs: np.ndarray, fitted: np.ndarray, tol: float) -> float:
    """The least held-out MAPE of any non-increasing curve that passes within tol of the
    observed value at every fitting size. Such a curve is bounded at a held-out size by
    the fitting sizes on either side, so the floor is a bounded weighted L1 isotonic
    regression of the held-out sizes. A fit that honours its own data cannot beat it.
    When the fitting values rise by more than tol, no such curve exists, and the floor
    falls back to the unanchored monotone oracle."""
    obs = np.asarray(obs, dtype=float)
    fitted = np.asarray(fitted, dtype=bool)
    held = ~fitted
    if least_anchor_tolerance(obs[fitted]) > tol:
        return mape_of(monotone_fit(obs[held]), obs[held])
    upper = np.minimum.accumulate(np.where(fitted, obs * (1 + tol), np.inf))
    lower = np.maximum.accumulate(np.where(fitted, obs * (1 - tol), 0.0)[::-1])[::-1]
    return mape_of(monotone_fit(obs[held], lower[held], upper[held]), obs[held])


def mape_of(pred: np.ndarray, obs: np.ndarray) -> float:
    return float(np.mean(np.abs(pred - obs) / obs))


def family_floor(
    memory_mb: np.ndarray, obs: np.ndarray, threads: int, platform: Any
) -> float:
    """The least MAPE over these sizes of any curve of the fit's parallel family with the
    thread count given: io + serial / min(s, 1) + parallel / min(s, k, visible vCPUs),
    every term >= 0, smooth throttling (the throughput series' own; the rayon series'
    work is long against the 20 ms period, where CFS and smooth agree). Fitted to the
    sizes themselves, so no fit of that family, on any fitting sizes, scores below it: a
    floor for the multi-threaded protocols. A mean of relative L1 residuals is minimised
    at a vertex (as many exact sizes as non-zero terms), so every vertex is tried."""
    p = ls.Platform.aws_lambda() if isinstance(platform, str) else platform
    share = np.array([p.cpu_share(m) for m in memory_mb])
    vis = np.array([p.visible_vcpu_count(m) for m in memory_mb])
    a = np.column_stack(
        [
            np.ones_like(share),
            1 / np.minimum(share, 1),
            1 / np.minimum(np.minimum(share, threads), vis),
        ]
    )
    best = np.inf
    n, q = a.shape
    for nz in range(1, q + 1):
        for cols in itertools.combinations(range(q), nz):
            for rows in itertools.combinations(range(n), nz):
                m = a[np.ix_(rows, cols)]
                if abs(np.linalg.det(m)) < 1e-12:
                    continue
                xc = np.linalg.solve(m, obs[list(rows)])
                if (xc < 0).any():
                    continue
                x = np.zeros(q)
                x[list(cols)] = xc
                best = min(best, mape_of(a @ x, obs))
    return float(best)


# Anchor tolerances: the fit's default model error, and a generous 10 %.
ANCHOR_TOLERANCES = (ls.primitives.FitOptions().model_error, 0.10)


def _fit(*args: Any, **kwargs: Any) -> Any:
    """``ls.fit`` for a batch evaluation: its per-sweep notes (LambdasimWarning, e.g.
    sizes with only cold starts) are expected here and not shown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ls.LambdasimWarning)
        return ls.fit(*args, **kwargs)


COLUMNS = [
    ("lambdasim", "lambdasim"),
    ("io_cpu", "plain io+cpu"),
    ("interp", "linear interp."),
    ("oracle", "monotone oracle"),
    ("anchored3", f"anchored floor ±{100 * ANCHOR_TOLERANCES[0]:g} %"),
    ("anchored10", f"anchored floor ±{100 * ANCHOR_TOLERANCES[1]:g} %"),
]


def evaluate(x: Series) -> dict[str, Any]:
    sizes = x.sweep.sizes()
    fit_on = fitting_sizes(sizes)
    model = _fit(
        x.sweep, x.platform, sizes=fit_on
    )  # default bootstrap: the user's band
    plain = _fit(x.sweep, x.platform, sizes=fit_on, structure="io_cpu", bootstrap=0)
    held = ~np.asarray(model.used_in_fit)
    obs = np.asarray(model.observed_ms)
    mem = np.asarray(model.memory_mb)
    fit_obs = [obs[mem == m][0] for m in fit_on]
    interp = np.interp(mem, fit_on, fit_obs)

    def mape(pred: np.ndarray) -> float:
        return mape_of(pred[held], obs[held])

    lo, hi = np.asarray(model.band_lo_ms), np.asarray(model.band_hi_ms)
    inside = (obs >= lo) & (obs <= hi)
    extra: dict[str, Any] = {}
    if x.threads is not None:
        given = _fit(x.sweep, x.platform, sizes=fit_on, bootstrap=0, threads=x.threads)
        extra["threads_given"] = mape(np.asarray(given.predicted_ms))
    parallel = x.group == "multithread" and (x.threads or 0) > 1
    if parallel:
        assert x.threads is not None
        extra["floor_threads"] = family_floor(
            mem[held], obs[held], x.threads, x.platform
        )
        # The same over every size: how closely the family follows the series at all.
        extra["family_all"] = family_floor(mem, obs, x.threads, x.platform)
    if len(sizes) >= 6:
        five_on = fitting_sizes(sizes, FIVE)
        five = _fit(x.sweep, x.platform, sizes=five_on, bootstrap=0)
        held5 = ~np.asarray(five.used_in_fit)
        extra["five"] = mape_of(np.asarray(five.predicted_ms)[held5], obs[held5])
        if x.group == "multithread":
            # The three-size fit scored on the five-size protocol's held-out sizes: the
            # two protocols compared on the same sizes.
            extra["three_on_five"] = mape_of(
                np.asarray(model.predicted_ms)[held5], obs[held5]
            )
    return extra | {
        "group": x.group,
        "series": x.name,
        "arch": x.arch,
        "threads": x.threads,
        "bound": x.bound,
        "sizes": len(sizes),
        "fit_sizes": fit_on,
        "structure": model.structure,
        "covered": int(inside[held].sum()),
        "held_out": int(held.sum()),
        "lambdasim": mape(np.asarray(model.predicted_ms)),
        "io_cpu": mape(np.asarray(plain.predicted_ms)),
        "interp": mape(interp),
        "oracle": mape_of(monotone_fit(obs[held]), obs[held]),
        "anchored3": anchored_floor(obs, ~held, ANCHOR_TOLERANCES[0]),
        "anchored10": anchored_floor(obs, ~held, ANCHOR_TOLERANCES[1]),
    }


def per_size_sweep(
    memory_mb: np.ndarray,
    duration_ms: np.ndarray,
    n: np.ndarray,
    max_memory_used_mb: np.ndarray,
) -> ls.Sweep:
    """A sweep of one aggregate row per size (canonical CSV with an n column)."""
    used = ["" if np.isnan(u) else f"{u:.17g}" for u in max_memory_used_mb]
    text = "memory_mb,duration_ms,max_memory_used_mb,n\n" + "".join(
        f"{m:.17g},{d:.17g},{u},{max(int(k), 1)}\n"
        for m, d, u, k in zip(memory_mb, duration_ms, used, n)
    )
    return ls.Sweep.csv_from_text(text, origin="<resampled>")


def relative_level(y: np.ndarray, shape: np.ndarray) -> float:
    """The factor k that fits k * shape to y by the fit's own loss, least squares on
    relative error: min sum ((k shape - y) / y)^2 = sum (k / q - 1)^2 with q = y / shape,
    so k = sum(1 / q) / sum(1 / q^2)."""
    q = np.asarray(y, dtype=float) / np.asarray(shape, dtype=float)
    return float(np.sum(1 / q) / np.sum(1 / q**2))


def noise_propagation(x: Series, resamples: int, seed: int = 0) -> dict[str, float]:
    """How much of a series' three-point error its own scatter explains.

    Fit lambdasim to every recorded size: the series' smooth curve T. Its residuals
    r = observed / T - 1 are the scatter the model family does not follow (noise plus
    any misfit). ``scatter`` is their mean |r| on the held-out sizes: the MAPE of a
    predictor that knew T exactly. Then simulate worlds that are exactly T plus that
    scatter (r resampled with replacement, independently per size), fit on the same
    three sizes as the benchmark and score the held-out sizes; ``propagated`` is the mean
    MAPE over ``resamples`` worlds: what lambdasim's three-point fit would score if its
    model were exactly right and only the scatter were left. ``level`` is the same for a
    predictor that knows T's shape and only fits its level to the three sizes (relative
    least squares, the fit's own loss): a predictor with one unknown instead of 2-4."""
    sizes = x.sweep.sizes()
    fit_on = fitting_sizes(sizes)
    full = _fit(x.sweep, x.platform, bootstrap=0)
    mem = np.asarray(full.memory_mb)
    summary = x.sweep.summarize()
    assert np.array_equal(mem, np.asarray(summary.memory_mb))
    obs = np.asarray(full.observed_ms)
    curve = np.asarray(full.predicted_ms)
    held = ~np.isin(mem, fit_on)
    r = obs / curve - 1  # > -1: observed durations are positive
    rng = np.random.default_rng(seed)
    sims, level = [], []
    for _ in range(resamples):
        y = curve * (1 + rng.choice(r, size=len(r), replace=True))
        world = per_size_sweep(
            mem, y, np.asarray(summary.n), np.asarray(summary.max_memory_used_mb)
        )
        pred = np.asarray(
            _fit(world, x.platform, sizes=fit_on, bootstrap=0).predicted_ms
        )
        sims.append(mape_of(pred[held], y[held]))
        k = relative_level(y[~held], curve[~held])
        level.append(mape_of(k * curve[held], y[held]))
    return {
        "scatter": mape_of(curve[held], obs[held]),
        "propagated": float(np.mean(sims)),
        "level": float(np.mean(level)),
    }


# The scatter explanation of noise_propagation() (--noise 0 skips it).
NOISE_COLUMNS = [
    ("scatter", "scatter"),
    ("propagated", "simulated: lambdasim"),
    ("level", "simulated: shape known"),
]


def columns_of(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """COLUMNS, and NOISE_COLUMNS when the rows have them."""
    return COLUMNS + [c for c in NOISE_COLUMNS if c[0] in rows[0]]


# Columns only some series have: the thread count given (multi-threaded sets), the
# five-size protocol (series with six sizes or more).
# Multi-threaded series (k > 1) also: the family floor (family_floor) on the three-size
# held-out sizes and on every size, and the three-size fit scored on the five-size
# protocol's held-out sizes.
OPTIONAL_COLUMNS = [
    ("threads_given", "threads given"),
    ("five", "five sizes"),
    ("floor_threads", "family floor, threads given"),
    ("family_all", "family floor, every size"),
    ("three_on_five", "three sizes on the five-size held-out"),
]


def arch_pairs(rows: list[dict[str, Any]]) -> set[str]:
    """Series recorded on both architectures (names differing only in the arch)."""
    names = {r["series"] for r in rows}
    return {
        n
        for n in names
        if n.replace("arm64", "x86_64") in names
        and n.replace("x86_64", "arm64") in names
        and ("arm64" in n or "x86_64" in n)
    }


def groups(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    pairs = arch_pairs(rows)
    out = [
        (g, [r for r in rows if r["group"] == g])
        for g in ["lin_khazaei", "powertuning", "report_metrics", "multithread"]
    ]
    out += [
        (f"pairs {a}", [r for r in rows if r["series"] in pairs and r["arch"] == a])
        for a in ["x86_64", "arm64"]
    ]
    out += [
        (
            "multithread k>1",
            [
                r
                for r in rows
                if r["group"] == "multithread" and (r["threads"] or 0) > 1
            ],
        )
    ]
    # "clean": per-invocation or per-size averages of many invocations (not Power
    # Tuning's few-invocation averages, not single runs).
    out += [
        (
            "clean",
            [
                r
                for r in rows
                if r["group"] in ("lin_khazaei", "report_metrics")
                or r["series"].startswith("rayon")
            ],
        )
    ]
    out += [("all", rows)]
    return [(g, sel) for g, sel in out if sel]


def summarize(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    columns = columns_of(rows) + OPTIONAL_COLUMNS
    out: dict[str, dict[str, float]] = {}
    for group, sel in groups(rows):
        for col, _ in columns:
            v = np.array([r[col] for r in sel if col in r], dtype=float)
            if not len(v):
                continue
            out.setdefault(group, {})[f"{col}_median"] = float(np.median(v))
            out[group][f"{col}_p90"] = float(np.percentile(v, 90))
            out[group][f"{col}_max"] = float(np.max(v))
        out[group]["series"] = len(sel)
        # Band coverage pooled over every held-out size of the group.
        out[group]["coverage"] = sum(r["covered"] for r in sel) / max(
            1, sum(r["held_out"] for r in sel)
        )
    return out


NOISE_RESAMPLES = 200  # simulated worlds per series: Monte Carlo error under 0.1 point


def run(
    noise_resamples: int = NOISE_RESAMPLES,
) -> tuple[list[dict[str, Any]], dict[str, dict[str, float]]]:
    """Every series' MAPEs and the summary figures; with noise_resamples > 0 also the
    scatter, propagated and level columns (noise_propagation, seeded by the series'
    index, so the figures are reproducible)."""
    rows = []
    for i, x in enumerate(series()):
        row = evaluate(x)
        if noise_resamples > 0:
            row.update(noise_propagation(x, noise_resamples, seed=i))
        rows.append(row)
    return rows, summarize(rows)


def markdown(rows: list[dict[str, Any]], summary: dict[str, dict[str, float]]) -> str:
    columns = columns_of(rows)
    heads = " | ".join(h for _, h in columns)
    rule = " | ".join("---:" for _ in columns)
    lines = [
        f"| series | sizes | structure | {heads} | band coverage |",
        f"| --- | ---: | --- | {rule} | ---: |",
    ]
    for r in rows:
        cells = " | ".join(f"{100 * r[c]:.1f} %" for c, _ in columns)
        lines.append(
            f"| {r['series']} | {r['sizes']} | {r['structure']} | {cells} | "
            f"{r['covered']}/{r['held_out']} |"
        )
    lines += [
        "",
        f"| set | series | statistic | {heads} | band coverage |",
        f"| --- | ---: | --- | {rule} | ---: |",
    ]
    for group, s in summary.items():
        for stat in ["median", "p90", "max"]:
            cells = " | ".join(f"{100 * s[c + '_' + stat]:.1f} %" for c, _ in columns)
            cov = f"{100 * s['coverage']:.0f} %" if stat == "median" else ""
            lines.append(f"| {group} | {s['series']} | {stat} | {cells} | {cov} |")
    # The multi-threaded protocols (issue 12): three sizes with and without the thread
    # count, five sizes without it.
    mt = [r for r in rows if r["group"] == "multithread"]
    if mt:
        lines += [
            "",
            (
                "| multi-threaded series | threads | bound | three sizes | three, threads "
                "given | family floor | five sizes | three sizes on the same | family "
                "floor, every size | band coverage |"
            ),
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]

        def pct(r: dict[str, Any], key: str) -> str:
            return f"{100 * r[key]:.1f} %" if key in r else "-"

        for r in mt:
            lines.append(
                f"| {r['series']} | {r['threads'] or '?'} | {r['bound']} | "
                f"{100 * r['lambdasim']:.1f} % | {pct(r, 'threads_given')} | "
                f"{pct(r, 'floor_threads')} | {pct(r, 'five')} | "
                f"{pct(r, 'three_on_five')} | {pct(r, 'family_all')} | "
                f"{r['covered']}/{r['held_out']} |"
            )
    return "\n".join(lines) + "\n"


def _rows_sweep(rows: list[tuple[float, float]], origin: str) -> ls.Sweep:
    text = "memory_mb,duration_ms\n" + "".join(f"{m:.17g},{d:.17g}\n" for m, d in rows)
    return ls.Sweep.csv_from_text(text, origin=origin)


def regression_pairs() -> list[tuple[str, str, ls.Sweep, ls.Sweep]]:
    """Pairs of real runs of unchanged code apart in time: (set, name, earlier, later).

    * per-invocation sweeps split in halves in recording order at every size (Lin &
      Khazaei f1-f6, the eight lambda-benchmark REPORT series, the six node16 series);
    * consecutive repeated Power Tuning runs of the same function (unfaasener)."""
    import csv
    from collections import defaultdict

    out = []

    def halves(
        rows: list[tuple[float, float]], name: str, group: str, platform: str
    ) -> None:
        by: dict[float, list[float]] = defaultdict(list)
        for m, d in rows:
            by[m].append(d)
        a = [(m, d) for m, ds in by.items() for d in ds[: len(ds) // 2]]
        b = [(m, d) for m, ds in by.items() for d in ds[len(ds) // 2 :]]
        out.append(
            (
                group,
                name,
                _rows_sweep(a, name + " first half"),
                _rows_sweep(b, name + " second half"),
                platform,
            )
        )

    with open(ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv")) as f:
        lk_rows = list(csv.DictReader(f))
    for fn in ["f1", "f2", "f3", "f4", "f5", "f6"]:
        halves(
            [
                (float(r["Memory Size"]), float(r["Duration"]))
                for r in lk_rows
                if r["Function"] == fn
            ],
            f"L&K {fn}",
            "halves",
            "aws-lambda-2020",
        )
    data = json.loads(
        ls.data_path("report_logs", "lambda_benchmark_328c27e.json").read_text()
    )
    for rt, archs in data["data"].items():
        for arch, sizes in archs.items():
            halves(
                [
                    (float(m), float(r["duration"]))
                    for m, rs in sizes.items()
                    for r in rs
                ],
                f"REPORT {rt}/{arch}",
                "halves",
                "aws-lambda",
            )
    with open(ls.data_path(MT, "node16_fib_mandelbrot_gunzip_2023.csv")) as f:
        nrows = list(csv.DictReader(f))
    for fn in sorted({r["function"] for r in nrows}):
        for arch in ["arm64", "x86_64"]:
            halves(
                [
                    (float(r["memory_mb"]), float(r["duration_ms"]))
                    for r in nrows
                    if r["function"] == fn and r["arch"] == arch
                ],
                f"node16 {fn} {arch}",
                "halves",
                "aws-lambda",
            )
    runs = ls.Sweep.powertuning_runs(
        ls.data_path("powertuning", "unfaasener_runs.json")
    )
    raw = json.loads(ls.data_path("powertuning", "unfaasener_runs.json").read_text())
    by_fn: dict[str, list[ls.Sweep]] = defaultdict(list)
    for meta, sw in zip(raw, runs):
        # The same function in another benchmark sample runs on another input: a pair is
        # two runs of one README (one function, one input).
        by_fn[meta["source"]].append(sw)
    for src, sws in by_fn.items():
        label = "/".join(src.split("/")[-3:-1])
        for i in range(len(sws) - 1):
            if len(sws[i].sizes()) >= 3 and len(sws[i + 1].sizes()) >= 3:
                out.append(
                    (
                        "powertuning",
                        f"{label} run {i + 1} -> {i + 2}",
                        sws[i],
                        sws[i + 1],
                        "aws-lambda",
                    )
                )
    return out


def regression_check(slowdown: float = 0.3) -> dict[str, Any]:
    """Fit the earlier run of each pair on every size, check the later run as recorded
    and slowed down by `slowdown`, at the check's defaults (and at the per-size rule with
    its old default rtol 0.1, for comparison)."""
    rows = []
    for group, name, a, b, platform in regression_pairs():
        prof = _fit(a, platform, bootstrap=0).profile
        sb = b.summarize()
        mem, dur = np.asarray(sb.memory_mb), np.asarray(sb.duration_ms)
        n, used = np.asarray(sb.n), np.asarray(sb.max_memory_used_mb)
        same = per_size_sweep(mem, dur, n, used)
        slow = per_size_sweep(mem, dur * (1 + slowdown), n, used)
        r_same = ls.check(prof, same, platform)
        r_slow = ls.check(prof, slow, platform)
        rows.append(
            {
                "set": group,
                "pair": name,
                "sizes": len(mem),
                "shift": r_same.shift,
                "detectable": r_same.detectable_shift,
                "unchanged_pass": bool(r_same.passed),
                "slow_fail": not r_slow.passed,
                "per_size_unchanged_pass": bool(
                    ls.check(prof, same, platform, rtol=0.1).passed
                ),
                "per_size_slow_fail": not ls.check(
                    prof, slow, platform, rtol=0.1
                ).passed,
            }
        )
    return {
        "rows": rows,
        "unchanged_pass": float(np.mean([r["unchanged_pass"] for r in rows])),
        "slow_fail": float(np.mean([r["slow_fail"] for r in rows])),
        "per_size_unchanged_pass": float(
            np.mean([r["per_size_unchanged_pass"] for r in rows])
        ),
        "per_size_slow_fail": float(np.mean([r["per_size_slow_fail"] for r in rows])),
        "detectable_median": float(np.median([r["detectable"] for r in rows])),
        "pairs": len(rows),
    }


def arch_ratios() -> list[dict[str, Any]]:
    """arm64 / x86_64 median warm duration at each size both archs record, per runtime
    and workload (models/architecture-speed.json cites these), and whether it changes
    between sizes below and above one vCPU (1,769 MB)."""
    import csv
    from collections import defaultdict

    series: dict[str, dict[str, dict[float, list[float]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    data = json.loads(
        ls.data_path("report_logs", "lambda_benchmark_328c27e.json").read_text()
    )
    for rt, archs in data["data"].items():
        for arch, sizes in archs.items():
            for m, rs in sizes.items():
                series[f"lambda-benchmark {rt} (S3 loop)"][arch][float(m)] += [
                    r["duration"] for r in rs
                ]
    for fname, key, fn_col in [
        ("node16_fib_mandelbrot_gunzip_2023.csv", "node16", "function"),
        ("sharp_express_2021.csv", "node", "function"),
        ("rust_rayon_bcrypt_2026.csv", "rust rayon", "function"),
    ]:
        with open(ls.data_path(MT, fname)) as f:
            for r in csv.DictReader(f):
                series[f"{key} {r[fn_col]}"][r["arch"]][float(r["memory_mb"])].append(
                    float(r["duration_ms"])
                )
    out = []
    for name, archs in series.items():
        common = sorted(set(archs["arm64"]) & set(archs["x86_64"]))
        ratio = {
            m: float(np.median(archs["arm64"][m]) / np.median(archs["x86_64"][m]))
            for m in common
        }
        below = [v for m, v in ratio.items() if m < 1769]
        above = [v for m, v in ratio.items() if m >= 1769]
        out.append(
            {
                "series": name,
                "sizes": len(common),
                "arm64_over_x86_64": float(np.median(list(ratio.values()))),
                "below_one_vcpu": float(np.median(below)) if below else float("nan"),
                "above_one_vcpu": float(np.median(above)) if above else float("nan"),
            }
        )
    return out


def runtime_family(runtime: str) -> str:
    """JVM, native (ahead-of-time compiled: Rust, Go, C++, Swift, .NET AOT, GraalVM
    native images, Quarkus native), JS (Node.js, Bun, LLRT) or other (Python, Ruby,
    .NET JIT, shell)."""
    r = runtime.lower()
    if r.startswith("java"):
        return "JVM"
    if r.startswith(("node", "bun", "llrt")):
        return "JS"
    if (
        r.startswith(("rust", "go", "c++", "apple swift", "graalvm", "quarkus"))
        or " aot" in r
    ):
        return "native"
    return "other"


def _cold_row(
    series: str, family: str, s: ls.Sweep, fit_on: list[float], obs: np.ndarray
) -> dict[str, Any]:
    f = _fit(s, "aws-lambda", sizes=fit_on, bootstrap=0)
    mem = np.asarray(s.summarize().memory_mb)
    pred = np.asarray(ls.primitives.cold_ms(f.profile, ls.Platform.aws_lambda(), mem))
    held = ~np.isin(mem, fit_on) & np.isfinite(obs)
    signed = (pred[held] - obs[held]) / obs[held]
    return {
        "series": series,
        "family": family,
        "mape": mape_of(pred[held], obs[held]),
        "signed": float(np.median(signed)),
    }


def lambda_perf_cold_sweeps() -> list[tuple[str, str, ls.Sweep]]:
    """data/init_durations (maxday/lambda-perf, 30 days): per runtime, package and
    architecture, one per-size row at 128, 256, 512 and 1,024 MB: the median Init
    Duration and the mean Duration of the first (cold) call, both over about 300 forced
    cold starts, with Max Memory Used. (name, family, sweep)."""
    import csv

    path = ls.data_path("init_durations", "init_duration_last30days.csv")
    by: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            by.setdefault(
                (r["runtime_display"], r["package_type"], r["arch"]), []
            ).append(r)
    out = []
    for (runtime, package, arch), rs in sorted(by.items()):
        if len(rs) < 4:
            continue
        text = "memory_mb,duration_ms,init_duration_ms,max_memory_used_mb,n,is_cold\n"
        text += "".join(
            f"{r['memory_mb']},{r['avg_invoke_duration_ms']},{r['init_median_ms']},"
            f"{r['avg_max_memory_used_mb']},{r['n_cold_starts']},true\n"
            for r in sorted(rs, key=lambda r: float(r["memory_mb"]))
        )
        name = f"{runtime} {package} {arch}"
        out.append(
            (name, runtime_family(runtime), ls.Sweep.csv_from_text(text, origin=name))
        )
    return out


def cold_accuracy() -> dict[str, Any]:
    """Cold duration (Init Duration + the cold call's Duration) fitted at three sizes
    (smallest, nearest 1,024 MB, largest), predicted at the others, on every cold set:
    lambda-benchmark's REPORT rows (nearly every row a cold start; 12 sizes) and
    lambda-perf's forced cold starts (per-size medians, 4 sizes: 256 MB predicted)."""
    metrics = ls.data_path("report_logs", "lambda_benchmark_328c27e.json")
    rows = []
    for name in ls.Sweep.report_metrics_series(metrics):
        s = ls.Sweep.from_report_metrics(metrics, name)
        t = s.summarize()
        obs = np.asarray(t.init_ms) + np.asarray(t.cold_duration_ms)
        family = runtime_family(name.split("/")[0])
        row = _cold_row(name, family, s, fitting_sizes(s.sizes()), obs)
        rows.append(row | {"set": "lambda-benchmark"})
    for name, family, s in lambda_perf_cold_sweeps():
        t = s.summarize()
        obs = np.asarray(t.init_ms) + np.asarray(t.duration_ms)
        rows.append(
            _cold_row(name, family, s, fitting_sizes(s.sizes()), obs)
            | {"set": "lambda-perf"}
        )
    groups: dict[str, dict[str, Any]] = {}
    for key, sel in [
        ("lambda-benchmark", lambda r: r["set"] == "lambda-benchmark"),
        ("lambda-perf", lambda r: r["set"] == "lambda-perf"),
        *[
            (
                f"lambda-perf {fam}",
                lambda r, f=fam: r["set"] == "lambda-perf" and r["family"] == f,
            )
            for fam in ("JVM", "native", "JS", "other")
        ],
    ]:
        rs = [r for r in rows if sel(r)]
        groups[key] = {
            "series": len(rs),
            "median": float(np.median([r["mape"] for r in rs])),
            "median_signed": float(np.median([r["signed"] for r in rs])),
            "low": sum(r["signed"] < 0 for r in rs),
        }
    bench = [r for r in rows if r["set"] == "lambda-benchmark"]
    return {
        "rows": rows,
        "groups": groups,
        "median": float(np.median([r["mape"] for r in bench])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument(
        "--noise",
        metavar="N",
        type=int,
        default=NOISE_RESAMPLES,
        help="simulated worlds per series for the scatter, propagated and "
        f"level columns (default {NOISE_RESAMPLES}; 0: skip them)",
    )
    parser.add_argument(
        "--extra",
        action="store_true",
        help="also the regression-check pairs, arm64/x86_64 ratios and "
        "cold-start accuracy",
    )
    args = parser.parse_args(argv)
    if args.noise < 0:
        parser.error(f"--noise must be >= 0, got {args.noise}")
    rows, summary = run(args.noise)
    if args.markdown:
        sys.stdout.write(markdown(rows, summary))
    else:
        columns = columns_of(rows)
        for r in rows:
            cells = " ".join(f"{100 * r[c]:6.1f}" for c, _ in columns)
            print(
                f"{r['series'][:60]:60s} {r['sizes']:3d} {r['structure']:13s} {cells}"
            )
        for group, s in summary.items():
            print(
                group,
                {k: round(100 * v, 2) if k != "series" else v for k, v in s.items()},
            )
    extra: dict[str, Any] = {}
    if args.extra:
        extra["regression"] = regression_check()
        extra["arch"] = arch_ratios()
        extra["cold"] = cold_accuracy()
        reg = extra["regression"]
        print(
            f"\nregression check on {reg['pairs']} pairs of runs apart in time: unchanged "
            f"pass {100 * reg['unchanged_pass']:.0f} %, 30 % slowdowns fail "
            f"{100 * reg['slow_fail']:.0f} % (per-size rule at rtol 0.1: "
            f"{100 * reg['per_size_unchanged_pass']:.0f} % / "
            f"{100 * reg['per_size_slow_fail']:.0f} %); median smallest detectable shift "
            f"{100 * reg['detectable_median']:.1f} %"
        )
        for r in reg["rows"]:
            print(
                f"  {r['set']:12s} {r['pair']:40s} shift {100 * r['shift']:+6.1f} % "
                f"detectable {100 * r['detectable']:5.1f} % pass={r['unchanged_pass']} "
                f"slow-fail={r['slow_fail']}"
            )
        print(
            "\narm64 / x86_64 duration (median over common sizes; below / above 1,769 MB)"
        )
        for r in extra["arch"]:
            print(
                f"  {r['series']:50s} {r['sizes']:2d} sizes {r['arm64_over_x86_64']:.3f} "
                f"({r['below_one_vcpu']:.3f} / {r['above_one_vcpu']:.3f})"
            )
        print("\ncold duration (INIT + cold call), three sizes -> others")
        for key, g in extra["cold"]["groups"].items():
            print(
                f"  {key:20s} {g['series']:3d} series: median MAPE "
                f"{100 * g['median']:4.1f} %, median signed {100 * g['median_signed']:+.1f} "
                f"%, low in {g['low']} of {g['series']}"
            )
        for r in extra["cold"]["rows"]:
            if r["set"] == "lambda-benchmark":
                print(
                    f"  {r['series']:25s} {100 * r['mape']:5.1f} % "
                    f"(median signed {100 * r['signed']:+.1f} %)"
                )
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "summary": summary} | extra, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
