// SPDX-License-Identifier: MIT
/// @file predict.hpp
/// Duration of one invocation at a memory size: the duration equation of DESIGN.md.
/// Scalar forms for one size, batch forms (Eigen in, Eigen out, no per-point
/// allocation) for grids and fleets.
#pragma once

#include <Eigen/Core>

#include "lambdasim/platform.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// Wall time of `work_ms` of CPU at one vCPU, run on `parallelism` threads with a CPU
/// share `share` (vCPUs), under the platform's throttling rule.
/// smooth: work / min(share, parallelism). cfs / cfs_aligned: CFS bandwidth control
/// with quota share * period per period (see docs/model.md).
double cpu_time_ms(double work_ms, double share, double parallelism, const platform& p);

/// Time of one component at memory_mb. Checks memory_mb.
double component_ms(const component& c, const platform& p, double memory_mb);
/// Warm duration T_warm(m): the sum of the components.
double warm_ms(const profile& w, const platform& p, double memory_mb);
/// Cold duration as the caller sees it: init_ms + first-call CPU (at most one vCPU)
/// + T_warm(m). REPORT's Init Duration is init_ms; its cold Duration is the rest.
double cold_ms(const profile& w, const platform& p, double memory_mb);

/// Batch forms: out[i] = warm_ms(w, p, memory_mb[i]). out must have memory_mb's size.
/// @throws std::invalid_argument on a size mismatch or a memory size off the grid
void warm_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out);
void cold_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out);

}  // namespace lambdasim
