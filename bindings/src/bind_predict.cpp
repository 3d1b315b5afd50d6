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
      "profile"_a, "platform"_a, "memory_mb"_a);
  m.def(
      "cold_ms",
      [](const profile& w, const platform& p, const array_d& memory_mb) {
        return map_array(memory_mb,
                         [&](const auto& x, auto& y) { cold_ms(w, p, x, y); });
      },
      "profile"_a, "platform"_a, "memory_mb"_a);
  m.def("cpu_time_ms", &cpu_time_ms, "work_ms"_a, "share"_a, "parallelism"_a,
        "platform"_a);
}
