# SPDX-License-Identifier: MIT
"""A fit records the architecture its sweep ran on, and a profile is priced there
(hand-computed prices from models/prices-aws-lambda.json, read here with json); pricing
it on the other architecture without a speed ratio warns. Sustained-load (throughput)
sweeps are fitted with smooth throttling (hand values)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import warnings

import lambdasim as ls
import pytest

RAYON = ls.data_path("multithread_arm64", "rust_rayon_bcrypt_2026.csv")
RAYON_COLUMNS = [
    ("memory_mb", "memory_mb"),
    ("duration_ms", "duration_ms"),
    ("n", "n_warm_invocations"),
]


def _us_east_1(arch: str) -> tuple[float, float]:
    """First-tier USD per GB-s and USD per request, from the model file itself."""
    with open(ls.primitives.models_path() / "prices-aws-lambda.json") as fh:
        t = json.load(fh)["regions"]["us-east-1"][arch]
    return t["duration_tiers"][0]["usd_per_gb_s"], t["requests_usd_per_million"] / 1e6


def _hand_cost(warm_ms: float, memory_mb: float, arch: str) -> float:
    per_gb_s, per_request = _us_east_1(arch)
    return math.ceil(warm_ms) / 1000 * memory_mb / 1024 * per_gb_s + per_request


def _rayon(arch: str) -> ls.Sweep:
    return ls.Sweep.from_csv(RAYON, columns=RAYON_COLUMNS, where=[("arch", arch)])


def test_arm64_fit_records_arm64_and_is_priced_there():
    s = _rayon("arm64")
    assert list(s.meta.architectures) == ["arm64"]
    f = ls.fit(s, threads=6, bootstrap=0)
    assert f.profile.architecture == "arm64"
    assert "measured on arm64 (from the file: column 'arch')" in f.reason
    c = ls.curve(f.profile, memory_mb=[2048])
    assert c.prices.arch == "arm64"
    warm = float(c.warm_ms[0])
    assert float(c.cost_usd[0]) == pytest.approx(_hand_cost(warm, 2048, "arm64"))
    # and not at the x86_64 price (25 % more per GB-s)
    assert float(c.cost_usd[0]) < 0.9 * _hand_cost(warm, 2048, "x86_64")
    r = ls.recommend(f.profile, arch="arm64", strategy="cost")
    assert r.arch == "arm64"
    assert r.cost_usd == pytest.approx(_hand_cost(r.warm_ms, r.memory_mb, "arm64"))
    assert not r.caveats


def test_the_other_architecture_needs_a_speed_ratio():
    f = ls.fit(_rayon("arm64"), threads=6, bootstrap=0)
    with pytest.warns(ls.LambdasimWarning, match="measured on arm64 .*speed ratio 1.0"):
        ls.curve(f.profile, arch="x86_64", memory_mb=[2048])
    # recommend across both architectures says so in its caveats
    r = ls.recommend(f.profile)
    assert any("measured on arm64" in c and "ratio 1.0" in c for c in r.caveats)
    # converted with a ratio (rust: models/architecture-speed.json, 1.03 arm64/x86_64)
    ratio, _ = ls.primitives.architecture_speed_ratio("rust", "arm64", "x86_64")
    assert ratio == pytest.approx(1.03)
    q = f.profile.on_architecture("x86_64", ratio)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = ls.curve(q, memory_mb=[2048])
    assert c.prices.arch == "x86_64"
    # a profile written by hand records x86_64 only as a default: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ls.curve(ls.Profile(cpu_ms=100), arch="arm64", memory_mb=[1024])


def test_arch_given_and_rows_of_both():
    s = _rayon("x86_64")
    f = ls.fit(s, bootstrap=0)
    assert f.profile.architecture == "x86_64"
    with pytest.warns(ls.LambdasimWarning, match="the file says x86_64"):
        g = ls.fit(s, bootstrap=0, arch="arm64")
    assert g.profile.architecture == "arm64"
    with pytest.raises(ValueError, match="arch = 'sparc': expected x86_64 or arm64"):
        ls.fit(s, arch="sparc")
    both = ls.Sweep.from_csv(RAYON, columns=RAYON_COLUMNS)
    with warnings.catch_warnings(record=True) as notes:  # loading notes it
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="arch = 'arm64, x86_64'"):
            ls.fit(both, bootstrap=0)
    assert any("rows of both x86_64 and arm64" in str(w.message) for w in notes)


def test_sustained_load_fits_smooth_throttling():
    # 10 ms of CPU per operation, measured as a throughput: 10 x 1,769 / m by hand
    # (138.203 ms at 128 MB); read as single invocations under CFS the same numbers
    # do not lie on an io + cpu curve.
    text = "memory_mb,duration_ms\n" + "".join(
        f"{m},{10 * 1769 / m:.9g}\n" for m in (128, 256, 512, 1024)
    )
    s = ls.Sweep.csv_from_text(text)
    f = ls.fit(s, load="sustained", structure="io_cpu", bootstrap=0)
    assert f.param_values[list(f.param_names).index("cpu_ms")] == pytest.approx(10)
    assert float(f.predicted_ms[0]) == pytest.approx(138.203, rel=1e-5)
    assert f.platform.throttling == "smooth"  # the band is computed as fitted
    lo, hi = f.prediction_interval(None, [128])
    assert lo[0] < 138.203 < hi[0]
    c = ls.fit(s, structure="io_cpu", bootstrap=0)
    assert c.platform.throttling == "cfs" and c.mape > 0.01
    with pytest.raises(ValueError, match="load = 'steady': expected per_invocation"):
        ls.fit(s, load="steady")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lambdasim", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_arch_and_load(tmp_path):
    out = tmp_path / "p.json"
    r = _cli(
        "fit",
        str(RAYON),
        "--column",
        "memory_mb=memory_mb",
        "--column",
        "duration_ms=duration_ms",
        "--column",
        "n=n_warm_invocations",
        "--where",
        "arch=arm64",
        "--threads",
        "6",
        "-o",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text())["architecture"] == "arm64"
    r = _cli("curve", str(out), "--memory", "2048", "--format", "json")
    assert r.returncode == 0, r.stderr
    row = json.loads(r.stdout)["rows"][0]
    assert json.loads(r.stdout)["arch"] == "arm64"
    assert row["cost_usd"] == pytest.approx(
        _hand_cost(row["warm_ms"], 2048, "arm64"), rel=1e-5
    )
    r = _cli("curve", str(out), "--memory", "2048", "--arch", "x86_64")
    assert r.returncode == 0 and "speed ratio 1.0" in r.stderr
    # --arch and --load on fit
    csv_file = tmp_path / "ops.csv"
    csv_file.write_text(
        "memory_mb,duration_ms\n"
        + "".join(f"{m},{10 * 1769 / m:.9g}\n" for m in (128, 256, 512, 1024))
    )
    r = _cli(
        "fit",
        str(csv_file),
        "--load",
        "sustained",
        "--arch",
        "arm64",
        "--structure",
        "io_cpu",
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (
        "sustained load" in d["reason"] and "measured on arm64 (given)" in d["reason"]
    )
    assert d["rows"][0]["predicted_ms"] == pytest.approx(138.203, rel=1e-5)
    assert json.loads(out.read_text())["architecture"] == "arm64"
    r = _cli("fit", str(csv_file), "--load", "steady")
    assert r.returncode == 2 and "steady" in r.stderr


def test_cli_speed_ratio_moves_a_profile_to_the_other_architecture(tmp_path):
    # measured on arm64: io 100 ms + 1,030 ms of CPU; on x86_64 at 1.03x the speed the
    # CPU work is 1,000 ms, so at 1,769 MB (one vCPU) the call takes 1,100 ms by hand
    prof = tmp_path / "arm.json"
    prof.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "name": "arm",
                "components": [
                    {"kind": "io", "ms": 100},
                    {"kind": "cpu", "work_ms": 1030, "threads": 1},
                ],
                "architecture": "arm64",
                "source": "measured.csv",
            }
        )
    )
    args = ("curve", str(prof), "--memory", "1769", "--format", "json")
    r = _cli(*args, "--arch", "x86_64", "--speed-ratio", "1.03")
    assert r.returncode == 0 and "warning" not in r.stderr, r.stderr
    out = json.loads(r.stdout)
    assert out["arch"] == "x86_64"
    assert out["rows"][0]["warm_ms"] == pytest.approx(1100)
    assert out["rows"][0]["cost_usd"] == pytest.approx(_hand_cost(1100, 1769, "x86_64"))
    r = _cli(*args, "--arch", "x86_64")  # no ratio: the measured speed, and a warning
    assert json.loads(r.stdout)["rows"][0]["warm_ms"] == pytest.approx(1130)
    assert "speed ratio 1.0" in r.stderr
    r = _cli(*args, "--speed-ratio", "1.03")  # no other architecture to move to
    assert r.returncode == 2 and "--speed-ratio = 1.03: applies only" in r.stderr
    r = _cli(
        "bill", str(prof), "--memory", "1769", "--requests-per-month", "1e6",
        "--arch", "x86_64", "--speed-ratio", "1.03", "--format", "json",
    )  # fmt: skip
    assert r.returncode == 0 and "warning" not in r.stderr, r.stderr


def test_speed_ratio_keyword_moves_a_profile():
    # the same arm64 profile as above: io 100 + cpu 1,030 ms; at ratio 1.03 on x86_64
    # 1,100 ms at 1,769 MB by hand
    p = ls.Profile(io_ms=100, cpu_ms=1030)
    p.architecture, p.source = "arm64", "measured.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = ls.curve(p, arch="x86_64", speed_ratio=1.03, memory_mb=[1769])
        b = ls.bill(p, 1769, arch="x86_64", speed_ratio=1.03, requests_per_month=1e6)
        bc = ls.bill_curve(
            p, arch="x86_64", speed_ratio=1.03, memory_mb=[1769], requests_per_month=1e6
        )
    assert float(c.warm_ms[0]) == pytest.approx(1100)
    assert float(c.cost_usd[0]) == pytest.approx(_hand_cost(1100, 1769, "x86_64"))
    assert b.total_usd == pytest.approx(1e6 * _hand_cost(1100, 1769, "x86_64"))
    assert float(bc.total_usd[0]) == pytest.approx(b.total_usd)
    with pytest.raises(ValueError, match="speed_ratio = 1.03: applies only with arch="):
        ls.curve(p, speed_ratio=1.03, memory_mb=[1769])
    with pytest.raises(ValueError, match="speed_ratio = 'fast': expected a number"):
        ls.curve(p, arch="x86_64", speed_ratio="fast", memory_mb=[1769])
