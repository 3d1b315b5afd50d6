// SPDX-License-Identifier: MIT
// Full-grid curve (10,113 sizes) against a reference loop in the same process: the
// plain arithmetic of the smooth model with no validation, so the ratio shows what
// validation, CFS throttling and billing cost on top of the bare equation.
#include <benchmark/benchmark.h>

#include <lambdasim/curve.hpp>
#include <lambdasim/predict.hpp>

namespace {
lambdasim::profile example() {
  lambdasim::profile w;
  w.components = {lambdasim::component::cpu(800), lambdasim::component::io(120),
                  lambdasim::component::scaled_io(40, 0.5)};
  w.init_ms = 250;
  w.peak_memory_mb = 180;
  return w;
}

void BM_curve_full_grid(benchmark::State& state) {
  const auto w = example();
  const auto p = lambdasim::platform::aws_lambda();
  const auto prices =
      lambdasim::price_table::aws("us-east-1", lambdasim::architecture::x86_64);
  const Eigen::VectorXd grid = p.memory_grid();
  for (auto _ : state) {
    auto c = lambdasim::curve(w, p, prices, grid);
    benchmark::DoNotOptimize(c.cost_usd.data());
  }
  state.SetItemsProcessed(state.iterations() * grid.size());
}
BENCHMARK(BM_curve_full_grid)->Unit(benchmark::kMicrosecond);

void BM_warm_batch_full_grid(benchmark::State& state) {
  const auto w = example();
  const auto p = lambdasim::platform::aws_lambda();
  const Eigen::VectorXd grid = p.memory_grid();
  Eigen::VectorXd out(grid.size());
  for (auto _ : state) {
    lambdasim::warm_ms(w, p, grid, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * grid.size());
}
BENCHMARK(BM_warm_batch_full_grid)->Unit(benchmark::kMicrosecond);

// Reference: the bare smooth equation, no checks, no billing.
void BM_reference_bare_equation(benchmark::State& state) {
  const auto p = lambdasim::platform::aws_lambda();
  const Eigen::VectorXd grid = p.memory_grid();
  Eigen::VectorXd out(grid.size());
  for (auto _ : state) {
    for (Eigen::Index i = 0; i < grid.size(); ++i) {
      const double s = std::min(grid[i] / p.mb_per_vcpu, p.max_vcpu);
      out[i] = 120 + 800 / std::min(s, 1.0) + 40 / std::min(s / 0.5, 1.0);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * grid.size());
}
BENCHMARK(BM_reference_bare_equation)->Unit(benchmark::kMicrosecond);
}  // namespace

BENCHMARK_MAIN();
