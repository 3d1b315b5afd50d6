# SPDX-License-Identifier: MIT
"""REGRESSION SNAPSHOT (not a correctness test): the fit's numbers over every in-repo
data set, per structure, against a recording of the fit's own earlier output
(tests/python/snapshots/fit_snapshot.json.gz).

Its only job is to prove that a change to *how* the fit is computed (the NNLS, the
candidate loop's allocations, the explanation text) leaves every result unchanged: to
1e-12 relative for numbers (bit-identical in practice), exactly for text. The
correctness of those numbers is asserted elsewhere (test_sweep.py, the C++
test_fit*.cpp, against hand calculations and recorded data).

A deliberate change of *what* is fitted (structures, candidates, the selection rule)
changes the snapshot: regenerate it in the same commit and say so in its message:

    PYTHONPATH=build/py/python python tests/python/test_fit_snapshot.py --regen
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from pathlib import Path
from typing import Any

import lambdasim as ls
import numpy as np
from lambdasim import _core

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "fit_snapshot.json.gz"
RTOL = 1e-12

LK_COLUMNS = [
    ("memory_mb", "Memory Size"),
    ("duration_ms", "Duration"),
    ("billed_duration_ms", "Billed Duration"),
    ("max_memory_used_mb", "Max Memory Used"),
]
MT = "multithread_arm64"
ARRAYS = ["predicted_ms", "band_lo_ms", "band_hi_ms", "spread_lo_ms", "spread_hi_ms"]
STRUCTURES = ["io_cpu", "threaded_cpu", "scaled_io", "gc_cpu", "amdahl"]


def _synthetic(per_size: int, sizes: list[float], seed: int) -> _core.Sweep:
    """The benchmark's three-size sweep (per-invocation rows, 1,769 MB knee)."""
    rng = np.random.default_rng(seed)
    m = np.repeat(np.asarray(sizes, dtype=float), per_size)
    t = (50 + 800 * 1769 / np.minimum(m, 1769)) * rng.uniform(0.97, 1.03, m.size)
    text = "memory_mb,duration_ms\n" + "".join(
        f"{a:.17g},{b:.17g}\n" for a, b in zip(m, t, strict=True)
    )
    return _core.Sweep.csv_from_text(text, origin="<synthetic>")


