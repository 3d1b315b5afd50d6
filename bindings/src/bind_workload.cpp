// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/workload.hpp>

namespace {
using lambdasim::component;
using lambdasim::profile;

// kw[key] as T; a value of the wrong type is a ValueError naming the keyword and the
// value (pybind11's own cast error is a RuntimeError without either).
template <class T>
T keyword(const py::kwargs& kw, const char* key) {
  py::object v = kw[key];
  try {
    if constexpr (std::is_same_v<T, double>) {
      // a number, not a string that happens to parse ("NaN", "1")
      if (!PyFloat_Check(v.ptr()) && !PyLong_Check(v.ptr()) &&
          !PyObject_HasAttrString(v.ptr(), "__float__"))
        throw py::cast_error();
    }
    return v.cast<T>();
  } catch (const py::cast_error&) {
    const char* expected = std::is_same_v<T, double>        ? "expected a number"
                           : std::is_same_v<T, int>         ? "expected an integer"
                           : std::is_same_v<T, std::string> ? "expected a string"
                                                            : "wrong type";
    throw py::value_error(std::string(key) + " = " + py::repr(v).cast<std::string>() +
                          ": " + expected);
  }
}

// Profile(**kwargs): the struct's own defaults stand for every keyword not given, so no
// default is written twice. cpu_ms/threads, io_ms, scaled_io_ms/knee_vcpu, gc_ms/ref_mb
// are shorthands that append one component each.
profile make_profile(const py::kwargs& kw) {
  profile w;
  auto take = [&](const char* key, auto& field) {
    if (kw.contains(key)) field = keyword<std::decay_t<decltype(field)>>(kw, key);
  };
  for (auto item : kw) {
    static const char* known[] = {
        "name",           "components",   "init_ms",   "first_call_cpu_ms",
        "peak_memory_mb", "cv",           "cpu_ms",    "threads",
        "io_ms",          "scaled_io_ms", "knee_vcpu", "gc_ms",
        "ref_mb"};
    const auto key = item.first.cast<std::string>();
    if (std::find(std::begin(known), std::end(known), key) == std::end(known))
      throw py::type_error("Profile() got an unexpected keyword argument '" + key +
                           "'");
  }
  take("name", w.name);
  take("components", w.components);
  take("init_ms", w.init_ms);
  take("first_call_cpu_ms", w.first_call_cpu_ms);
  take("peak_memory_mb", w.peak_memory_mb);
  take("cv", w.cv);
  // A shorthand appends one component: its work, and its knob only beside the work.
  auto shorthand = [&](const char* work, const char* knob, component c,
                       auto component::*field) {
    if (kw.contains(work)) {
      c.work_ms = keyword<double>(kw, work);
      take(knob, c.*field);
      w.components.push_back(c);
    } else if (kw.contains(knob)) {
      throw py::value_error(std::string(knob) + " = " +
                            py::str(kw[knob]).cast<std::string>() + ": given without " +
                            work);
    }
  };
  shorthand("cpu_ms", "threads", component::cpu(0), &component::threads);
  if (kw.contains("io_ms"))
    w.components.push_back(component::io(keyword<double>(kw, "io_ms")));
  shorthand("scaled_io_ms", "knee_vcpu", component::scaled_io(0),
            &component::knee_vcpu);
  shorthand("gc_ms", "ref_mb", component::gc(0), &component::ref_mb);
  w.validate();
  return w;
}
}  // namespace

