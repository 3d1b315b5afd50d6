// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/lmi.hpp>
#include <lambdasim/lmi_compare.hpp>

void bind_lmi(py::module_& m) {
  using namespace lambdasim;
  py::class_<ec2_instance_type>(m, "Ec2InstanceType")
      .def_readonly("name", &ec2_instance_type::name)
      .def_property_readonly(
          "arch",
          [](const ec2_instance_type& t) { return std::string(to_string(t.arch)); })
      .def_readonly("vcpu", &ec2_instance_type::vcpu)
      .def_readonly("memory_gib", &ec2_instance_type::memory_gib)
      .def_readonly("on_demand_usd_per_hour",
                    &ec2_instance_type::on_demand_usd_per_hour)
      .def_readonly("source", &ec2_instance_type::source)
      .def_readonly("confidence", &ec2_instance_type::confidence);

  py::class_<lmi_model>(m, "LmiModel")
      .def_static("aws", &lmi_model::aws, py::return_value_policy::copy)
      .def_static("from_json", &lmi_model::from_json, "text"_a, "origin"_a = "<json>")
      .def_readonly("name", &lmi_model::name)
      .def_readonly("region", &lmi_model::region)
      .def_readonly("source", &lmi_model::source)
      .def_readonly("effective_date", &lmi_model::effective_date)
      .def_readonly("management_fee_fraction", &lmi_model::management_fee_fraction)
      .def_readonly("requests_usd_per_million", &lmi_model::requests_usd_per_million)
      .def_readonly("month_hours", &lmi_model::month_hours)
      .def_readonly("lambda_sp_max_discount", &lmi_model::lambda_sp_max_discount)
      .def_readonly("lambda_sp_min_published_discount",
                    &lmi_model::lambda_sp_min_published_discount)
      .def_readonly("ec2_max_discount", &lmi_model::ec2_max_discount)
      .def_readonly("default_min_instances", &lmi_model::default_min_instances)
      .def_readonly("default_min_environments", &lmi_model::default_min_environments)
      .def_readonly("memory_per_vcpu_gib_min", &lmi_model::memory_per_vcpu_gib_min)
      .def_readonly("memory_per_vcpu_gib_max", &lmi_model::memory_per_vcpu_gib_max)
      .def_readonly("environment_memory_gib_min",
                    &lmi_model::environment_memory_gib_min)
      .def_readonly("environment_memory_gib_max",
                    &lmi_model::environment_memory_gib_max)
      .def_readonly("environment_vcpu_min", &lmi_model::environment_vcpu_min)
      .def_readonly("environment_vcpu_max", &lmi_model::environment_vcpu_max)
      .def_readonly("concurrency_per_environment_max",
                    &lmi_model::concurrency_per_environment_max)
      .def_readonly("scaling_doubling_s", &lmi_model::scaling_doubling_s)
      .def_readonly("concurrency_per_vcpu", &lmi_model::concurrency_per_vcpu)
      .def_readonly("memory_per_vcpu_gib", &lmi_model::memory_per_vcpu_gib)
      .def_readonly("os_reserve_vcpu", &lmi_model::os_reserve_vcpu)
      .def_readonly("os_reserve_gib", &lmi_model::os_reserve_gib)
      .def_readonly("cpu_target", &lmi_model::cpu_target)
      .def_readonly("startup_lag_s", &lmi_model::startup_lag_s)
      .def_readonly("billing_granularity_s", &lmi_model::billing_granularity_s)
      .def_readonly("billing_minimum_s", &lmi_model::billing_minimum_s)
      .def_readonly("scaling_interval_s", &lmi_model::scaling_interval_s)
      .def_readonly("scale_in_cooldown_s", &lmi_model::scale_in_cooldown_s)
      .def_readonly("runtime", &lmi_model::runtime)
      .def_readonly("instance_types", &lmi_model::instance_types)
      .def("instance", &lmi_model::instance, "name"_a, py::return_value_policy::copy)
      .def("runtime_concurrency_per_vcpu", &lmi_model::runtime_concurrency_per_vcpu,
           "runtime"_a)
      .def("assumptions", &lmi_model::assumptions);

  py::class_<lmi_config>(m, "LmiConfig")
      .def(py::init<>())
      .def_readwrite("instance_type", &lmi_config::instance_type)
      .def_readwrite("memory_per_vcpu_gib", &lmi_config::memory_per_vcpu_gib)
      .def_readwrite("environment_memory_gib", &lmi_config::environment_memory_gib)
      .def_readwrite("concurrency_per_environment",
                     &lmi_config::concurrency_per_environment)
      .def_readwrite("runtime", &lmi_config::runtime)
      .def_readwrite("memory_per_request_mb", &lmi_config::memory_per_request_mb)
      .def_readwrite("min_environments", &lmi_config::min_environments)
      .def_readwrite("max_environments", &lmi_config::max_environments)
      .def_readwrite("min_instances", &lmi_config::min_instances)
      .def_readwrite("cpu_target", &lmi_config::cpu_target)
      .def_readwrite("ec2_discount", &lmi_config::ec2_discount)
      .def_readwrite("os_reserve_vcpu", &lmi_config::os_reserve_vcpu)
      .def_readwrite("os_reserve_gib", &lmi_config::os_reserve_gib)
      .def_readwrite("startup_lag_s", &lmi_config::startup_lag_s)
      .def_readwrite("scaling_doubling_s", &lmi_config::scaling_doubling_s)
      .def_readwrite("scaling_interval_s", &lmi_config::scaling_interval_s)
      .def_readwrite("scale_in_cooldown_s", &lmi_config::scale_in_cooldown_s)
      .def("validate", &lmi_config::validate);

  py::class_<lmi_layout>(m, "LmiLayout")
      .def_readonly("instance", &lmi_layout::instance)
      .def_readonly("environment_memory_gib", &lmi_layout::environment_memory_gib)
      .def_readonly("environment_vcpu", &lmi_layout::environment_vcpu)
      .def_readonly("concurrency", &lmi_layout::concurrency)
      .def_readonly("environments_per_instance", &lmi_layout::environments_per_instance)
      .def_readonly("management_usd_per_hour", &lmi_layout::management_usd_per_hour)
      .def_readonly("ec2_usd_per_hour", &lmi_layout::ec2_usd_per_hour);
  m.def("lmi_resolve", &lmi_resolve, "config"_a);
  m.def("lmi_assumptions", &lmi_assumptions, "config"_a);
  m.def("lmi_instances_for", &lmi_instances_for, "layout"_a, "config"_a,
        "environments"_a);

  py::class_<lmi_bill>(m, "LmiBill")
      .def(py::init<>())
      .def_readonly("instance_type", &lmi_bill::instance_type)
      .def_readonly("instance_hours", &lmi_bill::instance_hours)
      .def_readonly("requests", &lmi_bill::requests)
      .def_readonly("ec2_discount", &lmi_bill::ec2_discount)
      .def_readonly("on_demand_usd", &lmi_bill::on_demand_usd)
      .def_readonly("instances_usd", &lmi_bill::instances_usd)
      .def_readonly("management_usd", &lmi_bill::management_usd)
      .def_readonly("requests_usd", &lmi_bill::requests_usd)
      .def_readonly("total_usd", &lmi_bill::total_usd);
  m.def("compute_lmi_bill", &compute_lmi_bill, "config"_a, "instance_hours"_a,
        "requests"_a);

  py::class_<lmi_request_work>(m, "LmiRequestWork")
      .def_readonly("cpu_ms", &lmi_request_work::cpu_ms)
      .def_readonly("io_ms", &lmi_request_work::io_ms);
  m.def("lmi_work_of", &lmi_work_of, "profile"_a, "config"_a);

  py::class_<lmi_plan>(m, "LmiPlan")
      .def_readonly("mean_rate_per_s", &lmi_plan::mean_rate_per_s)
      .def_readonly("peak_rate_per_s", &lmi_plan::peak_rate_per_s)
      .def_readonly("work", &lmi_plan::work)
      .def_readonly("layout", &lmi_plan::layout)
      .def_readonly("environments", &lmi_plan::environments)
      .def_readonly("instances", &lmi_plan::instances)
      .def_readonly("bound", &lmi_plan::bound)
      .def_readonly("cpu_utilisation", &lmi_plan::cpu_utilisation)
      .def_readonly("concurrency_utilisation", &lmi_plan::concurrency_utilisation)
      .def_readonly("bill", &lmi_plan::bill);
  m.def("plan_lmi", &plan_lmi, "profile"_a, "config"_a, "requests_per_month"_a,
        "peak_to_mean"_a = 1.0, "month_hours"_a = lmi_model::aws().month_hours);

  py::class_<lmi_simulate_options>(m, "LmiSimulateOptions")
      .def(py::init<>())
      .def_readwrite("seed", &lmi_simulate_options::seed)
      .def_readwrite("initial_environments",
                     &lmi_simulate_options::initial_environments)
      .def_readwrite("autoscale", &lmi_simulate_options::autoscale)
      .def_readwrite("exponential_work", &lmi_simulate_options::exponential_work)
      .def("validate", &lmi_simulate_options::validate);

  py::class_<lmi_simulation_result>(m, "LmiSimulationResult")
      .def_readonly("requests", &lmi_simulation_result::requests)
      .def_readonly("served", &lmi_simulation_result::served)
      .def_readonly("throttled", &lmi_simulation_result::throttled)
      .def_readonly("latency", &lmi_simulation_result::latency)
      .def_readonly("latency_hist", &lmi_simulation_result::latency_hist)
      .def_readonly("mean_environments", &lmi_simulation_result::mean_environments)
      .def_readonly("peak_environments", &lmi_simulation_result::peak_environments)
      .def_readonly("mean_instances", &lmi_simulation_result::mean_instances)
      .def_readonly("peak_instances", &lmi_simulation_result::peak_instances)
      .def_readonly("instance_seconds", &lmi_simulation_result::instance_seconds)
      .def_readonly("cpu_utilisation", &lmi_simulation_result::cpu_utilisation)
      .def_readonly("mean_concurrency", &lmi_simulation_result::mean_concurrency)
      .def_readonly("peak_concurrency", &lmi_simulation_result::peak_concurrency)
      .def_readonly("period_s", &lmi_simulation_result::period_s)
      .def_readonly("seed", &lmi_simulation_result::seed)
      .def_readonly("work", &lmi_simulation_result::work)
      .def_readonly("layout", &lmi_simulation_result::layout)
      .def_readonly("config", &lmi_simulation_result::config)
      .def_readonly("assumptions", &lmi_simulation_result::assumptions)
      .def_readonly("interval_s", &lmi_simulation_result::interval_s)
      .def_readonly("timeline_t_s", &lmi_simulation_result::timeline_t_s)
      .def_readonly("timeline_environments",
                    &lmi_simulation_result::timeline_environments)
      .def_readonly("timeline_pending", &lmi_simulation_result::timeline_pending)
      .def_readonly("timeline_instances", &lmi_simulation_result::timeline_instances)
      .def_readonly("timeline_arrivals", &lmi_simulation_result::timeline_arrivals)
      .def_readonly("timeline_throttled", &lmi_simulation_result::timeline_throttled)
      .def_readonly("timeline_cpu_utilisation",
                    &lmi_simulation_result::timeline_cpu_utilisation);
  m.def(
      "simulate_lmi",
      [](const profile& w, const arrivals& a, const lmi_config& c,
         const lmi_simulate_options& o) {
        py::gil_scoped_release g;
        return simulate_lmi(w, a, c, o);
      },
      "profile"_a, "arrivals"_a, "config"_a,
      py::arg_v("options", lmi_simulate_options{}, "LmiSimulateOptions()"));
  m.def("simulated_lmi_bill", &simulated_lmi_bill, "result"_a,
        "month_hours"_a = lmi_model::aws().month_hours);

  // ---------------------------------------------------------------- compared
  m.def("provisioned_for_peak", &provisioned_for_peak, "peak_rate_per_s"_a,
        "warm_ms"_a);
  py::class_<compare_options>(m, "CompareOptions")
      .def(py::init<>())
      .def_readwrite("requests_per_month", &compare_options::requests_per_month)
      .def_readwrite("peak_to_mean", &compare_options::peak_to_mean)
      .def_readwrite("percentile", &compare_options::percentile)
      .def_readwrite("max_latency_ms", &compare_options::max_latency_ms)
      .def_readwrite("max_throttled_fraction", &compare_options::max_throttled_fraction)
      .def_readwrite("simulate_s", &compare_options::simulate_s)
      .def_readwrite("month_hours", &compare_options::month_hours)
      .def_readwrite("seed", &compare_options::seed)
      .def_property(
          "computes",
          [](const compare_options& o) {
            std::vector<std::string> out;
            for (auto k : o.computes) out.emplace_back(to_string(k));
            return out;
          },
          [](compare_options& o, const std::vector<std::string>& names) {
            o.computes.clear();
            for (const auto& n : names)
              o.computes.push_back(compute_kind_from_string(n));
          })
      .def("validate", &compare_options::validate);
  py::class_<compute_estimate>(m, "ComputeEstimate")
      .def_property_readonly(
          "compute",
          [](const compute_estimate& r) { return std::string(to_string(r.compute)); })
      .def_readonly("total_usd", &compute_estimate::total_usd)
      .def_readonly("latency_ms", &compute_estimate::latency_ms)
      .def_readonly("mean_latency_ms", &compute_estimate::mean_latency_ms)
      .def_readonly("throttled_fraction", &compute_estimate::throttled_fraction)
      .def_readonly("cold_fraction", &compute_estimate::cold_fraction)
      .def_readonly("feasible", &compute_estimate::feasible)
      .def_readonly("provisioned_concurrency",
                    &compute_estimate::provisioned_concurrency)
      .def_readonly("environments", &compute_estimate::environments)
      .def_readonly("instances", &compute_estimate::instances)
      .def_readonly("bill", &compute_estimate::bill)
      .def_readonly("lmi", &compute_estimate::lmi)
      .def_readonly("detail", &compute_estimate::detail);
  py::class_<compute_comparison>(m, "ComputeComparison")
      .def_readonly("options", &compute_comparison::options)
      .def_property_readonly(
          "winner",
          [](const compute_comparison& r) { return std::string(to_string(r.winner)); })
      .def_readonly("reason", &compute_comparison::reason)
      .def_readonly("percentile", &compute_comparison::percentile)
      .def_readonly("assumptions", &compute_comparison::assumptions);
  m.def(
      "compare_compute",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, const lmi_config& c, const compare_options& o,
         const bill_options& bo) {
        py::gil_scoped_release g;
        return compare_compute(w, p, prices, memory_mb, c, o, bo);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "config"_a, "options"_a,
      py::arg_v("bill_options", bill_options{}, "BillOptions()"));

  py::class_<break_even_result>(m, "BreakEvenResult")
      .def_readonly("x_name", &break_even_result::x_name)
      .def_readonly("x", &break_even_result::x)
      .def_readonly("on_demand_usd", &break_even_result::on_demand_usd)
      .def_readonly("provisioned_usd", &break_even_result::provisioned_usd)
      .def_readonly("lmi_usd", &break_even_result::lmi_usd)
      .def_readonly("lmi_on_demand_crossovers",
                    &break_even_result::lmi_on_demand_crossovers)
      .def_readonly("lmi_provisioned_crossovers",
                    &break_even_result::lmi_provisioned_crossovers);
  m.def(
      "break_even_requests",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, const lmi_config& c,
         const Eigen::Ref<const Eigen::VectorXd>& requests_per_month,
         double peak_to_mean, const bill_options& bo, double month_hours) {
        py::gil_scoped_release g;
        return break_even_requests(w, p, prices, memory_mb, c, requests_per_month,
                                   peak_to_mean, bo, month_hours);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "config"_a,
      "requests_per_month"_a, "peak_to_mean"_a = 1.0,
      py::arg_v("bill_options", bill_options{}, "BillOptions()"),
      "month_hours"_a = lmi_model::aws().month_hours);
  m.def(
      "break_even_peak",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, const lmi_config& c, double requests_per_month,
         const Eigen::Ref<const Eigen::VectorXd>& peak_to_mean, const bill_options& bo,
         double month_hours) {
        py::gil_scoped_release g;
        return break_even_peak(w, p, prices, memory_mb, c, requests_per_month,
                               peak_to_mean, bo, month_hours);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "config"_a,
      "requests_per_month"_a, "peak_to_mean"_a,
      py::arg_v("bill_options", bill_options{}, "BillOptions()"),
      "month_hours"_a = lmi_model::aws().month_hours);
}
