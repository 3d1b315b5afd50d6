# SPDX-License-Identifier: MIT
"""Python-level speed of lambdasim.curve, with a pure-numpy reference in the same process.

Run: ``.venv/bin/python benchmarks/bench_python.py``. Prints the median time of each and
the ratio; no thresholds (speed is reported, never asserted in tests).
"""

from __future__ import annotations

import statistics
import time

import lambdasim as ls
import numpy as np


def _median_seconds(fn, repeat: int = 30) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    profile = ls.Profile(
        cpu_ms=800, io_ms=120, scaled_io_ms=40, knee_vcpu=0.5, init_ms=250
    )
    aws = ls.Platform.aws_lambda()
    prices = ls.PriceTable.aws("us-east-1", "x86_64")
    grid = aws.memory_grid()
    price = prices.first_tier_usd_per_gb_s()
    request = prices.requests_usd_per_million / 1e6

    def reference() -> np.ndarray:
        # the smooth equation and 1-ms billing in numpy, no validation
        s = np.minimum(grid / aws.mb_per_vcpu, aws.max_vcpu)
        warm = 120 + 800 / np.minimum(s, 1) + 40 / np.minimum(s / 0.5, 1)
        return np.ceil(warm) / 1000 * grid / 1024 * price + request

    rows = [
        (
            "lambdasim.curve (full grid, DataFrame-ready)",
            lambda: ls.curve(profile, aws, prices),
        ),
        ("lambdasim.warm_ms (full grid)", lambda: ls.warm_ms(profile, aws, grid)),
        ("numpy reference (smooth, no checks)", reference),
    ]
    ref = _median_seconds(reference)
    print(f"{'what':48s} {'median':>10s} {'vs numpy':>9s}")
    for name, fn in rows:
        t = _median_seconds(fn)
        print(f"{name:48s} {t * 1e3:8.3f} ms {t / ref:8.2f}x")
    print(f"({len(grid)} memory sizes)")


if __name__ == "__main__":
    main()
