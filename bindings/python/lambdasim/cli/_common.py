# SPDX-License-Identifier: MIT
"""What the subcommands share: help formatting, and defaults and enum names read from
the bound C++ option structs (never restated here)."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the description and the example epilog as written."""


def add_parser(
    sub: Any, name: str, summary: str, description: str, example: str
) -> argparse.ArgumentParser:
    """A subcommand with a one-line summary, a paragraph and an example."""
    paragraphs = description.split("\n\n")
    text = "\n\n".join(
        p if p.startswith("exit codes") else textwrap.fill(p, 88) for p in paragraphs
    )
    return sub.add_parser(
        name,
        help=summary,
        description=text,
        epilog="example:\n"
        + "\n".join("  " + line for line in example.strip().splitlines()),
        formatter_class=HelpFormatter,
    )


def enum_names(enum: str) -> list[str]:
    """The names of a libsim enum (``fit_structure``, ``aggregation``, ...) from its one
    table in C++ (``enum_names.hpp``, bound as ``_core.enum_names()``)."""
    from .. import _core

    return list(_core.enum_names()[enum])


def default(obj: Any, field: str) -> Any:
    """The C++ default of an option struct's field."""
    return getattr(obj, field)


def add_platform_args(
    p: argparse.ArgumentParser, prices: bool = True, default_help: str | None = None
) -> None:
    """--platform (and --arch/--region when the command prices), shared by the commands
    that need a platform. ``default_help`` says what an unset --platform means (default:
    the platform a fitted profile records)."""
    from .. import Platform, PriceTable, _core
    from .._defaults import default_arch

    names = Platform.names()
    p.add_argument(
        "--platform",
        default=None,
        metavar="NAME|FILE",
        help=f"platform model: {', '.join(names)} (data recorded before Dec 2020), or a "
        "platform JSON file (default: "
        + (
            default_help
            or f"the platform a fitted profile records, else {Platform.aws_lambda().name}"
        )
        + ")",
    )
    if prices:
        p.add_argument(
            "--arch",
            default=None,
            metavar="ARCH",
            help="architecture priced: "
            + " or ".join(enum_names("architecture"))
            + " (default: the architecture the profile records, "
            + f"{default_arch()} unless it says otherwise)",
        )
        p.add_argument(
            "--speed-ratio",
            metavar="R",
            type=float,
            help="with --arch other than the architecture the profile was measured "
            "on: how many times faster its CPU work runs there, e.g. 1.03 for rust "
            "from arm64 to x86_64 (models/architecture-speed.json; 1.25 means 0.8 of "
            "the time) (default: none, the measured speed, ratio 1.0, with a warning)",
        )
        p.add_argument(
            "--region",
            default=_core.RecommendOptions().region,
            metavar="REGION",
            help="AWS region priced, one of: "
            f"{', '.join(PriceTable.aws_regions())} (default: %(default)s)",
        )


def load_priced_profile(args: argparse.Namespace) -> Any:
    """The profile of ``args.profile``, moved to ``--arch`` with ``--speed-ratio`` when
    both are given (the facade's ``speed_ratio=``: ``Profile.on_architecture``)."""
    from .. import Profile
    from .._defaults import on_priced_arch

    profile = Profile.load(args.profile)
    ratio = getattr(args, "speed_ratio", None)
    try:
        return on_priced_arch(profile, args.arch, ratio)
    except ValueError as e:  # the flag's name, as the command line spells it
        raise ValueError(
            str(e)
            .replace("speed_ratio =", "--speed-ratio =", 1)
            .replace("arch=", "--arch", 1)
        ) from None


def load_platform(spec: str | None, profile: Any = None) -> Any:
    """A platform by model name or from a JSON file (``Platform.resolve``); None: the
    platform a fitted ``profile`` records, else the default platform."""
    from .._defaults import resolve_platform

    return resolve_platform(spec, profile)


