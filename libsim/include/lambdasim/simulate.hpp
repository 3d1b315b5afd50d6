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
#include "lambdasim/pool.hpp"
#include "lambdasim/traffic.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// Options of one simulation. Unset keep_alive / recycling come from the platform's
/// pool model (pool_model::named(platform.name)). Simulated requests per second on one
/// core, for time estimates (README "Speed", measured with benchmarks/bench_simulate at
/// 10 concurrent instances).
inline constexpr double simulated_requests_per_s = 11e6;

struct simulate_options {
  double memory_mb = 0;  ///< required: a size on the platform grid
  std::optional<keep_alive_model> keep_alive;  ///< default: the platform's
  std::optional<recycling_model> recycling;    ///< default: the platform's
  std::optional<int> reserved_concurrency;  ///< cap on running requests; none = no cap
  int provisioned_concurrency = 0;          ///< instances always warm
  /// On-demand instances already warm and idle at t = 0 (as if a request had just
  /// ended; fresh lifetimes). Unset: arrivals::warm_at_start (a recorded trace that
  /// started warm starts warm; 0 otherwise).
  std::optional<int> initial_instances;
  std::uint64_t seed = 0;
  int replications = 1;  ///< independent runs, merged; stream i seeded from (seed, i)
  int threads = 0;       ///< 0 = hardware threads; results never depend on it
  int timeline_bins = 200;  ///< resolution of the timeline over the period (0 = none)
  std::uint64_t progress_every = 1u << 20;  ///< requests between progress callbacks
  /// Guard: simulate() refuses more expected requests (over all replications) than
  /// this, saying how long they would take (at simulated_requests_per_s); raise it on
  /// purpose.
  double max_requests = 1e9;
  /// Confidence of the interval around the simulated cold fraction
  /// (simulation_result::cold_fraction_lo/hi), in (0, 1).
  double cold_fraction_level = 0.95;

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
  std::uint64_t requests = 0;  ///< arrivals
  std::uint64_t served = 0;    ///< requests - throttled
  std::uint64_t cold_starts = 0;
  std::uint64_t throttled = 0;           ///< rejected at the reserved-concurrency cap
  std::uint64_t provisioned_served = 0;  ///< served by provisioned instances
  std::uint64_t recycled = 0;            ///< instances retired by recycling
  std::uint64_t expired = 0;             ///< instances reclaimed after their keep-alive
  double cold_fraction = 0;              ///< cold_starts / served (NaN if none served)
  /// Exact (Clopper-Pearson) interval of cold_fraction at cold_fraction_level, treating
  /// the served requests as independent trials (clopper_pearson; NaN if none served).
  /// Cold starts cluster in time (a burst starts several), so this is the sampling
  /// error of a simulation of this length, a lower bound on the spread between seeds
  /// when they cluster: more replications narrow both.
  double cold_fraction_lo = 0;
  double cold_fraction_hi = 0;
  double cold_fraction_level = simulate_options{}.cold_fraction_level;  ///< as used
  latency_stats warm, cold, all;
  double mean_concurrency = 0;  ///< time-average of running requests
  int peak_concurrency = 0;     ///< most requests running at once
  double mean_instances = 0;    ///< time-average of live instances (incl. provisioned)
  int peak_instances = 0;
  double instance_seconds = 0;  ///< live instance time within the period(s)
  double busy_seconds = 0;      ///< sum of request durations
  double period_s = 0;
  int replications = 1;
  double warm_ms = 0;  ///< model warm duration at memory_mb
  double cold_ms = 0;  ///< model cold duration at memory_mb
  double memory_mb = 0;
  int provisioned_concurrency = 0;
  std::uint64_t seed = 0;
  keep_alive_model keep_alive;         ///< as used
  recycling_model recycling;           ///< as used
  log_histogram warm_hist, cold_hist;  ///< latency histograms (ms)
  /// Timeline: bins of bin_s over the period; per bin, summed over replications:
  /// arrivals, cold starts, throttles, and busy seconds of requests starting in the bin
  /// (mean concurrency = busy_s / (bin_s * replications)).
  double bin_s = 0;
  Eigen::VectorXd timeline_arrivals, timeline_cold_starts, timeline_throttled,
      timeline_busy_s;
};

/// An exact two-sided interval of a binomial proportion (Clopper & Pearson, Biometrika
/// 26, 1934): `x` successes in `n` trials at confidence `level`, from quantiles of the
/// beta distribution (Boost.Math): lo = Beta(x, n-x+1) quantile at (1-level)/2 (0 when
/// x = 0), hi = Beta(x+1, n-x) quantile at (1+level)/2 (1 when x = n). NaN for n = 0.
struct proportion_interval {
  double lo = 0, hi = 0;
};
/// @throws std::invalid_argument unless x <= n and 0 < level < 1
proportion_interval clopper_pearson(std::uint64_t x, std::uint64_t n, double level);

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
                           const simulate_options& opt,
                           const progress_callback& progress = {});

/// Hours in a month for scaling a simulated period to a month: the mean Gregorian
/// month, 365.2425 * 24 / 12 = 730.485 h (calendar, not AWS).
inline constexpr double mean_month_hours = 365.2425 * 24 / 12;

/// The month's bill (bill.hpp) of what was simulated: the served requests per period
/// scaled to month_hours, the simulated cold fraction of on-demand requests, the
/// provisioned concurrency enabled all month and the simulated share of requests it
/// served. Every other bill option (free tier, storage, date, ...) is taken from `o`.
/// Throttled requests are not billed.
/// @throws std::invalid_argument as compute_bill, or unless 0 < month_hours <= 744
monthly_bill simulated_bill(const simulation_result& r, const profile& w,
                            const platform& p, const price_table& prices,
                            bill_options o = {}, double month_hours = mean_month_hours);

}  // namespace lambdasim
