# SPDX-License-Identifier: MIT
"""``lambdasim recommend PROFILE.json``: the memory size, architecture and concurrency
option to run at, and why. Choices and defaults come from the C++ options struct."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from ._common import add_parser, enum_names
from ._output import _plain, add_format_arg
from .curve import PROFILE_HELP, load_platform

# argparse destination -> RecommendOptions field; unset arguments keep the C++ defaults
_OPTIONS = {
    "strategy": "strategy",
    "weight": "weight",
    "max_warm_ms": "max_warm_ms",
    "max_latency_ms": "max_latency_ms",
    "percentile": "percentile",
    "requests_per_month": "requests_per_month",
    "budget_usd": "budget_usd",
    "headroom": "headroom",
    "max_provisioned": "max_provisioned",
    "simulated_hours": "simulated_hours",
    "current": "current_memory_mb",
    "speed_ratio": "speed_ratio",
    "region": "region",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import Platform, _core

    d = _core.RecommendOptions()
    p = add_parser(
        sub,
        "recommend",
        "recommend a memory size, architecture and concurrency option",
        "Recommend a configuration over every memory size, both architectures and "
        "(with --max-provisioned) provisioned concurrency, or Lambda Managed Instances "
        "(--compute), under constraints, and say why: the objective or the constraint "
        "that decided, the runners-up, and what the choice assumes. With "
        "--requests-per-month the month's bill is priced and the latency percentile "
        "includes cold starts. docs/choosing.md explains the strategies with a worked "
        "example.\n\n"
        "exit codes: 0 a recommendation was printed; 2 bad input, or a constraint no "
        "configuration meets\n"
        "(the line names it and the best value any configuration reaches).",
        "lambdasim recommend profile.json --requests-per-month 3e6 --max-latency-ms 1500\n"
        "lambdasim recommend profile.json --strategy cost --arch arm64 --format json",
    )
    p.add_argument("profile", metavar="PROFILE.json", help=PROFILE_HELP)
    p.add_argument(
        "--strategy",
        choices=enum_names("recommend_strategy"),
        help="objective: cost (cheapest), speed (fastest), balanced (Power "
        f"Tuning's weighted score) or knee (default: {d.strategy})",
    )
    p.add_argument(
        "--weight",
        metavar="W",
        type=float,
        help=f"balanced: weight of cost in [0, 1] (default: {d.weight:g})",
    )
    p.add_argument(
        "--arch",
        choices=[*enum_names("architecture"), "both"],
        help="architectures to consider (default: both)",
    )
    p.add_argument(
        "--speed-ratio",
        metavar="R",
        type=float,
        help="how many times faster the profile's CPU work runs on the other "
        "architecture, e.g. 1.25 (default: unknown, assumed 1.0 and said so)",
    )
    p.add_argument(
        "--memory",
        metavar="SPEC",
        help="sizes in MB: a list 128,512,1769 or a range 128:10240:64 "
        "(default: every size)",
    )
    p.add_argument(
        "--max-warm-ms",
        metavar="MS",
        type=float,
        help="maximum warm duration in ms (default: no limit)",
    )
    p.add_argument(
        "--max-latency-ms",
        metavar="MS",
        type=float,
        help="maximum latency in ms at --percentile of all requests, cold starts "
        "included (default: no limit)",
    )
    p.add_argument(
        "--percentile",
        metavar="P",
        type=float,
        help=f"the latency percentile (default: {d.percentile:g})",
    )
    p.add_argument(
        "--requests-per-month",
        metavar="N",
        type=float,
        help="requests per month: price the month's bill and include cold starts "
        "(default: none, cost per invocation only)",
    )
    p.add_argument(
        "--budget-usd",
        metavar="USD",
        type=float,
        help="largest monthly bill in USD (default: no limit)",
    )
    p.add_argument(
        "--headroom",
        metavar="F",
        type=float,
        help="memory headroom over the profile's peak_memory_mb, a fraction "
        f"(default: {d.headroom:g})",
    )
    p.add_argument(
        "--max-provisioned",
        metavar="N",
        type=int,
        help="also consider 1..N provisioned instances (default: "
        f"{d.max_provisioned}, on demand only)",
    )
    p.add_argument(
        "--simulated-hours",
        metavar="H",
        type=float,
        help="shortest period of Poisson traffic simulated per option where the load "
        "is too high for the closed form, in hours (default: "
        f"{d.simulated_hours:g}); shorter runs faster, with a noisier cold fraction",
    )
    p.add_argument(
        "--current",
        metavar="MB",
        type=float,
        help="current memory size in MB: report what changes (default: none)",
    )
    p.add_argument(
        "--platform",
        default=Platform.aws_lambda().name,
        metavar="NAME|FILE",
        help=f"platform model: {', '.join(Platform.names())}, or a platform JSON "
        "file (default: %(default)s)",
    )
    p.add_argument(
        "--region",
        metavar="REGION",
        help=f"AWS region priced (default: {d.region})",
    )
    p.add_argument(
        "--powertuning-url",
        action="store_true",
        help="also print a Power Tuning visualization URL of the predicted curve",
    )
    p.add_argument(
        "--compute",
        metavar="LIST",
        help="compute options to consider, comma-separated: "
        f"{','.join(enum_names('compute_kind'))} (default: on-demand, plus provisioned "
        "with --max-provisioned)",
    )
    p.add_argument(
        "--instance-type",
        metavar="T",
        help="LMI instance type, e.g. m7g.large (required when --compute includes lmi)",
    )
    p.add_argument(
        "--no-progress",
        action="store_true",
        help="never show a progress bar (by default one is shown on stderr when the "
        "traffic simulations are long, e.g. many provisioned levels under high load)",
    )
    add_format_arg(
        p,
        ("json", "table"),
        "output (default: %(default)s); the json keys memory_mb, arch, "
        "provisioned_concurrency, warm_ms, cost_usd, monthly_usd, reason, runners_up "
        "are a contract (provisioned: the deprecated name of provisioned_concurrency, "
        "same value, kept)",
    )
    p.set_defaults(func=run)


def as_json(r: Any) -> dict[str, Any]:
    """The recommendation as plain JSON-able values."""
    from .._recommend import versus

    monthly = r.requests_per_month > 0
    chosen = r.to_dict()
    out: dict[str, Any] = {k: _plain(v) for k, v in chosen.items()}
    if not monthly:
        out.pop("monthly_usd", None)
    out["requests_per_month"] = _plain(r.requests_per_month)
    out["method_detail"] = r.method_detail
    out["caveats"] = r.caveats
    out["runners_up"] = []
    for ru in r.runners_up:
        row = {
            k: _plain(v) for k, v in ru.items() if k not in ("band_lo_ms", "band_hi_ms")
        }
        if not monthly:
            row.pop("monthly_usd", None)
        row["versus_choice"] = versus(
            ru, {**chosen, "monthly_usd": r.monthly_usd or math.nan}, monthly
        )
        out["runners_up"].append(row)
    if r.change is not None:
        out["change"] = {k: _plain(v) for k, v in r.change.items()}
    if r.lmi is not None:
        # the LMI plan (chosen when compute is "lmi"): a key added, none renamed
        plan = r.lmi
        out["lmi"] = {
            "instance_type": plan.bill.instance_type,
            "instances": int(plan.instances),
            "environments": int(plan.environments),
            "bound": plan.bound,
            "total_usd": _plain(plan.bill.total_usd),
        }
    return out


def _ms(x: float) -> str:
    return f"{x:,.1f} ms" if x < 100 else f"{x:,.0f} ms"


def write_text(r: Any, out: Any) -> None:
    """A human-readable recommendation."""
    monthly = r.requests_per_month > 0
    npc = r.provisioned_concurrency
    pc = f" with {npc} provisioned instance{'s' if npc != 1 else ''}" if npc else ""
    if r.compute == "lmi" and r.lmi is not None:
        # not a Lambda memory setting: the instances and their environments' size
        plan = r.lmi
        out.write(
            f"Recommended: Lambda Managed Instances, {plan.instances} x "
            f"{plan.bill.instance_type} ({plan.environments} environments of "
            f"{r.memory_mb} MB {r.arch})\n"
        )
    else:
        out.write(f"Recommended: {r.memory_mb} MB {r.arch}{pc}\n")
    out.write(
        f"  warm {_ms(r.warm_ms)}, p{r.percentile:g} {_ms(r.latency_ms)}, "
        f"${r.cost_usd * 1e6:,.2f} per million warm invocations"
    )
    if monthly:
        out.write(
            f", ${r.monthly_usd:,.2f} a month at {r.requests_per_month:,.0f} requests"
        )
    out.write(f"\n  why: {r.reason}\n  latency: {r.method_detail}\n")
    if r.runners_up:
        out.write("Runners-up:\n")
        df = r.to_dataframe().iloc[1:]
        # columns aligned however long a role, a provisioned count or a bill is
        money = [
            f"${row['monthly_usd']:,.2f}/month"
            if monthly
            else f"${row['cost_usd'] * 1e6:,.2f}/M"
            for _, row in df.iterrows()
        ]
        pcs = [f" +{p} PC" if p else "" for p in df["provisioned_concurrency"]]
        role_w = max(len(str(x)) for x in df["role"])
        pc_w, money_w = max(map(len, pcs)), max(map(len, money))
        for (_, row), pc, usd in zip(df.iterrows(), pcs, money):
            out.write(
                f"  {row['role']:<{role_w}} {int(row['memory_mb']):>6} MB "
                f"{row['arch']:<7}{pc:<{pc_w}} "
                f"{_ms(row['warm_ms']):>10} {usd:>{money_w}}  ({row['versus_choice']})\n"
            )
    ch = r.change
    if ch is not None:
        out.write(
            f"From the current {ch['current_memory_mb']} MB {ch['current_arch']}: cost "
            f"{ch['cost_change'] * 100:+.1f} %, warm duration "
            f"{ch['duration_change'] * 100:+.1f} %"
        )
        if ch["monthly_usd_change"] is not None:
            out.write(f", {ch['monthly_usd_change']:+,.2f} USD a month")
        out.write("\n")
    for c in r.caveats:
        out.write(f"Note: {c}\n")


def run(args: argparse.Namespace) -> int:
    from .. import Profile, recommend

    options = {
        field: getattr(args, dest)
        for dest, field in _OPTIONS.items()
        if getattr(args, dest) is not None
    }
    profile = Profile.load(args.profile)
    platform = load_platform(args.platform, profile)
    if args.memory is not None:
        options["memory_mb"] = platform.parse_memory_spec(args.memory)
    if args.compute is not None:
        options["compute"] = [c.strip() for c in args.compute.split(",") if c.strip()]
        if "lmi" in options["compute"]:
            from .. import lmi_config

            if not args.instance_type:
                raise ValueError(
                    "--compute lmi requires --instance-type (e.g. m7g.large)"
                )
            options["lmi"] = lmi_config(args.instance_type)
    r = recommend(
        profile,
        platform,
        arch=args.arch,
        progress=False if args.no_progress else None,
        **options,
    )
    url = r.powertuning_url() if args.powertuning_url else None
    if args.format == "json":
        obj = as_json(r)
        if url is not None:
            obj["powertuning_url"] = url
        json.dump(obj, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        write_text(r, sys.stdout)
        if url is not None:
            sys.stdout.write(f"Power Tuning chart of the predicted curve: {url}\n")
    return 0
