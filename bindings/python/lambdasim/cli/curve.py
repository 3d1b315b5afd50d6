# SPDX-License-Identifier: MIT
"""``lambdasim curve PROFILE.json``: duration and cost at each memory size."""

from __future__ import annotations

import argparse

from ._common import (
    add_parser,
    add_platform_args,
    load_platform,
    load_priced_profile,
)
from ._output import add_format_arg, write_table

# --format table only: figures people read (csv and json stay machine-exact)
# (durations as format_value writes them: to the millisecond from 100 ms)
TABLE_FORMATS = {
    "vcpu": ".3f",
    "gb_s": ".4f",
    "usd_per_million": ".2f",
}

PROFILE_HELP = (
    'workload profile JSON: {"schema_version": 1, "components": [{"kind": "cpu", '
    '"work_ms": 800}, {"kind": "io", "ms": 120}], "init_ms": 250} '
    "(docs/profile.md has every key)"
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_parser(
        sub,
        "curve",
        "duration and cost at each memory size",
        "Predict a profile's warm and cold duration, billed duration, GB-seconds and cost "
        "of one warm invocation (duration plus request charge, USD) at each memory size, "
        "from the platform model and the region's prices. Sizes below the profile's "
        "peak_memory_mb are infeasible: not priced, feasible = false.",
        "lambdasim curve profile.json --memory 128,512,1769 --arch arm64\n"
        "lambdasim curve profile.json --memory 128:10240:64 --format csv > curve.csv",
    )
    p.add_argument("profile", metavar="PROFILE.json", help=PROFILE_HELP)
    p.add_argument(
        "--memory",
        metavar="SPEC",
        help="sizes in MB: a list 128,512,1769 or an inclusive range START:STOP:STEP "
        "(default: every size of the platform, 10,113 on AWS Lambda)",
    )
    add_platform_args(p)
    add_format_arg(
        p,
        ("csv", "json", "table"),
        "output: csv and json are exact (cost_usd per invocation); table "
        "rounds and shows USD per million invocations (default: %(default)s)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import curve
    from .._defaults import resolve_prices

    profile = load_priced_profile(args)
    platform = load_platform(args.platform, profile)
    memory = None if args.memory is None else platform.parse_memory_spec(args.memory)
    prices = resolve_prices(None, args.region, args.arch, profile)
    c = curve(profile, platform, prices, memory_mb=memory)
    columns = c.to_dict()
    if args.format == "table":
        columns = {k: v for k, v in columns.items() if k != "cost_usd"}
        columns["usd_per_million"] = c.cost_usd * 1e6
    write_table(
        columns,
        args.format,
        formats=TABLE_FORMATS,
        meta={
            "profile": profile.name,
            "platform": platform.name,
            "arch": prices.arch,
            "region": prices.region,
        },
    )
    return 0
