// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "detail/random.hpp"

using namespace lambdasim;

TEST_CASE("ziggurat samplers follow Exp(1) and N(0, 1)") {
  // Kolmogorov-Smirnov distance against the closed-form CDFs; for n = 200000 the 0.1 %
  // critical value is 1.95 / sqrt(n) = 0.00436. Moments: mean and variance within 5
  // standard errors.
  const std::size_t n = 200000;
  auto ks = [&](std::vector<double> v, auto cdf) {
    std::sort(v.begin(), v.end());
    double d = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const double f = cdf(v[i]);
      d = std::max(
          {d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
    }
    return d;
  };
  const auto e = detail::sample_exponential(1, n);
  CHECK(ks(e, [](double x) { return 1 - std::exp(-x); }) < 1.95 / std::sqrt(n));
  double m = 0, m2 = 0;
  for (double x : e) m += x / n;
  CHECK(std::abs(m - 1) < 5 / std::sqrt(n));  // sd of Exp(1) = 1
  // tail: P(X > 8) = exp(-8) = 3.35e-4 -> about 67 of 200000 beyond the ziggurat's r
  // = 7.7
  const auto beyond = std::count_if(e.begin(), e.end(), [](double x) { return x > 8; });
  CHECK(beyond > 67 - 5 * 8.2);
  CHECK(beyond < 67 + 5 * 8.2);
  const auto z = detail::sample_normal(2, n);
  CHECK(ks(z, [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }) <
        1.95 / std::sqrt(n));
  m = 0;
  for (double x : z) {
    m += x / n;
    m2 += x * x / n;
  }
  CHECK(std::abs(m) < 5 / std::sqrt(n));
  CHECK(std::abs(m2 - 1) < 5 * std::sqrt(2.0 / n));
  // |Z| > 3.7 (beyond r = 3.654): 2 * (1 - Phi(3.7)) = 2.157e-4 -> 43 of 200000
  const auto tail =
      std::count_if(z.begin(), z.end(), [](double x) { return std::abs(x) > 3.7; });
  CHECK(tail > 43 - 5 * 6.6);
  CHECK(tail < 43 + 5 * 6.6);
}

TEST_CASE("stream seeds: splitmix64 of the seed, mixed with the index") {
  // splitmix64's published first output for state 0 is 0xe220a8397b1dcdaf (Vigna's
  // reference implementation, x = 0 then x += 0x9e3779b97f4a7c15): mix(0).
  // stream_seed(0, 0) = mix(mix(0) ^ 0) = mix(0xe220a8397b1dcdaf).
  auto mix = [](std::uint64_t z) {  // Vigna's splitmix64 step, written out here
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  CHECK(mix(0) == 0xe220a8397b1dcdafULL);
  CHECK(detail::stream_seed(0, 0) == mix(0xe220a8397b1dcdafULL));
  CHECK(detail::stream_seed(7, 1) != detail::stream_seed(7, 2));
  CHECK(detail::stream_seed(7, 1) != detail::stream_seed(8, 1));
}
