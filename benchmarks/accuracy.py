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
import json
import sys
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

import lambdasim as ls

LK_COLUMNS = [
    ("memory_mb", "Memory Size"),
    ("duration_ms", "Duration"),
    ("billed_duration_ms", "Billed Duration"),
    ("max_memory_used_mb", "Max Memory Used"),
]


@dataclass
class Series:
    group: str  # "lin_khazaei", "powertuning", "report_metrics"
    name: str
    sweep: ls.Sweep
    platform: str


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
            label = s.meta.source.split("(")[-1].rstrip(")") if "(" in s.meta.source else ""
            out.append(Series("powertuning", f"{name.split('.')[0]}[{i}] {label}".strip(), s,
                              "aws-lambda"))
    metrics = ls.data_path("report_logs", "lambda_benchmark_328c27e.json")
    for name in ls.Sweep.report_metrics_series(metrics):
        s = ls.Sweep.from_report_metrics(metrics, name)
        out.append(Series("report_metrics", f"REPORT {name}", s, "aws-lambda"))
    return [x for x in out if len(x.sweep.sizes()) >= 4]


def fitting_sizes(sizes: list[float]) -> list[float]:
    """Smallest, largest and the size nearest 1024 MB among the others."""
    inner = sizes[1:-1]
    middle = min(inner, key=lambda m: (abs(m - 1024), m))
    return [sizes[0], middle, sizes[-1]]


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
    model = _fit(x.sweep, x.platform, sizes=fit_on, bootstrap=0)
    plain = _fit(x.sweep, x.platform, sizes=fit_on, structure="io_cpu", bootstrap=0)
    held = ~np.asarray(model.used_in_fit)
    obs = np.asarray(model.observed_ms)
    mem = np.asarray(model.memory_mb)
    fit_obs = [obs[mem == m][0] for m in fit_on]
    interp = np.interp(mem, fit_on, fit_obs)

    def mape(pred: np.ndarray) -> float:
        return mape_of(pred[held], obs[held])

    return {
        "group": x.group,
        "series": x.name,
        "sizes": len(sizes),
        "fit_sizes": fit_on,
        "structure": model.structure,
        "lambdasim": mape(np.asarray(model.predicted_ms)),
        "io_cpu": mape(np.asarray(plain.predicted_ms)),
        "interp": mape(interp),
        "oracle": mape_of(monotone_fit(obs[held]), obs[held]),
        "anchored3": anchored_floor(obs, ~held, ANCHOR_TOLERANCES[0]),
        "anchored10": anchored_floor(obs, ~held, ANCHOR_TOLERANCES[1]),
    }


def per_size_sweep(memory_mb: np.ndarray, duration_ms: np.ndarray, n: np.ndarray,
                   max_memory_used_mb: np.ndarray) -> ls.Sweep:
    """A sweep of one aggregate row per size (canonical CSV with an n column)."""
    used = ["" if np.isnan(u) else f"{u:.17g}" for u in max_memory_used_mb]
    text = "memory_mb,duration_ms,max_memory_used_mb,n\n" + "".join(
        f"{m:.17g},{d:.17g},{u},{max(int(k), 1)}\n"
        for m, d, u, k in zip(memory_mb, duration_ms, used, n))
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
        world = per_size_sweep(mem, y, np.asarray(summary.n), np.asarray(summary.max_memory_used_mb))
        pred = np.asarray(_fit(world, x.platform, sizes=fit_on, bootstrap=0).predicted_ms)
        sims.append(mape_of(pred[held], y[held]))
        k = relative_level(y[~held], curve[~held])
        level.append(mape_of(k * curve[held], y[held]))
    return {"scatter": mape_of(curve[held], obs[held]), "propagated": float(np.mean(sims)),
            "level": float(np.mean(level))}


# The scatter explanation of noise_propagation() (--noise 0 skips it).
NOISE_COLUMNS = [
    ("scatter", "scatter"),
    ("propagated", "simulated: lambdasim"),
    ("level", "simulated: shape known"),
]


def columns_of(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """COLUMNS, and NOISE_COLUMNS when the rows have them."""
    return COLUMNS + [c for c in NOISE_COLUMNS if c[0] in rows[0]]


def summarize(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    columns = columns_of(rows)
    out: dict[str, dict[str, float]] = {}
    for group, sel in [
        ("lin_khazaei", [r for r in rows if r["group"] == "lin_khazaei"]),
        ("powertuning", [r for r in rows if r["group"] == "powertuning"]),
        ("report_metrics", [r for r in rows if r["group"] == "report_metrics"]),
        ("all", rows),
    ]:
        for col, _ in columns:
            v = np.array([r[col] for r in sel], dtype=float)
            out.setdefault(group, {})[f"{col}_median"] = float(np.median(v))
            out[group][f"{col}_p90"] = float(np.percentile(v, 90))
            out[group][f"{col}_max"] = float(np.max(v))
        out[group]["series"] = len(sel)
    return out


NOISE_RESAMPLES = 200  # simulated worlds per series: Monte Carlo error under 0.1 point


def run(noise_resamples: int = NOISE_RESAMPLES) -> tuple[list[dict[str, Any]], dict[str, dict[str, float]]]:
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
    lines = [f"| series | sizes | structure | {heads} |", f"| --- | ---: | --- | {rule} |"]
    for r in rows:
        cells = " | ".join(f"{100 * r[c]:.1f} %" for c, _ in columns)
        lines.append(f"| {r['series']} | {r['sizes']} | {r['structure']} | {cells} |")
    lines += ["", f"| set | series | statistic | {heads} |", f"| --- | ---: | --- | {rule} |"]
    for group, s in summary.items():
        for stat in ["median", "p90", "max"]:
            cells = " | ".join(f"{100 * s[c + '_' + stat]:.1f} %" for c, _ in columns)
            lines.append(f"| {group} | {s['series']} | {stat} | {cells} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--noise", metavar="N", type=int, default=NOISE_RESAMPLES,
                        help="simulated worlds per series for the scatter, propagated and "
                             f"level columns (default {NOISE_RESAMPLES}; 0: skip them)")
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
            print(f"{r['series'][:60]:60s} {r['sizes']:3d} {r['structure']:13s} {cells}")
        for group, s in summary.items():
            print(group, {k: round(100 * v, 2) if k != "series" else v for k, v in s.items()})
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "summary": summary}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
