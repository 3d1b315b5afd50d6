// SPDX-License-Identifier: MIT
// Recommendations against brute-force searches of the grid written here, the
// simulator's percentiles, and a hand calculation of the provisioned-concurrency
// break-even.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <lambdasim/bill.hpp>
#include <lambdasim/curve.hpp>
#include <lambdasim/predict.hpp>
#include <lambdasim/recommend.hpp>
#include <lambdasim/simulate.hpp>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace lambdasim;

namespace {

profile api_handler() {  // the demo's example
  profile w;
  w.name = "api-handler";
  w.components = {component::cpu(800), component::io(120)};
  w.init_ms = 250;
  w.peak_memory_mb = 180;
  return w;
}

struct pt {
  double m, warm, cost;
  architecture a;
};

/// Every (size, arch) of the full grid with its warm duration and per-invocation cost,
/// from curve(), feasible under the headroom rule and max_warm (written out here).
std::vector<pt> grid_points(const profile& w, const std::vector<architecture>& archs,
                            double headroom, double max_warm = 1e300,
                            const Eigen::VectorXd* sizes = nullptr) {
  const platform p = platform::aws_lambda();
  std::vector<pt> out;
  for (architecture a : archs) {
    const price_table t = price_table::aws("us-east-1", a);
    const curve_result c = sizes ? curve(w, p, t, *sizes) : curve(w, p, t);
    for (Eigen::Index i = 0; i < c.memory_mb.size(); ++i) {
      if (c.memory_mb[i] < w.peak_memory_mb * (1 + headroom)) continue;
      if (c.warm_ms[i] > max_warm) continue;
      out.push_back({c.memory_mb[i], c.warm_ms[i], c.cost_usd[i], a});
    }
  }
  return out;
}

/// Brute force: index of the best point under a strategy (ties as documented: cost ->
/// faster, speed -> cheaper, then smaller memory, then arch order).
std::size_t brute(const std::vector<pt>& v, recommend_strategy s, double w = 0.5) {
  double cmax = 0, dmax = 0;
  for (const pt& x : v) {
    cmax = std::max(cmax, x.cost);
    dmax = std::max(dmax, x.warm);
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    const pt& a = v[i];
    const pt& b = v[best];
    bool better = false;
    if (s == recommend_strategy::cost)
      better = a.cost < b.cost || (a.cost == b.cost && a.warm < b.warm);
    else if (s == recommend_strategy::speed)
      better = a.warm < b.warm || (a.warm == b.warm && a.cost < b.cost);
    else {
      const double sa = w * a.cost / cmax + (1 - w) * a.warm / dmax;
      const double sb = w * b.cost / cmax + (1 - w) * b.warm / dmax;
      better = sa < sb ||
               (sa == sb && (a.cost < b.cost || (a.cost == b.cost && a.warm < b.warm)));
    }
    if (better) best = i;
  }
  return best;
}

/// Brute-force knee: the Pareto front by pairwise dominance, then the largest
/// 1 - x - y with x, y scaled between the front's ends.
std::size_t brute_knee(const std::vector<pt>& v) {
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < v.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < v.size() && !dominated; ++j)
      dominated = (v[j].cost <= v[i].cost && v[j].warm <= v[i].warm) &&
                  (v[j].cost < v[i].cost || v[j].warm < v[i].warm);
    if (!dominated) front.push_back(i);
  }
  double c0 = 1e300, c1 = -1e300, d0 = -1e300, d1 = 1e300;
  for (std::size_t i : front) {
    c0 = std::min(c0, v[i].cost);
    c1 = std::max(c1, v[i].cost);
    d0 = std::max(d0, v[i].warm);
    d1 = std::min(d1, v[i].warm);
  }
  std::size_t best = front[0];
  double bv = -1e300;
  for (std::size_t i : front) {
    const double val = 1 - (v[i].cost - c0) / (c1 - c0) - (v[i].warm - d1) / (d0 - d1);
    if (val > bv + 1e-12 || (std::abs(val - bv) <= 1e-12 && v[i].cost < v[best].cost)) {
      bv = val;
      best = i;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("recommend strategies against a brute-force search of the full grid") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  const std::vector<std::vector<architecture>> arch_sets = {
      {architecture::x86_64},
      {architecture::arm64},
      {architecture::x86_64, architecture::arm64}};
  for (const auto& archs : arch_sets)
    for (auto s : {recommend_strategy::cost, recommend_strategy::speed,
                   recommend_strategy::balanced})
      for (double max_warm : {0.0, 2000.0})
        for (double headroom : {0.2, 0.0, 1.0}) {
          CAPTURE(to_string(s));
          CAPTURE(archs.size());
          CAPTURE(max_warm);
          CAPTURE(headroom);
          recommend_options o;
          o.strategy = s;
          o.architectures = archs;
          o.headroom = headroom;
          o.speed_ratio = 1.0;
          if (max_warm > 0) o.max_warm_ms = max_warm;
          const recommendation r = recommend(w, p, o);
          const auto v =
              grid_points(w, archs, headroom, max_warm > 0 ? max_warm : 1e300);
          const pt& b = v[brute(v, s)];
          CHECK(r.chosen.memory_mb == b.m);
          CHECK(r.chosen.arch == b.a);
          CHECK(r.chosen.warm_ms == doctest::Approx(b.warm).epsilon(1e-12));
          CHECK(r.chosen.cost_usd == doctest::Approx(b.cost).epsilon(1e-12).scale(0));
          CHECK(r.feasible_count == v.size());
        }
}

TEST_CASE("balanced weight 1 is cost, weight 0 is speed") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  recommend_options o;
  o.architectures = {architecture::x86_64};
  const auto v = grid_points(w, o.architectures, 0.2);
  for (double weight : {0.0, 0.3, 0.8, 1.0}) {
    o.weight = weight;
    const recommendation r = recommend(w, p, o);
    CHECK(r.chosen.memory_mb == v[brute(v, recommend_strategy::balanced, weight)].m);
  }
  o.weight = 1;
  CHECK(recommend(w, p, o).chosen.memory_mb == v[brute(v, recommend_strategy::cost)].m);
}

