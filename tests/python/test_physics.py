# SPDX-License-Identifier: MIT
"""Issue 12 from Python and the CLI: the thread count, the date's platform, the band and
the parameters' spread, the shift check, the profile's architecture, and the shared
multi-threaded sets loading through the CSV loader's column maps."""

from __future__ import annotations

import subprocess
import sys

import lambdasim as ls
import numpy as np
import pytest

MT = "multithread_arm64"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lambdasim", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def rayon(arch: str) -> ls.Sweep:
    cols = [
        ("memory_mb", "memory_mb"),
        ("duration_ms", "duration_ms"),
        ("n", "n_warm_invocations"),
    ]
    return ls.Sweep.from_csv(
        ls.data_path(MT, "rust_rayon_bcrypt_2026.csv"),
        columns=cols,
        where=[("arch", arch)],
    )


def test_multithread_sets_load_with_column_maps():
    # rust_rayon_bcrypt_2026.csv, arm64 rows: 1536 -> 1885 ms ... 10240 -> 280 ms.
    s = rayon("arm64")
    t = ls.summarize(s).to_dict()
    assert t["memory_mb"].tolist() == [1536, 2048, 4096, 6144, 8192, 10240]
    assert t["duration_ms"].tolist() == [1885, 1334, 685, 463, 338, 280]
    assert t["n"].tolist() == [20] * 6
    node = ls.Sweep.from_csv(
        ls.data_path(MT, "node16_fib_mandelbrot_gunzip_2023.csv"),
        columns=[
            ("memory_mb", "memory_mb"),
            ("duration_ms", "duration_ms"),
            ("billed_duration_ms", "billed_duration_ms"),
            ("max_memory_used_mb", "max_memory_used_mb"),
        ],
        where=[("function", "mandelbrot"), ("arch", "x86_64")],
    )
    assert node.sizes() == [512, 1024, 2048]
    cdk = ls.Sweep.from_csv(
        ls.data_path(MT, "cdk_bucketdeployment_2023.csv"),
        columns=[("memory_mb", "memory_mb"), ("duration_ms", "duration_ms")],
    )
    assert 3009 in cdk.sizes() and 8845 in cdk.sizes()


def test_fit_threads_option_and_reason():
    s = rayon("arm64")
    f = ls.fit(s, threads=6, sizes=[1536, 4096, 10240])  # per-size data: no bootstrap
    assert f.structure == "amdahl" and f.threads == 6 and f.threads_identified
    assert "threads = 6 given" in f.reason
    # arm64 speeds up 5.8x from 1,536 to 10,240 MB: only 6 threads can do that.
    assert ls.fit(s, sizes=[1536, 4096, 10240]).threads == 6
    # Up to 4,096 MB (3 visible vCPUs, share 2.3) every count from 3 up fits: said, and
    # the band at 10,240 MB spans their predictions.
    g = ls.fit(s, sizes=[1536, 2048, 4096])
    assert not g.threads_identified and "not identifiable" in g.reason
    assert {3, 4, 5, 6} <= set(g.plausible_threads)
    lo, hi = g.prediction_interval(ls.Platform.aws_lambda(), np.array([6144.0, 8192.0]))
    assert (lo < hi).all()
    with pytest.raises(ValueError, match="threads = -2"):
        ls.fit(s, threads=-2)


def test_fit_date_picks_the_platform():
    s = ls.Sweep.from_csv(
        ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv"),
        columns=[("memory_mb", "Memory Size"), ("duration_ms", "Duration")],
        where=[("Function", "f2")],
    )
    f = ls.fit(s, date="2020-01-15", bootstrap=0)
    assert f.platform_name == "aws-lambda-2020"
    assert "platform aws-lambda-2020 (in force on 2020-01-15)" in f.reason
    assert f.profile.platform == "aws-lambda-2020"
    with pytest.raises(ValueError, match="date = 'January'"):
        ls.fit(s, date="January")


def test_band_and_spread_are_different_things():
    s = ls.Sweep.from_csv(
        ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv"),
        columns=[("memory_mb", "Memory Size"), ("duration_ms", "Duration")],
        where=[("Function", "f3")],
    )
    f = ls.fit(s, "aws-lambda-2020", sizes=[128, 1024, 3008], seed=1)
    t = f.to_dict()
    width = (t["band_hi_ms"] - t["band_lo_ms"]) / t["predicted_ms"]
    spread = (t["spread_hi_ms"] - t["spread_lo_ms"]) / t["predicted_ms"]
    # The band includes the 3 % model error: at least 2 x 1.645 x 3 % wide.
    assert (width >= 2 * 1.6448536 * 0.03 * 0.99).all()
    assert (spread < width).all()


def test_profile_architecture_round_trip(tmp_path):
    p = ls.Profile(cpu_ms=400, io_ms=50)
    assert p.architecture == "x86_64"
    a = p.on_architecture("arm64", 0.8)  # CPU work at 0.8 x the speed: 500 ms
    assert a.architecture == "arm64"
    assert sum(c.work_ms for c in a.components if c.kind == "cpu") == pytest.approx(500)
    path = tmp_path / "p.json"
    a.save(str(path))
    assert ls.Profile.load(str(path)).architecture == "arm64"
    r, note = ls._core.architecture_speed_ratio("nodejs", "x86_64", "arm64")
    assert r == pytest.approx(1 / 1.18) and note == ""
    with pytest.raises(ValueError, match="architecture = 'sparc'"):
        p.on_architecture("sparc", 1.0)


def test_check_shift_rule_and_cli(tmp_path):
    s = rayon("x86_64")
    f = ls.fit(s, threads=6)  # per-size data: no bootstrap, and no warning
    r = ls.check(f.profile, s)
    assert r.rule == "shift" and r.passed
    assert abs(r.shift) < 0.05
    assert r.detectable_shift > r.shift_tolerance
    assert ls.check(f.profile, s, rtol=0.01).rule == "per_size"
    out = tmp_path / "p.json"
    csv_path = str(ls.data_path(MT, "rust_rayon_bcrypt_2026.csv"))
    cols = [
        "--column",
        "memory_mb=memory_mb",
        "--column",
        "duration_ms=duration_ms",
        "--column",
        "n=n_warm_invocations",
        "--where",
        "arch=x86_64",
    ]
    r1 = run("fit", csv_path, *cols, "--threads", "6", "-o", str(out))
    assert r1.returncode == 0, r1.stderr
    assert "threads = 6 given" in r1.stdout
    r2 = run("check", str(out), csv_path, *cols)
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert r2.stdout.splitlines()[-1].startswith("PASS: the curve is shifted by")
    r3 = run("check", str(out), csv_path, *cols, "--shift-tolerance", "-1")
    assert r3.returncode == 2 and "shift_tolerance = -1" in r3.stderr
