// SPDX-License-Identifier: MIT
// REPORT lines (text and JSON), REPORT metrics JSON, CSV, and format detection.
#include "lambdasim/sweep_loaders.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

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

// ---- dates
// ------------------------------------------------------------------------------

// "YYYY-MM-DD" at the start of s (a time may follow after 'T' or a space), or empty.
std::string iso_date_prefix(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return {};
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[static_cast<std::size_t>(i)])))
      return {};
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return {};
  const int mo = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return {};
  return std::string(s.substr(0, 10));
}

// The UTC civil date of Unix epoch seconds (H. Hinnant's civil_from_days).
std::string date_from_epoch_s(double seconds) {
  const auto z = static_cast<long long>(std::floor(seconds / 86400)) + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[80];  // room for any long long, so -Wformat-truncation has nothing to say
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
  return buf;
}

// A timestamp: an ISO 8601 date or date-time, or Unix epoch time (milliseconds when
// `ms` or above 1e11, else seconds; 1e8..1e10 s, i.e. 1973..2286). Empty if neither.
std::string date_of_timestamp(std::string_view cell, bool ms) {
  if (auto d = iso_date_prefix(cell); !d.empty()) return d;
  double x = 0;
  if (!parse_double(cell, x)) return {};
  if (ms || x > 1e11) x /= 1000;
  if (!(x >= 1e8 && x <= 1e10)) return {};
  return date_from_epoch_s(x);
}

