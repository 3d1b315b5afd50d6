// SPDX-License-Identifier: MIT
/// @file fit_batch.hpp
/// Many fits in one call: fit() (fit.hpp) of each sweep, split over threads by sweep.
#pragma once

#include <span>
#include <vector>

#include "lambdasim/fit.hpp"

namespace lambdasim {

/// fit(sweeps[i], p, opt) for every i, on `threads` threads (0 = every hardware
/// thread). Result i equals the one-at-a-time fit exactly, whatever the thread count
/// (each fit keeps opt.seed and its own random stream).
/// @throws std::invalid_argument of the lowest failing sweep, prefixed "sweeps[i]: "
std::vector<fit_result> fit(std::span<const sweep> sweeps, const platform& p,
                            const fit_options& opt = {}, int threads = 0);

}  // namespace lambdasim
