# SPDX-License-Identifier: MIT
"""``lambdasim recommend PROFILE.json``: the memory size, architecture and concurrency
option to run at, and why. Choices and defaults come from the C++ options struct."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from ._output import _plain
from .curve import load_platform

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
    "current": "current_memory_mb",
    "speed_ratio": "speed_ratio",
    "region": "region",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .. import _core

    d = _core.RecommendOptions()
    choices = _core.RECOMMEND_CHOICES
    p = sub.add_parser(
        "recommend",
        help="recommend a memory size, architecture and concurrency option",
        description="Recommend a configuration over every memory size, both architectures "
        "and (with --max-provisioned) provisioned concurrency, under constraints. Exits 2 "
        "naming an impossible constraint and the best value any configuration reaches.",
    )
    p.add_argument("profile", metavar="PROFILE.json", help="workload profile JSON")
    p.add_argument(
        "--strategy",
        choices=list(choices["strategy"]),
        help=f"objective (default: {d.strategy})",
    )
    p.add_argument(
        "--weight",
        metavar="W",
        type=float,
        help=f"balanced: weight of cost in [0, 1] (default: {d.weight})",
    )
    p.add_argument(
        "--arch",
        choices=[*choices["arch"], "both"],
        help="architectures to consider (default: both)",
    )
    p.add_argument(
        "--speed-ratio",
        metavar="R",
        type=float,
        help="how many times faster the other architecture runs the profile's "
        "CPU work (default: unknown, assumed 1.0 and said so)",
    )
    p.add_argument(
        "--memory",
        metavar="SPEC",
        help="sizes: a list 128,512,1769 or a range 128:10240:64 (default: all)",
    )
    p.add_argument(
        "--max-warm-ms", metavar="X", type=float, help="maximum warm duration"
    )
    p.add_argument(
        "--max-latency-ms",
        metavar="X",
        type=float,
        help="maximum latency percentile of all requests, cold starts included",
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
        help="monthly requests: price the month's bill, include cold starts",
    )
    p.add_argument("--budget-usd", metavar="B", type=float, help="monthly budget")
    p.add_argument(
        "--headroom",
        metavar="F",
        type=float,
        help=f"memory headroom over peak_memory_mb (default: {d.headroom:g})",
    )
    p.add_argument(
        "--max-provisioned",
        metavar="N",
        type=int,
        help="also consider 1..N provisioned instances",
    )
    p.add_argument(
        "--current",
        metavar="MB",
        type=float,
        help="current memory size: report what changes",
    )
    p.add_argument(
        "--platform",
        default="aws-lambda",
        help="platform model (aws-lambda, aws-lambda-2020) or a JSON file",
    )
    p.add_argument("--region", help=f"price region (default: {d.region})")
    p.add_argument(
        "--powertuning-url",
        action="store_true",
        help="also print a Power Tuning visualization URL of the predicted curve",
    )
    p.add_argument("--format", choices=["json", "table"], default="table")
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
    return out


def _ms(x: float) -> str:
    return f"{x:,.1f} ms" if x < 100 else f"{x:,.0f} ms"


def write_text(r: Any, out: Any) -> None:
    """A human-readable recommendation."""
    monthly = r.requests_per_month > 0
    pc = f" with {r.provisioned} provisioned instances" if r.provisioned else ""
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
        for _, row in df.iterrows():
            pcs = f" +{row['provisioned']} PC" if row["provisioned"] else ""
            money = (
                f"${row['monthly_usd']:,.2f}/month"
                if monthly
                else f"${row['cost_usd'] * 1e6:,.2f}/M"
            )
            out.write(
                f"  {row['role']:<22} {int(row['memory_mb']):>6} MB {row['arch']:<7}{pcs} "
                f"{_ms(row['warm_ms']):>10} {money:>14}  ({row['versus_choice']})\n"
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
    platform = load_platform(args.platform)
    if args.memory is not None:
        options["memory_mb"] = platform.parse_memory_spec(args.memory)
    r = recommend(profile, platform, arch=args.arch, **options)
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
