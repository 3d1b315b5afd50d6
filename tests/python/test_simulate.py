# SPDX-License-Identifier: MIT
"""simulate(): the binding contract (keywords, C++-owned defaults, errors, determinism),
the result object (summary, DataFrames, plots) and the CLI."""

from __future__ import annotations

import json
import math

import lambdasim as ls
import numpy as np
import pandas as pd
import pytest
from lambdasim.cli import main

TRACE = [0, 0.1, 0.2, 0.3, 0.4, 10]  # five 1 s requests overlap, then one more at 10 s


@pytest.fixture
def one_second() -> ls.Profile:
    return ls.Profile(io_ms=1000)


def test_hand_made_trace(one_second):
    # by hand: five cold starts, the sixth reuses the most recently used instance;
    # busy 6 s over 10 s; instances live (10 - 0) + (10 - 0.1) + ... + (10 - 0.4) = 49 s
    r = ls.simulate(one_second, 1024, trace=TRACE, keep_alive=640, max_lifetime=0)
    assert (r.requests, r.cold_starts, r.throttled) == (6, 5, 0)
    assert r.mean_concurrency == pytest.approx(0.6)
    assert r.instance_seconds == pytest.approx(49)
    assert r.all.p50_ms == r.all.p999_ms == 1000
    assert (
        ls.simulate(one_second, 1024, trace=TRACE, reserved_concurrency=4).throttled
        == 1
    )
    assert (
        ls.simulate(one_second, 1024, trace=TRACE, reserved_concurrency=5).throttled
        == 0
    )
    pc = ls.simulate(one_second, 1024, trace=TRACE, provisioned_concurrency=5)
    assert pc.cold_starts == 0
    assert pc.provisioned_served == 6


def test_closed_form_cold_probability():
    assert ls.primitives.cold_probability(1 / 640, 640) == pytest.approx(math.exp(-1))
    assert ls.primitives.cold_probability(
        0.01, ls.primitives.KeepAlive.fixed(100)
    ) == pytest.approx(math.exp(-1))
    with pytest.raises(ValueError, match="keep_alive_s = 0"):
        ls.primitives.cold_probability(1, 0)
    # Poisson, one instance, recycling off: exp(-r K) within 4 standard errors
    r = 1 / 640
    res = ls.simulate(
        ls.Profile(io_ms=1),
        1024,
        rate=r,
        duration_s=100_000 / r,
        keep_alive=640,
        max_lifetime=0,
        seed=1,
    )
    p = math.exp(-1)
    assert abs(res.cold_fraction - p) < 4 * math.sqrt(p * (1 - p) / res.served)


def test_defaults_come_from_cpp(one_second):
    o = ls.primitives.SimulateOptions()
    assert (
        o.keep_alive is None and o.recycling is None and o.reserved_concurrency is None
    )
    r = ls.simulate(one_second, 1024, trace=TRACE)
    pool = ls.primitives.PoolModel.named("aws-lambda")
    assert r.keep_alive.idle_s == pool.keep_alive.idle_s
    assert r.recycling.max_lifetime_max_s == pool.recycling.max_lifetime_max_s
    r20 = ls.simulate(
        one_second, 128, trace=TRACE, platform=ls.Platform.named("aws-lambda-2020")
    )
    assert r20.keep_alive.fixed_s == 640  # models/instance-pool-aws-lambda-2020.json
    assert (
        ls.simulate(one_second, 1024, trace=TRACE, max_lifetime=0).recycling.enabled
        is False
    )


def test_recorded_trace_loads_as_is():
    path = ls.data_path("coldstarts", "traces_2020", "res-01-2020-05-28_01-57-40.csv")
    recorded = pd.read_csv(path)
    a = ls.primitives.Arrivals.load_csv(str(path))
    assert len(a.times_s) == len(recorded)
    assert a.period_s() == pytest.approx(
        recorded.client_start_time.iloc[-1] - recorded.client_start_time.iloc[0]
    )
    assert a.warm_at_start == int(not recorded.is_cold.iloc[0])
    # replay with the trace's own durations (see the C++ suite for all four files)
    warm = recorded.loc[~recorded.is_cold, "aws_duration"].median()
    extra = (
        recorded.loc[recorded.is_cold, "client_elapsed_time"].median()
        - recorded.loc[~recorded.is_cold, "client_elapsed_time"].median()
    ) * 1000
    r = ls.simulate(
        ls.Profile(io_ms=warm, init_ms=extra),
        128,
        trace=path,
        keep_alive=640,
        replications=100,
        platform=ls.Platform.named("aws-lambda-2020"),
    )
    assert abs(r.cold_fraction - recorded.is_cold.mean()) < 0.015


