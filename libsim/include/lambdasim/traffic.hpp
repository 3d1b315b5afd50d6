// SPDX-License-Identifier: MIT
/// @file traffic.hpp
/// Request arrivals: Poisson at a constant rate, Poisson with a piecewise-constant rate
/// (e.g. 24 hourly rates, repeated), or a recorded trace of timestamps.
#pragma once

#include <array>
#include <utility>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

enum class arrival_kind {
  poisson,    ///< constant rate
  piecewise,  ///< rate constant within segments of segment_s, cycling through
              ///< rates_per_s
  trace,      ///< recorded timestamps
};
template <>
struct enum_traits<arrival_kind> {
  static constexpr std::string_view field = "kind";
  static constexpr std::array<std::pair<arrival_kind, std::string_view>, 3> names{
      {{arrival_kind::poisson, "poisson"},
       {arrival_kind::piecewise, "piecewise"},
       {arrival_kind::trace, "trace"}}};
};

std::string_view to_string(arrival_kind k);

/// How requests arrive over a simulated period. Build with the named constructors; they
/// validate.
struct arrivals {
  arrival_kind kind = arrival_kind::poisson;
  double rate_per_s = 0;            ///< poisson
  std::vector<double> rates_per_s;  ///< piecewise: one rate per segment, repeated
  double segment_s = 0;             ///< piecewise: length of one segment
  double duration_s = 0;            ///< poisson, piecewise: the simulated period
  std::vector<double> times_s;  ///< trace: seconds since the first timestamp, sorted
  /// trace: instances recorded warm at the start (1 when the CSV has an is_cold column
  /// and its first request was warm, else 0); the simulation starts from this state
  /// unless simulate_options::initial_instances says otherwise
  int warm_at_start = 0;

  /// Poisson arrivals at rate_per_s for duration_s seconds.
  /// @throws std::invalid_argument unless rate_per_s >= 0 and duration_s > 0 (finite)
  static arrivals poisson(double rate_per_s, double duration_s);
  /// Poisson arrivals whose rate is rates_per_s[k % n] during [k, k+1) * segment_s, for
  /// duration_s seconds (24 hourly rates: segment_s = 3600).
  /// @throws std::invalid_argument for an empty or negative/NaN rate, segment_s <= 0 or
  ///         duration_s <= 0, naming the index
  static arrivals piecewise(std::vector<double> rates_per_s, double segment_s,
                            double duration_s);
  /// A recorded trace of timestamps in seconds (any epoch). The period runs from the
  /// first to the last timestamp.
  /// @throws std::invalid_argument for fewer than 2 timestamps, a NaN, a timestamp
  ///         earlier than the one before it (naming both indices), or a zero period
  static arrivals trace(const std::vector<double>& timestamps_s);
  /// Reads a trace from a CSV file with a header line: the column `column` holds epoch
  /// seconds. The default "" means timestamp_s, or client_start_time when the file has
  /// no timestamp_s but that column (the recorded traces of Mahmoudi & Khazaei in
  /// data/coldstarts/traces_2020 load as is). Quoted fields with commas are handled.
  /// A column is_cold (True/False, true/false, 1/0) sets warm_at_start from its first
  /// row.
  /// @throws config_error naming the file and line: a missing file or column (listing
  ///         the columns), a value that is not a number, an unsorted timestamp
  static arrivals load_csv(const std::string& path, std::string_view column = "");

  /// @throws std::invalid_argument naming the first bad field
  void validate() const;
  /// Length of the simulated period in seconds.
  double period_s() const;
  /// Expected number of requests (exact for a trace).
  double expected_requests() const;
  /// Mean arrival rate over the period (requests per second).
  double mean_rate_per_s() const;
};

}  // namespace lambdasim
