# SPDX-License-Identifier: MIT
"""Beyond one machine: bound types pickle, and lambdasim.dask on a two-process cluster
gives exactly the single-process result."""

from __future__ import annotations

import pickle

import dask.dataframe as dd
import distributed
import lambdasim as ls
import lambdasim.dask as lsd
import numpy as np
import pandas as pd


def fleet(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    return pd.DataFrame(
        {
            "name": [f"fn{i}" for i in range(n)],
            "cpu_ms": rng.uniform(0, 3000, n),
            "threads": rng.integers(1, 5, n),
            "io_ms": rng.uniform(0, 300, n),
            "init_ms": rng.uniform(0, 800, n),
            "peak_memory_mb": rng.uniform(0, 1500, n),
        }
    )


def test_bound_types_and_results_pickle() -> None:
    aws = ls.Platform.aws_lambda()
    aws.throttling = "smooth"
    prices = ls.PriceTable.aws("eu-west-1", "arm64")
    p = ls.Profile(
        name="f", cpu_ms=800, threads=2, io_ms=120, init_ms=250, peak_memory_mb=200
    )
    for obj in (aws, prices, p):
        back = pickle.loads(pickle.dumps(obj))
        assert repr(back) == repr(obj)
    back = pickle.loads(pickle.dumps(aws))
    assert back.to_json() == aws.to_json()
    assert back.throttling == "smooth"
    t = pickle.loads(pickle.dumps(prices))
    assert [(x.up_to_gb_s, x.usd_per_gb_s) for x in t.duration_tiers] == [
        (x.up_to_gb_s, x.usd_per_gb_s) for x in prices.duration_tiers
    ]
    assert (t.region, t.arch, t.source, t.effective_date) == (
        prices.region,
        prices.arch,
        prices.source,
        prices.effective_date,
    )
    assert t.provisioned_usd_per_gb_s == prices.provisioned_usd_per_gb_s
    c = ls.curve(p, aws, prices, memory_mb=[128, 1769])
    c2 = pickle.loads(pickle.dumps(c))
    np.testing.assert_array_equal(c2.cost_usd, c.cost_usd)
    f = ls.curve(fleet(3), aws, prices, memory_mb=[1024, 2048])
    f2 = pickle.loads(pickle.dumps(f))
    pd.testing.assert_frame_equal(f2.to_dataframe(), f.to_dataframe())


def test_dask_cluster_equals_local() -> None:
    df = fleet(200)
    grid = np.arange(128, 10241, 64, dtype=float)
    local = ls.curve(df, memory_mb=grid).to_dataframe()
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        ddf = dd.from_pandas(df, npartitions=4)
        remote = lsd.curve(ddf, memory_mb=grid).compute()
        best = lsd.cheapest(ddf, memory_mb=grid).compute()
    pd.testing.assert_frame_equal(
        remote.reset_index(drop=True), local, check_exact=True
    )
    expected = ls.curve(df, memory_mb=grid).cheapest()
    np.testing.assert_array_equal(best["memory_mb"].to_numpy(), expected["memory_mb"])
    np.testing.assert_array_equal(best["cost_usd"].to_numpy(), expected["cost_usd"])
