// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/traffic.hpp>

void bind_traffic(py::module_& m) {
  using namespace lambdasim;
  py::class_<arrivals>(m, "Arrivals")
      .def_static("poisson", &arrivals::poisson, "rate_per_s"_a, "duration_s"_a)
      .def_static("piecewise", &arrivals::piecewise, "rates_per_s"_a, "segment_s"_a,
                  "duration_s"_a)
      .def_static(
          "trace",
          [](const array_d& timestamps_s) {
            if (timestamps_s.ndim() != 1)
              throw py::value_error("timestamps_s must be 1-D, got " +
                                    std::to_string(timestamps_s.ndim()) +
                                    " dimensions");
            std::vector<double> t(timestamps_s.data(),
                                  timestamps_s.data() + timestamps_s.size());
            return arrivals::trace(t);
          },
          "timestamps_s"_a)
      .def_static("load_csv", &arrivals::load_csv, "path"_a, "column"_a = "")
      .def_property_readonly(
          "kind", [](const arrivals& a) { return std::string(to_string(a.kind)); })
      .def_readonly("rate_per_s", &arrivals::rate_per_s)
      .def_readonly("rates_per_s", &arrivals::rates_per_s)
      .def_readonly("segment_s", &arrivals::segment_s)
      .def_readonly("duration_s", &arrivals::duration_s)
      .def_readonly("warm_at_start", &arrivals::warm_at_start)
      .def_property_readonly("times_s",
                             [](const arrivals& a) {
                               return py::array_t<double>(
                                   static_cast<py::ssize_t>(a.times_s.size()),
                                   a.times_s.data());
                             })
      .def("validate", &arrivals::validate)
      .def("period_s", &arrivals::period_s)
      .def("expected_requests", &arrivals::expected_requests)
      .def("mean_rate_per_s", &arrivals::mean_rate_per_s)
      .def("__repr__", [](const arrivals& a) {
        std::string s = "Arrivals." + std::string(to_string(a.kind)) + "(";
        switch (a.kind) {
          case arrival_kind::poisson:
            s += "rate_per_s=" + detail::format_number(a.rate_per_s);
            break;
          case arrival_kind::piecewise:
            s += std::to_string(a.rates_per_s.size()) +
                 " rates, segment_s=" + detail::format_number(a.segment_s);
            break;
          case arrival_kind::trace:
            s += std::to_string(a.times_s.size()) + " timestamps";
            break;
        }
        return s + ", period_s=" + detail::format_number(a.period_s()) + ")";
      });
}