TEST_CASE("knee against a brute-force Pareto front") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  const Eigen::VectorXd sizes = p.parse_memory_spec("128:10240:16");
  for (const auto& archs : std::vector<std::vector<architecture>>{
           {architecture::x86_64}, {architecture::arm64, architecture::x86_64}}) {
    recommend_options o;
    o.strategy = recommend_strategy::knee;
    o.memory_mb = sizes;
    o.architectures = archs;
    o.speed_ratio = 1.0;
    const recommendation r = recommend(w, p, o);
    const auto v = grid_points(w, archs, 0.2, 1e300, &sizes);
    const pt& b = v[brute_knee(v)];
    CHECK(r.chosen.memory_mb == b.m);
    CHECK(r.chosen.arch == b.a);
    // the knee is neither end of the front for this convex curve
    CHECK(r.chosen.memory_mb > v[brute(v, recommend_strategy::cost)].m);
    CHECK(r.chosen.memory_mb < v[brute(v, recommend_strategy::speed)].m);
  }
}

TEST_CASE("ties: a memory-independent profile") {
  // Duration does not depend on memory: every size is equally fast, so speed ties to
  // the cheaper (the smallest size), and arm64 is cheaper than x86_64 per GB-s.
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::io(100)};
  recommend_options o;
  o.speed_ratio = 1.0;
  o.strategy = recommend_strategy::speed;
  recommendation r = recommend(w, p, o);
  CHECK(r.chosen.memory_mb == 128);
  CHECK(r.chosen.arch == architecture::arm64);
  o.strategy = recommend_strategy::cost;
  r = recommend(w, p, o);
  CHECK(r.chosen.memory_mb == 128);
  CHECK(r.chosen.arch == architecture::arm64);
  o.architectures = {architecture::x86_64};
  r = recommend(w, p, o);
  CHECK(r.chosen.memory_mb == 128);
  CHECK(r.chosen.arch == architecture::x86_64);
  // cost ties to the faster: two sizes with the same billed cost at 1 ms granularity
  // are broken by warm duration; here durations tie too and the smaller size wins.
  o.strategy = recommend_strategy::balanced;
  CHECK(recommend(w, p, o).chosen.memory_mb == 128);
}

