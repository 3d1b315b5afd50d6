# SPDX-License-Identifier: MIT
"""Issue 12's multi-threaded protocols on synthetic sweeps whose truth is known: a
CPU-bound function with a serial part and k = 2..6 threads or worker processes, recorded
at 41 sizes from 128 to 10,240 MB, fitted from three sizes (128, 1,024, 10,240 MB) with
and without the thread count, and from five (128, 1,024, 2,048, 4,096, 10,240 MB).

The truth is computed here by hand from AWS's documented rules, not by lambdasim's
predictor: share s = m / 1,769 vCPU; visible vCPUs 2 up to 3,008 MB, then 3 from 3,009,
4 from 5,308, 5 from 7,077 and 6 from 8,846 MB; under smooth throttling
T = io + S / min(s, 1) + P / min(s, k, visible).
"""

from __future__ import annotations

import lambdasim as ls
import numpy as np
import pytest

MB_PER_VCPU = 1769.0
TIERS = [(8846, 6), (7077, 5), (5308, 4), (3009, 3), (0, 2)]
SIZES = np.array([128.0] + [float(m) for m in range(256, 10241, 256)])  # 41 sizes
THREE = [128, 1024, 10240]
FIVE = [128, 1024, 2048, 4096, 10240]
WORK = 3000.0  # ms of CPU at one full vCPU
IO = 20.0


def visible(m: float) -> int:
    return next(v for lo, v in TIERS if m >= lo)


def truth(m: np.ndarray, serial: float, parallel: float, k: int) -> np.ndarray:
    s = m / MB_PER_VCPU
    vis = np.array([visible(x) for x in m])
    return IO + serial / np.minimum(s, 1) + parallel / np.minimum(np.minimum(s, k), vis)


def smooth() -> ls.Platform:
    p = ls.Platform.aws_lambda()
    p.throttling = "smooth"
    return p


def sweep(y: np.ndarray, noise: float = 0.0, seed: int = 0) -> ls.Sweep:
    """One aggregate per size (as a benchmark table or Power Tuning gives), with a
    lognormal level error of relative SD `noise` per size."""
    rng = np.random.default_rng(seed)
    v = y * np.exp(noise * rng.standard_normal(len(y)))
    text = "memory_mb,duration_ms\n" + "".join(
        f"{int(m)},{d:.9g}\n" for m, d in zip(SIZES, v)
    )
    return ls.Sweep.csv_from_text(text, origin="synthetic")


CASES = [(k, sf) for k in range(2, 7) for sf in (0.0, 0.1, 0.3)]


def test_the_visible_vcpus_never_bound_the_share():
    """The visible count is at least the share at every size (hand tiers above), so
    min(s, k, visible) = min(s, k): a step in the visible count never limits CPU time
    on its own. Checked on the platform's whole grid."""
    p = ls.Platform.aws_lambda()
    grid = np.asarray(p.memory_grid())
    assert len(grid) == 10240 - 128 + 1
    for m in grid:
        assert p.visible_vcpu_count(m) == visible(m), m
        assert p.cpu_share(m) == pytest.approx(min(m / MB_PER_VCPU, 6))
        assert visible(m) >= m / MB_PER_VCPU - 1e-9, m


@pytest.mark.parametrize(("k", "sf"), CASES)
def test_three_sizes_with_the_thread_count_recover_the_split(k, sf):
    """With k given, the three sizes determine io, serial and parallel work exactly
    (three equations, three unknowns) and every other size follows."""
    serial, parallel = sf * WORK, (1 - sf) * WORK
    y = truth(SIZES, serial, parallel, k)
    f = ls.fit(sweep(y), smooth(), sizes=THREE, threads=k, bootstrap=0)
    assert f.structure == "amdahl"
    assert f.threads == k and f.threads_identified
    assert f"threads = {k} given" in f.reason
    cpu = {c.threads: c.work_ms for c in f.profile.components if c.kind == "cpu"}
    io = sum(c.work_ms for c in f.profile.components if c.kind == "io")
    assert cpu.get(1, 0.0) == pytest.approx(serial, abs=1e-6 * WORK)
    assert cpu.get(k, 0.0) == pytest.approx(parallel, rel=1e-6)
    assert io == pytest.approx(IO, abs=1e-6 * WORK)
    np.testing.assert_allclose(f.predicted_ms, y, rtol=1e-6)


