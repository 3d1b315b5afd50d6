// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/traffic.hpp>

void bind_traffic(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<arrival_kind>("arrival_kind");
  py::class_<arrivals>(m, "Arrivals",
                       "How requests arrive over a simulated period. Build with the "
                       "named constructors; they validate.")
      .def_static("poisson", &arrivals::poisson, "rate_per_s"_a, "duration_s"_a,
                  "Poisson arrivals at rate_per_s for duration_s seconds. Raises "
                  "ValueError unless rate_per_s >= 0 and duration_s > 0 (finite)")
      .def_static("piecewise", &arrivals::piecewise, "rates_per_s"_a, "segment_s"_a,
                  "duration_s"_a,
                  "Poisson arrivals whose rate is rates_per_s[k % n] during [k, k+1) * "
                  "segment_s, for duration_s seconds (24 hourly rates: segment_s = "
                  "3600). Raises ValueError for an empty or negative/NaN rate, "
                  "segment_s <= 0 or duration_s <= 0, naming the index")
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
          "timestamps_s"_a,
          "A recorded trace of timestamps in seconds (any epoch). The period runs from "
          "the first to the last timestamp. Raises ValueError for fewer than 2 "
          "timestamps, a NaN, a timestamp earlier than the one before it (naming both "
          "indices), or a zero period")
      .def_static(
          "load_csv", &arrivals::load_csv, "path"_a, "column"_a = "",
          "Reads a trace from a CSV file with a header line: the column column holds "
          "epoch seconds. The default \"\" means timestamp_s, or client_start_time "
          "when the file has no timestamp_s but that column (the recorded traces of "
          "Mahmoudi & Khazaei in data/coldstarts/traces_2020 load as is). Quoted "
          "fields with commas are handled. A column is_cold (True/False, true/false, "
          "1/0) sets warm_at_start from its first row. Raises naming the file and "
          "line: a missing file or column (listing the columns), a value that is not a "
          "number, an unsorted timestamp")
      .def_property_readonly(
          "kind", [](const arrivals& a) { return std::string(to_string(a.kind)); },
          "Arrival process: poisson (constant rate), piecewise (a rate per segment, "
          "repeated) or trace (recorded timestamps).")
      .def_readonly("rate_per_s", &arrivals::rate_per_s, "Rate per (seconds): poisson")
      .def_readonly("rates_per_s", &arrivals::rates_per_s,
                    "Piecewise: one rate per segment, repeated")
      .def_readonly("segment_s", &arrivals::segment_s,
                    "Piecewise: length of one segment")
      .def_readonly("duration_s", &arrivals::duration_s,
                    "Poisson, piecewise: the simulated period")
      .def_readonly(
          "warm_at_start", &arrivals::warm_at_start,
          "Trace: instances recorded warm at the start (1 when the CSV has an is_cold "
          "column and its first request was warm, else 0); the simulation starts from "
          "this state unless simulate_options::initial_instances says otherwise")
      .def_property_readonly(
          "times_s",
          [](const arrivals& a) {
            return py::array_t<double>(static_cast<py::ssize_t>(a.times_s.size()),
                                       a.times_s.data());
          },
          "Trace: seconds since the first timestamp, sorted")
      .def("validate", &arrivals::validate,
           "Raises ValueError naming the first bad field")
      .def("period_s", &arrivals::period_s,
           "Length of the simulated period in seconds.")
      .def("expected_requests", &arrivals::expected_requests,
           "Expected number of requests (exact for a trace).")
      .def("mean_rate_per_s", &arrivals::mean_rate_per_s,
           "Mean arrival rate over the period (requests per second).")
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
