# SPDX-License-Identifier: MIT
"""Sweeps, fit and check from Python and the CLI: binding contract, exit codes, messages,
and the accuracy table's summary figures (data/reference/sweeps.json)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import lambdasim as ls
import numpy as np
import pytest
from lambdasim.testing import assert_sweep_matches

LK = [
    "--column",
    "memory_mb=Memory Size",
    "--column",
    "duration_ms=Duration",
    "--column",
    "max_memory_used_mb=Max Memory Used",
]


@pytest.fixture(scope="module")
def ref(repo):
    return json.loads((repo / "data" / "reference" / "sweeps.json").read_text())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lambdasim", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def lk(fn: str) -> ls.Sweep:
    cols = [("memory_mb", "Memory Size"), ("duration_ms", "Duration")]
    return ls.Sweep.from_csv(
        ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv"),
        columns=cols,
        where=[("Function", fn)],
    )


def test_report_lines_match_reference(ref):
    r = ref["report_log_lines"]
    s = ls.Sweep.from_report_log(ls.data_path("report_logs", "report_log_lines.txt"))
    assert len(s) == r["rows"] and s.skipped_lines == r["skipped_lines"]
    c = s.columns()
    np.testing.assert_allclose(c["duration_ms"], r["duration_ms"], rtol=1e-12)
    assert c["is_cold"].tolist() == r["is_cold"]
    init = [np.nan if x is None else x for x in r["init_ms"]]
    np.testing.assert_allclose(c["init_ms"], init, rtol=1e-12)


def test_loader_errors_are_value_errors_naming_the_line(tmp_path):
    p = tmp_path / "log.txt"
    p.write_text(
        "REPORT RequestId: x\tDuration: 1 ms\tMemory Size: 128 MB\n"
        "REPORT RequestId: y\tDuration: 2 ms\tBilled Duration: 3\n"
    )
    with pytest.raises(ls.ConfigError, match=r"log.txt:2: truncated REPORT line"):
        ls.Sweep.from_report_log(p)
    with pytest.raises(ValueError, match="source = 'best'"):
        ls.Sweep.from_powertuning(
            ls.data_path("powertuning", "aws_docs_prime_example.json"), source="best"
        )


def test_visualization_round_trip():
    url = "https://lambda-power-tuning.show/#gAAAAQACAAQACMAL;RNQiRCxpnENjiRBDp42jQjDWjEIwFolC;VsSUNaLVjjW0VoQ1+62VNcOZATYr/Tg2"
    d = ls.powertuning.decode_visualization(url)
    assert d["memory_mb"].tolist() == [128, 256, 512, 1024, 2048, 3008]
    assert (
        ls.powertuning.encode_visualization(
            d["memory_mb"], d["duration_ms"], d["cost_usd"]
        )
        == url
    )


def test_summary_and_fit_binding():
    s = lk("f2")
    t = ls.summarize(s).to_dict()
    assert t["memory_mb"][0] == 128 and len(t["memory_mb"]) == 46
    f = ls.fit(s, "aws-lambda-2020", sizes=[128, 1024, 3008], bootstrap=50, seed=1)
    assert f.structure == "io_cpu"
    assert f.used_in_fit.sum() == 3
    assert f.mape_holdout < 0.02
    lo, hi = f.prediction_band(ls.Platform.named("aws-lambda-2020"), [128, 1792])
    assert (lo <= hi).all()
    with pytest.raises(TypeError, match="unexpected keyword argument 'size'"):
        ls.fit(s, size=[128])
    with pytest.raises(ValueError, match="structure = 'cubic'"):
        ls.fit(s, structure="cubic")


def test_assert_sweep_matches_diff():
    s = lk("f2")
    good = ls.fit(s, "aws-lambda-2020").profile
    assert_sweep_matches(good, s, rtol=0.05, platform="aws-lambda-2020")
    with pytest.raises(AssertionError) as e:
        assert_sweep_matches(
            ls.Profile(cpu_ms=100), s, rtol=0.05, platform="aws-lambda-2020"
        )
    text = str(e.value)
    assert "memory_mb" in text and "FAIL" in text and "outside rtol 0.05" in text


def test_cli_sweep_csv():
    r = run(
        "sweep",
        str(ls.data_path("powertuning", "aws_docs_prime_example.json")),
        "--format",
        "csv",
    )
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [int(x["memory_mb"]) for x in rows] == [128, 256, 512, 1024]
    assert float(rows[0]["duration_ms"]) == 11722  # 11.722 s in the AWS table
    r = run(
        "sweep",
        str(ls.data_path("report_logs", "report_log_lines.txt")),
        "--format",
        "csv",
    )
    assert "init_ms" in r.stdout.splitlines()[0]


def test_cli_fit_check_exit_codes(tmp_path):
    app6 = str(ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv"))
    out = tmp_path / "f2.json"
    r = run(
        "fit",
        app6,
        *LK,
        "--where",
        "Function=f2",
        "--sizes",
        "128,1024,3008",
        "--platform",
        "aws-lambda-2020",
        "-o",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    assert "structure: io_cpu" in r.stdout
    fitted = ls.Profile.load(str(out))
    assert [c.kind for c in fitted.components] == ["io", "cpu"]
    # The curve command reads the written profile.
    assert (
        run(
            "curve", str(out), "--memory", "128,1024", "--platform", "aws-lambda-2020"
        ).returncode
        == 0
    )
    ok = run(
        "check",
        str(out),
        app6,
        *LK,
        "--where",
        "Function=f2",
        "--platform",
        "aws-lambda-2020",
        "--rtol",
        "0.05",
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.splitlines()[-1].startswith("PASS")
    bad = run(
        "check",
        str(out),
        app6,
        *LK,
        "--where",
        "Function=f1",
        "--platform",
        "aws-lambda-2020",
    )
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[-1].startswith("FAIL")
    missing = run("check", str(out), str(tmp_path / "none.csv"))
    assert missing.returncode == 2
    assert (
        missing.stderr.count("\n") == 1
        and "none.csv: cannot open file" in missing.stderr
    )
    typo = run(
        "check",
        str(out),
        app6,
        "--column",
        "memory_mb=Memory",
        "--where",
        "Function=f2",
    )
    assert typo.returncode == 2 and "no column 'Memory'" in typo.stderr
    sizes = run(
        "fit",
        app6,
        *LK,
        "--where",
        "Function=f2",
        "--sizes",
        "128,1000",
        "--platform",
        "aws-lambda-2020",
    )
    assert sizes.returncode == 2 and "sizes = 1000" in sizes.stderr


def test_accuracy_table_summary(accuracy, ref):
    """benchmarks/accuracy.py reproduces docs/accuracy.md's summary figures."""
    acc = accuracy
    rows, summary = acc.run()
    a = ref["accuracy"]
    assert summary["all"]["series"] == a["series_all"]
    assert summary["lin_khazaei"]["series"] == a["series_lin_khazaei"]
    groups = [g for g, v in a.items() if isinstance(v, dict)]  # a regression snapshot
    assert {
        "lin_khazaei",
        "powertuning",
        "report_metrics",
        "multithread",
        "all",
    } <= set(groups)
    for group in groups:
        for key, value in a[group].items():
            assert summary[group][key] == pytest.approx(value, abs=a["tolerance"]), (
                group,
                key,
            )
    # The monotone oracle by hand: 10 then 12 must pool; relative L1 weights 1/10 > 1/12
    # put the block at 10 (cost 2/12); 8 stays. 5, 4, 3 is already non-increasing.
    np.testing.assert_allclose(
        acc.monotone_fit(np.array([10.0, 12.0, 8.0])), [10, 10, 8]
    )
    np.testing.assert_allclose(acc.monotone_fit(np.array([5.0, 4.0, 3.0])), [5, 4, 3])
    # 3 then 5 then 4: pooling 3 and 5 gives 3 (weight 1/3 > 1/5), 4 then pools too:
    # weighted median of {3, 5, 4} with weights {1/3, 1/5, 1/4} is 4 (cum. 0.33, 0.58 of 0.78)
    np.testing.assert_allclose(acc.monotone_fit(np.array([3.0, 5.0, 4.0])), [4, 4, 4])
    assert summary["all"]["oracle_median"] <= summary["all"]["lambdasim_median"]
    # Bounds: 10, 12, 8 with p[0] >= 11: the pooled block costs (x-10)/10 + (12-x)/12,
    # rising in x, so it sits at the bound 11 (cost 0.1 + 1/12).
    np.testing.assert_allclose(
        acc.monotone_fit(np.array([10.0, 12.0, 8.0]), lower=np.array([11.0, 0, 0])),
        [11, 11, 8],
    )
    np.testing.assert_allclose(
        acc.monotone_fit(np.array([5.0, 4.0, 3.0]), upper=np.full(3, 4.5)), [4.5, 4, 3]
    )
    # Fitting values 100 then 120 rise: the least tolerance is where 100 (1+e) = 120 (1-e).
    assert acc.least_anchor_tolerance(np.array([100.0, 120.0])) == pytest.approx(
        20 / 220
    )
    assert acc.least_anchor_tolerance(np.array([100.0, 90.0])) == 0
    # Anchored floor by hand: sizes ascending, observed 100, 80, 50, 60, fitted on the 1st
    # and 3rd. 80 lies between its anchors (free); 60 must stay under the anchor 50
    # (within tol): error 10/60 at tol 0, 5/60 at tol 0.1; mean over the two held out.
    obs, fitted = np.array([100.0, 80, 50, 60]), np.array([True, False, True, False])
    assert acc.anchored_floor(obs, fitted, 0.0) == pytest.approx(1 / 12)
    assert acc.anchored_floor(obs, fitted, 0.1) == pytest.approx(1 / 24)
    assert acc.mape_of(acc.monotone_fit(obs[~fitted]), obs[~fitted]) == 0  # unanchored
    # Fitting values rising by more than tol (100 -> 120 needs 9.1 %): the unanchored floor.
    assert (
        acc.anchored_floor(
            np.array([100.0, 90, 120]), np.array([True, False, True]), 0.05
        )
        == 0
    )
    # An anchored floor is never below the unanchored one (more constraints, or the fallback).
    for r in rows:
        assert r["oracle"] <= r["anchored10"] + 1e-12, r["series"]
    # The family floor is a floor: the threads-given fit is a curve of that family, so
    # it cannot score below it on the same held-out sizes (1e-3: the rayon fits use CFS
    # columns, the floor smooth ones; they agree for work this long).
    for r in rows:
        if "floor_threads" in r:
            assert r["floor_threads"] <= r["threads_given"] + 1e-3, r["series"]
    # Noise propagation. Level by hand: q = 1.1, 0.9 gives k = (1/1.1 + 1/0.9) /
    # (1/1.21 + 1/0.81) = 2.020202 / 2.061014 = 0.980198; a pure scale is recovered.
    assert acc.relative_level(np.array([1.1, 0.9]), np.ones(2)) == pytest.approx(
        0.980198, abs=1e-6
    )
    assert acc.relative_level(
        np.array([2.0, 4.0, 6.0]), np.array([1.0, 2, 3])
    ) == pytest.approx(2)
    # A world without scatter: the sweep is an io + cpu curve itself, so every column is 0
    # (three exact points determine the two work terms; to 1e-3 because the fit refines
    # its CFS-dependent cpu column by a few fixed-point steps, leaving about 1e-5).
    mem = np.array([128.0, 256, 512, 1024, 2048, 3008])
    exact = np.asarray(
        ls.curve(ls.Profile(cpu_ms=800, io_ms=120), memory_mb=mem).warm_ms
    )
    world = acc.per_size_sweep(mem, exact, np.full(6, 10), np.full(6, np.nan))
    assert np.isnan(world.columns()["max_memory_used_mb"]).all()
    noise = acc.noise_propagation(
        acc.Series("powertuning", "exact", world, "aws-lambda"), 5
    )
    assert noise == pytest.approx({"scatter": 0, "propagated": 0, "level": 0}, abs=1e-3)


