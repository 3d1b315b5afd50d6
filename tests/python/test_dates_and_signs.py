# SPDX-License-Identifier: MIT
"""Issue 12: one sign convention in ``check`` (a slowdown is positive, observed relative
to predicted, per size and overall), and the recording date a file carries choosing the
platform of the fit. Expected values are hand calculations."""

from __future__ import annotations

import json
import subprocess
import sys

import lambdasim as ls
import numpy as np
import pytest

# 200 ms of I/O + 1,000 ms of single-threaded CPU work: at one vCPU and above
# (m >= 1,769 MB) the warm duration is 1,200 ms by hand.
SIZES = (1769, 2048, 3008, 10240)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lambdasim", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def slow_files(tmp_path):
    """A profile and a sweep exactly 1.3x its curve: 1.3 x 1,200 = 1,560 ms."""
    profile = ls.Profile(io_ms=200, cpu_ms=1000)
    pfile = tmp_path / "profile.json"
    profile.save(str(pfile))
    sfile = tmp_path / "sweep.csv"
    sfile.write_text("memory_mb,duration_ms\n" + "".join(f"{m},1560\n" for m in SIZES))
    return profile, pfile, sfile


def test_check_slowdown_is_positive_per_size_and_overall(slow_files):
    profile, _, sfile = slow_files
    r = ls.check(profile, ls.Sweep.load(str(sfile)))
    np.testing.assert_allclose(r.predicted_ms, 1200, rtol=1e-12)
    np.testing.assert_allclose(r.deviation, 0.3, rtol=1e-12)  # 1560 / 1200 - 1
    assert r.shift == pytest.approx(0.3, rel=1e-12)
    assert r.max_abs_deviation == pytest.approx(0.3, rel=1e-12)
    # The old column keeps its meaning: (1200 - 1560) / 1560 = -0.2308.
    np.testing.assert_allclose(r.rel_error, -360 / 1560, rtol=1e-12)
    assert not r.passed
    assert "deviation" in r.to_dict()
    assert (
        "|observed / predicted - 1| <= rtol"
        in ls.check(profile, ls.Sweep.load(str(sfile)), rtol=0.31).rule_description
    )
    # The per-size rule reads the same deviation: 0.3 is beyond 0.29, within 0.31.
    assert not ls.check(profile, ls.Sweep.load(str(sfile)), rtol=0.29).passed
    assert ls.check(profile, ls.Sweep.load(str(sfile)), rtol=0.31).passed


def test_check_cli_text_and_json_agree_on_the_sign(slow_files):
    _, pfile, sfile = slow_files
    text = run("check", str(pfile), str(sfile))
    assert text.returncode == 1
    assert "deviation" in text.stdout.splitlines()[1]
    assert text.stdout.count("+30.0%") == len(SIZES) + 1  # every size, and the shift
    assert "-23.1" not in text.stdout
    js = run("check", str(pfile), str(sfile), "--format", "json")
    assert js.returncode == 1
    doc = json.loads(js.stdout)
    assert doc["shift"] == pytest.approx(0.3, rel=1e-12)
    assert doc["max_abs_deviation"] == pytest.approx(0.3, rel=1e-12)
    for row in doc["rows"]:
        assert row["deviation"] == pytest.approx(0.3, rel=1e-12)
        assert row["rel_error"] == pytest.approx(-360 / 1560, rel=1e-12)


def _report_log(stamp: str, platform: str) -> str:
    """REPORT lines of 1,000 ms of CPU work at 128, 1,024 and 1,792 MB on `platform`,
    five per size 1 % apart, each after a CloudWatch export's timestamp."""
    p = ls.Profile(cpu_ms=1000)
    lines = []
    for m in (128, 1024, 1792):
        t = float(ls.primitives.warm_ms(p, ls.Platform.named(platform), m))
        for f in (0.98, 0.99, 1.0, 1.01, 1.02):
            lines.append(
                f"{stamp}\tREPORT RequestId: r\tDuration: {f * t:.2f} ms\t"
                f"Billed Duration: {int(f * t) + 1} ms\tMemory Size: {m} MB\t"
                "Max Memory Used: 40 MB"
            )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("stamp", "date", "platform"),
    [
        ("2020-11-30T23:59:59.000Z", "2020-11-30", "aws-lambda-2020"),
        ("2020-12-01T00:00:00.000Z", "2020-12-01", "aws-lambda"),
    ],
)
def test_fit_takes_the_date_in_the_file(tmp_path, stamp, date, platform):
    log = tmp_path / "report.log"
    log.write_text(_report_log(stamp, platform))
    s = ls.Sweep.load(str(log))
    assert s.meta.date == date
    f = ls.fit(s, bootstrap=0)
    assert f.platform_name == platform
    assert f.profile.platform == platform
    assert f"platform {platform} (in force on {date}), the date in the file" in f.reason
    # Fitted on the platform of its day, the 1,000 ms of work is found as such.
    cpu = sum(c.work_ms for c in f.profile.components if c.kind == "cpu")
    assert cpu == pytest.approx(1000, rel=0.02)
    # The result predicts on that platform by default.
    assert f.platform.name == platform
    # An explicit date overrides the file.
    other = "2021-06-01" if platform == "aws-lambda-2020" else "2020-06-01"
    g = ls.fit(s, bootstrap=0, date=other)
    assert g.platform_name != platform
    assert "the date in the file" not in g.reason
    # The CLI says which platform it chose and why.
    r = run("fit", str(log), "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["platform"] == platform
    assert "the date in the file" in doc["reason"]
    r2 = run("fit", str(log), "--date", other, "--format", "json")
    assert json.loads(r2.stdout)["platform"] != platform
