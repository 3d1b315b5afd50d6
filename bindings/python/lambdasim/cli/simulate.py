# SPDX-License-Identifier: MIT
"""``lambdasim simulate PROFILE.json --memory MB (--rate R --days D | --trace FILE)``:
cold starts, latency percentiles, concurrency and the month's bill under traffic."""

from __future__ import annotations

import argparse

from ._common import (
    add_arrival_args,
    add_lmi_args,
    add_parser,
    add_platform_args,
    arrival_kwargs,
    default,
    lmi_options,
    load_platform,
    load_priced_profile,
)
from ._output import add_format_arg, write_object
from .curve import PROFILE_HELP


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import primitives

    d = primitives.SimulateOptions()
    p = add_parser(
        sub,
        "simulate",
        "simulate the instance pool: cold starts, latency, concurrency, bill",
        "Simulate a function's instance pool under traffic (Poisson at a rate, a rate per "
        "hour repeated, or a recorded trace): which requests start cold, the latency "
        "percentiles including INIT, concurrency, throttles at a reserved-concurrency "
        "cap, and the month's bill with the simulated cold fraction. Keep-alive and "
        "recycling come from the platform's recorded data unless given. Seeded: the same "
        "seed gives the same numbers on every machine. docs/simulation.md explains the "
        "model. With --compute lmi the function runs on Lambda Managed Instances "
        "instead: environments serving many requests at once on EC2 instances that "
        "autoscale (docs/lmi.md); the same arrival options apply.",
        "lambdasim simulate profile.json --memory 1024 --rate 0.01 --days 7\n"
        "lambdasim simulate profile.json --memory 1024 --trace requests.csv "
        "--provisioned-concurrency 2\n"
        "lambdasim simulate profile.json --compute lmi --instance-type m7g.large "
        "--rate 500 --days 1",
    )
    p.add_argument("profile", metavar="PROFILE.json", help=PROFILE_HELP)
    p.add_argument(
        "--memory",
        metavar="MB",
        type=float,
        help="memory size in MB (required for on-demand)",
    )
    add_arrival_args(p)
    p.add_argument(
        "--keep-alive",
        metavar="S",
        type=float,
        help="seconds an idle instance stays warm (default: the platform's "
        "recorded keep-alive distribution)",
    )
    p.add_argument(
        "--max-lifetime",
        metavar="S",
        type=float,
        help="fixed maximum instance lifetime in seconds; 0 turns recycling off "
        "(default: the platform's fitted recycling model)",
    )
    p.add_argument(
        "--provisioned-concurrency",
        "--provisioned",
        dest="provisioned_concurrency",
        metavar="N",
        type=int,
        help="provisioned concurrency, instances always warm (default: "
        f"{default(d, 'provisioned_concurrency')}; --provisioned is its old name)",
    )
    p.add_argument(
        "--reserved-concurrency",
        "--reserved",
        dest="reserved_concurrency",
        metavar="N",
        type=int,
        help="reserved concurrency, a cap: excess requests are throttled "
        "(default: no cap; --reserved is its old name)",
    )
    p.add_argument(
        "--initial-instances",
        "--initial-warm",
        dest="initial_instances",
        metavar="N",
        type=int,
        help="on-demand instances already warm at the start (default: a trace's "
        "is_cold column says whether its first request was warm, else 0; "
        "--initial-warm is its old name)",
    )
    p.add_argument(
        "--seed",
        metavar="S",
        type=int,
        help=f"random seed, an integer >= 0 (default: {default(d, 'seed')})",
    )
    p.add_argument(
        "--replications",
        metavar="N",
        type=int,
        default=default(d, "replications"),
        help="independent runs, merged (default: %(default)s)",
    )
    p.add_argument(
        "--threads",
        metavar="N",
        type=int,
        default=default(d, "threads"),
        help="worker threads, 0 = all cores; results never depend on it "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--max-requests",
        metavar="N",
        type=float,
        default=default(d, "max_requests"),
        help="refuse a run expecting more requests than this, with an estimate "
        "of its time (default: %(default)g, about 1.5 minutes)",
    )
    p.add_argument(
        "--cold-fraction-level",
        metavar="L",
        type=float,
        default=default(d, "cold_fraction_level"),
        help="confidence of the cold fraction's interval, cold_fraction_lo/hi, in (0, 1) "
        "(default: %(default)g)",
    )
    add_platform_args(p)
    p.add_argument(
        "--free-tier", action="store_true", help="apply the free tier to the bill"
    )
    p.add_argument(
        "--no-progress", action="store_true", help="never show a progress bar"
    )
    add_lmi_args(p)
    add_format_arg(p, ("json", "table"))
    p.set_defaults(func=run)


# options of the on-demand instance pool, which Lambda Managed Instances do not have
_ON_DEMAND_ONLY = (
    "memory",
    "speed_ratio",
    "keep_alive",
    "max_lifetime",
    "provisioned_concurrency",
    "reserved_concurrency",
    "initial_instances",
)


def run_lmi(args: argparse.Namespace) -> int:
    """``--compute lmi``: the LMI simulation with the same arrivals."""
    from .. import Profile, __version__, simulate_lmi

    for dest in _ON_DEMAND_ONLY:
        value = getattr(args, dest)
        if value is not None:
            flag = "--" + dest.replace("_", "-")
            shown = (
                f"{value:g}" if isinstance(value, float) else value
            )  # 1024, not 1024.0
            msg = f"{flag} = {shown}: does not apply to --compute lmi"
            raise ValueError(msg)
    profile = Profile.load(args.profile)
    s = simulate_lmi(
        profile,
        args.instance_type,
        **arrival_kwargs(args),
        seed=args.seed,
        max_requests=args.max_requests,
        **lmi_options(args),
    )
    out = {
        "profile": profile.name,
        "compute": "lmi",
        "instance_type": args.instance_type,
        **s.to_dict(),
        "seed": s.core.seed,
        "lambdasim_version": __version__,
        "assumptions": "; ".join(s.assumptions),
    }
    write_object(out, args.format)
    return 0


def run(args: argparse.Namespace) -> int:
    from .. import __version__, simulate

    if args.compute == "lmi":
        return run_lmi(args)
    if args.memory is None:
        msg = "--memory is required with --compute on-demand"
        raise ValueError(msg)
    profile = load_priced_profile(args)
    platform = load_platform(args.platform, profile)
    r = simulate(
        profile,
        args.memory,
        **arrival_kwargs(args),
        platform=platform,
        arch=args.arch,
        region=args.region,
        keep_alive=args.keep_alive,
        max_lifetime=args.max_lifetime,
        provisioned_concurrency=args.provisioned_concurrency,
        reserved_concurrency=args.reserved_concurrency,
        initial_instances=args.initial_instances,
        seed=args.seed,
        replications=args.replications,
        threads=args.threads,
        max_requests=args.max_requests,
        cold_fraction_level=args.cold_fraction_level,
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
