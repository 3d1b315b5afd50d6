// SPDX-License-Identifier: MIT
/// @file simulate.hpp
/// The instance pool: a discrete-event simulation of how a function's instances serve a
/// stream of requests (warm reuse, cold starts, keep-alive, recycling, reserved and
/// provisioned concurrency), with streaming statistics: memory does not grow with the
/// number of simulated requests.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/bill.hpp"
#include "lambdasim/log_histogram.hpp"
#include "lambdasim/platform.hpp"
#include "lambdasim/traffic.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// How long an idle instance stays warm. Either a fixed time, or an empirical
/// distribution given by its survival function S(t) = P(still warm after t s idle),
/// piecewise linear between points, S(0) = 1, reaching 0. A fresh keep-alive is drawn
/// for every idle period. An instance idle for longer than its keep-alive is reclaimed.
struct keep_alive_model {
  double fixed_s = 0;             ///< > 0: a fixed keep-alive; 0: use the table
  std::vector<double> idle_s;     ///< ascending, > 0
  std::vector<double> survival;   ///< non-increasing in [0, 1], last == 0

  /// @throws std::invalid_argument unless seconds > 0 and finite
  static keep_alive_model fixed(double seconds);
  /// From warm/trials counts per idle time (e.g. data/coldstarts/keep_alive): the
  /// warm fractions made non-increasing by pool-adjacent-violators (weighted by trials).
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
/// exponential with rate early_per_s (early recycling), C uniform in [max_lifetime_min_s,
/// max_lifetime_max_s] (the platform's maximum lifetime). A recycled instance finishes
/// the request it is running, then is gone.
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
  static pool_model from_json(std::string_view text, std::string_view origin = "<json>");
  static pool_model load(const std::string& path);
};

/// Options of one simulation. Unset keep_alive / recycling come from the platform's pool
/// model (pool_model::named(platform.name)).
/// Simulated requests per second on one core, for time estimates (README "Speed",
/// measured with benchmarks/bench_simulate at 10 concurrent instances).
inline constexpr double simulated_requests_per_s = 11e6;

struct simulate_options {
  double memory_mb = 0;                         ///< required: a size on the platform grid
  std::optional<keep_alive_model> keep_alive;   ///< default: the platform's
  std::optional<recycling_model> recycling;     ///< default: the platform's
  std::optional<int> reserved_concurrency;      ///< cap on running requests; none = no cap
  int provisioned_concurrency = 0;              ///< instances always warm
  /// On-demand instances already warm and idle at t = 0 (as if a request had just
  /// ended; fresh lifetimes). Unset: arrivals::warm_at_start (a recorded trace that
  /// started warm starts warm; 0 otherwise).
  std::optional<int> initial_instances;
  std::uint64_t seed = 0;
  int replications = 1;    ///< independent runs, merged; stream i seeded from (seed, i)
  int threads = 0;         ///< 0 = hardware threads; results never depend on it
  int timeline_bins = 200; ///< resolution of the timeline over the period (0 = none)
  std::uint64_t progress_every = 1u << 20;  ///< requests between progress callbacks
  /// Guard: simulate() refuses more expected requests (over all replications) than this,
  /// saying how long they would take (at simulated_requests_per_s); raise it on purpose.
  double max_requests = 1e9;

  /// @throws std::invalid_argument naming the bad field
  void validate() const;
};

/// Latency of one class of requests (ms, as the caller sees it: a cold request
/// includes INIT). Percentiles within log_histogram::relative_error (0.2 %) of the
/// exact nearest-rank percentile; NaN when count is 0.
struct latency_stats {
  std::uint64_t count = 0;
  double mean_ms = 0, min_ms = 0, max_ms = 0;
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, p999_ms = 0;
};

