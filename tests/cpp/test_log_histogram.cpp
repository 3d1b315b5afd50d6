// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <lambdasim/log_histogram.hpp>
#include <random>
#include <stdexcept>
#include <vector>

using namespace lambdasim;

TEST_CASE("log histogram percentiles within the stated relative error") {
  std::mt19937_64 g(7);
  log_histogram h;
  std::vector<double> xs;
  for (int i = 0; i < 20000; ++i) {
    // lognormal-ish spread over five decades, independent of the simulator's sampler
    const double u = static_cast<double>(g() >> 11) * 0x1.0p-53;
    const double x = std::pow(10.0, -1 + 5 * u);
    xs.push_back(x);
    h.add(x);
  }
  std::sort(xs.begin(), xs.end());
  for (double q : {0.0, 0.01, 0.5, 0.9, 0.99, 0.999, 1.0}) {
    const auto rank =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(q * 20000)));
    const double exact = xs[rank - 1];
    CAPTURE(q);
    CHECK(std::abs(h.quantile(q) / exact - 1) <= log_histogram::relative_error);
  }
  CHECK(h.count() == 20000);
  CHECK(h.min() == xs.front());
  CHECK(h.max() == xs.back());
  log_histogram e;
  CHECK(std::isnan(e.quantile(0.5)));
  e.add(0);
  e.add(0);
  CHECK(e.quantile(0.5) == 0);
  CHECK_THROWS_AS(h.quantile(1.5), std::invalid_argument);
  // 2^-9: the midpoint of a bucket of relative width 2^-8
  CHECK(log_histogram::relative_error == 1.0 / 512);
}
