// SPDX-License-Identifier: MIT
// REPORT lines (text and JSON), REPORT metrics JSON, CSV, and format detection.
#include "lambdasim/sweep_loaders.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "detail/csv.hpp"
#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

namespace {

using detail::json;
using detail::object_reader;

[[noreturn]] void fail_line(std::string_view origin, std::size_t line,
                            std::string_view msg) {
  throw config_error(std::string(origin) + ":" + std::to_string(line) + ": " +
                     std::string(msg));
}

bool parse_double(std::string_view s, double& x) {
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  const auto res = std::from_chars(s.data(), s.data() + s.size(), x);
  return res.ec == std::errc() && res.ptr == s.data() + s.size() && std::isfinite(x);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// ---- REPORT text
// ---------------------------------------------------------------------

// "REPORT RequestId: <id> Duration: 469.40 ms Billed Duration: 500 ms ...": keys are
// the words before a ':'; a numeric key's value is a number and a unit.
sweep_row parse_report_text(std::string_view line, std::string_view origin,
                            std::size_t no) {
  std::vector<std::string_view> tok;
  {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
        ++i;
      const std::size_t b = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
        ++i;
      if (i > b) tok.push_back(line.substr(b, i - b));
    }
  }
  sweep_row r;
  bool have_duration = false, have_memory = false;
  std::string key;
  for (std::size_t i = 0; i < tok.size(); ++i) {
    const std::string_view t = tok[i];
    if (t == "REPORT" && key.empty()) continue;
    if (t.back() != ':') {
      if (!key.empty()) key += ' ';
      key += t;
      continue;
    }
    if (!key.empty()) key += ' ';
    key += t.substr(0, t.size() - 1);
    // The value: the next token.
    if (i + 1 >= tok.size())
      fail_line(origin, no, "truncated REPORT line: no value after '" + key + ":'");
    const std::string_view val = tok[++i];
    struct numeric_key {
      const char* name;
      const char* unit;
      double sweep_row::*field;
    };
    static const numeric_key keys[] = {
        {"Duration", "ms", &sweep_row::duration_ms},
        {"Billed Duration", "ms", &sweep_row::billed_ms},
        {"Memory Size", "MB", &sweep_row::memory_mb},
        {"Max Memory Used", "MB", &sweep_row::max_memory_used_mb},
        {"Init Duration", "ms", &sweep_row::init_ms},
        {"Restore Duration", "ms", &sweep_row::restore_ms},
        {"Billed Restore Duration", "ms", nullptr},
    };
    const numeric_key* k = nullptr;
    for (const auto& c : keys)
      if (key == c.name) k = &c;
    if (k) {
      double x = 0;
      if (!parse_double(val, x) || x < 0)
        fail_line(origin, no,
                  key + " = '" + std::string(val) + "': expected a number >= 0");
      if (i + 1 >= tok.size())
        fail_line(origin, no,
                  "truncated REPORT line: no unit after '" + key + ": " +
                      std::string(val) + "'");
      const std::string_view unit = tok[++i];
      if (unit != k->unit)
        fail_line(origin, no,
                  key + " unit '" + std::string(unit) + "': expected " + k->unit);
      if (k->field) r.*(k->field) = x;
      if (k->field == &sweep_row::duration_ms) have_duration = true;
      if (k->field == &sweep_row::memory_mb) have_memory = true;
    }
    // Other keys (RequestId, XRAY TraceId, SegmentId, Sampled, Status, ...) are
    // skipped.
    key.clear();
  }
  if (!key.empty())
    fail_line(origin, no, "truncated REPORT line: dangling '" + key + "'");
  if (!have_duration) fail_line(origin, no, "truncated REPORT line: no 'Duration'");
  if (!have_memory) fail_line(origin, no, "truncated REPORT line: no 'Memory Size'");
  if (!(r.memory_mb > 0)) fail_line(origin, no, "Memory Size = 0: must be > 0");
  r.is_cold = !std::isnan(r.init_ms) || !std::isnan(r.restore_ms);
  return r;
}

// {"time": ..., "type": "platform.report", "record": {"requestId", "status"?,
// "metrics": {durationMs, billedDurationMs, memorySizeMB, maxMemoryUsedMB,
// initDurationMs?,
//  restoreDurationMs?, billedRestoreDurationMs?}, "tracing"?, "spans"?}}
bool parse_report_json(std::string_view line, std::string_view origin, std::size_t no,
                       sweep_row& row) {
  const std::string where = std::string(origin) + ":" + std::to_string(no);
  json j;
  try {
    j = json::parse(line.begin(), line.end());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e9999
    fail_line(origin, no,
              std::string("invalid JSON log record (truncated?): ") + e.what());
  }
  if (!j.is_object() || !j.contains("type") || j["type"] != "platform.report")
    return false;
  object_reader r(j, where, "");
  r.allow("time");
  r.allow("type");
  object_reader rec = r.object("record");
  for (const char* k : {"requestId", "status", "tracing", "spans", "errorType"})
    rec.allow(k);
  object_reader m = rec.object("metrics");
  row.duration_ms = m.number("durationMs");
  row.memory_mb = m.number("memorySizeMB");
  row.billed_ms = m.number_or("billedDurationMs", row.billed_ms);
  row.max_memory_used_mb = m.number_or("maxMemoryUsedMB", row.max_memory_used_mb);
  row.init_ms = m.number_or("initDurationMs", row.init_ms);
  row.restore_ms = m.number_or("restoreDurationMs", row.restore_ms);
  m.allow("billedRestoreDurationMs");
  m.finish();
  rec.finish();
  r.finish();
  row.is_cold = !std::isnan(row.init_ms) || !std::isnan(row.restore_ms);
  return true;
}

// Validates the last row only (whole-sweep validation per row would be quadratic).
void validate_or_line(const sweep& s, std::string_view origin, std::size_t no) {
  sweep last;
  last.rows.push_back(s.rows.back());
  try {
    last.validate();
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    // "rows[i].field = ..." -> "field = ..."
    if (auto dot = msg.find("]."); dot != std::string::npos) msg = msg.substr(dot + 2);
    fail_line(origin, no, msg);
  }
}

}  // namespace

