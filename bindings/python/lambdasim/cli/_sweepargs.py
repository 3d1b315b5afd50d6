# SPDX-License-Identifier: MIT
"""Arguments shared by the commands that read a recorded sweep (sweep, fit, check)."""

from __future__ import annotations

import argparse
from typing import Any


def _pair(text: str, what: str) -> tuple[str, str]:
    if "=" not in text:
        msg = f"{what} = {text!r}: expected NAME=VALUE"
        raise ValueError(msg)
    k, v = text.split("=", 1)
    return k, v


def add_sweep_args(p: argparse.ArgumentParser) -> None:
    """FILE plus the loader options."""
    p.add_argument(
        "file",
        metavar="FILE",
        help="Power Tuning JSON, REPORT log lines, REPORT metrics JSON or CSV",
    )
    p.add_argument(
        "--input-format",
        default="auto",
        choices=["auto", "powertuning", "report", "report_metrics", "csv"],
        help="format of FILE (default: detected from its content)",
    )
    p.add_argument(
        "--select",
        default="",
        help="run index (Power Tuning arrays) or series (REPORT metrics, e.g. "
        "python311/x86_64)",
    )
    p.add_argument(
        "--source",
        default="auto",
        choices=["auto", "stats", "visualization"],
        help="Power Tuning: where the curve comes from",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="CANONICAL=HEADER",
        help="CSV: map a canonical column to a header, e.g. memory_mb='Memory Size'",
    )
    p.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="CSV: keep only rows whose COLUMN equals VALUE",
    )


def load_sweep(args: argparse.Namespace) -> Any:
    """The sweep named by the arguments."""
    from .. import Sweep

    return Sweep.load(
        args.file,
        format=args.input_format,
        select=args.select,
        source=args.source,
        columns=[_pair(c, "--column") for c in args.column],
        where=[_pair(w, "--where") for w in args.where],
    )
