// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include "profiles_arg.hpp"

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

namespace {
using namespace lambdasim;
using profiles_arg::columns_of;
using profiles_arg::grid_copy;
using profiles_arg::profiles_of;

// The choices of a fleet recommendation as columns (one element per profile, filled
// in C++: no Python loop), the errors, and the full recommendations.
py::dict recommend_dict(fleet_recommendation&& f) {
  const auto n = static_cast<py::ssize_t>(f.results.size());
  const char* num[] = {
      "memory_mb",   "warm_ms",    "cold_ms",       "cost_usd",
      "monthly_usd", "latency_ms", "cold_fraction", "provisioned_concurrency",
      "provisioned"};
  std::vector<py::array_t<double>> cols;
  for (std::size_t k = 0; k < std::size(num); ++k) cols.emplace_back(n);
  py::list arch, compute, reason, decided_by;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (py::ssize_t i = 0; i < n; ++i) {
    const auto& r = f.results[static_cast<std::size_t>(i)];
    const bool ok = f.errors[static_cast<std::size_t>(i)].empty();
    const recommend_candidate& c = r.chosen;
    const double v[] = {c.memory_mb,
                        c.warm_ms,
                        c.cold_ms,
                        c.cost_usd,
                        c.monthly_usd,
                        c.latency_ms,
                        c.cold_fraction,
                        static_cast<double>(c.provisioned_concurrency),
                        static_cast<double>(c.provisioned_concurrency)};
    for (std::size_t k = 0; k < std::size(num); ++k)
      cols[k].mutable_at(i) = ok ? v[k] : k == 0 ? 0.0 : nan;  // memory 0: none
    arch.append(ok ? std::string(to_string(c.arch)) : std::string());
    compute.append(ok ? std::string(to_string(c.compute)) : std::string());
    decided_by.append(ok ? std::string(to_string(r.decided_by)) : std::string());
    reason.append(r.reason);
  }
  py::dict d;
  for (std::size_t k = 0; k < std::size(num); ++k) d[num[k]] = cols[k];
  d["arch"] = arch;
  d["compute"] = compute;
  d["decided_by"] = decided_by;
  d["reason"] = reason;
  d["error"] = py::cast(std::move(f.errors));
  d["results"] = py::cast(std::move(f.results));
  return d;
}
}  // namespace

