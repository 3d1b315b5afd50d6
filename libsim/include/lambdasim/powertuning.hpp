// SPDX-License-Identifier: MIT
/// @file powertuning.hpp
/// Everything about AWS Lambda Power Tuning: reading its output JSON and visualization
/// URL into sweeps, and its pricing: its trimmed mean and its per-invocation price
/// (`averagePrice`, the output's `cost`), reproduced operation for operation, so a user
/// can compare lambdasim with Power Tuning like with like. Power Tuning prices a size
/// as ceil(trimmed mean of billed ms) * base * (memory / 128): no requests, tiers or
/// free tier. The exact AWS bill is compute_bill (bill.hpp).
#pragma once

#include <array>
#include <utility>

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/prices.hpp"
#include "lambdasim/sweep.hpp"

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

// ---- reading Power Tuning output
// -------------------------------------------------------------------

/// One decoded Power Tuning visualization: sizes ascending, average duration (ms) and
/// average cost (USD per invocation, duration charge only), float32 precision.
struct powertuning_curve {
  std::vector<double> memory_mb;
  std::vector<double> duration_ms;
  std::vector<double> cost_usd;
  bool operator==(const powertuning_curve&) const = default;
};

/// Decodes a visualization URL (or just the part after '#'): three base64 fields
/// separated by ';': little-endian int16 sizes, float32 durations, float32 costs.
/// @throws std::invalid_argument naming the field when it is not valid base64, its
///         length is not a multiple of the element size, or the counts differ
powertuning_curve decode_visualization(std::string_view url);
/// The inverse: "https://lambda-power-tuning.show/#<sizes>;<durations>;<costs>".
/// Values are rounded to int16 / float32 as Power Tuning does.
/// @throws std::invalid_argument for sizes outside int16 or mismatched lengths
std::string encode_visualization(const powertuning_curve& c);

/// Which part of a Power Tuning output gives the curve.
enum class powertuning_source {
  automatic,      ///< `stats` when present, else the decoded visualization
  stats,          ///< only `stats` (float64)
  visualization,  ///< only the visualization URL (float32)
};
template <>
struct enum_traits<powertuning_source> {
  static constexpr std::string_view field = "source";
  static constexpr std::array<std::pair<powertuning_source, std::string_view>, 4> names{
      {{powertuning_source::automatic, "auto"},
       {powertuning_source::stats, "stats"},
       {powertuning_source::visualization, "visualization"},
       {powertuning_source::automatic, "automatic"}}};
};
std::string_view to_string(powertuning_source s);
/// @throws std::invalid_argument for a name other than auto, stats, visualization
powertuning_source powertuning_source_from_string(std::string_view name);

/// Power Tuning output JSON. Accepted documents: the bare output {power, cost,
/// duration, stateMachine, stats?}; the output wrapped in {"results": ...}; a record
/// {input, output, source?, note?, function?, run?, region?, decoded_stats?} (input =
/// the execution input: num, strategy, powerValues, ...); an array of such records; an
/// execution input alone (a sweep with no rows); the AWS Operator Guide's table
/// {source, note, points: [{memory_mb, avg_duration_s, cost_per_1000_usd}]}.
/// When neither stats nor a decodable visualization is present, the sweep holds the
/// output's own power and duration only (noted in diagnostics).
/// @throws config_error with origin and JSON pointer
std::vector<sweep> powertuning_runs_from_json(std::string_view text,
                                              std::string_view origin = "<json>",
                                              powertuning_source src = {});
std::vector<sweep> load_powertuning_runs(const std::string& path,
                                         powertuning_source src = {});
/// Exactly one run. @throws config_error if the document holds several (use *_runs)
sweep powertuning_from_json(std::string_view text, std::string_view origin = "<json>",
                            powertuning_source src = {});
sweep load_powertuning(const std::string& path, powertuning_source src = {});

// ---- Power Tuning's pricing
// ------------------------------------------------------------

/// Power Tuning's base price (USD per ms at its minRAM, 128 MB) for a region and
/// architecture from models/; like Power Tuning, a region it does not list gets its
/// "default" price.
double powertuning_base_usd_per_ms(std::string_view region, architecture arch);
/// Power Tuning's minRAM (128 MB) from models/.
double powertuning_min_ram_mb();
/// Power Tuning's default powerValues (the sizes it tries when an execution names
/// none: 128, 256, 512, 1024, 1536, 3008 MB) from models/.
std::vector<double> powertuning_power_values_mb();

/// Power Tuning's default discardTopBottom (lambda/utils.js @262ecc2): a tool setting,
/// not an AWS figure.
inline constexpr double powertuning_default_discard_top_bottom = 0.2;

/// Power Tuning's trimmed mean (utils.computeAverageDuration): sort ascending, drop
/// k = trunc(n * discard_top_bottom) values at each end, sum the rest in ascending
/// order, divide by n - 2k. Empty input gives 0, as in Power Tuning.
/// @throws std::invalid_argument unless discard_top_bottom is in [0, 0.4] (Power Tuning
///         clamps to that range; lambdasim refuses instead) and every value is finite
double powertuning_trimmed_mean(const Eigen::Ref<const Eigen::VectorXd>& values,
                                double discard_top_bottom);

/// Power Tuning's utils.computePrice: ceil(average_billed_ms) * base * (memory /
/// minRAM), evaluated in that order (so the double result equals Power Tuning's).
/// @throws std::invalid_argument unless average_billed_ms >= 0, memory_mb > 0, base >=
/// 0
double powertuning_price(double average_billed_ms, double memory_mb,
                         double base_usd_per_ms);

/// Power Tuning's statistics of one size, from per-invocation REPORT values.
struct powertuning_stats {
  double average_duration_ms =
      0;  ///< trimmed mean of duration (Duration + Init + Restore)
  double average_billed_ms = 0;  ///< trimmed mean of billed duration
  double average_price_usd =
      0;                      ///< averagePrice (the output's `cost` at the chosen size)
  double total_cost_usd = 0;  ///< totalCost: every invocation priced and summed
};

/// @throws std::invalid_argument on a size mismatch, a negative or non-finite value, or
/// a
///         discard_top_bottom outside [0, 0.4]
powertuning_stats powertuning_statistics(
    const Eigen::Ref<const Eigen::VectorXd>& duration_ms,
    const Eigen::Ref<const Eigen::VectorXd>& billed_ms, double memory_mb,
    double base_usd_per_ms,
    double discard_top_bottom = powertuning_default_discard_top_bottom);

}  // namespace lambdasim
