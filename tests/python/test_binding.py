# SPDX-License-Identifier: MIT
"""The binding contract: names, keywords, errors as ValueError, numpy input handling."""

from __future__ import annotations

import pickle

import lambdasim as ls
import numpy as np
import pandas as pd
import pytest


@pytest.fixture
def aws() -> ls.Platform:
    return ls.Platform.aws_lambda()


def test_reference_durations(reference, aws):
    # one spot check per kind against data/reference (the C++ suite checks all of them)
    for case in reference["duration_cases"]:
        p = ls.Profile.from_json(
            '{"schema_version": 1, "components": '
            + str(case["components"]).replace("'", '"')
            + "}"
        )
        plat = ls.Platform.aws_lambda()
        plat.throttling = case["throttling"]
        assert ls.primitives.warm_ms(p, plat, case["memory_mb"]) == pytest.approx(
            case["warm_ms"], rel=1e-12
        )


def test_profile_keywords():
    p = ls.Profile(
        name="x",
        cpu_ms=800,
        threads=2,
        io_ms=120,
        scaled_io_ms=30,
        knee_vcpu=0.5,
        init_ms=250,
        first_call_cpu_ms=5,
        peak_memory_mb=180,
        cv=0.1,
    )
    assert [c.kind for c in p.components] == ["cpu", "io", "scaled_io"]
    assert p.components[0] == ls.primitives.Component.cpu(800, threads=2)
    assert p.components[2] == ls.primitives.Component.scaled_io(
        work_ms=30, knee_vcpu=0.5
    )
    assert (p.init_ms, p.first_call_cpu_ms, p.peak_memory_mb, p.cv) == (
        250,
        5,
        180,
        0.1,
    )
    # defaults come from the C++ struct
    q = ls.Profile(cpu_ms=1)
    assert q.components[0].threads == 1
    assert q.init_ms == 0
    assert ls.Profile.from_json(p.to_json()) == p
    assert pickle.loads(pickle.dumps(p)) == p


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"cpu_ms": -5}, r"^cpu_ms = -5: must be finite and >= 0"),
        ({"cpu_ms": float("nan")}, r"^cpu_ms = nan"),
        ({"io_ms": 1, "scaled_io_ms": -1}, r"^scaled_io_ms = -1"),
        ({"cpu_ms": 5, "threads": 0}, r"^threads = 0: must be >= 1"),
        ({"threads": 2}, r"threads = 2: given without cpu_ms"),
        ({"io_ms": 1, "init_ms": -1}, r"init_ms = -1"),
        ({"scaled_io_ms": 1, "knee_vcpu": 0}, r"knee_vcpu = 0"),
        ({"gc_ms": 1, "ref_mb": -2}, r"ref_mb = -2: must be finite and > 0"),
        ({"ref_mb": 512}, r"ref_mb = 512: given without gc_ms"),
    ],
)
def test_profile_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ls.Profile(**kwargs)


def test_profile_unknown_keyword():
    with pytest.raises(TypeError, match="unexpected keyword argument 'cpu'"):
        ls.Profile(cpu=1)


def test_config_error_is_value_error(tmp_path):
    f = tmp_path / "p.json"
    f.write_text('{"schema_version": 1, "components": [], "colour": 1}')
    with pytest.raises(ls.ConfigError, match=r"p\.json: /colour: unknown key 'colour'"):
        ls.Profile.load(str(f))
    assert issubclass(ls.ConfigError, ValueError)
    with pytest.raises(ValueError, match="cannot open file"):
        ls.Profile.load(str(tmp_path / "missing.json"))


def test_memory_errors(aws):
    p = ls.Profile(cpu_ms=100)
    with pytest.raises(
        ValueError, match=r"memory_mb = 20000: must be within 128\.\.10240 MB"
    ):
        ls.primitives.warm_ms(p, aws, 20000)
    with pytest.raises(ValueError, match="memory_mb = nan"):
        ls.primitives.warm_ms(p, aws, [128, np.nan])
    with pytest.raises(ValueError, match="memory_mb = 0"):
        ls.curve(p, memory_mb=[0])
    with pytest.raises(ValueError, match="must be 1-D"):
        ls._core.curve(
            p, aws, ls.PriceTable.aws("us-east-1", "x86_64"), np.ones((2, 2)) * 512
        )


def test_array_inputs(aws):
    p = ls.Profile(cpu_ms=1000, io_ms=100)
    expected = ls.primitives.warm_ms(p, aws, np.array([128.0, 1769.0, 3538.0]))
    assert expected.dtype == np.float64
    assert expected[1] == 1100.0
    # int, list, Fortran-ordered, strided, pandas Series and 0-d all give the same values
    assert np.array_equal(
        ls.primitives.warm_ms(p, aws, np.array([128, 1769, 3538])), expected
    )
    assert np.array_equal(ls.primitives.warm_ms(p, aws, [128, 1769, 3538]), expected)
    grid = np.array([[128.0, 999.0], [1769.0, 999.0], [3538.0, 999.0]], order="F")
    assert np.array_equal(ls.primitives.warm_ms(p, aws, grid[:, 0]), expected)
    strided = np.array([128.0, 0, 1769.0, 0, 3538.0])[::2]
    assert np.array_equal(ls.primitives.warm_ms(p, aws, strided), expected)
    assert np.array_equal(
        ls.primitives.warm_ms(p, aws, pd.Series([128, 1769, 3538])), expected
    )
    assert isinstance(ls.primitives.warm_ms(p, aws, 1769), float)
    # shape is kept
    assert ls.primitives.warm_ms(p, aws, np.full((2, 3), 1769)).shape == (2, 3)


