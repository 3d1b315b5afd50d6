# SPDX-License-Identifier: MIT
"""The result protocol every user-facing result follows (STYLE.md section 11).

A result is a Python object with explicit, typed properties (no ``__getattr__``
delegation, so ``dir()``, IDEs and mypy see them), ``to_dict()``, ``to_dataframe()``,
``_repr_html_()`` (an escaped HTML ``<table>``, compact, in the manner of iminuit's
``FMin``), a short ``__repr__`` and, where a picture helps, ``plot()``.

``Result`` supplies ``to_dataframe`` and ``_repr_html_`` from two hooks:

- ``to_dict()``: a flat dict. Either every value is a 1-D array of one length (a table,
  one row per element) or every value is a scalar (one record).
- ``_html_title()``: the caption of the HTML table (plain text; it is escaped).

``LambdasimWarning`` is the one warning class: soft diagnostics of libsim (sweep, fit,
simulate) reach Python as ``warnings.warn(message, LambdasimWarning)``.
"""

from __future__ import annotations

import html
import math
import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Callable, TypeVar, cast

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


T = TypeVar("T")


def field(source: str, kind: Callable[[Any], T], doc: str) -> T:
    """A typed read-only property named as the attribute it is assigned to: the item
    (of a dict) or attribute of that name of ``getattr(self, source)``, converted by
    ``kind``. One line states each name, its type and its doc, and ``dir()``, IDEs and
    mypy see it (no ``__getattr__`` delegation)::

        class FitResult(Result):
            mape: float = field("_r", float, "Mean |rel_error| over every size.")
    """
    return cast("T", _Field(source, kind, doc))


class _Field:
    """The descriptor behind ``field``: its name is the attribute's (``__set_name__``)."""

    def __init__(self, source: str, kind: Callable[[Any], Any], doc: str) -> None:
        self.source, self.kind, self.__doc__ = source, kind, doc
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        src = getattr(obj, self.source)
        value = src[self.name] if isinstance(src, dict) else getattr(src, self.name)
        return self.kind(value)


class LambdasimWarning(UserWarning):
    """A soft diagnostic: the input is accepted, but probably not what was meant."""


def warn_all(messages: Iterable[str], stacklevel: int = 3) -> None:
    """Raise each diagnostic message as a ``LambdasimWarning``."""
    for message in messages:
        warnings.warn(message, LambdasimWarning, stacklevel=stacklevel)


def format_value(value: Any, key: str = "") -> str:
    """A number as people read it: integers with thousands separators, floats to 4
    significant digits, NaN as a dash, booleans as yes/no; with the ``key`` it names,
    USD in cents, durations (``*_ms``) to the millisecond from 100 ms (the model's
    percentiles are within 0.2 %) and to 0.1 ms below, relative errors in percent."""
    if value is None:
        return "-"
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer, float, np.floating)):
        f = float(value)
        if math.isnan(f):
            return "-"
        if key.endswith("_usd") and (f == 0 or abs(f) >= 0.01):
            return f"{f:,.2f}"
        if key == "memory_mb" and f.is_integer():
            return str(int(f))  # a size, written as in "1769 MB"
        if key.endswith("rel_error") and math.isfinite(f):
            return f"{100 * f:+.1f} %"
        if key.endswith("_ms") and math.isfinite(f):
            return f"{f:,.0f}" if abs(f) >= 100 else f"{f:.1f}"
        if isinstance(value, (int, np.integer)) or (f.is_integer() and abs(f) < 1e15):
            return f"{int(f):,}"
        if abs(f) >= 1e4:
            return f"{f:,.0f}"
        return f"{f:.4g}"
    return str(value)


#: Costs of one invocation, and the names they are shown under per million invocations.
PER_INVOCATION = {
    "cost_usd": "usd_per_million",
    "powertuning_usd": "powertuning_usd_per_million",
}


def per_million(data: Mapping[str, Any]) -> dict[str, Any]:
    """For display: the cost of one invocation (``cost_usd``, e.g. 3.676e-05) as
    ``usd_per_million`` (36.76), the figure people compare."""
    return {
        PER_INVOCATION.get(k, k): (
            np.asarray(v, dtype=np.float64) * 1e6 if k in PER_INVOCATION else v
        )
        for k, v in data.items()
    }


def _is_table(d: Mapping[str, Any]) -> bool:
    return bool(d) and all(np.ndim(v) == 1 for v in d.values())


def html_table(data: Mapping[str, Any], title: str, max_rows: int = 12) -> str:
    """An escaped HTML table of a flat dict: columns of equal length (a table, the first
    and last rows when longer than ``max_rows``) or scalars (a two-column record)."""
    esc = html.escape
    data = per_million(data)
    out = [f"<table><caption>{esc(title)}</caption>"]
    if _is_table(data):
        names = list(data)
        n = len(next(iter(data.values())))
        rows = list(range(n))
        if n > max_rows:
            half = max_rows // 2
            rows = [*range(half), -1, *range(n - half, n)]
        out.append("<tr>" + "".join(f"<th>{esc(k)}</th>" for k in names) + "</tr>")
        for i in rows:
            if i < 0:
                out.append(
                    f'<tr><td colspan="{len(names)}">… {n - max_rows} more rows …</td></tr>'
                )
                continue
            cells = "".join(
                f"<td>{esc(format_value(data[k][i], k))}</td>" for k in names
            )
            out.append(f"<tr>{cells}</tr>")
    else:
        for k, v in data.items():
            shown = f"{len(v)} values" if np.ndim(v) == 1 else format_value(v, k)
            out.append(f"<tr><th>{esc(k)}</th><td>{esc(shown)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def long_format(
    fleet: Any, columns: Iterable[str], per_size: Iterable[str] = ()
) -> dict[str, Any]:
    """The long format of a fleet result (2-D columns, profiles x sizes): ``profile``
    (row number), ``name``, ``memory_mb`` and the ``per_size`` 1-D columns repeated per
    profile, then ``columns`` flattened, one element per profile and size."""
    import numpy as np

    n_profiles, n_sizes = fleet.shape
    out: dict[str, Any] = {
        "profile": np.repeat(np.arange(n_profiles), n_sizes),
        "name": np.repeat(fleet.names, n_sizes),
    }
    for name in ("memory_mb", *per_size):
        out[name] = np.tile(getattr(fleet, name), n_profiles)
    for name in columns:
        out[name] = getattr(fleet, name).reshape(-1)
    return out


class Result:
    """Base of every result object: ``to_dataframe`` and ``_repr_html_`` from ``to_dict``."""

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - every result overrides it
        raise NotImplementedError

    def _html_title(self) -> str:
        return type(self).__name__

    def to_dataframe(self) -> pd.DataFrame:
        """The result as a pandas DataFrame: one row per element of a table, or one row
        for a record."""
        import pandas as pd

        d = self.to_dict()
        if _is_table(d):
            df = pd.DataFrame(d)
            if "memory_mb" in df:
                df["memory_mb"] = df["memory_mb"].astype("int64")
            return df
        return pd.DataFrame([d])

    def _repr_html_(self) -> str:
        return html_table(self.to_dict(), self._html_title())
