# SPDX-License-Identifier: MIT
"""Tables print figures people read: cost per million invocations, USD in cents,
durations to what the model can tell (its percentiles are within 0.2 %), counts with
separators; json and csv stay exact."""

from __future__ import annotations

import json

from lambdasim._result import format_value, html_table, per_million
from lambdasim.cli import main


def test_format_value_by_what_the_key_names():
    assert format_value(921.797, "p50_ms") == "922"  # 0.2 % of 922 ms is 1.8 ms
    assert format_value(15.26, "warm_ms") == "15.3"
    assert format_value(0.0, "provisioned_usd") == "0.00"
    assert format_value(122.66690, "compute_usd") == "122.67"
    assert format_value(1825345.2, "instance_seconds") == "1,825,345"
    assert format_value(863624, "requests") == "863,624"
    assert format_value(1769.0, "memory_mb") == "1769"
    assert format_value(-0.0123, "rel_error") == "-1.2 %"
    assert format_value(float("nan"), "p99_ms") == "-"


def test_html_shows_the_cost_of_one_invocation_per_million():
    # 3.676e-05 USD an invocation is $36.76 per million invocations
    shown = per_million({"memory_mb": [1769], "cost_usd": [3.676e-05]})
    assert list(shown) == ["memory_mb", "usd_per_million"]
    html = html_table({"memory_mb": [1769], "cost_usd": [3.676e-05]}, "curve")
    assert "<th>usd_per_million</th>" in html and "<td>36.76</td>" in html
    assert "e-05" not in html


def test_simulate_table_is_readable_and_json_exact(tmp_path, capsys, repo):
    profile = str(repo / "examples" / "api.json")
    # examples/api.json at one request per 10 s for a day (about 8,640 requests)
    argv = ["simulate", profile, "--memory", "1769", "--rate", "0.1", "--days", "1"]
    assert main([*argv, "--format", "json"]) == 0
    exact = json.loads(capsys.readouterr().out)
    assert main(argv) == 0
    table = dict(
        line.split(None, 1) for line in capsys.readouterr().out.strip().splitlines()
    )
    assert table["requests"].strip() == f"{exact['requests']:,}"
    assert table["total_usd"].strip() == f"{exact['total_usd']:,.2f}"
    assert "e+" not in "".join(table.values())
