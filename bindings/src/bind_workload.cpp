// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/workload.hpp>

namespace {
using lambdasim::component;
using lambdasim::profile;

// Profile(**kwargs): the struct's own defaults stand for every keyword not given, so no
// default is written twice. cpu_ms/threads, io_ms, scaled_io_ms/knee_vcpu, gc_ms/ref_mb
// are shorthands that append one component each.
profile make_profile(const py::kwargs& kw) {
  profile w;
  auto take = [&](const char* key, auto& field) {
    if (kw.contains(key)) field = kw[key].cast<std::decay_t<decltype(field)>>();
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
      c.work_ms = kw[work].cast<double>();
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
    w.components.push_back(component::io(kw["io_ms"].cast<double>()));
  shorthand("scaled_io_ms", "knee_vcpu", component::scaled_io(0),
            &component::knee_vcpu);
  shorthand("gc_ms", "ref_mb", component::gc(0), &component::ref_mb);
  w.validate();
  return w;
}
}  // namespace

void bind_workload(py::module_& m) {
  py::class_<component>(m, "Component")
      .def(py::init<>())
      .def_static("cpu", &component::cpu, "work_ms"_a, "threads"_a = 1)
      .def_static("io", &component::io, "ms"_a)
      .def_static("scaled_io", &component::scaled_io, "work_ms"_a, "knee_vcpu"_a = 1.0)
      .def_static("gc", &component::gc, "work_ms"_a, "ref_mb"_a = 1024.0)
      .def_property(
          "kind", [](const component& c) { return std::string(to_string(c.kind)); },
          [](component& c, const std::string& s) {
            c.kind = lambdasim::component_kind_from_string(s);
          })
      .def_readwrite("work_ms", &component::work_ms)
      .def_readwrite("threads", &component::threads)
      .def_readwrite("knee_vcpu", &component::knee_vcpu)
      .def_readwrite("ref_mb", &component::ref_mb)
      .def("validate", &component::validate)
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

  py::class_<profile>(m, "Profile")
      .def(py::init(&make_profile))
      .def_static("from_json", &profile::from_json, "text"_a, "origin"_a = "<json>")
      .def_static("load", &profile::load, "path"_a)
      .def("to_json", &profile::to_json)
      .def("save", &profile::save, "path"_a)
      .def("validate", &profile::validate)
      .def_readwrite("name", &profile::name)
      .def_readwrite("components", &profile::components)
      .def_readwrite("init_ms", &profile::init_ms)
      .def_readwrite("first_call_cpu_ms", &profile::first_call_cpu_ms)
      .def_readwrite("peak_memory_mb", &profile::peak_memory_mb)
      .def_readwrite("cv", &profile::cv)
      .def_readwrite("architecture", &profile::architecture)
      .def_readwrite("platform", &profile::platform)
      .def_readwrite("source", &profile::source)
      .def("on_architecture", &profile::on_architecture, "arch"_a, "speed_ratio"_a)
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
      "runtime"_a, "from_arch"_a, "to_arch"_a);
}
