// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/error.hpp>
#include <lambdasim/platform.hpp>

void bind_platform(py::module_& m) {
  add_enum_names<lambdasim::throttling>("throttling");
  using lambdasim::platform;
  py::class_<lambdasim::vcpu_tier>(
      m, "VcpuTier",
      "From from_mb upwards (until the next tier), the function sees vcpus CPUs.")
      .def(py::init<>())
      .def(py::init([](int from_mb, int vcpus) {
             return lambdasim::vcpu_tier{from_mb, vcpus};
           }),
           "from_mb"_a, "vcpus"_a)
      .def_readwrite("from_mb", &lambdasim::vcpu_tier::from_mb,
                     "Memory size from which the tier's visible vCPUs apply (MB).")
      .def_readwrite("vcpus", &lambdasim::vcpu_tier::vcpus,
                     "Visible vCPUs from the tier's memory size on.")
      .def("__repr__", [](const lambdasim::vcpu_tier& t) {
        return "VcpuTier(from_mb=" + std::to_string(t.from_mb) +
               ", vcpus=" + std::to_string(t.vcpus) + ")";
      });

  py::class_<platform>(
      m, "Platform",
      "A serverless platform's resource rules. There are no built-in defaults: values "
      "come from models/*.json (aws_lambda(), from_json(), load()).",
      "A serverless platform's resource rules (platform.hpp), from "
      "models/*.json: memory grid, CPU share per MB (1,769 MB = one vCPU), "
      "visible vCPUs, throttling and billing granularity. "
      "Platform.aws_lambda(), Platform.named(name), Platform.resolve(name "
      "or path), Platform.load(path).")
      .def(py::init<>())
      .def_static("aws_lambda", &platform::aws_lambda,
                  "The current AWS Lambda platform (models/aws-lambda.json).")
      .def_static("named", &platform::named, "name"_a,
                  "A compiled-in platform model by name (see names()).")
      .def_static("names", &platform::names,
                  "The names of the compiled-in platform models.")
      .def_static("resolve", &platform::resolve, "name_or_path"_a,
                  "A platform from a model name (names()) or a platform JSON file.")
      .def("check_peak_memory", &platform::check_peak_memory, "peak_memory_mb"_a,
           "Raise ValueError when no size of the platform holds peak_memory_mb.")
      .def_static("from_json", &platform::from_json, "text"_a, "origin"_a = "<json>",
                  "Raises with origin and JSON pointer on bad or unknown keys")
      .def_static("load", &platform::load, "path"_a,
                  "Raises if the file cannot be read or parsed")
      .def("to_json", &platform::to_json,
           "The object as JSON text (the file format it loads from).")
      .def("validate", &platform::validate,
           "Raises ValueError naming the first inconsistent field")
      .def_readwrite("name", &platform::name, "Name, as given (free text).")
      .def_readwrite("min_memory_mb", &platform::min_memory_mb,
                     "Smallest memory size (MB).")
      .def_readwrite("max_memory_mb", &platform::max_memory_mb,
                     "Largest memory size (MB).")
      .def_readwrite("memory_step_mb", &platform::memory_step_mb,
                     "Step between memory sizes (MB).")
      .def_readwrite("mb_per_vcpu", &platform::mb_per_vcpu,
                     "Memory that buys one full vCPU of CPU time")
      .def_readwrite("max_vcpu", &platform::max_vcpu, "Cap on the CPU share")
      .def_readwrite("visible_vcpus", &platform::visible_vcpus,
                     "Ascending from_mb, first == min_memory_mb")
      .def_property(
          "throttling",
          [](const platform& p) { return std::string(to_string(p.throttle)); },
          [](platform& p, const std::string& s) {
            p.throttle = lambdasim::throttling_from_string(s);
          },
          "How CPU below one vCPU is throttled: smooth, cfs (bandwidth periods) or "
          "none.")
      .def_readwrite("cfs_period_ms", &platform::cfs_period_ms,
                     "CFS bandwidth period (ms) of the CPU throttling below one vCPU.")
      .def_readwrite(
          "billing_granularity_ms", &platform::billing_granularity_ms,
          "Billed duration is rounded up to a multiple of this (ms; 1 since Dec 2020).")
      .def(
          "cpu_share",
          [](const platform& p, const array_d& memory_mb) {
            return map_array(memory_mb, [&](const auto& x, auto& y) {
              for (Eigen::Index i = 0; i < x.size(); ++i) y[i] = p.cpu_share(x[i]);
            });
          },
          "memory_mb"_a,
          "CPU share in vCPUs, s(m) = min(m / mb_per_vcpu, max_vcpu). Checks "
          "memory_mb.")
      .def(
          "visible_vcpu_count",
          [](const platform& p, const array_d& memory_mb) {
            return map_array(memory_mb, [&](const auto& x, auto& y) {
              for (Eigen::Index i = 0; i < x.size(); ++i)
                y[i] = p.visible_vcpu_count(x[i]);
            });
          },
          "memory_mb"_a,
          "Number of CPUs the function sees (bounds parallel threads). Checks "
          "memory_mb.")
      .def("memory_grid", &platform::memory_grid,
           "Every allowed memory size, ascending (10,113 sizes for AWS Lambda).")
      .def(py::pickle(
          [](const platform& p) { return p.to_json(); },
          [](const std::string& s) { return platform::from_json(s, "<pickle>"); }))
      .def("parse_memory_spec", &platform::parse_memory_spec, "spec"_a,
           "Parses \"128,512,1769\" or an inclusive range \"128:10240:64\"; checks "
           "every size. Raises ValueError naming the spec and the bad part")
      .def("__repr__", [](const platform& p) {
        return "Platform(name='" + p.name +
               "', memory_mb=" + std::to_string(p.min_memory_mb) + ".." +
               std::to_string(p.max_memory_mb) +
               ", mb_per_vcpu=" + lambdasim::detail::format_number(p.mb_per_vcpu) +
               ", throttling='" + std::string(to_string(p.throttle)) + "')";
      });
}
