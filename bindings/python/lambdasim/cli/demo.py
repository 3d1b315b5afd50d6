# SPDX-License-Identifier: MIT
"""``lambdasim demo``: a what-if study of one example profile, as a table and a plot."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ._output import write_table

SIZES = "128,256,512,1024,1769,2048,3008,4096,10240"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="what-if demo: a table and a plot for an example profile")
    p.add_argument("--plot", default="lambdasim-demo.png", help="PNG file to write")
    p.add_argument("--memory", metavar="SPEC", default=SIZES, help="sizes for the table")
    p.set_defaults(func=run)


def example_profile():  # noqa: ANN201 - returns Profile
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

    from .. import Platform, PriceTable, curve

    profile = example_profile()
    aws = Platform.aws_lambda()
    sizes = aws.parse_memory_spec(args.memory)
    x86 = curve(profile, aws, PriceTable.aws("us-east-1", "x86_64"), memory_mb=sizes)
    arm = curve(profile, aws, PriceTable.aws("us-east-1", "arm64"), memory_mb=sizes)
    print(f"What-if: {profile!r} on AWS Lambda, us-east-1\n")
    write_table(
        {
            "memory_mb": x86.memory_mb,
            "vcpu": x86.vcpu,
            "warm_ms": x86.warm_ms,
            "cold_ms": x86.cold_ms,
            "usd_per_M_x86": x86.cost_usd * 1e6,
            "usd_per_M_arm64": arm.cost_usd * 1e6,
            "feasible": x86.feasible,
        },
        "table",
        formats={
            "vcpu": ".3f",
            "warm_ms": ".1f",
            "cold_ms": ".1f",
            "usd_per_M_x86": ".2f",
            "usd_per_M_arm64": ".2f",
        },
    )
    full_x86 = curve(profile, aws, PriceTable.aws("us-east-1", "x86_64"))
    full_arm = curve(profile, aws, PriceTable.aws("us-east-1", "arm64"))
    best = full_x86.cheapest()
    best_arm = full_arm.cheapest()
    print(
        f"\nCheapest over all {len(full_x86)} sizes: x86_64 {int(best['memory_mb'])} MB "
        f"(${best['cost_usd'] * 1e6:.2f}/M, {best['warm_ms']:.0f} ms), arm64 "
        f"{int(best_arm['memory_mb'])} MB (${best_arm['cost_usd'] * 1e6:.2f}/M)"
    )
    fig, ax = plt.subplots(2, 1, sharex=True, figsize=(8, 6), constrained_layout=True)
    full_x86.plot(ax=ax, label="x86_64")
    ax[1].plot(full_arm.memory_mb, np.where(full_arm.feasible, full_arm.cost_usd * 1e6, np.nan),
               label="arm64", color="tab:orange")
    ax[1].legend()
    ax[0].set_title(f"{profile.name}: duration and cost vs memory (AWS Lambda, us-east-1)")
    out = Path(args.plot)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    print(f"Plot written to {out}")
    return 0