void bind_recommend(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<recommend_strategy>("recommend_strategy");
  add_enum_names<latency_method>("latency_method");
  add_enum_names<constraint>("constraint");
  // The choices every layer offers (the CLI's --strategy, --arch ...).
  py::dict choices;
  // (the enum_traits tables; also in enum_names())
  choices["strategy"] = py::tuple(py::cast(enum_names<recommend_strategy>()));
  choices["compute"] = py::tuple(py::cast(enum_names<compute_kind>()));
  choices["arch"] = py::tuple(py::cast(enum_names<architecture>()));
  m.attr("RECOMMEND_CHOICES") = choices;

  py::class_<recommend_options>(m, "RecommendOptions",
                                "Options of a recommendation. C++ owns the defaults; "
                                "Python and the CLI only override.")
      .def(py::init<>())
      .def_property(
          "strategy",
          [](const recommend_options& o) { return std::string(to_string(o.strategy)); },
          [](recommend_options& o, const std::string& s) {
            o.strategy = recommend_strategy_from_string(s);
          },
          "Objective: cost, speed, balanced or knee.")
      .def_readwrite("weight", &recommend_options::weight,
                     "Balanced: weight of cost, in [0, 1]")
      .def_readwrite("memory_mb", &recommend_options::memory_mb,
                     "Memory sizes to consider (empty: every size of the platform).")
      .def_property(
          "architectures",
          [](const recommend_options& o) { return names(o.architectures); },
          [](recommend_options& o, const std::vector<std::string>& v) {
            o.architectures.clear();
            for (const auto& s : v)
              o.architectures.push_back(architecture_from_string(s));
          },
          "Architectures to consider (non-empty, no repeats).")
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
          },
          "The architecture the profile was measured on (unset: the profile's "
          "architecture).")
      .def_readwrite(
          "speed_ratio", &recommend_options::speed_ratio,
          "How many times faster the profile's CPU work (cpu and gc components and "
          "first_call_cpu_ms; io, scaled_io and init_ms unchanged) runs on the other "
          "architecture, as profile::on_architecture and architecture_speed_ratio: "
          "1.25 means it takes 0.8 of the time there. Unset: 1.0, and the result's "
          "caveats say so.")
      .def_readwrite("region", &recommend_options::region,
                     "AWS region priced, e.g. us-east-1.")
      .def_property(
          "compute", [](const recommend_options& o) { return names(o.compute); },
          [](recommend_options& o, const std::vector<std::string>& v) {
            o.compute.clear();
            for (const auto& s : v) o.compute.push_back(compute_kind_from_string(s));
          },
          "Concurrency options to consider; provisioned needs max_provisioned > 0.")
      .def_readwrite("max_provisioned", &recommend_options::max_provisioned,
                     "Largest number of provisioned instances tried "
                     "(1..max_provisioned); 0: none.")
      .def_readwrite("lmi", &recommend_options::lmi,
                     "The Lambda Managed Instances configuration (instance type, ...) "
                     "when compute includes lmi: planned for the traffic's peak, its "
                     "latency simulated (lmi.hpp).")
      .def_readwrite("requests_per_month", &recommend_options::requests_per_month,
                     "0: price one warm invocation, no monthly bill")
      .def_readwrite(
          "arrival_pattern", &recommend_options::arrival_pattern,
          "A non-Poisson arrival pattern (e.g. hourly rates); its mean rate sets the "
          "monthly requests, and latencies come from the simulator.")
      .def_readwrite("bill", &recommend_options::bill,
                     "Base of each candidate's monthly bill (free tier, date, storage, "
                     "account offset); requests, cold fraction and provisioned fields "
                     "are set per candidate.")
      .def_readwrite("max_warm_ms", &recommend_options::max_warm_ms,
                     "Largest warm duration (ms; None: no limit).")
      .def_readwrite("max_latency_ms", &recommend_options::max_latency_ms,
                     "Largest latency at the percentile of all requests, cold starts "
                     "included (ms; None: no limit).")
      .def_readwrite("percentile", &recommend_options::percentile,
                     "Percentile of all requests (cold starts included) for "
                     "max_latency_ms and the Pareto front, in (0, 100).")
      .def_readwrite("budget_usd", &recommend_options::budget_usd,
                     "Monthly; needs requests_per_month > 0")
      .def_readwrite("headroom", &recommend_options::headroom,
                     "Memory headroom over the profile's peak_memory_mb: sizes below "
                     "peak * (1 + headroom) are excluded. 20 % is DESIGN.md's default, "
                     "the safety margin right-sizing guides commonly quote; it is a "
                     "guide's rule of thumb, not a platform limit, and no AWS document "
                     "we found states the figure (docs/choosing.md says so).")
      .def_readwrite("current_memory_mb", &recommend_options::current_memory_mb,
                     "Memory size of the current configuration (MB); the result says "
                     "what changes (None: no current configuration).")
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
          },
          "Current architecture: default: the profile's")
      .def_readwrite("current_provisioned_concurrency",
                     &recommend_options::current_provisioned_concurrency,
                     "Provisioned-concurrency instances of the current configuration "
                     "(with current_memory_mb).")
      .def_property(
          "current_provisioned",
          [](const recommend_options& o) {
            deprecated_name("current_provisioned", "current_provisioned_concurrency");
            return o.current_provisioned_concurrency;
          },
          [](recommend_options& o, int n) {
            deprecated_name("current_provisioned", "current_provisioned_concurrency");
            o.current_provisioned_concurrency = n;
          },
          "Deprecated name of current_provisioned_concurrency (warns).")
      .def_readwrite(
          "band_relative", &recommend_options::band_relative,
          "Relative half-width of the model's uncertainty band; overlapping bands are "
          "reported as within the model's uncertainty (0: no band).")
      .def_readwrite("band_lo_ms", &recommend_options::band_lo_ms,
                     "Lower end of the 90 % prediction band (ms).")
      .def_readwrite("band_hi_ms", &recommend_options::band_hi_ms,
                     "Upper end of the 90 % prediction band (ms).")
      .def_readwrite("runners_up", &recommend_options::runners_up,
                     "At most this many runners-up")
      .def_readwrite("closed_form_max_load", &recommend_options::closed_form_max_load,
                     "Closed form while the expected on-demand concurrency (arrival "
                     "rate x cold duration) is below this; the simulator otherwise.")
      .def_readwrite("simulated_sizes", &recommend_options::simulated_sizes,
                     "Sizes simulated per group when simulating")
      .def_readwrite("simulated_hours", &recommend_options::simulated_hours,
                     "Shortest simulated period for Poisson traffic")
      .def_readwrite("simulated_requests", &recommend_options::simulated_requests,
                     "Poisson traffic: the period holds about this many requests (at "
                     "least simulated_hours, at most 744 h), so low rates are not "
                     "judged from a handful of cold starts and high rates do not "
                     "simulate tens of millions of requests per size.")
      .def_readwrite(
          "seed", &recommend_options::seed,
          "Seed of the simulations behind the cold fraction (when simulated).")
      .def("validate", &recommend_options::validate,
           "Raises ValueError naming the field and the value");

  py::class_<recommend_candidate>(m, "RecommendCandidate",
                                  "One configuration with its figures.")
      .def_readonly("memory_mb", &recommend_candidate::memory_mb, "Memory size (MB).")
      .def_property_readonly(
          "arch",
          [](const recommend_candidate& c) { return std::string(to_string(c.arch)); },
          "Architecture: x86_64 or arm64.")
      .def_property_readonly(
          "compute",
          [](const recommend_candidate& c) {
            return std::string(to_string(c.compute));
          },
          "Compute option: on-demand, provisioned or lmi.")
      .def_readonly("provisioned_concurrency",
                    &recommend_candidate::provisioned_concurrency,
                    "Provisioned-concurrency instances (0 on demand).")
      .def_readonly("provisioned", &recommend_candidate::provisioned_concurrency,
                    "Deprecated alias of provisioned_concurrency (same value; kept "
                    "for the CLI's JSON and tables, which tools parse).")
      .def_readonly("warm_ms", &recommend_candidate::warm_ms,
                    "Warm duration T_warm(m): the sum of the components.")
      .def_readonly("cold_ms", &recommend_candidate::cold_ms,
                    "Cold duration as the caller sees it: init_ms + first-call CPU (at "
                    "most one vCPU) + T_warm(m). REPORT's Init Duration is init_ms; "
                    "its cold Duration is the rest.")
      .def_readonly("cost_usd", &recommend_candidate::cost_usd,
                    "One warm invocation, first-tier price (as curve)")
      .def_readonly("monthly_usd", &recommend_candidate::monthly_usd,
                    "The month's bill (NaN without requests_per_month)")
      .def_readonly("latency_ms", &recommend_candidate::latency_ms,
                    "The percentile of all requests")
      .def_readonly("cold_fraction", &recommend_candidate::cold_fraction,
                    "Fraction of requests that started cold: of all requests")
      .def_readonly("band_lo_ms", &recommend_candidate::band_lo_ms,
                    "Warm-duration band (= warm_ms without one)")
      .def_readonly("band_hi_ms", &recommend_candidate::band_hi_ms,
                    "Upper end of the 90 % prediction band (ms).")
      .def_property_readonly(
          "method",
          [](const recommend_candidate& c) { return std::string(to_string(c.method)); },
          "How the latency was obtained: warm_only, closed_form or simulation.")
      .def_readonly("role", &recommend_candidate::role,
                    "Runners-up: why it is listed (\"cheapest\", \"arm64\", ...)")
      .def_readonly("within_uncertainty", &recommend_candidate::within_uncertainty,
                    "Runners-up: band overlaps the choice's")
      .def_readonly("bill", &recommend_candidate::bill,
                    "The month's itemised bill (the choice, runners-up and the current "
                    "configuration only; zero without requests_per_month).");

  py::class_<recommend_table>(m, "RecommendTable", "Every candidate, one row each.")
      .def_readonly("memory_mb", &recommend_table::memory_mb, "Memory size (MB).")
      .def_property_readonly(
          "arch", [](const recommend_table& t) { return names(t.arch); },
          "Architecture: x86_64 or arm64.")
      .def_property_readonly(
          "compute", [](const recommend_table& t) { return names(t.compute); },
          "Compute option: on-demand, provisioned or lmi.")
      .def_readonly("provisioned_concurrency",
                    &recommend_table::provisioned_concurrency,
                    "Provisioned-concurrency instances (0 on demand).")
      .def_readonly("provisioned", &recommend_table::provisioned_concurrency,
                    "Deprecated alias of provisioned_concurrency (same value; kept "
                    "for the CLI's JSON and tables, which tools parse).")
      .def_readonly("warm_ms", &recommend_table::warm_ms,
                    "Warm duration T_warm(m): the sum of the components.")
      .def_readonly("cold_ms", &recommend_table::cold_ms,
                    "Cold duration as the caller sees it: init_ms + first-call CPU (at "
                    "most one vCPU) + T_warm(m). REPORT's Init Duration is init_ms; "
                    "its cold Duration is the rest.")
      .def_readonly("cost_usd", &recommend_table::cost_usd,
                    "One warm invocation: duration charge at the first-tier price plus "
                    "the request charge (USD).")
      .def_readonly("monthly_usd", &recommend_table::monthly_usd,
                    "The month's bill (USD).")
      .def_readonly("latency_ms", &recommend_table::latency_ms,
                    "Latency at the percentile, cold starts included (ms).")
      .def_readonly("cold_fraction", &recommend_table::cold_fraction,
                    "Fraction of requests that started cold.")
      .def_property_readonly(
          "excluded_by", [](const recommend_table& t) { return names(t.excluded_by); },
          "Excluded by: none = feasible")
      .def_property_readonly(
          "feasible",
          [](const recommend_table& t) {
            std::vector<bool> ok(t.excluded_by.size());
            for (std::size_t i = 0; i < ok.size(); ++i)
              ok[i] = t.excluded_by[i] == constraint::none;
            return bool_array(ok);
          },
          "True where no constraint excludes the candidate (excluded_by is none).")
      .def_readonly("pareto", &recommend_table::pareto,
                    "On the Pareto front of (cost, latency) among the feasible");

  m.def(
      "constraint_words",
      [](const std::string& name) {
        return std::string(constraint_words(enum_from_name<constraint>(name)));
      },
      "name"_a,
      "What failing a constraint (a name of enum_names()['constraint']) means, in "
      "words for a legend: 'over budget'; 'feasible' for none.");

  py::class_<recommend_change>(
      m, "RecommendChange",
      "What changes from the current configuration to the chosen one.")
      .def_readonly("current", &recommend_change::current,
                    "The current configuration (RecommendCandidate).")
      .def_readonly("cost_change", &recommend_change::cost_change,
                    "Relative change of the cost measure (0.1 = +10 %)")
      .def_readonly("duration_change", &recommend_change::duration_change,
                    "Relative change of the warm duration")
      .def_readonly("latency_change", &recommend_change::latency_change,
                    "Relative change of the latency percentile")
      .def_readonly("monthly_usd_change", &recommend_change::monthly_usd_change,
                    "Dollars a month (NaN without requests_per_month)");

  py::class_<recommendation>(
      m, "Recommendation",
      "A recommended configuration (memory size, architecture, concurrency option), "
      "the objective or constraint that decided it, the runners-up, the Pareto front "
      "and the caveats.")
      .def_readonly("chosen", &recommendation::chosen,
                    "The chosen configuration (RecommendCandidate).")
      .def_readonly("chosen_bill", &recommendation::chosen_bill,
                    "The month's bill of the choice (zero without requests)")
      .def_property_readonly(
          "strategy",
          [](const recommendation& r) { return std::string(to_string(r.strategy)); },
          "Objective: cost, speed, balanced or knee.")
      .def_readonly("weight", &recommendation::weight,
                    "Balanced: the weight of cost used, in [0, 1].")
      .def_readonly("percentile", &recommendation::percentile,
                    "Latency percentile, e.g. 99.")
      .def_readonly("requests_per_month", &recommendation::requests_per_month,
                    "Requests per month.")
      .def_property_readonly(
          "decided_by",
          [](const recommendation& r) { return std::string(to_string(r.decided_by)); },
          "Which constraint decided it (none: the objective alone) and the reason in "
          "words.")
      .def_readonly("reason", &recommendation::reason,
                    "Which constraint decided it (none: the objective alone) and the "
                    "reason in words.")
      .def_readonly("runners_up", &recommendation::runners_up,
                    "The runners-up (cheapest, fastest, knee, the best of the other "
                    "architecture ...), each a RecommendCandidate with its role.")
      .def_readonly("candidates", &recommendation::candidates,
                    "Every candidate configuration as a RecommendTable (columns of "
                    "equal length).")
      .def_readonly("change", &recommendation::change,
                    "From the current configuration to the choice (RecommendChange), "
                    "None without one.")
      .def_property_readonly(
          "method",
          [](const recommendation& r) { return std::string(to_string(r.method)); },
          "Method: the chosen's")
      .def_readonly("method_detail", &recommendation::method_detail,
                    "How the latencies were obtained, with the error bound")
      .def_readonly("within_uncertainty", &recommendation::within_uncertainty,
                    "A runner-up's band overlaps the choice's")
      .def_readonly("caveats", &recommendation::caveats,
                    "What the recommendation assumes, one line each (e.g. an unknown "
                    "arm64 speed ratio).")
      .def_readonly("speed_ratio", &recommendation::speed_ratio, "Speed ratio: as used")
      .def_readonly("feasible_count", &recommendation::feasible_count,
                    "Number of configurations meeting every constraint.")
      .def_readonly(
          "lmi", &recommendation::lmi,
          "When compute includes lmi: its capacity plan and bill (chosen or not).");

  m.def(
      "recommend",
      [](const profile& w, const platform& p, const recommend_options& o,
         std::optional<py::function> progress) {
        // Always called (with the GIL) while simulating, so Ctrl-C interrupts.
        recommend_progress cb = [progress](std::uint64_t done, std::uint64_t total) {
          py::gil_scoped_acquire g;
          if (PyErr_CheckSignals() != 0) throw py::error_already_set();
          if (progress) (*progress)(done, total);
        };
        py::gil_scoped_release g;
        return recommend(w, p, o, cb);
      },
      "profile"_a, "platform"_a, "options"_a, "progress"_a = py::none(),
      "Recommends a configuration of w. progress(done, total), in simulated requests, "
      "is called once with done = 0 before the first traffic simulation (only when "
      "the recommendation simulates) and after each. Raises ValueError for bad "
      "options, or an impossible constraint: the message names the constraint and the "
      "best value any configuration reaches");
  m.def(
      "mixture_percentile", &mixture_percentile, "q"_a, "warm_ms"_a, "cold_ms"_a,
      "cold_fraction"_a, "cv"_a,
      "The latency percentile q (in (0, 1)) of a mixture of warm and cold requests "
      "whose durations are warm_ms and cold_ms times a lognormal factor of mean 1 and "
      "relative variability cv (as the simulator draws them): the smallest x with (1 - "
      "cold_fraction) F_warm(x) + cold_fraction F_cold(x) >= q. Raises ValueError "
      "unless 0 < q < 1, 0 <= cold_fraction <= 1, cv >= 0, 0 < warm_ms <= cold_ms");
  m.def(
      "provisioned_break_even",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, int provisioned, const std::optional<bill_options>& base) {
        py::gil_scoped_release g;
        return provisioned_break_even(w, p, prices, memory_mb, provisioned,
                                      base.value_or(bill_options{}));
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "provisioned"_a,
      "base"_a = py::none(),
      "Monthly requests at which n provisioned instances (enabled all month) cost the "
      "same as on demand at memory_mb, with cold fractions from "
      "closed_form_cold_fraction; NaN when provisioned never pays below 1e12 requests "
      "a month. Raises compute_bill");
  m.def("overflow_fraction", &overflow_fraction, "rate_per_s"_a, "mean_ms"_a,
        "provisioned"_a,
        "The fraction of Poisson arrivals finding all n provisioned instances busy: "
        "Erlang B with n servers and offered load rate * mean (1 for n = 0).");

  // Many profiles in one call (the columns are filled in C++: no Python loop).
  m.def(
      "recommend_profiles",
      [](const py::sequence& profiles, const platform& p, const recommend_options& o,
         int threads) {
        const std::vector<profile> copies = profiles_of(profiles);
        fleet_recommendation f;
        {
          py::gil_scoped_release g;
          f = recommend(std::span<const profile>(copies), p, o, threads);
        }
        py::dict d = recommend_dict(std::move(f));
        py::list names;
        for (const auto& w : copies) names.append(w.name);
        d["name"] = names;
        return d;
      },
      "profiles"_a, "platform"_a, "options"_a, "threads"_a = 0,
      "Recommendations of a sequence of Profiles: a dict of per-profile columns "
      "(the choice's figures, arch, compute, decided_by, reason, error) and results "
      "(the Recommendation of each).");
  m.def(
      "recommend_columns",
      [](const py::dict& columns, const platform& p, const recommend_options& o,
         int threads) {
        std::vector<array_d> keep;
        const profile_columns t = columns_of(columns, keep);
        fleet_recommendation f;
        {
          py::gil_scoped_release g;
          f = recommend(t, p, o, threads);
        }
        return recommend_dict(std::move(f));
      },
      "columns"_a, "platform"_a, "options"_a, "threads"_a = 0,
      "Recommendations of profiles given as columns (PROFILE_COLUMNS): as "
      "recommend_profiles.");
}
