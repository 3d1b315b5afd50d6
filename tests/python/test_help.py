# SPDX-License-Identifier: MIT
"""Help that teaches: every registered verb has a paragraph, an example, help on every
option (with its default where it has one) and, where it can exit 1, the exit codes."""

from __future__ import annotations

import argparse
import re

import pytest
from lambdasim.cli import COMMANDS, build_parser


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    )
    return dict(action.choices)


def test_every_module_in_commands_is_registered():
    names = set(subparsers())
    assert len(names) == len(COMMANDS)


@pytest.mark.parametrize("name", sorted(subparsers()))
def test_help_teaches(name):
    p = subparsers()[name]
    assert p.description and len(p.description.split()) >= 15, name
    assert p.epilog and "example" in p.epilog, name
    assert f"lambdasim {name}" in p.epilog, name
    missing = []
    for action in p._actions:
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue
        flag = action.option_strings[0] if action.option_strings else action.dest
        text = action.help or ""
        if len(text) <= 10:
            missing.append(f"{flag}: no help")
        # An option that takes a value says what happens without it.
        takes_value = action.option_strings and action.nargs != 0
        said = set(re.sub(r"[(),:;]", " ", text).split())
        if takes_value and not action.required and not {"default", "required"} & said:
            missing.append(f"{flag}: default not stated")
    assert not missing, f"{name}: " + "; ".join(missing)


@pytest.mark.parametrize("name", ["check"])
def test_exit_codes_where_a_verb_can_exit_1(name):
    text = subparsers()[name].format_help()
    assert "exit codes" in text and " 1 " in text and " 2 " in text


def test_aws_figures_in_help_are_the_models_data():
    """The free tier, the Savings Plan range and the LMI memory-per-vCPU range quoted
    in --help are those of models/*.json, read here from the files themselves."""
    import json
    from pathlib import Path

    models = Path(__file__).resolve().parents[2] / "models"
    prices = json.loads((models / "prices-aws-lambda.json").read_text())
    lmi = json.loads((models / "lmi-aws.json").read_text())
    free = next(v for k, v in _walk(prices) if k == "free_tier")
    bill = " ".join(a.help or "" for a in subparsers()["bill"]._actions)
    bill = re.sub(r"\s+", " ", bill)
    assert f"{free['requests'] / 1e6:g} M requests, {free['gb_s']:,.0f} GB-s" in bill
    sp = lmi["savings_plans"]
    assert (
        f"({sp['lambda_compute_min_published_discount']:g} to "
        f"{sp['lambda_compute_max_discount']:g};" in bill
    )
    lim = lmi["limits"]
    assert (
        f"({lim['memory_per_vcpu_gib_min']:g} to {lim['memory_per_vcpu_gib_max']:g};"
        in bill
    )


def _walk(obj):
    """Every (key, value) of a JSON document, depth first."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k, v
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)
