// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <cstdint>
#include <lambdasim/log_histogram.hpp>
#include <limits>

void bind_log_histogram(py::module_& m) {
  using namespace lambdasim;
  py::class_<log_histogram>(
      m, "LogHistogram",
      "Counts of positive values in buckets of relative width 2^-8 (0.39 %): each "
      "octave [2^e, 2^(e+1)) is split into 256 equal buckets, for e from -20 to 43 "
      "(about 1e-6 to 1.8e13 in the unit of the samples, milliseconds here). The exact "
      "count, sum, minimum and maximum are kept as well. Error bound: quantile(q) "
      "returns the midpoint of the bucket holding the nearest-rank order statistic "
      "(the ceil(q n)-th smallest sample), clamped to [min, max]; it is within a "
      "relative 2^-9 = 0.196 % of that sample. Values below 2^-20 (including 0) share "
      "one underflow bucket and values from 2^44 up one overflow bucket; their "
      "quantiles are reported as the exact min or max.")
      .def_property_readonly(
          "counts",
          [](const log_histogram& h) {
            const auto& c = h.counts();
            return py::array_t<std::uint64_t>(static_cast<py::ssize_t>(c.size()),
                                              c.data());
          },
          "Bucket counts, underflow first, overflow last (size buckets + 2).")
      .def_property_readonly("count", &log_histogram::count, "Number of samples.")
      .def("quantile", &log_histogram::quantile, "q"_a,
           "Nearest-rank quantile, q in [0, 1], within relative_error (see above); NaN "
           "when empty. Raises ValueError unless 0 <= q <= 1")
      .def_static(
          "edges",
          [] {
            py::array_t<double> e(log_histogram::buckets + 3);
            auto* d = e.mutable_data();
            for (int i = 0; i <= log_histogram::buckets + 1; ++i)
              d[i] = log_histogram::lower_edge(i);
            d[log_histogram::buckets + 2] = std::numeric_limits<double>::infinity();
            return e;
          },
          "Bin edges (ms), logarithmically spaced.")
      .def_property_readonly_static(
          "relative_error",
          [](const py::object&) { return log_histogram::relative_error; },
          "Largest relative error of a quantile read from the histogram: 2^-9, about "
          "0.2 %.");
}
