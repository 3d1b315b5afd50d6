# SPDX-License-Identifier: MIT
"""Writing tables of columns as csv, json or an aligned text table."""

from __future__ import annotations

import csv
import json
import math
import sys
from typing import IO, Any

import numpy as np

from .._result import format_value

#: What every command prints unless --format says otherwise: an aligned, rounded table.
DEFAULT_FORMAT = "table"


def add_format_arg(p: Any, choices: tuple[str, ...], help: str | None = None) -> None:
    """--format, with the output formats the command offers (the default: a table)."""
    p.add_argument(
        "--format",
        choices=list(choices),
        default=DEFAULT_FORMAT,
        help=help or "output (default: %(default)s)",
    )


def _plain(v: Any) -> Any:
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        f = float(v)
        if math.isnan(f):
            return None
        return int(f) if f.is_integer() and abs(f) < 2**53 else f
    return v


def rows_of(columns: dict[str, Any]) -> list[dict[str, Any]]:
    """Columns of equal length -> a list of row dicts of plain Python values."""
    names = list(columns)
    n = len(columns[names[0]]) if names else 0
    return [{k: _plain(columns[k][i]) for k in names} for i in range(n)]


def _text(v: Any, fmt: str | None) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if fmt and isinstance(v, (int, float)):
        return format(v, fmt)
    return str(v)


def write_table(
    columns: dict[str, Any],
    fmt: str,
    out: IO[str] | None = None,
    formats: dict[str, str] | None = None,
    meta: dict[str, Any] | None = None,
) -> None:
    """Write columns as ``csv`` (header + rows), ``json`` (rows, with ``meta`` keys) or
    ``table`` (aligned text; ``formats`` maps a column to a format spec, the others
    are written as ``format_value`` reads them)."""
    out = sys.stdout if out is None else out
    rows = rows_of(columns)
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(list(columns))
        for r in rows:
            w.writerow(
                [
                    ""
                    if v is None
                    else ("true" if v is True else "false" if v is False else v)
                    for v in r.values()
                ]
            )
    elif fmt == "json":
        json.dump({**(meta or {}), "rows": rows}, out, indent=1)
        out.write("\n")
    elif fmt == "table":
        formats = formats or {}
        # a column's format if given, else a figure as people read it (format_value)
        cells = [
            [
                _text(v, formats[k]) if k in formats else format_value(v, k)
                for k, v in r.items()
            ]
            for r in rows
        ]
        header = list(columns)
        widths = [
            max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(header)
        ]
        out.write("  ".join(h.rjust(w) for h, w in zip(header, widths)) + "\n")
        for c in cells:
            out.write("  ".join(v.rjust(w) for v, w in zip(c, widths)) + "\n")
    else:  # argparse restricts choices; this is a programming error
        msg = f"format = {fmt!r}: expected csv, json or table"
        raise ValueError(msg)


def write_object(obj: dict[str, Any], fmt: str, out: IO[str] | None = None) -> None:
    """Write one flat object as json or as a two-column table of figures people read
    (``format_value``: USD in cents, durations to what the model can tell)."""
    out = sys.stdout if out is None else out
    plain = {k: _plain(v) for k, v in obj.items()}
    if fmt == "json":
        json.dump(plain, out, indent=1)
        out.write("\n")
    else:
        width = max(len(k) for k in plain)
        for k, v in plain.items():
            out.write(f"{k.ljust(width)}  {format_value(v, k)}\n")
