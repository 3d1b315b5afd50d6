// SPDX-License-Identifier: MIT
/// @file recommend.hpp
/// Recommendation: which memory size, architecture and concurrency option to run a
/// profile at, over the whole memory grid, under the user's constraints (DESIGN.md,
/// "Recommendation"; docs/choosing.md explains every rule with a worked example).
///
/// Candidates are (memory size, architecture, concurrency option). Each is priced with
/// the month's bill (bill.hpp: free tier, tiers, INIT, provisioned concurrency enabled
/// and executing) when a monthly request count is given, and per warm invocation (as
/// curve.hpp) otherwise. The objective's duration is the warm duration (as Power
/// Tuning's average duration); the latency constraint and the Pareto front use a
/// percentile of all requests, cold starts included.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/bill.hpp"
#include "lambdasim/billing.hpp"
#include "lambdasim/compute.hpp"
#include "lambdasim/curve.hpp"
#include "lambdasim/lmi.hpp"
#include "lambdasim/platform.hpp"
#include "lambdasim/simulate.hpp"
#include "lambdasim/traffic.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// What "best" means among the configurations that meet every constraint.
enum class recommend_strategy {
  cost,      ///< cheapest; ties to the faster
  speed,     ///< fastest warm duration; ties to the cheaper
  balanced,  ///< Power Tuning's: min w*cost/max(cost) + (1-w)*duration/max(duration)
  /// The knee of the cost-duration trade-off: on the Pareto front of (cost, warm
  /// duration) over the feasible set, each axis scaled to [0, 1] between the front's
  /// ends, the point farthest below the chord joining the cheapest and the fastest end
  /// (Satopaa et al., "Kneedle", 2011): past it, each extra dollar buys less speed-up
  /// than the average rate along the front. Ties to the cheaper.
  knee,
};
template <>
struct enum_traits<recommend_strategy> {
  static constexpr std::string_view field = "strategy";
  static constexpr std::array<std::pair<recommend_strategy, std::string_view>, 4> names{
      {{recommend_strategy::cost, "cost"},
       {recommend_strategy::speed, "speed"},
       {recommend_strategy::balanced, "balanced"},
       {recommend_strategy::knee, "knee"}}};
};
std::string_view to_string(recommend_strategy s);
/// @throws std::invalid_argument for a name other than cost, speed, balanced, knee
recommend_strategy recommend_strategy_from_string(std::string_view name);

/// How a candidate's latency percentile was obtained.
enum class latency_method {
  warm_only,    ///< no traffic given: the warm duration's percentile (lognormal, cv)
  closed_form,  ///< lognormal mixture of warm and cold with a closed-form cold fraction
  simulation,   ///< lognormal mixture with the cold fraction from the simulator
};
template <>
struct enum_traits<latency_method> {
  static constexpr std::string_view field = "latency_method";
  static constexpr std::array<std::pair<latency_method, std::string_view>, 3> names{
      {{latency_method::warm_only, "warm_only"},
       {latency_method::closed_form, "closed_form"},
       {latency_method::simulation, "simulation"}}};
};
std::string_view to_string(latency_method m);

/// A constraint a candidate can fail (the first one it fails, in this order).
enum class constraint {
  none,
  memory,  ///< below peak_memory_mb * (1 + headroom)
  max_warm_ms,
  max_latency_ms,
  budget_usd,
};
template <>
struct enum_traits<constraint> {
  static constexpr std::string_view field = "constraint";
  static constexpr std::array<std::pair<constraint, std::string_view>, 5> names{
      {{constraint::none, "none"},
       {constraint::memory, "memory"},
       {constraint::max_warm_ms, "max_warm_ms"},
       {constraint::max_latency_ms, "max_latency_ms"},
       {constraint::budget_usd, "budget_usd"}}};
};
std::string_view to_string(constraint c);
/// What failing a constraint means, in words for a legend ("over budget"; "feasible"
/// for none).
std::string_view constraint_words(constraint c);

