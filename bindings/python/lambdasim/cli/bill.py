# SPDX-License-Identifier: MIT
"""``lambdasim bill PROFILE.json --memory MB --requests-per-month N``: the bill.

``--compute lmi --instance-type T`` prices Lambda Managed Instances instead: the
capacity planned from the profile at that traffic, or ``--instances K`` all month."""

from __future__ import annotations

import argparse

from ._common import (
    add_lmi_args,
    add_parser,
    add_platform_args,
    default,
    enum_names,
    lmi_options,
    load_platform,
    load_priced_profile,
)
from ._output import add_format_arg, write_object
from .curve import PROFILE_HELP


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import _core, primitives

    d = primitives.BillOptions()
    # AWS figures quoted in the help come from models/ (never restated here)
    rules = _core.BillingRules.aws()
    lmi_model = _core.LmiModel.aws()
    p = add_parser(
        sub,
        "bill",
        "the month's AWS bill at one memory size, itemised",
        "Price one month of a function at one memory size: compute (tiered GB-seconds "
        "after the free tier), requests, billed INIT of cold starts, ephemeral storage, "
        "provisioned concurrency and SnapStart, with the billing rules in force on --date. "
        "docs/billing.md explains each line.",
        "lambdasim bill profile.json --memory 2048 --requests-per-month 4e6 \\\n"
        "    --cold-fraction 0.01 --free-tier --arch arm64 --format json",
    )
    p.add_argument("profile", metavar="PROFILE.json", help=PROFILE_HELP)
    p.add_argument(
        "--memory",
        metavar="MB",
        type=float,
        help="memory size in MB (required for on-demand)",
    )
    p.add_argument(
        "--requests-per-month",
        metavar="N",
        type=float,
        required=True,
        help="requests in the month (required)",
    )
    add_platform_args(p)
    p.add_argument(
        "--cold-fraction",
        metavar="F",
        type=float,
        help="fraction of on-demand requests that are cold starts, in [0, 1] "
        f"(default: {default(d, 'cold_fraction'):g})",
    )
    p.add_argument(
        "--free-tier",
        action="store_true",
        help="apply the monthly free tier ("
        f"{rules.free_tier_requests / 1e6:g} M requests, "
        f"{rules.free_tier_gb_s:,.0f} GB-s)",
    )
    p.add_argument(
        "--storage-mb",
        metavar="MB",
        type=float,
        help="configured ephemeral storage in MB "
        f"(default: {default(d, 'storage_mb'):g}, the free amount)",
    )
    p.add_argument(
        "--provisioned-concurrency",
        "--provisioned",
        dest="provisioned_concurrency",
        metavar="N",
        type=int,
        help="provisioned concurrency, instances (default: "
        f"{default(d, 'provisioned_concurrency')}; --provisioned is its old name)",
    )
    p.add_argument(
        "--provisioned-hours",
        metavar="H",
        type=float,
        help="hours per month provisioned concurrency is enabled "
        f"(default: {default(d, 'provisioned_hours'):g})",
    )
    p.add_argument(
        "--provisioned-request-fraction",
        metavar="F",
        type=float,
        help="fraction of requests served by provisioned instances "
        f"(default: {default(d, 'provisioned_request_fraction'):g})",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="billing rules in force on this date: granularity and INIT "
        "(default: the current rules)",
    )
    p.add_argument(
        "--package",
        metavar="TYPE",
        help="deployment package: "
        + " or ".join(enum_names("package_type"))
        + f" (default: {default(d, 'package')})",
    )
    p.add_argument(
        "--custom-runtime",
        action="store_true",
        help="OS-only runtime (provided.al2023 ...): INIT always billed",
    )
    p.add_argument(
        "--account-gb-s",
        metavar="GB_S",
        type=float,
        help="GB-s the rest of the account uses this month in the region and "
        "architecture: the tiers start above it "
        f"(default: {default(d, 'account_gb_s_offset'):g})",
    )
    p.add_argument(
        "--savings-plan-discount",
        metavar="F",
        type=float,
        help="Compute Savings Plan discount on duration and provisioned "
        "concurrency, a fraction ("
        f"{lmi_model.lambda_sp_min_published_discount:g} to "
        f"{lmi_model.lambda_sp_max_discount:g}; default: "
        f"{default(d, 'savings_plan_discount'):g}, none)",
    )
    lmi = add_lmi_args(p)
    lmi.add_argument(
        "--instances",
        metavar="K",
        type=int,
        help="instances all month (default: planned from the profile)",
    )
    lmi.add_argument(
        "--peak-to-mean",
        metavar="R",
        type=float,
        help="capacity is planned for the mean rate times this ratio "
        "(default: the mean rate itself)",
    )
    add_format_arg(
        p,
        ("json", "table"),
        "output (default: %(default)s); json keys are the documented "
        "contract, table rounds USD to cents",
    )
    p.set_defaults(func=run)


# argparse destination -> BillOptions field; unset arguments keep the library defaults
_OPTIONS = {
    "requests_per_month": "requests_per_month",
    "cold_fraction": "cold_fraction",
    "storage_mb": "storage_mb",
    "provisioned_concurrency": "provisioned_concurrency",
    "provisioned_hours": "provisioned_hours",
    "provisioned_request_fraction": "provisioned_request_fraction",
    "date": "date",
    "package": "package",
    "account_gb_s": "account_gb_s_offset",
    "savings_plan_discount": "savings_plan_discount",
}


def run_lmi(args: argparse.Namespace) -> int:
    """``--compute lmi``: the LMI bill, planned from the profile or for --instances."""
    from .. import Profile, lmi_bill
    from .._defaults import default_region

    if args.speed_ratio is not None:
        msg = f"--speed-ratio = {args.speed_ratio:g}: does not apply to --compute lmi"
        raise ValueError(msg)
    options = lmi_options(args)
    profile = Profile.load(args.profile)
    if args.instances is not None:
        b = lmi_bill(
            args.instance_type,
            instances=args.instances,
            requests_per_month=args.requests_per_month,
            **options,
        )
    else:
        b = lmi_bill(
            args.instance_type,
            profile=profile,
            peak_to_mean=args.peak_to_mean,  # None: the library's default
            requests_per_month=args.requests_per_month,
            **options,
        )
    out = {
        "profile": profile.name,
        "region": default_region(),
        **b.to_dict(),
        "assumptions": "; ".join(b.assumptions),
    }
    write_object(out, args.format)
    return 0


def run(args: argparse.Namespace) -> int:
    from .. import bill

    if args.compute == "lmi":
        return run_lmi(args)
    if args.memory is None:
        raise ValueError("--memory is required with --compute on-demand")

    options = {
        field: getattr(args, dest)
        for dest, field in _OPTIONS.items()
        if getattr(args, dest) is not None
    }
    if args.free_tier:
        options["free_tier"] = True
    if args.custom_runtime:
        options["custom_runtime"] = True
    profile = load_priced_profile(args)
    platform = load_platform(args.platform, profile)
    b = bill(
        profile, args.memory, platform, arch=args.arch, region=args.region, **options
    )
    meta = {"profile": profile.name, "arch": b.prices.arch, "region": b.prices.region}
    # --format table prints figures people read (USD in cents: write_object)
    write_object({**meta, **b.to_dict()}, args.format)
    return 0
