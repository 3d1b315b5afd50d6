# SPDX-License-Identifier: MIT
"""``lambdasim check PROFILE.json FILE``: a profile against a recorded sweep.

Exit 0 when every size is within ``--rtol``, 1 when one is not, 2 on bad input.
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
    p.add_argument("--rtol", type=float, help="relative tolerance (default 0.1)")
    p.add_argument("--platform", default="aws-lambda",
                   help="aws-lambda, aws-lambda-2020 (data before Dec 2020) or a JSON file")
    p.add_argument("--aggregate", default="median", choices=["median", "trimmed_mean", "mean"])
    p.add_argument("--format", choices=["csv", "json", "table"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import Profile, check, check_table

    profile = Profile.load(args.profile)
    s = load_sweep(args)
    options: dict[str, object] = {"aggregate": args.aggregate}
    if args.rtol is not None:
        options["rtol"] = args.rtol
    result = check(profile, s, load_platform(args.platform), **options)
    if args.format == "table":
        sys.stdout.write(result.report())
    else:
        write_table(check_table(result), args.format,
                    meta={"passed": result.passed, "rtol": result.rtol,
                          "failures": result.failures})
    return 0 if result.passed else 1