/// Options of a recommendation. C++ owns the defaults; Python and the CLI only
/// override.
struct recommend_options {
  recommend_strategy strategy = recommend_strategy::balanced;
  double weight = 0.5;  ///< balanced: weight of cost, in [0, 1]
  /// Memory sizes to consider (empty: every size of the platform).
  Eigen::VectorXd memory_mb;
  /// Architectures to consider (non-empty, no repeats).
  std::vector<architecture> architectures{architecture::x86_64, architecture::arm64};
  /// The architecture the profile was measured on (unset: the profile's
  /// `architecture`).
  std::optional<architecture> profile_architecture;
  /// How many times faster the profile's CPU work (cpu and gc components and
  /// first_call_cpu_ms; io, scaled_io and init_ms unchanged) runs on the other
  /// architecture, as profile::on_architecture and architecture_speed_ratio: 1.25 means
  /// it takes 0.8 of the time there. Unset: 1.0, and the result's caveats say so.
  std::optional<double> speed_ratio;
  std::string region = "us-east-1";
  /// Concurrency options to consider; provisioned needs max_provisioned > 0.
  std::vector<compute_kind> compute{compute_kind::on_demand, compute_kind::provisioned};
  /// Largest number of provisioned instances tried (1..max_provisioned); 0: none.
  /// recommend() refuses more than recommend_max_candidates configurations (sizes x
  /// architectures x concurrency options): narrow memory_mb to try many levels.
  int max_provisioned = 0;
  /// The Lambda Managed Instances configuration (instance type, ...) when compute
  /// includes lmi: planned for the traffic's peak, its latency simulated (lmi.hpp).
  std::optional<lmi_config> lmi;

  // Traffic.
  double requests_per_month = 0;  ///< 0: price one warm invocation, no monthly bill
  /// A non-Poisson arrival pattern (e.g. hourly rates); its mean rate sets the monthly
  /// requests, and latencies come from the simulator.
  std::optional<arrivals> arrival_pattern;
  /// Base of each candidate's monthly bill (free tier, date, storage, account offset);
  /// requests, cold fraction and provisioned fields are set per candidate.
  bill_options bill;

  // Constraints.
  std::optional<double> max_warm_ms;
  std::optional<double> max_latency_ms;
  /// Percentile of all requests (cold starts included) for max_latency_ms and the
  /// Pareto front, in (0, 100).
  double percentile = 99;
  std::optional<double> budget_usd;  ///< monthly; needs requests_per_month > 0
  /// Memory headroom over the profile's peak_memory_mb: sizes below peak * (1 +
  /// headroom) are excluded. 20 % is DESIGN.md's default, the safety margin
  /// right-sizing guides commonly quote; it is a guide's rule of thumb, not a platform
  /// limit, and no AWS document we found states the figure (docs/choosing.md says so).
  double headroom = 0.2;

  // The current configuration, for "what changes".
  std::optional<double> current_memory_mb;
  std::optional<architecture> current_architecture;  ///< default: the profile's
  /// Provisioned-concurrency instances of the current configuration (Python also
  /// takes current_provisioned, its deprecated name).
  int current_provisioned_concurrency = 0;

  // The model's uncertainty: a relative half-width of the warm-duration prediction
  // band, or band arrays on the memory grid for profile_architecture (both empty/0:
  // none).
  double band_relative = 0;
  Eigen::VectorXd band_lo_ms, band_hi_ms;

  int runners_up = 4;  ///< at most this many runners-up

  // Latency model.
  /// Closed form while the expected on-demand concurrency (arrival rate x cold
  /// duration) is below this; the simulator otherwise.
  double closed_form_max_load = 0.05;
  int simulated_sizes = 9;     ///< sizes simulated per group when simulating
  double simulated_hours = 1;  ///< shortest simulated period for Poisson traffic
  /// Poisson traffic: the period holds about this many requests (at least
  /// simulated_hours, at most 744 h), so low rates are not judged from a handful of
  /// cold starts and high rates do not simulate tens of millions of requests per size.
  double simulated_requests = 2e5;
  std::uint64_t seed = 0;

  /// @throws std::invalid_argument naming the field and the value
  void validate() const;
};

