// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <lambdasim/error.hpp>
#include <lambdasim/simulate.hpp>
#include <lambdasim/traffic.hpp>
#include <random>

#include "test_support.hpp"

using namespace lambdasim;
using test_support::cpu_profile;
using test_support::message_of;

namespace {
profile fixed_profile(double warm_ms, double init_ms, double cv = 0) {
  profile w;
  w.components = {component::io(warm_ms)};
  w.init_ms = init_ms;
  w.cv = cv;
  return w;
}
simulate_options no_recycling(double keep_alive_s, double memory_mb = 1024) {
  simulate_options o;
  o.memory_mb = memory_mb;
  o.keep_alive = keep_alive_model::fixed(keep_alive_s);
  o.recycling = recycling_model::none();
  return o;
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
}  // namespace

TEST_CASE("Poisson single instance without recycling matches exp(-r keep_alive)") {
  // 1 ms requests: the instance is idle almost all the time, so a request is cold
  // exactly when the gap since the last one exceeds the keep-alive: P = exp(-r K).
  const profile w = fixed_profile(1, 0);
  const platform p = platform::aws_lambda();
  for (double r : {1.0 / 3000, 1.0 / 640, 1.0 / 200}) {
    const double n = 200000;
    auto o = no_recycling(640);
    o.seed = 11;
    const auto res = simulate(w, p, arrivals::poisson(r, n / r), o);
    const double expect = std::exp(-r * 640);
    const double se =
        std::sqrt(expect * (1 - expect) / static_cast<double>(res.served));
    CAPTURE(r);
    CAPTURE(res.cold_fraction);
    CHECK(res.served > 0.99 * n);
    CHECK(std::abs(res.cold_fraction - expect) < 4 * se);
  }
  // the empirical 2025 keep-alive against its own closed form E[exp(-r K)]
  const auto k25 = pool_model::named("aws-lambda").keep_alive;
  auto o = no_recycling(1);
  o.keep_alive = k25;
  const double r = 1.0 / 300;
  const auto res = simulate(w, p, arrivals::poisson(r, 200000 / r), o);
  const double expect = cold_probability(r, k25);
  CHECK(std::abs(res.cold_fraction - expect) <
        4 * std::sqrt(expect * (1 - expect) / static_cast<double>(res.served)));
}

TEST_CASE("replaying the 2020 traces gives the recorded cold fraction") {
  // 640 s keep-alive and the default (fitted) recycling of aws-lambda-2020; durations
  // from the trace itself: warm = median REPORT Duration of warm calls, the extra time
  // of a cold call = median client round trip of cold minus warm calls. The recordings
  // start after a warm-up call (their first request is warm): load_csv reads that from
  // the is_cold column, and the replay starts with one warm instance.
  const platform p = platform::named("aws-lambda-2020");
  for (const char* f :
       {"res-01-2020-05-26_01-31-35.csv", "res-01-2020-05-28_01-57-40.csv",
        "res-01-2020-06-09_01-04-58.csv", "res-01-2020-06-13_23-39-35.csv"}) {
    const std::string rel = std::string("coldstarts/traces_2020/") + f;
    const auto cols = test_support::read_quoted_csv(rel);
    std::vector<double> warm_d, warm_rt, cold_rt;
    double cold = 0;
    const auto& is_cold = cols.at("is_cold");
    for (std::size_t i = 0; i < is_cold.size(); ++i) {
      const bool c = is_cold[i] == "True";
      cold += c;
      (c ? cold_rt : warm_rt).push_back(std::stod(cols.at("client_elapsed_time")[i]));
      if (!c) warm_d.push_back(std::stod(cols.at("aws_duration")[i]));
    }
    const double recorded = cold / static_cast<double>(is_cold.size());
    const profile w =
        fixed_profile(median(warm_d), 1000 * (median(cold_rt) - median(warm_rt)));
    simulate_options o;
    o.memory_mb = 128;
    o.keep_alive = keep_alive_model::fixed(640);
    o.replications = 200;
    o.seed = 2020;
    const auto a =
        arrivals::load_csv(test_support::data_path(rel));  // client_start_time
    CHECK(a.warm_at_start == (is_cold.front() == "True" ? 0 : 1));
    const auto res = simulate(w, p, a, o);
    CAPTURE(rel);
    CAPTURE(recorded);
    CAPTURE(res.cold_fraction);
    MESSAGE(rel << ": recorded " << recorded << ", simulated " << res.cold_fraction);
    CHECK(std::abs(res.cold_fraction - recorded) < 0.015);
  }
}

TEST_CASE("Little's law: mean concurrency = rate x mean duration") {
  // 50 requests/s of 200 ms (cv 0.5, mean factor 1), cold = warm: L = 50 * 0.2 = 10
  const profile w = fixed_profile(200, 0, 0.5);
  auto o = no_recycling(600);
  o.seed = 3;
  const auto res =
      simulate(w, platform::aws_lambda(), arrivals::poisson(50, 4 * 3600), o);
  CHECK(res.mean_concurrency == doctest::Approx(10).epsilon(0.01));
  CHECK(res.all.mean_ms == doctest::Approx(200).epsilon(0.01));
  // lognormal with cv 0.5: median = mean / sqrt(1 + cv^2) = 200 / sqrt(1.25) = 178.885
  CHECK(res.warm.p50_ms == doctest::Approx(178.885).epsilon(0.01));
  CHECK(res.peak_concurrency >= 20);
}

TEST_CASE("reserved and provisioned concurrency on a hand-made trace") {
  // five requests 0.1 s apart, each 1 s, then one at t = 10: five run at once at 0.4 s
  const profile w = fixed_profile(1000, 0);
  const platform p = platform::aws_lambda();
  const auto a = arrivals::trace({0, 0.1, 0.2, 0.3, 0.4, 10});
  auto o = no_recycling(640);
  auto res = simulate(w, p, a, o);
  CHECK(res.requests == 6);
  CHECK(res.cold_starts == 5);  // t = 10 reuses the most recently used instance
  CHECK(res.throttled == 0);
  CHECK(res.peak_concurrency == 5);
  CHECK(res.peak_instances == 5);
  // busy 6 x 1 s over 10 s; instances live from creation to the end of the period:
  // (10 - 0) + (10 - 0.1) + (10 - 0.2) + (10 - 0.3) + (10 - 0.4) = 49 instance-seconds
  CHECK(res.mean_concurrency == doctest::Approx(0.6));
  CHECK(res.instance_seconds == doctest::Approx(49));
  CHECK(res.all.p50_ms == 1000);
  CHECK(res.all.p999_ms == 1000);
  CHECK(res.cold_fraction == doctest::Approx(5.0 / 6));

  for (int cap : {5, 6, 4, 2, 0}) {
    o.reserved_concurrency = cap;
    res = simulate(w, p, a, o);
    CAPTURE(cap);
    // throttled exactly when the cap is below the offered concurrency (5): the requests
    // beyond the cap at t = 0..0.4 are rejected; the one at t = 10 finds the pool free
    CHECK(res.throttled ==
          static_cast<std::uint64_t>(std::max(0, 5 - cap) + (cap == 0)));
    CHECK(res.served + res.throttled == 6);
  }
  o.reserved_concurrency.reset();
  o.provisioned_concurrency = 5;
  res = simulate(w, p, a, o);
  CHECK(res.cold_starts == 0);
  CHECK(res.provisioned_served == 6);
  CHECK(res.instance_seconds == doctest::Approx(50));  // 5 provisioned x 10 s
  o.provisioned_concurrency = 3;
  res = simulate(w, p, a, o);
  CHECK(res.cold_starts == 2);  // t = 0.3 and 0.4 overflow to on-demand
  CHECK(res.provisioned_served == 4);
  CHECK(res.peak_instances == 5);
  // one instance warm at t = 0 takes the first request
  o.provisioned_concurrency = 0;
  o.initial_instances = 1;
  res = simulate(w, p, a, o);
  CHECK(res.cold_starts == 4);
}

TEST_CASE("Poisson: throttles appear exactly below the offered concurrency") {
  const profile w = fixed_profile(300, 100, 0.2);
  auto o = no_recycling(600);
  o.seed = 5;
  const auto a = arrivals::poisson(30, 3600);
  const auto free = simulate(w, platform::aws_lambda(), a, o);
  REQUIRE(free.throttled == 0);
  o.reserved_concurrency = free.peak_concurrency;
  CHECK(simulate(w, platform::aws_lambda(), a, o).throttled == 0);
  o.reserved_concurrency = free.peak_concurrency - 1;
  CHECK(simulate(w, platform::aws_lambda(), a, o).throttled > 0);
}

TEST_CASE("maximum lifetime: one cold start per lifetime at a steady rate") {
  // one 1 ms request every second for 10 h, keep-alive 640 s, every instance lives
  // exactly 3600 s: cold starts at 0, 3600, ..., 36000 s -> 11, of which 10 replace a
  // recycled one
  std::vector<double> t;
  for (int i = 0; i <= 36000; ++i) t.push_back(i);
  auto o = no_recycling(640);
  o.recycling = recycling_model::fixed(3600);
  const auto a = arrivals::trace(t);
  const auto res = simulate(fixed_profile(1, 0), platform::aws_lambda(), a, o);
  CHECK(res.cold_starts == 11);
  CHECK(res.recycled == 10);
  CHECK(res.expired == 0);
  o.recycling = recycling_model::fixed(0);  // off
  CHECK(simulate(fixed_profile(1, 0), platform::aws_lambda(), a, o).cold_starts == 1);
}

TEST_CASE("piecewise rates: hourly pattern") {
  // rate 2/s during the first hour of every 2-hour cycle, 0 during the second
  auto o = no_recycling(600);
  o.timeline_bins = 4;
  const auto res = simulate(fixed_profile(10, 0), platform::aws_lambda(),
                            arrivals::piecewise({2, 0}, 3600, 4 * 3600), o);
  // expected 2 * 3600 * 2 = 14400 arrivals, sd sqrt(14400) = 120
  CHECK(std::abs(static_cast<double>(res.requests) - 14400) < 4 * 120);
  CHECK(res.timeline_arrivals[1] == 0);
  CHECK(res.timeline_arrivals[3] == 0);
  CHECK(res.timeline_arrivals[0] + res.timeline_arrivals[2] ==
        static_cast<double>(res.requests));
  // each quiet hour outlasts the 600 s keep-alive: the busy hours start cold
  CHECK(res.cold_starts >= 2);
}

TEST_CASE("same seed same result, any thread count") {
  const profile w = fixed_profile(120, 400, 0.4);
  const auto a = arrivals::poisson(20, 1800);
  simulate_options o;
  o.memory_mb = 512;
  o.replications = 6;
  o.seed = 42;
  o.threads = 1;
  const auto r1 = simulate(w, platform::aws_lambda(), a, o);
  o.threads = 4;
  const auto r4 = simulate(w, platform::aws_lambda(), a, o);
  o.threads = 3;
  const auto r3 = simulate(w, platform::aws_lambda(), a, o);
  for (const auto* r : {&r4, &r3}) {
    CHECK(r->requests == r1.requests);
    CHECK(r->cold_starts == r1.cold_starts);
    CHECK(r->all.p99_ms == r1.all.p99_ms);
    CHECK(r->all.mean_ms == r1.all.mean_ms);  // bitwise: merged in replication order
    CHECK(r->busy_seconds == r1.busy_seconds);
    CHECK(r->instance_seconds == r1.instance_seconds);
    CHECK(r->warm_hist.counts() == r1.warm_hist.counts());
    CHECK(r->timeline_busy_s == r1.timeline_busy_s);
  }
  const auto again = simulate(w, platform::aws_lambda(), a, o);
  CHECK(again.all.mean_ms == r3.all.mean_ms);
  o.seed = 43;
  CHECK(simulate(w, platform::aws_lambda(), a, o).all.mean_ms != r1.all.mean_ms);
}

TEST_CASE("progress callback and its errors") {
  simulate_options o = no_recycling(600);
  o.progress_every = 1000;
  std::uint64_t last = 0, calls = 0;
  const auto res = simulate(fixed_profile(10, 0), platform::aws_lambda(),
                            arrivals::poisson(10, 1000), o, [&](std::uint64_t done) {
                              last = done;
                              ++calls;
                            });
  CHECK(last == res.requests);
  CHECK(calls >= res.requests / 1000);
  CHECK_THROWS_WITH_AS(
      simulate(fixed_profile(10, 0), platform::aws_lambda(),
               arrivals::poisson(10, 1000), o,
               [](std::uint64_t) { throw std::runtime_error("interrupted"); }),
      "interrupted", std::runtime_error);
}

TEST_CASE("bad simulation input") {
  const profile w = fixed_profile(100, 0);
  const auto a = arrivals::poisson(1, 100);
  simulate_options o = no_recycling(600);
  o.memory_mb = 100;
  CHECK_THROWS_WITH_AS(simulate(w, platform::aws_lambda(), a, o),
                       doctest::Contains("memory_mb = 100"), std::invalid_argument);
  o.memory_mb = 1024;
  o.reserved_concurrency = -1;
  CHECK_THROWS_WITH_AS(simulate(w, platform::aws_lambda(), a, o),
                       "reserved_concurrency = -1: must be >= 0",
                       std::invalid_argument);
  o.reserved_concurrency = 2;
  o.provisioned_concurrency = 3;
  CHECK_THROWS_WITH_AS(
      simulate(w, platform::aws_lambda(), a, o),
      doctest::Contains("provisioned_concurrency = 3: must not exceed"),
      std::invalid_argument);
  o = no_recycling(600);
  o.replications = 0;
  CHECK_THROWS_AS(simulate(w, platform::aws_lambda(), a, o), std::invalid_argument);
  o.initial_instances = -1;
  CHECK_THROWS_WITH_AS(simulate(w, platform::aws_lambda(), a, o),
                       "initial_instances = -1: must be >= 0", std::invalid_argument);
  CHECK_THROWS_AS(keep_alive_model::fixed(0), std::invalid_argument);
  CHECK_THROWS_AS(keep_alive_model::fixed(-5), std::invalid_argument);
  CHECK_THROWS_AS(recycling_model::fixed(-1), std::invalid_argument);
  profile big = w;
  big.peak_memory_mb = 2048;
  o = no_recycling(600);
  CHECK_THROWS_WITH_AS(simulate(big, platform::aws_lambda(), a, o),
                       doctest::Contains("peak_memory_mb"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(pool_model::from_json(R"({"schema_version": 1, "name": "x",
      "keep_alive": {"kind": "fixed", "seconds": 0},
      "recycling": {"early_recycle_per_hour": 0, "max_lifetime_s": {"min": 0, "max": 0}}})",
                                             "pool.json"),
                       doctest::Contains("pool.json: /keep_alive: keep_alive_s = 0"),
                       config_error);
  CHECK_THROWS_WITH_AS(
      pool_model::from_json(R"({"schema_version": 1, "name": "x", "typo": 1,
      "keep_alive": {"kind": "fixed", "seconds": 600},
      "recycling": {"early_recycle_per_hour": 0, "max_lifetime_s": {"min": 0, "max": 0}}})",
                            "pool.json"),
      doctest::Contains("/typo"), config_error);
  // found by fuzzing: a number too large for a double is a config_error, not a crash
  CHECK_THROWS_WITH_AS(pool_model::from_json("1e999", "pool.json"),
                       doctest::Contains("pool.json: invalid JSON"), config_error);
}

