// SPDX-License-Identifier: MIT
// Power Tuning output JSON and its visualization URL.
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/powertuning.hpp"
#include "lambdasim/sweep_loaders.hpp"

namespace lambdasim {

namespace {

constexpr char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;  // '-' and '_': the URL-safe alphabet
  if (c == '/' || c == '_') return 63;
  return -1;
}

// Standard base64; the '=' padding may be omitted.
std::vector<std::uint8_t> b64_decode(std::string_view s, std::string_view field) {
  while (!s.empty() && s.back() == '=') s.remove_suffix(1);
  if (s.size() % 4 == 1)
    detail::throw_invalid(field, s,
                          "is not base64 (length leaves a dangling character)");
  std::vector<std::uint8_t> out;
  out.reserve(s.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : s) {
    const int v = b64_value(c);
    if (v < 0)
      detail::throw_invalid(field, s,
                            "is not base64 (character '" + std::string(1, c) + "')");
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFFu));
    }
  }
  return out;
}

std::string b64_encode(const std::vector<std::uint8_t>& b) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < b.size(); i += 3) {
    const std::uint32_t v =
        (std::uint32_t{b[i]} << 16) | (std::uint32_t{b[i + 1]} << 8) | b[i + 2];
    for (int k = 18; k >= 0; k -= 6) out += b64_alphabet[(v >> k) & 63u];
  }
  if (i + 1 == b.size()) {
    const std::uint32_t v = std::uint32_t{b[i]} << 16;
    out += b64_alphabet[(v >> 18) & 63u];
    out += b64_alphabet[(v >> 12) & 63u];
    out += "==";
  } else if (i + 2 == b.size()) {
    const std::uint32_t v =
        (std::uint32_t{b[i]} << 16) | (std::uint32_t{b[i + 1]} << 8);
    out += b64_alphabet[(v >> 18) & 63u];
    out += b64_alphabet[(v >> 12) & 63u];
    out += b64_alphabet[(v >> 6) & 63u];
    out += '=';
  }
  return out;
}

float le_float(const std::uint8_t* p) {
  const std::uint32_t u = std::uint32_t{p[0]} | (std::uint32_t{p[1]} << 8) |
                          (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[3]} << 24);
  return std::bit_cast<float>(u);
}

void put_le_float(std::vector<std::uint8_t>& out, float f) {
  const auto u = std::bit_cast<std::uint32_t>(f);
  for (int k = 0; k < 32; k += 8)
    out.push_back(static_cast<std::uint8_t>((u >> k) & 0xFFu));
}

}  // namespace

powertuning_curve decode_visualization(std::string_view url) {
  if (const auto hash = url.find('#'); hash != std::string_view::npos)
    url.remove_prefix(hash + 1);
  std::array<std::string_view, 3> parts;
  for (int k = 0; k < 3; ++k) {
    const auto semi = url.find(';');
    if (k < 2 && semi == std::string_view::npos)
      detail::throw_invalid("visualization", url,
                            "expected three base64 fields separated by ';'");
    parts[static_cast<std::size_t>(k)] = url.substr(0, k < 2 ? semi : url.size());
    if (k < 2) url.remove_prefix(semi + 1);
  }
  if (parts[2].find(';') != std::string_view::npos)
    detail::throw_invalid("visualization", parts[2], "more than three fields");
  const auto sizes = b64_decode(parts[0], "visualization sizes");
  const auto durs = b64_decode(parts[1], "visualization durations");
  const auto costs = b64_decode(parts[2], "visualization costs");
  if (sizes.size() % 2 != 0 || durs.size() % 4 != 0 || costs.size() % 4 != 0)
    throw std::invalid_argument(
        "visualization: field lengths " + std::to_string(sizes.size()) + ", " +
        std::to_string(durs.size()) + ", " + std::to_string(costs.size()) +
        " bytes are not whole int16 / float32 / float32 values");
  const std::size_t n = sizes.size() / 2;
  if (durs.size() / 4 != n || costs.size() / 4 != n)
    throw std::invalid_argument("visualization: " + std::to_string(n) + " sizes but " +
                                std::to_string(durs.size() / 4) + " durations and " +
                                std::to_string(costs.size() / 4) + " costs");
  if (n == 0) throw std::invalid_argument("visualization: no sizes");
  powertuning_curve c;
  for (std::size_t i = 0; i < n; ++i) {
    const auto raw = static_cast<std::uint16_t>(sizes[2 * i] | (sizes[2 * i + 1] << 8));
    c.memory_mb.push_back(static_cast<double>(static_cast<std::int16_t>(raw)));
    c.duration_ms.push_back(static_cast<double>(le_float(&durs[4 * i])));
    c.cost_usd.push_back(static_cast<double>(le_float(&costs[4 * i])));
  }
  return c;
}