sweep report_from_text(std::string_view text, std::string_view origin) {
  sweep s;
  s.meta.source = std::string(origin);
  s.meta.format = "report";
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    const std::size_t no = i + 1;
    sweep_row row;
    if (line.empty()) continue;
    if (line.front() == '{') {
      if (line.find("platform.report") == std::string_view::npos ||
          !parse_report_json(line, origin, no, row)) {
        ++s.skipped_lines;
        continue;
      }
    } else {
      const auto rep = line.find("REPORT RequestId:");
      if (rep != std::string_view::npos) {
        row = parse_report_text(line.substr(rep), origin, no);
      } else if (line.starts_with("Duration:")) {
        row = parse_report_text(line, origin, no);
      } else {
        ++s.skipped_lines;
        continue;
      }
    }
    s.rows.push_back(row);
    validate_or_line(s, origin, no);
  }
  if (s.skipped_lines > 0)
    s.diagnostics.push_back(std::string(origin) + ": skipped " +
                            std::to_string(s.skipped_lines) +
                            " lines that are not REPORT lines");
  return s;
}

sweep load_report(const std::string& path) {
  return report_from_text(detail::read_text_file(path), path);
}

// ---- REPORT metrics JSON
// ----------------------------------------------------------------

namespace {

bool is_memory_key(const std::string& k) {
  double x = 0;
  return parse_double(k, x) && x > 0;
}

// Paths (relative to `root`) of objects whose keys are all memory sizes.
void find_series(const json& j, const std::string& path,
                 std::vector<std::string>& out) {
  if (!j.is_object() || j.empty()) return;
  bool all_sizes = true;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!is_memory_key(it.key()) || !it.value().is_array()) all_sizes = false;
  if (all_sizes) {
    out.push_back(path);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it)
    find_series(it.value(), path.empty() ? it.key() : path + "/" + it.key(), out);
}

