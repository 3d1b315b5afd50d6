# SPDX-License-Identifier: MIT
"""Arguments shared by the commands that read a recorded sweep (sweep, fit, check)."""

from __future__ import annotations

import argparse
from typing import Any

SWEEP_HELP = (
    "the recorded sweep: a Power Tuning output JSON (or an array of runs), a Power Tuning "
    "visualization URL (https://lambda-power-tuning.show/#...) or a file holding one, "
    "CloudWatch REPORT log lines (text or JSON lines), a REPORT metrics JSON, or a CSV "
    "with memory_mb and duration_ms columns"
)


def _pair(text: str, what: str) -> tuple[str, str]:
    if "=" not in text:
        msg = f"{what} = {text!r}: expected NAME=VALUE"
        raise ValueError(msg)
    k, v = text.split("=", 1)
    return k, v


def add_sweep_args(p: argparse.ArgumentParser) -> None:
    """FILE plus the loader options."""
    from .. import _core
    from ._common import enum_names

    loader = _core.SWEEP_LOAD_DEFAULTS  # load_options{} of the C++ loader
    p.add_argument("file", metavar="FILE|URL", help=SWEEP_HELP)
    p.add_argument(
        "--input-format",
        default=loader["format"],
        choices=enum_names("sweep_format"),
        help="format of FILE (default: %(default)s, detected from the content)",
    )
    p.add_argument(
        "--select",
        default=loader["select"],
        help="which run of a Power Tuning array (its index; without it the error "
        "lists the runs) or which series of a REPORT metrics file (e.g. "
        "python311/x86_64) (default: the only run or series)",
    )
    sources = enum_names("powertuning_source")
    p.add_argument(
        "--source",
        metavar="SOURCE",
        help="Power Tuning: take the curve from 'stats' or the 'visualization' "
        f"URL ({', '.join(sources)}; default: the loader's, stats when present)",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="CANONICAL=HEADER",
        help="CSV: map a canonical column to a header, e.g. "
        "memory_mb='Memory Size' (repeatable; default: the canonical names "
        "memory_mb, duration_ms, billed_duration_ms, init_duration_ms, "
        "max_memory_used_mb, n, timestamp)",
    )
    p.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="CSV: keep only rows whose COLUMN equals VALUE, e.g. "
        "function_name=api (repeatable; default: every row)",
    )


def load_sweep(args: argparse.Namespace) -> Any:
    """The sweep named by the arguments."""
    from .. import Sweep

    # an option left unset keeps the C++ loader's default
    source = {} if args.source is None else {"source": args.source}
    return Sweep.load(
        args.file,
        format=args.input_format,
        select=args.select,
        **source,
        columns=[_pair(c, "--column") for c in args.column],
        where=[_pair(w, "--where") for w in args.where],
    )