def test_array_duck_type(aws):
    class Sizes:
        def __array__(self, dtype=None, copy=None):
            return np.array([1769.0, 3538.0])

    p = ls.Profile(cpu_ms=1000)
    assert list(ls.primitives.warm_ms(p, aws, Sizes())) == [1000.0, 1000.0]


def test_curve_object(aws):
    p = ls.Profile(name="api", cpu_ms=1000, io_ms=100, init_ms=200, peak_memory_mb=256)
    c = ls.curve(p)
    assert len(c) == 10113
    df = c.to_dataframe()
    assert list(df.columns) == [
        "memory_mb",
        "vcpu",
        "warm_ms",
        "cold_ms",
        "warm_billed_ms",
        "gb_s",
        "cost_usd",
        "feasible",
    ]
    assert df["memory_mb"].dtype == np.int64
    assert df["feasible"].dtype == bool
    row = c.at(1769)
    assert row["warm_ms"] == 1100.0
    assert row["cold_ms"] == 1300.0
    assert not c.feasible[0]
    assert np.isnan(c.cost_usd[0])
    assert c.cheapest()["memory_mb"] >= 256
    with pytest.raises(ValueError, match="not on this curve"):
        c.at(129.5)
    arm = ls.curve(p, arch="arm64", memory_mb=[1769])
    # same billed GB-s, arm64 first-tier price 0.0000133334 instead of 0.0000166667
    assert arm.cost_usd[0] == pytest.approx(
        1.1 * 1769 / 1024 * 0.0000133334 + 0.2e-6, rel=1e-9
    )
    assert "cheapest" in c._repr_html_()


def test_price_tables():
    t = ls.PriceTable.aws(region="us-east-1", arch="arm64")
    assert t.arch == "arm64"
    assert t.first_tier_usd_per_gb_s() == 0.0000133334
    assert "us-east-1" in ls.PriceTable.aws_regions()
    with pytest.raises(
        ValueError, match="region = 'mars-1'.*known regions: .*us-east-1"
    ):
        ls.PriceTable.aws("mars-1", "x86_64")
    with pytest.raises(ValueError, match="arch = 'sparc'"):
        ls.PriceTable.aws("us-east-1", "sparc")


def test_billing_vectorized():
    assert list(ls.primitives.billed_ms([0.5, 100.2, 1100.0000000001], 1)) == [
        1,
        101,
        1100,
    ]
    assert ls.primitives.gb_seconds(1000, 512) == 0.5
    with pytest.raises(ValueError, match="duration_ms = -1"):
        ls.primitives.billed_ms(-1, 1)


def test_platform(aws):
    assert aws.mb_per_vcpu == 1769
    assert aws.cpu_share(1769) == 1.0
    assert list(aws.visible_vcpu_count([3008, 3009, 10240])) == [2, 3, 6]
    assert len(aws.memory_grid()) == 10113
    assert list(aws.parse_memory_spec("128:512:128")) == [128, 256, 384, 512]
    with pytest.raises(ValueError, match="throttling = 'fast'"):
        aws.throttling = "fast"
    old = ls.Platform.named("aws-lambda-2020")
    assert old.billing_granularity_ms == 100
    assert ls.Platform.from_json(aws.to_json()).to_json() == aws.to_json()
    assert "Platform(name='aws-lambda'" in repr(aws)


def test_data_shipped_in_package():
    assert ls.data_path("powertuning", "aws_docs_prime_example.json").is_file()
    assert ls.primitives.models_path("aws-lambda.json").is_file()


def test_price_table_from_a_users_document(tmp_path):
    doc = (
        '{"schema_version": 1, "regions": {"eu-north-9": {"arm64": {'
        '"duration_tiers": [{"up_to_gb_s": null, "usd_per_gb_s": 0.00001}],'
        '"requests_usd_per_million": 0.10, "duration_tiers_complete": true,'
        '"source": "our contract", "effective_date": "2026-01-01"}}}}'
    )
    f = tmp_path / "prices.json"
    f.write_text(doc)
    t = ls.PriceTable.load(str(f), region="eu-north-9", arch="arm64")
    # 1 s at 1024 MB = 1 GB-s at $0.00001, plus $0.10 per million requests
    c = ls.curve(ls.Profile(io_ms=1000), prices=t, memory_mb=[1024])
    assert c.cost_usd[0] == pytest.approx(0.00001 + 0.10 / 1e6, rel=1e-12)
    with pytest.raises(
        ValueError,
        match="region = 'us-east-1': no price data; known regions: eu-north-9",
    ):
        ls.PriceTable.from_json(doc, "us-east-1", "arm64")
    with pytest.raises(ls.ConfigError, match=r"prices\.json: /colour: unknown key"):
        f.write_text(doc[:-1] + ', "colour": 1}')
        ls.PriceTable.load(str(f), "eu-north-9", "arm64")


def test_gc_component_by_hand(aws):
    # 60 ms of memory-management CPU at 1,024 MB is 240 ms at 256 MB, run at s = 256/1769
    p = ls.Profile(gc_ms=60, io_ms=10)
    # shorthands append in the order cpu, io, scaled_io, gc
    assert p.components[1] == ls.primitives.Component.gc(60, ref_mb=1024)
    assert repr(p.components[1]) == "Component.gc(60, ref_mb=1024)"
    smooth = ls.Platform.aws_lambda()
    smooth.throttling = "smooth"
    assert ls.primitives.warm_ms(p, smooth, 256) == pytest.approx(
        10 + 240 * 1769 / 256, rel=1e-12
    )
    q = ls.Profile(gc_ms=60, ref_mb=512)
    assert ls.primitives.warm_ms(q, smooth, 3538) == pytest.approx(
        60 * 512 / 3538, rel=1e-12
    )
    assert ls.Profile.from_json(q.to_json()) == q