// Keeps the earliest date seen: the day the recording began.
void note_date(sweep& s, const std::string& date, const std::string& origin) {
  if (date.empty()) return;
  if (s.meta.date.empty() || date < s.meta.date) {
    s.meta.date = date;
    s.meta.date_origin = origin;
  }
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
                       sweep_row& row, std::string& date) {
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
  if (j.contains("time") && j["time"].is_string())
    date = iso_date_prefix(j["time"].get<std::string>());
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
      std::string date;
      if (line.find("platform.report") == std::string_view::npos ||
          !parse_report_json(line, origin, no, row, date)) {
        ++s.skipped_lines;
        continue;
      }
      note_date(s, date, "the earliest \"time\" of its platform.report records");
    } else {
      const auto rep = line.find("REPORT RequestId:");
      if (rep != std::string_view::npos) {
        row = parse_report_text(line.substr(rep), origin, no);
        // A timestamp before "REPORT" (CloudWatch exports): the first token that is
        // one.
        std::string_view pre = line.substr(0, rep);
        while (!pre.empty()) {
          const auto b = pre.find_first_not_of(" \t");
          if (b == std::string_view::npos) break;
          pre.remove_prefix(b);
          const auto e = std::min(pre.find_first_of(" \t"), pre.size());
          const std::string d = date_of_timestamp(pre.substr(0, e), false);
          if (!d.empty()) {
            note_date(s, d, "the earliest timestamp of its REPORT lines");
            break;
          }
          pre.remove_prefix(e);
        }
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
  // A path component naming an architecture (lambda-benchmark: runtime/arch).
  for (const auto& name : enum_names<architecture>())
    for (std::string_view rest = pick; !rest.empty();) {
      const auto slash = rest.find('/');
      if (rest.substr(0, slash) == name) {
        s.meta.architectures = {name};
        s.meta.architecture_origin = "the series path '" + pick + "'";
      }
      rest = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
    }
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
  is_cold,
  timestamp,
  architecture
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
    {"timestamp", col::timestamp},
    {"architecture", col::architecture},
};

// Headers read as the timestamp column without being mapped.
bool is_timestamp_header(std::string_view h) {
  return h == "timestamp" || h == "timestamp_ms" || h == "date";
}
// Headers read as the architecture column without being mapped.
bool is_architecture_header(std::string_view h) {
  return h == "architecture" || h == "arch";
}
// The architecture a cell names: its first word (a remark may follow, "x86_64 (CDK
// default; not stated)"), in any case, with the names other tools write (aarch64,
// amd64, x86-64); empty for an empty cell.
// @throws std::invalid_argument naming the column for another name
std::string architecture_of_cell(std::string_view cell, const std::string& header) {
  const auto end = cell.find_first_of(" (\t");
  const std::string_view word = cell.substr(0, end);
  if (word.empty()) return {};
  std::string w;
  for (char c : word)
    w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w == "aarch64") w = "arm64";
  if (w == "amd64" || w == "x86-64") w = "x86_64";
  if (w != "arm64" && w != "x86_64") w = word;  // the error quotes the cell's own word
  return std::string(to_string(enum_from_name<architecture>(w, header)));
}

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
      const std::string name = is_timestamp_header(header[i])      ? "timestamp"
                               : is_architecture_header(header[i]) ? "architecture"
                                                                   : header[i];
      const auto* c =
          std::find_if(std::begin(canonical), std::end(canonical),
                       [&](const canonical_column& k) { return name == k.name; });
      if (c == std::end(canonical))
        fail_line(o, first + 1,
                  "unknown column '" + header[i] +
                      "' (canonical: memory_mb, duration_ms, billed_duration_ms, "
                      "init_duration_ms, restore_duration_ms, max_memory_used_mb, n, "
                      "p5_ms, p95_ms, is_cold, timestamp, architecture; map other "
                      "headers with a column map)");
      if (idx[c - std::begin(canonical)] >= 0)
        fail_line(o, first + 1, "duplicate column '" + header[i] + "'");
      idx[c - std::begin(canonical)] = static_cast<int>(i);
    }
  }
  // With a column map, an unmapped timestamp column still dates the sweep.
  constexpr auto ts = static_cast<std::size_t>(col::timestamp);
  if (idx[ts] < 0)
    for (std::size_t i = 0; i < header.size() && idx[ts] < 0; ++i)
      if (is_timestamp_header(header[i]) &&
          std::find(std::begin(idx), std::end(idx), static_cast<int>(i)) ==
              std::end(idx))
        idx[ts] = static_cast<int>(i);
  // So does an unmapped architecture column say what the rows ran on.
  constexpr auto ac = static_cast<std::size_t>(col::architecture);
  if (idx[ac] < 0)
    for (std::size_t i = 0; i < header.size() && idx[ac] < 0; ++i)
      if (is_architecture_header(header[i]) &&
          std::find(std::begin(idx), std::end(idx), static_cast<int>(i)) ==
              std::end(idx))
        idx[ac] = static_cast<int>(i);
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
  // A column naming the function (not mapped to a canonical column), to spot a mix.
  int fn_col = -1;
  for (std::size_t i = 0; i < header.size() && fn_col < 0; ++i) {
    std::string key;
    for (char ch : header[i])
      if (std::isalnum(static_cast<unsigned char>(ch)))
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const bool mapped =
        std::find(std::begin(idx), std::end(idx), static_cast<int>(i)) != std::end(idx);
    if (!mapped && (key == "function" || key == "functionname" ||
                    key == "functionarn" || key == "lambda" || key == "lambdaname"))
      fn_col = static_cast<int>(i);
  }
  std::set<std::string> fn_values, arch_values;

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
    if (fn_col >= 0) fn_values.emplace(trim(cells[static_cast<std::size_t>(fn_col)]));
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
      if (id == col::timestamp) {
        if (cell.empty()) continue;
        const std::string d = date_of_timestamp(cell, hname.ends_with("_ms"));
        if (d.empty())
          fail_line(o, no,
                    hname + " = '" + std::string(cell) +
                        "': expected an ISO 8601 date (2020-11-30, "
                        "2020-11-30T10:00:00Z) or Unix epoch time");
        note_date(s, d, "the earliest '" + hname + "' of its rows");
        continue;
      }
      if (id == col::architecture) {
        std::string a;
        try {
          a = architecture_of_cell(cell, hname);
        } catch (const std::invalid_argument& e) {
          fail_line(o, no, e.what());
        }
        if (!a.empty()) arch_values.insert(a);
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
        case col::timestamp:
        case col::architecture:
          break;
      }
    }
    if (!std::isnan(r.init_ms) || !std::isnan(r.restore_ms)) r.is_cold = true;
    s.rows.push_back(r);
    validate_or_line(s, o, no);
  }
  // Several functions in one sweep fit as one without a word: say so (a note, since a
  // column map may have meant it). Signs: a per-size file with a size twice, or a
  // function-name column holding several values.
  if (fn_col >= 0 && fn_values.size() > 1) {
    std::string list;
    for (const auto& v : fn_values) list += (list.empty() ? "'" : ", '") + v + "'";
    s.diagnostics.push_back(
        o + ": column '" + header[static_cast<std::size_t>(fn_col)] + "' holds " +
        std::to_string(fn_values.size()) + " functions (" + list +
        "): several functions mixed in one sweep? keep one with a "
        "filter (--where " +
        header[static_cast<std::size_t>(fn_col)] + "=" + *fn_values.begin() + ")");
  }
  if (!arch_values.empty()) {
    constexpr auto ac_col = static_cast<std::size_t>(col::architecture);
    const std::string& h = header[static_cast<std::size_t>(idx[ac_col])];
    s.meta.architectures.assign(arch_values.begin(), arch_values.end());
    s.meta.architecture_origin = "column '" + h + "'";
    // Like several functions: a note here (the sweep can still be summarised); fit()
    // refuses it, since a profile records one architecture.
    if (arch_values.size() > 1)
      s.diagnostics.push_back(
          o + ": column '" + h +
          "' holds rows of both x86_64 and arm64: two "
          "architectures mixed in one sweep? keep one with a filter "
          "(--where " +
          h + "=arm64)");
  }
  if (per_size) {
    std::vector<double> sizes;
    for (const auto& r : s.rows) sizes.push_back(r.memory_mb);
    std::sort(sizes.begin(), sizes.end());
    const auto dup = std::adjacent_find(sizes.begin(), sizes.end());
    if (dup != sizes.end())
      s.diagnostics.push_back(
          o + ": memory_mb = " + detail::format_number(*dup) +
          " has several per-size rows: several functions mixed in one "
          "sweep?");
  }
  if (s.rows.empty()) {
    std::string msg = o + ": no data rows";
    if (!filters.empty()) {
      // name the filter, as given: "no data rows match where Function = 'f9'"
      msg += " match where";
      for (std::size_t k = 0; k < opt.where.size(); ++k)
        msg += std::string(k ? " and " : " ") + opt.where[k].first + " = '" +
               opt.where[k].second + "'";
    }
    throw config_error(msg);
  }
  return s;
}

