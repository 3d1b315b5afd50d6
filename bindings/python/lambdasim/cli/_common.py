# SPDX-License-Identifier: MIT
"""What the subcommands share: help formatting, and defaults and enum names read from
the bound C++ option structs (never restated here)."""

from __future__ import annotations

import argparse
import re
import textwrap
from typing import Any


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the description and the example epilog as written."""


def add_parser(
    sub: Any, name: str, summary: str, description: str, example: str
) -> argparse.ArgumentParser:
    """A subcommand with a one-line summary, a paragraph and an example."""
    paragraphs = description.split("\n\n")
    text = "\n\n".join(
        p if p.startswith("exit codes") else textwrap.fill(p, 88) for p in paragraphs
    )
    return sub.add_parser(
        name,
        help=summary,
        description=text,
        epilog="example:\n"
        + "\n".join("  " + line for line in example.strip().splitlines()),
        formatter_class=HelpFormatter,
    )


def enum_names(obj: Any, field: str) -> list[str]:
    """The names a bound enum field accepts, read from libsim's own error message
    ("<field> = '?': expected a, b or c"): the C++ from_string is their one source."""
    try:
        setattr(obj, field, "?")
    except ValueError as err:
        m = re.search(r"expected (.*)$", str(err))
        if m:
            return [x.strip() for x in re.split(r",| or ", m.group(1)) if x.strip()]
    return []


def default(obj: Any, field: str) -> Any:
    """The C++ default of an option struct's field."""
    return getattr(obj, field)


def add_platform_args(p: argparse.ArgumentParser, prices: bool = True) -> None:
    """--platform (and --arch/--region when the command prices), shared by the commands
    that need a platform."""
    from .. import Platform, PriceTable

    names = Platform.names()
    p.add_argument(
        "--platform",
        default=Platform.aws_lambda().name,
        metavar="NAME|FILE",
        help=f"platform model: {', '.join(names)} (data recorded before Dec 2020), or a "
        "platform JSON file (default: %(default)s)",
    )
    if prices:
        p.add_argument(
            "--arch",
            default="x86_64",
            metavar="ARCH",
            help="architecture priced: x86_64 or arm64 (default: %(default)s)",
        )
        p.add_argument(
            "--region",
            default="us-east-1",
            metavar="REGION",
            help="AWS region priced, one of: "
            f"{', '.join(PriceTable.aws_regions())} (default: %(default)s)",
        )


def load_platform(spec: str) -> Any:
    """A platform by model name or from a JSON file (``Platform.resolve``)."""
    from .. import Platform

    return Platform.resolve(spec)
