# SPDX-License-Identifier: MIT
"""lambdasim against a plain NumPy implementation of the same equations, in one process.

Run: ``PYTHONPATH=build/py/python python benchmarks/bench_python.py`` (on an otherwise
idle machine; ``--curves`` for the curve cases only). Both sides are timed interleaved (A, B, A, B, ...)
and the ratio of the medians is reported: absolute times depend on the machine and its
load, the ratio much less. No thresholds: speed is reported, never asserted in tests.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import lambdasim as ls
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_numpy as ref


def interleaved(a, b, repeat: int) -> tuple[float, float]:
    """Median seconds of a and of b, called alternately."""
    a(), b()  # warm-up
    ta, tb = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        a()
        t1 = time.perf_counter()
        b()
        t2 = time.perf_counter()
        ta.append(t1 - t0)
        tb.append(t2 - t1)
    return statistics.median(ta), statistics.median(tb)


def once(fn, repeat: int = 3) -> float:
    fn()
    return min(_time(fn) for _ in range(repeat))


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def fleet(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "cpu_ms": rng.uniform(0, 3000, n),
            "threads": rng.integers(1, 7, n),
            "io_ms": rng.uniform(0, 300, n),
            "scaled_io_ms": rng.uniform(0, 200, n),
            "knee_vcpu": rng.uniform(0.1, 2, n),
            "init_ms": rng.uniform(0, 800, n),
            "peak_memory_mb": rng.uniform(0, 1500, n),
        }
    )


def row(what: str, ls_s: float, np_s: float, unit: str = "") -> None:
    print(
        f"| {what} | {ls_s * 1e3:.3f} ms | {np_s * 1e3:.3f} ms | {np_s / ls_s:.2f}x |{unit}"
    )


def main() -> None:
    smooth = ls.Platform.aws_lambda()
    smooth.throttling = "smooth"  # the NumPy reference implements the smooth model
    cfs = ls.Platform.aws_lambda()
    prices = ls.PriceTable.aws("us-east-1", "x86_64")
    grid = np.asarray(smooth.memory_grid())
    cores = os.cpu_count()
    print(f"lambdasim {ls.__version__}, numpy {np.__version__}, {cores} cores\n")
    print("| case | lambdasim | NumPy reference | NumPy / lambdasim |")
    print("|---|---|---|---|")

    # 1. one profile, every size, every curve column
    p = ls.Profile(cpu_ms=800, io_ms=120, scaled_io_ms=40, knee_vcpu=0.5, init_ms=250)
    cols1 = {
        "cpu_ms": [800.0],
        "io_ms": [120.0],
        "scaled_io_ms": [40.0],
        "knee_vcpu": [0.5],
        "init_ms": [250.0],
    }
    a, b = interleaved(
        lambda: ls.curve(p, smooth, prices),
        lambda: ref.curve(cols1, grid, smooth, prices),
        300,
    )
    row("1 profile x 10,113 sizes, all columns (smooth)", a, b)
    a, b = interleaved(
        lambda: ls.curve(p, cfs, prices),
        lambda: ref.curve(cols1, grid, smooth, prices),
        300,
    )
    row("same, lambdasim with CFS throttling (default platform)", a, b)

    # 2. 10,000 profiles x 64 sizes from a DataFrame
    df = fleet(10_000)
    g64 = np.linspace(128, 10240, 64).round()
    cols = {k: df[k].to_numpy() for k in df}
    a, b = interleaved(
        lambda: ls.curve(df, smooth, prices, memory_mb=g64, threads=1),
        lambda: ref.curve(cols, g64, smooth, prices),
        20,
    )
    row("10,000 profiles x 64 sizes, DataFrame, 1 thread", a, b)
    a, b = interleaved(
        lambda: ls.curve(df, smooth, prices, memory_mb=g64, threads=0),
        lambda: ref.curve(cols, g64, smooth, prices),
        20,
    )
    row(f"same, threads=0 ({cores} cores)", a, b)

    # 3. 100,000 x 10,113: streamed in blocks of 200 profiles (each block 81 MB per
    # column); timed on 10 blocks, the rate per point is what a full run sustains.
    big = fleet(2_000, seed=2)
    blocks = [big.iloc[i : i + 200] for i in range(0, 2000, 200)]
    bcols = [{k: blk[k].to_numpy() for k in blk} for blk in blocks]
    t_ls = once(lambda: [ls.curve(blk, smooth, prices, threads=0) for blk in blocks], 1)
    t_np = once(lambda: [ref.curve(c, grid, smooth, prices) for c in bcols], 1)
    row(
        "2,000 x 10,113 in blocks of 200 (rate of the 100,000-profile stream)",
        t_ls,
        t_np,
        f" {2000 * 10113 / t_ls / 1e6:.0f} M points/s; 100,000 profiles: {t_ls * 50:.0f} s",
    )

    if "--curves" in sys.argv:
        return

    # 4. fits: three sizes and 46 sizes, no bootstrap, then the bootstrap per resample
    rng = np.random.default_rng(3)
    with tempfile.TemporaryDirectory() as d:

        def sweep(sizes, per_size=5):
            m = np.repeat(sizes, per_size).astype(float)
            t = (50 + 800 * 1769 / np.minimum(m, 1769)) * rng.uniform(
                0.97, 1.03, m.size
            )
            path = Path(d) / f"s{len(sizes)}.csv"
            pd.DataFrame({"memory_mb": m, "duration_ms": t}).to_csv(path, index=False)
            return ls.Sweep.load(str(path))

        s3, s46 = sweep([128, 1024, 3008]), sweep(np.linspace(128, 3008, 46).round())
    n = 2000
    t3 = once(lambda: ls.fit_many([s3] * n, threads=1, bootstrap=0), 1)
    t3b = once(lambda: ls.fit_many([s3] * 200, threads=1, bootstrap=50), 1)
    t46 = once(lambda: ls.fit_many([s46] * 200, threads=1, bootstrap=0), 1)
    print(
        f"\nfits, 1 thread: three sizes {n / t3:,.0f} fits/s; 46 sizes {200 / t46:,.0f} fits/s;"
        f" bootstrap {(t3b / 200 - t3 / n) / 50 * 1e6:.1f} us per resample (three sizes)"
    )
    t3p = once(lambda: ls.fit_many([s3] * n, threads=0, bootstrap=0), 1)
    print(f"fits, threads=0: three sizes {n / t3p:,.0f} fits/s")

    # 5. simulation: 10 M requests, and the fixed cost of one call
    o = ls.primitives.SimulateOptions()
    o.memory_mb, o.threads, o.timeline_bins = 1024, 1, 0
    short = ls.Profile(cpu_ms=20, io_ms=5, init_ms=200, cv=0.2)
    heavy = ls.primitives.Arrivals.poisson(100.0, 100_000.0)
    t_sim = once(lambda: ls._core.simulate(short, smooth, heavy, o), 1)
    tiny = ls.primitives.Arrivals.poisson(1.0, 1.0)
    t_fix = statistics.median(
        _time(lambda: ls._core.simulate(short, smooth, tiny, o)) for _ in range(200)
    )
    print(
        f"simulate: {1e7 / t_sim / 1e6:.1f} M requests/s on 1 thread; fixed cost "
        f"{t_fix * 1e6:.0f} us per call"
    )

    # 6. fixed cost of one call of each verb (median of 500)
    one = np.array([1024.0])
    verbs = {
        "curve (1 size)": lambda: ls.curve(p, smooth, prices, memory_mb=one),
        "fleet curve (1 profile, 1 size)": lambda: ls.curve(
            [p], smooth, prices, memory_mb=one
        ),
        "bill": lambda: ls.bill(p, memory_mb=1024, requests_per_month=1e6),
        "Platform.aws_lambda()": ls.Platform.aws_lambda,
        "PriceTable.aws()": lambda: ls.PriceTable.aws("us-east-1", "x86_64"),
        "fit (3 sizes, no bootstrap)": lambda: ls.fit(s3, bootstrap=0),
        "numpy: np.minimum on 1 element (yardstick)": lambda: np.minimum(one, 2.0),
    }
    print("\n| verb | fixed cost |\n|---|---|")
    for name, fn in verbs.items():
        fn()
        t = statistics.median(_time(fn) for _ in range(500))
        print(f"| {name} | {t * 1e6:.1f} us |")


if __name__ == "__main__":
    main()
