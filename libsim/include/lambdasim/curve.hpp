// SPDX-License-Identifier: MIT
/// @file curve.hpp
/// Duration and cost curves over a memory grid: the batch form of predict + billing.
#pragma once

#include <Eigen/Core>

#include "lambdasim/prices.hpp"
#include "lambdasim/platform.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

using bool_vector = Eigen::Matrix<bool, Eigen::Dynamic, 1>;

/// One row per memory size. Sizes below the profile's peak_memory_mb are infeasible:
/// feasible is false and warm_billed_ms, gb_s and cost_usd are NaN there (not priced);
/// the durations are still the model's.
struct curve_result {
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd vcpu;            ///< CPU share s(m)
  Eigen::VectorXd warm_ms;         ///< warm duration
  Eigen::VectorXd cold_ms;         ///< cold duration incl. init
  Eigen::VectorXd warm_billed_ms;  ///< warm billed duration
  Eigen::VectorXd gb_s;            ///< GB-seconds of one warm invocation
  Eigen::VectorXd cost_usd;        ///< one warm invocation: duration + request charge
  bool_vector feasible;
};

/// @throws std::invalid_argument for an invalid profile or a size off the grid
curve_result curve(const profile& w, const platform& p, const price_table& prices,
                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb);
/// Over every size of the platform (10,113 for AWS Lambda).
curve_result curve(const profile& w, const platform& p, const price_table& prices);

}  // namespace lambdasim
