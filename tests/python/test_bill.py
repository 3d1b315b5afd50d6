# SPDX-License-Identifier: MIT
"""The monthly bill and Power Tuning pricing through Python: keywords, defaults owned by
C++, shared reference values, pandas, array input and errors."""

from __future__ import annotations

import json

import lambdasim as ls
import numpy as np
import pandas as pd
import pytest
from lambdasim import _core
from lambdasim._bill import ITEMS
from lambdasim.cli import main


@pytest.fixture(scope="session")
def billing(repo) -> dict:
    return json.loads((repo / "data" / "reference" / "billing.json").read_text())


def test_reference_bill_cases(billing):
    assert len(billing["bill_cases"]) >= 12
    for case in billing["bill_cases"]:
        p = ls.Profile(
            io_ms=case["profile"]["io_ms"], init_ms=case["profile"]["init_ms"]
        )
        b = ls.bill(
            p,
            case["memory_mb"],
            arch=case["arch"],
            region=case["region"],
            **case["options"],
        )
        for key, want in case["expected"].items():
            assert getattr(b, key) == pytest.approx(want, rel=1e-12, abs=1e-12), (
                case["case"],
                key,
            )


def test_aws_example_items_and_pandas():
    b = ls.bill(
        ls.Profile(io_ms=1000), 512, requests_per_month=3_000_000, free_tier=True
    )
    # 1,100,000 billable GB-s * $0.0000166667 + 2,000,000 requests * $0.20/M
    assert b.billable_gb_s == 1_100_000
    assert b.billable_requests == 2_000_000
    assert b.total_usd == pytest.approx(18.33337 + 0.40, rel=1e-12)
    s = b.to_series()
    assert list(s.index) == [*ITEMS, "total_usd"]
    assert s[list(ITEMS)].sum() == pytest.approx(s["total_usd"])
    df = b.to_dataframe()
    assert list(df.columns) == ["usd"]
    assert df.loc["requests_usd", "usd"] == pytest.approx(0.40)
    assert "18.73" in repr(b)
    assert "total_usd" in b._repr_html_()
    assert b.to_dict()["init_billed"] is True


def test_defaults_live_in_cpp():
    o = _core.BillOptions()
    assert o.storage_mb == _core.BillingRules.aws().storage_free_mb == 512
    assert o.provisioned_request_fraction == 1
    assert o.requests_per_month == 0 and o.cold_fraction == 0 and not o.free_tier
    assert o.package == "zip" and o.date == ""
    # bill() with no options equals an explicit default BillOptions
    p = ls.Profile(cpu_ms=300, init_ms=100)
    a = ls.bill(p, 1024)
    b = _core.compute_bill(
        p,
        ls.Platform.aws_lambda(),
        ls.PriceTable.aws("us-east-1", "x86_64"),
        1024,
        _core.BillOptions(),
    )
    assert a.total_usd == b.total_usd == 0