TEST_CASE("speed ratio: unknown is 1.0 and said, known moves the other architecture") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  recommend_options o;
  o.strategy = recommend_strategy::speed;
  recommendation r = recommend(w, p, o);
  REQUIRE(r.caveats.size() >= 1);
  CHECK(r.caveats[0].find("ratio 1.0") != std::string::npos);
  CHECK(r.speed_ratio == 1.0);
  o.speed_ratio = 1.25;  // arm64 runs the CPU work 1.25 x as fast: 0.8 of the time
  r = recommend(w, p, o);
  CHECK(r.caveats.empty());
  CHECK(r.chosen.arch == architecture::arm64);
  // hand: from 1769 MB on, single-threaded cpu runs at 1 vCPU: 800 / 1.25 + 120 = 760
  // ms
  CHECK(r.chosen.warm_ms == doctest::Approx(760).epsilon(1e-12));
  o.architectures = {architecture::x86_64};
  CHECK(recommend(w, p, o).caveats.empty());  // no other architecture involved
}

TEST_CASE("impossible constraints name the constraint and the best value") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  recommend_options o;
  o.speed_ratio = 1.0;
  o.max_warm_ms = 500;  // the fastest is 800 + 120 = 920 ms (one vCPU, one thread)
  CHECK_THROWS_WITH_AS(
      recommend(w, p, o),
      doctest::Contains("max_warm_ms = 500: no configuration meets it: the "
                        "fastest warm duration is 920 ms"),
      std::invalid_argument);
  o.max_warm_ms.reset();
  o.requests_per_month = 1e6;
  o.budget_usd = 0.5;
  // the cheapest month is over $20 (1e6 invocations of at least 6.6 s x 0.21 GB)
  CHECK_THROWS_WITH_AS(recommend(w, p, o),
                       doctest::Contains("budget_usd = 0.5: no configuration"),
                       std::invalid_argument);
  profile big = w;
  big.peak_memory_mb = 9000;  // 9000 * 1.2 = 10800 > 10240
  recommend_options o2;
  CHECK_THROWS_WITH_AS(recommend(big, p, o2), doctest::Contains("headroom = 0.2"),
                       std::invalid_argument);
  o2.headroom = 0.1;  // 9900 fits
  CHECK(recommend(big, p, o2).chosen.memory_mb >= 9900);
  recommend_options o3;
  o3.requests_per_month = 1e6;
  o3.max_latency_ms = 100;  // below the warm duration of every size
  CHECK_THROWS_WITH_AS(recommend(w, p, o3), doctest::Contains("max_latency_ms = 100"),
                       std::invalid_argument);
  recommend_options bad;
  bad.weight = 2;
  CHECK_THROWS_WITH_AS(recommend(w, p, bad), "weight = 2: must be in [0, 1]",
                       std::invalid_argument);
  recommend_options bad2;
  bad2.budget_usd = 10;
  CHECK_THROWS_WITH_AS(recommend(w, p, bad2), doctest::Contains("budget_usd = 10"),
                       std::invalid_argument);
}

