// SPDX-License-Identifier: MIT
// The ways to run a function (compute.hpp). Only the names of compute_kind are bound
// (enum_names()["compute_kind"]); CompareOptions.computes and RecommendOptions take
// them.
#include "pybind11.hpp"

#include <lambdasim/compute.hpp>

void bind_compute(py::module_& /*m*/) {
  add_enum_names<lambdasim::compute_kind>("compute_kind");
}
