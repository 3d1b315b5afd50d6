// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/pool.hpp>

void bind_pool(py::module_& m) {
  using namespace lambdasim;
  py::class_<keep_alive_model>(m, "KeepAlive")
      .def(py::init<>())
      .def_static("fixed", &keep_alive_model::fixed, "seconds"_a)
      .def_static("empirical", &keep_alive_model::empirical, "idle_s"_a, "warm"_a,
                  "trials"_a)
      .def_readwrite("fixed_s", &keep_alive_model::fixed_s)
      .def_readwrite("idle_s", &keep_alive_model::idle_s)
      .def_readwrite("survival", &keep_alive_model::survival)
      .def_property_readonly("is_fixed", &keep_alive_model::is_fixed)
      .def("validate", &keep_alive_model::validate)
      .def("quantile", &keep_alive_model::quantile, "u"_a)
      .def("mean_s", &keep_alive_model::mean_s)
      .def("__repr__", [](const keep_alive_model& k) {
        if (k.is_fixed())
          return "KeepAlive.fixed(" + detail::format_number(k.fixed_s) + ")";
        return "KeepAlive(empirical, " + std::to_string(k.idle_s.size()) +
               " points, mean_s=" + detail::format_number(k.mean_s()) + ")";
      });
  py::class_<recycling_model>(m, "Recycling")
      .def(py::init<>())
      .def_static("none", &recycling_model::none)
      .def_static("fixed", &recycling_model::fixed, "max_lifetime_s"_a)
      .def_readwrite("early_per_s", &recycling_model::early_per_s)
      .def_readwrite("max_lifetime_min_s", &recycling_model::max_lifetime_min_s)
      .def_readwrite("max_lifetime_max_s", &recycling_model::max_lifetime_max_s)
      .def_property_readonly("enabled", &recycling_model::enabled)
      .def("validate", &recycling_model::validate)
      .def("__repr__", [](const recycling_model& r) {
        return "Recycling(early_per_s=" + detail::format_number(r.early_per_s) +
               ", max_lifetime_min_s=" + detail::format_number(r.max_lifetime_min_s) +
               ", max_lifetime_max_s=" + detail::format_number(r.max_lifetime_max_s) +
               ")";
      });
  py::class_<pool_model>(m, "PoolModel")
      .def_static("named", &pool_model::named, "platform_name"_a)
      .def_static("from_json", &pool_model::from_json, "text"_a, "origin"_a = "<json>")
      .def_static("load", &pool_model::load, "path"_a)
      .def_readonly("name", &pool_model::name)
      .def_readonly("keep_alive", &pool_model::keep_alive)
      .def_readonly("recycling", &pool_model::recycling);
  m.def("cold_probability",
        py::overload_cast<double, const keep_alive_model&>(&cold_probability),
        "rate_per_s"_a, "keep_alive"_a);
  m.def("cold_probability", py::overload_cast<double, double>(&cold_probability),
        "rate_per_s"_a, "keep_alive_s"_a);
}