TEST_CASE("monthly budget and cost against a brute force over compute_bill") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  const pool_model pool = pool_model::named(p.name);
  recommend_options o;
  o.architectures = {architecture::x86_64};
  o.strategy = recommend_strategy::speed;
  o.requests_per_month = 2e6;
  o.budget_usd = 50;  // the fastest size, 1769 MB, costs over $53 a month
  o.memory_mb = p.parse_memory_spec("256:10240:64");
  o.closed_form_max_load =
      1e9;  // this test is about the budget: closed form everywhere
  const recommendation r = recommend(w, p, o);
  // brute force: the fastest size whose month is within budget
  const price_table t = price_table::aws("us-east-1", architecture::x86_64);
  const double rate = 2e6 / (mean_month_hours * 3600);
  double best_m = 0, best_d = 1e300;
  for (Eigen::Index i = 0; i < o.memory_mb.size(); ++i) {
    const double m = o.memory_mb[i];
    bill_options b;
    b.requests_per_month = 2e6;
    b.cold_fraction = closed_form_cold_fraction(rate, warm_ms(w, p, m), 0, pool);
    const double usd = compute_bill(w, p, t, m, b).total_usd;
    const double d = warm_ms(w, p, m);
    if (usd <= 50 && d < best_d) {
      best_d = d;
      best_m = m;
    }
  }
  CHECK(r.chosen.memory_mb == best_m);
  CHECK(r.chosen.monthly_usd <= 50);
  CHECK(r.decided_by == constraint::budget_usd);
  CHECK(r.reason.find("budget") != std::string::npos);
}

TEST_CASE("closed-form cold fraction and latency against the simulator") {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(150), component::io(50)};
  w.init_ms = 400;
  w.cv = 0.3;
  const pool_model pool = pool_model::named(p.name);
  // 1e4 requests a month: rate 0.0038/s, rate * keep-alive ~ 1.2, many cold starts
  const double requests = 1e4;
  const double rate = requests / (mean_month_hours * 3600);
  const double m = 1024;
  recommend_options o;
  o.requests_per_month = requests;
  o.architectures = {architecture::x86_64};
  o.memory_mb = Eigen::VectorXd::Constant(1, m);
  simulate_options so;
  so.memory_mb = m;
  so.seed = 7;
  so.replications = 4;
  so.timeline_bins = 0;
  const simulation_result sim =
      simulate(w, p, arrivals::poisson(rate, 400 * 24 * 3600.0), so);  // ~100k requests
  REQUIRE(sim.served > 100000);
  const double f =
      static_cast<double>(sim.cold_starts) / static_cast<double>(sim.served);
  const double f_cf = closed_form_cold_fraction(rate, warm_ms(w, p, m), 0, pool);
  // the closed form's approximations (unconditioned gap ages, Poisson overflow) within
  // 2 %; the binomial standard error of the simulated fraction is ~0.2 % of it
  CAPTURE(f);
  CAPTURE(f_cf);
  CHECK(f == doctest::Approx(f_cf).epsilon(0.02).scale(0));
  for (double pct : {50.0, 90.0, 99.0}) {
    CAPTURE(pct);
    o.percentile = pct;
    const recommendation r = recommend(w, p, o);
    CHECK(r.method == latency_method::closed_form);
    const double sim_p = pct == 50   ? sim.all.p50_ms
                         : pct == 90 ? sim.all.p90_ms
                                     : sim.all.p99_ms;
    // histogram error 0.2 % plus sampling error: 3 %
    CHECK(r.chosen.latency_ms == doctest::Approx(sim_p).epsilon(0.03).scale(0));
  }
}

TEST_CASE("high traffic switches to the simulator and says so") {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(150), component::io(50)};
  w.init_ms = 400;
  w.cv = 0.3;
  recommend_options o;
  o.requests_per_month = 3e8;  // ~114 requests per second: concurrency > 1
  o.architectures = {architecture::x86_64};
  o.memory_mb = p.parse_memory_spec("512,1024,2048");
  o.simulated_hours = 1;
  o.simulated_sizes = 3;
  const recommendation r = recommend(w, p, o);
  CHECK(r.method == latency_method::simulation);
  CHECK(r.method_detail.find("simulator") != std::string::npos);
  // the simulator at the chosen size gives the same cold fraction (same seed and
  // period)
  simulate_options so;
  so.memory_mb = r.chosen.memory_mb;
  so.timeline_bins = 0;
  so.threads = 1;
  const simulation_result sim =
      simulate(w, p, arrivals::poisson(3e8 / (mean_month_hours * 3600), 3600), so);
  CHECK(r.chosen.cold_fraction == doctest::Approx(static_cast<double>(sim.cold_starts) /
                                                  static_cast<double>(sim.served))
                                      .epsilon(1e-12)
                                      .scale(0));
}

