# SPDX-License-Identifier: MIT
"""The ``lambdasim`` command line: one module per subcommand, registered in COMMANDS.

Exit codes: 0 success, 1 a check failed (``check``), 2 bad input (one line on stderr
naming the field and value).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import bill as _bill
from . import check as _check
from . import curve as _curve
from . import demo as _demo
from . import fit as _fit
from . import recommend as _recommend
from . import simulate as _simulate
from . import sweep as _sweep

if TYPE_CHECKING:
    from collections.abc import Sequence

# Each module provides register(subparsers) -> None and sets `func` on its parser.
COMMANDS = [_curve, _bill, _sweep, _fit, _check, _simulate, _recommend, _demo]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="lambdasim",
        description="Predict AWS Lambda duration and cost across memory sizes, offline.",
    )
    parser.add_argument(
        "--version", action="version", version=f"lambdasim {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (ValueError, OSError, KeyError) as err:
        message = str(err).strip().splitlines()[0] if str(err).strip() else repr(err)
        print(f"lambdasim {args.command}: error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `lambdasim curve p.json | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
