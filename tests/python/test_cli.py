# SPDX-License-Identifier: MIT
"""The command line contract: formats, columns, exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from lambdasim.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lambdasim", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_curve_csv(profile_file):
    r = run("curve", str(profile_file), "--memory", "128,512,1769", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0])[:8] == [
        "memory_mb",
        "vcpu",
        "warm_ms",
        "cold_ms",
        "warm_billed_ms",
        "gb_s",
        "cost_usd",
        "feasible",
    ]
    assert [int(r["memory_mb"]) for r in rows] == [128, 512, 1769]
    last = rows[-1]
    assert float(last["warm_ms"]) == 1100
    assert float(last["cold_ms"]) == 1300
    assert float(last["warm_billed_ms"]) == 1100
    # 1.1 s * 1769/1024 GB * $0.0000166667 + $0.20 per million
    assert float(last["cost_usd"]) == pytest.approx(
        1.1 * 1769 / 1024 * 0.0000166667 + 2e-7
    )
    assert last["feasible"] == "true"


def test_curve_default_is_every_size(profile_file, capsys):
    assert main(["curve", str(profile_file), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + 10113


def test_curve_range_and_json(profile_file, capsys):
    assert (
        main(
            [
                "curve",
                str(profile_file),
                "--memory",
                "128:10240:64",
                "--format",
                "json",
                "--arch",
                "arm64",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["rows"]) == 159
    assert doc["rows"][-1]["memory_mb"] == 10240
    assert doc["arch"] == "arm64"


def test_curve_table(profile_file, capsys):
    assert main(["curve", str(profile_file), "--memory", "1769"]) == 0
    out = capsys.readouterr().out
    assert "warm_ms" in out.splitlines()[0]
    # 1,000 ms of CPU at one full vCPU plus 100 ms of I/O, to the millisecond
    assert " 1,100 " in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--memory", "20000"], "memory_mb = 20000: must be within 128..10240 MB"),
        (["--memory", "128,abc"], "memory spec = '128,abc': 'abc' is not a number"),
        (["--memory", "128:512"], "a range is START:STOP:STEP"),
        (["--region", "mars-1"], "region = 'mars-1': no price data"),
    ],
)
def test_curve_bad_arguments(profile_file, args, message):
    r = run("curve", str(profile_file), *args)
    assert r.returncode == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"schema_version": 1, "components": [{"kind": "cpu", "work_ms": -1}]}',
            "work_ms = -1: must be finite and >= 0",
        ),
        (
            '{"schema_version": 1, "components": [{"kind": "cpu", "work_ms": 1, "threads": 0}]}',
            "threads = 0: must be >= 1",
        ),
        (
            '{"schema_version": 1, "components": [], "extra": 1}',
            "/extra: unknown key 'extra'",
        ),
        ('{"schema_version": 1, "components": [', "invalid JSON"),
        (
            '{"schema_version": 1, "components": [{"kind": "io", "ms": NaN}]}',
            "invalid JSON",
        ),
    ],
)
def test_curve_bad_profiles(tmp_path, content, message):
    f = tmp_path / "bad.json"
    f.write_text(content)
    r = run("curve", str(f))
    assert r.returncode == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_missing_file(tmp_path):
    r = run("curve", str(tmp_path / "nope.json"))
    assert r.returncode == 2
    assert "nope.json: cannot open file" in r.stderr


def test_demo(tmp_path):
    png = tmp_path / "demo.png"
    r = run("demo", "--plot", str(png))
    assert r.returncode == 0, r.stderr
    assert "memory_mb" in r.stdout
    assert "Recommended over all 10,113 sizes" in r.stdout
    assert "cheapest:" in r.stdout  # a runner-up, no longer the answer
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