TEST_CASE("mixture percentile: point masses and pure lognormal") {
  CHECK(mixture_percentile(0.99, 100, 500, 0.02, 0) == 500);
  CHECK(mixture_percentile(0.97, 100, 500, 0.02, 0) == 100);
  // no cold starts: the lognormal quantile exp(mu + sigma z_q) * warm, mean 1
  const double cv = 0.5, s2 = std::log1p(cv * cv);
  const double z99 = 2.3263478740408408;
  CHECK(mixture_percentile(0.99, 100, 500, 0, cv) ==
        doctest::Approx(100 * std::exp(-s2 / 2 + std::sqrt(s2) * z99)).epsilon(1e-9));
  CHECK_THROWS_AS(mixture_percentile(1.0, 100, 500, 0, cv), std::invalid_argument);
}

TEST_CASE("provisioned concurrency break-even against a hand calculation") {
  // 1000 ms of waiting at 1024 MB: 1 GB-s per request whatever happens, no INIT.
  // On demand: R * 1 GB-s * 0.0000166667. Provisioned (100 instances all month, enabled
  // time 730.485 h rounded up to 5 min = 8766 * 300 s): 100 * 1 GB * 2629800 s *
  // 0.0000041667 + R * 0.0000097222. Requests cost the same. Break-even:
  // R* = 100 * 2629800 * 0.0000041667 / (0.0000166667 - 0.0000097222) = 157,787,000 ...
  // At R*, ~60 requests run at once: Erlang B(100, 60) ~ 1e-6, overflow negligible.
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::io(1000)};
  const price_table t = price_table::aws("us-east-1", architecture::x86_64);
  const double hand = 100 * 2629800.0 * 0.0000041667 / (0.0000166667 - 0.0000097222);
  CHECK(provisioned_break_even(w, p, t, 1024, 100) ==
        doctest::Approx(hand).epsilon(1e-5));
  // recommend's candidates agree: 100 provisioned instances cost more than on demand
  // below the break-even and less above it
  recommend_options o;
  o.strategy = recommend_strategy::cost;
  o.architectures = {architecture::x86_64};
  o.memory_mb = Eigen::VectorXd::Constant(1, 1024);
  o.max_provisioned = 100;
  o.closed_form_max_load = 1e9;  // as provisioned_break_even: closed forms only
  auto od_and_pc = [&](double requests) {
    o.requests_per_month = requests;
    const recommendation r = recommend(w, p, o);
    double od = 0, pc = 0;
    for (Eigen::Index i = 0; i < r.candidates.provisioned_concurrency.size(); ++i) {
      if (r.candidates.provisioned_concurrency[i] == 0)
        od = r.candidates.monthly_usd[i];
      if (r.candidates.provisioned_concurrency[i] == 100)
        pc = r.candidates.monthly_usd[i];
    }
    return std::pair{od, pc};
  };
  const auto [od_lo, pc_lo] = od_and_pc(hand * 0.9);
  CHECK(pc_lo > od_lo);
  const auto [od_hi, pc_hi] = od_and_pc(hand * 1.1);
  CHECK(pc_hi < od_hi);
  o.requests_per_month = hand * 1.1;
  const recommendation r = recommend(w, p, o);
  CHECK(r.chosen.compute == compute_kind::provisioned);
  CHECK(r.chosen.monthly_usd <= pc_hi);
}