def add_arrival_args(p: argparse.ArgumentParser) -> None:
    """The arrival options, one source for every command that simulates traffic:
    exactly one of --rate, --hourly-rates or --trace, with --days for the first two
    (``arrival_kwargs`` turns them into the keywords of ``simulate``/``simulate_lmi``)."""
    traffic = p.add_mutually_exclusive_group(required=True)
    traffic.add_argument(
        "--rate",
        metavar="PER_SECOND",
        type=float,
        help="Poisson arrivals, requests per second (one of --rate, "
        "--hourly-rates, --trace is required)",
    )
    traffic.add_argument(
        "--hourly-rates",
        metavar="R0,R1,...",
        help="requests per second for each hour, repeated (24 for a day; one of "
        "the three arrival options is required)",
    )
    traffic.add_argument(
        "--trace",
        metavar="FILE",
        help="CSV of request timestamps in epoch seconds (one of the three arrival "
        "options is required)",
    )
    p.add_argument(
        "--days",
        metavar="D",
        type=float,
        help="simulated period in days for --rate / --hourly-rates (required "
        "with them)",
    )
    p.add_argument(
        "--column",
        default="",
        metavar="NAME",
        help="timestamp column of --trace (default: timestamp_s, or "
        "client_start_time in a file without timestamp_s)",
    )


def arrival_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The parsed arrival options as keywords: rate, hourly_rates, trace, trace_column,
    days. Errors name the option and the value."""
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
    return {
        "rate": args.rate,
        "hourly_rates": hourly,
        "trace": args.trace,
        "trace_column": args.column,
        "days": args.days,
    }


def add_lmi_args(p: argparse.ArgumentParser) -> Any:
    """--compute and the Lambda Managed Instances options of a command that runs on
    either, in a group it returns (``lmi_options`` turns them into ``LmiConfig``
    fields; unset ones keep libsim's defaults from models/lmi-aws.json)."""
    from .. import _core

    c = _core.LmiConfig()
    group = p.add_argument_group("Lambda Managed Instances (--compute lmi)")
    group.add_argument(
        "--compute",
        choices=[k for k in enum_names("compute_kind") if k != "provisioned"],
        help="how the function runs: on-demand Lambda or Lambda Managed Instances "
        "(default: on-demand Lambda)",
    )
    group.add_argument(
        "--instance-type",
        metavar="T",
        help="EC2 instance type, e.g. m7g.large (required with --compute lmi)",
    )
    group.add_argument(
        "--memory-per-vcpu",
        metavar="GIB",
        type=float,
        help="environment memory per vCPU, GiB (2 to 8; default: "
        f"{default(c, 'memory_per_vcpu_gib'):g}, an assumption AWS does not publish)",
    )
    group.add_argument(
        "--environment-memory",
        metavar="GIB",
        type=float,
        help="memory of one execution environment, GiB (default: the smallest "
        "valid environment at --memory-per-vcpu)",
    )
    group.add_argument(
        "--concurrency",
        metavar="C",
        type=int,
        help="requests one environment runs at once (default: the runtime's "
        "concurrency per vCPU times the environment's vCPUs)",
    )
    group.add_argument(
        "--runtime",
        metavar="NAME",
        help="runtime for the default concurrency (python, nodejs, java, ...; "
        f"default: {default(c, 'runtime') or 'none'})",
    )
    group.add_argument(
        "--ec2-discount",
        metavar="D",
        type=float,
        help="Savings Plan / RI discount on the EC2 part, a fraction (the fee is "
        f"never discounted; default: {default(c, 'ec2_discount'):g})",
    )
    return group


# argparse destination -> LmiConfig field
_LMI_OPTIONS = {
    "memory_per_vcpu": "memory_per_vcpu_gib",
    "environment_memory": "environment_memory_gib",
    "concurrency": "concurrency_per_environment",
    "runtime": "runtime",
    "ec2_discount": "ec2_discount",
}


def lmi_options(args: argparse.Namespace) -> dict[str, Any]:
    """The LMI options given, as ``LmiConfig`` fields, and ``--instance-type`` checked."""
    if not args.instance_type:
        msg = "--compute lmi requires --instance-type (e.g. m7g.large)"
        raise ValueError(msg)
    return {
        field: getattr(args, dest)
        for dest, field in _LMI_OPTIONS.items()
        if getattr(args, dest) is not None
    }
