# SPDX-License-Identifier: MIT
"""help() is useful in a notebook: every public class, function, method and property of
lambdasim._core has a doc string that says more than its signature."""

from __future__ import annotations

import inspect
import re

import lambdasim._core as core

SIGNATURE = re.compile(r"^\s*(\d+\.\s*)?\w+\(.*\)\s*->.*$")


def words(doc: str | None) -> str:
    """The doc string without pybind11's signature lines."""
    lines = (doc or "").strip().splitlines()
    return " ".join(
        line.strip()
        for line in lines
        if line.strip()
        and not SIGNATURE.match(line)
        and line.strip() != "Overloaded function."
    )


def public_members():
    for name, obj in vars(core).items():
        if name.startswith("_"):
            continue
        if inspect.isclass(obj):
            yield name, obj
            for attr, member in vars(obj).items():
                if attr.startswith("_") or not (
                    isinstance(member, property) or callable(member)
                ):
                    continue
                if isinstance(member, type):  # a nested enum or class
                    continue
                if type(member).__name__ == "pybind11_static_property":
                    # pybind11's static properties drop their doc string (the type has
                    # no __dict__ to hold it); the bound text stays in the source.
                    continue
                if isinstance(member, staticmethod):  # its own doc, not staticmethod's
                    member = getattr(obj, attr)
                yield f"{name}.{attr}", member
        elif callable(obj):
            yield name, obj


def test_every_public_name_has_a_doc_string():
    missing = [
        name for name, obj in public_members() if len(words(obj.__doc__).split()) < 2
    ]
    assert not missing, f"{len(missing)} without a doc string: {missing[:40]}"


def test_the_verbs_and_types_say_what_they_do():
    # the header comments reach Python (spot checks against the headers' wording)
    assert "bill" in words(core.MonthlyBill.__doc__).lower()
    assert "free tier" in words(core.BillOptions.free_tier.__doc__).lower()
    assert words(core.curve.__doc__)
    assert words(core.Profile.__doc__)