TEST_CASE("latency constraint makes provisioned concurrency worth it") {
  // Low traffic, slow INIT: on demand, p99 includes cold starts; one provisioned
  // instance removes almost all of them.
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(100), component::io(20)};
  w.init_ms = 2000;
  w.cv = 0.2;
  recommend_options o;
  o.strategy = recommend_strategy::cost;
  o.architectures = {architecture::x86_64};
  // 2.5e4 requests a month: ~0.0095/s, rate x keep-alive ~3, some 7 % of requests cold
  o.requests_per_month = 2.5e4;
  o.max_latency_ms = 1000;
  o.percentile = 99;
  o.memory_mb = p.parse_memory_spec("512:3008:64");
  o.max_provisioned = 2;
  const recommendation r = recommend(w, p, o);
  CHECK(r.chosen.provisioned_concurrency >= 1);
  CHECK(r.chosen.latency_ms <= 1000);
  CHECK(r.decided_by == constraint::max_latency_ms);
  // on demand alone cannot meet it: the error names the lowest p99
  o.max_provisioned = 0;
  CHECK_THROWS_WITH_AS(recommend(w, p, o), doctest::Contains("max_latency_ms = 1000"),
                       std::invalid_argument);
}

TEST_CASE("runners-up, Pareto front, change from the current configuration, band") {
  const platform p = platform::aws_lambda();
  const profile w = api_handler();
  recommend_options o;
  o.speed_ratio = 1.0;
  o.current_memory_mb = 3008;
  o.band_relative = 0.05;
  const recommendation r = recommend(w, p, o);
  REQUIRE(!r.runners_up.empty());
  CHECK(r.runners_up[0].role == "cheapest");
  const auto v = grid_points(w, {architecture::x86_64, architecture::arm64}, 0.2);
  CHECK(r.runners_up[0].memory_mb == v[brute(v, recommend_strategy::cost)].m);
  REQUIRE(r.change.has_value());
  // hand: from 1769 MB on, one thread runs at one vCPU: 800 + 120 ms
  const double cur = 920;
  CHECK(r.change->current.warm_ms == doctest::Approx(cur).epsilon(1e-9));
  CHECK(r.change->duration_change ==
        doctest::Approx(r.chosen.warm_ms / cur - 1).epsilon(1e-9));
  // a current size off the grid names the option, not the grid's memory_mb
  o.current_memory_mb = 100;
  CHECK_THROWS_WITH_AS(recommend(w, p, o),
                       "current_memory_mb = 100: must be within 128..10240 MB",
                       std::invalid_argument);
  o.current_memory_mb = 3008;
  // the Pareto front: no feasible point is both cheaper and faster than a front point
  const recommend_table& t = r.candidates;
  Eigen::Index front = 0;
  for (Eigen::Index i = 0; i < t.memory_mb.size(); i += 97) {
    if (!t.pareto[i]) continue;
    ++front;
    for (Eigen::Index j = 0; j < t.memory_mb.size(); ++j)
      if (t.excluded_by[static_cast<std::size_t>(j)] == constraint::none)
        CHECK_FALSE(
            (t.cost_usd[j] < t.cost_usd[i] && t.latency_ms[j] < t.latency_ms[i]));
  }
  CHECK(front >= 1);
  // a 5 % band: the cheapest runner-up is far slower, outside it
  CHECK_FALSE(r.runners_up[0].within_uncertainty);
  o.band_relative = 0.9;
  CHECK(recommend(w, p, o).within_uncertainty);
}

TEST_CASE("provisioned overflow is Erlang B, against hand values and the simulator") {
  // B(1, a) = a / (1 + a); B(2, a) = (a^2 / 2) / (1 + a + a^2 / 2)
  CHECK(overflow_fraction(0.5, 1000, 1) == doctest::Approx(0.5 / 1.5).epsilon(1e-12));
  CHECK(overflow_fraction(2.0, 1000, 2) == doctest::Approx(2.0 / 5.0).epsilon(1e-12));
  CHECK(overflow_fraction(2.0, 1000, 0) == 1);
  // the simulator with one provisioned instance: the share it serves is 1 - B(1, a)
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::io(1000)};
  simulate_options so;
  so.memory_mb = 1024;
  so.provisioned_concurrency = 1;
  so.timeline_bins = 0;
  so.seed = 3;
  const double rate = 0.8;  // a = 0.8: B = 0.8 / 1.8
  const simulation_result r = simulate(w, p, arrivals::poisson(rate, 2e5), so);
  const double served_pc =
      static_cast<double>(r.provisioned_served) / static_cast<double>(r.served);
  const double n = static_cast<double>(r.served);
  REQUIRE(n > 100000);
  CHECK(std::abs(served_pc - (1 - 0.8 / 1.8)) < 0.01);  // 0.556; sampling error ~0.003
}

