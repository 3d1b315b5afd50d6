# SPDX-License-Identifier: MIT
"""The result protocol (STYLE.md section 11): every public result type is a
``lambdasim._result.Result`` with typed attributes visible to ``dir()``, ``to_dict()``,
``to_dataframe()``, an escaped HTML ``<table>`` and a short ``__repr__``."""

from __future__ import annotations

import inspect
from html.parser import HTMLParser

import lambdasim as ls
import matplotlib
import pandas as pd
import pytest
from lambdasim._result import Result

matplotlib.use("Agg")

PRIME = ls.data_path("powertuning", "aws_docs_prime_example.json")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _results() -> dict[str, tuple[Result, tuple[str, ...]]]:
    """One instance of every public result type and attributes it must show."""
    p = ls.Profile(name="<api & co>", cpu_ms=800, io_ms=120, init_ms=250)
    s = ls.Sweep.from_powertuning(PRIME)
    fit = ls.fit(s, sizes=[128, 256, 1024], bootstrap=0)
    return {
        "Curve": (
            ls.curve(p, memory_mb=[128, 1769]),
            ("warm_ms", "cost_usd", "feasible"),
        ),
        "Bill": (
            ls.bill(p, 1024, requests_per_month=1e6),
            ("total_usd", "compute_usd", "billable_gb_s", "cold_starts"),
        ),
        "BillCurve": (
            ls.bill_curve(p, memory_mb=[512, 1024], requests_per_month=1e6),
            ("total_usd", "feasible"),
        ),
        "SimulationResult": (
            ls.simulate(p, 1024, trace=[0, 1, 2, 400]),
            ("requests", "cold_starts", "cold_fraction", "warm", "bill"),
        ),
        "SweepSummary": (ls.summarize(s), ("memory_mb", "duration_ms", "p95_ms")),
        "FitResult": (fit, ("profile", "structure", "reason", "mape", "predicted_ms")),
        "CheckResult": (
            ls.check(fit.profile, s, rtol=0.2),
            ("passed", "failures", "rtol", "rule", "deviation", "rel_error"),
        ),
    }


RESULTS = _results()


# Result types of the recommendation, LMI and fleet verbs: their own suites make them;
# here their classes are checked for the protocol's methods.
OTHER_RESULTS = {
    "BreakEven",
    "ComputeComparison",
    "FleetBillCurve",
    "FleetCurve",
    "FleetRecommendation",
    "LmiBill",
    "LmiSimulation",
    "Recommendation",
}


def test_every_public_result_type_is_covered():
    public = {
        name
        for name in ls.__all__
        if inspect.isclass(getattr(ls, name)) and issubclass(getattr(ls, name), Result)
    }
    assert public == set(RESULTS) | OTHER_RESULTS
    for name in OTHER_RESULTS:
        cls = getattr(ls, name)
        assert "__getattr__" not in cls.__dict__, name
        for method in ("to_dict", "to_dataframe", "_repr_html_", "__repr__"):
            assert callable(getattr(cls, method)), (name, method)


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_protocol(name):
    result, attributes = RESULTS[name]
    assert type(result).__name__ == name
    assert isinstance(result, Result)
    # no __getattr__ delegation: attributes are real, dir() and IDEs see them
    assert "__getattr__" not in type(result).__dict__
    for a in attributes:
        assert a in dir(result), a
        getattr(result, a)
    d = result.to_dict()
    assert isinstance(d, dict) and d
    assert all(isinstance(k, str) for k in d)
    df = result.to_dataframe()
    assert isinstance(df, pd.DataFrame) and len(df) >= 1
    html = result._repr_html_()
    parser = _Tags()
    parser.feed(html)
    assert "table" in parser.tags
    assert "<script" not in html
    r = repr(result)
    assert r.startswith(name + "(") and len(r) < 200 and "\n" not in r


def test_html_is_escaped():
    p = ls.Profile(name="<b>x</b>", cpu_ms=1)
    c = ls.curve(p, memory_mb=[128])
    html = c._repr_html_()
    assert "<b>x</b>" not in html


@pytest.mark.parametrize("name", ["FitResult", "CheckResult", "SweepSummary"])
def test_plots_return_axes(name):
    import matplotlib.pyplot as plt

    ax = RESULTS[name][0].plot()
    assert ax.get_xlabel() == "memory [MB]"
    plt.close("all")


def test_tables_became_methods_and_free_functions_warn():
    s = ls.Sweep.from_powertuning(PRIME)
    fit, check = RESULTS["FitResult"][0], RESULTS["CheckResult"][0]
    with pytest.warns(DeprecationWarning, match="fit_table"):
        t = ls.fit_table(fit)
    assert t.keys() == fit.to_dict().keys()
    with pytest.warns(DeprecationWarning, match="check_table"):
        assert ls.check_table(check).keys() == check.to_dict().keys()
    with pytest.warns(DeprecationWarning, match="summary_table"):
        assert ls.summary_table(s)["duration_ms"].tolist() == [
            11722.0,
            6678.0,
            3194.0,
            1465.0,
        ]
    with pytest.warns(DeprecationWarning, match="summary_dataframe"):
        assert len(ls.summary_dataframe(s)) == 4
    with pytest.warns(DeprecationWarning, match="FitResult.fitted"):
        assert fit.fitted == fit.profile
    with pytest.warns(DeprecationWarning, match="aggregation="):
        assert ls.summarize(s, aggregation="mean").aggregate == "mean"


def test_top_level_is_small():
    # types, verbs, results, the warning class and data_path; primitives in submodules
    assert len(ls.__all__) <= 45
    for name in (
        "Component",
        "BillOptions",
        "VcpuTier",
        "warm_ms",
        "powertuning_price",
    ):
        assert name not in ls.__all__
    assert ls.primitives.Component and ls.powertuning.statistics


def test_a_profile_is_priced_on_the_platform_and_architecture_it_records(tmp_path):
    """A fitted profile records the platform and architecture it was measured on;
    curve, bill and check use them unless told otherwise (issue 11, item 4). Hand
    values: 1,001 ms of I/O is billed 1,100 ms under the 2020 platform (100 ms
    billing steps) and 1,001 ms today (1 ms steps)."""
    import json
    import subprocess
    import sys

    p = ls.Profile(io_ms=1001)
    p.architecture = "arm64"
    p.platform = "aws-lambda-2020"
    c = ls.curve(p, memory_mb=[1024])
    assert c.platform.name == "aws-lambda-2020"
    assert c.warm_billed_ms[0] == 1100
    assert c.prices.arch == "arm64"
    assert ls.bill(p, 1024, requests_per_month=1e6).prices.arch == "arm64"
    # told otherwise: the platform and architecture given win
    c2 = ls.curve(p, "aws-lambda", memory_mb=[1024], arch="x86_64")
    assert c2.warm_billed_ms[0] == 1001
    assert c2.prices.arch == "x86_64"
    # a profile written by hand records neither: today's platform, x86_64
    c3 = ls.curve(ls.Profile(io_ms=1001), memory_mb=[1024])
    assert c3.warm_billed_ms[0] == 1001
    assert c3.prices.arch == "x86_64"
    # the command line the same way
    f = tmp_path / "p.json"
    p.save(str(f))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "lambdasim",
            "curve",
            str(f),
            "--memory",
            "1024",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    doc = json.loads(out)
    text = json.dumps(doc)
    assert "arm64" in text and "aws-lambda-2020" in text
