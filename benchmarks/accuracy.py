#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Accuracy benchmark: fit on three recorded sizes, predict every other recorded size.

For every recorded series in lambdasim's data (the six Lin & Khazaei functions, every
Power Tuning run, every REPORT-metrics series (runtime x arch)) with at least four sizes:
fit on the smallest size, the largest, and the size nearest 1024 MB among the others;
predict the remaining sizes; report the mean absolute percentage error (MAPE) of those
predictions for lambdasim's fit, a plain io + cpu fit and linear interpolation between
the same three points. A fourth column, the monotone oracle, is a floor rather than a
competitor: the least MAPE on the held-out sizes that any prediction non-increasing in
memory can reach, found by fitting those sizes themselves (weighted L1 isotonic
regression). Since every series' error is at least its floor, the median and p90 over
series are too. Uses only the public Python API.

    python benchmarks/accuracy.py [--markdown] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

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


def _weighted_median(v: list[float], w: list[float]) -> float:
    order = np.argsort(v)
    cw = np.cumsum(np.asarray(w)[order])
    return float(np.asarray(v)[order][np.searchsorted(cw, 0.5 * cw[-1])])


def monotone_fit(y: np.ndarray) -> np.ndarray:
    """The non-increasing sequence p closest to y in sum |p - y| / y (weighted L1
    isotonic regression: pool-adjacent-violators with weighted-median blocks, exact for
    separable convex losses). Its mean is the least MAPE any non-increasing predictor
    can reach on these points."""
    blocks: list[tuple[list[float], list[float], float]] = []  # values, weights, fit
    for v in y:
        blocks.append(([float(v)], [1.0 / float(v)], float(v)))
        while len(blocks) > 1 and blocks[-2][2] < blocks[-1][2]:
            v2, w2, _ = blocks.pop()
            v1, w1, _ = blocks.pop()
            blocks.append((v1 + v2, w1 + w2, _weighted_median(v1 + v2, w1 + w2)))
    return np.concatenate([np.full(len(b[0]), b[2]) for b in blocks])


def evaluate(x: Series) -> dict[str, object]:
    sizes = x.sweep.sizes()
    fit_on = fitting_sizes(sizes)
    model = ls.fit(x.sweep, x.platform, sizes=fit_on, bootstrap=0)
    plain = ls.fit(x.sweep, x.platform, sizes=fit_on, structure="io_cpu", bootstrap=0)
    held = ~np.asarray(model.used_in_fit)
    obs = np.asarray(model.observed_ms)
    mem = np.asarray(model.memory_mb)
    fit_obs = [obs[mem == m][0] for m in fit_on]
    interp = np.interp(mem, fit_on, fit_obs)

    def mape(pred: np.ndarray) -> float:
        return float(np.mean(np.abs(pred[held] - obs[held]) / obs[held]))

    return {
        "group": x.group,
        "series": x.name,
        "sizes": len(sizes),
        "fit_sizes": fit_on,
        "structure": model.structure,
        "lambdasim": mape(np.asarray(model.predicted_ms)),
        "io_cpu": mape(np.asarray(plain.predicted_ms)),
        "interp": mape(interp),
        "oracle": float(np.mean(np.abs(monotone_fit(obs[held]) - obs[held]) / obs[held])),
    }


def summarize(rows: list[dict[str, object]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for group, sel in [
        ("lin_khazaei", [r for r in rows if r["group"] == "lin_khazaei"]),
        ("powertuning", [r for r in rows if r["group"] == "powertuning"]),
        ("report_metrics", [r for r in rows if r["group"] == "report_metrics"]),
        ("all", rows),
    ]:
        for col in ["lambdasim", "io_cpu", "interp", "oracle"]:
            v = np.array([r[col] for r in sel], dtype=float)
            out.setdefault(group, {})[f"{col}_median"] = float(np.median(v))
            out[group][f"{col}_p90"] = float(np.percentile(v, 90))
            out[group][f"{col}_max"] = float(np.max(v))
        out[group]["series"] = len(sel)
    return out


def run() -> tuple[list[dict[str, object]], dict[str, dict[str, float]]]:
    """Every series' MAPEs and the summary figures."""
    rows = [evaluate(x) for x in series()]
    return rows, summarize(rows)


def markdown(rows: list[dict[str, object]], summary: dict[str, dict[str, float]]) -> str:
    lines = [
        "| series | sizes | structure | lambdasim | plain io+cpu | linear interp. "
        "| monotone oracle |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['series']} | {r['sizes']} | {r['structure']} | "
            f"{100 * r['lambdasim']:.1f} % | {100 * r['io_cpu']:.1f} % | "
            f"{100 * r['interp']:.1f} % | {100 * r['oracle']:.1f} % |"
        )
    lines += ["", "| set | series | statistic | lambdasim | plain io+cpu | linear interp. "
              "| monotone oracle |", "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
    for group, s in summary.items():
        for stat in ["median", "p90", "max"]:
            lines.append(
                f"| {group} | {s['series']} | {stat} | {100 * s['lambdasim_' + stat]:.1f} % | "
                f"{100 * s['io_cpu_' + stat]:.1f} % | {100 * s['interp_' + stat]:.1f} % | "
                f"{100 * s['oracle_' + stat]:.1f} % |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    rows, summary = run()
    if args.markdown:
        sys.stdout.write(markdown(rows, summary))
    else:
        for r in rows:
            print(f"{r['series'][:60]:60s} {r['sizes']:3d} {r['structure']:13s} "
                  f"{100 * r['lambdasim']:6.1f} {100 * r['io_cpu']:6.1f} {100 * r['interp']:6.1f} "
                  f"{100 * r['oracle']:6.1f}")
        for group, s in summary.items():
            print(group, {k: round(100 * v, 2) if k != "series" else v for k, v in s.items()})
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "summary": summary}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