@pytest.mark.parametrize(("k", "sf"), CASES)
def test_three_sizes_without_the_thread_count_say_so_and_cover_every_count(k, sf):
    """Without k, one size above one vCPU cannot tell the count. The counts that can
    produce the measured speed-up are those with min(s, k') >= the speed-up from one
    vCPU to 10,240 MB (a hand bound: S, P >= 0); the fit must keep the true one among
    its plausible counts, say the count is not identifiable when several remain, and
    its band must hold the true curve at every size."""
    y = truth(SIZES, sf * WORK, (1 - sf) * WORK, k)
    f = ls.fit(sweep(y), smooth(), sizes=THREE, bootstrap=0)
    s10 = 10240 / MB_PER_VCPU
    speedup = (y[SIZES == 1024][0] - IO) * (1024 / MB_PER_VCPU) / (y[-1] - IO)
    can = [c for c in range(2, 7) if min(s10, c) >= speedup * (1 - 1e-9)]
    assert k in can
    assert k in f.plausible_threads
    if len(f.plausible_threads) > 1:
        assert not f.threads_identified
        assert "not identifiable" in f.reason and "pass threads" in f.reason
    lo, hi = np.asarray(f.band_lo_ms), np.asarray(f.band_hi_ms)
    assert np.all(lo <= y * (1 + 1e-9)) and np.all(hi >= y * (1 - 1e-9))
    held = ~np.asarray(f.used_in_fit)
    err = np.abs(np.asarray(f.predicted_ms)[held] / y[held] - 1)
    assert np.median(err) <= 0.10  # issue 12's target for this protocol


def protocol_errors(fit_sizes, threads, noise):
    """Median held-out error of each case, over three seeded noisy sweeps each."""
    out = []
    for i, (k, sf) in enumerate(CASES):
        y = truth(SIZES, sf * WORK, (1 - sf) * WORK, k)
        for seed in range(3):
            s = sweep(y, noise, seed=100 * i + seed)
            f = ls.fit(s, smooth(), sizes=fit_sizes, threads=k if threads else 0)
            held = ~np.asarray(f.used_in_fit)
            err = np.abs(np.asarray(f.predicted_ms)[held] / y[held] - 1)
            out.append(float(np.median(err)))
    return np.array(out)


def test_protocols_meet_the_issue_targets_on_their_own_family():
    """Issue 12's targets, on sweeps of the model's own family with a 2 % level error
    per size (so a fitting size is itself off by about 2 %): three sizes with the count,
    median <= 2 % and every case <= 6 %; three sizes without it, median <= 10 %; five
    sizes without it, median <= 2.5 %."""
    given = protocol_errors(THREE, True, 0.02)
    assert np.median(given) <= 0.02 and given.max() <= 0.06
    assert np.median(protocol_errors(THREE, False, 0.02)) <= 0.10
    assert np.median(protocol_errors(FIVE, False, 0.02)) <= 0.025


def test_five_sizes_identify_a_count_three_cannot():
    """Four threads, no serial part: 2,048 MB (s = 1.16) and 4,096 MB (s = 2.32, three
    visible vCPUs) fix the parallel work's speed-up below the count, and 10,240 MB
    (s = 5.79) then fixes the count: k = 3 would give T(10240) = P / 3 and k = 5 P / 5,
    against the true P / 4."""
    y = truth(SIZES, 0.0, WORK, 4)
    three = ls.fit(sweep(y), smooth(), sizes=THREE, bootstrap=0)
    five = ls.fit(sweep(y), smooth(), sizes=FIVE, bootstrap=0)
    assert not three.threads_identified and len(three.plausible_threads) > 1
    assert five.threads == 4
    held = ~np.asarray(five.used_in_fit)
    np.testing.assert_allclose(np.asarray(five.predicted_ms)[held], y[held], rtol=0.005)