const json& metrics_root(const json& j, const std::string& origin) {
  object_reader r(j, origin, "");
  r.allow("source");
  r.allow("note");
  const json& d = r.get("data");
  r.finish();
  return d;
}

}  // namespace

std::vector<std::string> report_metrics_series(std::string_view text,
                                               std::string_view origin) {
  const json j = detail::parse_json(text, origin);
  std::vector<std::string> out;
  find_series(metrics_root(j, std::string(origin)), "", out);
  return out;
}

std::vector<std::string> load_report_metrics_series(const std::string& path) {
  return report_metrics_series(detail::read_text_file(path), path);
}

sweep report_metrics_from_json(std::string_view text, std::string_view series,
                               std::string_view origin) {
  const std::string o(origin);
  const json j = detail::parse_json(text, origin);
  const json& root = metrics_root(j, o);
  std::vector<std::string> all;
  find_series(root, "", all);
  std::string pick(series);
  if (pick.empty()) {
    if (all.size() != 1) {
      std::string list;
      for (const auto& a : all) list += (list.empty() ? "" : ", ") + a;
      detail::throw_config(
          o, "/data", std::to_string(all.size()) + " series; choose one of: " + list);
    }
    pick = all.front();
  }
  if (std::find(all.begin(), all.end(), pick) == all.end()) {
    std::string list;
    for (const auto& a : all) list += (list.empty() ? "" : ", ") + a;
    detail::throw_config(o, "/data/" + pick, "no such series; known: " + list);
  }
  const json* node = &root;
  std::string rest = pick;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    node = &node->at(rest.substr(0, slash));
    rest = slash == std::string::npos ? "" : rest.substr(slash + 1);
  }
  sweep s;
  s.meta.source = o + "#" + pick;
  s.meta.format = "report_metrics";
  // Keys in ascending memory (JSON objects iterate in string order: "1024" < "128").
  std::vector<std::pair<double, json::const_iterator>> keys;
  for (auto it = node->cbegin(); it != node->cend(); ++it) {
    double m = 0;
    parse_double(it.key(), m);
    keys.emplace_back(m, it);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [m, it] : keys) {
    const std::string base = "/data/" + pick + "/" + it.key();
    for (std::size_t i = 0; i < it.value().size(); ++i) {
      object_reader r(it.value()[i], o, base + "/" + std::to_string(i));
      sweep_row row;
      row.memory_mb = m;
      row.duration_ms = r.number("duration");
      row.billed_ms = r.number_or("billed_duration", row.billed_ms);
      row.max_memory_used_mb = r.number_or("max_memory_used", row.max_memory_used_mb);
      row.init_ms = r.number_or("init_duration", row.init_ms);
      row.restore_ms = r.number_or("restore_duration", row.restore_ms);
      r.finish();
      row.is_cold = !std::isnan(row.init_ms) || !std::isnan(row.restore_ms);
      sweep last;
      last.rows.push_back(row);
      try {
        last.validate();
      } catch (const std::invalid_argument& e) {
        detail::throw_config(o, base + "/" + std::to_string(i), e.what());
      }
      s.rows.push_back(row);
    }
  }
  return s;
}

sweep load_report_metrics(const std::string& path, std::string_view series) {
  return report_metrics_from_json(detail::read_text_file(path), series, path);
}

// ---- CSV
// -------------------------------------------------------------------------------

namespace {

using detail::split_csv_record;

enum class col {
  memory_mb,
  duration_ms,
  billed,
  init,
  restore,
  max_mem,
  n,
  p5,
  p95,
  is_cold
};
struct canonical_column {
  const char* name;
  col id;
};
constexpr canonical_column canonical[] = {
    {"memory_mb", col::memory_mb},
    {"duration_ms", col::duration_ms},
    {"billed_duration_ms", col::billed},
    {"init_duration_ms", col::init},
    {"restore_duration_ms", col::restore},
    {"max_memory_used_mb", col::max_mem},
    {"n", col::n},
    {"p5_ms", col::p5},
    {"p95_ms", col::p95},
    {"is_cold", col::is_cold},
};

}  // namespace