TEST_CASE("an arrival pattern is simulated and sets the monthly requests") {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(100), component::io(20)};
  w.init_ms = 300;
  recommend_options o;
  o.architectures = {architecture::x86_64};
  o.memory_mb = p.parse_memory_spec("512,1024");
  // 2 requests/s for 12 h, none for 12 h: a mean of 1/s
  o.arrival_pattern = arrivals::piecewise({2.0, 0.0}, 12 * 3600.0, 24 * 3600.0);
  const recommendation r = recommend(w, p, o);
  CHECK(r.method == latency_method::simulation);
  CHECK(r.requests_per_month ==
        doctest::Approx(mean_month_hours * 3600).epsilon(1e-12));
  CHECK(r.chosen.monthly_usd > 0);
  o.requests_per_month = 1e6;  // both: ambiguous
  CHECK_THROWS_WITH_AS(
      recommend(w, p, o),
      doctest::Contains("give either requests_per_month or arrival_pattern"),
      std::invalid_argument);
}

TEST_CASE("closed-form cold fraction counts cold starts from concurrency") {
  // 1 s requests at 0.02/s: the first instance is busy 2 % of the time (Erlang B(1,
  // 0.02) = 0.0196), so about 2 % of requests start a second instance, which is nearly
  // always cold; keep-alive expiry and recycling of the first add under 1 %.
  const platform p = platform::aws_lambda();
  const pool_model pool = pool_model::named(p.name);
  profile w;
  w.components = {component::io(1000)};
  const double rate = 0.02;
  const double cf = closed_form_cold_fraction(rate, 1000, 0, pool);
  CHECK(cf > 0.0196);
  simulate_options so;
  so.memory_mb = 1024;
  so.seed = 11;
  so.replications = 4;
  so.timeline_bins = 0;
  const simulation_result sim =
      simulate(w, p, arrivals::poisson(rate, 100 * 24 * 3600.0), so);
  const double f =
      static_cast<double>(sim.cold_starts) / static_cast<double>(sim.served);
  CAPTURE(f);
  CAPTURE(cf);
  // 690,000 requests: sampling error ~0.0002 (1 %); the closed form's approximations ~5
  // %
  CHECK(f == doctest::Approx(cf).epsilon(0.05).scale(0));
  // without recycling the simulator agrees as well (the keep-alive and handover part)
  pool_model no_recycling = pool;
  no_recycling.recycling = recycling_model::none();
  so.recycling = recycling_model::none();
  const simulation_result sim0 =
      simulate(w, p, arrivals::poisson(rate, 100 * 24 * 3600.0), so);
  const double f0 =
      static_cast<double>(sim0.cold_starts) / static_cast<double>(sim0.served);
  CHECK(f0 == doctest::Approx(closed_form_cold_fraction(rate, 1000, 0, no_recycling))
                  .epsilon(0.05)
                  .scale(0));
}

TEST_CASE("recommend needs an LMI configuration when lmi is in its compute list") {
  recommend_options o;
  o.compute = {compute_kind::on_demand, compute_kind::lmi};
  CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("compute = 'lmi'"),
                       std::invalid_argument);
}

TEST_CASE("constraint words: every constraint has its legend text") {
  CHECK(constraint_words(constraint::none) == "feasible");
  CHECK(constraint_words(constraint::budget_usd) == "over budget");
  for (const auto& name : enum_names<constraint>())
    CHECK(constraint_words(enum_from_name<constraint>(name)) != "?");
}

