# SPDX-License-Identifier: MIT
"""``lambdasim sweep FILE``: a recorded sweep, one row per memory size."""

from __future__ import annotations

import argparse

import numpy as np

from ._common import add_parser, default, enum_names
from ._output import add_format_arg, write_table
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


def add_aggregate_arg(p: argparse.ArgumentParser, options: object) -> None:
    """--aggregate, its names and default from the bound option struct."""
    names = enum_names("aggregation")
    p.add_argument(
        "--aggregate",
        default=default(options, "aggregate"),
        metavar="NAME",
        help="how each size's durations are reduced: "
        + ", ".join(names)
        + " (trimmed_mean is Power Tuning's; default: %(default)s)",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import primitives

    p = add_parser(
        sub,
        "sweep",
        "a recorded sweep, one row per size",
        "Read a recorded sweep in any supported format and print one row per memory "
        "size: invocations, the aggregate duration and the p5..p95 band, and the billed "
        "duration, INIT and memory used where recorded. Loader notes (skipped lines, "
        "several functions mixed in one file) go to stderr.",
        "lambdasim sweep data/powertuning/aws_docs_prime_example.json\n"
        "lambdasim sweep 'https://lambda-power-tuning.show/#gAAAAQACAAQ=;...;...'\n"
        "lambdasim sweep runs.csv --column memory_mb=mem --column duration_ms=ms "
        "--where function=api",
    )
    add_sweep_args(p)
    add_aggregate_arg(p, primitives.CheckOptions())
    add_format_arg(p, ("csv", "json", "table"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import summarize

    s = load_sweep(args)
    t = summarize(s, args.aggregate).to_dict()
    cols = {k: t[k] for k in ("memory_mb", "n", "duration_ms", "p5_ms", "p95_ms")}
    for k in ("init_ms", "billed_ms", "max_memory_used_mb"):
        if not np.all(np.isnan(t[k])):
            cols[k] = t[k]
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