sweep csv_from_text(std::string_view text, std::string_view origin,
                    const csv_options& opt) {
  const std::string o(origin);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  const auto lines = split_lines(text);
  std::size_t first = 0;
  while (first < lines.size() && trim(lines[first]).empty()) ++first;
  if (first == lines.size()) throw config_error(o + ": empty CSV (no header)");
  std::vector<std::string> header, cells;
  if (!split_csv_record(trim(lines[first]), header))
    fail_line(o, first + 1, "unterminated quote in the header");
  for (auto& h : header) h = std::string(trim(h));
  auto index_of = [&](const std::string& h) -> int {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == h) return static_cast<int>(i);
    return -1;
  };
  // Column index of each canonical column (-1 absent).
  int idx[std::size(canonical)];
  std::fill(std::begin(idx), std::end(idx), -1);
  for (const auto& entry : opt.columns) {
    const std::string& name = entry.first;
    const std::string& file_col = entry.second;
    const auto* c =
        std::find_if(std::begin(canonical), std::end(canonical),
                     [&](const canonical_column& k) { return name == k.name; });
    if (c == std::end(canonical))
      detail::throw_invalid("columns", name, "is not a canonical column name");
    const int i = index_of(file_col);
    if (i < 0)
      fail_line(o, first + 1, "no column '" + file_col + "' (mapped to " + name + ")");
    idx[c - std::begin(canonical)] = i;
  }
  if (opt.columns.empty()) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      const auto* c =
          std::find_if(std::begin(canonical), std::end(canonical),
                       [&](const canonical_column& k) { return header[i] == k.name; });
      if (c == std::end(canonical))
        fail_line(o, first + 1,
                  "unknown column '" + header[i] +
                      "' (canonical: memory_mb, duration_ms, billed_duration_ms, "
                      "init_duration_ms, restore_duration_ms, max_memory_used_mb, n, "
                      "p5_ms, p95_ms, is_cold; map other headers with a column map)");
      if (idx[c - std::begin(canonical)] >= 0)
        fail_line(o, first + 1, "duplicate column '" + header[i] + "'");
      idx[c - std::begin(canonical)] = static_cast<int>(i);
    }
  }
  for (col required : {col::memory_mb, col::duration_ms})
    if (idx[static_cast<int>(required)] < 0)
      fail_line(o, first + 1,
                std::string("missing column '") +
                    canonical[static_cast<int>(required)].name + "'");
  std::vector<std::pair<int, std::string>> filters;
  for (const auto& [c, v] : opt.where) {
    const int i = index_of(c);
    if (i < 0) fail_line(o, first + 1, "no column '" + c + "' to filter on");
    filters.emplace_back(i, v);
  }
  const bool per_size = idx[static_cast<int>(col::n)] >= 0;

  sweep s;
  s.meta.source = o;
  s.meta.format = "csv";
  for (std::size_t li = first + 1; li < lines.size(); ++li) {
    const std::size_t no = li + 1;
    const std::string_view line = trim(lines[li]);
    if (line.empty()) continue;
    if (!split_csv_record(line, cells)) fail_line(o, no, "unterminated quote");
    if (cells.size() != header.size())
      fail_line(o, no,
                std::to_string(cells.size()) + " cells but the header has " +
                    std::to_string(header.size()) + " columns (truncated line?)");
    bool keep = true;
    for (const auto& [i, v] : filters)
      if (trim(cells[static_cast<std::size_t>(i)]) != v) keep = false;
    if (!keep) continue;
    sweep_row r;
    r.per_size = per_size;
    for (std::size_t k = 0; k < std::size(canonical); ++k) {
      if (idx[k] < 0) continue;
      const std::string_view cell = trim(cells[static_cast<std::size_t>(idx[k])]);
      const std::string& hname = header[static_cast<std::size_t>(idx[k])];
      const col id = canonical[k].id;
      if (id == col::is_cold) {
        if (cell == "true" || cell == "1" || cell == "True")
          r.is_cold = true;
        else if (cell == "false" || cell == "0" || cell == "False" || cell.empty())
          r.is_cold = false;
        else
          fail_line(o, no,
                    hname + " = '" + std::string(cell) + "': expected true or false");
        continue;
      }
      double x = sweep_row::unknown;
      if (cell.empty()) {
        if (id == col::memory_mb || id == col::duration_ms || id == col::n)
          fail_line(o, no, hname + " is empty: a value is required");
      } else if (!parse_double(cell, x)) {
        fail_line(o, no, hname + " = '" + std::string(cell) + "': expected a number");
      }
      switch (id) {
        case col::memory_mb:
          r.memory_mb = x;
          break;
        case col::duration_ms:
          r.duration_ms = x;
          break;
        case col::billed:
          r.billed_ms = x;
          break;
        case col::init:
          r.init_ms = x;
          break;
        case col::restore:
          r.restore_ms = x;
          break;
        case col::max_mem:
          r.max_memory_used_mb = x;
          break;
        case col::n:
          r.n = x;
          break;
        case col::p5:
          r.p5_ms = x;
          break;
        case col::p95:
          r.p95_ms = x;
          break;
        case col::is_cold:
          break;
      }
    }
    if (!std::isnan(r.init_ms) || !std::isnan(r.restore_ms)) r.is_cold = true;
    s.rows.push_back(r);
    validate_or_line(s, o, no);
  }
  if (s.rows.empty()) {
    std::string msg = o + ": no data rows";
    if (!filters.empty()) msg += " match the filter";
    throw config_error(msg);
  }
  return s;
}

