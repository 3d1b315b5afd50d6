// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <cstdint>
#include <lambdasim/log_histogram.hpp>
#include <limits>

void bind_log_histogram(py::module_& m) {
  using namespace lambdasim;
  py::class_<log_histogram>(m, "LogHistogram")
      .def_property_readonly("counts",
                             [](const log_histogram& h) {
                               const auto& c = h.counts();
                               return py::array_t<std::uint64_t>(
                                   static_cast<py::ssize_t>(c.size()), c.data());
                             })
      .def_property_readonly("count", &log_histogram::count)
      .def("quantile", &log_histogram::quantile, "q"_a)
      .def_static("edges",
                  [] {
                    py::array_t<double> e(log_histogram::buckets + 3);
                    auto* d = e.mutable_data();
                    for (int i = 0; i <= log_histogram::buckets + 1; ++i)
                      d[i] = log_histogram::lower_edge(i);
                    d[log_histogram::buckets + 2] =
                        std::numeric_limits<double>::infinity();
                    return e;
                  })
      .def_property_readonly_static("relative_error", [](const py::object&) {
        return log_histogram::relative_error;
      });
}
