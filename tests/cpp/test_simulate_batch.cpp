// SPDX-License-Identifier: MIT
// Many simulations in one call (simulate_batch.hpp) equal one-at-a-time simulations
// exactly, for any thread count.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/simulate_batch.hpp>
#include <vector>

using namespace lambdasim;

TEST_CASE("many simulations in one call equal one-at-a-time simulations") {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(100), component::io(20)};
  w.init_ms = 300;
  w.cv = 0.2;
  std::vector<simulation_case> cases;
  std::uint64_t seed = 1;
  for (double m : {512.0, 1769.0})
    for (double rate : {0.01, 1.0})
      for (int provisioned : {0, 1}) {
        simulation_case c{arrivals::poisson(rate, 20000), {}};
        c.options.memory_mb = m;
        c.options.provisioned_concurrency = provisioned;
        c.options.seed = seed++;
        c.options.replications = 2;
        c.options.timeline_bins = 10;
        cases.push_back(c);
      }
  std::vector<simulation_result> one;
  for (const auto& c : cases) one.push_back(simulate(w, p, c.traffic, c.options));
  for (int threads : {1, 2, 0}) {
    const auto many = simulate(w, p, std::span<const simulation_case>(cases), threads);
    REQUIRE(many.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
      CHECK(many[i].requests == one[i].requests);
      CHECK(many[i].cold_starts == one[i].cold_starts);
      CHECK(many[i].all.mean_ms == one[i].all.mean_ms);
      CHECK(many[i].all.p99_ms == one[i].all.p99_ms);
      CHECK(many[i].instance_seconds == one[i].instance_seconds);
      CHECK(many[i].timeline_busy_s == one[i].timeline_busy_s);
    }
  }
  // a rate of 1/s with keep-alive of minutes: almost every request warm
  CHECK(one[2].cold_fraction < 0.01);
  cases[5].options.memory_mb = 100;
  CHECK_THROWS_WITH_AS(simulate(w, p, std::span<const simulation_case>(cases), 2),
                       doctest::Contains("cases[5]: "), std::invalid_argument);
}
