# SPDX-License-Identifier: MIT
"""Fleet curves over a Dask DataFrame of profiles, one partition at a time.

Each partition (a pandas DataFrame, one profile per row in ``lambdasim.curve``'s column
names) goes through the same batch call as a local ``lambdasim.curve``; platform and
price table travel to the workers by pickle. The results equal the local ones exactly.

Examples
--------
>>> import dask.dataframe as dd, pandas as pd
>>> import lambdasim as ls
>>> import lambdasim.dask as lsd
>>> df = pd.DataFrame({"name": ["a", "b"], "cpu_ms": [1000.0, 200.0], "io_ms": [100.0, 0.0]})
>>> ddf = dd.from_pandas(df, npartitions=2)
>>> long = lsd.curve(ddf, memory_mb=[1769, 3538]).compute()
>>> long[["name", "memory_mb", "warm_ms"]].values.tolist()
[['a', 1769, 1100.0], ['a', 3538, 1100.0], ['b', 1769, 200.0], ['b', 3538, 200.0]]
>>> lsd.cheapest(ddf, memory_mb=[1769, 3538]).compute()["memory_mb"].tolist()
[1769.0, 1769.0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _core
from ._curve import FLEET_COLUMNS
from ._curve import curve as _curve
from ._defaults import resolve_platform, resolve_prices

if TYPE_CHECKING:
    import dask.dataframe as dd
    from numpy.typing import ArrayLike

__all__ = ["cheapest", "curve"]


def _long(
    part: pd.DataFrame,
    platform: _core.Platform,
    prices: _core.PriceTable,
    memory_mb: Any,
    threads: int,
) -> pd.DataFrame:
    fleet = _curve(part, platform, prices, memory_mb=memory_mb, threads=threads)
    out = fleet.to_dataframe()
    # the profile's label in the whole table, not its row within the partition
    out["profile"] = np.repeat(part.index.to_numpy(), len(fleet.memory_mb))
    return out


def _best(
    part: pd.DataFrame,
    platform: _core.Platform,
    prices: _core.PriceTable,
    memory_mb: Any,
    threads: int,
) -> pd.DataFrame:
    fleet = _curve(part, platform, prices, memory_mb=memory_mb, threads=threads)
    return pd.DataFrame(fleet.cheapest(), index=part.index)


def _grid(platform: _core.Platform, memory_mb: ArrayLike | None) -> np.ndarray:
    if memory_mb is None:
        return np.asarray(platform.memory_grid())
    return np.atleast_1d(np.asarray(memory_mb, dtype=np.float64))


def curve(
    profiles: dd.DataFrame,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    *,
    memory_mb: ArrayLike | None = None,
    arch: str | None = None,
    region: str | None = None,
    threads: int = 1,
) -> dd.DataFrame:
    """``lambdasim.curve`` of every profile of a Dask DataFrame, in long format.

    Returns a lazy Dask DataFrame with the columns of ``FleetCurve.to_dataframe()``
    (``profile`` is the input's index label). ``threads`` is per partition (default 1:
    Dask runs partitions in parallel).
    """
    platform = resolve_platform(platform)
    prices = resolve_prices(prices, region, arch)
    grid = _grid(platform, memory_mb)
    meta = pd.DataFrame(
        {
            "profile": pd.Series([], dtype=profiles.index.dtype),
            "name": pd.Series([], dtype=object),
            "memory_mb": pd.Series([], dtype="int64"),
            "vcpu": pd.Series([], dtype="float64"),
            **{
                c: pd.Series([], dtype=bool if c == "feasible" else "float64")
                for c in FLEET_COLUMNS
            },
        }
    )
    return profiles.map_partitions(_long, platform, prices, grid, threads, meta=meta)


def cheapest(
    profiles: dd.DataFrame,
    platform: _core.Platform | None = None,
    prices: _core.PriceTable | None = None,
    *,
    memory_mb: ArrayLike | None = None,
    arch: str | None = None,
    region: str | None = None,
    threads: int = 1,
) -> dd.DataFrame:
    """Per profile, ``FleetCurve.cheapest()``: one row per input row (same index) with
    ``memory_mb``, ``warm_ms`` and ``cost_usd``."""
    platform = resolve_platform(platform)
    prices = resolve_prices(prices, region, arch)
    grid = _grid(platform, memory_mb)
    meta = pd.DataFrame(
        {
            c: pd.Series([], dtype="float64")
            for c in ("memory_mb", "warm_ms", "cost_usd")
        },
        index=pd.Index([], dtype=profiles.index.dtype),
    )
    return profiles.map_partitions(_best, platform, prices, grid, threads, meta=meta)
