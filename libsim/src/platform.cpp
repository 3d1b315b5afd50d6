// SPDX-License-Identifier: MIT
#include "lambdasim/platform.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <string>

#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

std::string_view to_string(throttling t) {
  return enum_name(t);
}

throttling throttling_from_string(std::string_view name) {
  return enum_from_name<throttling>(name);
}

void platform::validate() const {
  using detail::throw_invalid;
  if (min_memory_mb < 1) throw_invalid("memory_mb.min", min_memory_mb, "must be >= 1");
  if (max_memory_mb < min_memory_mb)
    throw_invalid("memory_mb.max", max_memory_mb, "must be >= memory_mb.min");
  if (memory_step_mb < 1)
    throw_invalid("memory_mb.step", memory_step_mb, "must be >= 1");
  if ((max_memory_mb - min_memory_mb) % memory_step_mb != 0)
    throw_invalid("memory_mb.max", max_memory_mb, "must be min + a multiple of step");
  if (!(mb_per_vcpu > 0)) throw_invalid("mb_per_vcpu", mb_per_vcpu, "must be > 0");
  if (!(max_vcpu > 0)) throw_invalid("max_vcpu", max_vcpu, "must be > 0");
  if (visible_vcpus.empty())
    throw std::invalid_argument("visible_vcpus: at least one tier required");
  if (visible_vcpus.front().from_mb != min_memory_mb)
    throw_invalid("visible_vcpus[0].from_mb", visible_vcpus.front().from_mb,
                  "must equal memory_mb.min");
  for (std::size_t i = 0; i < visible_vcpus.size(); ++i) {
    const std::string f = "visible_vcpus[" + std::to_string(i) + "]";
    if (visible_vcpus[i].vcpus < 1)
      throw_invalid(f + ".vcpus", visible_vcpus[i].vcpus, "must be >= 1");
    if (i > 0 && visible_vcpus[i].from_mb <= visible_vcpus[i - 1].from_mb)
      throw_invalid(f + ".from_mb", visible_vcpus[i].from_mb, "tiers must ascend");
  }
  if (!(cfs_period_ms > 0))
    throw_invalid("cfs_period_ms", cfs_period_ms, "must be > 0");
  if (!(billing_granularity_ms > 0))
    throw_invalid("billing_granularity_ms", billing_granularity_ms, "must be > 0");
}

void platform::check_memory(double m) const {
  // !(m >= min) so NaN fails too
  if (!(m >= min_memory_mb && m <= max_memory_mb))
    detail::throw_invalid("memory_mb", m,
                          "must be within " + std::to_string(min_memory_mb) + ".." +
                              std::to_string(max_memory_mb) + " MB");
  double k = (m - min_memory_mb) / memory_step_mb;
  if (k != std::floor(k))
    detail::throw_invalid("memory_mb", m,
                          "must be " + std::to_string(min_memory_mb) +
                              " + a multiple of " + std::to_string(memory_step_mb) +
                              " MB");
}

double platform::cpu_share(double m) const {
  check_memory(m);
  return std::min(m / mb_per_vcpu, max_vcpu);
}

int platform::visible_vcpu_count(double m) const {
  check_memory(m);
  int v = visible_vcpus.front().vcpus;
  for (const auto& t : visible_vcpus)
    if (m >= t.from_mb) v = t.vcpus;
  return v;
}

Eigen::VectorXd platform::memory_grid() const {
  const int n = (max_memory_mb - min_memory_mb) / memory_step_mb + 1;
  Eigen::VectorXd g(n);
  for (int i = 0; i < n; ++i)
    g[i] = min_memory_mb + static_cast<double>(i) * memory_step_mb;
  return g;
}

namespace {
double parse_size(std::string_view part, std::string_view spec) {
  double v = 0;
  auto b = part.data(), e = part.data() + part.size();
  while (b < e && *b == ' ') ++b;
  while (e > b && e[-1] == ' ') --e;
  auto res = std::from_chars(b, e, v);
  if (b == e || res.ec != std::errc() || res.ptr != e)
    detail::throw_invalid(
        "memory spec", spec,
        "'" + std::string(part) +
            "' is not a number; expected a list like 128,512,1769 or a "
            "range like 128:10240:64");
  return v;
}
}  // namespace

