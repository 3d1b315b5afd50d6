# SPDX-License-Identifier: MIT
"""``lambdasim check PROFILE.json FILE``: a profile against a recorded sweep.

Exit 0 when the whole curve's shift stays within ``--shift-tolerance`` (or, with
``--rtol``, every size within it), 1 when not, 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys

from ._output import write_table
from ._sweepargs import add_sweep_args, load_sweep
from .curve import load_platform


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="compare a profile with a recorded sweep")
    p.add_argument("profile", metavar="PROFILE.json")
    add_sweep_args(p)
    p.add_argument(
        "--rtol",
        type=float,
        help="per-size rule: fail when any size is off by more than this",
    )
    p.add_argument(
        "--shift-tolerance",
        type=float,
        metavar="X",
        help="largest accepted shift of the whole curve (default 0.1)",
    )
    p.add_argument(
        "--platform",
        default="aws-lambda",
        help="aws-lambda, aws-lambda-2020 (data before Dec 2020) or a JSON file",
    )
    p.add_argument(
        "--aggregate", default="median", choices=["median", "trimmed_mean", "mean"]
    )
    p.add_argument("--format", choices=["csv", "json", "table"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import Profile, check, check_table

    profile = Profile.load(args.profile)
    s = load_sweep(args)
    options: dict[str, object] = {"aggregate": args.aggregate}
    if args.rtol is not None:
        options["rtol"] = args.rtol
    if args.shift_tolerance is not None:
        options["shift_tolerance"] = args.shift_tolerance
    result = check(profile, s, load_platform(args.platform), **options)
    if args.format == "table":
        sys.stdout.write(result.report())
    else:
        write_table(
            check_table(result),
            args.format,
            meta={
                "passed": result.passed,
                "rtol": result.rtol,
                "failures": result.failures,
                "rule": result.rule,
                "shift": result.shift,
                "detectable_shift": result.detectable_shift,
            },
        )
    for w in result.warnings:
        print(f"lambdasim check: warning: {w}", file=sys.stderr)
    return 0 if result.passed else 1