def test_bill_curve_arrays_and_dataframe():
    p = ls.Profile(cpu_ms=800, io_ms=120, init_ms=250, peak_memory_mb=200)
    opts = {"requests_per_month": 2e6, "cold_fraction": 0.05, "free_tier": True}
    sizes = np.array([128, 256, 512, 1024, 1769, 3008])
    c = ls.bill_curve(p, memory_mb=sizes, arch="arm64", **opts)
    assert len(c) == 6
    assert list(c.feasible) == [False, True, True, True, True, True]
    assert np.isnan(c.total_usd[0])
    for m, total in zip(sizes[1:], c.total_usd[1:]):
        assert total == ls.bill(p, m, arch="arm64", **opts).total_usd
    # ints, lists, pandas Series and strided views give the same columns
    same = [
        ls.bill_curve(p, memory_mb=x, arch="arm64", **opts).total_usd
        for x in (sizes.tolist(), pd.Series(sizes), np.repeat(sizes, 2)[::2])
    ]
    for t in same:
        np.testing.assert_array_equal(t, c.total_usd)
    df = c.to_dataframe()
    assert df["memory_mb"].dtype == np.int64
    assert {
        "total_usd",
        "compute_usd",
        "init_usd",
        "powertuning_usd",
        "feasible",
    } <= set(df)
    assert c.cheapest()["memory_mb"] in sizes[1:]
    assert len(ls.bill_curve(p, requests_per_month=1).memory_mb) == 10113
    with pytest.raises(ValueError, match="memory_mb must be 1-D"):
        ls.bill_curve(p, memory_mb=np.ones((2, 2)) * 512)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"requests_per_month": -1},
            "requests_per_month = -1: must be finite and >= 0",
        ),
        ({"cold_fraction": 1.2}, r"cold_fraction = 1.2: must be in \[0, 1\]"),
        ({"cold_fraction": float("nan")}, r"cold_fraction = nan: must be in \[0, 1\]"),
        ({"provisioned_request_fraction": 2}, r"provisioned_request_fraction = 2"),
        ({"storage_mb": 20000}, r"storage_mb = 20000: must be in \[512, 10240\] MB"),
        ({"date": "2025/08/01"}, "date = '2025/08/01': expected a date YYYY-MM-DD"),
        (
            {"provisioned_concurrency": 2, "provisioned_hours": 10, "free_tier": True},
            "the free tier does not apply to functions with provisioned concurrency",
        ),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(ValueError, match=message):
        ls.bill(ls.Profile(io_ms=100), 512, **options)


def test_bad_names():
    p = ls.Profile(io_ms=100)
    with pytest.raises(
        ValueError, match="region = 'mars-1': no price data; known regions: "
    ):
        ls.bill(p, 512, region="mars-1")
    with pytest.raises(ValueError, match="arch = 'sparc': expected x86_64 or arm64"):
        ls.bill(p, 512, arch="sparc")
    with pytest.raises(ValueError, match="package = 'jar': expected zip or image"):
        ls.bill(p, 512, package="jar")
    with pytest.raises(TypeError, match="unknown bill option 'request_per_month'"):
        ls.bill(p, 512, request_per_month=5)
    with pytest.raises(ValueError, match="memory_mb = 100"):
        ls.bill(p, 100)


def test_powertuning_functions(billing):
    for case in billing["powertuning_cases"]:
        s = _core.powertuning_statistics(
            np.array(case["duration_ms"]),
            np.array(case["billed_ms"]),
            case["memory_mb"],
            case["base_usd_per_ms"],
            case["discard_top_bottom"],
        )
        assert s.average_price_usd == case["average_price_usd"]
        assert s.average_billed_ms == pytest.approx(
            case["average_billed_ms"], rel=1e-14
        )
        assert (
            _core.powertuning_trimmed_mean(
                case["billed_ms"], case["discard_top_bottom"]
            )
            == s.average_billed_ms
        )
    assert _core.powertuning_base_usd_per_ms("ap-east-1", "x86_64") == 2.9e-9
    with pytest.raises(
        ValueError, match=r"discard_top_bottom = 0.5: must be in \[0, 0.4\]"
    ):
        _core.powertuning_trimmed_mean([1.0, 2.0], 0.5)
    # the bill carries Power Tuning's price of a warm invocation: ceil(1000) * 2.1e-9 * 8
    b = ls.bill(ls.Profile(io_ms=999.2), 1024, requests_per_month=1)
    assert b.powertuning_usd == 1000 * 2.1e-9 * (1024 / 128)


