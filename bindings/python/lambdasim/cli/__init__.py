# SPDX-License-Identifier: MIT
"""The ``lambdasim`` command line: one module per subcommand, registered in COMMANDS.

Exit codes: 0 success, 1 a check failed (``check``), 2 bad input (one line on stderr
naming the field and value).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import TYPE_CHECKING, NoReturn

from .._result import LambdasimWarning
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


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit 2), naming the
    option and the value, as every other bad input: no usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    from .. import __version__

    parser = Parser(
        prog="lambdasim",
        description="Predict AWS Lambda duration and cost across memory sizes, offline.",
    )
    parser.add_argument(
        "--version", action="version", version=f"lambdasim {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    for verb in sub.choices.values():
        # an unknown option is reported by its verb ("lambdasim curve: error: ...")
        verb.set_defaults(verb_parser=verb)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        args.verb_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        with warnings.catch_warnings():
            # Soft diagnostics are one stderr line each, never a traceback.
            warnings.simplefilter("always", LambdasimWarning)
            warnings.showwarning = _note(args.command)
            code = int(args.func(args) or 0)
            sys.stdout.flush()
            return code
    except BrokenPipeError:
        # The reader closed the pipe early (`lambdasim curve p.json | head -1`): not an
        # error. Point stdout at devnull so the interpreter's final flush stays quiet
        # (https://docs.python.org/3/library/signal.html#note-on-sigpipe).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        # Ctrl-C during a long simulation: one line and the shell's code for SIGINT
        # (128 + 2), not a traceback.
        print(f"lambdasim {args.command}: interrupted", file=sys.stderr)
        return 130
    except (ValueError, OSError, KeyError) as err:
        message = str(err).strip().splitlines()[0] if str(err).strip() else repr(err)
        print(f"lambdasim {args.command}: error: {message}", file=sys.stderr)
        return 2


def _note(command: str):
    def show(message, category, filename, lineno, file=None, line=None) -> None:
        print(f"lambdasim {command}: note: {message}", file=sys.stderr)

    return show


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
