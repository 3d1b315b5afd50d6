// SPDX-License-Identifier: MIT
// The instance-pool simulator: simulated requests per second on one core for Poisson
// arrivals at about 10 concurrent instances, against a reference loop in the same
// process (the bare M/G/infinity queue: exponential gaps, lognormal durations, a heap
// of end times, nothing else), and the process's peak memory (max RSS) after 1 M and
// after 100 M simulated requests, which must stay flat.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <lambdasim/simulate.hpp>
#include <queue>
#include <random>
#include <vector>

namespace {
// 100 ms warm at one vCPU, 300 ms INIT, cv 0.3; 100 requests/s -> 10 running at once
lambdasim::profile example() {
  lambdasim::profile w;
  w.components = {lambdasim::component::cpu(100)};
  w.init_ms = 300;
  w.cv = 0.3;
  return w;
}
constexpr double rate = 100;

double max_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

void run(benchmark::State& state, double requests) {
  const auto w = example();
  const auto p = lambdasim::platform::aws_lambda();
  lambdasim::simulate_options o;
  o.memory_mb = 1769;
  o.threads = 1;
  const auto a = lambdasim::arrivals::poisson(rate, requests / rate);
  std::uint64_t n = 0;
  double conc = 0;
  for (auto _ : state) {
    auto r = lambdasim::simulate(w, p, a, o);
    n += r.requests;
    conc = r.mean_concurrency;
    benchmark::DoNotOptimize(r.all.p99_ms);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
  state.counters["mean_concurrency"] = conc;
  state.counters["max_rss_mb"] = max_rss_mb();
}

void BM_simulate_poisson_1M(benchmark::State& state) {
  run(state, 1e6);
}
BENCHMARK(BM_simulate_poisson_1M)->Unit(benchmark::kMillisecond);

// Reference: the same arrivals and durations through a bare heap of end times.
void BM_reference_queue_1M(benchmark::State& state) {
  const double sigma = std::sqrt(std::log1p(0.09)), mu = -sigma * sigma / 2;
  std::uint64_t n = 0;
  for (auto _ : state) {
    std::mt19937_64 g(1);
    auto u = [&] { return static_cast<double>(g() >> 11) * 0x1.0p-53; };
    std::priority_queue<double, std::vector<double>, std::greater<>> busy;
    double t = 0, sum = 0;
    const double end = 1e6 / rate;
    while (true) {
      t += -std::log(1 - u()) / rate;
      if (t >= end) break;
      while (!busy.empty() && busy.top() <= t) busy.pop();
      // Box-Muller normal for the lognormal factor
      const double z = std::sqrt(-2 * std::log(1 - u())) * std::cos(2 * M_PI * u());
      const double d = 0.1 * std::exp(mu + sigma * z);
      sum += d;
      busy.push(t + d);
      ++n;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
}
BENCHMARK(BM_reference_queue_1M)->Unit(benchmark::kMillisecond);

// Peak memory: read max_rss_mb after each; the 100 M run must not raise it.
void BM_simulate_poisson_100M(benchmark::State& state) {
  run(state, 1e8);
}
BENCHMARK(BM_simulate_poisson_100M)->Unit(benchmark::kMillisecond)->Iterations(1);
}  // namespace

BENCHMARK_MAIN();
