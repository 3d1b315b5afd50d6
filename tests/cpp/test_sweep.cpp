// SPDX-License-Identifier: MIT
// Recorded sweeps (sweep.hpp): aggregation of a size's durations. The loaders are
// tested in test_sweep_loaders.cpp and test_powertuning.cpp.
#include <doctest/doctest.h>

#include <lambdasim/error.hpp>
#include <lambdasim/sweep.hpp>
#include <vector>

using namespace lambdasim;

TEST_CASE("aggregation: median, Power Tuning trimmed mean, percentiles") {
  // 10 values 1..10: median 5.5; trimmed mean drops floor(10*0.2) = 2 at each end:
  // mean(3..8) = 5.5; with an outlier 100 instead of 10 the median and trimmed mean
  // stay.
  std::vector<double> v{100, 2, 3, 4, 5, 6, 7, 8, 9, 1};
  CHECK(detail::aggregate_values(v, aggregation::median) == 5.5);
  CHECK(detail::aggregate_values(v, aggregation::trimmed_mean) == 5.5);
  CHECK(detail::aggregate_values(v, aggregation::mean) == doctest::Approx(14.5));
  // type-7 percentile of 1..10 (sorted): h = 0.05 * 9 = 0.45 -> 1.45
  std::vector<double> s{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(detail::percentile_sorted(s, 0.05) == doctest::Approx(1.45));
  CHECK(aggregation_from_string("trimmed_mean") == aggregation::trimmed_mean);
  CHECK_THROWS_AS(aggregation_from_string("mode"), std::invalid_argument);
}
