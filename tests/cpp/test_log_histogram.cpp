// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
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

TEST_CASE(
    "log histogram stores only the buckets it needs: counts equal a dense tally") {
  // Values arriving in an order that grows the stored range down, up and across the
  // under/overflow buckets; the dense tally by index() is the reference.
  const std::vector<double> xs = {5.0, 5.1, 0.5, 2e4, 0.0, 3e-7, 1e15, 7.0, 5.0, 1e-3};
  std::vector<std::uint64_t> dense(log_histogram::buckets + 2, 0);
  log_histogram h;
  for (double x : xs) {
    h.add(x);
    ++dense[static_cast<std::size_t>(log_histogram::index(x))];
  }
  CHECK(h.counts() == dense);
  log_histogram empty;
  CHECK(empty.stored().empty());  // nothing allocated before the first value
  CHECK(empty.counts() == std::vector<std::uint64_t>(log_histogram::buckets + 2, 0));
  // merging histograms with disjoint ranges, in either order
  log_histogram a, b;
  for (std::size_t i = 0; i < xs.size(); ++i) (i % 2 ? a : b).add(xs[i]);
  log_histogram ab = a, ba = b;
  ab.merge(b);
  ba.merge(a);
  CHECK(ab.counts() == dense);
  CHECK(ba.counts() == dense);
  for (double q : {0.0, 0.1, 0.5, 0.7, 0.95, 1.0}) {
    CAPTURE(q);
    CHECK(ab.quantile(q) == h.quantile(q));
  }
  log_histogram narrow;  // one octave of values: a few hundred buckets, not 16,386
  for (int i = 0; i < 1000; ++i) narrow.add(4.0 + 4.0 * i / 1000);
  CHECK(narrow.stored().size() <= 1024u);
  // rebuilt from its parts (pickling)
  const log_histogram r = log_histogram::from_parts(
      h.first_bucket(), h.stored(), h.count(), h.sum(), h.min(), h.max());
  CHECK(r.counts() == dense);
  CHECK(r.quantile(0.5) == h.quantile(0.5));
  CHECK_THROWS_AS(log_histogram::from_parts(0, {1, 2}, 4, 0, 0, 1),
                  std::invalid_argument);
  CHECK_THROWS_AS(log_histogram::from_parts(-1, {1}, 1, 0, 0, 1),
                  std::invalid_argument);
}