def test_three_sizes_predict_the_derived_summary(repo):
    """README example: fit f5 on 128, 1024, 3008 MB; every other size is predicted within
    4 % of the medians in summary_by_function_memory.csv (derived independently by the
    data's curator from the verbatim logs)."""
    import pandas as pd

    s = lk("f5")
    f = ls.fit(s, "aws-lambda-2020", sizes=[128, 1024, 3008])
    summary = pd.read_csv(
        repo / "data" / "lin_khazaei_2020" / "summary_by_function_memory.csv"
    )
    median = summary[summary.function == "f5"].set_index("memory_mb")[
        "duration_median_ms"
    ]
    pred = pd.Series(
        np.asarray(f.predicted_ms), index=np.asarray(f.memory_mb).astype(int)
    )
    err = (pred / median.loc[pred.index] - 1).abs()
    assert err.max() < 0.04
    # At 1,792 MB (one vCPU on the 2020 platform) the prediction is the CPU work itself.
    assert f.profile.components[1].work_ms == pytest.approx(pred[1792])
    assert pred[1792] == pytest.approx(median[1792], rel=0.01)


def test_memory_pressure_fit_on_recorded_dotnet_sweep():
    # lambda-benchmark dotnet6/x86_64 (recorded): 105 MB used at 128 MB, durations
    # 9,161 / 4,045 / 2,953 / 2,428 ms at 128 / 256 / 384 / 512 MB.
    path = ls.data_path("report_logs", "lambda_benchmark_328c27e.json")
    s = ls.Sweep.from_report_metrics(path, "dotnet6/x86_64")
    with pytest.warns(ls.LambdasimWarning, match="some sizes have only cold starts"):
        f = ls.fit(s, sizes=[128, 1024, 2048], bootstrap=0)
    assert f.structure == "gc_cpu"
    assert "memory pressure (Max Memory Used 105 MB at 128 MB)" in f.reason
    with pytest.warns(ls.LambdasimWarning, match="some sizes have only cold starts"):
        plain = ls.fit(s, sizes=[128, 1024, 2048], bootstrap=0, structure="io_cpu")
    mem = np.asarray(f.memory_mb)
    recorded = {256: 4045, 384: 2953, 512: 2428}
    for m, want in recorded.items():
        err = np.asarray(f.predicted_ms)[mem == m][0] / want - 1
        # plain io + cpu puts the 128 MB excess into 1/s and overshoots by 19-22 %
        err_plain = np.asarray(plain.predicted_ms)[mem == m][0] / want - 1
        assert abs(err) < 0.11 and err_plain > 0.15 and abs(err) < 0.5 * err_plain, (
            m,
            err,
        )
    assert f.mape_holdout < 0.6 * plain.mape_holdout
    # every size (None = all) gives the same structure
    with pytest.warns(ls.LambdasimWarning, match="only cold starts"):
        assert ls.fit(s, sizes=None, bootstrap=0).structure == "gc_cpu"