def test_same_seed_same_result_any_threads():
    p = ls.Profile(io_ms=120, init_ms=400, cv=0.4)
    kw = {"rate": 20, "duration_s": 1800, "replications": 4, "seed": 9}
    a = ls.simulate(p, 512, threads=1, **kw).to_dataframe()
    b = ls.simulate(p, 512, threads=3, **kw).to_dataframe()
    pd.testing.assert_frame_equal(a, b)
    c = ls.simulate(p, 512, threads=1, **{**kw, "seed": 10}).to_dataframe()
    assert not a.equals(c)


def test_result_object(one_second):
    r = ls.simulate(
        ls.Profile(io_ms=100, init_ms=300, cv=0.3),
        1024,
        rate=5,
        days=0.5,
        timeline_bins=12,
    )
    df = r.to_dataframe()
    assert len(df) == 1
    for key in (
        "requests",
        "cold_starts",
        "cold_fraction",
        "p50_ms",
        "p99_ms",
        "throttled",
        "total_usd",
    ):
        assert key in df.columns
    lat = r.latency()
    assert list(lat.index) == ["warm", "cold", "all"]
    assert lat.loc["all", "count"] == r.served
    tl = r.timeline()
    assert len(tl) == 12
    assert tl["arrivals"].sum() == r.requests
    # Little's law: 5 requests/s x ~0.1 s
    assert tl["concurrency"].mean() == pytest.approx(r.mean_concurrency, rel=1e-9)
    x, f = r.latency_cdf("warm")
    assert f[-1] == pytest.approx(1.0)
    assert np.all(np.diff(x) > 0)
    assert r.bill.total_usd > 0
    assert "SimulationResult(" in repr(r)


def test_plots(one_second):
    import matplotlib

    matplotlib.use("Agg")
    r = ls.simulate(ls.Profile(io_ms=100, init_ms=300, cv=0.3), 1024, rate=5, days=0.1)
    assert r.plot_latency_cdf().get_xscale() == "log"
    assert r.plot_concurrency().get_ylabel() == "concurrent requests"


def test_hourly_rates():
    rates = [0] * 12 + [1] * 12  # quiet mornings
    r = ls.simulate(
        ls.Profile(io_ms=10), 1024, hourly_rates=rates, days=1, timeline_bins=24
    )
    tl = r.timeline()
    assert tl["arrivals"][:12].sum() == 0
    assert abs(r.requests - 12 * 3600) < 4 * math.sqrt(12 * 3600)


def test_bad_input(one_second):
    with pytest.raises(ValueError, match="rate_per_s = -1"):
        ls.simulate(one_second, 1024, rate=-1, days=1)
    with pytest.raises(ValueError, match="keep_alive_s = 0"):
        ls.simulate(one_second, 1024, rate=1, days=1, keep_alive=0)
    with pytest.raises(ValueError, match="not sorted"):
        ls.simulate(one_second, 1024, trace=[0, 2, 1])
    with pytest.raises(ValueError, match="exactly one of"):
        ls.simulate(one_second, 1024, rate=1, trace=TRACE)
    with pytest.raises(ValueError, match="days= or duration_s="):
        ls.simulate(one_second, 1024, rate=1)
    with pytest.raises(ValueError, match="provisioned_concurrency = 3"):
        ls.simulate(
            one_second,
            1024,
            trace=TRACE,
            provisioned_concurrency=3,
            reserved_concurrency=2,
        )
    with pytest.raises(ValueError, match="memory_mb = 100"):
        ls.simulate(one_second, 100, trace=TRACE)


def test_progress_bar(capsys):
    calls = []
    r = ls._core.simulate(
        ls.Profile(io_ms=10),
        ls.Platform.aws_lambda(),
        ls.primitives.Arrivals.poisson(100, 100),
        _options(progress_every=1000),
        calls.append,
    )
    assert calls and calls[-1] == r.requests
    ls.simulate(ls.Profile(io_ms=10), 1024, rate=100, duration_s=100, progress=True)
    assert "simulate" in capsys.readouterr().err


def _options(**kw) -> ls.primitives.SimulateOptions:
    o = ls.primitives.SimulateOptions()
    o.memory_mb = 1024
    for k, v in kw.items():
        setattr(o, k, v)
    return o


