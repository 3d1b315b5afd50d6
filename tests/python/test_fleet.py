# SPDX-License-Identifier: MIT
"""Fleet curves: many profiles at once equal one-at-a-time curves exactly, agree with an
independent NumPy implementation of the equations, and do not depend on threads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import lambdasim as ls
import numpy as np
import pandas as pd
import pytest

COLUMNS = ("warm_ms", "cold_ms", "warm_billed_ms", "gb_s", "cost_usd", "feasible")


def _reference():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "reference_numpy.py"
    spec = importlib.util.spec_from_file_location("reference_numpy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def random_fleet(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "name": [f"fn{i}" for i in range(n)],
            "cpu_ms": rng.uniform(0, 3000, n),
            "threads": rng.integers(1, 7, n),
            "io_ms": rng.uniform(0, 300, n),
            "scaled_io_ms": rng.uniform(0, 200, n),
            "knee_vcpu": rng.uniform(0.1, 2, n),
            "gc_ms": rng.uniform(0, 100, n),
            "ref_mb": rng.uniform(128, 4096, n),
            "init_ms": rng.uniform(0, 800, n),
            "first_call_cpu_ms": rng.uniform(0, 200, n),
            "peak_memory_mb": rng.uniform(0, 1500, n),
            "cv": rng.uniform(0, 0.3, n),
        }
    )


def profiles_of(df: pd.DataFrame) -> list[ls.Profile]:
    # the test's own loop: one Profile(**row) per row, as a user would build them
    return [
        ls.Profile(**{k: (int(v) if k == "threads" else v) for k, v in row.items()})
        for row in df.to_dict("records")
    ]


GRID = np.r_[128:10241:37, 1769, 3008, 3009, 5307, 5308, 10240].astype(float)


@pytest.mark.parametrize("throttling", ["cfs", "cfs_aligned", "smooth"])
def test_fleet_rows_equal_single_curves_exactly(throttling: str) -> None:
    aws = ls.Platform.aws_lambda()
    aws.throttling = throttling
    df = random_fleet(25, 1)
    fleet = ls.curve(df, aws, memory_mb=GRID)
    assert fleet.shape == (25, len(GRID))
    assert list(fleet.names) == list(df["name"])
    for i, p in enumerate(profiles_of(df)):
        one = ls.curve(p, aws, memory_mb=GRID)
        for name in COLUMNS:
            np.testing.assert_array_equal(getattr(fleet, name)[i], getattr(one, name))
        np.testing.assert_array_equal(fleet.vcpu, one.vcpu)
    # a sequence of Profiles gives the same arrays as the DataFrame
    again = ls.curve(profiles_of(df), aws, memory_mb=GRID)
    for name in COLUMNS:
        np.testing.assert_array_equal(getattr(again, name), getattr(fleet, name))


def test_numpy_reference_agrees_on_random_profiles() -> None:
    ref = _reference()
    aws = ls.Platform.aws_lambda()
    aws.throttling = "smooth"  # the reference implements the smooth model only
    prices = ls.PriceTable.aws("us-east-1", "arm64")
    df = random_fleet(200, 2)
    grid = aws.memory_grid()
    fleet = ls.curve(df, aws, prices)
    expected = ref.curve(
        {k: df[k].to_numpy() for k in df if k != "name"}, grid, aws, prices
    )
    np.testing.assert_array_equal(fleet.vcpu, expected["vcpu"])
    np.testing.assert_array_equal(fleet.feasible, expected["feasible"])
    for name in ("warm_ms", "cold_ms", "warm_billed_ms", "gb_s", "cost_usd"):
        np.testing.assert_allclose(
            getattr(fleet, name), expected[name], rtol=1e-12, atol=0
        )


def test_thread_count_does_not_change_results() -> None:
    df = random_fleet(300, 3)
    grid = np.arange(128, 10241, 16, dtype=float)
    base = ls.curve(df, memory_mb=grid, threads=1)
    for threads in (2, 3, 0):
        other = ls.curve(df, memory_mb=grid, threads=threads)
        for name in COLUMNS:
            np.testing.assert_array_equal(getattr(other, name), getattr(base, name))


def test_hand_values_and_long_format() -> None:
    df = pd.DataFrame(
        {
            "name": ["a", "b"],
            "cpu_ms": [1000, 2000],
            "threads": [1, 2],
            "io_ms": [100, 0],
        }
    )
    aws = ls.Platform.aws_lambda()
    aws.throttling = (
        "smooth"  # b at 1769 MB would be CFS-throttled (two threads, 1 vCPU)
    )
    fleet = ls.curve(df, aws, memory_mb=[1769, 3538])
    # a: 1000 ms of CPU at one vCPU + 100 ms I/O; b: 2000 ms on two threads at 2 vCPUs
    assert fleet.warm_ms.tolist() == [[1100.0, 1100.0], [2000.0, 1000.0]]
    long = fleet.to_dataframe()
    assert list(long.columns) == ["profile", "name", "memory_mb", "vcpu", *COLUMNS]
    assert len(long) == 4
    assert long["name"].tolist() == ["a", "a", "b", "b"]
    assert long["memory_mb"].tolist() == [1769, 3538, 1769, 3538]
    best = fleet.cheapest()
    assert best["memory_mb"].tolist() == [1769.0, 3538.0]  # b: same GB-s, faster
    assert "<table>" in fleet._repr_html_()
    assert repr(fleet).startswith("FleetCurve(2 profiles x 2 sizes")
    np.testing.assert_array_equal(fleet[1].warm_ms, [2000.0, 1000.0])


def test_fleet_errors_name_row_and_column() -> None:
    with pytest.raises(ValueError, match=r"profiles\[1\]\.cpu_ms = -5"):
        ls.curve({"cpu_ms": [1.0, -5.0]}, memory_mb=[1024])
    with pytest.raises(
        ValueError, match="profiles column = 'cpu_time': unknown; known columns: cpu_ms"
    ):
        ls.curve(pd.DataFrame({"cpu_time": [1.0]}), memory_mb=[1024])
    with pytest.raises(ValueError, match="knee_vcpu: given without scaled_io_ms"):
        ls.curve({"cpu_ms": [1.0], "knee_vcpu": [0.5]}, memory_mb=[1024])
    with pytest.raises(ValueError, match=r"profiles\[0\]\.threads = 1.5"):
        ls.curve({"cpu_ms": [1.0], "threads": [1.5]}, memory_mb=[1024])
    with pytest.raises(ValueError, match="memory_mb = 127"):
        ls.curve({"cpu_ms": [1.0]}, memory_mb=[127])
    with pytest.raises(ValueError, match="threads = -1"):
        ls.curve({"cpu_ms": [1.0]}, memory_mb=[1024], threads=-1)
    with pytest.raises(ValueError, match="io_ms: expected numbers"):
        ls.curve({"io_ms": ["x"]}, memory_mb=[1024])


def test_cached_defaults_are_independent_copies() -> None:
    a = ls.Platform.aws_lambda()
    a.mb_per_vcpu = 1
    assert ls.Platform.aws_lambda().mb_per_vcpu == 1769
    t = ls.PriceTable.aws("us-east-1", "x86_64")
    t.requests_usd_per_million = 99
    assert ls.PriceTable.aws("us-east-1", "x86_64").requests_usd_per_million == 0.2


BILL_COLUMNS = (
    "requests",
    "gb_s",
    "compute_usd",
    "requests_usd",
    "init_usd",
    "storage_usd",
    "provisioned_usd",
    "snapstart_usd",
    "total_usd",
    "billable_gb_s",
    "warm_billed_ms",
    "powertuning_usd",
    "feasible",
)


def test_fleet_bill_curve_rows_equal_single_bill_curves_exactly() -> None:
    df = random_fleet(17, 4)
    options = {"requests_per_month": 2e7, "cold_fraction": 0.01, "storage_mb": 1024}
    prices = ls.PriceTable.aws("us-east-1", "arm64")
    for threads in (1, 2, 0):
        fleet = ls.bill_curve(
            df, None, prices, memory_mb=GRID, threads=threads, **options
        )
        assert type(fleet).__name__ == "FleetBillCurve"
        assert fleet.shape == (17, len(GRID))
        np.testing.assert_array_equal(fleet.memory_mb, GRID)
        for i, p in enumerate(profiles_of(df)):
            one = ls.bill_curve(p, None, prices, memory_mb=GRID, **options)
            for name in BILL_COLUMNS:
                np.testing.assert_array_equal(
                    getattr(fleet, name)[i], getattr(one, name), err_msg=name
                )
    # a sequence of Profiles gives the same arrays
    again = ls.bill_curve(profiles_of(df), None, prices, memory_mb=GRID, **options)
    for name in BILL_COLUMNS:
        np.testing.assert_array_equal(getattr(again, name), getattr(fleet, name))


def test_fleet_bill_curve_hand_values_and_long_format() -> None:
    # 1000 and 4000 ms of single-threaded CPU: one vCPU's worth at 1769 MB and above,
    # 1e6 requests: 1e6 x billed s x GB x 0.0000166667 + 1e6 x 0.20 / 1e6 (us-east-1
    # x86_64)
    fleet = ls.bill_curve(
        {"cpu_ms": [1000.0, 4000.0]},
        memory_mb=[1769, 3538],
        requests_per_month=1e6,
    )
    expected = [
        [
            1e6 * 1769 / 1024 * 0.0000166667 + 0.2,
            1e6 * 3538 / 1024 * 0.0000166667 + 0.2,
        ],
        [
            1e6 * 4 * 1769 / 1024 * 0.0000166667 + 0.2,
            1e6 * 4 * 3538 / 1024 * 0.0000166667 + 0.2,
        ],
    ]
    np.testing.assert_allclose(fleet.total_usd, expected, rtol=1e-12)
    long = fleet.to_dataframe()
    assert len(long) == 4
    assert long["profile"].tolist() == [0, 0, 1, 1]
    assert list(long.columns) == ["profile", "name", "memory_mb", *BILL_COLUMNS]
    assert fleet.cheapest()["memory_mb"].tolist() == [1769.0, 1769.0]
    assert "<table>" in fleet._repr_html_()
    assert repr(fleet).startswith("FleetBillCurve(2 profiles x 2 sizes")
    with pytest.raises(ValueError, match=r"profiles\[1\]\.cpu_ms = -1"):
        ls.bill_curve({"cpu_ms": [1.0, -1.0]}, memory_mb=[1024], requests_per_month=1)


def test_fleet_recommend_equals_single_recommendations() -> None:
    df = pd.DataFrame(
        {
            "name": ["api", "batch", "stuck"],
            "cpu_ms": [300.0, 2500.0, 0.0],
            "threads": [1, 2, 1],
            "io_ms": [80.0, 10.0, 9000.0],  # "stuck" is never under 5 s
            "init_ms": [200.0, 400.0, 100.0],
        }
    )
    options = {
        "requests_per_month": 3e6,
        "max_warm_ms": 5000,
        "memory_mb": np.linspace(128, 10240, 30).round(),
    }
    for threads in (1, 0):
        fleet = ls.recommend(df, threads=threads, **options)
        assert type(fleet).__name__ == "FleetRecommendation"
        assert len(fleet) == 3
        for i, p in enumerate(profiles_of(df)[:2]):
            one = ls.recommend(p, **options)
            assert fleet.memory_mb[i] == one.memory_mb
            assert fleet.arch[i] == one.arch
            assert fleet.warm_ms[i] == one.warm_ms
            assert fleet.monthly_usd[i] == one.monthly_usd
            assert fleet.reason[i] == one.reason
            assert fleet[i].memory_mb == one.memory_mb
        assert fleet.error[0] == ""
        assert fleet.memory_mb[2] == 0 and np.isnan(fleet.warm_ms[2])
        with pytest.raises(ValueError, match="max_warm_ms") as single:
            ls.recommend(profiles_of(df)[2], **options)
        assert fleet.error[2] == str(single.value)
    long = fleet.to_dataframe()
    assert len(long) == 3
    assert long["name"].tolist() == ["api", "batch", "stuck"]
    assert repr(fleet) == "FleetRecommendation(3 profiles, 1 without a choice)"
    assert "<table>" in fleet._repr_html_()
    # a sequence of Profiles gives the same choices
    again = ls.recommend(profiles_of(df), threads=2, **options)
    np.testing.assert_array_equal(again.memory_mb, fleet.memory_mb)
    with pytest.raises(ValueError, match="weight"):
        ls.recommend(df, weight=3, **options)
