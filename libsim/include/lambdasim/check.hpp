// SPDX-License-Identifier: MIT
/// @file check.hpp
/// Regression check: a profile's predictions against a recorded sweep, size by size,
/// judged by the shift of the whole curve or, with rtol, size by size. Deviations
/// are observed / predicted - 1 throughout: a slowdown is positive.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <string>
#include <vector>

#include "lambdasim/platform.hpp"
#include "lambdasim/sweep.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// How a check judges drift (docs/accuracy.md, "The regression check").
/// By default the whole curve: the shift is the median over sizes of ln(observed /
/// predicted), its interval comes from the sizes' own scatter around it (Student t on
/// the robust spread) and the profile's own level error, and the check fails when the
/// interval lies wholly beyond
/// +-shift_tolerance. Single sizes outside their band are warnings. With `rtol` set,
/// the per-size rule of earlier releases applies instead: every size within rtol.
struct check_options {
  /// Per-size rule: largest accepted |deviation| = |observed / predicted - 1| at every
  /// size (the same ratio as the shift). NaN (default): judge by the shift of the
  /// whole curve.
  double rtol = std::numeric_limits<double>::quiet_NaN();
  /// Largest accepted relative shift of the whole curve. The level of an unchanged
  /// function's curve moves by up to about 10 % between runs a month apart (issue 12).
  double shift_tolerance = 0.1;
  /// Relative error of the profile's own level (a fitted profile carries its fit's
  /// model_error, 3 %): added in quadrature to the shift's standard error, since the
  /// runs a profile was fitted to drift as much as the run it is checked against.
  double profile_error = 0.03;
  /// Two-sided level of the shift's interval and of the per-size bands.
  double level = 0.9;
  aggregation aggregate = aggregation::median;
};

/// One entry per recorded size, ascending.
struct check_result {
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd predicted_ms;  ///< warm duration of the profile
  Eigen::VectorXd observed_ms;   ///< the size's aggregate
  Eigen::VectorXd p5_ms;         ///< recorded band (NaN when the sweep does not say)
  Eigen::VectorXd p95_ms;
  /// observed / predicted - 1: positive when the function ran slower than predicted.
  /// One convention with `shift`: a sweep 1.3x the profile's curve gives +0.3 at every
  /// size and a shift of +0.3 (docs/vocabulary.md).
  Eigen::VectorXd deviation;
  /// (predicted - observed) / observed, the opposite sign and another base; kept for
  /// compatibility with earlier releases (prefer `deviation`).
  Eigen::VectorXd rel_error;
  std::vector<bool> in_band;           ///< p5 <= predicted <= p95 (false when unknown)
  std::vector<bool> within_tolerance;  ///< per-size rule (all true when rtol is NaN)
  /// Outside predicted x exp(shift +- t s): beyond the scatter of the other sizes
  /// (a warning under the shift rule).
  std::vector<bool> outside_band;
  double rtol = 0;               ///< NaN: the shift rule judged
  double max_abs_deviation = 0;  ///< largest |deviation| (infinite when unknown)
  double max_abs_rel_error = 0;  ///< largest |rel_error| (compatibility)
  int failures = 0;  ///< sizes outside rtol (per-size rule) or outside their band
  /// The whole curve's relative shift exp(median ln(observed / predicted)) - 1, its
  /// interval at `level`, and the smallest shift beyond the tolerance this sweep
  /// detects with 95 % power (tolerance + 2 t SE; infinite with one size).
  double shift = 0, shift_lo = 0, shift_hi = 0;
  double shift_tolerance = 0;
  double detectable_shift = 0;
  std::string rule;  ///< "shift" or "per_size"
  bool passed = false;
  std::vector<std::string> warnings;
  /// A readable table: one line per size, failing sizes marked, then a summary line.
  std::string report() const;
};

/// @throws std::invalid_argument for an invalid profile, an empty sweep, rtol set and
///         not > 0, shift_tolerance or profile_error < 0, level outside (0, 1), or a
///         recorded size off
///         the platform's grid
check_result check(const profile& w, const sweep& s, const platform& p,
                   const check_options& opt = {});

}  // namespace lambdasim
