// SPDX-License-Identifier: MIT
/// @file simulate_batch.hpp
/// Many simulations in one call (a grid of memory x traffic x policy): simulate()
/// (simulate.hpp) of each case, split over threads by case.
#pragma once

#include <span>
#include <vector>

#include "lambdasim/simulate.hpp"

namespace lambdasim {

/// One simulation of a batch: its traffic and its options (memory, policy, seed, ...).
struct simulation_case {
  arrivals traffic;
  simulate_options options;
};

/// simulate(w, p, cases[i].traffic, cases[i].options) for every i, on `threads` threads
/// (0 = every hardware thread; each case then runs its replications on one thread).
/// Result i equals the one-at-a-time simulation exactly: each case keeps its own seed,
/// and simulate() does not depend on its thread count.
/// @throws std::invalid_argument of the lowest failing case, prefixed "cases[i]: "
std::vector<simulation_result> simulate(const profile& w, const platform& p,
                                        std::span<const simulation_case> cases,
                                        int threads = 0);

}  // namespace lambdasim
