# SPDX-License-Identifier: MIT
"""ls.recommend and ``lambdasim recommend``: against brute-force searches over ls.curve
written here, the result protocol, the CLI contract and the pictures (Agg)."""

from __future__ import annotations

import json

import lambdasim as ls
import matplotlib
import numpy as np
import pytest
from lambdasim.cli import main

matplotlib.use("Agg")


@pytest.fixture
def api() -> ls.Profile:
    return ls.Profile(
        name="api-handler", cpu_ms=800, io_ms=120, init_ms=250, peak_memory_mb=180
    )


def grid(profile, archs, headroom=0.2, max_warm=np.inf, memory_mb=None):
    """Every (size, arch) from ls.curve, filtered by the headroom and max_warm rules."""
    rows = []
    for a in archs:
        c = ls.curve(profile, arch=a, memory_mb=memory_mb)
        ok = (c.memory_mb >= profile.peak_memory_mb * (1 + headroom)) & (
            c.warm_ms <= max_warm
        )
        rows += [
            (m, w, cost, a)
            for m, w, cost in zip(c.memory_mb[ok], c.warm_ms[ok], c.cost_usd[ok])
        ]
    return rows


def brute(rows, strategy, w=0.5):
    """Best row by a plain loop (ties: cost -> faster, speed -> cheaper, then the first)."""
    cmax = max(r[2] for r in rows)
    dmax = max(r[1] for r in rows)

    def key(r):
        _, d, c, _ = r
        if strategy == "cost":
            return (c, d)
        if strategy == "speed":
            return (d, c)
        return (w * c / cmax + (1 - w) * d / dmax, c, d)

    best = rows[0]
    for r in rows[1:]:
        if key(r) < key(best):
            best = r
    return best


@pytest.mark.parametrize("strategy", ["cost", "speed", "balanced"])
@pytest.mark.parametrize("arch", ["x86_64", "both"])
@pytest.mark.parametrize("max_warm", [None, 3000.0])
def test_strategies_against_brute_force(api, strategy, arch, max_warm):
    r = ls.recommend(
        api, strategy=strategy, arch=arch, max_warm_ms=max_warm, speed_ratio=1.0
    )
    archs = ["x86_64", "arm64"] if arch == "both" else [arch]
    rows = grid(api, archs, max_warm=np.inf if max_warm is None else max_warm)
    m, d, c, a = brute(rows, strategy)
    assert (r.memory_mb, r.arch) == (m, a)
    assert r.warm_ms == pytest.approx(d, rel=1e-12)
    assert r.cost_usd == pytest.approx(c, rel=1e-12)


def test_knee_against_brute_force(api):
    sizes = np.arange(128, 10241, 32)
    r = ls.recommend(api, strategy="knee", arch="x86_64", memory_mb=sizes)
    rows = grid(api, ["x86_64"], memory_mb=sizes)
    front = [
        p
        for p in rows
        if not any(
            q[2] <= p[2] and q[1] <= p[1] and (q[2] < p[2] or q[1] < p[1]) for q in rows
        )
    ]
    c0, c1 = min(p[2] for p in front), max(p[2] for p in front)
    d1, d0 = min(p[1] for p in front), max(p[1] for p in front)
    knee = max(
        front,
        key=lambda p: (1 - (p[2] - c0) / (c1 - c0) - (p[1] - d1) / (d0 - d1), -p[2]),
    )
    assert r.memory_mb == knee[0]


def test_defaults_come_from_the_options_struct(api):
    d = ls.primitives.RecommendOptions()
    r = ls.recommend(api)
    assert r.strategy == d.strategy
    assert r.percentile == d.percentile
    assert ls._core.RECOMMEND_CHOICES["strategy"] == (
        "cost",
        "speed",
        "balanced",
        "knee",
    )
    with pytest.raises(TypeError, match="unknown recommend option 'max_warm'"):
        ls.recommend(api, max_warm=100)


def test_unknown_speed_ratio_is_said(api):
    r = ls.recommend(api)
    assert r.speed_ratio == 1.0
    assert any("ratio 1.0" in c for c in r.caveats)
    assert not ls.recommend(api, arch="x86_64").caveats


def test_impossible_constraint_is_a_value_error(api):
    # the fastest is 800 ms of single-threaded CPU at one vCPU + 120 ms = 920 ms
    with pytest.raises(
        ValueError, match="max_warm_ms = 100: .*fastest warm duration is 920 ms"
    ):
        ls.recommend(api, max_warm_ms=100)


