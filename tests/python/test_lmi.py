# SPDX-License-Identifier: MIT
"""LMI from Python and the command line: defaults from C++, the result protocol,
errors naming the field and value, and ``bill --compute lmi``."""

from __future__ import annotations

import json

import lambdasim as ls
import matplotlib
import numpy as np
import pytest
from lambdasim import _core
from lambdasim.cli import main

matplotlib.use("Agg")


def test_defaults_come_from_cpp():
    c = ls.lmi_config("m7g.large")
    model = _core.LmiModel.aws()
    assert c.memory_per_vcpu_gib == model.memory_per_vcpu_gib
    assert c.min_instances == model.default_min_instances == 3
    assert c.cpu_target == model.cpu_target
    assert any("os_reserve" in a for a in ls.lmi_assumptions())


def test_bill_hand_calculation_and_protocol():
    b = ls.lmi_bill("m6g.large", instances=3)
    # 3 x 730 h x $0.077 x 1.15
    assert b.total_usd == pytest.approx(3 * 730 * 0.077 * 1.15)
    d = b.to_dict()
    for key in (
        "total_usd",
        "instances_usd",
        "management_usd",
        "requests_usd",
        "instance_hours",
    ):
        assert key in d
    assert "<table>" in b._repr_html_()
    assert len(b.to_dataframe()) == 1
    assert "m6g.large" in repr(b)


def test_bill_from_profile_plans_capacity():
    p = ls.Profile(cpu_ms=50)
    req = 1000 * 730 * 3600  # 1000/s of 50 ms CPU: 50 vCPU, 100 environments at 50 %
    b = ls.lmi_bill(
        "m7g.xlarge", profile=p, requests_per_month=req, memory_per_vcpu_gib=2
    )
    assert b.plan is not None
    assert b.plan.environments == 100
    assert b.to_dict()["bound"] == "cpu"


def test_errors_name_field_and_value():
    with pytest.raises(ValueError, match=r"instance_type = 'm7g\.larg'.*m7g\.large"):
        ls.lmi_config("m7g.larg")
    with pytest.raises(ValueError, match="ec2_discount = 0.9"):
        ls.lmi_bill("m7g.large", instances=3, ec2_discount=0.9)
    with pytest.raises(TypeError, match="unknown LMI option 'instance_count'"):
        ls.lmi_config("m7g.large", instance_count=3)
    with pytest.raises(ValueError, match="savings_plan_discount = 0.3"):
        ls.bill(
            ls.Profile(io_ms=100),
            512,
            requests_per_month=1e6,
            savings_plan_discount=0.3,
        )


def test_simulation_result_protocol():
    s = ls.simulate_lmi(
        ls.Profile(cpu_ms=10, io_ms=90), "m7g.large", rate=50, duration_s=900, seed=3
    )
    assert s.throttled == 0
    assert s.p99_ms >= 100
    t = s.timeline()
    assert list(t.columns)[:4] == ["t_s", "environments", "pending", "instances"]
    assert len(t) == 15
    assert s.to_dataframe().shape[0] == 1
    assert s.plot() is not None
    assert s.bill.total_usd > 0


def test_compare_and_break_even():
    p = ls.Profile(cpu_ms=10, io_ms=90)
    c = ls.compare_compute(p, 512, 1e6, "m7g.large", simulate_s=600)
    assert c.winner == "on-demand"
    assert list(c.to_dataframe()["compute"]) == ["on-demand", "provisioned", "lmi"]
    assert c.plot() is not None
    b = ls.break_even(
        p, 1769, "m7g.large", requests_per_month=np.geomspace(1e6, 1e9, 31)
    )
    # hand: 3 x 730 x 0.0816 x 1.15 / (0.1 s x 1769/1024 GB x $0.0000166667)
    assert b.lmi_on_demand_crossovers[0] == pytest.approx(
        3 * 730 * 0.0816 * 1.15 / (0.1 * 1769 / 1024 * 0.0000166667), rel=1e-6
    )
    assert b.plot() is not None
    r = ls.break_even(
        p,
        1769,
        "m7g.large",
        requests_per_month=3e8,
        peak_to_mean=np.linspace(1, 10, 10),
    )
    assert r.x_name == "peak_to_mean"
    assert list(r.to_dict()) == [
        "peak_to_mean",
        "on_demand_usd",
        "provisioned_usd",
        "lmi_usd",
    ]


