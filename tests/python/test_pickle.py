# SPDX-License-Identifier: MIT
"""Results a verb returns pickle: a round trip gives an equal object, every public
attribute (recursively into the bound types inside) and every table equal, so
lambdasim.dask and multiprocessing can return them from workers."""

from __future__ import annotations

import math
import pickle
import warnings
from typing import Any

import lambdasim as ls
import numpy as np
import pandas as pd
import pytest
from lambdasim import _core


def assert_same(a: Any, b: Any, path: str = "", depth: int = 0) -> None:
    """a == b attribute by attribute (NaN equal to NaN), into bound objects."""
    assert type(a) is type(b), path
    if isinstance(a, float):
        assert (math.isnan(a) and math.isnan(b)) or a == b, path
    elif isinstance(a, (int, str, bool, type(None))):
        assert a == b, path
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b, err_msg=path)
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{path}[{i}]", depth)
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            assert_same(a[k], b[k], f"{path}[{k!r}]", depth)
    elif isinstance(a, _core.Profile):
        assert a.to_json() == b.to_json(), path
    else:
        assert depth < 6, path
        names = [n for n in dir(type(a)) if not n.startswith("_")]
        assert names, f"{path}: nothing to compare in {type(a).__name__}"
        for n in names:
            with warnings.catch_warnings():
                warnings.simplefilter("error", DeprecationWarning)
                try:
                    x = getattr(a, n)
                except DeprecationWarning:  # an old alias of another attribute
                    continue
            if callable(x):
                continue
            assert_same(x, getattr(b, n), f"{path}.{n}", depth + 1)


def roundtrip(obj: Any) -> Any:
    back = pickle.loads(pickle.dumps(obj))
    assert_same(obj, back, type(obj).__name__)
    return back


def per_invocation_sweep() -> _core.Sweep:
    rng = np.random.default_rng(11)
    m = np.repeat([128.0, 512.0, 1024.0, 3008.0], 6)
    t = (40 + 900 * 1769 / np.minimum(m, 1769)) * rng.uniform(0.95, 1.05, m.size)
    text = "memory_mb,duration_ms,max_memory_used_mb\n" + "".join(
        f"{a:g},{float(b)!r},90\n" for a, b in zip(m, t, strict=True)
    )
    return _core.Sweep.csv_from_text(text, origin="<test>")


def test_fit_result_pickles() -> None:
    s = per_invocation_sweep()
    f = ls.fit(s, bootstrap=20, seed=3, sizes=[128, 1024, 3008])
    assert len(f.bootstrap_profiles) == 20  # the bootstrap's profiles travel too
    back = roundtrip(f)
    roundtrip(f.core)
    assert_same(f.to_dict(), back.to_dict())
    pd.testing.assert_frame_equal(f.to_dataframe(), back.to_dataframe())
    # the unpickled result still computes: its band over sizes it was not fitted on
    grid = np.array([256.0, 2048.0])
    np.testing.assert_array_equal(
        back.prediction_interval(None, grid, 0.8)[0],
        f.prediction_interval(None, grid, 0.8)[0],
    )
    many = ls.fit_many([s, s], bootstrap=0, threads=1)
    for a, b in zip(many, pickle.loads(pickle.dumps(many)), strict=True):
        assert_same(a, b)


def test_simulation_result_pickles() -> None:
    p = ls.Profile(cpu_ms=30, io_ms=10, init_ms=300, cv=0.3)
    r = ls.simulate(p, 1024, rate=20, duration_s=180, seed=5, timeline_bins=6)
    assert r.cold_starts > 0
    back = roundtrip(r)
    assert_same(r.to_dict(), back.to_dict())
    core = r.core
    hb = pickle.loads(pickle.dumps(core.warm_hist))
    np.testing.assert_array_equal(hb.counts, core.warm_hist.counts)
    for q in (0.0, 0.5, 0.99, 1.0):
        assert hb.quantile(q) == core.warm_hist.quantile(q)
    none = ls.simulate(
        p, 1024, trace=np.array([1.0, 1.01]), seed=5
    )  # overlapping: both cold
    assert none.core.warm_hist.count == 0  # an empty histogram (both cold)
    empty = pickle.loads(pickle.dumps(none.core.warm_hist))
    assert empty.count == 0 and math.isnan(empty.quantile(0.5))