def data_sets() -> list[tuple[str, _core.Sweep, str, int]]:
    """(name, sweep, platform, thread count stated by the source or 0) for every sweep
    in data/ that a fit accepts, whatever its number of sizes."""
    out: list[tuple[str, _core.Sweep, str, int]] = []
    app6 = ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv")
    for f in ["f1", "f2", "f3", "f4", "f5", "f6"]:
        s = _core.Sweep.from_csv(str(app6), columns=LK_COLUMNS, where=[("Function", f)])
        out.append((f"lin_khazaei {f}", s, "aws-lambda-2020", 0))
    for name in [
        "unfaasener_runs.json",
        "powertuning_misc_outputs_decoded.json",
        "github_issue_outputs.json",
        "aws_docs_prime_example.json",
        "powertuning_sample-execution-input.json",
    ]:
        path = str(ls.data_path("powertuning", name))
        try:
            runs = _core.Sweep.powertuning_runs(path)
        except ValueError:
            continue
        for i, s in enumerate(runs):
            out.append((f"powertuning {name}[{i}]", s, "aws-lambda", 0))
    metrics = str(ls.data_path("report_logs", "lambda_benchmark_328c27e.json"))
    for name in _core.Sweep.report_metrics_series(metrics):
        s = _core.Sweep.from_report_metrics(metrics, name)
        out.append((f"report {name}", s, "aws-lambda", 0))
    rayon = str(ls.data_path(MT, "rust_rayon_bcrypt_2026.csv"))
    sharp = str(ls.data_path(MT, "sharp_express_2021.csv"))
    for arch in ["arm64", "x86_64"]:
        cols = [
            ("memory_mb", "memory_mb"),
            ("duration_ms", "duration_ms"),
            ("n", "n_warm_invocations"),
        ]
        s = _core.Sweep.from_csv(rayon, columns=cols, where=[("arch", arch)])
        out.append((f"rayon {arch}", s, "aws-lambda", 6))
        for fn, k in [
            ("sharp_resize_jpeg_640x400_q80", 6),
            ("express_localhost_http_roundtrip", 1),
        ]:
            s = _core.Sweep.from_csv(
                sharp,
                columns=[("memory_mb", "memory_mb"), ("duration_ms", "duration_ms")],
                where=[("arch", arch), ("function", fn)],
            )
            out.append((f"{fn} {arch}", s, "aws-lambda", k))
    cdk = str(ls.data_path(MT, "cdk_bucketdeployment_2023.csv"))
    s = _core.Sweep.from_csv(
        cdk,
        columns=[
            ("memory_mb", "memory_mb"),
            ("duration_ms", "duration_ms"),
            ("max_memory_used_mb", "max_memory_used_mb"),
        ],
    )
    out.append(("cdk", s, "aws-lambda", 0))
    node = str(ls.data_path(MT, "node16_fib_mandelbrot_gunzip_2023.csv"))
    with open(node) as fh:
        header = fh.readline().strip().split(",")
    if "function" in header and "duration_ms" in header and "memory_mb" in header:
        import csv

        with open(node) as fh:
            fns = sorted({r["function"] for r in csv.DictReader(fh)})
        for fn in fns:
            for arch in ["arm64", "x86_64"]:
                s = _core.Sweep.from_csv(
                    node,
                    columns=[
                        ("memory_mb", "memory_mb"),
                        ("duration_ms", "duration_ms"),
                    ],
                    where=[("function", fn), ("arch", arch)],
                )
                out.append((f"node16 {fn} {arch}", s, "aws-lambda", 0))
    out.append(
        ("synthetic 3 sizes", _synthetic(5, [128, 1024, 3008], 3), "aws-lambda", 0)
    )
    out.append(
        (
            "synthetic 6 sizes",
            _synthetic(7, [128, 256, 512, 1024, 1769, 3008], 4),
            "aws-lambda",
            0,
        )
    )
    return out


def three_sizes(sizes: list[float]) -> list[float]:
    """Smallest, largest and the size nearest 1,024 MB among the others."""
    chosen = [sizes[0], sizes[-1]]
    inner = [m for m in sizes if m not in chosen]
    if inner:
        chosen.append(min(inner, key=lambda m: (abs(m - 1024), m)))
    return sorted(chosen)


def configs(sizes: list[float], threads: int) -> list[tuple[str, dict[str, Any]]]:
    three = three_sizes(sizes)
    out: list[tuple[str, dict[str, Any]]] = [
        ("auto all bootstrap", {"bootstrap": 20, "seed": 7}),
        ("auto three", {"sizes": three, "bootstrap": 0}),
        ("auto three threads=1", {"sizes": three, "bootstrap": 0, "threads": 1}),
        (
            "auto three threads=k",
            {"sizes": three, "bootstrap": 0, "threads": threads or 4},
        ),
        ("auto three bootstrap", {"sizes": three, "bootstrap": 10, "seed": 3}),
    ]
    out += [
        (f"{st} three", {"sizes": three, "bootstrap": 0, "structure": st})
        for st in STRUCTURES
    ]
    out += [(f"{st} all", {"bootstrap": 0, "structure": st}) for st in STRUCTURES]
    return out


def _nums(x: Any) -> list[float]:
    return [float(v) for v in np.asarray(x, dtype=float).ravel()]


def _profile(p: _core.Profile) -> list[Any]:
    """A profile's numbers, compactly: each component, then the cold part."""
    return [
        [[c.kind, c.work_ms, c.threads, c.knee_vcpu] for c in p.components],
        [p.init_ms, p.first_call_cpu_ms, p.cv, p.peak_memory_mb],
    ]


