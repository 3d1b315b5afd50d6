# SPDX-License-Identifier: MIT
"""The error contract (issue 11): every bad input in Python raises ValueError (or a
subclass) whose message names the field and the value; the command line exits 2 with
one line on stderr naming the option or field and the value; closing the output pipe
early is not an error. Each row's expected text is written from the input, not from a
run of the code."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import lambdasim as ls
import numpy as np
import pytest

PRIME = str(ls.data_path("powertuning", "aws_docs_prime_example.json"))
RUNS = str(ls.data_path("powertuning", "github_issue_outputs.json"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lambdasim", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    d = tmp_path_factory.mktemp("bad")

    def write(name: str, text: str) -> str:
        (d / name).write_text(text)
        return str(d / name)

    good = {
        "schema_version": 1,
        "name": "api",
        "components": [{"kind": "cpu", "work_ms": 800}, {"kind": "io", "ms": 120}],
        "init_ms": 250,
    }
    prime = Path(PRIME).read_text()
    return {
        "profile": write("p.json", json.dumps(good)),
        "empty_profile": write("e.json", json.dumps({**good, "components": []})),
        "huge_profile": write(
            "h.json",
            json.dumps({**good, "components": [{"kind": "cpu", "work_ms": 1e308}]}),
        ),
        "peak_profile": write(
            "peak.json", json.dumps({**good, "peak_memory_mb": 20000})
        ),
        "truncated": write("t.json", prime[: len(prime) // 2]),
        "nan_sweep": write(
            "n.json",
            prime.replace('"averageDuration": 11722', '"averageDuration": NaN', 1)
            if '"averageDuration": 11722' in prime
            else prime.rstrip()[:-1] + ', "x": NaN}',
        ),
        "empty_file": write("empty.json", ""),
        "dir": str(d),
        "missing": str(d / "nope.json"),
        "mixed_csv": write(
            "mixed.csv",
            "function,mem,dur\na,128,1000\nb,128,90\na,1024,130\n"
            "b,1024,12\na,3008,50\nb,3008,5\n",
        ),
    }


# (CLI arguments with {placeholders} for files, text the one stderr line must contain)
CLI_CASES = [
    # simulate
    (
        [
            "simulate",
            "{profile}",
            "--memory",
            "512",
            "--rate",
            "1",
            "--days",
            "0.01",
            "--seed",
            "-1",
            "--no-progress",
        ],
        "seed = -1",
    ),
    (
        ["simulate", "{profile}", "--memory", "512", "--rate", "1e9", "--days", "1"],
        "expected requests = 8.64e+13",
    ),
    (
        ["simulate", "{profile}", "--memory", "100", "--rate", "1", "--days", "0.01"],
        "memory_mb = 100",
    ),
    (
        ["simulate", "{profile}", "--memory", "512", "--rate", "-1", "--days", "1"],
        "rate_per_s = -1",
    ),
    (["simulate", "{profile}", "--memory", "512", "--rate", "1"], "--days is required"),
    (
        [
            "simulate",
            "{profile}",
            "--memory",
            "512",
            "--rate",
            "1",
            "--days",
            "1",
            "--replications",
            "0",
        ],
        "replications = 0",
    ),
    (
        [
            "simulate",
            "{profile}",
            "--memory",
            "512",
            "--hourly-rates",
            "1,x",
            "--days",
            "1",
        ],
        "--hourly-rates = '1,x'",
    ),
    (["simulate", "{profile}", "--memory", "512", "--trace", "{missing}"], "nope.json"),
    (
        [
            "simulate",
            "{profile}",
            "--memory",
            "512",
            "--rate",
            "1",
            "--days",
            "1",
            "--reserved-concurrency",
            "-2",
        ],
        "reserved_concurrency = -2",
    ),
    # curve
    (
        ["curve", "{profile}", "--platform", "nosuch"],
        "platform = 'nosuch': expected one of aws-lambda, aws-lambda-2020",
    ),
    (["curve", "{profile}", "--memory", "20000"], "memory_mb = 20000"),
    (["curve", "{profile}", "--memory", "nan"], "nan"),
    (["curve", "{profile}", "--arch", "sparc"], "arch = 'sparc'"),
    (["curve", "{profile}", "--region", "mars-1"], "region = 'mars-1'"),
    (["curve", "{empty_profile}"], "components = []"),
    (["curve", "{huge_profile}"], "work_ms = 1e+308"),
    (["curve", "{peak_profile}"], "peak_memory_mb = 20000: above the largest size"),
    (["curve", "{missing}"], "nope.json: cannot open file"),
    (["curve", "{dir}"], ": is a directory, expected a file"),
    (["curve", "{empty_file}"], "empty.json: invalid JSON"),
    # bill
    (
        ["bill", "{profile}", "--memory", "512", "--requests-per-month", "-5"],
        "requests_per_month = -5",
    ),
    (
        [
            "bill",
            "{profile}",
            "--memory",
            "512",
            "--requests-per-month",
            "1e6",
            "--cold-fraction",
            "2",
        ],
        "cold_fraction = 2",
    ),
    (
        [
            "bill",
            "{profile}",
            "--memory",
            "512",
            "--requests-per-month",
            "1e6",
            "--package",
            "jar",
        ],
        "package = 'jar'",
    ),
    (
        [
            "bill",
            "{profile}",
            "--memory",
            "512",
            "--requests-per-month",
            "1e6",
            "--date",
            "2025/01/01",
        ],
        "date = '2025/01/01'",
    ),
    (
        ["bill", "{peak_profile}", "--memory", "512", "--requests-per-month", "1e6"],
        "peak_memory_mb = 20000",
    ),
    (
        [
            "bill",
            "{profile}",
            "--memory",
            "512",
            "--requests-per-month",
            "1e6",
            "--platform",
            "nosuch",
        ],
        "platform = 'nosuch'",
    ),
    # sweep / fit / check
    (["sweep", "{truncated}"], "t.json: invalid JSON"),
    (["sweep", "{nan_sweep}"], "n.json: invalid JSON"),
    (["sweep", "{dir}"], ": is a directory, expected a file"),
    (["sweep", "{empty_file}"], "empty.json: empty file"),
    (["sweep", "{missing}"], "nope.json: cannot open file"),
    (["sweep", RUNS], "choose one with select (--select N): 0 = "),
    (["sweep", RUNS, "--select", "99"], "select = '99'"),
    (["sweep", PRIME, "--aggregate", "mode"], "'mode'"),
    (["sweep", PRIME, "--source", "x"], "source = 'x'"),
    (["sweep", "https://lambda-power-tuning.show/#AAAA"], "visualization = "),
    (["fit", PRIME, "--structure", "cubic"], "structure = 'cubic'"),
    (["fit", PRIME, "--sizes", "128,x"], "--sizes = '128,x'"),
    (["fit", PRIME, "--platform", "nosuch"], "platform = 'nosuch'"),
    (["fit", "{truncated}"], "t.json: invalid JSON"),
    (["check", "{profile}", PRIME, "--rtol", "-1"], "rtol = -1"),
    (["check", "{profile}", PRIME, "--rtol", "nan"], "rtol = nan"),
    (["fit", PRIME, "--date", "2020-13-01"], "date = '2020-13-01'"),
    (["check", "{profile}", PRIME, "--shift-tolerance", "-1"], "shift_tolerance = -1"),
    (["check", "{peak_profile}", PRIME], "peak_memory_mb = 20000"),
    (["check", "{profile}", "{dir}"], ": is a directory, expected a file"),
    (
        ["simulate", "{profile}", "--memory", "512", "--trace", "{dir}"],
        ": is a directory, expected a file",
    ),
    (
        ["simulate", "{profile}", "--compute", "lmi", "--instance-type", "m7g.large"]
        + ["--rate", "1", "--days", "1", "--memory", "1024"],
        "--memory = 1024: does not apply to --compute lmi",
    ),
    # recommend
    (["recommend", "{profile}", "--current", "100"], "current_memory_mb = 100"),
    (
        ["recommend", "{profile}", "--requests-per-month", "1e6"]
        + ["--max-provisioned", "1000000000"],
        "max_provisioned = 1000000000: 20226000020226 configurations",
    ),
    (
        [
            "fit",
            str(ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv")),
            "--column",
            "memory_mb=Memory Size",
            "--column",
            "duration_ms=Duration",
            "--where",
            "Function=f99",
        ],
        "no data rows match where Function = 'f99'",
    ),
    # argparse's own errors: one line too (no usage block), naming option and value
    (["curve", "{profile}", "--format", "xml"], "--format: invalid choice: 'xml'"),
    (["sweep", PRIME, "--input-format", "xml"], "--input-format: invalid choice"),
    (["recommend", "{profile}", "--weight", "abc"], "--weight: invalid float value"),
    (["bill", "{profile}", "--memory", "1024"], "required: --requests-per-month"),
    (["fit", PRIME, "--bootstrap", "-3"], "unrecognized arguments: --bootstrap -3"),
    (["nosuchverb"], "invalid choice: 'nosuchverb'"),
]


@pytest.mark.parametrize(
    ("args", "message"),
    CLI_CASES,
    ids=[f"{a[0]}-{i}" for i, (a, _) in enumerate(CLI_CASES)],
)
def test_cli_bad_input_exits_2_with_one_line(files, args, message):
    r = run(*[a.format(**files) for a in args])
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert message in lines[0]
    assert "Traceback" not in r.stderr


def _profile() -> ls.Profile:
    return ls.Profile(cpu_ms=800, io_ms=120)


def _sweep() -> ls.Sweep:
    return ls.Sweep.from_powertuning(PRIME)


# (callable, regex the ValueError message must match: the field and the value)
PY_CASES = [
    (lambda: ls.Profile(cpu_ms="NaN"), r"cpu_ms = 'NaN': expected a number"),
    (lambda: ls.Profile(cpu_ms=1, threads=1.5), r"threads = 1\.5: expected an integer"),
    (lambda: ls.Profile(io_ms=None), r"io_ms = None: expected a number"),
    # the keyword written, not the component it became (components[0].work_ms)
    (lambda: ls.Profile(cpu_ms=math.nan), r"^cpu_ms = nan: must be finite"),
    (lambda: ls.Profile(cpu_ms=-1), r"^cpu_ms = -1: must be finite and >= 0"),
    (lambda: ls.Profile(cpu_ms=1e308), r"^cpu_ms = 1e\+308: must be at most"),
    (lambda: ls.Profile(cpu_ms=1, io_ms=-2), r"^io_ms = -2: must be finite and >= 0"),
    (lambda: ls.Profile(io_ms=1, gc_ms=math.inf), r"^gc_ms = inf: must be"),
    (
        lambda: ls.Profile(components=[ls.primitives.Component.io(-3)], cpu_ms=1),
        r"^components\[0\]\.ms = -3",  # an explicit component keeps its own name
    ),
    (
        lambda: ls.Profile(components=[ls.primitives.Component.io(3)], cpu_ms=-1),
        r"^cpu_ms = -1",  # the shorthand is components[1]
    ),
    (lambda: ls.Profile(init_ms=5), r"components = \[\]"),
    (lambda: ls.Profile(cpu_ms=1, init_ms=math.inf), r"init_ms = inf"),
    (
        lambda: ls.bill(_profile(), 512, requests_per_month=1e6, cold_fraction="x"),
        r"cold_fraction = 'x': expected a number",
    ),
    (lambda: ls.bill(_profile(), 512), r"requests_per_month is required"),
    (lambda: ls.bill(_profile(), "big", requests_per_month=1), r"memory_mb = 'big'"),
    (
        lambda: ls.bill(_profile(), 512, requests_per_month=1, region="mars-1"),
        r"region = 'mars-1'",
    ),
    (lambda: ls.bill(_profile(), 512, requests_per_month=1, arch=64), r"arch = 64"),
    (
        lambda: ls.bill(
            ls.Profile(cpu_ms=1, peak_memory_mb=20000), 10240, requests_per_month=1
        ),
        r"peak_memory_mb = 20000",
    ),
    (
        lambda: ls.bill_curve(
            _profile(), requests_per_month=1, provisioned_concurrency=1.5
        ),
        r"provisioned_concurrency = 1\.5",
    ),
    (lambda: ls.curve(_profile(), memory_mb=[128, math.nan]), r"memory_mb = nan"),
    (lambda: ls.curve(_profile(), "nosuch"), r"platform = 'nosuch'"),
    (
        lambda: ls.curve(ls.Profile(cpu_ms=1, peak_memory_mb=1e5)),
        r"peak_memory_mb = 1e\+05: above the largest size",
    ),
    (
        lambda: ls.simulate(_profile(), 512, rate=1, days=1, seed=-1),
        r"seed = -1: expected a non-negative integer",
    ),
    (lambda: ls.simulate(_profile(), 512, rate="fast", days=1), r"rate = 'fast'"),
    # "no" is a true string: a switch takes True, False or None only
    (
        lambda: ls.simulate(_profile(), 512, rate=1, days=0.01, progress="no"),
        r"progress = 'no': expected True, False or None",
    ),
    (
        lambda: ls.recommend(_profile(), progress="yes"),
        r"progress = 'yes': expected True, False or None",
    ),
    (
        lambda: ls.recommend(_profile(), current_memory_mb=100),
        r"^current_memory_mb = 100: must be within 128\.\.10240 MB",
    ),
    (
        lambda: ls.Sweep.from_csv(
            ls.data_path("lin_khazaei_2020", "App6_Lambda_Logs.csv"),
            columns=[("memory_mb", "Memory Size"), ("duration_ms", "Duration")],
            where=[("Function", "f5"), ("Memory Size", "129")],
        ),
        r"no data rows match where Function = 'f5' and Memory Size = '129'",
    ),
    (
        lambda: ls.simulate(_profile(), 512, rate=1e9, days=1),
        r"expected requests = 8\.64e\+13 .*max_requests",
    ),
    (
        lambda: ls.simulate(_profile(), 512, rate=1, days=1, replications=0),
        r"replications = 0",
    ),
    (lambda: ls.simulate(_profile(), 512, trace=[0.0, math.nan]), r"nan"),
    (
        lambda: ls.Sweep.load(str(Path(PRIME).parent)),
        r"is a directory, expected a file",
    ),
    (lambda: ls.Sweep.load(RUNS), r"choose one with select"),
    (lambda: ls.Sweep.load(PRIME, format="yaml"), r"format = 'yaml'"),
    (lambda: ls.summarize(_sweep(), "mode"), r"'mode'"),
    (lambda: ls.summarize("sweep.json"), r"sweep = 'sweep.json': expected a Sweep"),
    (lambda: ls.fit(_sweep(), structure="cubic"), r"structure = 'cubic'"),
    (lambda: ls.fit(_sweep(), seed=-3), r"seed = -3"),
    (lambda: ls.fit(_sweep(), "nosuch"), r"platform = 'nosuch'"),
    (lambda: ls.check(_profile(), _sweep(), rtol=-0.1), r"rtol = -0\.1"),
    (lambda: ls.check(_profile(), _sweep(), rtol="tight"), r"rtol = 'tight'"),
    (lambda: ls.check({"cpu_ms": 1}, _sweep()), r"profile = \{'cpu_ms': 1\}"),
    (lambda: ls.Platform.named("nosuch"), r"platform = 'nosuch'"),
    (lambda: ls.PriceTable.aws("us-east-1", "sparc"), r"arch = 'sparc'"),
    (lambda: ls.curve(_profile(), memory_mb="abc"), r"memory_mb = 'abc'"),
    (
        lambda: ls.bill_curve(_profile(), memory_mb=["x"], requests_per_month=1e6),
        r"memory_mb = \['x'\]",
    ),
    (lambda: ls.fit_many([_sweep(), 1]), r"sweeps\[1\] = 1"),
    (lambda: ls.simulate_many(_profile(), [1], [2]), r"arrivals\[0\] = 1"),
    (lambda: ls.curve([_profile(), "x"]), r"profiles\[1\] = 'x'"),
    (lambda: ls.recommend([_profile(), 3]), r"profiles\[1\] = 3"),
]


@pytest.mark.parametrize(
    ("call", "message"), PY_CASES, ids=[f"py-{i}" for i in range(len(PY_CASES))]
)
def test_python_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_at_least_forty_rows():
    assert len(CLI_CASES) >= 40
    assert len(PY_CASES) >= 30


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["curve", "{profile}", "--nosuch", "1"],
            "lambdasim curve: error: unrecognized arguments: --nosuch 1",
        ),
        (
            ["recommend", "{profile}", "--strategy", "fastest"],
            "lambdasim recommend: error: argument --strategy: invalid choice: 'fastest'",
        ),
        (
            ["simulate", "{profile}", "--seed", "1e30"],
            "lambdasim simulate: error: argument --seed: invalid int value: '1e30'",
        ),
        (
            ["curve", "{profile}", "--memory"],
            "lambdasim curve: error: argument --memory: expected one argument",
        ),
        (["nosuchverb"], "lambdasim: error: argument COMMAND: invalid choice"),
    ],
)
def test_parse_errors_are_one_line_naming_the_verb(files, args, line):
    """argparse's own errors (a wrong type, an unknown option or choice) follow the
    contract too: exit 2 and one line, from the verb's parser, pointing at --help."""
    r = run(*[a.format(**files) for a in args])
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(line) and lines[0].endswith("--help)")


