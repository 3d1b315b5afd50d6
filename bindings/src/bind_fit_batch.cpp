// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/fit_batch.hpp>

void bind_fit_batch(py::module_& m) {
  using namespace lambdasim;
  m.def(
      "fit_batch",
      [](const std::vector<sweep>& sweeps, const platform& p, const fit_options& o,
         int threads) {
        py::gil_scoped_release g;
        return fit(std::span<const sweep>(sweeps), p, o, threads);
      },
      "sweeps"_a, "platform"_a, py::arg_v("options", fit_options{}, "FitOptions()"),
      "threads"_a = 0, "fit() of each sweep, split over threads (0 = every core).");
}
