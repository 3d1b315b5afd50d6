// SPDX-License-Identifier: MIT
// Lambda compute options compared (lmi_compare.hpp): on demand, provisioned
// concurrency and Lambda Managed Instances, and their break-even points.
#include "pybind11.hpp"

#include <lambdasim/lmi_compare.hpp>

void bind_lmi_compare(py::module_& m) {
  using namespace lambdasim;
  m.def("provisioned_for_peak", &provisioned_for_peak, "peak_rate_per_s"_a, "warm_ms"_a,
        "Provisioned concurrency held for a peak: concurrency at the peak rate is "
        "Poisson (M/G/inf) with mean a = rate x warm duration; hold ceil(a + 3 "
        "sqrt(a)) (its 99.87 % quantile in the normal approximation), at least 1. "
        "Raises ValueError unless both are >= 0 and finite");
  py::class_<compare_options>(m, "CompareOptions",
                              "What compare_compute needs besides the function.")
      .def(py::init<>())
      .def_readwrite("requests_per_month", &compare_options::requests_per_month,
                     "Requests per month.")
      .def_readwrite("peak_to_mean", &compare_options::peak_to_mean,
                     "Capacity (PC, LMI) is held for mean x this")
      .def_readwrite("percentile", &compare_options::percentile,
                     "The latency percentile reported, (0, 1)")
      .def_readwrite("max_latency_ms", &compare_options::max_latency_ms,
                     "0: none; else options slower at the percentile lose")
      .def_readwrite("max_throttled_fraction", &compare_options::max_throttled_fraction,
                     "Options throttling more lose")
      .def_readwrite("simulate_s", &compare_options::simulate_s,
                     "Simulated window at the peak rate for latencies")
      .def_readwrite("month_hours", &compare_options::month_hours,
                     "Hours in the month priced.")
      .def_readwrite("seed", &compare_options::seed,
                     "Random seed (an integer >= 0): the same seed gives the same "
                     "numbers on every machine.")
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
          },
          "The compute options compared: on-demand, provisioned, lmi.")
      .def("validate", &compare_options::validate,
           "Raises ValueError naming the field");
  py::class_<compute_estimate>(m, "ComputeEstimate",
                               "One compute option at the user's traffic.")
      .def_property_readonly(
          "compute",
          [](const compute_estimate& r) { return std::string(to_string(r.compute)); },
          "Compute option: on-demand, provisioned or lmi.")
      .def_readonly("total_usd", &compute_estimate::total_usd, "Total (USD): the month")
      .def_readonly("latency_ms", &compute_estimate::latency_ms,
                    "Latency at the percentile, cold starts included (ms): at "
                    "compare_options::percentile, simulated")
      .def_readonly("mean_latency_ms", &compute_estimate::mean_latency_ms,
                    "Mean latency of the option (ms).")
      .def_readonly("throttled_fraction", &compute_estimate::throttled_fraction,
                    "Fraction of requests throttled.")
      .def_readonly("cold_fraction", &compute_estimate::cold_fraction,
                    "On-demand and provisioned overflow")
      .def_readonly("feasible", &compute_estimate::feasible,
                    "Within max_latency_ms and max_throttled_fraction")
      .def_readonly("provisioned_concurrency",
                    &compute_estimate::provisioned_concurrency,
                    "Provisioned concurrency: instances kept warm.")
      .def_readonly("environments", &compute_estimate::environments,
                    "Environments: lmi")
      .def_readonly("instances", &compute_estimate::instances,
                    "Number of instances: lmi")
      .def_readonly("bill", &compute_estimate::bill, "Bill: on-demand and provisioned")
      .def_readonly("lmi", &compute_estimate::lmi, "Lmi: lmi")
      .def_readonly("detail", &compute_estimate::detail, "One line: what was priced");
  py::class_<compute_comparison>(
      m, "ComputeComparison",
      "On-demand, provisioned concurrency and Lambda Managed Instances priced at one "
      "traffic: one ComputeEstimate per option, the winner and the reason it wins.")
      .def_readonly("options", &compute_comparison::options,
                    "Options: in compare_options::computes order")
      .def_property_readonly(
          "winner",
          [](const compute_comparison& r) { return std::string(to_string(r.winner)); },
          "The compute option that wins: on-demand, provisioned or lmi.")
      .def_readonly("reason", &compute_comparison::reason, "Why the winner wins")
      .def_readonly("percentile", &compute_comparison::percentile,
                    "Latency percentile, e.g. 99.")
      .def_readonly("assumptions", &compute_comparison::assumptions,
                    "LMI's, for its configuration (lmi_assumptions)");
  m.def(
      "compare_compute",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, const lmi_config& c, const compare_options& o,
         const bill_options& bo) {
        py::gil_scoped_release g;
        return compare_compute(w, p, prices, memory_mb, c, o, bo);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "config"_a, "options"_a,
      py::arg_v("bill_options", bill_options{}, "BillOptions()"),
      "Prices and simulates each compute option for profile w at memory_mb (on-demand "
      "and provisioned; LMI uses its own configuration c) and picks the cheapest "
      "feasible one. Bill options bo (free tier, Savings Plan, ...) apply to on-demand "
      "and provisioned; requests_per_month comes from o. Raises ValueError for invalid "
      "inputs, or when no option is feasible");

  py::class_<break_even_result>(
      m, "BreakEvenResult",
      "Monthly cost of each compute option over a grid (analytic: no simulation; "
      "on-demand with no cold starts, provisioned for the peak, LMI planned for the "
      "peak).")
      .def_readonly("x_name", &break_even_result::x_name,
                    "X name: \"requests_per_month\" or \"peak_to_mean\"")
      .def_readonly("x", &break_even_result::x, "X of the BreakEvenResult.")
      .def_readonly("on_demand_usd", &break_even_result::on_demand_usd,
                    "Monthly cost on demand at each traffic (USD).")
      .def_readonly("provisioned_usd", &break_even_result::provisioned_usd,
                    "Provisioned concurrency charge (USD).")
      .def_readonly("lmi_usd", &break_even_result::lmi_usd,
                    "Monthly cost on Lambda Managed Instances at each traffic (USD).")
      .def_readonly("lmi_on_demand_crossovers",
                    &break_even_result::lmi_on_demand_crossovers,
                    "X where LMI and on-demand cost the same (sign changes of lmi - "
                    "on_demand, refined by bisection), ascending")
      .def_readonly("lmi_provisioned_crossovers",
                    &break_even_result::lmi_provisioned_crossovers,
                    "X where LMI and provisioned concurrency cost the same (sign "
                    "changes of lmi - provisioned, refined by bisection), ascending");
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
      "requests_per_month"_a, "peak_to_mean"_a = steady_peak_to_mean,
      py::arg_v("bill_options", bill_options{}, "BillOptions()"),
      "month_hours"_a = lmi_model::aws().month_hours,
      "Costs against monthly requests at a fixed peak-to-mean ratio. Raises ValueError "
      "for an empty or negative grid, or as compute_bill / plan_lmi");
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
      "month_hours"_a = lmi_model::aws().month_hours,
      "Costs against the peak-to-mean ratio at fixed monthly requests.");
}
