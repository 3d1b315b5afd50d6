# SPDX-License-Identifier: MIT
"""fit_many and simulate_many equal one-at-a-time calls exactly, for any thread count."""

from __future__ import annotations

import lambdasim as ls
import numpy as np
import pytest


def test_fit_many_equals_fit() -> None:
    s = ls.Sweep.from_powertuning(
        ls.data_path("powertuning", "aws_docs_prime_example.json")
    )
    subsets = [[128, 256, 1024], [128, 512, 1024], [256, 512, 1024]]
    sweeps = [s.select_sizes(sizes) for sizes in subsets]
    one = [ls.fit(x, bootstrap=0, seed=3) for x in sweeps]
    for threads in (1, 2, 0):
        many = ls.fit_many(sweeps, threads=threads, bootstrap=0, seed=3)
        for a, b in zip(many, one):
            assert a.profile == b.profile
            assert a.structure == b.structure
            np.testing.assert_array_equal(a.predicted_ms, b.predicted_ms)
    with pytest.raises(TypeError, match="unexpected keyword argument 'sizez'"):
        ls.fit_many(sweeps, sizez=[1])


def test_simulate_many_equals_simulate() -> None:
    p = ls.Profile(cpu_ms=100, io_ms=20, init_ms=300, cv=0.2)
    aws = ls.Platform.aws_lambda()
    arrivals, options = [], []
    for i, (m, rate) in enumerate([(512, 0.05), (1769, 0.05), (512, 2.0), (1769, 2.0)]):
        o = ls.primitives.SimulateOptions()
        o.memory_mb, o.seed = m, i
        arrivals.append(ls.primitives.Arrivals.poisson(rate, 5000.0))
        options.append(o)
    one = [ls._core.simulate(p, aws, a, o) for a, o in zip(arrivals, options)]
    for threads in (1, 2):
        many = ls.simulate_many(p, arrivals, options, threads=threads)
        for a, b in zip(many, one):
            assert (a.requests, a.cold_starts, a.all.p99_ms) == (
                b.requests,
                b.cold_starts,
                b.all.p99_ms,
            )
    with pytest.raises(ValueError, match="arrivals has 4 entries but options has 1"):
        ls.simulate_many(p, arrivals, options[:1])
