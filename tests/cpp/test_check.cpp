// SPDX-License-Identifier: MIT
// The regression check's shift rule against hand calculations.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <lambdasim/check.hpp>
#include <lambdasim/predict.hpp>

using namespace lambdasim;

namespace {
// A flat profile (1000 ms of io) and one invocation per size at 1000 x factor.
sweep flat(const std::vector<double>& factors) {
  sweep s;
  double m = 1024;
  for (double f : factors) {
    sweep_row r;
    r.memory_mb = m;
    r.duration_ms = 1000 * f;
    s.rows.push_back(r);
    m += 512;
  }
  return s;
}
profile io1000() {
  profile w;
  w.components = {component::io(1000)};
  return w;
}
}  // namespace

TEST_CASE("check: the shift of the whole curve, its interval and the warnings") {
  const platform p = platform::aws_lambda();
  // Log ratios ln(1.02), ln(0.98), ln(1.01), ln(0.99), ln(1): median 0; deviations
  // |x - 0| sorted 0, 0.00995, 0.01005, 0.0198, 0.0202 -> MAD = -ln(0.99) (the third).
  const auto r = check(io1000(), flat({1.02, 0.98, 1.01, 0.99, 1.0}), p);
  CHECK(r.rule == "shift");
  CHECK(r.shift == doctest::Approx(0).epsilon(1e-12));
  const double sd = -1.4826 * std::log(0.99);
  // The profile's own level error (3 %) adds in quadrature.
  const double se = std::hypot(1.2533 * sd / std::sqrt(5.0), 0.03);
  const double t = boost::math::quantile(boost::math::students_t(4.0), 0.95);
  CHECK(r.shift_hi == doctest::Approx(std::expm1(t * se)).epsilon(1e-9));
  CHECK(r.detectable_shift == doctest::Approx(0.1 + 2 * t * se).epsilon(1e-9));
  CHECK(r.passed);
  // A 30 % slowdown of everything fails: the interval lies beyond +10 %.
  const auto slow = check(io1000(), flat({1.32, 1.28, 1.31, 1.29, 1.3}), p);
  CHECK(slow.shift == doctest::Approx(0.3).epsilon(1e-9));
  CHECK_FALSE(slow.passed);
  CHECK(slow.report().find("FAIL: the curve is shifted by +30.0%") !=
        std::string::npos);
  // One size 50 % off among steady ones: a warning, not a failure.
  const auto one = check(io1000(), flat({1.01, 0.99, 1.5, 1.0, 1.02, 0.98}), p);
  CHECK(one.passed);
  CHECK(one.failures == 1);
  CHECK(one.outside_band == std::vector<bool>{false, false, true, false, false, false});
  REQUIRE(one.warnings.size() == 1);
  CHECK(one.warnings[0].rfind("2048 MB: observed 1500.0 ms", 0) == 0);
  {
    // The band is symmetric in log: -x .. +y %, not +-y %. By hand: median of the
    // six log ratios ln(1.01)/2; MAD the median of their distances to it; t(5).
    const std::vector<double> f{1.01, 0.99, 1.5, 1.0, 1.02, 0.98};
    const double mid = std::log(1.01) / 2;
    std::vector<double> d;
    for (double v : f) d.push_back(std::abs(std::log(v) - mid));
    std::sort(d.begin(), d.end());
    const double band = boost::math::quantile(boost::math::students_t(5.0), 0.95) *
                        1.4826 * (d[2] + d[3]) / 2;
    char want[80];
    std::snprintf(want, sizeof want, "band (%+.1f .. %+.1f %%)",
                  100 * std::expm1(-band), 100 * std::expm1(band));
    CHECK(one.warnings[0].find(want) != std::string::npos);
    CHECK(one.report().find("status: against the shifted curve") != std::string::npos);
  }
  // The per-size rule on request: the same sweep fails at rtol 0.1.
  const auto strict =
      check(io1000(), flat({1.01, 0.99, 1.5, 1.0, 1.02, 0.98}), p, {.rtol = 0.1});
  CHECK(strict.rule == "per_size");
  CHECK_FALSE(strict.passed);
  CHECK_THROWS_WITH_AS(check(io1000(), flat({1, 1}), p, {.shift_tolerance = -0.1}),
                       doctest::Contains("shift_tolerance = -0.1"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(check(io1000(), flat({1, 1}), p, {.level = 1.0}),
                       doctest::Contains("level = 1"), std::invalid_argument);
}

TEST_CASE("check: one sign convention, a slowdown is positive per size and overall") {
  // A profile with a memory-dependent curve: 200 ms of io + 1000 ms of cpu at 1 vCPU.
  // The sweep is exactly 1.3 x its curve at four sizes, so by hand every size's
  // deviation is observed / predicted - 1 = 1.3 - 1 = +0.3, and the shift
  // exp(median ln 1.3) - 1 = +0.3 too; the old rel_error is 1/1.3 - 1 = -0.2308.
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::io(200), component::cpu(1000)};
  sweep s;
  for (double m : {512.0, 1024.0, 1769.0, 3008.0}) {
    sweep_row r;
    r.memory_mb = m;
    r.duration_ms = 1.3 * warm_ms(w, p, m);
    s.rows.push_back(r);
  }
  // The profile's warm curve at one vCPU and above is 200 + 1000 ms, by hand.
  CHECK(warm_ms(w, p, 1769.0) == doctest::Approx(1200).epsilon(1e-9));
  CHECK(warm_ms(w, p, 3008.0) == doctest::Approx(1200).epsilon(1e-9));
  const auto r = check(w, s, p);
  for (Eigen::Index i = 0; i < 4; ++i) {
    CHECK(r.deviation[i] == doctest::Approx(0.3).epsilon(1e-12));
    CHECK(r.rel_error[i] == doctest::Approx(1 / 1.3 - 1).epsilon(1e-12));
  }
  CHECK(r.shift == doctest::Approx(0.3).epsilon(1e-12));
  CHECK(r.max_abs_deviation == doctest::Approx(0.3).epsilon(1e-12));
  CHECK_FALSE(r.passed);
  CHECK(r.report().find("+30.0%") != std::string::npos);
  CHECK(r.report().find("-23.1%") == std::string::npos);  // no opposite-sign column
  // The per-size rule reads the same deviation: 0.3 fails rtol 0.29, passes 0.31.
  CHECK_FALSE(check(w, s, p, {.rtol = 0.29}).passed);
  CHECK(check(w, s, p, {.rtol = 0.31}).passed);
  // A 30 % speed-up is -23.1 % (1/1.3 - 1) on both: one convention.
  sweep fast = s;
  for (auto& row : fast.rows) row.duration_ms /= 1.69;
  const auto f = check(w, fast, p);
  CHECK(f.deviation[0] == doctest::Approx(1 / 1.3 - 1).epsilon(1e-12));
  CHECK(f.shift == doctest::Approx(1 / 1.3 - 1).epsilon(1e-12));
}