def test_simulate_many_results_pickle() -> None:
    p = ls.Profile(cpu_ms=30, io_ms=10, init_ms=300)
    arr = [_core.Arrivals.poisson(r, 60.0) for r in (5.0, 50.0)]
    opts = []
    for mem in (512.0, 2048.0):
        o = _core.SimulateOptions()
        o.memory_mb, o.seed = mem, 9
        opts.append(o)
    res = ls.simulate_many(p, arr, opts, threads=1)
    for a, b in zip(res, pickle.loads(pickle.dumps(res)), strict=True):
        assert_same(a, b)


def test_recommendation_and_bill_pickle() -> None:
    p = ls.Profile(cpu_ms=900, io_ms=80, init_ms=400, cv=0.2)
    r = ls.recommend(
        p,
        requests_per_month=3e6,
        max_latency_ms=2500,
        current_memory_mb=512,
        band=0.05,
    )
    assert r._r.change is not None  # the optional parts travel too
    back = roundtrip(r)
    assert_same(r.to_dict(), back.to_dict())
    pd.testing.assert_frame_equal(r.to_dataframe(), back.to_dataframe())
    roundtrip(r.options)
    b = ls.bill(p, memory_mb=1024, requests_per_month=1e6)
    assert_same(b.to_dict(), roundtrip(b).to_dict())


def test_sweep_and_check_pickle() -> None:
    s = ls.Sweep.from_powertuning(
        ls.data_path("powertuning", "aws_docs_prime_example.json")
    )
    back = pickle.loads(pickle.dumps(s))
    assert_same(ls.summarize(s).to_dict(), ls.summarize(back).to_dict())
    assert_same(s.meta, back.meta)
    assert back.sizes() == s.sizes()
    f = ls.fit(s, sizes=[128, 256, 1024], bootstrap=0)
    c = ls.check(f.profile, s)
    assert_same(c.to_dict(), roundtrip(c).to_dict())
    # a fit of the unpickled sweep is the fit of the sweep
    f2 = ls.fit(back, sizes=[128, 256, 1024], bootstrap=0)
    assert_same(f.to_dict(), f2.to_dict())


def test_lmi_results_pickle() -> None:
    q = ls.Profile(cpu_ms=10, io_ms=90)
    for r in (
        ls.lmi_bill("m6g.large", instances=3),
        ls.simulate_lmi(q, "m7g.large", rate=5, duration_s=60, seed=1),
        ls.compare_compute(q, 512, 1e6, "m7g.large", simulate_s=60),
        ls.break_even(
            q, 1769, "m7g.large", requests_per_month=np.geomspace(1e6, 1e9, 5)
        ),
    ):
        assert_same(r.to_dict(), roundtrip(r).to_dict())


@pytest.mark.parametrize("bad", [(), (1, 2)])
def test_bad_state_is_a_clear_error(bad: tuple) -> None:
    with pytest.raises((ValueError, TypeError), match="pickle"):
        _core.SimulationResult.__new__(_core.SimulationResult).__setstate__(bad)


def test_dated_sweep_pickles_with_its_date(tmp_path) -> None:
    """The recording date a file carries (it chooses the fit's platform) survives a
    round trip: a CSV whose earliest timestamp is 2020-11-30 (hand-made)."""
    f = tmp_path / "dated.csv"
    f.write_text(
        "timestamp,memory_mb,duration_ms\n"
        "2020-11-30T10:00:00Z,512,400\n"
        "2020-12-02T10:00:00Z,1024,200\n"
        "2020-12-03T10:00:00Z,2048,110\n"
    )
    s = ls.Sweep.load(str(f))
    assert s.meta.date == "2020-11-30"
    t = pickle.loads(pickle.dumps(s))
    assert t.meta.date == "2020-11-30"
    assert t.meta.date_origin == s.meta.date_origin != ""
    assert_same(ls.fit(t).platform_name, ls.fit(s).platform_name)
