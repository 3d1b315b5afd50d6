// SPDX-License-Identifier: MIT
/// @file sweep.hpp
/// A recorded sweep: measured durations at several memory sizes, one row per
/// invocation (CloudWatch REPORT lines, per-invocation CSV) or one row per size (Power
/// Tuning output, per-size CSV), and its robust per-size summary. Loaders are in
/// sweep_loaders.hpp.
#pragma once

#include <array>
#include <utility>

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

/// One measured row. NaN means "not recorded".
struct sweep_row {
  static constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
  double memory_mb = unknown;
  double duration_ms =
      unknown;  ///< handler Duration (REPORT); per size: the size's aggregate
  double billed_ms = unknown;
  double init_ms = unknown;     ///< Init Duration (cold starts only)
  double restore_ms = unknown;  ///< SnapStart Restore Duration
  double max_memory_used_mb = unknown;
  double cost_usd =
      unknown;              ///< per invocation, as the source reports it (Power Tuning)
  double p5_ms = unknown;   ///< per-size rows only: recorded 5th percentile
  double p95_ms = unknown;  ///< per-size rows only: recorded 95th percentile
  bool is_cold = false;     ///< Init Duration present (or Restore Duration)
  /// Invocations the row stands for: 1 for a per-invocation row, the count of a
  /// per-size row (0 when the source does not say).
  double n = 1;
  bool per_size = false;  ///< the row is already an aggregate of its size
};

/// Where a sweep came from and how it was recorded (Power Tuning execution input).
struct sweep_metadata {
  std::string source;    ///< file (and run or series) it was read from
  std::string format;    ///< powertuning, report, report_metrics, csv, aws_docs
  std::string strategy;  ///< Power Tuning strategy, when known
  std::string region;
  int num = 0;  ///< Power Tuning invocations per size, 0 if unknown
  /// Recording date, YYYY-MM-DD, when the format carries one: the earliest REPORT
  /// timestamp (a log line's leading time, a JSON record's "time"), or the earliest
  /// value of a CSV's timestamp column. Empty when unknown (Power Tuning output and
  /// REPORT metrics JSON carry none). fit() chooses the platform in force that day.
  std::string date;
  /// Where `date` came from, in words (e.g. "the earliest REPORT line timestamp").
  std::string date_origin;
  /// Architectures the rows were recorded on, as the file says (canonical names,
  /// ascending; empty when it does not say): a CSV `arch` or `architecture` column, a
  /// REPORT metrics series path with an architecture in it (python311/arm64), a Power
  /// Tuning record's "architecture" beside its input and output. REPORT lines and
  /// Power Tuning's own input and output carry none. Two names: rows of both, which
  /// fit() refuses (keep one, e.g. with a CSV filter). fit() records the one name as
  /// the profile's architecture.
  std::vector<std::string> architectures;
  /// Where `architectures` came from, in words (e.g. "column 'arch'").
  std::string architecture_origin;
};

/// How a size's invocations are reduced to one duration.
enum class aggregation {
  median,        ///< robust default
  trimmed_mean,  ///< Power Tuning's: drop floor(0.2 n) values at each end, then average
  mean,
};
template <>
struct enum_traits<aggregation> {
  static constexpr std::string_view field = "aggregation";
  static constexpr std::array<std::pair<aggregation, std::string_view>, 3> names{
      {{aggregation::median, "median"},
       {aggregation::trimmed_mean, "trimmed_mean"},
       {aggregation::mean, "mean"}}};
};
std::string_view to_string(aggregation a);
/// @throws std::invalid_argument for a name other than median, trimmed_mean, mean
aggregation aggregation_from_string(std::string_view name);

/// One row per recorded size, ascending memory_mb.
struct sweep_summary {
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd n;       ///< invocations recorded at the size (0 = unknown)
  Eigen::VectorXd n_cold;  ///< of which cold starts
  /// Aggregate of the warm rows (all rows if none is warm). When some size recorded
  /// only cold starts and every size recorded some, the aggregate of the cold rows at
  /// every size: one quantity along the curve (warm_only false everywhere).
  Eigen::VectorXd duration_ms;
  Eigen::VectorXd p5_ms;  ///< 5th/95th percentile of the same rows (NaN if unknown)
  Eigen::VectorXd p95_ms;
  Eigen::VectorXd billed_ms;  ///< aggregate billed duration (NaN if unknown)
  Eigen::VectorXd init_ms;    ///< median Init Duration of cold rows (NaN if none)
  Eigen::VectorXd cold_duration_ms;    ///< median Duration of cold rows (NaN if none)
  Eigen::VectorXd max_memory_used_mb;  ///< largest Max Memory Used (NaN if unknown)
  /// False for per-size rows and for aggregates of cold rows (see duration_ms): the
  /// aggregate includes cold starts.
  std::vector<bool> warm_only;
  Eigen::Index size() const { return memory_mb.size(); }
};

/// A recorded sweep.
struct sweep {
  std::vector<sweep_row> rows;
  sweep_metadata meta;
  /// Soft issues met while loading (lines skipped, visualization not decodable, ...).
  std::vector<std::string> diagnostics;
  /// Lines or records that were not REPORT records and were skipped (REPORT logs).
  int skipped_lines = 0;

  /// True when any row is a single invocation (so a bootstrap over samples is
  /// possible).
  bool has_invocations() const;
  /// Distinct memory sizes, ascending.
  std::vector<double> sizes() const;
  /// Only the rows of the given sizes (each must be recorded).
  /// @throws std::invalid_argument naming a size that is not in the sweep
  sweep select_sizes(const std::vector<double>& memory_mb) const;
  /// @throws std::invalid_argument naming the row and field (memory <= 0, NaN or
  ///         negative duration, n < 0)
  void validate() const;
  /// The per-size summary.
  /// @throws std::invalid_argument if the sweep has no rows or is invalid
  sweep_summary summarize(aggregation a = aggregation::median) const;
};

namespace detail {
/// Percentile with linear interpolation between order statistics (type 7, as numpy's
/// default) of sorted values; q in [0, 1].
double percentile_sorted(const std::vector<double>& sorted, double q);
/// Aggregate of values (sorted in place).
double aggregate_values(std::vector<double>& values, aggregation a);
}  // namespace detail

}  // namespace lambdasim
