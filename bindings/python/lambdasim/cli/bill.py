# SPDX-License-Identifier: MIT
"""``lambdasim bill PROFILE.json --memory MB --requests-per-month N``: the month's bill."""

from __future__ import annotations

import argparse

from ._output import write_object
from .curve import load_platform


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bill", help="the month's AWS bill at one memory size, itemised")
    p.add_argument("profile", metavar="PROFILE.json", help="workload profile JSON")
    p.add_argument("--memory", metavar="MB", type=float, required=True, help="memory size")
    p.add_argument("--requests-per-month", metavar="N", type=float, required=True)
    p.add_argument("--platform", default="aws-lambda",
                   help="platform model name (aws-lambda, aws-lambda-2020) or a JSON file")
    p.add_argument("--arch", choices=["x86_64", "arm64"], default="x86_64")
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--cold-fraction", metavar="F", type=float,
                   help="fraction of on-demand requests that are cold starts, in [0, 1]")
    p.add_argument("--free-tier", action="store_true", help="apply the monthly free tier")
    p.add_argument("--storage-mb", metavar="MB", type=float,
                   help="configured ephemeral storage (default: the free amount)")
    p.add_argument("--provisioned", metavar="N", type=int,
                   help="provisioned concurrency (instances)")
    p.add_argument("--provisioned-hours", metavar="H", type=float,
                   help="hours per month provisioned concurrency is enabled")
    p.add_argument("--provisioned-request-fraction", metavar="F", type=float,
                   help="fraction of requests served by provisioned instances")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="billing rules in force on this date (granularity, INIT)")
    p.add_argument("--package", choices=["zip", "image"], help="deployment package type")
    p.add_argument("--custom-runtime", action="store_true", help="OS-only runtime")
    p.add_argument("--account-gb-s", metavar="GB_S", type=float,
                   help="GB-s the rest of the account uses this month (tier offset)")
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.set_defaults(func=run)


# argparse destination -> BillOptions field; unset arguments keep the library defaults
_OPTIONS = {
    "requests_per_month": "requests_per_month",
    "cold_fraction": "cold_fraction",
    "storage_mb": "storage_mb",
    "provisioned": "provisioned_concurrency",
    "provisioned_hours": "provisioned_hours",
    "provisioned_request_fraction": "provisioned_request_fraction",
    "date": "date",
    "package": "package",
    "account_gb_s": "account_gb_s_offset",
}


def run(args: argparse.Namespace) -> int:
    from .. import Profile, bill

    options = {field: getattr(args, dest) for dest, field in _OPTIONS.items()
               if getattr(args, dest) is not None}
    if args.free_tier:
        options["free_tier"] = True
    if args.custom_runtime:
        options["custom_runtime"] = True
    profile = Profile.load(args.profile)
    platform = load_platform(args.platform)
    b = bill(profile, args.memory, platform, arch=args.arch, region=args.region, **options)
    out = {"profile": profile.name, "arch": args.arch, "region": args.region, **b.to_dict()}
    write_object(out, args.format)
    return 0
