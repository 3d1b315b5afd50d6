// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/error.hpp>
#include <lambdasim/platform.hpp>

void bind_platform(py::module_& m) {
  using lambdasim::platform;
  py::class_<lambdasim::vcpu_tier>(m, "VcpuTier")
      .def(py::init<>())
      .def(py::init([](int from_mb, int vcpus) {
             return lambdasim::vcpu_tier{from_mb, vcpus};
           }),
           "from_mb"_a, "vcpus"_a)
      .def_readwrite("from_mb", &lambdasim::vcpu_tier::from_mb)
      .def_readwrite("vcpus", &lambdasim::vcpu_tier::vcpus)
      .def("__repr__", [](const lambdasim::vcpu_tier& t) {
        return "VcpuTier(from_mb=" + std::to_string(t.from_mb) +
               ", vcpus=" + std::to_string(t.vcpus) + ")";
      });

  py::class_<platform>(m, "Platform")
      .def(py::init<>())
      .def_static("aws_lambda", &platform::aws_lambda)
      .def_static("named", &platform::named, "name"_a)
      .def_static("names", &platform::names)
      .def_static(
          "resolve", &platform::resolve, "name_or_path"_a,
          "A platform from a model name (Platform.names()) or a platform JSON file.")
      .def_static("from_json", &platform::from_json, "text"_a, "origin"_a = "<json>")
      .def_static("load", &platform::load, "path"_a)
      .def("to_json", &platform::to_json)
      .def("validate", &platform::validate)
      .def_readwrite("name", &platform::name)
      .def_readwrite("min_memory_mb", &platform::min_memory_mb)
      .def_readwrite("max_memory_mb", &platform::max_memory_mb)
      .def_readwrite("memory_step_mb", &platform::memory_step_mb)
      .def_readwrite("mb_per_vcpu", &platform::mb_per_vcpu)
      .def_readwrite("max_vcpu", &platform::max_vcpu)
      .def_readwrite("visible_vcpus", &platform::visible_vcpus)
      .def_property(
          "throttling",
          [](const platform& p) { return std::string(to_string(p.throttle)); },
          [](platform& p, const std::string& s) {
            p.throttle = lambdasim::throttling_from_string(s);
          })
      .def_readwrite("cfs_period_ms", &platform::cfs_period_ms)
      .def_readwrite("billing_granularity_ms", &platform::billing_granularity_ms)
      .def(
          "cpu_share",
          [](const platform& p, const array_d& memory_mb) {
            return map_array(memory_mb, [&](const auto& x, auto& y) {
              for (Eigen::Index i = 0; i < x.size(); ++i) y[i] = p.cpu_share(x[i]);
            });
          },
          "memory_mb"_a)
      .def(
          "visible_vcpu_count",
          [](const platform& p, const array_d& memory_mb) {
            return map_array(memory_mb, [&](const auto& x, auto& y) {
              for (Eigen::Index i = 0; i < x.size(); ++i)
                y[i] = p.visible_vcpu_count(x[i]);
            });
          },
          "memory_mb"_a)
      .def("memory_grid", &platform::memory_grid)
      .def(py::pickle(
          [](const platform& p) { return p.to_json(); },
          [](const std::string& s) { return platform::from_json(s, "<pickle>"); }))
      .def("parse_memory_spec", &platform::parse_memory_spec, "spec"_a)
      .def("__repr__", [](const platform& p) {
        return "Platform(name='" + p.name +
               "', memory_mb=" + std::to_string(p.min_memory_mb) + ".." +
               std::to_string(p.max_memory_mb) +
               ", mb_per_vcpu=" + lambdasim::detail::format_number(p.mb_per_vcpu) +
               ", throttling='" + std::string(to_string(p.throttle)) + "')";
      });
}
