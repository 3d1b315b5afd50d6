// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/compute.hpp>
#include <lambdasim/enum_names.hpp>
#include <lambdasim/fit.hpp>
#include <lambdasim/platform.hpp>
#include <lambdasim/powertuning.hpp>
#include <lambdasim/prices.hpp>
#include <lambdasim/recommend.hpp>
#include <lambdasim/sweep.hpp>
#include <lambdasim/traffic.hpp>
#include <lambdasim/workload.hpp>

namespace {
template <class E>
void add(py::dict& d, const char* name) {
  d[name] = lambdasim::enum_names<E>();
}
}  // namespace

void bind_enum_names(py::module_& m) {
  using namespace lambdasim;
  m.def(
      "enum_names",
      [] {
        py::dict d;
        add<architecture>(d, "architecture");
        add<package_type>(d, "package_type");
        add<throttling>(d, "throttling");
        add<arrival_kind>(d, "arrival_kind");
        add<powertuning_source>(d, "powertuning_source");
        add<aggregation>(d, "aggregation");
        add<component_kind>(d, "component_kind");
        add<fit_structure>(d, "fit_structure");
        add<sweep_load>(d, "sweep_load");
        add<compute_kind>(d, "compute_kind");
        add<recommend_strategy>(d, "recommend_strategy");
        add<latency_method>(d, "latency_method");
        add<constraint>(d, "constraint");
        return d;
      },
      "The canonical names of every named enum (C++ enum_traits tables), by enum: what "
      "the command line offers as choices.");
}