TEST_CASE("the simulated month's bill") {
  // The hand-made trace above: 6 requests of 1 s over 10 s, 5 cold, cold = warm = 1000
  // ms (init 0), 1024 MB, x86_64 us-east-1, no free tier. Scaled to a month of 730.485
  // h: requests = 6 * 730.485 * 3600 / 10 = 1577847.6; each bills 1 s * 1 GB = 1 GB-s:
  // compute = 1577847.6 * 0.0000166667 = 26.29752 USD, requests = 1.5778476 * 0.20 =
  // 0.31556952 USD.
  const profile w = fixed_profile(1000, 0);
  const platform p = platform::aws_lambda();
  const auto prices = price_table::aws("us-east-1", architecture::x86_64);
  const auto res =
      simulate(w, p, arrivals::trace({0, 0.1, 0.2, 0.3, 0.4, 10}), no_recycling(640));
  const auto b = simulated_bill(res, w, p, prices);
  CHECK(mean_month_hours == doctest::Approx(730.485));
  CHECK(b.requests == doctest::Approx(1577847.6));
  CHECK(b.cold_starts == doctest::Approx(1577847.6 * 5 / 6));
  CHECK(b.gb_s == doctest::Approx(1577847.6));
  CHECK(b.compute_usd == doctest::Approx(1577847.6 * 0.0000166667).epsilon(1e-9));
  CHECK(b.requests_usd == doctest::Approx(0.31556952).epsilon(1e-9));
  CHECK(b.provisioned_usd == 0);
  // provisioned 5 all month: 5 instances x 1 GB x 730.485 h enabled at 0.0000041667 per
  // GB-s, rounded up to 5 minutes -> 730.5 h = 2629800 s: 5 * 2629800 * 0.0000041667
  // = 54.78823 USD, plus every request executing on them at 0.0000097222 per GB-s
  // = 1577847.6 * 0.0000097222 = 15.34015 USD
  auto o = no_recycling(640);
  o.provisioned_concurrency = 5;
  const auto pc = simulate(w, p, arrivals::trace({0, 0.1, 0.2, 0.3, 0.4, 10}), o);
  const auto bp = simulated_bill(pc, w, p, prices);
  CHECK(bp.provisioned_requests == doctest::Approx(1577847.6));
  CHECK(bp.cold_starts == 0);
  CHECK(bp.provisioned_usd ==
        doctest::Approx(5 * 2629800 * 0.0000041667 + 1577847.6 * 0.0000097222)
            .epsilon(1e-6));
  CHECK_THROWS_AS(simulated_bill(res, w, p, prices, {}, 0), std::invalid_argument);
}