def test_cli_bill_json(profile_file, capsys):
    # profile: cpu 1000 + io 100, init 200; at 1769 MB warm 1100 ms, cold 1300 ms
    assert (
        main(
            [
                "bill",
                str(profile_file),
                "--memory",
                "1769",
                "--requests-per-month",
                "1e6",
                "--cold-fraction",
                "0.01",
                "--format",
                "json",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    for key in (
        "total_usd",
        "compute_usd",
        "requests_usd",
        "init_usd",
        "storage_usd",
        "provisioned_usd",
        "gb_s",
    ):
        assert key in doc
    gb = 1769 / 1024
    # execution: 1e6 * 1.1 s; INIT: 10,000 cold starts * 0.2 s (billed since 2025-08-01)
    assert doc["gb_s"] == pytest.approx((1e6 * 1.1 + 1e4 * 0.2) * gb, rel=1e-12)
    assert doc["compute_usd"] == pytest.approx(1e6 * 1.1 * gb * 0.0000166667, rel=1e-12)
    assert doc["init_usd"] == pytest.approx(1e4 * 0.2 * gb * 0.0000166667, rel=1e-12)
    assert doc["requests_usd"] == pytest.approx(0.2)


def test_cli_bill_provisioned_and_table(profile_file, capsys):
    assert (
        main(
            [
                "bill",
                str(profile_file),
                "--memory",
                "1024",
                "--requests-per-month",
                "1e6",
                "--provisioned",
                "2",
                "--provisioned-hours",
                "730",
                "--storage-mb",
                "1024",
                "--arch",
                "arm64",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "provisioned_usd" in out and "total_usd" in out
    assert (
        main(
            [
                "bill",
                str(profile_file),
                "--memory",
                "1769",
                "--requests-per-month",
                "1e6",
                "--provisioned",
                "2",
                "--provisioned-hours",
                "730",
                "--format",
                "json",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    # 2 * 1769/1024 GB * 730 h * 3600 s enabled at $0.0000041667, plus every request
    # (1.1 s at 1769 MB) executing on provisioned instances at $0.0000097222
    gb = 1769 / 1024
    assert doc["provisioned_usd"] == pytest.approx(
        2 * gb * 730 * 3600 * 0.0000041667 + 1e6 * 1.1 * gb * 0.0000097222, rel=1e-12
    )
    assert doc["compute_usd"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--requests-per-month", "-5"],
            "requests_per_month = -5: must be finite and >= 0",
        ),
        (["--requests-per-month", "1", "--cold-fraction", "2"], "cold_fraction = 2"),
        (["--requests-per-month", "1", "--region", "xx-1"], "region = 'xx-1'"),
        (["--requests-per-month", "1", "--provisioned", "3"], "provisioned_hours = 0"),
    ],
)
def test_cli_bill_errors(profile_file, capsys, args, message):
    assert main(["bill", str(profile_file), "--memory", "512", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_readme_worked_example():
    # README "Monthly bill": cpu 900 + io 100 at 2048 MB is 1,000 ms warm; 4 M calls,
    # 1 % cold with 300 ms INIT. 8,000,000 GB-s + 24,000 GB-s INIT at $0.0000166667,
    # 4 M requests at $0.20/M.
    p = ls.Profile(name="api", cpu_ms=900, io_ms=100, init_ms=300)
    b = ls.bill(p, 2048, requests_per_month=4_000_000, cold_fraction=0.01)
    assert b.warm_billed_ms == 1000 and b.cold_billed_ms == 1300
    assert b.compute_usd == pytest.approx(
        8_000_000 * 0.0000166667, rel=1e-12
    )  # 133.3336
    assert b.init_usd == pytest.approx(24_000 * 0.0000166667, rel=1e-12)  # 0.4000008
    assert b.requests_usd == pytest.approx(0.80, rel=1e-12)
    assert b.total_usd == pytest.approx(134.5336008, rel=1e-12)
    free = ls.bill(
        p, 2048, requests_per_month=4_000_000, cold_fraction=0.01, free_tier=True
    )
    assert free.total_usd == pytest.approx(
        134.5336008 - 400_000 * 0.0000166667 - 0.20, rel=1e-12
    )  # 127.6669208