def test_result_protocol(api):
    r = ls.recommend(api, current_memory_mb=512, requests_per_month=3e6)
    d = r.to_dict()
    for key in ("memory_mb", "arch", "warm_ms", "cost_usd", "monthly_usd", "reason"):
        assert key in d
    df = r.to_dataframe()
    assert df["role"].iloc[0] == "recommended"
    assert "cheapest" in set(df["role"])
    assert "versus_choice" in df
    html = r._repr_html_()
    assert html.startswith("<table>") and "Runners-up" in html
    assert repr(r).startswith("Recommendation(balanced:")
    assert r.change is not None and r.change["current_memory_mb"] == 512
    # the month's bill of the choice is compute_bill's
    assert r.monthly_usd == pytest.approx(r.bill.total_usd)
    # the cheapest runner-up is the brute-force cheapest per invocation? No: per month.
    cands = r.candidates()
    ok = cands["excluded_by"] == "none"
    cheapest = np.nanmin(np.where(ok, cands["monthly_usd"], np.nan))
    assert r.runners_up[0]["role"] == "cheapest"
    assert r.runners_up[0]["monthly_usd"] == pytest.approx(cheapest)


def test_fit_result_brings_its_band():
    s = ls.Sweep.from_powertuning(
        ls.data_path("powertuning", "aws_docs_prime_example.json")
    )
    f = ls.fit(s)  # Power Tuning: per-size data, no bootstrap and no warning
    r = ls.recommend(f, arch="x86_64", band=0.5)
    assert r.within_uncertainty  # a 50 % band overlaps the runners-up


