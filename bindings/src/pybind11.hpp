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
#include <lambdasim/enum_names.hpp>
#include <lambdasim/error.hpp>
#include <string>
#include <utility>
#include <vector>

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

/// Runs f without the GIL and returns its result.
template <class F>
auto released(F&& f) {
  py::gil_scoped_release g;
  return f();
}

/// A std::vector<bool> as a 1-D numpy bool array.
inline py::array_t<bool> bool_array(const std::vector<bool>& v) {
  py::array_t<bool> a(static_cast<py::ssize_t>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) a.mutable_data()[i] = v[i];
  return a;
}

/// A 1-D double array as an Eigen vector (no copy); ValueError naming it otherwise.
inline Eigen::Map<const Eigen::VectorXd> as_vector(const array_d& a, const char* name) {
  if (a.ndim() != 1)
    throw py::value_error(std::string(name) + " must be 1-D, got " +
                          std::to_string(a.ndim()) + " dimensions");
  return {a.data(), static_cast<Eigen::Index>(a.size())};
}

/// A DeprecationWarning for a bound attribute used under its old name (raises when
/// warnings are errors).
inline void deprecated_name(const char* old_name, const char* new_name) {
  const std::string msg = std::string(old_name) + " is deprecated; use " + new_name;
  if (PyErr_WarnEx(PyExc_DeprecationWarning, msg.c_str(), 1) != 0)
    throw py::error_already_set();
}

/// The tables _core.enum_names() returns, filled by each header's bind file for the
/// enums that header declares (bind_enum_names.cpp).
std::vector<std::pair<std::string, std::vector<std::string>>>& enum_name_tables();
template <class E>
void add_enum_names(const char* key) {
  enum_name_tables().emplace_back(key, lambdasim::enum_names<E>());
}

void bind_error(py::module_& m);
void bind_enum_names(py::module_& m);
void bind_platform(py::module_& m);
void bind_workload(py::module_& m);
void bind_predict(py::module_& m);
void bind_prices(py::module_& m);
void bind_curve(py::module_& m);
void bind_bill(py::module_& m);
void bind_traffic(py::module_& m);
void bind_pool(py::module_& m);
void bind_log_histogram(py::module_& m);
void bind_simulate(py::module_& m);
void bind_sweep(py::module_& m);
void bind_sweep_loaders(py::module_& m);  // after bind_sweep: static methods of Sweep
void bind_powertuning(py::module_& m);    // after bind_sweep: static methods of Sweep
void bind_fit(py::module_& m);
void bind_check(py::module_& m);
void bind_compute(py::module_& m);
void bind_lmi_compare(py::module_& m);
void bind_recommend(py::module_& m);
void bind_lmi(py::module_& m);
void bind_fit_batch(py::module_& m);
void bind_simulate_batch(py::module_& m);
void bind_pickle(py::module_& m);
