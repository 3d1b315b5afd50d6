// SPDX-License-Identifier: MIT
// Fleet curves and the fused kernels: every batch value equals the scalar forms of
// predict.hpp bit for bit (those evaluate one size at a time, through their own
// checks), whatever the thread count; the billing columns agree with billing.hpp's
// formulas to rounding; hand-computed values for the columns.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <lambdasim/bill.hpp>
#include <lambdasim/curve.hpp>
#include <lambdasim/predict.hpp>
#include <lambdasim/recommend.hpp>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "detail/parallel.hpp"

using namespace lambdasim;

namespace {
std::vector<profile> random_profiles(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto u = [&](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
  };
  std::vector<profile> out;
  for (std::size_t i = 0; i < n; ++i) {
    profile w;
    w.components = {component::cpu(u(0, 3000), 1 + static_cast<int>(rng() % 6)),
                    component::io(u(0, 300)),
                    component::scaled_io(u(0, 200), u(0.1, 2)),
                    component::gc(u(0, 100), u(128, 4096))};
    if (i % 3 == 0) w.components.push_back(component::cpu(u(0, 50)));  // a serial part
    if (i % 5 == 0) w.components[0].work_ms = 0;                       // zero work
    w.init_ms = u(0, 800);
    w.first_call_cpu_ms = i % 2 ? u(0, 200) : 0;
    w.peak_memory_mb = u(0, 1500);
    out.push_back(w);
  }
  return out;
}

bool same(double a, double b) {  // bit for bit, NaN equal to NaN
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// a few ulps apart (or both NaN): the kernels multiply by per-size reciprocals where
// billing.hpp's formulas divide
bool near_ulps(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-15 * std::abs(b);
}

Eigen::VectorXd sample_grid(const platform& p) {
  // every 7th size plus the tier edges and the edges of the range
  std::vector<double> v;
  for (int m = p.min_memory_mb; m <= p.max_memory_mb; m += 7) v.push_back(m);
  for (double m : {1769.0, 3008.0, 3009.0, 5307.0, 5308.0, 10240.0}) v.push_back(m);
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}
}  // namespace

TEST_CASE(
    "curve columns equal the scalar forms bit for bit under every throttling rule") {
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  for (throttling t : {throttling::cfs, throttling::cfs_aligned, throttling::smooth}) {
    platform p = platform::aws_lambda();
    p.throttle = t;
    const Eigen::VectorXd grid = sample_grid(p);
    Eigen::VectorXd warm(grid.size()), cold(grid.size());
    for (const profile& w : random_profiles(40, 7 + static_cast<int>(t))) {
      const curve_result c = curve(w, p, x86, grid);
      warm_ms(w, p, grid, warm);
      cold_ms(w, p, grid, cold);
      int mismatches = 0;
      for (Eigen::Index i = 0; i < grid.size(); ++i) {
        const double m = grid[i];
        const double wm = warm_ms(w, p, m), cm = cold_ms(w, p, m);
        const bool ok = m >= w.peak_memory_mb;
        const double billed = billed_ms(wm, p.billing_granularity_ms);
        const double nan = std::nan("");
        mismatches +=
            !same(c.vcpu[i], p.cpu_share(m)) + !same(c.warm_ms[i], wm) +
            !same(warm[i], wm) + !same(c.cold_ms[i], cm) + !same(cold[i], cm) +
            (c.feasible[i] != ok) + !same(c.warm_billed_ms[i], ok ? billed : nan) +
            !near_ulps(c.gb_s[i], ok ? gb_seconds(billed, m) : nan) +
            !near_ulps(c.cost_usd[i], ok ? invocation_cost_usd(billed, m, x86) : nan) +
            !same(
                component_ms(w.components[0], p, m),
                w.components[0].work_ms == 0 ? 0.0 : [&] {
                  // one component through the batch form
                  profile one;
                  one.components = {w.components[0]};
                  Eigen::VectorXd x(1), y(1);
                  x << m;
                  warm_ms(one, p, x, y);
                  return y[0];
                }());
      }
      CHECK(mismatches == 0);
    }
  }
}

TEST_CASE("fleet curve rows equal single curves bit for bit for any thread count") {
  const platform p = platform::aws_lambda();
  const price_table arm = price_table::aws("us-east-1", architecture::arm64);
  const auto profiles = random_profiles(37, 11);
  const Eigen::VectorXd grid = sample_grid(p);
  for (int threads : {1, 2, 3, 0}) {
    const fleet_curve_result f = curve(profiles, p, arm, grid, threads);
    REQUIRE(f.warm_ms.rows() == 37);
    REQUIRE(f.warm_ms.cols() == grid.size());
    int mismatches = 0;
    for (std::size_t k = 0; k < profiles.size(); ++k) {
      const curve_result c = curve(profiles[k], p, arm, grid);
      const auto r = static_cast<Eigen::Index>(k);
      for (Eigen::Index i = 0; i < grid.size(); ++i)
        mismatches +=
            !same(f.vcpu[i], c.vcpu[i]) + !same(f.warm_ms(r, i), c.warm_ms[i]) +
            !same(f.cold_ms(r, i), c.cold_ms[i]) +
            !same(f.warm_billed_ms(r, i), c.warm_billed_ms[i]) +
            !same(f.gb_s(r, i), c.gb_s[i]) + !same(f.cost_usd(r, i), c.cost_usd[i]) +
            (f.feasible(r, i) != c.feasible[i]);
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("profile columns: rows as Profile(**row) builds them, and hand values") {
  const platform p = platform::aws_lambda();
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  const std::vector<double> cpu{1000, 2000, 0}, threads{1, 2, 4}, io{100, 0, 50},
      init{200, 0, 0}, peak{0, 4000, 0};
  profile_columns t;
  t.set("cpu_ms", cpu);
  t.set("threads", threads);
  t.set("io_ms", io);
  t.set("init_ms", init);
  t.set("peak_memory_mb", peak);
  CHECK(t.rows == 3);
  const profile r1 = t.row(1);
  REQUIRE(r1.components.size() == 2);
  CHECK(r1.components[0] == component::cpu(2000, 2));
  CHECK(r1.components[1] == component::io(0));
  CHECK(r1.peak_memory_mb == 4000);
  Eigen::VectorXd grid(3);
  grid << 1769, 3538, 5308;
  const fleet_curve_result f = curve(t, p, x86, grid, 2);
  // row 0 at 1769 MB: 1000 ms of CPU at one vCPU + 100 ms of I/O; cold adds 200 ms INIT
  CHECK(f.warm_ms(0, 0) == doctest::Approx(1100).epsilon(1e-12));
  CHECK(f.cold_ms(0, 0) == doctest::Approx(1300).epsilon(1e-12));
  // row 1 at 3538 MB: share 2, three visible vCPUs, two threads: 2000 / 2 = 1000 ms;
  // below its 4000 MB peak it is not priced
  CHECK(f.warm_ms(1, 1) == doctest::Approx(1000).epsilon(1e-12));
  CHECK_FALSE(f.feasible(1, 1));
  CHECK(std::isnan(f.cost_usd(1, 1)));
  // row 1 at 5308 MB: share 3.0006, four visible, two threads: 2000 / 2 = 1000 ms,
  // priced
  CHECK(f.warm_ms(1, 2) == doctest::Approx(1000).epsilon(1e-12));
  CHECK(f.warm_billed_ms(1, 2) == 1000);
  CHECK(f.gb_s(1, 2) == doctest::Approx(1.0 * 5308 / 1024).epsilon(1e-12));
  // the same as the span form over the rows
  std::vector<profile> rows{t.row(0), t.row(1), t.row(2)};
  const fleet_curve_result g = curve(rows, p, x86, grid, 1);
  CHECK(f.warm_ms == g.warm_ms);
  CHECK(f.cold_ms == g.cold_ms);
  CHECK(f.feasible == g.feasible);
}

TEST_CASE("profile columns: errors name the row, the column and the value") {
  const platform p = platform::aws_lambda();
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  const std::vector<double> good{1, 2}, bad{1, -5}, half{1, 1.5}, three{1, 2, 3};
  Eigen::VectorXd grid(1);
  grid << 1024;
  profile_columns t;
  CHECK_THROWS_WITH_AS(t.set("cpu_time", good), doctest::Contains("cpu_time"),
                       std::invalid_argument);
  t.set("cpu_ms", good);
  CHECK_THROWS_WITH_AS(t.set("io_ms", three), doctest::Contains("3 rows, expected 2"),
                       std::invalid_argument);
  t.set("io_ms", bad);
  CHECK_THROWS_WITH_AS(curve(t, p, x86, grid),
                       "profiles[1].io_ms = -5: must be finite and >= 0",
                       std::invalid_argument);
  profile_columns k;
  k.set("knee_vcpu", good);
  CHECK_THROWS_WITH_AS(k.validate(),
                       doctest::Contains("knee_vcpu: given without scaled_io_ms"),
                       std::invalid_argument);
  profile_columns h;
  h.set("cpu_ms", good);
  h.set("threads", half);
  CHECK_THROWS_WITH_AS(h.validate(), doctest::Contains("profiles[1].threads = 1.5"),
                       std::invalid_argument);
  std::vector<profile> ps(2);
  ps[0].components = {component::io(1)};  // a profile needs a component
  ps[1].components = {component::cpu(-1)};
  CHECK_THROWS_WITH_AS(curve(ps, p, x86, grid),
                       doctest::Contains("profiles[1].components[0]"),
                       std::invalid_argument);
  ps[1].components = {component::cpu(1)};
  Eigen::VectorXd off(1);
  off << 127;
  CHECK_THROWS_WITH_AS(curve(ps, p, x86, off), doctest::Contains("memory_mb = 127"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(curve(ps, p, x86, grid, -1), doctest::Contains("threads = -1"),
                       std::invalid_argument);
}

TEST_CASE("cached platform and price table equal freshly parsed ones") {
  const platform a = platform::aws_lambda(), b = platform::aws_lambda();
  CHECK(a.to_json() == b.to_json());
  CHECK(a.name == "aws-lambda");
  CHECK(platform::named("aws-lambda-2020").mb_per_vcpu == 1792);
  CHECK_THROWS_AS(platform::named("nope"), std::invalid_argument);
  const price_table x = price_table::aws("us-east-1", architecture::x86_64);
  const price_table y = price_table::aws("us-east-1", architecture::x86_64);
  CHECK(x.duration_tiers.front().usd_per_gb_s == y.duration_tiers.front().usd_per_gb_s);
  CHECK(x.duration_tiers.front().usd_per_gb_s == 0.0000166667);
  CHECK(price_table::aws("us-east-1", architecture::arm64)
            .duration_tiers.front()
            .usd_per_gb_s == 0.0000133334);
}

TEST_CASE(
    "fleet bill curves equal single bill curves bit for bit for any thread count") {
  const platform p = platform::aws_lambda();
  const price_table x86 = price_table::aws("eu-west-1", architecture::x86_64);
  const auto profiles = random_profiles(23, 5);
  const Eigen::VectorXd grid = sample_grid(p);
  bill_options o;
  o.requests_per_month = 3e7;
  o.cold_fraction = 0.02;
  o.storage_mb = 2048;
  o.free_tier = true;
  for (int threads : {1, 2, 3, 0}) {
    fleet_bill_curve_result f = bill_curve(profiles, p, x86, grid, o, threads);
    REQUIRE(f.total_usd.rows() == 23);
    int mismatches = 0;
    for (std::size_t k = 0; k < profiles.size(); ++k) {
      const bill_curve_result c = bill_curve(profiles[k], p, x86, grid, o);
      const Eigen::VectorXd* single[] = {
          &c.requests,  &c.gb_s,          &c.compute_usd,     &c.requests_usd,
          &c.init_usd,  &c.storage_usd,   &c.provisioned_usd, &c.snapstart_usd,
          &c.total_usd, &c.billable_gb_s, &c.warm_billed_ms,  &c.powertuning_usd};
      const auto r = static_cast<Eigen::Index>(k);
      const auto cols = f.columns();
      for (Eigen::Index i = 0; i < grid.size(); ++i) {
        for (std::size_t j = 0; j < cols.size(); ++j)
          mismatches += !same((*cols[j])(r, i), (*single[j])[i]);
        mismatches += f.feasible(r, i) != c.feasible[i];
        // and the one-size bill where it is priced
        if (c.feasible[i] && i % 97 == 0)
          mismatches += !same(compute_bill(profiles[k], p, x86, grid[i], o).total_usd,
                              c.total_usd[i]);
      }
    }
    CHECK(mismatches == 0);
  }
  // hand value: 1000 ms of CPU at 1769 MB (one vCPU), 1e6 requests, no free tier:
  // 1e6 x 1 s x 1769/1024 GB x 0.0000166667 + 1e6 x 0.20 / 1e6
  profile w;
  w.components = {component::cpu(1000)};
  bill_options q;
  q.requests_per_month = 1e6;
  const price_table use1 = price_table::aws("us-east-1", architecture::x86_64);
  Eigen::VectorXd one(1);
  one << 1769;
  const std::vector<double> cpu{1000};
  profile_columns t;
  t.set("cpu_ms", cpu);
  const fleet_bill_curve_result h = bill_curve(t, p, use1, one, q, 1);
  CHECK(h.total_usd(0, 0) ==
        doctest::Approx(1e6 * 1769 / 1024.0 * 0.0000166667 + 0.2).epsilon(1e-12));
  // the columns form errors name the row
  const std::vector<double> peak{20000};
  t.set("peak_memory_mb", peak);
  CHECK_THROWS_WITH_AS(bill_curve(t, p, use1, one, q),
                       doctest::Contains("profiles[0]."), std::invalid_argument);
}

TEST_CASE("the thread pool is persistent: repeated calls reuse the same threads") {
  std::set<std::thread::id> seen;
  std::mutex m;
  const auto caller = std::this_thread::get_id();
  std::vector<int> out(1000);
  for (int call = 0; call < 50; ++call) {
    detail::parallel_blocks(out.size(), 4, 1, [&](std::size_t b, std::size_t e) {
      for (std::size_t i = b; i < e; ++i) out[i] = static_cast<int>(i) * 2;
      std::lock_guard<std::mutex> lock(m);
      seen.insert(std::this_thread::get_id());
    });
  }
  seen.erase(caller);
  // 3 workers run the blocks 1..3 of every call; never a thread per call
  CHECK(seen.size() <= 3);
  CHECK(detail::pool_threads_started() >= 3);
  CHECK(detail::pool_threads_started() < 50);
  for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i] == static_cast<int>(i) * 2);
  // nested calls (from inside a block) run on the calling worker, without deadlock
  std::vector<int> nested(64, 0);
  detail::parallel_blocks(8, 4, 1, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i)
      detail::parallel_blocks(8, 4, 1, [&](std::size_t bb, std::size_t ee) {
        for (std::size_t j = bb; j < ee; ++j) nested[i * 8 + j] = 1;
      });
  });
  int total = 0;
  for (int v : nested) total += v;
  CHECK(total == 64);
  // an exception in a block reaches the caller after every block finished
  CHECK_THROWS_AS(detail::parallel_blocks(100, 4, 1,
                                          [&](std::size_t b, std::size_t) {
                                            if (b > 0) throw std::runtime_error("x");
                                          }),
                  std::runtime_error);
}

TEST_CASE("fleet recommendations equal single recommendations for any thread count") {
  const platform p = platform::aws_lambda();
  auto profiles = random_profiles(6, 9);
  recommend_options o;
  o.requests_per_month = 5e6;
  o.max_warm_ms = 4000;
  o.memory_mb = Eigen::VectorXd::LinSpaced(40, 128, 10240).array().round();
  profiles[4].components = {component::io(5000)};  // never under 4 s: impossible
  for (int threads : {1, 2, 0}) {
    const fleet_recommendation f = recommend(profiles, p, o, threads);
    REQUIRE(f.results.size() == profiles.size());
    for (std::size_t k = 0; k < profiles.size(); ++k) {
      CAPTURE(k);
      if (k == 4) {
        CHECK_THROWS_WITH_AS(recommend(profiles[k], p, o), f.errors[k].c_str(),
                             std::invalid_argument);
        CHECK(f.errors[k].find("max_warm_ms") != std::string::npos);
        continue;
      }
      CHECK(f.errors[k].empty());
      const recommendation r = recommend(profiles[k], p, o);
      const recommend_candidate &a = f.results[k].chosen, &b = r.chosen;
      CHECK(same(a.memory_mb, b.memory_mb));
      CHECK(a.arch == b.arch);
      CHECK(same(a.warm_ms, b.warm_ms));
      CHECK(same(a.monthly_usd, b.monthly_usd));
      CHECK(same(a.latency_ms, b.latency_ms));
      CHECK(f.results[k].reason == r.reason);
      CHECK(f.results[k].runners_up.size() == r.runners_up.size());
    }
  }
  // bad options are thrown, not recorded
  recommend_options bad = o;
  bad.weight = 2;
  CHECK_THROWS_WITH_AS(recommend(profiles, p, bad), doctest::Contains("weight = 2"),
                       std::invalid_argument);
}
