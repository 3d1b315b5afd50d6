// SPDX-License-Identifier: MIT
#include "lambdasim/traffic.hpp"

#include <charconv>
#include <cmath>
#include <sstream>
#include <string>

#include "detail/csv.hpp"
#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

std::string_view to_string(arrival_kind k) {
  return enum_name(k);
}

namespace {
void check_duration(double duration_s) {
  // !(x > 0) so NaN fails too
  if (!(duration_s > 0) || !std::isfinite(duration_s))
    detail::throw_invalid("duration_s", duration_s, "must be > 0 and finite");
}
void check_rate(std::string_view field, double rate) {
  if (!(rate >= 0) || !std::isfinite(rate))
    detail::throw_invalid(field, rate, "must be >= 0 and finite (requests per second)");
}
}  // namespace

arrivals arrivals::poisson(double rate_per_s, double duration_s) {
  arrivals a;
  a.kind = arrival_kind::poisson;
  a.rate_per_s = rate_per_s;
  a.duration_s = duration_s;
  a.validate();
  return a;
}

arrivals arrivals::piecewise(std::vector<double> rates_per_s, double segment_s,
                             double duration_s) {
  arrivals a;
  a.kind = arrival_kind::piecewise;
  a.rates_per_s = std::move(rates_per_s);
  a.segment_s = segment_s;
  a.duration_s = duration_s;
  a.validate();
  return a;
}

arrivals arrivals::trace(const std::vector<double>& timestamps_s) {
  arrivals a;
  a.kind = arrival_kind::trace;
  if (timestamps_s.size() < 2)
    detail::throw_invalid("timestamps_s", static_cast<double>(timestamps_s.size()),
                          "a trace needs at least 2 timestamps");
  for (std::size_t i = 0; i < timestamps_s.size(); ++i)
    if (!std::isfinite(timestamps_s[i]))
      detail::throw_invalid("timestamps_s[" + std::to_string(i) + "]", timestamps_s[i],
                            "must be finite");
  a.times_s.resize(timestamps_s.size());
  const double t0 = timestamps_s.front();
  for (std::size_t i = 0; i < timestamps_s.size(); ++i)
    a.times_s[i] = timestamps_s[i] - t0;
  for (std::size_t i = 1; i < timestamps_s.size(); ++i)
    if (timestamps_s[i] < timestamps_s[i - 1])
      detail::throw_invalid("timestamps_s[" + std::to_string(i) + "]", timestamps_s[i],
                            "the trace is not sorted: earlier than timestamps_s[" +
                                std::to_string(i - 1) +
                                "] = " + detail::format_number(timestamps_s[i - 1]));
  a.validate();
  return a;
}

void arrivals::validate() const {
  switch (kind) {
    case arrival_kind::poisson:
      check_rate("rate_per_s", rate_per_s);
      check_duration(duration_s);
      break;
    case arrival_kind::piecewise:
      if (rates_per_s.empty())
        throw std::invalid_argument("rates_per_s: at least one rate required");
      for (std::size_t i = 0; i < rates_per_s.size(); ++i)
        check_rate("rates_per_s[" + std::to_string(i) + "]", rates_per_s[i]);
      if (!(segment_s > 0) || !std::isfinite(segment_s))
        detail::throw_invalid("segment_s", segment_s, "must be > 0 and finite");
      check_duration(duration_s);
      break;
    case arrival_kind::trace:
      if (times_s.size() < 2)
        detail::throw_invalid("times_s", static_cast<double>(times_s.size()),
                              "a trace needs at least 2 timestamps");
      for (std::size_t i = 1; i < times_s.size(); ++i)
        if (!(times_s[i] >= times_s[i - 1]) || !std::isfinite(times_s[i]))
          detail::throw_invalid("times_s[" + std::to_string(i) + "]", times_s[i],
                                "must be finite and not earlier than the one before");
      if (times_s.front() != 0)
        detail::throw_invalid("times_s[0]", times_s.front(),
                              "must be 0 (relative times)");
      if (warm_at_start < 0)
        detail::throw_invalid("warm_at_start", warm_at_start, "must be >= 0");
      if (!(times_s.back() > 0))
        throw std::invalid_argument(
            "timestamps_s: every timestamp is the same; the trace spans no time");
      break;
  }
}

