// SPDX-License-Identifier: MIT
/// @file bill.hpp
/// The monthly bill of one function at one memory size: compute, requests, INIT,
/// ephemeral storage, provisioned concurrency and SnapStart, priced with a price_table
/// and the billing rules it carries (prices.hpp).
#pragma once

#include <Eigen/Core>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/curve.hpp"
#include "lambdasim/platform.hpp"
#include "lambdasim/prices.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// What the month looks like. C++ owns the defaults; Python and the CLI only override.
struct bill_options {
  double requests_per_month = 0;
  double cold_fraction =
      0;  ///< fraction of on-demand requests that are cold starts, [0, 1]
  int provisioned_concurrency = 0;
  double provisioned_hours =
      0;  ///< hours per month the provisioned instances are enabled
  double provisioned_request_fraction =
      1;  ///< fraction of requests executed on provisioned
          ///< instances when provisioned_concurrency > 0
  bool free_tier =
      false;  ///< apply the monthly free tier (not with provisioned concurrency)
  /// configured ephemeral storage (default: AWS's free amount, from models/)
  double storage_mb = billing_rules::aws().storage_free_mb;
  /// Billing rules in force on this date ("YYYY-MM-DD"): granularity and INIT. Empty:
  /// the platform's billing granularity and the current INIT rule.
  std::string date;
  package_type package = package_type::zip;
  bool custom_runtime =
      false;  ///< OS-only runtime (provided.al2023...): INIT always billed
  /// SnapStart: cold starts restore a snapshot instead of running INIT.
  bool snapstart = false;
  double snapstart_restore_ms =
      0;  ///< billed restore duration (incl. hooks) per cold start
  double snapstart_cache_hours = 0;  ///< hours per month the snapshot is cached
  /// GB-s the rest of the account uses this month in the same region and architecture:
  /// the function's GB-s are priced on the tiers above it.
  double account_gb_s_offset = 0;
  /// Compute Savings Plan discount on duration (execution and INIT) and provisioned
  /// concurrency, a fraction within [0, the published maximum] (models/lmi-aws.json
  /// "savings_plans": 12 % no upfront to 17 % all upfront); requests are not
  /// discounted.
  double savings_plan_discount = 0;

  /// Checked against `rules` (the storage range); validate() checks against AWS's
  /// rules.
  /// @throws std::invalid_argument naming the field and the value
  void validate(const billing_rules& rules) const;
  void validate() const;
};

/// One month's bill, itemised (USD) with the quantities behind each line.
struct monthly_bill {
  double requests = 0;  ///< all requests (on-demand + provisioned)
  double gb_s = 0;  ///< billed duration GB-s (on-demand incl. INIT and restore, plus
                    ///< provisioned executing), before the free tier
  double compute_usd = 0;   ///< on-demand execution duration (after free tier, tiered)
  double requests_usd = 0;  ///< request charge (after free tier)
  double init_usd = 0;      ///< billed INIT of on-demand cold starts
  double storage_usd = 0;   ///< ephemeral storage above the free amount
  double provisioned_usd = 0;  ///< provisioned concurrency: enabled + executing
  double snapstart_usd = 0;  ///< SnapStart cache + restore (restore duration included)
  double total_usd = 0;
  // Quantities behind the lines.
  double memory_mb = 0;
  double on_demand_requests = 0;
  double provisioned_requests = 0;
  double cold_starts = 0;        ///< on-demand cold starts
  double billable_requests = 0;  ///< after the free tier
  double on_demand_gb_s = 0;     ///< execution + INIT + restore, before the free tier
  double billable_gb_s = 0;      ///< on_demand_gb_s after the free tier
  double init_gb_s = 0;          ///< billed INIT GB-s
  double provisioned_gb_s = 0;   ///< executing on provisioned instances
  double provisioned_enabled_gb_s = 0;
  double storage_gb_s = 0;  ///< extra storage GB x billed seconds
  double snapstart_cache_gb_s = 0;
  double snapstart_restore_gb = 0;
  double warm_billed_ms = 0;  ///< one warm invocation
  double cold_billed_ms = 0;  ///< one on-demand cold start incl. billed INIT / restore
  double granularity_ms = 0;
  bool init_billed = false;
  /// Power Tuning's averagePrice of one warm invocation at this size (its formula and
  /// regional base price), for comparison with Power Tuning results.
  double powertuning_usd = 0;
};

/// The month's bill of profile `w` at `memory_mb`.
/// @throws std::invalid_argument for invalid options, a size off the platform's grid or
///         below the profile's peak_memory_mb, or a price the table lacks (e.g.
///         provisioned concurrency in a region without that price)
monthly_bill compute_bill(const profile& w, const platform& p,
                          const price_table& prices, double memory_mb,
                          const bill_options& o);

/// One bill per memory size (columns). Sizes below the profile's peak_memory_mb are
/// infeasible: feasible is false and every money and GB-s column is NaN there.
struct bill_curve_result {
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd requests;
  Eigen::VectorXd gb_s;
  Eigen::VectorXd compute_usd;
  Eigen::VectorXd requests_usd;
  Eigen::VectorXd init_usd;
  Eigen::VectorXd storage_usd;
  Eigen::VectorXd provisioned_usd;
  Eigen::VectorXd snapstart_usd;
  Eigen::VectorXd total_usd;
  Eigen::VectorXd billable_gb_s;
  Eigen::VectorXd warm_billed_ms;
  Eigen::VectorXd powertuning_usd;
  bool_vector feasible;
};

/// @throws as compute_bill (options are checked once, before any size)
bill_curve_result bill_curve(const profile& w, const platform& p,
                             const price_table& prices,
                             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                             const bill_options& o);
/// Over every size of the platform.
bill_curve_result bill_curve(const profile& w, const platform& p,
                             const price_table& prices, const bill_options& o);

/// Bill curves of many profiles over one grid: matrices of profiles x sizes
/// (row-major), the columns of bill_curve_result. Row i equals
/// bill_curve(profiles[i], ...) bit for bit, whatever the thread count.
struct fleet_bill_curve_result {
  Eigen::VectorXd memory_mb;  ///< the grid
  row_matrix requests, gb_s, compute_usd, requests_usd, init_usd, storage_usd,
      provisioned_usd, snapstart_usd, total_usd, billable_gb_s, warm_billed_ms,
      powertuning_usd;
  bool_row_matrix feasible;
  /// The twelve money and quantity matrices, in the order above.
  std::array<row_matrix*, 12> columns();
};

/// Bill curves of many profiles (a span, or columns named as Profile()'s shorthand):
/// options and sizes checked once, every profile once; the work is split over
/// `threads` threads (0 = every hardware thread).
/// @throws std::invalid_argument as bill_curve, naming the profile ("profiles[3]...")
fleet_bill_curve_result bill_curve(std::span<const profile> profiles, const platform& p,
                                   const price_table& prices,
                                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                                   const bill_options& o, int threads = 0);
fleet_bill_curve_result bill_curve(const profile_columns& profiles, const platform& p,
                                   const price_table& prices,
                                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                                   const bill_options& o, int threads = 0);

}  // namespace lambdasim
