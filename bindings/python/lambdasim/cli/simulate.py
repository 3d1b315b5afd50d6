# SPDX-License-Identifier: MIT
"""``lambdasim simulate PROFILE.json --memory MB (--rate R --days D | --trace FILE)``:
cold starts, latency percentiles, concurrency and the month's bill under traffic."""

from __future__ import annotations

import argparse

from ._output import write_object
from .curve import load_platform


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "simulate",
        help="simulate the instance pool: cold starts, latency, concurrency, bill",
    )
    p.add_argument("profile", metavar="PROFILE.json", help="workload profile JSON")
    p.add_argument(
        "--memory", metavar="MB", type=float, required=True, help="memory size"
    )
    traffic = p.add_mutually_exclusive_group(required=True)
    traffic.add_argument(
        "--rate",
        metavar="PER_SECOND",
        type=float,
        help="Poisson arrivals, requests per second",
    )
    traffic.add_argument(
        "--hourly-rates",
        metavar="R0,R1,...",
        help="requests per second for each hour, repeated (24 for a day)",
    )
    traffic.add_argument(
        "--trace", metavar="FILE", help="CSV of request timestamps in epoch seconds"
    )
    p.add_argument(
        "--days",
        metavar="D",
        type=float,
        help="simulated period for --rate / --hourly-rates",
    )
    p.add_argument(
        "--column",
        default="",
        help="timestamp column of --trace (default timestamp_s, or "
        "client_start_time in a file without timestamp_s)",
    )
    p.add_argument(
        "--keep-alive",
        metavar="S",
        type=float,
        help="seconds an idle instance stays warm (default: the platform's data)",
    )
    p.add_argument(
        "--max-lifetime",
        metavar="S",
        type=float,
        help="fixed maximum instance lifetime; 0 turns recycling off "
        "(default: the platform's fitted recycling model)",
    )
    p.add_argument(
        "--provisioned", metavar="N", type=int, help="provisioned concurrency"
    )
    p.add_argument(
        "--reserved", metavar="N", type=int, help="reserved concurrency (a cap)"
    )
    p.add_argument(
        "--initial-warm",
        metavar="N",
        type=int,
        help="instances already warm at the start (default: a trace's "
        "is_cold column says whether its first request was warm, else 0)",
    )
    p.add_argument("--seed", metavar="S", type=int)
    p.add_argument("--replications", metavar="N", type=int)
    p.add_argument("--threads", metavar="N", type=int)
    p.add_argument(
        "--platform",
        default="aws-lambda",
        help="platform model name (aws-lambda, aws-lambda-2020) or a JSON file",
    )
    p.add_argument("--arch", choices=["x86_64", "arm64"], default="x86_64")
    p.add_argument("--region", default="us-east-1")
    p.add_argument(
        "--free-tier", action="store_true", help="apply the free tier to the bill"
    )
    p.add_argument(
        "--no-progress", action="store_true", help="never show a progress bar"
    )
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import Profile, __version__, simulate

    if args.trace is None and args.days is None:
        msg = "--days is required with --rate or --hourly-rates"
        raise ValueError(msg)
    if args.trace is not None and args.days is not None:
        msg = "--days does not apply to --trace (the trace sets its own period)"
        raise ValueError(msg)
    hourly = None
    if args.hourly_rates is not None:
        try:
            hourly = [float(x) for x in args.hourly_rates.split(",")]
        except ValueError:
            msg = (
                f"--hourly-rates = '{args.hourly_rates}': expected numbers like 1,2.5,0"
            )
            raise ValueError(msg) from None
    profile = Profile.load(args.profile)
    platform = load_platform(args.platform)
    r = simulate(
        profile,
        args.memory,
        rate=args.rate,
        hourly_rates=hourly,
        trace=args.trace,
        trace_column=args.column,
        days=args.days,
        platform=platform,
        arch=args.arch,
        region=args.region,
        keep_alive=args.keep_alive,
        max_lifetime=args.max_lifetime,
        provisioned=args.provisioned,
        reserved=args.reserved,
        initial_warm=args.initial_warm,
        seed=args.seed,
        replications=args.replications,
        threads=args.threads,
        progress=False if args.no_progress else None,
        bill={"free_tier": True} if args.free_tier else None,
    )
    bill = r.bill
    out = {
        "profile": profile.name,
        "platform": platform.name,
        **r.summary(),
        "warm_ms": r.warm_ms,
        "cold_ms": r.cold_ms,
        "compute_usd": bill.compute_usd,
        "requests_usd": bill.requests_usd,
        "init_usd": bill.init_usd,
        "provisioned_usd": bill.provisioned_usd,
        "requests_per_month": bill.requests,
        "seed": r.seed,
        "lambdasim_version": __version__,
    }
    write_object(out, args.format)
    return 0
