# SPDX-License-Identifier: MIT
"""One source of truth (issue 11, "Done when"): each enum name and each default of the
bound option structs is written once, in C++, and the Python package and the command
line read it (``_core.enum_names()``, the option structs, ``SWEEP_LOAD_DEFAULTS``).

The sources of ``bindings/python/lambdasim`` are parsed (``ast``; docstrings, help text
and f-strings are left out, since they are prose generated from or about the source)
and every string constant equal to an enum name, every argparse ``default=`` literal and
every literal default of a parameter named as an option field is found. Each must be
listed below with the reason it is not a restatement; a new one fails until it reads its
value from C++ or is listed here with its reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lambdasim import _core

PACKAGE = Path(__file__).resolve().parents[2] / "bindings" / "python" / "lambdasim"
OPTION_STRUCTS = (
    "BillOptions",
    "CheckOptions",
    "CompareOptions",
    "FitOptions",
    "LmiSimulateOptions",
    "RecommendOptions",
    "SimulateOptions",
)

#: (file, enum name as a string constant): why it is not a second copy of the name.
ENUM_NAME_USES = {
    # a column, key or keyword of the same spelling, not the enum's value
    ("_recommend.py", "provisioned"): "the configuration column (CLI JSON contract)",
    ("_simulate.py", "provisioned"): "simulate()'s deprecated keyword provisioned=",
    ("_plot.py", "provisioned"): "plot_provisioned()'s deprecated keyword provisioned=",
    ("_lmi.py", "max_latency_ms"): "a CompareOptions field name passed as a keyword",
    ("cli/recommend.py", "max_warm_ms"): "argparse dest -> RecommendOptions field",
    ("cli/recommend.py", "max_latency_ms"): "argparse dest -> RecommendOptions field",
    ("cli/recommend.py", "budget_usd"): "argparse dest -> RecommendOptions field",
    ("cli/recommend.py", "lmi"): "the RecommendOptions field lmi (an LmiConfig), "
    "the compute value that needs it (--instance-type) and the headline of an LMI "
    "choice (its instances)",
    ("cli/_common.py", "trace"): "the arrivals keyword trace= (a file), not a kind",
    ("cli/simulate.py", "memory"): "the --memory dest",
    ("__init__.py", "powertuning"): "the submodule lambdasim.powertuning",
    ("__init__.py", "trimmed_mean"): "lambdasim.powertuning.trimmed_mean (a function)",
    ("powertuning.py", "trimmed_mean"): "its function trimmed_mean in __all__",
    ("cli/_output.py", "csv"): "the CLI's own --format csv output",
    ("cli/check.py", "csv"): "the CLI's own --format choices (an output, not a sweep)",
    ("cli/curve.py", "csv"): "the CLI's own --format choices",
    ("cli/fit.py", "csv"): "the CLI's own --format choices",
    ("cli/sweep.py", "csv"): "the CLI's own --format choices",
    ("_plot.py", "none"): "matplotlib's linestyle 'none'",
    ("_sweep.py", "none"): "matplotlib's marker face colour 'none'",
    ("_lmi.py", "none"): "text for an empty list of crossovers",
    ("cli/_common.py", "none"): "help text for an unset runtime",
    ("_lmi.py", "on-demand"): "a plot legend",
    # one value chosen on purpose (a reference to the enum, not a copy of its names)
    ("_lmi.py", "lmi"): "LmiBill.to_dict() names its compute option",
    ("cli/bill.py", "lmi"): "bill --compute lmi prices LMI instead of Lambda",
    ("cli/simulate.py", "lmi"): "simulate --compute lmi runs the LMI simulator",
    ("_recommend.py", "lmi"): "the repr of an LMI choice names its plan",
    ("cli/_common.py", "provisioned"): "bill/simulate --compute offer what they price: "
    "provisioned concurrency is --provisioned-concurrency there",
    ("_plot.py", "cost"): "plot_provisioned compares costs: the cost strategy",
    ("_sweep.py", "sustained"): "fit(load=sustained): FitResult keeps the platform the "
    "fit used, the smooth-throttling copy (one value referenced, not a table)",
    ("_sweep.py", "smooth"): "the same: the throttling a sustained-load fit uses",
}

#: (file, enum) literals holding several names of one enum that are not its table.
ENUM_LISTS = {
    ("cli/recommend.py", "constraint"): "argparse dest -> RecommendOptions field map: "
    "the constraints are named after the option fields they check",
}

#: argparse options whose literal default is the command line's own (no C++ option).
CLI_OWN_DEFAULTS = {
    "--plot": "demo's picture file name",
    "--column": "an empty list the repeatable option appends to",
    "--where": "an empty list the repeatable option appends to",
}

#: Function parameters named as an option field, with a literal default: why.
PARAMETER_DEFAULTS = {
    ("dask.py", "threads"): "one C++ thread per dask task (the workers are the "
    "parallelism); the local verbs use every core",
    ("_plot.py", "provisioned_concurrency"): "plot_provisioned draws one level, 1 "
    "instance unless told (a picture's choice; no C++ option)",
    ("_lmi.py", "requests_per_month"): "lmi_bill's requests (0: instance cost only); "
    "compute_lmi_bill has no default",
}


def enum_names() -> dict[str, str]:
    """Canonical enum name -> its enum."""
    out: dict[str, str] = {}
    for enum, names in _core.enum_names().items():
        for n in names:
            out.setdefault(n, enum)
    return out


def option_fields() -> set[str]:
    return {
        f
        for s in OPTION_STRUCTS
        for f in dir(getattr(_core, s))
        if not f.startswith("_")
    }


def sources() -> list[tuple[str, ast.Module]]:
    return [
        (p.relative_to(PACKAGE).as_posix(), ast.parse(p.read_text()))
        for p in sorted(PACKAGE.rglob("*.py"))
    ]


def prose(tree: ast.Module) -> set[int]:
    """ids of the docstrings and of the constants inside f-strings."""
    out: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            out.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            out |= {id(v) for v in node.values}
    return out


def test_every_enum_name_is_read_from_cpp():
    names = enum_names()
    found: dict[tuple[str, str], list[int]] = {}
    lists: list[str] = []
    for path, tree in sources():
        skip = prose(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and node.value in names
            ):
                found.setdefault((path, node.value), []).append(node.lineno)
            # two or more names of one enum in one literal: a copy of its table
            if isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
                items = node.keys if isinstance(node, ast.Dict) else node.elts
                per_enum: dict[str, int] = {}
                for k in items:
                    if isinstance(k, ast.Constant) and k.value in names:
                        e = names[k.value]
                        per_enum[e] = per_enum.get(e, 0) + 1
                lists += [
                    f"{path}:{node.lineno}: {n} names of {e}"
                    for e, n in per_enum.items()
                    if n >= 2 and (path, e) not in ENUM_LISTS
                ]
    assert not lists, "enum tables written in Python:\n" + "\n".join(lists)
    unexplained = {k: v for k, v in found.items() if k not in ENUM_NAME_USES}
    assert not unexplained, (
        "enum names written in Python (read them from _core.enum_names(), or list "
        f"the use in ENUM_NAME_USES with its reason): {unexplained}"
    )
    stale = set(ENUM_NAME_USES) - set(found)
    assert not stale, f"ENUM_NAME_USES lists uses that are gone: {stale}"


def test_cli_defaults_come_from_the_option_structs():
    restated = []
    for path, tree in sources():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add_argument"
            ):
                continue
            flag = next(
                (a.value for a in node.args if isinstance(a, ast.Constant)), "?"
            )
            for kw in node.keywords:
                literal = isinstance(kw.value, (ast.Constant, ast.List, ast.Tuple))
                if (
                    kw.arg == "default"
                    and literal
                    and not (
                        isinstance(kw.value, ast.Constant)
                        and kw.value.value in (None, False)
                    )
                    and flag not in CLI_OWN_DEFAULTS
                ):
                    restated.append(f"{path}:{node.lineno}: {flag}")
    assert not restated, (
        "argparse defaults written as literals (read the option struct's default, "
        f"cli._common.default): {restated}"
    )


def test_python_signatures_do_not_restate_option_defaults():
    fields = option_fields()
    restated = []
    for path, tree in sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            a = node.args
            pairs = list(zip(a.args[len(a.args) - len(a.defaults) :], a.defaults))
            pairs += [(k, d) for k, d in zip(a.kwonlyargs, a.kw_defaults) if d]
            for arg, d in pairs:
                if (
                    arg.arg in fields
                    and isinstance(d, ast.Constant)
                    and d.value is not None
                    and (path, arg.arg) not in PARAMETER_DEFAULTS
                ):
                    restated.append(f"{path}:{node.lineno}: {node.name}({arg.arg})")
    assert not restated, (
        "parameters named as an option field with a literal default (use None and "
        f"let the C++ struct decide): {restated}"
    )


def test_error_texts_read_the_names():
    """An error's "expected a, b or c" lists an enum's names from C++ (prose elsewhere
    may name them: docstrings and help describe)."""
    tables = {e: set(v) for e, v in _core.enum_names().items() if len(v) >= 2}
    restated = []
    for path, tree in sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.partition("expected")[2]
                words = set(re.findall(r"[\w-]+", text))
                restated += [
                    f"{path}:{node.lineno}: {e}"
                    for e, names in tables.items()
                    if len(names & words) >= 2
                ]
    assert not restated, f"error texts listing enum names: {restated}"
