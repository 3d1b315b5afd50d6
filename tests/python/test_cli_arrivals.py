# SPDX-License-Identifier: MIT
"""The arrival options, one helper for every command that simulates traffic: simulate
on on-demand Lambda and with --compute lmi read them the same way."""

from __future__ import annotations

import json
import math

import pytest
from lambdasim.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "compute",
    [["--memory", "1769"], ["--compute", "lmi", "--instance-type", "m7g.large"]],
)
def test_poisson_arrivals_on_both_computes(capsys, repo, compute):
    # 50 requests/s for 0.01 day: Poisson with mean 50 x 864 = 43,200; within 5 sigma
    out = run_json(
        capsys,
        "simulate",
        str(repo / "examples" / "api.json"),
        *compute,
        "--rate",
        "50",
        "--days",
        "0.01",
        "--seed",
        "3",
    )
    assert abs(out["requests"] - 43_200) < 5 * math.sqrt(43_200)
    assert out["served"] + out["throttled"] == out["requests"]
    assert out["seed"] == 3


def test_hourly_rates_on_lmi(capsys, repo):
    # 10/s in the first hour, 0 in the second, repeated over 0.25 day (6 h): 3 x 36,000
    # expected requests
    out = run_json(
        capsys,
        "simulate",
        str(repo / "examples" / "api.json"),
        "--compute",
        "lmi",
        "--instance-type",
        "m7g.large",
        "--hourly-rates",
        "10,0",
        "--days",
        "0.25",
    )
    assert abs(out["requests"] - 108_000) < 5 * math.sqrt(108_000)


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--memory", "1024"], "--memory"),
        (["--keep-alive", "60"], "--keep-alive"),
        (["--reserved-concurrency", "5"], "--reserved-concurrency"),
        ([], "--instance-type"),
    ],
)
def test_lmi_refuses_what_does_not_apply(capsys, repo, extra, named):
    argv = ["simulate", str(repo / "examples" / "api.json"), "--compute", "lmi"]
    if named != "--instance-type":
        argv += ["--instance-type", "m7g.large"]
    assert main([*argv, *extra, "--rate", "1", "--days", "0.01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and named in err


def test_lmi_refuses_a_run_too_long_before_it_starts(capsys, repo):
    # 1e9 requests/s for a day: 8.64e13 expected, above the 1e9 guard
    argv = ["simulate", str(repo / "examples" / "api.json"), "--compute", "lmi"]
    argv += ["--instance-type", "m7g.large", "--rate", "1e9", "--days", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "8.64e+13" in err and "max_requests" in err
