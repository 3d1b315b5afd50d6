// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/version.hpp>

PYBIND11_MODULE(_core, m) {
  m.doc() = "lambdasim C++ core (private; use the lambdasim package)";
  m.attr("__version__") = lambdasim::version;
  bind_error(m);  // first: every binding may raise them
  bind_enum_names(m);
  bind_platform(m);
  bind_workload(m);
  bind_predict(m);
  bind_prices(m);
  bind_curve(m);
  bind_bill(m);
  bind_traffic(m);
  bind_pool(m);
  bind_log_histogram(m);
  bind_simulate(m);
  bind_sweep(m);
  bind_sweep_loaders(m);  // after bind_sweep: static methods of Sweep
  bind_powertuning(m);    // after bind_sweep: static methods of Sweep
  bind_fit(m);
  bind_check(m);
  bind_compute(m);
  bind_lmi(m);  // before recommend, whose options and result hold LMI types
  bind_lmi_compare(m);
  bind_recommend(m);
  bind_fit_batch(m);
  bind_simulate_batch(m);
  bind_pickle(m);  // last: adds pickling to classes registered above
}
