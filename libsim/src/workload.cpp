// SPDX-License-Identifier: MIT
#include "lambdasim/workload.hpp"

#include <cmath>
#include <string>

#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/prices.hpp"

namespace lambdasim {

std::string_view to_string(component_kind k) {
  return enum_name(k);
}

component_kind component_kind_from_string(std::string_view name) {
  return enum_from_name<component_kind>(name);
}

namespace {
component of_kind(component_kind k, double work_ms) {
  component c;
  c.kind = k;
  c.work_ms = work_ms;
  return c;
}
}  // namespace

component component::cpu(double work_ms) {
  return of_kind(component_kind::cpu, work_ms);
}
component component::cpu(double work_ms, int threads) {
  component c = cpu(work_ms);
  c.threads = threads;
  return c;
}
component component::io(double ms) {
  return of_kind(component_kind::io, ms);
}
component component::scaled_io(double work_ms) {
  return of_kind(component_kind::scaled_io, work_ms);
}
component component::scaled_io(double work_ms, double knee_vcpu) {
  component c = scaled_io(work_ms);
  c.knee_vcpu = knee_vcpu;
  return c;
}
component component::gc(double work_ms) {
  return of_kind(component_kind::gc, work_ms);
}
component component::gc(double work_ms, double ref_mb) {
  component c = gc(work_ms);
  c.ref_mb = ref_mb;
  return c;
}

namespace {
void check_nonnegative(const std::string& field, double x) {
  // !(x >= 0) so NaN fails too
  if (!(x >= 0) || std::isinf(x))
    detail::throw_invalid(field, x, "must be finite and >= 0");
}
// A time of work or wait (ms): finite, >= 0 and at most max_work_ms, so that a duration
// at the smallest share (work / 0.07 vCPU) stays finite instead of reading "inf".
void check_time(const std::string& field, double x) {
  check_nonnegative(field, x);
  if (x > max_work_ms)
    detail::throw_invalid(field, x,
                          "must be at most " + detail::format_number(max_work_ms) +
                              " ms (about 32 years)");
}
}  // namespace

void component::validate() const {
  check_time(kind == component_kind::io ? "ms" : "work_ms", work_ms);
  if (threads < 1) detail::throw_invalid("threads", threads, "must be >= 1");
  if (!(knee_vcpu > 0) || std::isinf(knee_vcpu))
    detail::throw_invalid("knee_vcpu", knee_vcpu, "must be finite and > 0");
  if (!(ref_mb > 0) || std::isinf(ref_mb))
    detail::throw_invalid("ref_mb", ref_mb, "must be finite and > 0");
}

void profile::validate() const {
  // An empty profile predicts 0 ms at every size (and a bill of -0 GB-s): never meant.
  if (components.empty())
    throw std::invalid_argument(
        "components = []: a profile needs at least one component (cpu_ms, io_ms, "
        "scaled_io_ms or gc_ms)");
  for (std::size_t i = 0; i < components.size(); ++i) {
    try {
      components[i].validate();
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("components[" + std::to_string(i) + "]." + e.what());
    }
  }
  check_time("init_ms", init_ms);
  check_time("first_call_cpu_ms", first_call_cpu_ms);
  check_nonnegative("peak_memory_mb", peak_memory_mb);
  check_nonnegative("cv", cv);
  (void)enum_from_name<lambdasim::architecture>(architecture, "architecture");
}

double profile::total(component_kind k) const {
  double s = 0;
  for (const auto& c : components)
    if (c.kind == k) s += c.work_ms;
  return s;
}

profile profile::from_json(std::string_view text, std::string_view origin) {
  using detail::object_reader;
  const auto j = detail::parse_json(text, origin);
  object_reader r(j, std::string(origin), "");
  if (r.integer("schema_version") != 1)
    r.fail("schema_version", "only version 1 is known");
  profile w;
  w.name = r.string_or("name", "");
  const auto& comps = r.get("components");
  if (!comps.is_array()) r.fail("components", "expected an array");
  for (std::size_t i = 0; i < comps.size(); ++i) {
    object_reader c(comps[i], r.origin(), "/components/" + std::to_string(i));
    component k;
    try {
      k.kind = component_kind_from_string(c.string("kind"));
    } catch (const std::invalid_argument& e) {
      c.fail("kind", e.what());
    }
    switch (k.kind) {
      case component_kind::cpu:
        k.work_ms = c.number("work_ms");
        k.threads = c.integer_or("threads", k.threads);
        break;
      case component_kind::io:
        k.work_ms = c.number("ms");
        break;
      case component_kind::scaled_io:
        k.work_ms = c.number("work_ms");
        k.knee_vcpu = c.number_or("knee_vcpu", k.knee_vcpu);
        break;
      case component_kind::gc:
        k.work_ms = c.number("work_ms");
        k.ref_mb = c.number_or("ref_mb", k.ref_mb);
        break;
    }
    c.finish();
    try {
      k.validate();
    } catch (const std::invalid_argument& e) {
      detail::throw_config(origin, "/components/" + std::to_string(i), e.what());
    }
    w.components.push_back(k);
  }
  w.init_ms = r.number_or("init_ms", w.init_ms);
  w.first_call_cpu_ms = r.number_or("first_call_cpu_ms", w.first_call_cpu_ms);
  w.peak_memory_mb = r.number_or("peak_memory_mb", w.peak_memory_mb);
  w.cv = r.number_or("cv", w.cv);
  w.architecture = r.string_or("architecture", w.architecture);
  w.platform = r.string_or("platform", w.platform);
  w.source = r.string_or("source", w.source);
  r.finish();
  try {
    w.validate();
  } catch (const std::invalid_argument& e) {
    throw config_error(std::string(origin) + ": " + e.what());
  }
  return w;
}

profile profile::load(const std::string& path) {
  return from_json(detail::read_text_file(path), path);
}

std::string profile::to_json() const {
  detail::json j;
  j["schema_version"] = 1;
  j["name"] = name;
  j["components"] = detail::json::array();
  for (const auto& c : components) {
    detail::json o;
    o["kind"] = std::string(to_string(c.kind));
    switch (c.kind) {
      case component_kind::cpu:
        o["work_ms"] = c.work_ms;
        o["threads"] = c.threads;
        break;
      case component_kind::io:
        o["ms"] = c.work_ms;
        break;
      case component_kind::scaled_io:
        o["work_ms"] = c.work_ms;
        o["knee_vcpu"] = c.knee_vcpu;
        break;
      case component_kind::gc:
        o["work_ms"] = c.work_ms;
        o["ref_mb"] = c.ref_mb;
        break;
    }
    j["components"].push_back(o);
  }
  j["init_ms"] = init_ms;
  j["first_call_cpu_ms"] = first_call_cpu_ms;
  j["peak_memory_mb"] = peak_memory_mb;
  j["cv"] = cv;
  j["architecture"] = architecture;
  j["platform"] = platform;
  j["source"] = source;
  return j.dump(2) + "\n";
}

void profile::save(const std::string& path) const {
  detail::write_text_file(path, to_json());
}

}  // namespace lambdasim