void bind_workload(py::module_& m) {
  add_enum_names<lambdasim::component_kind>("component_kind");
  py::class_<component>(
      m, "Component", "One line of the duration equation.",
      "One line of the duration equation (workload.hpp): cpu (work_ms of "
      "CPU at one vCPU on up to `threads` threads), io (ms of waiting no "
      "memory changes), scaled_io (I/O whose bandwidth grows with the "
      "share up to knee_vcpu), gc (memory-management CPU, work_ms at "
      "ref_mb, in proportion to 1 / memory).")
      .def(py::init<>())
      .def_static(
          "cpu", [](double w, int threads) { return component::cpu(w, threads); },
          "work_ms"_a, "threads"_a = component{}.threads,
          "A CPU component: work_ms at one full vCPU, run on `threads` threads.")
      .def_static("io", &component::io, "ms"_a,
                  "An I/O component: ms, constant in memory.")
      .def_static(
          "scaled_io",
          [](double w, double knee) { return component::scaled_io(w, knee); },
          "work_ms"_a, "knee_vcpu"_a = component{}.knee_vcpu,
          "I/O that needs CPU up to a knee: work_ms at one vCPU, saturating at "
          "knee_vcpu vCPUs.")
      .def_static(
          "gc", [](double w, double ref_mb) { return component::gc(w, ref_mb); },
          "work_ms"_a, "ref_mb"_a = component{}.ref_mb,
          "Memory-management CPU: work_ms at ref_mb, falling as 1/memory.")
      .def_property(
          "kind", [](const component& c) { return std::string(to_string(c.kind)); },
          [](component& c, const std::string& s) {
            c.kind = lambdasim::component_kind_from_string(s);
          },
          "Component kind: cpu, io, scaled_io or gc.")
      .def_readwrite("work_ms", &component::work_ms,
                     "CPU ms at one vCPU (cpu), wait ms (io), I/O ms at the knee")
      .def_readwrite("threads", &component::threads,
                     "Threads or processes the code runs in parallel: cpu only")
      .def_readwrite("knee_vcpu", &component::knee_vcpu,
                     "Scaled_io only: share at which the I/O saturates")
      .def_readwrite("ref_mb", &component::ref_mb,
                     "Gc only: memory size at which the CPU work is work_ms")
      .def("validate", &component::validate,
           "Raises ValueError naming the field (work_ms < 0 or NaN, threads < 1, "
           "knee_vcpu <= 0, ref_mb <= 0)")
      .def(py::self == py::self)
      .def("__repr__", [](const component& c) {
        std::string s = "Component." + std::string(to_string(c.kind)) + "(" +
                        lambdasim::detail::format_number(c.work_ms);
        if (c.kind == lambdasim::component_kind::cpu)
          s += ", threads=" + std::to_string(c.threads);
        if (c.kind == lambdasim::component_kind::scaled_io)
          s += ", knee_vcpu=" + lambdasim::detail::format_number(c.knee_vcpu);
        if (c.kind == lambdasim::component_kind::gc)
          s += ", ref_mb=" + lambdasim::detail::format_number(c.ref_mb);
        return s + ")";
      });

  py::class_<profile>(
      m, "Profile",
      "A workload profile. Sizes below peak_memory_mb are infeasible (out of memory).",
      "A workload profile: one invocation as components (work measured at one full "
      "vCPU) "
      "plus a cold-start cost (workload.hpp).\n\n"
      "Profile(cpu_ms=800, threads=1, io_ms=120, scaled_io_ms=0, knee_vcpu=1, gc_ms=0, "
      "ref_mb=1024, init_ms=250, first_call_cpu_ms=0, peak_memory_mb=0, cv=0, name='', "
      "components=[...]): each of cpu_ms, io_ms, scaled_io_ms, gc_ms appends one "
      "component; "
      "keywords not given keep the C++ defaults. init_ms is the INIT phase (does not "
      "scale "
      "with memory); peak_memory_mb makes smaller sizes infeasible (0 = unknown); cv "
      "is the "
      "relative variability of a warm duration. At least one component is required; a "
      "wrong type or value raises ValueError naming the keyword and the value.")
      .def(py::init(&make_profile))
      .def_static("from_json", &profile::from_json, "text"_a, "origin"_a = "<json>",
                  "A profile from profile JSON (schema_version 1); unknown keys are an "
                  "error naming the JSON pointer.")
      .def_static("load", &profile::load, "path"_a,
                  "A profile from a profile JSON file.")
      .def("to_json", &profile::to_json,
           "The profile as profile JSON (schema_version 1).")
      .def("save", &profile::save, "path"_a, "Write the profile as profile JSON.")
      .def("validate", &profile::validate,
           "Raises ValueError naming the field, e.g. \"components[1].work_ms = -5: "
           "...\"; also for a profile without components and a time above max_work_ms")
      .def_readwrite("name", &profile::name, "Name, as given (free text).")
      .def_readwrite("components", &profile::components,
                     "The profile's components (Component list).")
      .def_readwrite("init_ms", &profile::init_ms,
                     "INIT phase; does not scale with memory")
      .def_readwrite("first_call_cpu_ms", &profile::first_call_cpu_ms,
                     "Lazy CPU work of the first invocation")
      .def_readwrite("peak_memory_mb", &profile::peak_memory_mb,
                     "0 = unknown (every size feasible)")
      .def_readwrite("cv", &profile::cv,
                     "Relative variability of a warm duration (lognormal)")
      .def_readwrite(
          "architecture", &profile::architecture,
          "Architecture the profile was measured on: \"x86_64\" (default) or "
          "\"arm64\". Pricing it on the other needs a speed ratio (on_architecture).")
      .def_readwrite("platform", &profile::platform,
                     "Platform model the profile was fitted on (e.g. "
                     "\"aws-lambda-2020\"; empty: unknown).")
      .def_readwrite(
          "source", &profile::source,
          "Sweep the profile was fitted to (file and series; empty: written by hand).")
      .def(
          "on_architecture", &profile::on_architecture, "arch"_a, "speed_ratio"_a,
          "The same function on another architecture: CPU work (cpu, gc, first-call "
          "CPU) divided by speed_ratio (how many times faster the CPU work runs there, "
          "the convention of recommend_options::speed_ratio); I/O and INIT unchanged. "
          "Raises ValueError for an unknown architecture or a ratio not > 0")
      .def(py::self == py::self)
      .def(py::pickle(
          [](const profile& w) { return w.to_json(); },
          [](const std::string& s) { return profile::from_json(s, "<pickle>"); }))
      .def("__repr__", [](const profile& w) {
        std::string s = "Profile(";
        if (!w.name.empty()) s += "name='" + w.name + "', ";
        s += "components=[";
        for (std::size_t i = 0; i < w.components.size(); ++i) {
          const auto& c = w.components[i];
          if (i) s += ", ";
          s += to_string(c.kind);
          s += ' ';
          s += lambdasim::detail::format_number(c.work_ms);
          s += " ms";
        }
        s += "], init_ms=" + lambdasim::detail::format_number(w.init_ms);
        if (w.peak_memory_mb > 0)
          s += ", peak_memory_mb=" + lambdasim::detail::format_number(w.peak_memory_mb);
        return s + ")";
      });

  m.def(
      "architecture_speed_ratio",
      [](const std::string& runtime, const std::string& from, const std::string& to) {
        std::string note;
        const double r = lambdasim::architecture_speed_ratio(runtime, from, to, &note);
        return py::make_tuple(r, note);
      },
      "runtime"_a, "from_arch"_a, "to_arch"_a,
      "The documented speed ratio of a runtime moving from from to to "
      "(models/architecture-speed.json, which records arm64 duration / x86_64 "
      "duration): how many times faster CPU work runs on to, for "
      "profile::on_architecture. A runtime without data gives 1.0 and sets note (when "
      "given) to say so. Raises ValueError for an unknown architecture");
}
