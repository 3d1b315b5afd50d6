// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/error.hpp>
#include <lambdasim/version.hpp>

PYBIND11_MODULE(_core, m) {
  m.doc() = "lambdasim C++ core (private; use the lambdasim package)";
  m.attr("__version__") = lambdasim::version;
  // config_error derives from std::invalid_argument, so Python sees a ValueError
  // subclass.
  py::register_exception<lambdasim::config_error>(m, "ConfigError", PyExc_ValueError)
      .doc() =
      "A file or JSON document that cannot be read: names the file and the JSON "
      "pointer (or line) and the offending value. A ValueError.";
  py::register_exception<lambdasim::convergence_error>(m, "ConvergenceError",
                                                       PyExc_RuntimeError)
      .doc() = "An iterative computation (a fit) that did not converge.";
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
  bind_fleet(m);  // bill_curve and recommend of many profiles
  bind_fit_batch(m);
  bind_simulate_batch(m);
  bind_pickle(m);  // last: adds pickling to classes registered above
}