Eigen::VectorXd platform::parse_memory_spec(std::string_view spec) const {
  if (spec.find(':') != std::string_view::npos) {
    std::vector<double> v;
    std::size_t a = spec.find(':'), b = spec.find(':', a + 1);
    if (b == std::string_view::npos || spec.find(':', b + 1) != std::string_view::npos)
      detail::throw_invalid("memory spec", spec, "a range is START:STOP:STEP");
    double lo = parse_size(spec.substr(0, a), spec);
    double hi = parse_size(spec.substr(a + 1, b - a - 1), spec);
    double step = parse_size(spec.substr(b + 1), spec);
    if (!(step >= 1) || step != std::floor(step))
      detail::throw_invalid("memory spec step", step, "must be a whole number >= 1");
    if (!(hi >= lo)) detail::throw_invalid("memory spec stop", hi, "must be >= start");
    check_memory(lo);
    check_memory(hi);
    const auto n = static_cast<Eigen::Index>(std::floor((hi - lo) / step)) + 1;
    Eigen::VectorXd out(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      out[i] = lo + static_cast<double>(i) * step;
      check_memory(out[i]);
    }
    return out;
  }
  std::vector<double> v;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = spec.find(',', start);
    auto part =
        spec.substr(start, comma == std::string_view::npos ? spec.npos : comma - start);
    double m = parse_size(part, spec);
    check_memory(m);
    v.push_back(m);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

platform platform::from_json(std::string_view text, std::string_view origin) {
  using detail::object_reader;
  const auto j = detail::parse_json(text, origin);
  object_reader r(j, std::string(origin), "");
  detail::read_model_header(r);
  platform p;
  p.name = r.string("name");
  auto mem = r.object("memory_mb");
  p.min_memory_mb = mem.integer("min");
  p.max_memory_mb = mem.integer("max");
  p.memory_step_mb = mem.integer("step");
  mem.finish();
  p.mb_per_vcpu = r.number("mb_per_vcpu");
  p.max_vcpu = r.number("max_vcpu");
  const auto& tiers = r.get("visible_vcpus");
  if (!tiers.is_array()) r.fail("visible_vcpus", "expected an array");
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    object_reader t(tiers[i], r.origin(),
                    r.pointer_to("visible_vcpus") + "/" + std::to_string(i));
    p.visible_vcpus.push_back({t.integer("from_mb"), t.integer("vcpus")});
    t.finish();
  }
  try {
    p.throttle = throttling_from_string(r.string("throttling"));
  } catch (const std::invalid_argument& e) {
    r.fail("throttling", e.what());
  }
  p.cfs_period_ms = r.number("cfs_period_ms");
  p.billing_granularity_ms = r.number("billing_granularity_ms");
  r.finish();
  try {
    p.validate();
  } catch (const std::invalid_argument& e) {
    throw config_error(std::string(origin) + ": " + e.what());
  }
  return p;
}

platform platform::load(const std::string& path) {
  return from_json(detail::read_text_file(path), path);
}

platform platform::aws_lambda() {
  return named("aws-lambda");
}

const std::vector<std::string>& platform::names() {
  // Every compiled-in model that is a platform document (prices, pool and other models
  // are not): decided by parsing, once.
  static const std::vector<std::string> out = [] {
    std::vector<std::string> v;
    for (std::string_view file : detail::embedded_model_names()) {
      if (file.size() < 5 || file.substr(file.size() - 5) != ".json") continue;
      try {
        (void)from_json(detail::embedded_model(file), file);
      } catch (const std::invalid_argument&) {
        continue;
      }
      v.emplace_back(file.substr(0, file.size() - 5));
    }
    std::sort(v.begin(), v.end());
    return v;
  }();
  return out;
}

namespace {
std::string known_platforms() {
  std::string s;
  for (const auto& n : platform::names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}
}  // namespace

platform platform::named(std::string_view name) {
  // Parsed once per name, then copied: the JSON costs 13-22 us, a copy well under 1 us.
  static std::mutex mutex;
  static std::map<std::string, platform, std::less<>> cache;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(name); it != cache.end()) return it->second;
  }
  const auto& all = names();
  if (std::find(all.begin(), all.end(), name) == all.end())
    detail::throw_invalid("platform", name,
                          "unknown platform; known: " + known_platforms());
  const std::string file = std::string(name) + ".json";
  platform p = from_json(detail::embedded_model(file), "models/" + file);  // may throw
  const std::lock_guard<std::mutex> lock(mutex);
  cache.emplace(std::string(name), p);
  return p;
}

platform platform::resolve(std::string_view spec) {
  const auto& all = names();
  if (std::find(all.begin(), all.end(), spec) != all.end()) return named(spec);
  const bool path = spec.find('/') != std::string_view::npos ||
                    (spec.size() >= 5 && spec.substr(spec.size() - 5) == ".json");
  if (path) return load(std::string(spec));
  detail::throw_invalid("platform", spec,
                        "not a platform name (" + known_platforms() +
                            ") or a platform JSON file (a path ending in .json)");
}

std::string platform::to_json() const {
  detail::json j;
  j["schema_version"] = 1;
  j["name"] = name;
  j["memory_mb"] = {
      {"min", min_memory_mb}, {"max", max_memory_mb}, {"step", memory_step_mb}};
  j["mb_per_vcpu"] = mb_per_vcpu;
  j["max_vcpu"] = max_vcpu;
  j["visible_vcpus"] = detail::json::array();
  for (const auto& t : visible_vcpus)
    j["visible_vcpus"].push_back({{"from_mb", t.from_mb}, {"vcpus", t.vcpus}});
  j["throttling"] = std::string(to_string(throttle));
  j["cfs_period_ms"] = cfs_period_ms;
  j["billing_granularity_ms"] = billing_granularity_ms;
  return j.dump(2);
}

}  // namespace lambdasim
