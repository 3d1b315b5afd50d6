# SPDX-License-Identifier: MIT
"""``lambdasim sweep FILE``: a recorded sweep, one row per memory size."""

from __future__ import annotations

import argparse
import sys

import numpy as np

from ._output import write_table
from ._sweepargs import add_sweep_args, load_sweep

TABLE_FORMATS = {
    "duration_ms": ".1f",
    "p5_ms": ".1f",
    "p95_ms": ".1f",
    "init_ms": ".1f",
    "billed_ms": ".1f",
    "max_memory_used_mb": ".0f",
    "n": ".0f",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sweep", help="a recorded sweep, one row per size")
    add_sweep_args(p)
    p.add_argument(
        "--aggregate", default="median", choices=["median", "trimmed_mean", "mean"]
    )
    p.add_argument("--format", choices=["csv", "json", "table"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import summary_table

    s = load_sweep(args)
    t = summary_table(s, args.aggregate)
    cols = {k: t[k] for k in ("memory_mb", "n", "duration_ms", "p5_ms", "p95_ms")}
    for k in ("init_ms", "billed_ms", "max_memory_used_mb"):
        if not np.all(np.isnan(t[k])):
            cols[k] = t[k]
    for d in s.diagnostics:
        print(f"lambdasim sweep: note: {d}", file=sys.stderr)
    write_table(
        cols,
        args.format,
        formats=TABLE_FORMATS,
        meta={
            "source": s.meta.source,
            "format": s.meta.format,
            "aggregate": args.aggregate,
        },
    )
    return 0
