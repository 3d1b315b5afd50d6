// SPDX-License-Identifier: MIT
// Full-grid curve (10,113 sizes) against a reference loop in the same process: the
// plain arithmetic of the smooth model with no validation, so the ratio shows what
// validation, CFS throttling and billing cost on top of the bare equation.
#include <benchmark/benchmark.h>

#include <lambdasim/curve.hpp>
#include <lambdasim/predict.hpp>
#include <vector>

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

// The allocation-free form: one profile as a fleet of one, into buffers reused across
// calls (what a caller streaming many curves does).
void BM_curve_full_grid_reused_buffers(benchmark::State& state) {
  const auto w = example();
  auto p = lambdasim::platform::aws_lambda();
  if (state.range(0) == 0) p.throttle = lambdasim::throttling::smooth;
  const auto prices =
      lambdasim::price_table::aws("us-east-1", lambdasim::architecture::x86_64);
  const Eigen::VectorXd grid = p.memory_grid();
  const Eigen::Index n = grid.size();
  Eigen::VectorXd vcpu(n);
  lambdasim::row_matrix warm(1, n), cold(1, n), billed(1, n), gb_s(1, n), cost(1, n);
  lambdasim::bool_row_matrix feasible(1, n);
  for (auto _ : state) {
    lambdasim::curve(std::span<const lambdasim::profile>(&w, 1), p, prices, grid,
                     {vcpu, warm, cold, billed, gb_s, cost, feasible}, 1);
    benchmark::DoNotOptimize(cost.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.SetLabel(state.range(0) == 0 ? "smooth" : "cfs");
}
BENCHMARK(BM_curve_full_grid_reused_buffers)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);

// 10,000 profiles x 64 sizes from columns (as a DataFrame gives them), into reused
// buffers; threads as the argument (0 = every core).
void BM_fleet_columns_10000x64(benchmark::State& state) {
  const auto p = [] {
    auto q = lambdasim::platform::aws_lambda();
    q.throttle = lambdasim::throttling::smooth;
    return q;
  }();
  const auto prices =
      lambdasim::price_table::aws("us-east-1", lambdasim::architecture::x86_64);
  const Eigen::Index rows = 10000, n = 64;
  const Eigen::VectorXd grid =
      Eigen::VectorXd::LinSpaced(n, 128, 10240).array().round().matrix();
  std::vector<double> cpu(rows), threads(rows), io(rows), sio(rows), knee(rows),
      init(rows), peak(rows);
  std::uint64_t x = 1;
  auto u = [&](double lo, double hi) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return lo + (hi - lo) * static_cast<double>(x >> 11) * 0x1.0p-53;
  };
  for (Eigen::Index i = 0; i < rows; ++i) {
    cpu[i] = u(0, 3000);
    threads[i] = 1 + static_cast<int>(u(0, 6));
    io[i] = u(0, 300);
    sio[i] = u(0, 200);
    knee[i] = u(0.1, 2);
    init[i] = u(0, 800);
    peak[i] = u(0, 1500);
  }
  lambdasim::profile_columns t;
  t.set("cpu_ms", cpu);
  t.set("threads", threads);
  t.set("io_ms", io);
  t.set("scaled_io_ms", sio);
  t.set("knee_vcpu", knee);
  t.set("init_ms", init);
  t.set("peak_memory_mb", peak);
  Eigen::VectorXd vcpu(n);
  lambdasim::row_matrix warm(rows, n), cold(rows, n), billed(rows, n), gb_s(rows, n),
      cost(rows, n);
  lambdasim::bool_row_matrix feasible(rows, n);
  for (auto _ : state) {
    lambdasim::curve(t, p, prices, grid,
                     {vcpu, warm, cold, billed, gb_s, cost, feasible},
                     static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(cost.data());
  }
  state.SetItemsProcessed(state.iterations() * rows * n);
}
BENCHMARK(BM_fleet_columns_10000x64)
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

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