def test_cli_json(profile_file, capsys):
    assert (
        main(
            [
                "recommend",
                str(profile_file),
                "--format",
                "json",
                "--arch",
                "x86_64",
                "--strategy",
                "cost",
                "--requests-per-month",
                "1e6",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    for key in (
        "memory_mb",
        "arch",
        "warm_ms",
        "cost_usd",
        "monthly_usd",
        "reason",
        "runners_up",
    ):
        assert key in doc
    assert doc["arch"] == "x86_64"
    assert isinstance(doc["runners_up"], list) and doc["runners_up"]
    # brute force over the curve: the cheapest month (same cold fraction, tiny here)
    p = ls.Profile.load(str(profile_file))
    c = ls.curve(p)
    assert doc["warm_ms"] >= c.warm_ms.min()


def test_cli_json_without_requests_has_no_monthly(profile_file, capsys):
    assert (
        main(
            [
                "recommend",
                str(profile_file),
                "--format",
                "json",
                "--strategy",
                "speed",
                "--arch",
                "x86_64",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert "monthly_usd" not in doc
    assert doc["memory_mb"] == 1769  # 1000 ms of one thread: fastest from one vCPU on
    assert doc["warm_ms"] == 1100


def test_cli_impossible_constraint_exits_2(profile_file, capsys):
    assert main(["recommend", str(profile_file), "--max-warm-ms", "50"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "max_warm_ms = 50" in err and "1100 ms" in err


def test_cli_table_and_powertuning_url(profile_file, capsys):
    assert (
        main(["recommend", str(profile_file), "--current", "512", "--powertuning-url"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Recommended: ")
    assert "From the current 512 MB" in out
    url = next(
        ln for ln in out.splitlines() if ln.startswith("Power Tuning chart")
    ).split(": ", 1)[1]
    assert url.startswith("https://")
    d = ls.powertuning.decode_visualization(url)
    sizes = [int(s) for s in d["memory_mb"]]
    # Power Tuning's default powerValues (its template.yml), all feasible here
    assert sizes == [128, 256, 512, 1024, 1536, 3008]
    # from 1769 MB on, 1000 ms of one thread runs at one vCPU: 1000 + 100 ms
    assert d["duration_ms"][sizes.index(3008)] == pytest.approx(1100, rel=1e-6)


def test_duration_labels_are_rounded():
    # a title quotes the choice's warm duration: 1,797.19 ms reads "1.8 s", not "1.79719 s"
    from lambdasim._plot import format_ms

    assert format_ms(1797.19) == "1.8 s"
    assert format_ms(123.456) == "123 ms"
    assert format_ms(2000) == "2 s" and format_ms(12_345) == "12 s"
    assert format_ms(250) == "250 ms" and format_ms(1.5) == "1.5 ms"


def test_plots_have_their_labels(api):
    import matplotlib.pyplot as plt

    s = ls.Sweep.from_powertuning(
        ls.data_path("powertuning", "aws_docs_prime_example.json")
    )
    r = ls.recommend(api, requests_per_month=3e6, band=0.05, sweep=s)
    ax_d, ax_c = r.plot()
    assert "recommended" in ax_d.get_title()
    texts = [t.get_text() for t in ax_d.texts]
    assert any(t.startswith("recommended:") for t in texts)
    assert any("cheaper" in t or "dearer" in t for t in texts)
    assert ax_c.get_xlabel() == "memory [MB]"
    labels = ax_d.get_legend_handles_labels()[1]
    assert any(lbl.startswith("excluded:") for lbl in labels)
    assert any("measured" in lbl for lbl in labels)
    assert any("band" in lbl for lbl in labels)
    # readable duration ticks: not only powers of ten
    ax_d.figure.canvas.draw()
    ticks = [t.get_text() for t in ax_d.get_yticklabels() if t.get_text()]
    assert any(t.startswith(("2", "5")) for t in ticks)
    ax = r.plot_pareto()
    assert ax.get_title().startswith("Pareto front")
    assert "p99" in ax.get_xlabel()
    ax = r.plot_bill()
    assert "bill" in ax.get_title()
    assert ax.get_legend_handles_labels()[1][0] == "compute"
    from lambdasim._plot import plot_provisioned

    ax_c, ax_l = plot_provisioned(
        ls.Profile(name="io", io_ms=1000),
        1024,
        provisioned_concurrency=2,
        requests_per_month=np.logspace(5, 8, 6),
    )
    assert any(t.get_text().startswith("break-even") for t in ax_c.texts)
    assert "p99" in ax_l.get_ylabel()
    assert "2 provisioned" in ax_l.get_legend_handles_labels()[1]
    with pytest.warns(DeprecationWarning, match="provisioned= is deprecated"):
        plot_provisioned(
            ls.Profile(io_ms=1000), 1024, provisioned=2, requests_per_month=[1e6]
        )
    plt.close("all")


def test_profile_architecture_and_speed_ratio(api):
    # a profile measured on arm64; x86_64 runs its CPU work 1.25 x as fast (on_architecture's
    # convention): from 1769 MB on, 800 / 1.25 + 120 = 760 ms on x86_64
    api.architecture = "arm64"
    r = ls.recommend(api, strategy="speed", speed_ratio=1.25)
    assert (r.arch, r.memory_mb, r.warm_ms) == ("x86_64", 1769, 760.0)
    assert not r.caveats
    assert "measured on arm64" in ls.recommend(api).caveats[0]


def test_long_simulations_warn_with_an_estimate_and_show_progress(
    api, capsys, monkeypatch
):
    """Provisioned levels under high load are simulated: 3 levels (0, 1, 2) x 2 sizes,
    each an hour (simulated_hours) of Poisson traffic at 3e8 requests a month."""
    kw = dict(
        arch="x86_64",
        memory_mb=[512, 1024],
        requests_per_month=3e8,
        max_provisioned=2,
        compute=["on-demand", "provisioned"],
    )
    quiet = ls.recommend(api, progress=False, **kw)
    assert quiet.method == "simulation"
    assert capsys.readouterr().err == ""
    shown = ls.recommend(api, progress=True, **kw)
    err = capsys.readouterr().err
    per_sim = round(3e8 / (ls._core.mean_month_hours * 3600) * 3600)
    assert "recommend" in err and "100%" in err
    # same numbers with or without the bar
    assert shown.memory_mb == quiet.memory_mb
    assert shown.monthly_usd == quiet.monthly_usd
    # a slow machine (1,000 simulated requests a second) would take minutes: said first
    monkeypatch.setattr(ls._core, "simulated_requests_per_s", 1000.0)
    with pytest.warns(ls.LambdasimWarning, match="recommend simulates") as w:
        ls.recommend(api, progress=False, **kw)
    assert f"{6 * per_sim:,} requests" in str(w[0].message)
    # the warning points at the caller's line, as warnings.warn's stacklevel promises
    assert w[0].filename == __file__


def erlang_b(n: int, a: float) -> float:
    """Erlang B by its recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))."""
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def test_provisioned_concurrency_and_its_old_name_against_a_hand_count(
    tmp_path, capsys
):
    """``provisioned_concurrency`` (the vocabulary of ``bill``) beside ``provisioned``
    (the older name, a contract of the CLI's JSON): both carry the same count, and the
    count is the one a hand calculation picks.

    1,000 ms of I/O at 1,024 MB, x86_64 us-east-1, 3 requests/s (7,889,400 a month,
    offered load a = 3). With n provisioned instances (enabled all month, 2,629,800 s at
    $0.0000041667 per GB-s) a request overflows on demand with the Erlang B probability
    B(n, 3) (1, 0.75, 0.529, 0.346) and is billed $0.0000166667 per GB-s, else
    $0.0000097222; requests $0.20 per million. Month: n=0 $133.07, n=1 $130.33,
    n=2 $129.20, n=3 $130.12, so the cheapest has 2 instances."""
    rate, secs = 3.0, 2629800.0
    requests = rate * secs
    hand = [
        n * secs * 0.0000041667
        + requests * (1 - erlang_b(n, rate)) * 0.0000097222
        + requests * erlang_b(n, rate) * 0.0000166667
        + requests * 0.20e-6
        for n in range(4)
    ]
    best = int(np.argmin(hand))
    assert best == 2
    r = ls.recommend(
        ls.Profile(io_ms=1000),
        strategy="cost",
        arch="x86_64",
        memory_mb=[1024],
        max_provisioned=3,
        requests_per_month=requests,
        closed_form_max_load=1e9,  # Erlang B, as by hand
    )
    assert r.provisioned_concurrency == r.provisioned == best
    assert r.monthly_usd == pytest.approx(hand[best], rel=1e-4)
    t = r.candidates()
    assert list(t["provisioned_concurrency"]) == list(t["provisioned"]) == [0, 1, 2, 3]
    assert t["monthly_usd"] == pytest.approx(hand, rel=1e-4)
    d = r.to_dict()
    assert d["provisioned_concurrency"] == d["provisioned"] == best
    for ru in r.runners_up:
        assert ru["provisioned_concurrency"] == ru["provisioned"]
    df = r.to_dataframe()
    assert (df["provisioned_concurrency"] == df["provisioned"]).all()
    fleet = ls.recommend(
        [ls.Profile(io_ms=1000)] * 2,
        strategy="cost",
        arch="x86_64",
        memory_mb=[1024],
        max_provisioned=3,
        requests_per_month=requests,
        closed_form_max_load=1e9,
    )
    assert list(fleet.provisioned_concurrency) == list(fleet.provisioned) == [2, 2]

    # the CLI's JSON carries both keys, equal, in the choice and every runner-up
    path = tmp_path / "io.json"
    ls.Profile(io_ms=1000).save(str(path))
    args = ["recommend", str(path), "--format", "json", "--arch", "x86_64"]
    args += ["--memory", "1024", "--strategy", "cost", "--max-provisioned", "3"]
    assert main([*args, "--requests-per-month", str(requests)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["provisioned_concurrency"] == doc["provisioned"] >= 1
    assert doc["runners_up"]
    for ru in doc["runners_up"]:
        assert ru["provisioned_concurrency"] == ru["provisioned"]


def test_cli_says_one_provisioned_instance_in_the_singular(tmp_path, capsys):
    """docs/choosing.md's example: at 25,000 requests a month with a 2 s INIT, no
    on-demand size meets a 1 s p99, so the choice is one provisioned instance; the
    text says "1 provisioned instance", not "instances"."""
    path = tmp_path / "slow_init.json"
    ls.Profile(cpu_ms=800, io_ms=120, init_ms=2000).save(str(path))
    args = ["recommend", str(path), "--requests-per-month", "25000"]
    args += ["--max-latency-ms", "1000", "--max-provisioned", "2", "--strategy", "cost"]
    assert main(args) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Recommended: ")
    assert first.endswith(" with 1 provisioned instance")


def test_current_provisioned_concurrency_and_its_old_name():
    """The current configuration's provisioned concurrency under the vocabulary's name;
    ``current_provisioned=`` is its deprecated name (warns, same effect)."""
    p = ls.Profile(io_ms=1000)
    kw = {"arch": "x86_64", "memory_mb": [1024], "requests_per_month": 7889400.0}
    kw |= {"max_provisioned": 3, "current_memory_mb": 1024, "strategy": "cost"}
    r = ls.recommend(p, current_provisioned_concurrency=1, **kw)
    assert r.change["current_provisioned_concurrency"] == 1
    assert r.change["current_provisioned"] == 1
    with pytest.warns(DeprecationWarning, match="current_provisioned is deprecated"):
        old = ls.recommend(p, current_provisioned=1, **kw)
    assert old.change == r.change
    o = ls.primitives.RecommendOptions()
    assert o.current_provisioned_concurrency == 0