namespace {
// P(X <= x) for X ~ Binomial(n, p), summed term by term in logs.
double binomial_cdf(int x, int n, double p) {
  double s = 0;
  for (int k = 0; k <= x; ++k)
    s +=
        std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) -
                 std::lgamma(n - k + 1.0) + k * std::log(p) + (n - k) * std::log1p(-p));
  return s;
}
// The p at which f(p) crosses `target`, f decreasing in p, by bisection.
template <class F>
double bisect(F f, double target) {
  double lo = 0, hi = 1;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (f(mid) > target ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}
}  // namespace

TEST_CASE("Clopper-Pearson interval: published values and its definition") {
  // the tabulated example: 5 of 20 at 95 % is [0.0866, 0.4910] (to 4 digits)
  auto ci = clopper_pearson(5, 20, 0.95);
  CHECK(ci.lo == doctest::Approx(0.0866).epsilon(6e-4));
  CHECK(ci.hi == doctest::Approx(0.4910).epsilon(2e-4));
  // none of n: [0, 1 - (alpha/2)^(1/n)]; all of n: [(alpha/2)^(1/n), 1]
  ci = clopper_pearson(0, 20, 0.95);
  CHECK(ci.lo == 0);
  CHECK(ci.hi == doctest::Approx(1 - std::pow(0.025, 1.0 / 20)).epsilon(1e-12));
  ci = clopper_pearson(30, 30, 0.9);
  CHECK(ci.lo == doctest::Approx(std::pow(0.05, 1.0 / 30)).epsilon(1e-12));
  CHECK(ci.hi == 1);
  // the definition: P(X >= x | lo) = alpha/2 and P(X <= x | hi) = alpha/2, solved by
  // bisection on the binomial sum
  for (const auto& xn : {std::pair{1, 10}, {7, 50}, {120, 400}, {399, 400}}) {
    // plain copies: clang 14 cannot capture structured bindings in lambdas
    const int x = xn.first, n = xn.second;
    CAPTURE(x);
    CAPTURE(n);
    ci = clopper_pearson(static_cast<std::uint64_t>(x), static_cast<std::uint64_t>(n),
                         0.95);
    const double hi = bisect([&](double p) { return binomial_cdf(x, n, p); }, 0.025);
    const double lo =
        bisect([&](double p) { return binomial_cdf(x - 1, n, p); }, 0.975);
    CHECK(ci.hi == doctest::Approx(hi).epsilon(1e-9));
    CHECK(ci.lo == doctest::Approx(lo).epsilon(1e-9));
  }
  ci = clopper_pearson(0, 0, 0.95);
  CHECK(std::isnan(ci.lo));
  CHECK(std::isnan(ci.hi));
  CHECK_THROWS_WITH_AS(clopper_pearson(3, 2, 0.95), "x = 3: must be <= n = 2",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(clopper_pearson(1, 2, 1.0), "level = 1: must be in (0, 1)",
                       std::invalid_argument);
}

TEST_CASE("the simulated cold fraction's interval covers exp(-r keep_alive)") {
  // as the Poisson single-instance case above: cold exactly when the gap exceeds the
  // keep-alive, independent from request to request, so the binomial interval applies
  const profile w = fixed_profile(1, 0);
  for (double r : {1.0 / 3000, 1.0 / 640, 1.0 / 200}) {
    auto o = no_recycling(640);
    o.seed = 5;
    o.cold_fraction_level = 0.999;
    const auto res =
        simulate(w, platform::aws_lambda(), arrivals::poisson(r, 50000 / r), o);
    const double expect = std::exp(-r * 640);
    CAPTURE(r);
    CHECK(res.cold_fraction_level == 0.999);
    CHECK(res.cold_fraction_lo < res.cold_fraction);
    CHECK(res.cold_fraction < res.cold_fraction_hi);
    CHECK(res.cold_fraction_lo < expect);
    CHECK(expect < res.cold_fraction_hi);
    // width close to the normal approximation's 2 z sqrt(p(1-p)/n), z(0.9995) = 3.2905
    const double n = static_cast<double>(res.served);
    const double p = res.cold_fraction;
    CHECK(res.cold_fraction_hi - res.cold_fraction_lo ==
          doctest::Approx(2 * 3.2905 * std::sqrt(p * (1 - p) / n)).epsilon(0.03));
  }
  simulate_options o = no_recycling(600);
  o.cold_fraction_level = 0;
  CHECK_THROWS_WITH_AS(o.validate(), "cold_fraction_level = 0: must be in (0, 1)",
                       std::invalid_argument);
  // the default, written once in simulate_options
  CHECK(simulate_options{}.cold_fraction_level == 0.95);
}

TEST_CASE("a simulation too long to be meant is refused with an estimate") {
  // 1e9 requests per second for a day: 8.64e13 requests, about 1.3e5 minutes at 11 M/s.
  const arrivals a = arrivals::poisson(1e9, 86400);
  simulate_options o;
  o.memory_mb = 1024;
  const auto m =
      message_of([&] { simulate(cpu_profile(100), platform::aws_lambda(), a, o); });
  CHECK(
      m ==
      "expected requests = 8.64e+13 (about 130909 min to simulate): above "
      "max_requests = 1e+09; shorten the period, lower the rate or raise max_requests");
}
