// SPDX-License-Identifier: MIT
// The duration equation given the memory-derived share and visible vCPUs, already
// checked: shared by predict.cpp and curve.cpp so a curve evaluates each size once.
#pragma once

#include "lambdasim/platform.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim::detail {
double component_time(const component& c, const platform& p, double memory_mb, double share,
                      int visible);
double warm_time(const profile& w, const platform& p, double memory_mb, double share,
                 int visible);
/// init_ms + first-call CPU (at most one vCPU): what a cold start adds to T_warm.
double cold_extra(const profile& w, const platform& p, double share);
}  // namespace lambdasim::detail
