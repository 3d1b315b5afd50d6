# SPDX-License-Identifier: MIT
"""``lambdasim curve PROFILE.json``: duration and cost at each memory size."""

from __future__ import annotations

import argparse

from ._output import write_table

TABLE_FORMATS = {
    "vcpu": ".3f",
    "warm_ms": ".1f",
    "cold_ms": ".1f",
    "warm_billed_ms": ".0f",
    "gb_s": ".4f",
    "cost_usd": ".4e",
}


def add_platform_args(p: argparse.ArgumentParser) -> None:
    """--platform and --arch/--region, shared by the commands that price a profile."""
    p.add_argument(
        "--platform",
        default="aws-lambda",
        help="platform model name (aws-lambda, aws-lambda-2020) or a platform JSON file",
    )
    p.add_argument("--arch", choices=["x86_64", "arm64"], default="x86_64")
    p.add_argument("--region", default="us-east-1")


def load_platform(spec: str):
    """A platform by model name or from a JSON file (``Platform.resolve``)."""
    from .. import Platform

    return Platform.resolve(spec)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("curve", help="duration and cost at each memory size")
    p.add_argument("profile", metavar="PROFILE.json", help="workload profile JSON")
    p.add_argument(
        "--memory",
        metavar="SPEC",
        help="sizes: a list 128,512,1769 or an inclusive range 128:10240:64 "
        "(default: every size)",
    )
    add_platform_args(p)
    p.add_argument("--format", choices=["csv", "json", "table"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import PriceTable, Profile, curve

    profile = Profile.load(args.profile)
    platform = load_platform(args.platform)
    memory = None if args.memory is None else platform.parse_memory_spec(args.memory)
    prices = PriceTable.aws(args.region, args.arch)
    c = curve(profile, platform, prices, memory_mb=memory)
    write_table(
        c.to_dict(),
        args.format,
        formats=TABLE_FORMATS,
        meta={
            "profile": profile.name,
            "platform": platform.name,
            "arch": args.arch,
            "region": args.region,
        },
    )
    return 0
