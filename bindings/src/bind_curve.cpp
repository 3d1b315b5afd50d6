// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/curve.hpp>

void bind_curve(py::module_& m) {
  using namespace lambdasim;
  py::class_<curve_result>(m, "CurveResult")
      .def_readonly("memory_mb", &curve_result::memory_mb)
      .def_readonly("vcpu", &curve_result::vcpu)
      .def_readonly("warm_ms", &curve_result::warm_ms)
      .def_readonly("cold_ms", &curve_result::cold_ms)
      .def_readonly("warm_billed_ms", &curve_result::warm_billed_ms)
      .def_readonly("gb_s", &curve_result::gb_s)
      .def_readonly("cost_usd", &curve_result::cost_usd)
      .def_readonly("feasible", &curve_result::feasible);
  m.def(
      "curve",
      [](const profile& w, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb) {
        if (!memory_mb) {
          py::gil_scoped_release g;
          return curve(w, p, prices);
        }
        if (memory_mb->ndim() != 1)
          throw py::value_error("memory_mb must be 1-D, got " +
                                std::to_string(memory_mb->ndim()) + " dimensions");
        Eigen::Map<const Eigen::VectorXd> x(memory_mb->data(), memory_mb->size());
        py::gil_scoped_release g;
        return curve(w, p, prices, x);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a = py::none());
}