sweep load_csv(const std::string& path, const csv_options& opt) {
  return csv_from_text(detail::read_text_file(path), path, opt);
}

// ---- any format
// ----------------------------------------------------------------------------

sweep sweep_from_text(std::string_view text, std::string_view origin,
                      const load_options& opt) {
  std::string fmt = opt.format;
  const std::string_view body = trim(text);
  if (fmt == "auto") {
    if (body.empty()) throw config_error(std::string(origin) + ": empty file");
    if (body.front() == '[' || body.front() == '{') {
      // JSON: one document (Power Tuning or REPORT metrics) or JSON log lines.
      json j;
      bool one_doc = true;
      try {
        j = json::parse(body.begin(), body.end());
      } catch (const json::exception&) {
        one_doc = false;
      }
      if (!one_doc || (j.is_object() && j.contains("type") && j.contains("record")))
        fmt = "report";
      else if (j.is_object() && j.contains("data"))
        fmt = "report_metrics";
      else
        fmt = "powertuning";
    } else {
      const auto first_line = body.substr(0, body.find('\n'));
      fmt = first_line.find(',') != std::string_view::npos &&
                    first_line.find("REPORT") == std::string_view::npos &&
                    !first_line.starts_with("Duration:")
                ? "csv"
                : "report";
    }
  }
  if (fmt == "powertuning") {
    if (opt.select.empty()) return powertuning_from_json(text, origin, opt.source);
    auto runs = powertuning_runs_from_json(text, origin, opt.source);
    std::size_t used = 0;
    unsigned long k = 0;
    try {
      k = std::stoul(opt.select, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != opt.select.size() || k >= runs.size())
      detail::throw_invalid(
          "select", opt.select,
          "expected a run index below " + std::to_string(runs.size()));
    return runs[k];
  }
  if (fmt == "report") return report_from_text(text, origin);
  if (fmt == "report_metrics")
    return report_metrics_from_json(text, opt.select, origin);
  if (fmt == "csv") return csv_from_text(text, origin, opt.csv);
  detail::throw_invalid("format", fmt,
                        "expected auto, powertuning, report, report_metrics or csv");
}

sweep load_sweep(const std::string& path, const load_options& opt) {
  return sweep_from_text(detail::read_text_file(path), path, opt);
}

}  // namespace lambdasim