namespace lambdasim {

namespace {
void check_architecture(std::string_view field, std::string_view arch) {
  (void)enum_from_name<architecture>(arch, field);
}
}  // namespace

profile profile::on_architecture(std::string_view arch, double speed_ratio) const {
  check_architecture("architecture", arch);
  if (!(speed_ratio > 0) || std::isinf(speed_ratio))
    detail::throw_invalid("speed_ratio", speed_ratio, "must be finite and > 0");
  profile w = *this;
  w.architecture = std::string(arch);
  for (auto& c : w.components)
    if (c.kind == component_kind::cpu || c.kind == component_kind::gc)
      c.work_ms /= speed_ratio;
  w.first_call_cpu_ms /= speed_ratio;
  return w;
}

double architecture_speed_ratio(std::string_view runtime, std::string_view from,
                                std::string_view to, std::string* note) {
  check_architecture("from", from);
  check_architecture("to", to);
  if (from == to) return 1.0;
  const auto j = detail::parse_json(detail::embedded_model("architecture-speed.json"),
                                    "models/architecture-speed.json");
  // The table gives arm64 duration / x86_64 duration for the same CPU work.
  double ratio = 1.0;
  bool found = false;
  for (const auto& e : j.at("runtimes"))
    if (e.at("runtime").get<std::string>() == runtime) {
      ratio = e.at("arm64_over_x86_64").get<double>();
      found = true;
    }
  if (!found && note)
    *note =
        "no recorded arm64/x86_64 speed ratio for runtime '" + std::string(runtime) +
        "': 1.0 assumed (measured ratios differ by runtime and workload from 0.8 to "
        "1.25; give your own)";
  // arm64 takes `ratio` times as long: moving there is 1/ratio as fast.
  return to == "arm64" ? 1.0 / ratio : ratio;
}

}  // namespace lambdasim