std::string encode_visualization(const powertuning_curve& c) {
  const std::size_t n = c.memory_mb.size();
  if (c.duration_ms.size() != n || c.cost_usd.size() != n)
    throw std::invalid_argument(
        "encode_visualization: memory_mb, duration_ms and cost_usd "
        "must have the same length");
  std::vector<std::uint8_t> s, d, k;
  for (std::size_t i = 0; i < n; ++i) {
    const double m = c.memory_mb[i];
    if (!(m >= std::numeric_limits<std::int16_t>::min() &&
          m <= std::numeric_limits<std::int16_t>::max()) ||
        std::floor(m) != m)
      detail::throw_invalid("memory_mb[" + std::to_string(i) + "]", m,
                            "must be an integer that fits int16");
    const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(m));
    s.push_back(static_cast<std::uint8_t>(u & 0xFFu));
    s.push_back(static_cast<std::uint8_t>(u >> 8));
    put_le_float(d, static_cast<float>(c.duration_ms[i]));
    put_le_float(k, static_cast<float>(c.cost_usd[i]));
  }
  return "https://lambda-power-tuning.show/#" + b64_encode(s) + ";" + b64_encode(d) +
         ";" + b64_encode(k);
}

std::string_view to_string(powertuning_source s) {
  return enum_name(s);
}

powertuning_source powertuning_source_from_string(std::string_view name) {
  return enum_from_name<powertuning_source>(name);
}

