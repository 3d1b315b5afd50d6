// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/simulate.hpp>

void bind_simulate(py::module_& m) {
  using namespace lambdasim;
  py::class_<keep_alive_model>(m, "KeepAlive")
      .def(py::init<>())
      .def_static("fixed", &keep_alive_model::fixed, "seconds"_a)
      .def_static("empirical", &keep_alive_model::empirical, "idle_s"_a, "warm"_a, "trials"_a)
      .def_readwrite("fixed_s", &keep_alive_model::fixed_s)
      .def_readwrite("idle_s", &keep_alive_model::idle_s)
      .def_readwrite("survival", &keep_alive_model::survival)
      .def_property_readonly("is_fixed", &keep_alive_model::is_fixed)
      .def("validate", &keep_alive_model::validate)
      .def("quantile", &keep_alive_model::quantile, "u"_a)
      .def("mean_s", &keep_alive_model::mean_s)
      .def("__repr__", [](const keep_alive_model& k) {
        if (k.is_fixed()) return "KeepAlive.fixed(" + detail::format_number(k.fixed_s) + ")";
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
               ", max_lifetime_max_s=" + detail::format_number(r.max_lifetime_max_s) + ")";
      });
  py::class_<pool_model>(m, "PoolModel")
      .def_static("named", &pool_model::named, "platform_name"_a)
      .def_static("from_json", &pool_model::from_json, "text"_a, "origin"_a = "<json>")
      .def_static("load", &pool_model::load, "path"_a)
      .def_readonly("name", &pool_model::name)
      .def_readonly("keep_alive", &pool_model::keep_alive)
      .def_readonly("recycling", &pool_model::recycling);
  py::class_<simulate_options>(m, "SimulateOptions")
      .def(py::init<>())
      .def_readwrite("memory_mb", &simulate_options::memory_mb)
      .def_readwrite("keep_alive", &simulate_options::keep_alive)
      .def_readwrite("recycling", &simulate_options::recycling)
      .def_readwrite("reserved_concurrency", &simulate_options::reserved_concurrency)
      .def_readwrite("provisioned_concurrency", &simulate_options::provisioned_concurrency)
      .def_readwrite("initial_instances", &simulate_options::initial_instances)
      .def_readwrite("seed", &simulate_options::seed)
      .def_readwrite("replications", &simulate_options::replications)
      .def_readwrite("threads", &simulate_options::threads)
      .def_readwrite("timeline_bins", &simulate_options::timeline_bins)
      .def_readwrite("progress_every", &simulate_options::progress_every)
      .def_readwrite("max_requests", &simulate_options::max_requests,
                     "Guard: simulate() refuses more expected requests (over all "
                     "replications), with an estimate of the time they would take.")
      .def("validate", &simulate_options::validate);
  py::class_<log_histogram>(m, "LogHistogram")
      .def_property_readonly("counts",
                             [](const log_histogram& h) {
                               const auto& c = h.counts();
                               return py::array_t<std::uint64_t>(
                                   static_cast<py::ssize_t>(c.size()), c.data());
                             })
      .def_property_readonly("count", &log_histogram::count)
      .def("quantile", &log_histogram::quantile, "q"_a)
      .def_static("edges",
                  [] {
                    py::array_t<double> e(log_histogram::buckets + 3);
                    auto* d = e.mutable_data();
                    for (int i = 0; i <= log_histogram::buckets + 1; ++i)
                      d[i] = log_histogram::lower_edge(i);
                    d[log_histogram::buckets + 2] = std::numeric_limits<double>::infinity();
                    return e;
                  })
      .def_property_readonly_static(
          "relative_error", [](const py::object&) { return log_histogram::relative_error; });
  py::class_<latency_stats>(m, "LatencyStats")
      .def_readonly("count", &latency_stats::count)
      .def_readonly("mean_ms", &latency_stats::mean_ms)
      .def_readonly("min_ms", &latency_stats::min_ms)
      .def_readonly("max_ms", &latency_stats::max_ms)
      .def_readonly("p50_ms", &latency_stats::p50_ms)
      .def_readonly("p90_ms", &latency_stats::p90_ms)
      .def_readonly("p99_ms", &latency_stats::p99_ms)
      .def_readonly("p999_ms", &latency_stats::p999_ms);
  py::class_<simulation_result>(m, "SimulationResult")
      .def_readonly("requests", &simulation_result::requests)
      .def_readonly("served", &simulation_result::served)
      .def_readonly("cold_starts", &simulation_result::cold_starts)
      .def_readonly("throttled", &simulation_result::throttled)
      .def_readonly("provisioned_served", &simulation_result::provisioned_served)
      .def_readonly("recycled", &simulation_result::recycled)
      .def_readonly("expired", &simulation_result::expired)
      .def_readonly("cold_fraction", &simulation_result::cold_fraction)
      .def_readonly("warm", &simulation_result::warm)
      .def_readonly("cold", &simulation_result::cold)
      .def_readonly("all", &simulation_result::all)
      .def_readonly("mean_concurrency", &simulation_result::mean_concurrency)
      .def_readonly("peak_concurrency", &simulation_result::peak_concurrency)
      .def_readonly("mean_instances", &simulation_result::mean_instances)
      .def_readonly("peak_instances", &simulation_result::peak_instances)
      .def_readonly("instance_seconds", &simulation_result::instance_seconds)
      .def_readonly("busy_seconds", &simulation_result::busy_seconds)
      .def_readonly("period_s", &simulation_result::period_s)
      .def_readonly("replications", &simulation_result::replications)
      .def_readonly("warm_ms", &simulation_result::warm_ms)
      .def_readonly("cold_ms", &simulation_result::cold_ms)
      .def_readonly("memory_mb", &simulation_result::memory_mb)
      .def_readonly("provisioned_concurrency", &simulation_result::provisioned_concurrency)
      .def_readonly("seed", &simulation_result::seed)
      .def_readonly("keep_alive", &simulation_result::keep_alive)
      .def_readonly("recycling", &simulation_result::recycling)
      .def_readonly("warm_hist", &simulation_result::warm_hist)
      .def_readonly("cold_hist", &simulation_result::cold_hist)
      .def_readonly("bin_s", &simulation_result::bin_s)
      .def_readonly("timeline_arrivals", &simulation_result::timeline_arrivals)
      .def_readonly("timeline_cold_starts", &simulation_result::timeline_cold_starts)
      .def_readonly("timeline_throttled", &simulation_result::timeline_throttled)
      .def_readonly("timeline_busy_s", &simulation_result::timeline_busy_s);
  m.def(
      "simulate",
      [](const profile& w, const platform& p, const arrivals& a, const simulate_options& o,
         std::optional<py::function> progress) {
        // Always called (with the GIL) so Ctrl-C interrupts a long run.
        progress_callback cb = [progress](std::uint64_t done) {
          py::gil_scoped_acquire g;
          if (PyErr_CheckSignals() != 0) throw py::error_already_set();
          if (progress) (*progress)(done);
        };
        py::gil_scoped_release g;
        return simulate(w, p, a, o, cb);
      },
      "profile"_a, "platform"_a, "arrivals"_a, "options"_a, "progress"_a = py::none());
  m.attr("mean_month_hours") = mean_month_hours;
  m.def("simulated_bill", &simulated_bill, "result"_a, "profile"_a, "platform"_a, "prices"_a,
        py::arg_v("options", bill_options{}, "BillOptions()"),
        "month_hours"_a = mean_month_hours);
  m.def("cold_probability",
        py::overload_cast<double, const keep_alive_model&>(&cold_probability),
        "rate_per_s"_a, "keep_alive"_a);
  m.def("cold_probability", py::overload_cast<double, double>(&cold_probability),
        "rate_per_s"_a, "keep_alive_s"_a);
}