def record(f: _core.FitResult) -> dict[str, Any]:
    return {
        "structure": f.structure,
        "reason": f.reason,
        "diagnostics": list(f.diagnostics),
        "threads": int(f.threads),
        "threads_identified": bool(f.threads_identified),
        "plausible_threads": list(f.plausible_threads),
        "profile": _profile(f.profile),
        "plausible_profiles": [_profile(q) for q in f.plausible_profiles],
        "n_bootstrap": len(f.bootstrap_profiles),
        "bootstrap_first_last": [
            _profile(q)
            for q in list(f.bootstrap_profiles)[:1] + list(f.bootstrap_profiles)[-1:]
        ],
        "candidates": [
            [
                c.structure,
                c.threads,
                c.knee_vcpu,
                c.parameters,
                bool(c.admissible),
                c.chi2,
                c.score,
                c.io_ms,
                c.cpu_ms,
                c.scaled_io_ms,
                c.gc_ms,
                c.parallel_ms,
            ]
            for c in f.candidates
        ],
        "param_values": _nums(f.param_values),
        "param_sd": _nums(f.param_sd),
        "predicted_ms": _nums(f.predicted_ms),
        "band_lo_ms": _nums(f.band_lo_ms),
        "band_hi_ms": _nums(f.band_hi_ms),
        "spread_lo_ms": _nums(f.spread_lo_ms),
        "spread_hi_ms": _nums(f.spread_hi_ms),
        "mape": [f.mape, f.mape_fit, f.mape_holdout],
    }


def compute() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, sweep, plat, threads in data_sets():
        platform = _core.Platform.resolve(plat)
        sizes = [float(m) for m in sweep.sizes()]
        if len(sizes) < 2:
            continue
        for label, options in configs(sizes, threads):
            opts = _core.FitOptions()
            for k, v in options.items():
                setattr(opts, k, v)
            try:
                r = record(_core.fit(sweep, platform, opts))
                if "structure" in options:  # per-size arrays for the automatic fits
                    for k in ARRAYS:
                        del r[k]
                out[f"{name} | {label}"] = r
            except ValueError as e:
                out[f"{name} | {label}"] = {"error": str(e)}
    return out


def _same(a: Any, b: Any, path: str, bad: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            bad.append(f"{path}: keys {sorted(a)} != {sorted(b)}")
            return
        for k in a:
            _same(a[k], b[k], f"{path}.{k}", bad)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            bad.append(f"{path}: length {len(a)} != {len(b)}")
            return
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]", bad)
    elif (
        isinstance(a, float) and isinstance(b, (float, int)) and not isinstance(b, bool)
    ):
        if math.isnan(a) and math.isnan(b):
            return
        if a == b:
            return
        if not (abs(a - b) <= RTOL * max(abs(a), abs(b))):
            bad.append(f"{path}: {a!r} != {b!r}")
    elif a != b:
        bad.append(f"{path}: {a!r} != {b!r}")


def test_fit_regression_snapshot() -> None:
    """REGRESSION SNAPSHOT: every fit result over data/ equals the recorded one."""
    expected = json.loads(gzip.decompress(SNAPSHOT.read_bytes()))
    got = json.loads(json.dumps(compute()))
    bad: list[str] = []
    _same(got, expected, "", bad)
    assert not bad, f"{len(bad)} differences, first: " + "; ".join(bad[:5])
    assert len(expected) > 300


if __name__ == "__main__":
    if sys.argv[1:] == ["--regen"]:
        SNAPSHOT.parent.mkdir(exist_ok=True)
        text = json.dumps(compute(), sort_keys=True, separators=(",", ":")) + "\n"
        SNAPSHOT.write_bytes(gzip.compress(text.encode(), mtime=0))
        print(f"wrote {SNAPSHOT}")
    else:
        print(__doc__)
