// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/simulate.hpp>

void bind_simulate(py::module_& m) {
  using namespace lambdasim;
  py::class_<simulate_options>(m, "SimulateOptions")
      .def(py::init<>())
      .def_readwrite("memory_mb", &simulate_options::memory_mb)
      .def_readwrite("keep_alive", &simulate_options::keep_alive)
      .def_readwrite("recycling", &simulate_options::recycling)
      .def_readwrite("reserved_concurrency", &simulate_options::reserved_concurrency)
      .def_readwrite("provisioned_concurrency",
                     &simulate_options::provisioned_concurrency)
      .def_readwrite("initial_instances", &simulate_options::initial_instances)
      .def_readwrite("seed", &simulate_options::seed)
      .def_readwrite("replications", &simulate_options::replications)
      .def_readwrite("threads", &simulate_options::threads)
      .def_readwrite("timeline_bins", &simulate_options::timeline_bins)
      .def_readwrite("progress_every", &simulate_options::progress_every)
      .def_readwrite("max_requests", &simulate_options::max_requests,
                     "Guard: simulate() refuses more expected requests (over all "
                     "replications), with an estimate of the time they would take.")
      .def_readwrite("cold_fraction_level", &simulate_options::cold_fraction_level,
                     "Confidence of the interval around the simulated cold fraction "
                     "(SimulationResult.cold_fraction_lo/hi), in (0, 1).")
      .def("validate", &simulate_options::validate);
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
      .def_readonly("cold_fraction_lo", &simulation_result::cold_fraction_lo)
      .def_readonly("cold_fraction_hi", &simulation_result::cold_fraction_hi)
      .def_readonly("cold_fraction_level", &simulation_result::cold_fraction_level)
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
      .def_readonly("provisioned_concurrency",
                    &simulation_result::provisioned_concurrency)
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
      "clopper_pearson",
      [](std::uint64_t x, std::uint64_t n, double level) {
        const auto ci = clopper_pearson(x, n, level);
        return py::make_tuple(ci.lo, ci.hi);
      },
      "x"_a, "n"_a, "level"_a,
      "Exact (Clopper-Pearson) two-sided interval (lo, hi) of a binomial proportion: "
      "x successes in n trials at confidence level (beta quantiles; NaN for n = 0).");
  m.def(
      "simulate",
      [](const profile& w, const platform& p, const arrivals& a,
         const simulate_options& o, std::optional<py::function> progress) {
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
  m.def("simulated_bill", &simulated_bill, "result"_a, "profile"_a, "platform"_a,
        "prices"_a, py::arg_v("options", bill_options{}, "BillOptions()"),
        "month_hours"_a = mean_month_hours);
}
