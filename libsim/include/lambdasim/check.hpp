// SPDX-License-Identifier: MIT
/// @file check.hpp
/// Regression check: a profile's predictions against a recorded sweep, size by size,
/// passing when every size is within a relative tolerance.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "lambdasim/platform.hpp"
#include "lambdasim/sweep.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

struct check_options {
  double rtol = 0.1;  ///< largest accepted |predicted - observed| / observed
  aggregation aggregate = aggregation::median;
};

/// One entry per recorded size, ascending.
struct check_result {
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd predicted_ms;  ///< warm duration of the profile
  Eigen::VectorXd observed_ms;   ///< the size's aggregate
  Eigen::VectorXd p5_ms;         ///< recorded band (NaN when the sweep does not say)
  Eigen::VectorXd p95_ms;
  Eigen::VectorXd rel_error;     ///< (predicted - observed) / observed
  std::vector<bool> in_band;     ///< p5 <= predicted <= p95 (false when unknown)
  std::vector<bool> within_tolerance;
  double rtol = 0;
  double max_abs_rel_error = 0;
  int failures = 0;
  bool passed = false;
  /// A readable table: one line per size, failing sizes marked, then a summary line.
  std::string report() const;
};

/// @throws std::invalid_argument for an invalid profile, an empty sweep, rtol not > 0,
///         or a recorded size off the platform's grid
check_result check(const profile& w, const sweep& s, const platform& p,
                   const check_options& opt = {});

}  // namespace lambdasim
