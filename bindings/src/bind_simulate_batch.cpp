// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/simulate_batch.hpp>

void bind_simulate_batch(py::module_& m) {
  using namespace lambdasim;
  m.def(
      "simulate_batch",
      [](const profile& w, const platform& p, const std::vector<arrivals>& traffic,
         const std::vector<simulate_options>& options, int threads) {
        if (traffic.size() != options.size())
          throw py::value_error("arrivals has " + std::to_string(traffic.size()) +
                                " entries but options has " +
                                std::to_string(options.size()));
        std::vector<simulation_case> cases;
        cases.reserve(traffic.size());
        for (std::size_t i = 0; i < traffic.size(); ++i)
          cases.push_back({traffic[i], options[i]});
        py::gil_scoped_release g;
        return simulate(w, p, std::span<const simulation_case>(cases), threads);
      },
      "profile"_a, "platform"_a, "arrivals"_a, "options"_a, "threads"_a = 0,
      "simulate() of each (arrivals, options) pair, split over threads (0 = every "
      "core).");
}
