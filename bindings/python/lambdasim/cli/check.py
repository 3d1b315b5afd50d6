# SPDX-License-Identifier: MIT
"""``lambdasim check PROFILE.json FILE``: a profile against a recorded sweep.

Exit 0 when the whole curve's shift stays within ``--shift-tolerance`` (or, with
``--rtol``, every size within it), 1 when not, 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys

from ._common import add_parser, add_platform_args, default, load_platform
from ._output import add_format_arg, write_table
from ._sweepargs import add_sweep_args, load_sweep
from .curve import PROFILE_HELP
from .sweep import add_aggregate_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import primitives

    d = primitives.CheckOptions()
    p = add_parser(
        sub,
        "check",
        "compare a profile with a recorded sweep (exit 1 on drift)",
        "Compare a profile's predicted warm duration with a recorded sweep. By default "
        "the shift of the whole curve (median over sizes of ln(observed / predicted), "
        "with an interval from the sizes' own scatter) is judged against "
        "--shift-tolerance, and single sizes outside their band are warnings on stderr; "
        "deviations are observed / predicted - 1 per size and overall, so a slowdown "
        "is positive; "
        "--rtol selects the per-size rule (every size within rtol). Prints the rule and "
        "tolerance applied. For CI jobs that guard a function's recorded behaviour.\n\n"
        "exit codes:\n"
        "  0  within the tolerance (the check passed)\n"
        "  1  beyond it (the check failed)\n"
        "  2  bad input (one line on stderr naming the option or field and the value)",
        "lambdasim fit sweep.json -o profile.json\n"
        "lambdasim check profile.json new-sweep.json --rtol 0.15 || echo drifted",
    )
    p.add_argument("profile", metavar="PROFILE.json", help=PROFILE_HELP)
    add_sweep_args(p)
    p.add_argument(
        "--rtol",
        type=float,
        help="per-size rule: fail when any size's |observed / predicted - 1| exceeds "
        "this fraction (default: not set, the shift rule judges)",
    )
    p.add_argument(
        "--shift-tolerance",
        type=float,
        metavar="X",
        default=default(d, "shift_tolerance"),
        help="largest accepted relative shift of the whole curve, a fraction "
        "(default: %(default)s)",
    )
    add_platform_args(p, prices=False)
    add_aggregate_arg(p, d)
    add_format_arg(p, ("csv", "json", "table"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import Profile, check

    profile = Profile.load(args.profile)
    s = load_sweep(args)
    result = check(
        profile,
        s,
        load_platform(args.platform, profile),
        rtol=args.rtol,
        shift_tolerance=args.shift_tolerance,
        aggregate=args.aggregate,
    )
    if args.format == "table":
        print(f"rule: {result.rule_description}")
        sys.stdout.write(result.report())
    else:
        write_table(
            result.to_dict(),
            args.format,
            meta={
                "passed": result.passed,
                "rtol": result.rtol,
                "failures": result.failures,
                "rule": result.rule,
                "shift": result.shift,
                "shift_lo": result.shift_lo,
                "shift_hi": result.shift_hi,
                "max_abs_deviation": result.max_abs_deviation,
                "detectable_shift": result.detectable_shift,
                "rule_description": result.rule_description,
            },
        )
    for w in result.warnings:
        print(f"lambdasim check: warning: {w}", file=sys.stderr)
    return 0 if result.passed else 1
