// SPDX-License-Identifier: MIT
/// @file powertuning.hpp
/// AWS Lambda Power Tuning compatible pricing: its trimmed mean and its per-invocation
/// price (`averagePrice`, the output's `cost`), reproduced operation for operation, so a
/// user can compare lambdasim with Power Tuning like with like. Power Tuning prices a size
/// as ceil(trimmed mean of billed ms) * base * (memory / 128): no requests, tiers or free
/// tier. The exact AWS bill is compute_bill (bill.hpp).
#pragma once

#include <Eigen/Core>
#include <string_view>

#include "lambdasim/billing.hpp"

namespace lambdasim {

/// Power Tuning's base price (USD per ms at its minRAM, 128 MB) for a region and
/// architecture from models/; like Power Tuning, a region it does not list gets its
/// "default" price.
double powertuning_base_usd_per_ms(std::string_view region, architecture arch);
/// Power Tuning's minRAM (128 MB) from models/.
double powertuning_min_ram_mb();

/// Power Tuning's default discardTopBottom (lambda/utils.js @262ecc2): a tool setting,
/// not an AWS figure.
inline constexpr double powertuning_default_discard_top_bottom = 0.2;

/// Power Tuning's trimmed mean (utils.computeAverageDuration): sort ascending, drop
/// k = trunc(n * discard_top_bottom) values at each end, sum the rest in ascending order,
/// divide by n - 2k. Empty input gives 0, as in Power Tuning.
/// @throws std::invalid_argument unless discard_top_bottom is in [0, 0.4] (Power Tuning
///         clamps to that range; lambdasim refuses instead) and every value is finite
double powertuning_trimmed_mean(const Eigen::Ref<const Eigen::VectorXd>& values,
                                double discard_top_bottom);

/// Power Tuning's utils.computePrice: ceil(average_billed_ms) * base * (memory / minRAM),
/// evaluated in that order (so the double result equals Power Tuning's).
/// @throws std::invalid_argument unless average_billed_ms >= 0, memory_mb > 0, base >= 0
double powertuning_price(double average_billed_ms, double memory_mb, double base_usd_per_ms);

/// Power Tuning's statistics of one size, from per-invocation REPORT values.
struct powertuning_stats {
  double average_duration_ms = 0;  ///< trimmed mean of duration (Duration + Init + Restore)
  double average_billed_ms = 0;    ///< trimmed mean of billed duration
  double average_price_usd = 0;    ///< averagePrice (the output's `cost` at the chosen size)
  double total_cost_usd = 0;       ///< totalCost: every invocation priced and summed
};

/// @throws std::invalid_argument on a size mismatch, a negative or non-finite value, or a
///         discard_top_bottom outside [0, 0.4]
powertuning_stats powertuning_statistics(const Eigen::Ref<const Eigen::VectorXd>& duration_ms,
                                         const Eigen::Ref<const Eigen::VectorXd>& billed_ms,
                                         double memory_mb, double base_usd_per_ms,
                                         double discard_top_bottom = powertuning_default_discard_top_bottom);

}  // namespace lambdasim