/// One configuration with its figures.
struct recommend_candidate {
  double memory_mb = 0;
  architecture arch = architecture::x86_64;
  compute_kind compute = compute_kind::on_demand;
  /// Provisioned-concurrency instances (0 on demand); the name of
  /// bill_options::provisioned_concurrency. Bound and written also as "provisioned"
  /// (the older name, kept because the CLI's JSON and tables are parsed by tools).
  int provisioned_concurrency = 0;
  double warm_ms = 0;
  double cold_ms = 0;
  double cost_usd = 0;       ///< one warm invocation, first-tier price (as curve)
  double monthly_usd = 0;    ///< the month's bill (NaN without requests_per_month)
  double latency_ms = 0;     ///< the percentile of all requests
  double cold_fraction = 0;  ///< of all requests
  double band_lo_ms = 0,
         band_hi_ms = 0;  ///< warm-duration band (= warm_ms without one)
  latency_method method = latency_method::warm_only;
  std::string role;  ///< runners-up: why it is listed ("cheapest", "arm64", ...)
  bool within_uncertainty = false;  ///< runners-up: band overlaps the choice's
  /// The month's itemised bill (the choice, runners-up and the current configuration
  /// only; zero without requests_per_month).
  monthly_bill bill;
};

/// Every candidate, one row each.
struct recommend_table {
  Eigen::VectorXd memory_mb;
  std::vector<architecture> arch;
  std::vector<compute_kind> compute;
  Eigen::VectorXi
      provisioned_concurrency;  ///< also bound as "provisioned" (older name)
  Eigen::VectorXd warm_ms, cold_ms, cost_usd, monthly_usd, latency_ms, cold_fraction;
  std::vector<constraint> excluded_by;  ///< none = feasible
  bool_vector pareto;  ///< on the Pareto front of (cost, latency) among the feasible
};

/// What changes from the current configuration to the chosen one.
struct recommend_change {
  recommend_candidate current;
  double cost_change = 0;         ///< relative change of the cost measure (0.1 = +10 %)
  double duration_change = 0;     ///< relative change of the warm duration
  double latency_change = 0;      ///< relative change of the latency percentile
  double monthly_usd_change = 0;  ///< dollars a month (NaN without requests_per_month)
};

struct recommendation {
  recommend_candidate chosen;
  monthly_bill chosen_bill;  ///< the month's bill of the choice (zero without requests)
  recommend_strategy strategy = recommend_strategy::balanced;
  double weight = 0.5;
  double percentile = 99;
  double requests_per_month = 0;
  /// Which constraint decided it (none: the objective alone) and the reason in words.
  constraint decided_by = constraint::none;
  std::string reason;
  std::vector<recommend_candidate> runners_up;
  recommend_table candidates;
  std::optional<recommend_change> change;
  latency_method method = latency_method::warm_only;  ///< the chosen's
  std::string method_detail;  ///< how the latencies were obtained, with the error bound
  bool within_uncertainty = false;  ///< a runner-up's band overlaps the choice's
  std::vector<std::string> caveats;
  double speed_ratio = 1;  ///< as used
  std::size_t feasible_count = 0;
  /// When compute includes lmi: its capacity plan and bill (chosen or not).
  std::optional<lmi_plan> lmi;
};

/// The most configurations (sizes x architectures x concurrency options) one
/// recommendation considers: each holds a table row (about 550 bytes), so this bounds
/// its memory near 2 GB (every size, both architectures and 200 provisioned levels).
inline constexpr std::size_t recommend_max_candidates = 4'100'000;

/// Progress of a recommendation's traffic simulations, in simulated requests: called
/// once with done = 0 and the total before the first simulation (only when the
/// recommendation simulates), then after each simulation, serialised, from the
/// threads running them. An exception it throws (e.g. an interrupt) stops the run
/// and propagates.
using recommend_progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// Recommends a configuration of `w`.
/// @throws std::invalid_argument for bad options, or an impossible constraint: the
///         message names the constraint and the best value any configuration reaches
recommendation recommend(const profile& w, const platform& p,
                         const recommend_options& o = {},
                         const recommend_progress& progress = {});