double arrivals::period_s() const {
  return kind == arrival_kind::trace ? times_s.back() : duration_s;
}

double arrivals::expected_requests() const {
  switch (kind) {
    case arrival_kind::poisson:
      return rate_per_s * duration_s;
    case arrival_kind::piecewise: {
      double total = 0, t = 0;
      std::size_t k = 0;
      const std::size_t n = rates_per_s.size();
      // whole cycles, then the rest
      double cycle = 0;
      for (double r : rates_per_s) cycle += r * segment_s;
      const double cycles =
          std::floor(duration_s / (segment_s * static_cast<double>(n)));
      total = cycles * cycle;
      t = cycles * segment_s * static_cast<double>(n);
      while (t < duration_s) {
        const double len = std::min(segment_s, duration_s - t);
        total += rates_per_s[k % n] * len;
        t += segment_s;
        ++k;
      }
      return total;
    }
    case arrival_kind::trace:
      return static_cast<double>(times_s.size());
  }
  return 0;
}

double arrivals::mean_rate_per_s() const {
  return expected_requests() / period_s();
}

arrivals arrivals::load_csv(const std::string& path, std::string_view column) {
  // read_text_file says "is a directory" where a stream would read a directory as empty
  std::istringstream in(detail::read_text_file(path));
  std::string line;
  if (!std::getline(in, line))
    throw config_error(path + ": empty file, expected a header line");
  const auto header = detail::split_csv_line(line);
  auto find = [&](std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return header.size();
  };
  if (column.empty()) {
    column = "timestamp_s";
    if (find(column) == header.size() && find("client_start_time") != header.size())
      column = "client_start_time";
  }
  const std::size_t col = find(column);
  const std::size_t cold_col = find("is_cold");
  int warm_at_start = 0;
  if (col == header.size()) {
    std::string names;
    for (const auto& h : header) {
      if (h.empty()) continue;
      if (!names.empty()) names += ", ";
      names += h;
    }
    throw config_error(path + ": line 1: no column '" + std::string(column) +
                       "' (columns: " + names + ")");
  }
  std::vector<double> t;
  std::size_t lineno = 1;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line == "\r") continue;
    std::vector<std::string> fields;
    if (!detail::split_csv_record(line, fields))
      throw config_error(path + ": line " + std::to_string(lineno) +
                         ": unterminated quote");
    const std::string where = path + ": line " + std::to_string(lineno) + ": column '" +
                              std::string(column) + "'";
    if (col >= fields.size())
      throw config_error(where + " is missing (the line has " +
                         std::to_string(fields.size()) + " fields)");
    std::string_view v = fields[col];
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    double x = 0;
    auto res = std::from_chars(v.data(), v.data() + v.size(), x);
    if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size() ||
        !std::isfinite(x))
      throw config_error(where + " = '" + fields[col] +
                         "': not a number (expected epoch seconds)");
    if (!t.empty() && x < t.back())
      throw config_error(where + " = " + detail::format_number(x) +
                         ": the trace is not sorted (earlier than the line before, " +
                         detail::format_number(t.back()) + ")");
    if (t.empty() && cold_col < fields.size()) {
      const std::string& c = fields[cold_col];
      if (c == "False" || c == "false" || c == "0") {
        warm_at_start = 1;
      } else if (!(c == "True" || c == "true" || c == "1")) {
        throw config_error(path + ": line " + std::to_string(lineno) +
                           ": column 'is_cold' = '" + c + "': expected True or False");
      }
    }
    t.push_back(x);
  }
  try {
    arrivals a = trace(t);
    a.warm_at_start = warm_at_start;
    return a;
  } catch (const std::invalid_argument& e) {
    throw config_error(path + ": " + e.what());
  }
}

}  // namespace lambdasim