/// Totals are over all replications; period_s is one replication's period;
/// mean_* are time averages over all replications.
struct simulation_result {
  std::uint64_t requests = 0;            ///< arrivals
  std::uint64_t served = 0;              ///< requests - throttled
  std::uint64_t cold_starts = 0;
  std::uint64_t throttled = 0;           ///< rejected at the reserved-concurrency cap
  std::uint64_t provisioned_served = 0;  ///< served by provisioned instances
  std::uint64_t recycled = 0;            ///< instances retired by recycling
  std::uint64_t expired = 0;             ///< instances reclaimed after their keep-alive
  double cold_fraction = 0;              ///< cold_starts / served (NaN if none served)
  latency_stats warm, cold, all;
  double mean_concurrency = 0;           ///< time-average of running requests
  int peak_concurrency = 0;              ///< most requests running at once
  double mean_instances = 0;             ///< time-average of live instances (incl. provisioned)
  int peak_instances = 0;
  double instance_seconds = 0;           ///< live instance time within the period(s)
  double busy_seconds = 0;               ///< sum of request durations
  double period_s = 0;
  int replications = 1;
  double warm_ms = 0;                    ///< model warm duration at memory_mb
  double cold_ms = 0;                    ///< model cold duration at memory_mb
  double memory_mb = 0;
  int provisioned_concurrency = 0;
  std::uint64_t seed = 0;
  keep_alive_model keep_alive;           ///< as used
  recycling_model recycling;             ///< as used
  log_histogram warm_hist, cold_hist;    ///< latency histograms (ms)
  /// Timeline: bins of bin_s over the period; per bin, summed over replications:
  /// arrivals, cold starts, throttles, and busy seconds of requests starting in the bin
  /// (mean concurrency = busy_s / (bin_s * replications)).
  double bin_s = 0;
  Eigen::VectorXd timeline_arrivals, timeline_cold_starts, timeline_throttled,
      timeline_busy_s;
};

/// Called from a worker thread (serialised) every progress_every requests with the
/// number of requests simulated so far over all replications. An exception it throws
/// stops the simulation and is rethrown by simulate().
using progress_callback = std::function<void(std::uint64_t done)>;

/// Simulates the arrivals against the platform's instance pool, with warm and cold
/// durations of the profile at opt.memory_mb (predict.hpp) times a lognormal factor of
/// mean 1 and the profile's cv. Reproducible bit for bit for a given seed, whatever
/// the thread count.
/// @throws std::invalid_argument for an invalid profile, platform, arrivals or option
simulation_result simulate(const profile& w, const platform& p, const arrivals& a,
                           const simulate_options& opt, const progress_callback& progress = {});

/// Hours in a month for scaling a simulated period to a month: the mean Gregorian month,
/// 365.2425 * 24 / 12 = 730.485 h (calendar, not AWS).
inline constexpr double mean_month_hours = 365.2425 * 24 / 12;

/// The month's bill (bill.hpp) of what was simulated: the served requests per period
/// scaled to month_hours, the simulated cold fraction of on-demand requests, the
/// provisioned concurrency enabled all month and the simulated share of requests it
/// served. Every other bill option (free tier, storage, date, ...) is taken from `o`.
/// Throttled requests are not billed.
/// @throws std::invalid_argument as compute_bill, or unless 0 < month_hours <= 744
monthly_bill simulated_bill(const simulation_result& r, const profile& w, const platform& p,
                            const price_table& prices, bill_options o = {},
                            double month_hours = mean_month_hours);

/// For one instance and Poisson arrivals at rate_per_s with short requests, P(cold) =
/// E[exp(-rate * K)] over the keep-alive K: exp(-rate * K) for a fixed K.
/// @throws std::invalid_argument unless rate_per_s >= 0
double cold_probability(double rate_per_s, const keep_alive_model& keep_alive);
/// exp(-rate_per_s * keep_alive_s). @throws std::invalid_argument unless both >= 0 / > 0
double cold_probability(double rate_per_s, double keep_alive_s);

namespace detail {
/// The seed of replication `index` of a simulation seeded `seed` (splitmix64 mixing).
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index);
/// The simulator's own variates from mt19937_64(seed), for testing the samplers:
/// Exp(1) and N(0, 1) by the ziggurat method.
std::vector<double> sample_exponential(std::uint64_t seed, std::size_t n);
std::vector<double> sample_normal(std::uint64_t seed, std::size_t n);
}  // namespace detail

}  // namespace lambdasim
