// SPDX-License-Identifier: MIT
// Pickling of the results the verbs return (and the types inside them), added to the
// classes the other bind_*.cpp files registered: each state is the struct's members, so
// a round trip gives an equal object (tests/python/test_pickle.py).
#include "pickle_fields.hpp"
#include "pybind11.hpp"

#include <lambdasim/bill.hpp>
#include <lambdasim/check.hpp>
#include <lambdasim/fit.hpp>
#include <lambdasim/lmi.hpp>
#include <lambdasim/lmi_compare.hpp>
#include <lambdasim/log_histogram.hpp>
#include <lambdasim/pool.hpp>
#include <lambdasim/recommend.hpp>
#include <lambdasim/simulate.hpp>
#include <lambdasim/sweep.hpp>
#include <lambdasim/traffic.hpp>

namespace {

template <class T>
py::class_<T> existing(py::module_& m, const char* name) {
  return py::reinterpret_borrow<py::class_<T>>(m.attr(name));
}

}  // namespace

void bind_pickle(py::module_& m) {
  using namespace lambdasim;
  existing<fit_candidate>(m, "FitCandidate")
      .def(pickle_fields(
          "FitCandidate", &fit_candidate::structure, &fit_candidate::threads,
          &fit_candidate::knee_vcpu, &fit_candidate::parameters,
          &fit_candidate::admissible, &fit_candidate::chi2, &fit_candidate::score,
          &fit_candidate::io_ms, &fit_candidate::cpu_ms, &fit_candidate::scaled_io_ms,
          &fit_candidate::gc_ms, &fit_candidate::parallel_ms));
  existing<fit_result>(m, "FitResult")
      .def(pickle_fields(
          "FitResult", &fit_result::profile, &fit_result::platform_name,
          &fit_result::structure, &fit_result::reason, &fit_result::candidates,
          &fit_result::memory_mb, &fit_result::observed_ms, &fit_result::predicted_ms,
          &fit_result::rel_error, &fit_result::noise, &fit_result::band_lo_ms,
          &fit_result::band_hi_ms, &fit_result::spread_lo_ms, &fit_result::spread_hi_ms,
          &fit_result::band_level, &fit_result::threads,
          &fit_result::threads_identified, &fit_result::plausible_threads,
          &fit_result::plausible_profiles, &fit_result::used_in_fit, &fit_result::mape,
          &fit_result::mape_fit, &fit_result::mape_holdout, &fit_result::param_names,
          &fit_result::param_values, &fit_result::param_sd,
          &fit_result::bootstrap_profiles, &fit_result::diagnostics));
  existing<latency_stats>(m, "LatencyStats")
      .def(pickle_fields("LatencyStats", &latency_stats::count, &latency_stats::mean_ms,
                         &latency_stats::min_ms, &latency_stats::max_ms,
                         &latency_stats::p50_ms, &latency_stats::p90_ms,
                         &latency_stats::p99_ms, &latency_stats::p999_ms));
  existing<keep_alive_model>(m, "KeepAlive")
      .def(pickle_fields("KeepAlive", &keep_alive_model::fixed_s,
                         &keep_alive_model::idle_s, &keep_alive_model::survival));
  existing<recycling_model>(m, "Recycling")
      .def(pickle_fields("Recycling", &recycling_model::early_per_s,
                         &recycling_model::max_lifetime_min_s,
                         &recycling_model::max_lifetime_max_s));
  existing<log_histogram>(m, "LogHistogram")
      .def(py::pickle(
          [](const log_histogram& h) {
            return py::make_tuple(h.first_bucket(), h.stored(), h.count(), h.sum(),
                                  h.min(), h.max());
          },
          [](const py::tuple& t) {
            if (t.size() != 6)
              throw std::invalid_argument("LogHistogram pickle: 6 fields expected");
            const auto n = t[2].cast<std::uint64_t>();
            // an empty histogram's min and max are +inf and -inf (reported as NaN)
            const double inf = std::numeric_limits<double>::infinity();
            return log_histogram::from_parts(
                t[0].cast<int>(), t[1].cast<std::vector<std::uint64_t>>(), n,
                t[3].cast<double>(), n ? t[4].cast<double>() : inf,
                n ? t[5].cast<double>() : -inf);
          }));
  existing<simulation_result>(m, "SimulationResult")
      .def(pickle_fields(
          "SimulationResult", &simulation_result::requests, &simulation_result::served,
          &simulation_result::cold_starts, &simulation_result::throttled,
          &simulation_result::provisioned_served, &simulation_result::recycled,
          &simulation_result::expired, &simulation_result::cold_fraction,
          &simulation_result::cold_fraction_lo, &simulation_result::cold_fraction_hi,
          &simulation_result::cold_fraction_level, &simulation_result::warm,
          &simulation_result::cold, &simulation_result::all,
          &simulation_result::mean_concurrency, &simulation_result::peak_concurrency,
          &simulation_result::mean_instances, &simulation_result::peak_instances,
          &simulation_result::instance_seconds, &simulation_result::busy_seconds,
          &simulation_result::period_s, &simulation_result::replications,
          &simulation_result::warm_ms, &simulation_result::cold_ms,
          &simulation_result::memory_mb, &simulation_result::provisioned_concurrency,
          &simulation_result::seed, &simulation_result::keep_alive,
          &simulation_result::recycling, &simulation_result::warm_hist,
          &simulation_result::cold_hist, &simulation_result::bin_s,
          &simulation_result::timeline_arrivals,
          &simulation_result::timeline_cold_starts,
          &simulation_result::timeline_throttled, &simulation_result::timeline_busy_s));
  existing<arrivals>(m, "Arrivals")
      .def(pickle_fields("Arrivals", &arrivals::kind, &arrivals::rate_per_s,
                         &arrivals::rates_per_s, &arrivals::segment_s,
                         &arrivals::duration_s, &arrivals::times_s,
                         &arrivals::warm_at_start));
  existing<bill_options>(m, "BillOptions")
      .def(pickle_fields(
          "BillOptions", &bill_options::requests_per_month,
          &bill_options::cold_fraction, &bill_options::provisioned_concurrency,
          &bill_options::provisioned_hours, &bill_options::provisioned_request_fraction,
          &bill_options::free_tier, &bill_options::storage_mb, &bill_options::date,
          &bill_options::package, &bill_options::custom_runtime,
          &bill_options::snapstart, &bill_options::snapstart_restore_ms,
          &bill_options::snapstart_cache_hours, &bill_options::account_gb_s_offset,
          &bill_options::savings_plan_discount));
  existing<monthly_bill>(m, "MonthlyBill")
      .def(pickle_fields(
          "MonthlyBill", &monthly_bill::requests, &monthly_bill::gb_s,
          &monthly_bill::compute_usd, &monthly_bill::requests_usd,
          &monthly_bill::init_usd, &monthly_bill::storage_usd,
          &monthly_bill::provisioned_usd, &monthly_bill::snapstart_usd,
          &monthly_bill::total_usd, &monthly_bill::memory_mb,
          &monthly_bill::on_demand_requests, &monthly_bill::provisioned_requests,
          &monthly_bill::cold_starts, &monthly_bill::billable_requests,
          &monthly_bill::on_demand_gb_s, &monthly_bill::billable_gb_s,
          &monthly_bill::init_gb_s, &monthly_bill::provisioned_gb_s,
          &monthly_bill::provisioned_enabled_gb_s, &monthly_bill::storage_gb_s,
          &monthly_bill::snapstart_cache_gb_s, &monthly_bill::snapstart_restore_gb,
          &monthly_bill::warm_billed_ms, &monthly_bill::cold_billed_ms,
          &monthly_bill::granularity_ms, &monthly_bill::init_billed,
          &monthly_bill::powertuning_usd));
  existing<lmi_config>(m, "LmiConfig")
      .def(pickle_fields(
          "LmiConfig", &lmi_config::instance_type, &lmi_config::memory_per_vcpu_gib,
          &lmi_config::environment_memory_gib, &lmi_config::concurrency_per_environment,
          &lmi_config::runtime, &lmi_config::memory_per_request_mb,
          &lmi_config::min_environments, &lmi_config::max_environments,
          &lmi_config::min_instances, &lmi_config::cpu_target,
          &lmi_config::ec2_discount, &lmi_config::os_reserve_vcpu,
          &lmi_config::os_reserve_gib, &lmi_config::startup_lag_s,
          &lmi_config::scaling_doubling_s, &lmi_config::scaling_interval_s,
          &lmi_config::scale_in_cooldown_s));
  existing<ec2_instance_type>(m, "Ec2InstanceType")
      .def(pickle_fields("Ec2InstanceType", &ec2_instance_type::name,
                         &ec2_instance_type::arch, &ec2_instance_type::vcpu,
                         &ec2_instance_type::memory_gib,
                         &ec2_instance_type::on_demand_usd_per_hour,
                         &ec2_instance_type::source, &ec2_instance_type::confidence));
  existing<lmi_layout>(m, "LmiLayout")
      .def(pickle_fields(
          "LmiLayout", &lmi_layout::instance, &lmi_layout::environment_memory_gib,
          &lmi_layout::environment_vcpu, &lmi_layout::concurrency,
          &lmi_layout::environments_per_instance, &lmi_layout::management_usd_per_hour,
          &lmi_layout::ec2_usd_per_hour));
  existing<lmi_bill>(m, "LmiBill")
      .def(pickle_fields("LmiBill", &lmi_bill::instance_type, &lmi_bill::instance_hours,
                         &lmi_bill::requests, &lmi_bill::ec2_discount,
                         &lmi_bill::on_demand_usd, &lmi_bill::instances_usd,
                         &lmi_bill::management_usd, &lmi_bill::requests_usd,
                         &lmi_bill::total_usd));
  existing<lmi_request_work>(m, "LmiRequestWork")
      .def(pickle_fields("LmiRequestWork", &lmi_request_work::cpu_ms,
                         &lmi_request_work::io_ms));
  existing<lmi_plan>(m, "LmiPlan")
      .def(pickle_fields("LmiPlan", &lmi_plan::mean_rate_per_s,
                         &lmi_plan::peak_rate_per_s, &lmi_plan::work, &lmi_plan::layout,
                         &lmi_plan::environments, &lmi_plan::instances,
                         &lmi_plan::bound, &lmi_plan::cpu_utilisation,
                         &lmi_plan::concurrency_utilisation, &lmi_plan::bill));
  existing<recommend_options>(m, "RecommendOptions")
      .def(pickle_fields(
          "RecommendOptions", &recommend_options::strategy, &recommend_options::weight,
          &recommend_options::memory_mb, &recommend_options::architectures,
          &recommend_options::profile_architecture, &recommend_options::speed_ratio,
          &recommend_options::region, &recommend_options::compute,
          &recommend_options::max_provisioned, &recommend_options::lmi,
          &recommend_options::requests_per_month, &recommend_options::arrival_pattern,
          &recommend_options::bill, &recommend_options::max_warm_ms,
          &recommend_options::max_latency_ms, &recommend_options::percentile,
          &recommend_options::budget_usd, &recommend_options::headroom,
          &recommend_options::current_memory_mb,
          &recommend_options::current_architecture,
          &recommend_options::current_provisioned_concurrency,
          &recommend_options::band_relative, &recommend_options::band_lo_ms,
          &recommend_options::band_hi_ms, &recommend_options::runners_up,
          &recommend_options::closed_form_max_load, &recommend_options::simulated_sizes,
          &recommend_options::simulated_hours, &recommend_options::simulated_requests,
          &recommend_options::seed));
  existing<recommend_candidate>(m, "RecommendCandidate")
      .def(pickle_fields(
          "RecommendCandidate", &recommend_candidate::memory_mb,
          &recommend_candidate::arch, &recommend_candidate::compute,
          &recommend_candidate::provisioned_concurrency, &recommend_candidate::warm_ms,
          &recommend_candidate::cold_ms, &recommend_candidate::cost_usd,
          &recommend_candidate::monthly_usd, &recommend_candidate::latency_ms,
          &recommend_candidate::cold_fraction, &recommend_candidate::band_lo_ms,
          &recommend_candidate::band_hi_ms, &recommend_candidate::method,
          &recommend_candidate::role, &recommend_candidate::within_uncertainty,
          &recommend_candidate::bill));
  existing<recommend_table>(m, "RecommendTable")
      .def(pickle_fields("RecommendTable", &recommend_table::memory_mb,
                         &recommend_table::arch, &recommend_table::compute,
                         &recommend_table::provisioned_concurrency,
                         &recommend_table::warm_ms, &recommend_table::cold_ms,
                         &recommend_table::cost_usd, &recommend_table::monthly_usd,
                         &recommend_table::latency_ms, &recommend_table::cold_fraction,
                         &recommend_table::excluded_by, &recommend_table::pareto));
  existing<recommend_change>(m, "RecommendChange")
      .def(pickle_fields(
          "RecommendChange", &recommend_change::current, &recommend_change::cost_change,
          &recommend_change::duration_change, &recommend_change::latency_change,
          &recommend_change::monthly_usd_change));
  existing<recommendation>(m, "Recommendation")
      .def(pickle_fields(
          "Recommendation", &recommendation::chosen, &recommendation::chosen_bill,
          &recommendation::strategy, &recommendation::weight,
          &recommendation::percentile, &recommendation::requests_per_month,
          &recommendation::decided_by, &recommendation::reason,
          &recommendation::runners_up, &recommendation::candidates,
          &recommendation::change, &recommendation::method,
          &recommendation::method_detail, &recommendation::within_uncertainty,
          &recommendation::caveats, &recommendation::speed_ratio,
          &recommendation::feasible_count, &recommendation::lmi));
  existing<check_result>(m, "CheckResult")
      .def(pickle_fields(
          "CheckResult", &check_result::memory_mb, &check_result::predicted_ms,
          &check_result::observed_ms, &check_result::p5_ms, &check_result::p95_ms,
          &check_result::deviation, &check_result::rel_error, &check_result::in_band,
          &check_result::within_tolerance, &check_result::outside_band,
          &check_result::rtol, &check_result::max_abs_deviation,
          &check_result::max_abs_rel_error, &check_result::failures,
          &check_result::shift, &check_result::shift_lo, &check_result::shift_hi,
          &check_result::shift_tolerance, &check_result::detectable_shift,
          &check_result::rule, &check_result::passed, &check_result::warnings));
  existing<sweep_metadata>(m, "SweepMetadata")
      .def(pickle_fields(
          "SweepMetadata", &sweep_metadata::source, &sweep_metadata::format,
          &sweep_metadata::strategy, &sweep_metadata::region, &sweep_metadata::num,
          &sweep_metadata::date, &sweep_metadata::date_origin,
          &sweep_metadata::architectures, &sweep_metadata::architecture_origin));
  // Sweep rows are not a bound type: each travels as a tuple of its members.
  existing<sweep>(m, "Sweep")
      .def(py::pickle(
          [](const sweep& s) {
            py::list rows;
            for (const auto& r : s.rows)
              rows.append(py::make_tuple(r.memory_mb, r.duration_ms, r.billed_ms,
                                         r.init_ms, r.restore_ms, r.max_memory_used_mb,
                                         r.cost_usd, r.p5_ms, r.p95_ms, r.is_cold, r.n,
                                         r.per_size));
            return py::make_tuple(rows, s.meta, s.diagnostics, s.skipped_lines);
          },
          [](const py::tuple& t) {
            if (t.size() != 4)
              throw std::invalid_argument("Sweep pickle: 4 fields expected");
            sweep s;
            for (const auto& x : t[0].cast<py::list>()) {
              const auto r = x.cast<py::tuple>();
              if (r.size() != 12)
                throw std::invalid_argument("Sweep pickle: 12 fields per row expected");
              sweep_row w;
              w.memory_mb = r[0].cast<double>();
              w.duration_ms = r[1].cast<double>();
              w.billed_ms = r[2].cast<double>();
              w.init_ms = r[3].cast<double>();
              w.restore_ms = r[4].cast<double>();
              w.max_memory_used_mb = r[5].cast<double>();
              w.cost_usd = r[6].cast<double>();
              w.p5_ms = r[7].cast<double>();
              w.p95_ms = r[8].cast<double>();
              w.is_cold = r[9].cast<bool>();
              w.n = r[10].cast<double>();
              w.per_size = r[11].cast<bool>();
              s.rows.push_back(w);
            }
            s.meta = t[1].cast<sweep_metadata>();
            s.diagnostics = t[2].cast<std::vector<std::string>>();
            s.skipped_lines = t[3].cast<int>();
            return s;
          }));
  existing<lmi_simulation_result>(m, "LmiSimulationResult")
      .def(pickle_fields(
          "LmiSimulationResult", &lmi_simulation_result::requests,
          &lmi_simulation_result::served, &lmi_simulation_result::throttled,
          &lmi_simulation_result::latency, &lmi_simulation_result::latency_hist,
          &lmi_simulation_result::mean_environments,
          &lmi_simulation_result::peak_environments,
          &lmi_simulation_result::mean_instances,
          &lmi_simulation_result::peak_instances,
          &lmi_simulation_result::instance_seconds,
          &lmi_simulation_result::cpu_utilisation,
          &lmi_simulation_result::mean_concurrency,
          &lmi_simulation_result::peak_concurrency, &lmi_simulation_result::period_s,
          &lmi_simulation_result::seed, &lmi_simulation_result::work,
          &lmi_simulation_result::layout, &lmi_simulation_result::config,
          &lmi_simulation_result::assumptions, &lmi_simulation_result::interval_s,
          &lmi_simulation_result::timeline_t_s,
          &lmi_simulation_result::timeline_environments,
          &lmi_simulation_result::timeline_pending,
          &lmi_simulation_result::timeline_instances,
          &lmi_simulation_result::timeline_arrivals,
          &lmi_simulation_result::timeline_throttled,
          &lmi_simulation_result::timeline_cpu_utilisation));
  existing<compute_estimate>(m, "ComputeEstimate")
      .def(pickle_fields(
          "ComputeEstimate", &compute_estimate::compute, &compute_estimate::total_usd,
          &compute_estimate::latency_ms, &compute_estimate::mean_latency_ms,
          &compute_estimate::throttled_fraction, &compute_estimate::cold_fraction,
          &compute_estimate::feasible, &compute_estimate::provisioned_concurrency,
          &compute_estimate::environments, &compute_estimate::instances,
          &compute_estimate::bill, &compute_estimate::lmi, &compute_estimate::detail));
  existing<compute_comparison>(m, "ComputeComparison")
      .def(pickle_fields("ComputeComparison", &compute_comparison::options,
                         &compute_comparison::winner, &compute_comparison::reason,
                         &compute_comparison::percentile,
                         &compute_comparison::assumptions));
  existing<break_even_result>(m, "BreakEvenResult")
      .def(pickle_fields(
          "BreakEvenResult", &break_even_result::x_name, &break_even_result::x,
          &break_even_result::on_demand_usd, &break_even_result::provisioned_usd,
          &break_even_result::lmi_usd, &break_even_result::lmi_on_demand_crossovers,
          &break_even_result::lmi_provisioned_crossovers));
}