def test_ctrl_c_is_one_line_and_exit_130(files):
    """SIGINT in the middle of recommend's traffic simulations (50 provisioned levels
    at 3e8 requests a month: 189 M simulated requests, many seconds): the run stops
    with one stderr line (after the bar) and 128 + SIGINT, no traceback."""
    import signal
    import time

    proc = subprocess.Popen(
        [sys.executable, "-m", "lambdasim", "recommend", files["profile"]]
        + ["--requests-per-month", "3e8", "--max-provisioned", "50"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # the progress bar's first characters: the simulations have started
    assert proc.stderr is not None
    started = ""
    while "recommend:" not in started and (c := proc.stderr.read(1)):
        started += c
    assert "recommend:" in started, started
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGINT, err
    assert "Traceback" not in err
    assert err.rstrip().endswith("\nlambdasim recommend: interrupted")
    assert out == ""


def test_unknown_keywords_are_value_and_type_errors():
    # Python's convention for a bad keyword is TypeError; the contract is ValueError:
    # OptionError is both.
    with pytest.raises(ValueError, match="unknown bill option 'request_per_month'"):
        ls.bill(_profile(), 512, request_per_month=5)
    with pytest.raises(TypeError, match="unknown bill option"):
        ls.bill(_profile(), 512, request_per_month=5)


def test_mixed_sweep_warns_in_python_and_notes_in_cli(files):
    with pytest.warns(ls.LambdasimWarning, match="column 'function' holds 2 functions"):  # noqa: PT031
        s = ls.Sweep.load(
            files["mixed_csv"], columns=[("memory_mb", "mem"), ("duration_ms", "dur")]
        )
        ls.summarize(s)
    r = run(
        "sweep",
        files["mixed_csv"],
        "--column",
        "memory_mb=mem",
        "--column",
        "duration_ms=dur",
    )
    assert r.returncode == 0
    assert "note:" in r.stderr and "several functions mixed in one sweep" in r.stderr
    # the filter it suggests keeps one function and the note goes away
    r = run(
        "sweep",
        files["mixed_csv"],
        "--column",
        "memory_mb=mem",
        "--column",
        "duration_ms=dur",
        "--where",
        "function=a",
    )
    assert r.returncode == 0 and r.stderr == ""
    assert [line.split()[0] for line in r.stdout.splitlines()[1:]] == [
        "128",
        "1024",
        "3008",
    ]


def test_closing_the_pipe_early_is_not_an_error(files):
    # A real pipe: `lambdasim curve p.json | head -1` (10,113 rows, far more than a pipe
    # buffer, so the writer meets EPIPE).
    cmd = f"'{sys.executable}' -m lambdasim curve '{files['profile']}' --format csv | head -1"
    r = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.stdout.startswith("memory_mb,vcpu,warm_ms")
    assert r.stderr == ""
    assert r.returncode == 0


def test_visualization_url_as_argument_and_file(tmp_path):
    mem = np.array([128.0, 256, 512, 1024])
    dur = np.array([11722.0, 6678, 3194, 1465])
    url = ls.powertuning.encode_visualization(mem, dur, dur * 1e-9)
    s = ls.Sweep.load(url)
    np.testing.assert_array_equal(ls.summarize(s).memory_mb, mem)
    np.testing.assert_array_equal(ls.summarize(s).duration_ms, dur)  # exact in float32
    f = tmp_path / "url.txt"
    f.write_text(url + "\n")
    r = run("sweep", str(f), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert [int(line.split(",")[0]) for line in r.stdout.splitlines()[1:]] == [
        128,
        256,
        512,
        1024,
    ]
    assert run("sweep", url).returncode == 0


def test_long_simulation_guard_can_be_raised():
    # 1 request per second for 3 days is 259,200 expected requests: refused below that,
    # run when the guard is raised.
    p = ls.Profile(io_ms=10)
    with pytest.raises(
        ValueError, match=r"expected requests = 259200 .*max_requests = 1000"
    ):
        ls.simulate(p, 512, rate=1, days=3, max_requests=1000)
    assert ls.simulate(p, 512, rate=1, days=3, max_requests=1e6).requests > 250_000


def test_deprecated_keywords_and_names_warn():
    p = ls.Profile(io_ms=1000)
    with pytest.warns(DeprecationWarning, match="reserved= is deprecated"):
        r = ls.simulate(p, 1024, trace=[0, 0.1, 0.2, 10], reserved=1)
    assert r.throttled == 2
    with pytest.raises(ValueError, match="give reserved_concurrency= only"):
        ls.simulate(p, 1024, trace=[0, 1], reserved=1, reserved_concurrency=1)
    with pytest.warns(DeprecationWarning, match="lambdasim.warm_ms is deprecated"):
        assert ls.warm_ms is ls.primitives.warm_ms
    with pytest.warns(DeprecationWarning, match="use lambdasim.powertuning.price"):
        assert ls.powertuning_price is ls.powertuning.price
    with pytest.raises(AttributeError, match="no attribute 'nosuch'"):
        ls.nosuch  # noqa: B018
