# SPDX-License-Identifier: MIT
"""``lambdasim fit FILE``: fit a workload profile to a recorded sweep."""

from __future__ import annotations

import argparse
import sys

from ._output import write_table
from ._sweepargs import add_sweep_args, load_sweep
from .curve import load_platform

TABLE_FORMATS = {
    "observed_ms": ".1f",
    "predicted_ms": ".1f",
    "rel_error": "+.3f",
    "band_lo_ms": ".1f",
    "band_hi_ms": ".1f",
    "spread_lo_ms": ".1f",
    "spread_hi_ms": ".1f",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("fit", help="fit a workload profile to a recorded sweep")
    add_sweep_args(p)
    p.add_argument(
        "-o", "--output", metavar="PROFILE.json", help="write the fitted profile"
    )
    p.add_argument(
        "--sizes",
        metavar="LIST",
        help="fit on these recorded sizes only, e.g. 128,1024,3008",
    )
    p.add_argument(
        "--structure",
        default="auto",
        choices=["auto", "io_cpu", "threaded_cpu", "scaled_io", "gc_cpu"],
    )
    p.add_argument(
        "--platform",
        default="aws-lambda",
        help="aws-lambda, aws-lambda-2020 (data before Dec 2020) or a JSON file",
    )
    p.add_argument(
        "--aggregate", default="median", choices=["median", "trimmed_mean", "mean"]
    )
    p.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="threads or processes your code runs in parallel, if known "
        "(the fit then estimates the serial/parallel split)",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="recording date: picks the platform in force that day",
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--name", help="name of the fitted profile")
    p.add_argument("--format", choices=["csv", "json", "table"], default="table")
    p.set_defaults(func=run)


def _sizes(text: str) -> list[float]:
    try:
        return [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        msg = f"--sizes = {text!r}: expected a list like 128,1024,3008"
        raise ValueError(msg) from None


def run(args: argparse.Namespace) -> int:
    from .. import fit, fit_table

    s = load_sweep(args)
    options = {
        "structure": args.structure,
        "aggregate": args.aggregate,
        "seed": args.seed,
    }
    if args.sizes:
        options["sizes"] = _sizes(args.sizes)
    if args.name:
        options["name"] = args.name
    if args.threads is not None:
        options["threads"] = args.threads
    if args.date:
        options["date"] = args.date
    result = fit(s, load_platform(args.platform), **options)
    if args.output:
        result.profile.save(args.output)
    t = fit_table(result)
    write_table(
        t,
        args.format,
        formats=TABLE_FORMATS,
        meta={
            "source": s.meta.source,
            "structure": result.structure,
            "reason": result.reason,
            "mape": result.mape,
            "profile": result.profile.to_json(),
        },
    )
    if args.format == "table":
        print(f"structure: {result.reason}")
        print(
            f"MAPE: {100 * result.mape:.2f} % (fitting sizes {100 * result.mape_fit:.2f} %)"
        )
        for name, v, sd in zip(
            result.param_names, result.param_values, result.param_sd
        ):
            print(f"{name} = {v:.6g}" + ("" if sd != sd else f" +- {sd:.3g}"))  # noqa: PLR0124 - NaN test
    for d in list(s.diagnostics) + list(result.diagnostics):
        print(f"lambdasim fit: note: {d}", file=sys.stderr)
    return 0
