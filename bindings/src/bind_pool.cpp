// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/pool.hpp>

void bind_pool(py::module_& m) {
  using namespace lambdasim;
  py::class_<keep_alive_model>(
      m, "KeepAlive",
      "How long an idle instance stays warm. Either a fixed time, or an empirical "
      "distribution given by its survival function S(t) = P(still warm after t s "
      "idle), piecewise linear between points, S(0) = 1, reaching 0. A fresh "
      "keep-alive is drawn for every idle period. An instance idle for longer than its "
      "keep-alive is reclaimed.")
      .def(py::init<>())
      .def_static("fixed", &keep_alive_model::fixed, "seconds"_a,
                  "Raises ValueError unless seconds > 0 and finite")
      .def_static(
          "empirical", &keep_alive_model::empirical, "idle_s"_a, "warm"_a, "trials"_a,
          "From warm/trials counts per idle time (e.g. data/coldstarts/keep_alive): "
          "the warm fractions made non-increasing by pool-adjacent-violators (weighted "
          "by trials). Raises ValueError for mismatched sizes, unsorted idle times, "
          "warm > trials, or a last point still warm (the keep-alive must end)")
      .def_readwrite("fixed_s", &keep_alive_model::fixed_s,
                     "> 0: a fixed keep-alive; 0: use the table")
      .def_readwrite("idle_s", &keep_alive_model::idle_s,
                     "Idle (seconds): ascending, > 0")
      .def_readwrite("survival", &keep_alive_model::survival,
                     "Non-increasing in [0, 1], last == 0")
      .def_property_readonly(
          "is_fixed", &keep_alive_model::is_fixed,
          "True for a fixed keep-alive (fixed_s > 0) rather than a distribution.")
      .def("validate", &keep_alive_model::validate,
           "Raises ValueError naming the first bad field")
      .def(
          "quantile", &keep_alive_model::quantile, "u"_a,
          "The keep-alive whose survival probability is u (u in [0, 1]): inverse of S.")
      .def("mean_s", &keep_alive_model::mean_s, "Mean keep-alive in seconds.")
      .def("__repr__", [](const keep_alive_model& k) {
        if (k.is_fixed())
          return "KeepAlive.fixed(" + detail::format_number(k.fixed_s) + ")";
        return "KeepAlive(empirical, " + std::to_string(k.idle_s.size()) +
               " points, mean_s=" + detail::format_number(k.mean_s()) + ")";
      });
  py::class_<recycling_model>(
      m, "Recycling",
      "Recycling of warm instances: an instance lives min(E, C) s after its cold "
      "start, E exponential with rate early_per_s (early recycling), C uniform in "
      "[max_lifetime_min_s, max_lifetime_max_s] (the platform's maximum lifetime). A "
      "recycled instance finishes the request it is running, then is gone.")
      .def(py::init<>())
      .def_static("none", &recycling_model::none,
                  "No recycling: instances live until their keep-alive runs out.")
      .def_static("fixed", &recycling_model::fixed, "max_lifetime_s"_a,
                  "A fixed maximum lifetime and no early recycling; 0 means no "
                  "recycling. Raises ValueError unless seconds >= 0 and finite")
      .def_readwrite("early_per_s", &recycling_model::early_per_s,
                     "Constant hazard of early recycling; 0 = none")
      .def_readwrite("max_lifetime_min_s", &recycling_model::max_lifetime_min_s,
                     "0 (with max 0) = no maximum lifetime")
      .def_readwrite("max_lifetime_max_s", &recycling_model::max_lifetime_max_s,
                     "Upper end of the range the maximum instance lifetime is drawn "
                     "from (seconds; 0: no maximum).")
      .def_property_readonly("enabled", &recycling_model::enabled,
                             "True when instances are recycled (an early-recycling "
                             "rate or a maximum lifetime).")
      .def("validate", &recycling_model::validate,
           "Raises ValueError naming the bad field")
      .def("__repr__", [](const recycling_model& r) {
        return "Recycling(early_per_s=" + detail::format_number(r.early_per_s) +
               ", max_lifetime_min_s=" + detail::format_number(r.max_lifetime_min_s) +
               ", max_lifetime_max_s=" + detail::format_number(r.max_lifetime_max_s) +
               ")";
      });
  py::class_<pool_model>(
      m, "PoolModel",
      "A platform's instance-pool behaviour (models/instance-pool-<platform>.json).")
      .def_static(
          "named", &pool_model::named, "platform_name"_a,
          "The pool model of a platform by name (\"aws-lambda\", \"aws-lambda-2020\"). "
          "Raises ValueError for a platform without pool data")
      .def_static("from_json", &pool_model::from_json, "text"_a, "origin"_a = "<json>",
                  "Raises with origin and JSON pointer")
      .def_static("load", &pool_model::load, "path"_a,
                  "Reads a platform's instance-pool model (keep-alive, recycling) from "
                  "its JSON file.")
      .def_readonly("name", &pool_model::name, "Name, as given (free text).")
      .def_readonly("keep_alive", &pool_model::keep_alive,
                    "How long an idle instance stays warm (KeepAlive).")
      .def_readonly("recycling", &pool_model::recycling,
                    "When instances are retired regardless of traffic (Recycling).");
  m.def("cold_probability",
        py::overload_cast<double, const keep_alive_model&>(&cold_probability),
        "rate_per_s"_a, "keep_alive"_a,
        "For one instance and Poisson arrivals at rate_per_s with short requests, "
        "P(cold) = E[exp(-rate * K)] over the keep-alive K: exp(-rate * K) for a fixed "
        "K. Raises ValueError unless rate_per_s >= 0");
  m.def("cold_probability", py::overload_cast<double, double>(&cold_probability),
        "rate_per_s"_a, "keep_alive_s"_a,
        "For one instance and Poisson arrivals at rate_per_s with short requests, "
        "P(cold) = E[exp(-rate * K)] over the keep-alive K: exp(-rate * K) for a fixed "
        "K. Raises ValueError unless rate_per_s >= 0");
}