sweep load_csv(const std::string& path, const csv_options& opt) {
  return csv_from_text(detail::read_text_file(path), path, opt);
}

// ---- any format
// ----------------------------------------------------------------------------

namespace {
bool is_url(std::string_view text) {
  return text.starts_with("https://") || text.starts_with("http://");
}

// A Power Tuning visualization URL pasted as is: one row per size (float32 precision).
sweep sweep_from_visualization(std::string_view url, std::string_view origin) {
  const powertuning_curve c = decode_visualization(url);
  sweep s;
  s.meta.source = std::string(origin);
  s.meta.format = "powertuning";
  for (std::size_t i = 0; i < c.memory_mb.size(); ++i) {
    sweep_row row;
    row.memory_mb = c.memory_mb[i];
    row.duration_ms = c.duration_ms[i];
    row.cost_usd = c.cost_usd[i];
    row.n = 0;
    row.per_size = true;
    s.rows.push_back(row);
  }
  try {
    s.validate();
  } catch (const std::invalid_argument& e) {
    throw config_error(std::string(origin) + ": " + e.what());
  }
  return s;
}
}  // namespace

sweep sweep_from_text(std::string_view text, std::string_view origin,
                      const load_options& opt) {
  std::string fmt = opt.format;
  const std::string_view body = trim(text);
  if ((fmt == "auto" || fmt == "powertuning") && is_url(body) &&
      body.find('\n') == std::string_view::npos)
    return sweep_from_visualization(body, origin);
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
      if (!one_doc) {
        // JSON log lines (one object per line) parse line by line; anything else is a
        // broken document (truncated, a NaN literal): report its parse error, never
        // guess another format and hide it.
        const auto first_line = trim(body.substr(0, body.find('\n')));
        const bool log_lines = json::accept(first_line.begin(), first_line.end()) &&
                               first_line.size() < body.size();
        if (!log_lines) detail::parse_json(body, origin);  // throws config_error
        fmt = "report";
      } else if (j.is_object() && j.contains("type") && j.contains("record"))
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
  enum_from_name<sweep_format>(fmt);  // an unknown name throws, naming the known ones
  throw std::logic_error("sweep_from_text: no reader for format " + fmt);
}

sweep load_sweep(const std::string& path, const load_options& opt) {
  // A Power Tuning visualization URL given instead of a file name.
  if (is_url(path)) return sweep_from_text(path, "visualization URL", opt);
  return sweep_from_text(detail::read_text_file(path), path, opt);
}

}  // namespace lambdasim
