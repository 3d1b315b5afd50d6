// SPDX-License-Identifier: MIT
/// @file log_histogram.hpp
/// A streaming, fixed-size, log-bucketed histogram for latency percentiles: memory does
/// not grow with the number of samples, and every percentile is within a stated
/// relative error of the exact one.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

namespace lambdasim {

/// Counts of positive values in buckets of relative width 2^-8 (0.39 %): each octave
/// [2^e, 2^(e+1)) is split into 256 equal buckets, for e from -20 to 43 (about 1e-6 to
/// 1.8e13 in the unit of the samples, milliseconds here). The exact count, sum, minimum
/// and maximum are kept as well.
///
/// Error bound: quantile(q) returns the midpoint of the bucket holding the nearest-rank
/// order statistic (the ceil(q n)-th smallest sample), clamped to [min, max]; it is
/// within a relative 2^-9 = 0.196 % of that sample. Values below 2^-20 (including 0)
/// share one underflow bucket and values from 2^44 up one overflow bucket; their
/// quantiles are reported as the exact min or max.
///
/// Storage: only the range of buckets between the smallest and largest value seen (plus
/// slack) is allocated, on the first add, so an empty or narrow histogram costs a few
/// hundred bytes instead of the 128 KiB of every bucket (which made each simulate()
/// call pay for page faults). Counts and quantiles do not depend on it.
class log_histogram {
 public:
  static constexpr int sub_bits = 8;                   ///< 256 buckets per octave
  static constexpr int min_exponent = -20;             ///< first octave 2^-20
  static constexpr int octaves = 64;                   ///< up to 2^44
  static constexpr int buckets = octaves << sub_bits;  ///< regular buckets
  static constexpr double relative_error = 1.0 / (1 << (sub_bits + 1));  ///< 2^-9

  log_histogram() = default;

  /// Adds one value (x >= 0 and finite; the simulator only adds durations).
  void add(double x) {
    const int i = index(x);
    // i below lo_ wraps to a huge unsigned offset: one test for both ends
    const auto k = static_cast<std::size_t>(static_cast<unsigned>(i - lo_));
    if (k < counts_.size())
      ++counts_[k];
    else
      add_outside(i);
    ++n_;
    sum_ += x;
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }
  /// Adds another histogram's counts.
  void merge(const log_histogram& other);

  std::uint64_t count() const { return n_; }
  double sum() const { return sum_; }
  /// Exact mean; NaN when empty.
  double mean() const;
  /// Exact minimum and maximum; NaN when empty.
  double min() const;
  double max() const;
  /// Nearest-rank quantile, q in [0, 1], within relative_error (see above); NaN when
  /// empty. @throws std::invalid_argument unless 0 <= q <= 1
  double quantile(double q) const;

  /// Lower edge of bucket i (0 <= i <= buckets + 1; index 0 is the underflow bucket).
  static double lower_edge(int i);
  /// Bucket counts, underflow first, overflow last (size buckets + 2).
  std::vector<std::uint64_t> counts() const;
  /// Count of bucket i (0 <= i <= buckets + 1).
  std::uint64_t count_at(int i) const {
    const auto k = static_cast<std::size_t>(static_cast<unsigned>(i - lo_));
    return k < counts_.size() ? counts_[k] : 0;
  }
  /// The allocated range: counts of buckets first_bucket() .. first_bucket() +
  /// stored().size() - 1, every other bucket empty.
  int first_bucket() const { return lo_; }
  const std::vector<std::uint64_t>& stored() const { return counts_; }
  /// Rebuilds a histogram from its parts (pickling): counts of buckets first_bucket ..
  /// first_bucket + counts.size() - 1, and the exact count, sum, min and max.
  /// @throws std::invalid_argument when the parts do not describe a histogram
  static log_histogram from_parts(int first_bucket, std::vector<std::uint64_t> counts,
                                  std::uint64_t n, double sum, double min, double max);

  /// Bucket index of x: 0 underflow, 1..buckets regular, buckets + 1 overflow.
  static int index(double x) {
    // The top bits of an IEEE double are its exponent and leading mantissa bits, so
    // (bits >> (52 - sub_bits)) is a log-linear bucket number with no log() call.
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const auto key = static_cast<std::int64_t>(bits >> (52 - sub_bits));
    const std::int64_t first = static_cast<std::int64_t>(1023 + min_exponent)
                               << sub_bits;
    const std::int64_t i = key - first + 1;
    if (i < 1)
      return 0;  // also 0.0 (and negative values, which have the sign bit set
                 // and land in overflow below; callers only add x >= 0)
    if (i > buckets) return buckets + 1;
    return static_cast<int>(i);
  }

 private:
  void add_outside(int i);
  /// Grows the allocated range to include buckets [from, to).
  void cover(int from, int to);

  std::vector<std::uint64_t> counts_;  ///< buckets lo_ .. lo_ + size - 1
  int lo_ = 0;
  std::uint64_t n_ = 0;
  double sum_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace lambdasim