def test_summary_dataframe_and_band_inputs():
    s = lk("f2")
    df = ls.summarize(s).to_dataframe()
    assert list(df.columns[:4]) == ["memory_mb", "n", "n_cold", "duration_ms"]
    assert (df["n"] == 100).all()
    f = ls.fit(s, "aws-lambda-2020", sizes=[128, 1024, 3008], bootstrap=20)
    plat = ls.Platform.named("aws-lambda-2020")
    grid = np.arange(128.0, 3009.0, 64.0)
    lo, hi = f.prediction_band(plat, grid[::2])  # strided input
    lo2, hi2 = f.prediction_band(plat, grid.tolist()[::2])  # list input
    np.testing.assert_array_equal(lo, lo2)
    np.testing.assert_array_equal(hi, hi2)
    with pytest.raises(ValueError, match="memory_mb = 100"):
        f.prediction_band(plat, [100.0])
    no_boot = ls.fit(s, "aws-lambda-2020", bootstrap=0)
    with pytest.raises(ValueError, match="no bootstrap profiles"):
        no_boot.prediction_band(plat, grid)


def test_no_bootstrap_note_only_when_asked():
    # Power Tuning gives per-size averages: nothing to resample. By default that is
    # silent (pytest turns any warning into an error); asked for by name, it is said.
    s = ls.Sweep.from_powertuning(
        ls.data_path("powertuning", "aws_docs_prime_example.json")
    )
    f = ls.fit(s)
    assert len(f.core.bootstrap_profiles) == 0 and f.diagnostics == []
    assert np.isnan(f.spread_lo_ms).all()
    with pytest.warns(ls.LambdasimWarning, match="bootstrap = 50: no per-invocation"):
        ls.fit(s, bootstrap=50)
    ls.fit(s, bootstrap=0)  # nothing asked, nothing said