def test_cli_json(profile_file, capsys):
    assert (
        main(
            [
                "simulate",
                str(profile_file),
                "--memory",
                "1769",
                "--rate",
                "2",
                "--days",
                "0.5",
                "--seed",
                "3",
                "--format",
                "json",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    for key in (
        "requests",
        "cold_starts",
        "cold_fraction",
        "p50_ms",
        "p99_ms",
        "throttled",
        "total_usd",
    ):
        assert key in doc
    # profile_file: 1000 ms CPU + 100 ms I/O at one vCPU, 200 ms INIT
    assert doc["warm_ms"] == 1100
    assert doc["cold_ms"] == 1300
    assert doc["cold_starts"] >= 1


def test_cli_trace_and_errors(profile_file, repo, capsys):
    trace = (
        repo / "data" / "coldstarts" / "traces_2020" / "res-01-2020-05-28_01-57-40.csv"
    )
    assert (
        main(
            [
                "simulate",
                str(profile_file),
                "--memory",
                "128",
                "--trace",
                str(trace),
                "--keep-alive",
                "640",
                "--max-lifetime",
                "0",
                "--format",
                "table",
            ]
        )
        == 0
    )
    assert "cold_fraction" in capsys.readouterr().out
    assert (
        main(
            [
                "simulate",
                str(profile_file),
                "--memory",
                "128",
                "--rate",
                "-1",
                "--days",
                "1",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rate_per_s = -1" in err
    assert main(["simulate", str(profile_file), "--memory", "128", "--rate", "1"]) == 2
    assert "--days" in capsys.readouterr().err
    assert (
        main(
            [
                "simulate",
                str(profile_file),
                "--memory",
                "128",
                "--trace",
                str(trace),
                "--keep-alive",
                "0",
            ]
        )
        == 2
    )
    assert "keep_alive_s = 0" in capsys.readouterr().err


def test_cold_fraction_interval(profile_file, capsys):
    # the tabulated Clopper-Pearson interval of 5 of 20 at 95 %: [0.0866, 0.4910];
    # none of 20: upper 1 - 0.025^(1/20)
    from lambdasim import primitives

    lo, hi = primitives.clopper_pearson(5, 20, 0.95)
    assert lo == pytest.approx(0.0866, abs=1e-4)
    assert hi == pytest.approx(0.4910, abs=1e-4)
    assert primitives.clopper_pearson(0, 20, 0.95) == pytest.approx(
        (0.0, 1 - 0.025 ** (1 / 20)), rel=1e-12
    )
    # a simulation carries it at its level (default 0.95, from SimulateOptions)
    p = ls.Profile(io_ms=1)
    r = ls.simulate(
        p, 1024, rate=1 / 640, days=20, keep_alive=640, max_lifetime=0, seed=2
    )
    assert r.cold_fraction_level == primitives.SimulateOptions().cold_fraction_level
    assert (r.cold_fraction_lo, r.cold_fraction_hi) == pytest.approx(
        primitives.clopper_pearson(r.cold_starts, r.served, r.cold_fraction_level)
    )
    # single instance, 1 ms requests: cold exactly when the gap exceeds 640 s, P = e^-1
    assert r.cold_fraction_lo < math.exp(-1) < r.cold_fraction_hi
    wider = ls.simulate(
        p,
        1024,
        rate=1 / 640,
        days=20,
        keep_alive=640,
        max_lifetime=0,
        seed=2,
        cold_fraction_level=0.999,
    )
    assert wider.cold_fraction_lo < r.cold_fraction_lo
    assert wider.cold_fraction_hi > r.cold_fraction_hi
    for key in ("cold_fraction_lo", "cold_fraction_hi", "cold_fraction_level"):
        assert key in r.to_dict()
        assert key in r.to_dataframe().columns
        assert f"<th>{key}</th>" in r._repr_html_()
        assert key in dir(r)
    with pytest.raises(
        ValueError, match=r"cold_fraction_level = 1\.5: must be in \(0, 1\)"
    ):
        ls.simulate(p, 1024, rate=1, days=0.01, cold_fraction_level=1.5)
    # the command line adds the keys (and keeps cold_fraction)
    argv = ["simulate", str(profile_file), "--memory", "1769", "--rate", "2"]
    argv += ["--days", "0.2", "--cold-fraction-level", "0.9", "--format", "json"]
    assert main(argv) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["cold_fraction_level"] == 0.9
    assert doc["cold_fraction_lo"] <= doc["cold_fraction"] <= doc["cold_fraction_hi"]
