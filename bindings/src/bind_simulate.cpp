// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/simulate.hpp>

void bind_simulate(py::module_& m) {
  using namespace lambdasim;
  py::class_<simulate_options>(
      m, "SimulateOptions",
      "Options of simulate(): memory size, keep-alive and recycling (default: the "
      "platform's recorded model), provisioned and reserved concurrency, seed, "
      "replications, threads and the run-time guard. C++ owns the defaults.")
      .def(py::init<>())
      .def_readwrite("memory_mb", &simulate_options::memory_mb,
                     "Required: a size on the platform grid")
      .def_readwrite("keep_alive", &simulate_options::keep_alive,
                     "Keep alive: default: the platform's")
      .def_readwrite("recycling", &simulate_options::recycling,
                     "Recycling: default: the platform's")
      .def_readwrite("reserved_concurrency", &simulate_options::reserved_concurrency,
                     "Cap on running requests; none = no cap")
      .def_readwrite(
          "provisioned_concurrency", &simulate_options::provisioned_concurrency,
          "Provisioned concurrency: instances kept warm: instances always warm")
      .def_readwrite(
          "initial_instances", &simulate_options::initial_instances,
          "On-demand instances already warm and idle at t = 0 (as if a request had "
          "just ended; fresh lifetimes). Unset: arrivals::warm_at_start (a recorded "
          "trace that started warm starts warm; 0 otherwise).")
      .def_readwrite("seed", &simulate_options::seed,
                     "Random seed (an integer >= 0): the same seed gives the same "
                     "numbers on every machine.")
      .def_readwrite("replications", &simulate_options::replications,
                     "Independent runs, merged; stream i seeded from (seed, i)")
      .def_readwrite("threads", &simulate_options::threads,
                     "0 = hardware threads; results never depend on it")
      .def_readwrite("timeline_bins", &simulate_options::timeline_bins,
                     "Resolution of the timeline over the period (0 = none)")
      .def_readwrite("progress_every", &simulate_options::progress_every,
                     "Requests between progress callbacks")
      .def_readwrite("max_requests", &simulate_options::max_requests,
                     "Guard: simulate() refuses more expected requests (over all "
                     "replications), with an estimate of the time they would take.")
      .def_readwrite("cold_fraction_level", &simulate_options::cold_fraction_level,
                     "Confidence of the interval around the simulated cold fraction "
                     "(SimulationResult.cold_fraction_lo/hi), in (0, 1).")
      .def("validate", &simulate_options::validate,
           "Raises ValueError naming the bad field");
  py::class_<latency_stats>(
      m, "LatencyStats",
      "Latency of one class of requests (ms, as the caller sees it: a cold request "
      "includes INIT). Percentiles within log_histogram::relative_error (0.2 %) of the "
      "exact nearest-rank percentile; NaN when count is 0.")
      .def_readonly("count", &latency_stats::count, "Number of requests in the class.")
      .def_readonly("mean_ms", &latency_stats::mean_ms, "Mean latency (ms).")
      .def_readonly("min_ms", &latency_stats::min_ms, "Shortest latency (ms).")
      .def_readonly("max_ms", &latency_stats::max_ms, "Longest latency (ms).")
      .def_readonly("p50_ms", &latency_stats::p50_ms, "Median latency (ms).")
      .def_readonly("p90_ms", &latency_stats::p90_ms, "90th percentile latency (ms).")
      .def_readonly("p99_ms", &latency_stats::p99_ms, "99th percentile latency (ms).")
      .def_readonly("p999_ms", &latency_stats::p999_ms,
                    "99.9th percentile latency (ms).");
  py::class_<simulation_result>(
      m, "SimulationResult",
      "Totals are over all replications; period_s is one replication's period; mean_* "
      "are time averages over all replications.")
      .def_readonly("requests", &simulation_result::requests,
                    "Number of requests: arrivals")
      .def_readonly("served", &simulation_result::served,
                    "Requests served (not throttled): requests - throttled")
      .def_readonly("cold_starts", &simulation_result::cold_starts,
                    "Number of cold starts.")
      .def_readonly("throttled", &simulation_result::throttled,
                    "Rejected at the reserved-concurrency cap")
      .def_readonly("provisioned_served", &simulation_result::provisioned_served,
                    "Served by provisioned instances")
      .def_readonly("recycled", &simulation_result::recycled,
                    "Instances retired by recycling")
      .def_readonly("expired", &simulation_result::expired,
                    "Instances reclaimed after their keep-alive")
      .def_readonly("cold_fraction", &simulation_result::cold_fraction,
                    "Cold_starts / served (NaN if none served)")
      .def_readonly("cold_fraction_lo", &simulation_result::cold_fraction_lo,
                    "Lower end of the exact (Clopper-Pearson) interval of the cold "
                    "fraction at cold_fraction_level.")
      .def_readonly("cold_fraction_hi", &simulation_result::cold_fraction_hi,
                    "Upper end of the exact (Clopper-Pearson) interval of the cold "
                    "fraction at cold_fraction_level.")
      .def_readonly("cold_fraction_level", &simulation_result::cold_fraction_level,
                    "Confidence level of cold_fraction_lo/hi.")
      .def_readonly("warm", &simulation_result::warm,
                    "Latency statistics of the warm requests (LatencyStats, ms).")
      .def_readonly(
          "cold", &simulation_result::cold,
          "Latency statistics of the cold requests, INIT included (LatencyStats, ms).")
      .def_readonly("all", &simulation_result::all,
                    "Latency statistics of every served request (LatencyStats, ms).")
      .def_readonly("mean_concurrency", &simulation_result::mean_concurrency,
                    "Time-average of running requests")
      .def_readonly("peak_concurrency", &simulation_result::peak_concurrency,
                    "Most requests running at once")
      .def_readonly("mean_instances", &simulation_result::mean_instances,
                    "Time-average of live instances (incl. provisioned)")
      .def_readonly("peak_instances", &simulation_result::peak_instances,
                    "Largest number of instances at once.")
      .def_readonly("instance_seconds", &simulation_result::instance_seconds,
                    "Live instance time within the period(s)")
      .def_readonly("busy_seconds", &simulation_result::busy_seconds,
                    "Sum of request durations")
      .def_readonly("period_s", &simulation_result::period_s,
                    "Simulated period (seconds).")
      .def_readonly("replications", &simulation_result::replications,
                    "Independent runs merged into the result.")
      .def_readonly("warm_ms", &simulation_result::warm_ms,
                    "Model warm duration at memory_mb")
      .def_readonly("cold_ms", &simulation_result::cold_ms,
                    "Model cold duration at memory_mb")
      .def_readonly("memory_mb", &simulation_result::memory_mb, "Memory size (MB).")
      .def_readonly("provisioned_concurrency",
                    &simulation_result::provisioned_concurrency,
                    "Provisioned concurrency: instances kept warm.")
      .def_readonly("seed", &simulation_result::seed,
                    "Random seed (an integer >= 0): the same seed gives the same "
                    "numbers on every machine.")
      .def_readonly("keep_alive", &simulation_result::keep_alive, "Keep alive: as used")
      .def_readonly("recycling", &simulation_result::recycling, "Recycling: as used")
      .def_readonly("warm_hist", &simulation_result::warm_hist,
                    "Warm hist: latency histograms (ms)")
      .def_readonly("cold_hist", &simulation_result::cold_hist,
                    "Cold hist: latency histograms (ms)")
      .def_readonly(
          "bin_s", &simulation_result::bin_s,
          "Timeline: bins of bin_s over the period; per bin, summed over replications: "
          "arrivals, cold starts, throttles, and busy seconds of requests starting in "
          "the bin (mean concurrency = busy_s / (bin_s * replications)).")
      .def_readonly(
          "timeline_arrivals", &simulation_result::timeline_arrivals,
          "Timeline: bins of bin_s over the period; per bin, summed over replications: "
          "arrivals, cold starts, throttles, and busy seconds of requests starting in "
          "the bin (mean concurrency = busy_s / (bin_s * replications)).")
      .def_readonly(
          "timeline_cold_starts", &simulation_result::timeline_cold_starts,
          "Timeline: bins of bin_s over the period; per bin, summed over replications: "
          "arrivals, cold starts, throttles, and busy seconds of requests starting in "
          "the bin (mean concurrency = busy_s / (bin_s * replications)).")
      .def_readonly(
          "timeline_throttled", &simulation_result::timeline_throttled,
          "Timeline: bins of bin_s over the period; per bin, summed over replications: "
          "arrivals, cold starts, throttles, and busy seconds of requests starting in "
          "the bin (mean concurrency = busy_s / (bin_s * replications)).")
      .def_readonly(
          "timeline_busy_s", &simulation_result::timeline_busy_s,
          "Timeline: bins of bin_s over the period; per bin, summed over replications: "
          "arrivals, cold starts, throttles, and busy seconds of requests starting in "
          "the bin (mean concurrency = busy_s / (bin_s * replications)).");
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
      "profile"_a, "platform"_a, "arrivals"_a, "options"_a, "progress"_a = py::none(),
      "Simulates the arrivals against the platform's instance pool, with warm and cold "
      "durations of the profile at opt.memory_mb (predict.hpp) times a lognormal "
      "factor of mean 1 and the profile's cv. Reproducible bit for bit for a given "
      "seed, whatever the thread count. Raises ValueError for an invalid profile, "
      "platform, arrivals or option");
  m.attr("mean_month_hours") = mean_month_hours;
  m.attr("simulated_requests_per_s") = simulated_requests_per_s;
  m.def("simulated_bill", &simulated_bill, "result"_a, "profile"_a, "platform"_a,
        "prices"_a, py::arg_v("options", bill_options{}, "BillOptions()"),
        "month_hours"_a = mean_month_hours,
        "The month's bill (bill.hpp) of what was simulated: the served requests per "
        "period scaled to month_hours, the simulated cold fraction of on-demand "
        "requests, the provisioned concurrency enabled all month and the simulated "
        "share of requests it served. Every other bill option (free tier, storage, "
        "date, ...) is taken from o. Throttled requests are not billed. Raises "
        "ValueError as compute_bill, or unless 0 < month_hours <= 744");
}
