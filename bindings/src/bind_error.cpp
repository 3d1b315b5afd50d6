// SPDX-License-Identifier: MIT
// The exceptions (error.hpp): std::invalid_argument and the other std types map to
// ValueError and friends by themselves; the two lambdasim types get Python names.
#include "pybind11.hpp"

#include <lambdasim/error.hpp>

void bind_error(py::module_& m) {
  // config_error derives from std::invalid_argument, so Python sees a ValueError
  // subclass.
  py::register_exception<lambdasim::config_error>(m, "ConfigError", PyExc_ValueError)
      .doc() =
      "A file or JSON document that cannot be read: names the file and the JSON "
      "pointer (or line) and the offending value. A ValueError.";
  py::register_exception<lambdasim::convergence_error>(m, "ConvergenceError",
                                                       PyExc_RuntimeError)
      .doc() = "An iterative computation (a fit) that did not converge.";
}
