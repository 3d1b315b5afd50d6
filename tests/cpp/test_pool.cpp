// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/pool.hpp>
#include <stdexcept>

using namespace lambdasim;

TEST_CASE("closed form cold probability") {
  // exp(-r K) with r K = 1
  CHECK(cold_probability(1.0 / 640, 640) ==
        doctest::Approx(std::exp(-1.0)).epsilon(1e-15));
  CHECK(cold_probability(0, 640) == 1);
  // survival 1 -> 0 linearly over (0, 100]: K uniform on (0, 100),
  // E[exp(-r K)] = (1 - exp(-100 r)) / (100 r); r = 0.01: 1 - 1/e
  const auto k = keep_alive_model::empirical({100}, {0}, {10});
  CHECK(cold_probability(0.01, k) ==
        doctest::Approx(1 - std::exp(-1.0)).epsilon(1e-12));
  CHECK(k.mean_s() == 50);
  CHECK(k.quantile(0.25) == 75);  // S(t) = 1 - t / 100 = 0.25 at t = 75
  CHECK_THROWS_AS(cold_probability(-1, 640), std::invalid_argument);
  CHECK_THROWS_WITH_AS(cold_probability(1, 0),
                       "keep_alive_s = 0: must be > 0 and finite",
                       std::invalid_argument);
}

TEST_CASE("empirical keep-alive: pool adjacent violators on the 2025 data") {
  // warm out of 100 at 60, 120, 180, 240 s: 100, 98, 100, 99 -> 1, .99, .99, .99 (the
  // violation 98 < 100 pools to 99), then 0 at 360 s
  const auto k = keep_alive_model::empirical(
      {60, 120, 180, 240, 360}, {100, 98, 100, 99, 0}, {100, 100, 100, 100, 100});
  REQUIRE(k.survival.size() == 5);
  CHECK(k.survival[0] == 1);
  CHECK(k.survival[1] == doctest::Approx(0.99));
  CHECK(k.survival[2] == doctest::Approx(0.99));
  CHECK(k.survival[3] == doctest::Approx(0.99));
  CHECK(k.survival[4] == 0);
  CHECK_THROWS_AS(keep_alive_model::empirical({60, 120}, {100, 50}, {100, 100}),
                  std::invalid_argument);  // never reaches 0
  // the shipped 2025 model: warm through 300 s (92 %), cold from 360 s
  const auto m = pool_model::named("aws-lambda");
  CHECK(m.keep_alive.quantile(0.92) == doctest::Approx(300));
  CHECK(m.keep_alive.quantile(0.0) == doctest::Approx(360));
  CHECK(pool_model::named("aws-lambda-2020").keep_alive.fixed_s == 640);
  CHECK_THROWS_AS(pool_model::named("nowhere"), std::invalid_argument);
}
