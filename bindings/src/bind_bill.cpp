// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/bill.hpp>
#include <lambdasim/powertuning.hpp>

namespace {
Eigen::Map<const Eigen::VectorXd> as_vector(const array_d& a, const char* name) {
  if (a.ndim() != 1)
    throw py::value_error(std::string(name) + " must be 1-D, got " +
                          std::to_string(a.ndim()) + " dimensions");
  return {a.data(), static_cast<Eigen::Index>(a.size())};
}
}  // namespace

void bind_bill(py::module_& m) {
  using namespace lambdasim;
  py::class_<bill_options>(m, "BillOptions")
      .def(py::init<>())
      .def_readwrite("requests_per_month", &bill_options::requests_per_month)
      .def_readwrite("cold_fraction", &bill_options::cold_fraction)
      .def_readwrite("provisioned_concurrency", &bill_options::provisioned_concurrency)
      .def_readwrite("provisioned_hours", &bill_options::provisioned_hours)
      .def_readwrite("provisioned_request_fraction",
                     &bill_options::provisioned_request_fraction)
      .def_readwrite("free_tier", &bill_options::free_tier)
      .def_readwrite("storage_mb", &bill_options::storage_mb)
      .def_readwrite("date", &bill_options::date)
      .def_property(
          "package",
          [](const bill_options& o) { return std::string(to_string(o.package)); },
          [](bill_options& o, const std::string& p) {
            o.package = package_type_from_string(p);
          })
      .def_readwrite("custom_runtime", &bill_options::custom_runtime)
      .def_readwrite("snapstart", &bill_options::snapstart)
      .def_readwrite("snapstart_restore_ms", &bill_options::snapstart_restore_ms)
      .def_readwrite("snapstart_cache_hours", &bill_options::snapstart_cache_hours)
      .def_readwrite("account_gb_s_offset", &bill_options::account_gb_s_offset)
      .def_readwrite("savings_plan_discount", &bill_options::savings_plan_discount)
      .def("validate", py::overload_cast<>(&bill_options::validate, py::const_));

  py::class_<monthly_bill>(m, "MonthlyBill")
      .def(py::init<>())
      .def_readonly("requests", &monthly_bill::requests)
      .def_readonly("gb_s", &monthly_bill::gb_s)
      .def_readonly("compute_usd", &monthly_bill::compute_usd)
      .def_readonly("requests_usd", &monthly_bill::requests_usd)
      .def_readonly("init_usd", &monthly_bill::init_usd)
      .def_readonly("storage_usd", &monthly_bill::storage_usd)
      .def_readonly("provisioned_usd", &monthly_bill::provisioned_usd)
      .def_readonly("snapstart_usd", &monthly_bill::snapstart_usd)
      .def_readonly("total_usd", &monthly_bill::total_usd)
      .def_readonly("memory_mb", &monthly_bill::memory_mb)
      .def_readonly("on_demand_requests", &monthly_bill::on_demand_requests)
      .def_readonly("provisioned_requests", &monthly_bill::provisioned_requests)
      .def_readonly("cold_starts", &monthly_bill::cold_starts)
      .def_readonly("billable_requests", &monthly_bill::billable_requests)
      .def_readonly("on_demand_gb_s", &monthly_bill::on_demand_gb_s)
      .def_readonly("billable_gb_s", &monthly_bill::billable_gb_s)
      .def_readonly("init_gb_s", &monthly_bill::init_gb_s)
      .def_readonly("provisioned_gb_s", &monthly_bill::provisioned_gb_s)
      .def_readonly("provisioned_enabled_gb_s", &monthly_bill::provisioned_enabled_gb_s)
      .def_readonly("storage_gb_s", &monthly_bill::storage_gb_s)
      .def_readonly("snapstart_cache_gb_s", &monthly_bill::snapstart_cache_gb_s)
      .def_readonly("snapstart_restore_gb", &monthly_bill::snapstart_restore_gb)
      .def_readonly("warm_billed_ms", &monthly_bill::warm_billed_ms)
      .def_readonly("cold_billed_ms", &monthly_bill::cold_billed_ms)
      .def_readonly("granularity_ms", &monthly_bill::granularity_ms)
      .def_readonly("init_billed", &monthly_bill::init_billed)
      .def_readonly("powertuning_usd", &monthly_bill::powertuning_usd);

  py::class_<bill_curve_result>(m, "BillCurveResult")
      .def_readonly("memory_mb", &bill_curve_result::memory_mb)
      .def_readonly("requests", &bill_curve_result::requests)
      .def_readonly("gb_s", &bill_curve_result::gb_s)
      .def_readonly("compute_usd", &bill_curve_result::compute_usd)
      .def_readonly("requests_usd", &bill_curve_result::requests_usd)
      .def_readonly("init_usd", &bill_curve_result::init_usd)
      .def_readonly("storage_usd", &bill_curve_result::storage_usd)
      .def_readonly("provisioned_usd", &bill_curve_result::provisioned_usd)
      .def_readonly("snapstart_usd", &bill_curve_result::snapstart_usd)
      .def_readonly("total_usd", &bill_curve_result::total_usd)
      .def_readonly("billable_gb_s", &bill_curve_result::billable_gb_s)
      .def_readonly("warm_billed_ms", &bill_curve_result::warm_billed_ms)
      .def_readonly("powertuning_usd", &bill_curve_result::powertuning_usd)
      .def_readonly("feasible", &bill_curve_result::feasible);

  m.def(
      "compute_bill",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, const bill_options& o) {
        py::gil_scoped_release g;
        return compute_bill(w, p, prices, memory_mb, o);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "options"_a);
  m.def(
      "bill_curve",
      [](const profile& w, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, const bill_options& o) {
        if (!memory_mb) {
          py::gil_scoped_release g;
          return bill_curve(w, p, prices, o);
        }
        auto x = as_vector(*memory_mb, "memory_mb");
        py::gil_scoped_release g;
        return bill_curve(w, p, prices, x, o);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "options"_a);

  m.def(
      "powertuning_base_usd_per_ms",
      [](const std::string& region, const std::string& arch) {
        return powertuning_base_usd_per_ms(region, architecture_from_string(arch));
      },
      "region"_a, "arch"_a);
  m.def("powertuning_min_ram_mb", &powertuning_min_ram_mb);
  m.def(
      "powertuning_trimmed_mean",
      [](const array_d& values, double discard_top_bottom) {
        auto x = as_vector(values, "values");
        py::gil_scoped_release g;
        return powertuning_trimmed_mean(x, discard_top_bottom);
      },
      "values"_a, "discard_top_bottom"_a);
  m.def("powertuning_price", &powertuning_price, "average_billed_ms"_a, "memory_mb"_a,
        "base_usd_per_ms"_a);
  py::class_<powertuning_stats>(m, "PowertuningStats")
      .def(py::init<>())
      .def_readonly("average_duration_ms", &powertuning_stats::average_duration_ms)
      .def_readonly("average_billed_ms", &powertuning_stats::average_billed_ms)
      .def_readonly("average_price_usd", &powertuning_stats::average_price_usd)
      .def_readonly("total_cost_usd", &powertuning_stats::total_cost_usd);
  m.def(
      "powertuning_statistics",
      [](const array_d& duration_ms, const array_d& billed_ms, double memory_mb,
         double base_usd_per_ms, double discard_top_bottom) {
        auto d = as_vector(duration_ms, "duration_ms");
        auto b = as_vector(billed_ms, "billed_ms");
        py::gil_scoped_release g;
        return powertuning_statistics(d, b, memory_mb, base_usd_per_ms,
                                      discard_top_bottom);
      },
      "duration_ms"_a, "billed_ms"_a, "memory_mb"_a, "base_usd_per_ms"_a,
      "discard_top_bottom"_a);
}