def test_family_floor_of_the_benchmark(accuracy):
    """benchmarks/accuracy.py's family floor (the least MAPE of any curve of the
    parallel family with the thread count given): 0 on a curve of the family; with one
    of six sizes 10 % high, the curve through the other five is the least, and it misses
    that size by 0.1 / 1.1 (relative to the observed value), so the mean is that / 6."""
    acc = accuracy
    m = np.array([256.0, 1024.0, 2048.0, 4096.0, 8192.0, 10240.0])
    y = truth(m, 300.0, 2700.0, 6)
    assert acc.family_floor(m, y, 6, smooth()) == pytest.approx(0, abs=1e-12)
    bumped = y.copy()
    bumped[3] *= 1.1
    assert acc.family_floor(m, bumped, 6, smooth()) == pytest.approx(0.1 / 1.1 / 6)


def test_a_thread_count_the_data_contradict_is_reported():
    """Six threads' work told as two: T(10240) / T(1024) is (20 + 3000 / 5.7886) /
    (20 + 3000 / 0.57886) = 538.3 / 5202.6 = 0.1035 (hand), below the 0.5789 / 2 = 0.2894
    that two threads can give (min(s, 2) at both sizes), far beyond the 3 % noise: the
    fit keeps the user's count but says the data contradict it and which counts they
    allow: 6 or more (five threads give at most 5 / 0.57886 = 8.64 times the 1,024 MB
    speed, against 1 / 0.1035 = 9.66 measured, more than the 8 % tolerance)."""
    y = truth(SIZES, 0.0, WORK, 6)
    with pytest.warns(ls.LambdasimWarning, match="threads = 2 given, but") as w:
        f = ls.fit(sweep(y), smooth(), sizes=THREE, threads=2, bootstrap=0)
    msg = str(w[0].message)
    assert "T(10240 MB) / T(1024 MB) = 0.103" in msg and "below the 0.289" in msg
    assert "the data allow 6 or more" in msg
    assert f.threads == 2 and "threads = 2 given, but" in f.reason
    # The count that is right raises nothing.
    ls.fit(sweep(y), smooth(), sizes=THREE, threads=6, bootstrap=0)


def test_a_steep_drop_below_one_vcpu_is_not_blamed_on_threads():
    """Single-threaded code whose 128 MB time is 2x the io + cpu line (a collector
    under memory pressure): the drop from 128 MB is faster than one thread allows, but
    below one vCPU every thread count gives the same curve, so threads = 1 is not
    contradicted; only the sizes from the largest at or below one vCPU up count."""
    y = IO + WORK / np.minimum(SIZES / MB_PER_VCPU, 1)
    y[0] *= 2
    f = ls.fit(sweep(y), smooth(), sizes=THREE, threads=1, bootstrap=0)
    assert "given, but" not in f.reason


def test_the_given_count_holds_under_memory_pressure():
    """Worker processes fill a small function: Max Memory Used 110 MB at 128 MB makes
    gc_cpu the baseline (memory pressure), but the user's count makes the parallel term
    expected physics too; with no collector work in the data, amdahl fits the three
    sizes exactly and must be chosen, recovering the split (serial 85 %, 2 processes:
    the drop to 10,240 MB, (20 + 2550 + 225) / (20 + 3000 / 0.57886) = 0.537, is within
    the noise of what one thread allows, 0.579, so only the given count can tell)."""
    serial, parallel = 0.85 * WORK, 0.15 * WORK
    y = truth(SIZES, serial, parallel, 2)
    text = "memory_mb,duration_ms,max_memory_used_mb\n" + "".join(
        f"{int(m)},{d:.9g},{min(110, int(m))}\n" for m, d in zip(SIZES, y)
    )
    s = ls.Sweep.csv_from_text(text, origin="synthetic")
    f = ls.fit(s, smooth(), sizes=THREE, threads=2, bootstrap=0)
    assert f.structure == "amdahl" and f.threads == 2
    assert "memory pressure" in f.reason
    cpu = {c.threads: c.work_ms for c in f.profile.components if c.kind == "cpu"}
    assert cpu[1] == pytest.approx(serial, rel=1e-6)
    assert cpu[2] == pytest.approx(parallel, rel=1e-6)
    np.testing.assert_allclose(f.predicted_ms, y, rtol=1e-6)