namespace {

using detail::json;
using detail::object_reader;

// A number that Power Tuning may write as a JSON number, a numeric string ("128") or
// null (unknown). Returns NaN for null.
double loose_number(object_reader& r, std::string_view key) {
  const json& v = r.get(key);
  if (v.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (v.is_number()) {
    const double x = v.get<double>();
    if (!std::isfinite(x)) r.fail(key, "expected a finite number");
    return x;
  }
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    std::size_t used = 0;
    double x = 0;
    try {
      x = std::stod(s, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != s.size() || !std::isfinite(x))
      r.fail(key, "expected a number, got " + v.dump());
    return x;
  }
  r.fail(key, "expected a number, got " + v.dump());
}

// The execution input: {lambdaARN?, powerValues, num, payload?, parallelInvocation?,
// strategy?, ...}.
void read_input(const json& j, const std::string& origin, const std::string& ptr,
                sweep_metadata& meta) {
  if (j.is_null()) return;
  object_reader r(j, origin, ptr);
  if (r.has("num")) meta.num = r.integer("num");
  if (r.has("strategy") && !r.get("strategy").is_null())
    meta.strategy = r.string("strategy");
  for (const char* k :
       {"lambdaARN", "powerValues", "payload", "parallelInvocation", "balancedWeight",
        "payloadS3", "preProcessorARN", "postProcessorARN", "discardTopBottom",
        "autoOptimize", "autoOptimizeAlias", "dryRun", "onlyColdStarts",
        "sleepBetweenRunsMs", "disablePayloadLogs", "includeOutputResults"})
    r.allow(k);
  r.finish();
}

struct output_curve {
  bool ok = false;
  powertuning_curve c;
};

sweep read_output(const json& j, const std::string& origin, const std::string& ptr,
                  powertuning_source src, sweep_metadata meta) {
  object_reader r(j, origin, ptr);
  sweep s;
  s.meta = std::move(meta);
  s.meta.format = "powertuning";
  const double power = loose_number(r, "power");
  const double cost = loose_number(r, "cost");
  const double duration = loose_number(r, "duration");
  std::string viz;
  {
    object_reader sm = r.object("stateMachine");
    for (const char* k : {"executionCost", "lambdaCost"})
      if (sm.has(k)) loose_number(sm, k);
    const json& v = sm.get("visualization");
    if (!v.is_string()) sm.fail("visualization", "expected a string, got " + v.dump());
    viz = v.get<std::string>();
    sm.finish();
  }
  powertuning_curve from_stats;
  const bool has_stats = r.has("stats");
  if (has_stats) {
    const json& st = r.get("stats");
    if (!st.is_array()) r.fail("stats", "expected an array");
    for (std::size_t i = 0; i < st.size(); ++i) {
      object_reader e(st[i], origin, r.pointer_to("stats") + "/" + std::to_string(i));
      from_stats.memory_mb.push_back(e.number("value"));
      from_stats.cost_usd.push_back(e.number("averagePrice"));
      from_stats.duration_ms.push_back(e.number("averageDuration"));
      e.finish();
    }
  }
  r.finish();

  output_curve decoded;
  std::string decode_error;
  try {
    decoded.c = decode_visualization(viz);
    decoded.ok = true;
  } catch (const std::invalid_argument& e) {
    decode_error = e.what();
  }
  const powertuning_curve* use = nullptr;
  switch (src) {
    case powertuning_source::automatic:
      use = has_stats ? &from_stats : decoded.ok ? &decoded.c : nullptr;
      break;
    case powertuning_source::stats:
      if (!has_stats)
        detail::throw_config(origin, ptr + "/stats", "no stats in this output");
      use = &from_stats;
      break;
    case powertuning_source::visualization:
      if (!decoded.ok)
        detail::throw_config(origin, ptr + "/stateMachine/visualization", decode_error);
      use = &decoded.c;
      break;
  }
  const double n = s.meta.num > 0 ? s.meta.num : 0;
  auto add = [&](double m, double d, double k) {
    sweep_row row;
    row.memory_mb = m;
    row.duration_ms = d;
    row.cost_usd = k;
    row.n = n;
    row.per_size = true;
    s.rows.push_back(row);
  };
  if (use) {
    for (std::size_t i = 0; i < use->memory_mb.size(); ++i)
      add(use->memory_mb[i], use->duration_ms[i], use->cost_usd[i]);
  } else {
    s.diagnostics.push_back(origin + ": " + ptr + "/stateMachine/visualization: " +
                            decode_error + "; no stats: only the chosen power");
    if (!std::isnan(power) && !std::isnan(duration)) add(power, duration, cost);
  }
  try {
    s.validate();
  } catch (const std::invalid_argument& e) {
    detail::throw_config(origin, ptr, e.what());
  }
  return s;
}

bool is_output(const json& j) {
  return j.is_object() && j.contains("stateMachine");
}

// One element: bare output, {"results": output}, a record {input, output, ...}, an
// execution input alone, or the AWS docs table.
std::vector<sweep> read_document(const json& j, const std::string& origin,
                                 const std::string& ptr, powertuning_source src) {
  sweep_metadata meta;
  meta.source = origin + (ptr.empty() ? "" : "#" + ptr);
  if (is_output(j)) return {read_output(j, origin, ptr, src, meta)};
  object_reader r(j, origin, ptr);
  if (r.has("results")) {
    auto s = read_output(r.get("results"), origin, r.pointer_to("results"), src, meta);
    r.finish();
    return {s};
  }
  if (r.has("output")) {
    for (const char* k : {"source", "note", "decoded_stats"}) r.allow(k);
    if (r.has("function") || r.has("run")) {
      const std::string f = r.string_or("function", "");
      const std::string run = r.string_or("run", "");
      meta.source += " (" + f + (f.empty() || run.empty() ? "" : ", ") + run + ")";
    }
    meta.region = r.string_or("region", "");
    // Power Tuning's own input and output do not say which architecture ran; a record
    // may, beside them.
    if (r.has("architecture")) {
      const std::string a = r.string("architecture");
      try {
        meta.architectures = {
            std::string(to_string(enum_from_name<architecture>(a, "architecture")))};
      } catch (const std::invalid_argument& e) {
        r.fail("architecture", e.what());
      }
      meta.architecture_origin = "the record's \"architecture\"";
    }
    if (r.has("input")) read_input(r.get("input"), origin, r.pointer_to("input"), meta);
    auto s = read_output(r.get("output"), origin, r.pointer_to("output"), src, meta);
    r.finish();
    return {s};
  }
  if (r.has("points")) {  // AWS Lambda Operator Guide table
    for (const char* k : {"source", "note"}) r.allow(k);
    sweep s;
    s.meta = meta;
    s.meta.format = "aws_docs";
    const json& pts = r.get("points");
    if (!pts.is_array()) r.fail("points", "expected an array");
    for (std::size_t i = 0; i < pts.size(); ++i) {
      object_reader p(pts[i], origin, r.pointer_to("points") + "/" + std::to_string(i));
      sweep_row row;
      row.memory_mb = p.number("memory_mb");
      row.duration_ms = p.number("avg_duration_s") * 1000.0;
      row.cost_usd = p.number("cost_per_1000_usd") / 1000.0;
      p.allow("check_cost");
      p.finish();
      row.per_size = true;
      row.n = 0;
      s.rows.push_back(row);
    }
    r.finish();
    try {
      s.validate();
    } catch (const std::invalid_argument& e) {
      detail::throw_config(origin, ptr, e.what());
    }
    return {s};
  }
  if (r.has("powerValues")) {  // an execution input without results
    read_input(j, origin, ptr, meta);
    sweep s;
    s.meta = meta;
    s.meta.format = "powertuning";
    s.diagnostics.push_back(origin + ": an execution input only: no results");
    return {s};
  }
  detail::throw_config(
      origin, ptr.empty() ? "/" : ptr,
      "not a Power Tuning output (expected stateMachine, results, output, "
      "points or powerValues)");
}

}  // namespace

std::vector<sweep> powertuning_runs_from_json(std::string_view text,
                                              std::string_view origin,
                                              powertuning_source src) {
  const json j = detail::parse_json(text, origin);
  const std::string o(origin);
  if (!j.is_array()) return read_document(j, o, "", src);
  std::vector<sweep> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    auto v = read_document(j[i], o, "/" + std::to_string(i), src);
    out.insert(out.end(), v.begin(), v.end());
  }
  return out;
}

std::vector<sweep> load_powertuning_runs(const std::string& path,
                                         powertuning_source src) {
  return powertuning_runs_from_json(detail::read_text_file(path), path, src);
}

sweep powertuning_from_json(std::string_view text, std::string_view origin,
                            powertuning_source src) {
  auto runs = powertuning_runs_from_json(text, origin, src);
  if (runs.size() != 1) {
    // Say which runs there are, so the user can pick one without opening the file.
    std::string list;
    for (std::size_t i = 0; i < runs.size(); ++i)
      list += (i ? "; " : "") + std::to_string(i) + " = " + runs[i].meta.source + " (" +
              std::to_string(runs[i].sizes().size()) + " sizes)";
    detail::throw_config(
        origin, "/",
        "holds " + std::to_string(runs.size()) +
            " Power Tuning runs; choose one with select (--select N): " + list);
  }
  return runs.front();
}

sweep load_powertuning(const std::string& path, powertuning_source src) {
  return powertuning_from_json(detail::read_text_file(path), path, src);
}

}  // namespace lambdasim
