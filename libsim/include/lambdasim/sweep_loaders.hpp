// SPDX-License-Identifier: MIT
/// @file sweep_loaders.hpp
/// Reading recorded sweeps: CloudWatch REPORT lines (text and JSON), per-invocation
/// REPORT metrics JSON, CSV, and any format by content. The Power Tuning readers
/// (output JSON and visualization URL) are in powertuning.hpp, included here. Every
/// loader throws config_error naming the origin (file) and the line or JSON pointer.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lambdasim/powertuning.hpp"
#include "lambdasim/sweep.hpp"

namespace lambdasim {

// ---- CloudWatch REPORT lines
// ----------------------------------------------------------

/// REPORT lines, text ("REPORT RequestId: ...<TAB>Duration: 469.40 ms<TAB>...", tab- or
/// space-separated; a line that starts with "Duration:" is a REPORT body without its
/// prefix) or JSON ({"type": "platform.report", "record": {"metrics": {...}}}). Init
/// Duration marks a cold start; Restore Duration is SnapStart's. Other lines are
/// skipped and counted in skipped_lines. A timestamp before "REPORT" on a text line
/// (ISO 8601, "2020-11-30T10:00:00.000Z ...", or Unix epoch seconds or milliseconds,
/// as CloudWatch exports write them) or a JSON record's "time" dates the sweep:
/// meta.date is the earliest.
/// @throws config_error "<origin>:<line>: ..." for a truncated or malformed REPORT line
sweep report_from_text(std::string_view text, std::string_view origin = "<text>");
sweep load_report(const std::string& path);

/// Per-invocation REPORT metrics as JSON: {..., "data": {<runtime>: {<arch>: {<memory>:
/// [{duration, billed_duration, max_memory_used, init_duration?}]}}}} (any nesting; a
/// series is the path to an object keyed by memory size). `series` is that path with
/// '/' separators, e.g. "python311/x86_64"; empty is allowed when there is one series.
/// @throws config_error with origin and JSON pointer, listing the series when ambiguous
sweep report_metrics_from_json(std::string_view text, std::string_view series = "",
                               std::string_view origin = "<json>");
sweep load_report_metrics(const std::string& path, std::string_view series = "");
/// The series of a REPORT metrics document, e.g. {"dotnet6/arm64", ...}.
std::vector<std::string> report_metrics_series(std::string_view text,
                                               std::string_view origin = "<json>");
std::vector<std::string> load_report_metrics_series(const std::string& path);

// ---- CSV
// ------------------------------------------------------------------------------

/// CSV reading options. Canonical columns: memory_mb, duration_ms, billed_duration_ms,
/// init_duration_ms, restore_duration_ms, max_memory_used_mb, n (per-size rows), p5_ms,
/// p95_ms, is_cold, timestamp. Without a column map every header must be canonical
/// (the headers `date` and `timestamp_ms` are read as `timestamp`); with one, unmapped
/// columns are ignored, except that an unmapped `timestamp`, `timestamp_ms` or `date`
/// column still dates the sweep. A timestamp is an ISO 8601 date or date-time
/// ("2020-11-30", "2020-11-30T10:00:00Z") or Unix epoch time, in milliseconds when the
/// header ends in `_ms` or the value is above 1e11, else in seconds; meta.date is the
/// earliest.
struct csv_options {
  /// canonical name -> header in the file, e.g. {"memory_mb", "Memory Size"}
  std::vector<std::pair<std::string, std::string>> columns;
  /// keep only rows whose column equals the value, e.g. {"Function", "f1"}
  std::vector<std::pair<std::string, std::string>> where;
};

/// A CSV sweep: one row per invocation, or one per size when an `n` column is present.
/// Quoted fields ("a,b", "" escapes) are understood; empty optional cells are unknown.
/// @throws config_error "<origin>:<line>: <column> = '<cell>': ..."
sweep csv_from_text(std::string_view text, std::string_view origin = "<csv>",
                    const csv_options& opt = {});
sweep load_csv(const std::string& path, const csv_options& opt = {});

// ---- any format
// ------------------------------------------------------------------------

/// The formats load_sweep reads (load_options::format names one).
enum class sweep_format { automatic, powertuning, report, report_metrics, csv };
template <>
struct enum_traits<sweep_format> {
  static constexpr std::string_view field = "format";
  static constexpr std::array<std::pair<sweep_format, std::string_view>, 5> names{
      {{sweep_format::automatic, "auto"},
       {sweep_format::powertuning, "powertuning"},
       {sweep_format::report, "report"},
       {sweep_format::report_metrics, "report_metrics"},
       {sweep_format::csv, "csv"}}};
};

/// Options of load_sweep.
struct load_options {
  /// A sweep_format name: auto (by content: '{' or '[' JSON -> Power Tuning, REPORT
  /// metrics or JSON REPORT lines; a first line with commas -> csv; else REPORT text),
  /// powertuning, report, report_metrics, csv
  std::string format{enum_name(sweep_format::automatic)};
  /// Power Tuning: the run index in an array of runs; REPORT metrics: the series path
  std::string select;
  powertuning_source source = powertuning_source::automatic;
  csv_options csv;
};
/// Reads a sweep from a file of any supported format, or from a Power Tuning
/// visualization URL given instead of a path ("https://lambda-power-tuning.show/#...";
/// a file holding only that URL works too). Format detection never hides a parse error:
/// a JSON document that does not parse (truncated, a NaN literal) reports that error.
/// A CSV that seems to mix several functions (one per-size row twice; a function-name
/// column with several values) is loaded with a note in diagnostics.
/// @throws config_error naming the file and the line or JSON pointer
sweep load_sweep(const std::string& path, const load_options& opt = {});
sweep sweep_from_text(std::string_view text, std::string_view origin,
                      const load_options& opt = {});

}  // namespace lambdasim
