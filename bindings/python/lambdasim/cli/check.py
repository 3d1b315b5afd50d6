# SPDX-License-Identifier: MIT
"""``lambdasim check PROFILE.json FILE``: a profile against a recorded sweep.

Exit 0 when every size is within ``--rtol``, 1 when one is not, 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys

from ._common import add_parser, add_platform_args, default, load_platform
from ._output import write_table
from ._sweepargs import add_sweep_args, load_sweep
from .curve import PROFILE_HELP
from .sweep import add_aggregate_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import primitives

    d = primitives.CheckOptions()
    p = add_parser(
        sub, "check", "compare a profile with a recorded sweep (exit 1 on drift)",
        "Compare a profile's predicted warm duration with a recorded sweep, size by size: "
        "the relative error (predicted - observed) / observed against --rtol, and whether "
        "the prediction falls inside the recorded p5..p95 band. Prints the tolerance and "
        "the rule applied. For CI jobs that guard a function's recorded behaviour.\n\n"
        "exit codes:\n"
        "  0  every size is within the tolerance\n"
        "  1  at least one size is not (the check failed)\n"
        "  2  bad input (one line on stderr naming the option or field and the value)",
        "lambdasim fit sweep.json -o profile.json\n"
        "lambdasim check profile.json new-sweep.json --rtol 0.15 || echo drifted",
    )
    p.add_argument("profile", metavar="PROFILE.json", help=PROFILE_HELP)
    add_sweep_args(p)
    p.add_argument("--rtol", type=float, default=default(d, "rtol"),
                   help="relative tolerance per size, a fraction (default: %(default)s)")
    add_platform_args(p, prices=False)
    add_aggregate_arg(p, d)
    p.add_argument("--format", choices=["csv", "json", "table"], default="table",
                   help="output (default: %(default)s)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import Profile, check

    profile = Profile.load(args.profile)
    s = load_sweep(args)
    result = check(profile, s, load_platform(args.platform), rtol=args.rtol,
                   aggregate=args.aggregate)
    if args.format == "table":
        print(f"rule: {result.rule}")
        sys.stdout.write(result.report())
    else:
        write_table(result.to_dict(), args.format,
                    meta={"passed": result.passed, "rtol": result.rtol,
                          "failures": result.failures, "rule": result.rule})
    return 0 if result.passed else 1
