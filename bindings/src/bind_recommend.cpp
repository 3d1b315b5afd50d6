// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/recommend.hpp>

namespace {
using namespace lambdasim;

template <class E>
py::list names(const std::vector<E>& v) {
  py::list out;
  for (E e : v) out.append(std::string(to_string(e)));
  return out;
}
}  // namespace

void bind_recommend(py::module_& m) {
  using namespace lambdasim;
  // The choices every layer offers (the CLI's --strategy, --arch ...).
  py::dict choices;
  // (the enum_traits tables; also in enum_names())
  choices["strategy"] = py::tuple(py::cast(enum_names<recommend_strategy>()));
  choices["compute"] = py::tuple(py::cast(enum_names<compute_kind>()));
  choices["arch"] = py::tuple(py::cast(enum_names<architecture>()));
  m.attr("RECOMMEND_CHOICES") = choices;

  py::class_<recommend_options>(m, "RecommendOptions")
      .def(py::init<>())
      .def_property(
          "strategy",
          [](const recommend_options& o) { return std::string(to_string(o.strategy)); },
          [](recommend_options& o, const std::string& s) {
            o.strategy = recommend_strategy_from_string(s);
          })
      .def_readwrite("weight", &recommend_options::weight)
      .def_readwrite("memory_mb", &recommend_options::memory_mb)
      .def_property(
          "architectures",
          [](const recommend_options& o) { return names(o.architectures); },
          [](recommend_options& o, const std::vector<std::string>& v) {
            o.architectures.clear();
            for (const auto& s : v)
              o.architectures.push_back(architecture_from_string(s));
          })
      .def_property(
          "profile_architecture",
          [](const recommend_options& o) -> std::optional<std::string> {
            if (!o.profile_architecture) return std::nullopt;
            return std::string(to_string(*o.profile_architecture));
          },
          [](recommend_options& o, const std::optional<std::string>& s) {
            if (s)
              o.profile_architecture = architecture_from_string(*s);
            else
              o.profile_architecture.reset();
          })
      .def_readwrite("speed_ratio", &recommend_options::speed_ratio)
      .def_readwrite("region", &recommend_options::region)
      .def_property(
          "compute", [](const recommend_options& o) { return names(o.compute); },
          [](recommend_options& o, const std::vector<std::string>& v) {
            o.compute.clear();
            for (const auto& s : v) o.compute.push_back(compute_kind_from_string(s));
          })
      .def_readwrite("max_provisioned", &recommend_options::max_provisioned)
      .def_readwrite("lmi", &recommend_options::lmi)
      .def_readwrite("requests_per_month", &recommend_options::requests_per_month)
      .def_readwrite("arrival_pattern", &recommend_options::arrival_pattern)
      .def_readwrite("bill", &recommend_options::bill)
      .def_readwrite("max_warm_ms", &recommend_options::max_warm_ms)
      .def_readwrite("max_latency_ms", &recommend_options::max_latency_ms)
      .def_readwrite("percentile", &recommend_options::percentile)
      .def_readwrite("budget_usd", &recommend_options::budget_usd)
      .def_readwrite("headroom", &recommend_options::headroom)
      .def_readwrite("current_memory_mb", &recommend_options::current_memory_mb)
      .def_property(
          "current_architecture",
          [](const recommend_options& o) -> std::optional<std::string> {
            if (!o.current_architecture) return std::nullopt;
            return std::string(to_string(*o.current_architecture));
          },
          [](recommend_options& o, const std::optional<std::string>& s) {
            if (s)
              o.current_architecture = architecture_from_string(*s);
            else
              o.current_architecture.reset();
          })
      .def_readwrite("current_provisioned", &recommend_options::current_provisioned)
      .def_readwrite("band_relative", &recommend_options::band_relative)
      .def_readwrite("band_lo_ms", &recommend_options::band_lo_ms)
      .def_readwrite("band_hi_ms", &recommend_options::band_hi_ms)
      .def_readwrite("runners_up", &recommend_options::runners_up)
      .def_readwrite("closed_form_max_load", &recommend_options::closed_form_max_load)
      .def_readwrite("simulated_sizes", &recommend_options::simulated_sizes)
      .def_readwrite("simulated_hours", &recommend_options::simulated_hours)
      .def_readwrite("simulated_requests", &recommend_options::simulated_requests)
      .def_readwrite("seed", &recommend_options::seed)
      .def("validate", &recommend_options::validate);

  py::class_<recommend_candidate>(m, "RecommendCandidate")
      .def_readonly("memory_mb", &recommend_candidate::memory_mb)
      .def_property_readonly(
          "arch",
          [](const recommend_candidate& c) { return std::string(to_string(c.arch)); })
      .def_property_readonly("compute",
                             [](const recommend_candidate& c) {
                               return std::string(to_string(c.compute));
                             })
      .def_readonly("provisioned", &recommend_candidate::provisioned)
      .def_readonly("warm_ms", &recommend_candidate::warm_ms)
      .def_readonly("cold_ms", &recommend_candidate::cold_ms)
      .def_readonly("cost_usd", &recommend_candidate::cost_usd)
      .def_readonly("monthly_usd", &recommend_candidate::monthly_usd)
      .def_readonly("latency_ms", &recommend_candidate::latency_ms)
      .def_readonly("cold_fraction", &recommend_candidate::cold_fraction)
      .def_readonly("band_lo_ms", &recommend_candidate::band_lo_ms)
      .def_readonly("band_hi_ms", &recommend_candidate::band_hi_ms)
      .def_property_readonly(
          "method",
          [](const recommend_candidate& c) { return std::string(to_string(c.method)); })
      .def_readonly("role", &recommend_candidate::role)
      .def_readonly("within_uncertainty", &recommend_candidate::within_uncertainty)
      .def_readonly("bill", &recommend_candidate::bill);

  py::class_<recommend_table>(m, "RecommendTable")
      .def_readonly("memory_mb", &recommend_table::memory_mb)
      .def_property_readonly("arch",
                             [](const recommend_table& t) { return names(t.arch); })
      .def_property_readonly("compute",
                             [](const recommend_table& t) { return names(t.compute); })
      .def_readonly("provisioned", &recommend_table::provisioned)
      .def_readonly("warm_ms", &recommend_table::warm_ms)
      .def_readonly("cold_ms", &recommend_table::cold_ms)
      .def_readonly("cost_usd", &recommend_table::cost_usd)
      .def_readonly("monthly_usd", &recommend_table::monthly_usd)
      .def_readonly("latency_ms", &recommend_table::latency_ms)
      .def_readonly("cold_fraction", &recommend_table::cold_fraction)
      .def_property_readonly(
          "excluded_by", [](const recommend_table& t) { return names(t.excluded_by); })
      .def_readonly("pareto", &recommend_table::pareto);

  py::class_<recommend_change>(m, "RecommendChange")
      .def_readonly("current", &recommend_change::current)
      .def_readonly("cost_change", &recommend_change::cost_change)
      .def_readonly("duration_change", &recommend_change::duration_change)
      .def_readonly("latency_change", &recommend_change::latency_change)
      .def_readonly("monthly_usd_change", &recommend_change::monthly_usd_change);

  py::class_<recommendation>(m, "Recommendation")
      .def_readonly("chosen", &recommendation::chosen)
      .def_readonly("chosen_bill", &recommendation::chosen_bill)
      .def_property_readonly(
          "strategy",
          [](const recommendation& r) { return std::string(to_string(r.strategy)); })
      .def_readonly("weight", &recommendation::weight)
      .def_readonly("percentile", &recommendation::percentile)
      .def_readonly("requests_per_month", &recommendation::requests_per_month)
      .def_property_readonly(
          "decided_by",
          [](const recommendation& r) { return std::string(to_string(r.decided_by)); })
      .def_readonly("reason", &recommendation::reason)
      .def_readonly("runners_up", &recommendation::runners_up)
      .def_readonly("candidates", &recommendation::candidates)
      .def_readonly("change", &recommendation::change)
      .def_property_readonly(
          "method",
          [](const recommendation& r) { return std::string(to_string(r.method)); })
      .def_readonly("method_detail", &recommendation::method_detail)
      .def_readonly("within_uncertainty", &recommendation::within_uncertainty)
      .def_readonly("caveats", &recommendation::caveats)
      .def_readonly("speed_ratio", &recommendation::speed_ratio)
      .def_readonly("feasible_count", &recommendation::feasible_count)
      .def_readonly("lmi", &recommendation::lmi);

  m.def(
      "recommend",
      [](const profile& w, const platform& p, const recommend_options& o) {
        py::gil_scoped_release g;
        return recommend(w, p, o);
      },
      "profile"_a, "platform"_a, "options"_a);
  m.def("mixture_percentile", &mixture_percentile, "q"_a, "warm_ms"_a, "cold_ms"_a,
        "cold_fraction"_a, "cv"_a);
  m.def(
      "provisioned_break_even",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, int provisioned, const std::optional<bill_options>& base) {
        py::gil_scoped_release g;
        return provisioned_break_even(w, p, prices, memory_mb, provisioned,
                                      base.value_or(bill_options{}));
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "provisioned"_a,
      "base"_a = py::none());
  m.def("overflow_fraction", &overflow_fraction, "rate_per_s"_a, "mean_ms"_a,
        "provisioned"_a);
}
