// SPDX-License-Identifier: MIT
/// @file lmi_compare.hpp
/// The three ways to run a function compared at the user's traffic: on-demand,
/// provisioned concurrency and Lambda Managed Instances (lmi.hpp), each with the
/// month's cost and a latency percentile, and the break-even view (monthly cost of each
/// against monthly requests or the peak-to-mean ratio, crossovers marked).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/bill.hpp"
#include "lambdasim/compute.hpp"
#include "lambdasim/lmi.hpp"
#include "lambdasim/platform.hpp"
#include "lambdasim/recommend.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// Provisioned concurrency held for a peak: concurrency at the peak rate is Poisson
/// (M/G/inf) with mean a = rate x warm duration; hold ceil(a + 3 sqrt(a)) (its 99.87 %
/// quantile in the normal approximation), at least 1.
/// @throws std::invalid_argument unless both are >= 0 and finite
int provisioned_for_peak(double peak_rate_per_s, double warm_ms);

/// What compare_compute needs besides the function.
struct compare_options {
  double requests_per_month = 0;
  double peak_to_mean =
      steady_peak_to_mean;    ///< capacity (PC, LMI) is held for mean x this
  double percentile = 0.99;   ///< the latency percentile reported, (0, 1)
  double max_latency_ms = 0;  ///< 0: none; else options slower at the percentile lose
  double max_throttled_fraction = 0.001;  ///< options throttling more lose
  double simulate_s = 1800;  ///< simulated window at the peak rate for latencies
  double month_hours = lmi_model::aws().month_hours;
  std::uint64_t seed = 0;
  std::vector<compute_kind> computes = {compute_kind::on_demand,
                                        compute_kind::provisioned, compute_kind::lmi};
  /// @throws std::invalid_argument naming the field
  void validate() const;
};

/// One compute option at the user's traffic.
struct compute_estimate {
  compute_kind compute = compute_kind::on_demand;
  double total_usd = 0;   ///< the month
  double latency_ms = 0;  ///< at compare_options::percentile, simulated
  double mean_latency_ms = 0;
  double throttled_fraction = 0;
  double cold_fraction = 0;  ///< on-demand and provisioned overflow
  bool feasible = true;      ///< within max_latency_ms and max_throttled_fraction
  int provisioned_concurrency = 0;
  int environments = 0;  ///< lmi
  int instances = 0;     ///< lmi
  monthly_bill bill;     ///< on-demand and provisioned
  lmi_bill lmi;          ///< lmi
  std::string detail;    ///< one line: what was priced
};

struct compute_comparison {
  std::vector<compute_estimate> options;  ///< in compare_options::computes order
  compute_kind winner = compute_kind::on_demand;
  std::string reason;  ///< why the winner wins
  double percentile = 0.99;
  std::vector<std::string>
      assumptions;  ///< LMI's, for its configuration (lmi_assumptions)
};

/// Prices and simulates each compute option for profile `w` at `memory_mb` (on-demand
/// and provisioned; LMI uses its own configuration `c`) and picks the cheapest feasible
/// one. Bill options `bo` (free tier, Savings Plan, ...) apply to on-demand and
/// provisioned; requests_per_month comes from `o`.
/// @throws std::invalid_argument for invalid inputs, or when no option is feasible
compute_comparison compare_compute(const profile& w, const platform& p,
                                   const price_table& prices, double memory_mb,
                                   const lmi_config& c, const compare_options& o,
                                   bill_options bo = {});

/// Monthly cost of each compute option over a grid (analytic: no simulation; on-demand
/// with no cold starts, provisioned for the peak, LMI planned for the peak).
struct break_even_result {
  std::string x_name;  ///< "requests_per_month" or "peak_to_mean"
  Eigen::VectorXd x;
  Eigen::VectorXd on_demand_usd, provisioned_usd, lmi_usd;
  /// x where LMI and on-demand cost the same (sign changes of lmi - on_demand, refined
  /// by bisection), ascending
  std::vector<double> lmi_on_demand_crossovers;
  std::vector<double> lmi_provisioned_crossovers;
};

/// Costs against monthly requests at a fixed peak-to-mean ratio.
/// @throws std::invalid_argument for an empty or negative grid, or as compute_bill /
///         plan_lmi
break_even_result break_even_requests(
    const profile& w, const platform& p, const price_table& prices, double memory_mb,
    const lmi_config& c, const Eigen::Ref<const Eigen::VectorXd>& requests_per_month,
    double peak_to_mean = steady_peak_to_mean, bill_options bo = {},
    double month_hours = lmi_model::aws().month_hours);
/// Costs against the peak-to-mean ratio at fixed monthly requests.
break_even_result break_even_peak(const profile& w, const platform& p,
                                  const price_table& prices, double memory_mb,
                                  const lmi_config& c, double requests_per_month,
                                  const Eigen::Ref<const Eigen::VectorXd>& peak_to_mean,
                                  bill_options bo = {},
                                  double month_hours = lmi_model::aws().month_hours);

namespace detail {
/// recommend()'s LMI step: plans LMI for the recommendation's monthly requests (at the
/// arrival pattern's peak-to-mean), simulates its latency percentile, and makes it the
/// choice when it meets every constraint and wins between the two on the strategy's
/// terms (cost: cheaper; speed: faster warm duration; balanced and knee: the balanced
/// score of the two); otherwise lists it as a runner-up. The reason says which and why.
/// @throws std::invalid_argument without lmi or without monthly requests
void recommend_lmi(recommendation& r, const profile& w, const recommend_options& o);
}  // namespace detail

}  // namespace lambdasim