TEST_CASE("traffic simulations: each distinct one once, with progress") {
  // An arrival pattern makes every group simulate. With speed ratio 1 the arm64
  // groups draw from the same durations as the x86_64 ones (only the price differs),
  // so they are simulated once; with another ratio they are not.
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(100), component::io(20)};
  w.init_ms = 300;
  recommend_options o;
  o.memory_mb = p.parse_memory_spec("512,1024,2048");
  o.compute = {compute_kind::on_demand, compute_kind::provisioned};
  o.max_provisioned = 2;
  o.simulated_sizes = 3;
  o.arrival_pattern = arrivals::piecewise({2.0, 0.0}, 600.0, 1200.0);
  const double per_sim = o.arrival_pattern->expected_requests();  // 1,200 requests
  std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
  auto record = [&](std::uint64_t done, std::uint64_t total) {
    calls.emplace_back(done, total);
  };
  auto check_calls = [&](std::uint64_t sims) {
    // (levels 0, 1, 2) x 3 sizes simulated, each of per_sim requests
    const auto total = static_cast<std::uint64_t>(std::llround(per_sim)) * sims;
    REQUIRE(calls.size() == sims + 1);
    CHECK(calls.front() == std::pair<std::uint64_t, std::uint64_t>{0, total});
    CHECK(calls.back().first == total);
    for (std::size_t k = 1; k < calls.size(); ++k) {
      CHECK(calls[k].first > calls[k - 1].first);
      CHECK(calls[k].second == total);
    }
  };
  o.architectures = {architecture::x86_64, architecture::arm64};
  const recommendation both = recommend(w, p, o, record);
  check_calls(3 * 3);
  calls.clear();
  o.speed_ratio = 1.25;
  (void)recommend(w, p, o, record);
  check_calls(2 * 3 * 3);

  // Sharing a simulation changes nothing: the x86_64 rows equal those of an
  // x86_64-only run, and the arm64 rows (same durations) the same cold fractions.
  calls.clear();
  o.speed_ratio.reset();
  o.architectures = {architecture::x86_64};
  const recommendation x86 = recommend(w, p, o);
  const Eigen::Index n = x86.candidates.cold_fraction.size();
  REQUIRE(both.candidates.cold_fraction.size() == 2 * n);
  for (Eigen::Index i = 0; i < n; ++i) {
    CHECK(both.candidates.cold_fraction[i] == x86.candidates.cold_fraction[i]);
    CHECK(both.candidates.cold_fraction[n + i] == x86.candidates.cold_fraction[i]);
  }
  CHECK(calls.empty());  // no callback given: nothing recorded

  // An exception from the callback (an interrupt) stops the run and propagates.
  auto interrupt = [](std::uint64_t done, std::uint64_t) {
    if (done > 0) throw std::runtime_error("interrupted");
  };
  CHECK_THROWS_WITH_AS(recommend(w, p, o, interrupt), "interrupted",
                       std::runtime_error);
}

TEST_CASE("recommend refuses more configurations than its memory bound") {
  // max_provisioned = 1e9 over every size and both architectures: 2 x 10,113 x
  // (1e9 + 1) configurations, each a table row; refused before any is allocated.
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(100)};
  recommend_options o;
  o.requests_per_month = 1e6;
  o.compute = {compute_kind::on_demand, compute_kind::provisioned};
  o.max_provisioned = 1'000'000'000;
  CHECK_THROWS_WITH_AS(
      recommend(w, p, o),
      doctest::Contains("max_provisioned = 1000000000: 20226000020226 configurations "
                        "(1000000001 concurrency options x 2 architectures x 10113 "
                        "sizes) exceed 4100000"),
      std::invalid_argument);
  // three sizes, one architecture: 4,100,000 / 3 = 1,366,666.7 options at most, so
  // 1,366,666 provisioned levels (1,366,667 options, 4,100,001 rows) are refused
  o.memory_mb = p.parse_memory_spec("512,1024,2048");
  o.architectures = {architecture::x86_64};
  o.max_provisioned = 1'366'666;
  CHECK_THROWS_WITH_AS(
      recommend(w, p, o),
      doctest::Contains("max_provisioned = 1366666: 4100001 configurations"),
      std::invalid_argument);
}