def test_cli_bill_lmi_json(profile_file, capsys):
    assert (
        main(
            [
                "bill",
                str(profile_file),
                "--compute",
                "lmi",
                "--instance-type",
                "m6g.large",
                "--requests-per-month",
                "0",
                "--instances",
                "3",
                "--format",
                "json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert round(out["total_usd"], 2) == 193.92
    for key in ("instances_usd", "management_usd", "requests_usd", "instance_hours"):
        assert key in out
    assert (
        main(
            [
                "bill",
                str(profile_file),
                "--compute",
                "lmi",
                "--instance-type",
                "m7g.xlarge",
                "--requests-per-month",
                "1e8",
                "--instances",
                "3",
                "--ec2-discount",
                "0.72",
                "--memory-per-vcpu",
                "2",
                "--concurrency",
                "32",
                "--format",
                "json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["requests_usd"] == pytest.approx(20)
    assert out["management_usd"] == pytest.approx(3 * 730 * 0.1632 * 0.15)


def test_cli_bill_lmi_bad_input_exits_2(profile_file, capsys):
    code = main(
        [
            "bill",
            str(profile_file),
            "--compute",
            "lmi",
            "--instance-type",
            "m7g.larg",
            "--requests-per-month",
            "1e6",
            "--format",
            "json",
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "m7g.larg" in err and "m7g.large" in err
    assert len(err.strip().splitlines()) == 1
    code = main(
        [
            "bill",
            str(profile_file),
            "--compute",
            "lmi",
            "--instance-type",
            "m7g.large",
            "--requests-per-month",
            "1e6",
            "--memory-per-vcpu",
            "12",
        ]
    )
    assert code == 2
    assert "memory_per_vcpu_gib = 12" in capsys.readouterr().err
    assert main(["bill", str(profile_file), "--requests-per-month", "1e6"]) == 2
    assert "--memory is required" in capsys.readouterr().err


def _recommend_lmi_args(requests: float) -> dict:
    return dict(
        arch="x86_64",
        strategy="cost",
        memory_mb=np.array([512.0, 1024, 1769, 3008]),
        compute=["on-demand", "lmi"],
        lmi=ls.lmi_config("m7g.large"),
        requests_per_month=requests,
        simulated_hours=0.05,
        simulated_requests=2e4,
        simulated_sizes=3,
    )


def test_recommend_with_lmi():
    p = ls.Profile(cpu_ms=10, io_ms=90)
    small = ls.recommend(p, **_recommend_lmi_args(1e6))
    assert small.compute == "on-demand"
    big = ls.recommend(p, **_recommend_lmi_args(3e9))
    assert big.compute == "lmi"
    assert big.reason.startswith("lmi: 23 x m7g.large")


def test_an_lmi_choice_names_its_instances(tmp_path, capsys):
    """When LMI wins, the headline is the instances, not a Lambda memory setting: the
    plan is ``r.lmi`` (its count is the bill's instance-hours over AWS's 730-hour
    month), in the repr, the text's first line and the JSON's ``lmi`` key."""
    p = ls.Profile(cpu_ms=10, io_ms=90)
    big = ls.recommend(p, **_recommend_lmi_args(3e9))
    assert big.compute == "lmi" and big.lmi is not None
    n = big.lmi.instances
    assert n == round(big.lmi.bill.instance_hours / 730)
    assert f"lmi {n} x m7g.large" in repr(big)
    assert ls.recommend(p, arch="x86_64").lmi is None

    path = tmp_path / "small.json"
    p.save(str(path))
    args = ["recommend", str(path), "--arch", "x86_64", "--strategy", "cost"]
    args += ["--memory", "512,1024,1769,3008", "--requests-per-month", "3e9"]
    args += ["--compute", "on-demand,lmi", "--instance-type", "m7g.large"]
    args += ["--simulated-hours", "0.05", "--no-progress"]
    assert main(args) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(
        f"Recommended: Lambda Managed Instances, {n} x m7g.large ("
    ), first
    assert main([*args, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["compute"] == "lmi"
    assert doc["lmi"]["instances"] == n and doc["lmi"]["instance_type"] == "m7g.large"


def test_cli_recommend_compute_lmi(profile_file, capsys):
    args = [
        "recommend",
        str(profile_file),
        "--arch",
        "x86_64",
        "--strategy",
        "cost",
        "--memory",
        "512,1769",
        "--requests-per-month",
        "1e6",
        "--compute",
        "on-demand,provisioned,lmi",
        "--max-provisioned",
        "1",
        "--instance-type",
        "m7g.large",
        "--format",
        "json",
    ]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["compute"] in ("on-demand", "provisioned", "lmi")
    assert (
        any(ru["compute"] == "lmi" for ru in out["runners_up"])
        or out["compute"] == "lmi"
    )
    bad = [a for a in args if a not in ("--instance-type", "m7g.large")]
    assert main(bad) == 2
    assert "--instance-type" in capsys.readouterr().err
