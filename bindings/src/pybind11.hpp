// SPDX-License-Identifier: MIT
// Included first by every binding TU, so all of them see the same casters (ODR).
#pragma once

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include <algorithm>
#include <lambdasim/error.hpp>

namespace py = pybind11;
using namespace pybind11::literals;

using array_d = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// Applies f to every element of a double array (any shape, copy-free when already a
/// C-ordered double array); a 0-d input gives a Python float. f is a batch kernel
/// (const Ref<const VectorXd>& in, Ref<VectorXd> out) and runs without the GIL.
template <class F>
py::object map_array(const array_d& in, F&& f) {
  const auto n = static_cast<Eigen::Index>(in.size());
  Eigen::Map<const Eigen::VectorXd> x(in.data(), n);
  array_d out(std::vector<py::ssize_t>(in.shape(), in.shape() + in.ndim()));
  Eigen::Map<Eigen::VectorXd> y(out.mutable_data(), n);
  {
    py::gil_scoped_release g;
    f(x, y);
  }
  if (in.ndim() == 0) return py::float_(y[0]);
  return std::move(out);
}

void bind_enum_names(py::module_& m);
void bind_platform(py::module_& m);
void bind_workload(py::module_& m);
void bind_predict(py::module_& m);
void bind_prices(py::module_& m);
void bind_curve(py::module_& m);
void bind_fleet(py::module_& m);  // after bind_bill and bind_recommend
void bind_bill(py::module_& m);
void bind_traffic(py::module_& m);
void bind_pool(py::module_& m);
void bind_log_histogram(py::module_& m);
void bind_simulate(py::module_& m);
void bind_sweep(py::module_& m);
void bind_recommend(py::module_& m);
void bind_lmi(py::module_& m);
void bind_fit_batch(py::module_& m);
void bind_simulate_batch(py::module_& m);
