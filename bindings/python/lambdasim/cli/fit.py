# SPDX-License-Identifier: MIT
"""``lambdasim fit FILE``: fit a workload profile to a recorded sweep."""

from __future__ import annotations

import argparse
import math

from ._common import add_parser, add_platform_args, default, enum_names, load_platform
from ._output import add_format_arg, write_table
from ._sweepargs import add_sweep_args, load_sweep
from .sweep import add_aggregate_arg

# durations (*_ms) as format_value writes them: to the millisecond from 100 ms
TABLE_FORMATS = {"rel_error": "+.1%"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import primitives
    from .._defaults import default_arch

    d = primitives.FitOptions()
    p = add_parser(
        sub,
        "fit",
        "fit a workload profile to a recorded sweep",
        "Fit a workload profile (io + cpu, or a richer structure when the data demand it) "
        "to a recorded sweep, print the observed and predicted duration per size with the "
        "prediction band, the structure chosen and why, and the fitted parameters; -o "
        "writes the profile for curve, bill, check and simulate. Fit notes go to stderr.",
        "lambdasim fit data/powertuning/aws_docs_prime_example.json --sizes 128,256,1024 "
        "-o prime.json\n"
        "lambdasim fit sweep.csv --structure threaded_cpu --platform aws-lambda-2020\n"
        "lambdasim fit bench.csv --load sustained --arch arm64 -o bench.json",
    )
    add_sweep_args(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="PROFILE.json",
        help="write the fitted profile to this file (default: print the fit "
        "table only)",
    )
    p.add_argument(
        "--sizes",
        metavar="LIST",
        help="fit on these recorded sizes only (MB), e.g. 128,1024,3008; the "
        "others are held out (default: every size)",
    )
    p.add_argument(
        "--structure",
        default=default(d, "structure"),
        metavar="NAME",
        help="model structure: "
        + ", ".join(enum_names("fit_structure"))
        + " (default: %(default)s, chosen by an information criterion)",
    )
    add_platform_args(
        p,
        prices=False,
        default_help="aws-lambda, or the platform in force on the recording date "
        "(--date, or the date the file carries)",
    )
    add_aggregate_arg(p, d)
    p.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="threads or processes your code runs in parallel, if known "
        "(the fit then estimates the serial/parallel split; default: unknown, "
        "the reason lists the plausible counts)",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="recording date: picks the platform in force that day (default: the "
        "date the file carries, if its format has one: REPORT line timestamps, a CSV "
        "timestamp/date column; Power Tuning output has none)",
    )
    p.add_argument(
        "--arch",
        metavar="ARCH",
        help="architecture the sweep was measured on, recorded in the profile (so "
        "curve, bill and recommend price it there): "
        + " or ".join(enum_names("architecture"))
        + " (default: the one the file says, a CSV arch/architecture column or a "
        "REPORT metrics series path such as python311/arm64; else "
        + default_arch()
        + ", with a note in the reason)",
    )
    p.add_argument(
        "--load",
        default=default(d, "load"),
        choices=enum_names("sweep_load"),
        help="what the durations measure: per_invocation, single calls (the "
        "platform's throttling: cfs), or sustained, time per operation under sustained "
        "load, e.g. 1000 / ops/s of a benchmark run of many seconds (smooth "
        "throttling: the CPU quota is used up every period) (default: %(default)s)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=default(d, "seed"),
        help="seed of the bootstrap (default: %(default)s)",
    )
    p.add_argument("--name", help=f"name of the fitted profile (default: {d.name})")
    add_format_arg(p, ("csv", "json", "table"))
    p.set_defaults(func=run)


def _sizes(text: str) -> list[float]:
    try:
        return [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        msg = f"--sizes = {text!r}: expected a list like 128,1024,3008"
        raise ValueError(msg) from None


def run(args: argparse.Namespace) -> int:
    from .. import fit

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
    if args.arch:
        options["arch"] = args.arch
    options["load"] = args.load
    result = fit(s, load_platform(args.platform), **options)
    if args.output:
        result.profile.save(args.output)
    write_table(
        result.to_dict(),
        args.format,
        formats=TABLE_FORMATS,
        meta={
            "source": s.meta.source,
            "structure": result.structure,
            "reason": result.reason,
            "platform": result.platform_name,
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
            print(f"{name} = {v:.6g}" + ("" if math.isnan(sd) else f" +- {sd:.3g}"))
    return 0
