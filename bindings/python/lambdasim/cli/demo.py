# SPDX-License-Identifier: MIT
"""``lambdasim demo``: a what-if study of one example profile: a table, the
recommendation with its reason and runners-up, and its picture."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ._common import enum_names
from ._output import write_table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ._common import add_parser

    p = add_parser(
        sub,
        "demo",
        "what-if demo: a table, a recommendation and a plot for an example profile",
        "A what-if study of an example API handler (800 ms of single-threaded CPU at one "
        "vCPU, 120 ms of network waits, 250 ms INIT, 180 MB peak memory; "
        "examples/api.json): its duration and cost per million invocations on x86_64 "
        "and arm64 at the platform's landmark sizes, the recommended configuration with "
        "its reason and runners-up, and a picture of the curve. Nothing runs on AWS.",
        "lambdasim demo --plot demo.png\nlambdasim demo --memory 128,1024,1769,3008",
    )
    p.add_argument(
        "--plot",
        default="lambdasim-demo.png",
        metavar="FILE.png",
        help="PNG file to write the picture to (default: %(default)s)",
    )
    p.add_argument(
        "--memory",
        metavar="SPEC",
        help="sizes for the table (default: the platform's powers of two, one "
        "full vCPU and the largest size)",
    )
    p.set_defaults(func=run)


def example_profile():
    """An API handler: 800 ms of single-threaded CPU (at one vCPU), 120 ms of network
    waits, 250 ms INIT, 180 MB peak memory."""
    from .. import Profile

    return Profile(
        name="api-handler", cpu_ms=800, io_ms=120, init_ms=250, peak_memory_mb=180
    )


def run(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .. import Platform, PriceTable, _core, curve, recommend
    from .._plot import memory_ticks
    from .._recommend import versus

    profile = example_profile()
    aws = Platform.aws_lambda()
    sizes = (
        aws.parse_memory_spec(args.memory)
        if args.memory
        else np.asarray(memory_ticks(aws), dtype=np.float64)
    )
    region = _core.RecommendOptions().region
    # one curve per architecture, in the order of libsim's table (x86_64, arm64)
    curves = {
        arch: curve(profile, aws, PriceTable.aws(region, arch), memory_mb=sizes)
        for arch in enum_names("architecture")
    }
    first = next(iter(curves.values()))
    print(f"What-if: {profile!r} on AWS Lambda, {region}\n")
    per_million = {f"usd_per_M_{a}": c.cost_usd * 1e6 for a, c in curves.items()}
    write_table(
        {
            "memory_mb": first.memory_mb,
            "vcpu": first.vcpu,
            "warm_ms": first.warm_ms,
            "cold_ms": first.cold_ms,
            **per_million,
            "feasible": first.feasible,
        },
        "table",
        formats={"vcpu": ".3f", **dict.fromkeys(per_million, ".2f")},
    )
    r = recommend(profile, aws)
    print(
        f"\nRecommended over all {len(aws.memory_grid()):,} sizes and both architectures "
        f"({r.strategy} strategy): {r.memory_mb} MB {r.arch}, {r.warm_ms:,.0f} ms, "
        f"${r.cost_usd * 1e6:,.2f} per million"
    )
    print(f"  why: {r.reason}")
    chosen = r.to_dict()
    for ru in r.runners_up:
        print(
            f"  {ru['role']:>9}: {int(ru['memory_mb'])} MB {ru['arch']}, "
            f"{ru['warm_ms']:,.0f} ms, ${ru['cost_usd'] * 1e6:,.2f}/M "
            f"({versus(ru, chosen, False)})"
        )
    for c in r.caveats:
        print(f"  note: {c}")
    ax = r.plot()
    fig = ax[0].figure
    out = Path(args.plot)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    print(f"Plot written to {out}")
    return 0