/// Recommendations of many profiles under the same options.
struct fleet_recommendation {
  /// One per profile: results[i] equals recommend(profiles[i], p, o) (a
  /// default-constructed recommendation where errors[i] is set).
  std::vector<recommendation> results;
  /// Per profile: empty, or the message of the impossible constraint that left it
  /// without a configuration (what recommend() would throw for it alone).
  std::vector<std::string> errors;
};

/// Many profiles (a span, or columns named as Profile()'s shorthand), split over
/// `threads` threads (0 = every hardware thread); the result does not depend on it.
/// An impossible constraint is recorded per profile, not thrown.
/// @throws std::invalid_argument for bad options, or naming the profile
///         ("profiles[3]...") for an invalid one
fleet_recommendation recommend(std::span<const profile> profiles, const platform& p,
                               const recommend_options& o = {}, int threads = 0);
fleet_recommendation recommend(const profile_columns& profiles, const platform& p,
                               const recommend_options& o = {}, int threads = 0);

/// The latency percentile q (in (0, 1)) of a mixture of warm and cold requests whose
/// durations are warm_ms and cold_ms times a lognormal factor of mean 1 and relative
/// variability cv (as the simulator draws them): the smallest x with
/// (1 - cold_fraction) F_warm(x) + cold_fraction F_cold(x) >= q.
/// @throws std::invalid_argument unless 0 < q < 1, 0 <= cold_fraction <= 1, cv >= 0,
///         0 < warm_ms <= cold_ms
double mixture_percentile(double q, double warm_ms, double cold_ms,
                          double cold_fraction, double cv);

/// Cold fraction of Poisson arrivals at rate_per_s served by one instance (short
/// requests), with the pool's keep-alive and recycling, when a fraction `handover` of
/// its requests let another instance take over as the most recently used (which
/// restarts the age that recycling sees): 1 / E[requests per tenure] - handover, where
/// the instance serves the i-th later request if each idle gap stayed within a fresh
/// keep-alive
/// ((1 - P_ka)^i, P_ka = cold_probability), no handover happened and its age,
/// Gamma(i, rate), is below its lifetime min(Exp(early), U[min, max]); summed in closed
/// form. Without recycling and handover this is cold_probability. Approximate: ages use
/// unconditioned gaps, and a handover is taken as a renewal.
/// @throws std::invalid_argument for a negative rate or handover outside [0, 1]
double single_instance_cold_fraction(double rate_per_s, const pool_model& pool,
                                     double handover = 0);

/// Closed-form cold fraction of all requests for Poisson arrivals at rate_per_s with
/// mean duration mean_ms and n provisioned instances. Instances in order of preference
/// form a cascade of loss systems: instance k serves the fraction B(k-1) - B(k) of the
/// requests (Erlang B with offered load rate * mean; exact for Poisson arrivals by
/// insensitivity and PASTA), the first n are provisioned and always warm, and a request
/// served by on-demand instance k is cold with single_instance_cold_fraction at the
/// rate that instance serves, the first of them with its handovers to the others as the
/// most recently used (approximate: the overflow is burstier than Poisson). With n = 0
/// and a small load this is the single-instance fraction plus about rate * mean of cold
/// starts from concurrency.
/// @throws std::invalid_argument for a negative rate or duration or n < 0
double closed_form_cold_fraction(double rate_per_s, double mean_ms, int provisioned,
                                 const pool_model& pool);
/// The fraction of Poisson arrivals finding all n provisioned instances busy: Erlang B
/// with n servers and offered load rate * mean (1 for n = 0).
double overflow_fraction(double rate_per_s, double mean_ms, int provisioned);

/// Monthly requests at which n provisioned instances (enabled all month) cost the same
/// as on demand at memory_mb, with cold fractions from closed_form_cold_fraction; NaN
/// when provisioned never pays below 1e12 requests a month.
/// @throws as compute_bill
double provisioned_break_even(const profile& w, const platform& p,
                              const price_table& prices, double memory_mb,
                              int provisioned, const bill_options& base = {});

}  // namespace lambdasim
