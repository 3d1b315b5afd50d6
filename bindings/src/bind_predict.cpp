// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/predict.hpp>

void bind_predict(py::module_& m) {
  using namespace lambdasim;
  m.def(
      "warm_ms",
      [](const profile& w, const platform& p, const array_d& memory_mb) {
        return map_array(memory_mb,
                         [&](const auto& x, auto& y) { warm_ms(w, p, x, y); });
      },
      "profile"_a, "platform"_a, "memory_mb"_a,
      "Warm duration T_warm(m): the sum of the components.");
  m.def(
      "cold_ms",
      [](const profile& w, const platform& p, const array_d& memory_mb) {
        return map_array(memory_mb,
                         [&](const auto& x, auto& y) { cold_ms(w, p, x, y); });
      },
      "profile"_a, "platform"_a, "memory_mb"_a,
      "Cold duration as the caller sees it: init_ms + first-call CPU (at most one "
      "vCPU) + T_warm(m). REPORT's Init Duration is init_ms; its cold Duration is the "
      "rest.");
  m.def("cpu_time_ms", &cpu_time_ms, "work_ms"_a, "share"_a, "parallelism"_a,
        "platform"_a,
        "Wall time of work_ms of CPU at one vCPU, run on parallelism threads with a "
        "CPU share share (vCPUs), under the platform's throttling rule. smooth: work / "
        "min(share, parallelism). cfs / cfs_aligned: CFS bandwidth control with quota "
        "share * period per period (see docs/model.md).");
}
