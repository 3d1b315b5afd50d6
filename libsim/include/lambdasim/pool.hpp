// SPDX-License-Identifier: MIT
/// @file pool.hpp
/// The instance pool model of a platform: how long an idle instance stays warm
/// (keep-alive), when warm instances are recycled, the pool model of a platform from
/// models/instance-pool-<platform>.json, and the closed-form cold-start probability of
/// one instance under Poisson arrivals. The discrete-event engine that runs a pool over
/// traffic is simulate.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lambdasim {

/// How long an idle instance stays warm. Either a fixed time, or an empirical
/// distribution given by its survival function S(t) = P(still warm after t s idle),
/// piecewise linear between points, S(0) = 1, reaching 0. A fresh keep-alive is drawn
/// for every idle period. An instance idle for longer than its keep-alive is reclaimed.
struct keep_alive_model {
  double fixed_s = 0;            ///< > 0: a fixed keep-alive; 0: use the table
  std::vector<double> idle_s;    ///< ascending, > 0
  std::vector<double> survival;  ///< non-increasing in [0, 1], last == 0

  /// @throws std::invalid_argument unless seconds > 0 and finite
  static keep_alive_model fixed(double seconds);
  /// From warm/trials counts per idle time (e.g. data/coldstarts/keep_alive): the
  /// warm fractions made non-increasing by pool-adjacent-violators (weighted by
  /// trials).
  /// @throws std::invalid_argument for mismatched sizes, unsorted idle times, warm >
  ///         trials, or a last point still warm (the keep-alive must end)
  static keep_alive_model empirical(const std::vector<double>& idle_s,
                                    const std::vector<double>& warm,
                                    const std::vector<double>& trials);
  bool is_fixed() const { return fixed_s > 0; }
  /// @throws std::invalid_argument naming the first bad field
  void validate() const;
  /// The keep-alive whose survival probability is u (u in [0, 1]): inverse of S.
  double quantile(double u) const;
  /// Mean keep-alive in seconds.
  double mean_s() const;
};

/// Recycling of warm instances: an instance lives min(E, C) s after its cold start, E
/// exponential with rate early_per_s (early recycling), C uniform in
/// [max_lifetime_min_s, max_lifetime_max_s] (the platform's maximum lifetime). A
/// recycled instance finishes the request it is running, then is gone.
struct recycling_model {
  double early_per_s = 0;         ///< constant hazard of early recycling; 0 = none
  double max_lifetime_min_s = 0;  ///< 0 (with max 0) = no maximum lifetime
  double max_lifetime_max_s = 0;

  /// No recycling: instances live until their keep-alive runs out.
  static recycling_model none() { return {}; }
  /// A fixed maximum lifetime and no early recycling; 0 means no recycling.
  /// @throws std::invalid_argument unless seconds >= 0 and finite
  static recycling_model fixed(double max_lifetime_s);
  bool enabled() const { return early_per_s > 0 || max_lifetime_max_s > 0; }
  /// @throws std::invalid_argument naming the bad field
  void validate() const;
};

/// A platform's instance-pool behaviour (models/instance-pool-<platform>.json).
struct pool_model {
  std::string name;
  keep_alive_model keep_alive;
  recycling_model recycling;

  /// The pool model of a platform by name ("aws-lambda", "aws-lambda-2020").
  /// @throws std::invalid_argument for a platform without pool data
  static pool_model named(std::string_view platform_name);
  /// @throws config_error with origin and JSON pointer
  static pool_model from_json(std::string_view text,
                              std::string_view origin = "<json>");
  static pool_model load(const std::string& path);
};

/// For one instance and Poisson arrivals at rate_per_s with short requests, P(cold) =
/// E[exp(-rate * K)] over the keep-alive K: exp(-rate * K) for a fixed K.
/// @throws std::invalid_argument unless rate_per_s >= 0
double cold_probability(double rate_per_s, const keep_alive_model& keep_alive);
/// exp(-rate_per_s * keep_alive_s). @throws std::invalid_argument unless both >= 0 / >
/// 0
double cold_probability(double rate_per_s, double keep_alive_s);

}  // namespace lambdasim
