// SPDX-License-Identifier: MIT
#include "lambdasim/log_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "lambdasim/error.hpp"

namespace lambdasim {

namespace {
constexpr int total_buckets = log_histogram::buckets + 2;  // with under/overflow
constexpr int slack = 128;  // half an octave each side of the first value
}  // namespace

void log_histogram::cover(int from, int to) {
  const int hi = lo_ + static_cast<int>(counts_.size());
  if (!counts_.empty() && from >= lo_ && to <= hi) return;
  int new_lo = counts_.empty() ? from - slack : std::min(lo_, from);
  int new_hi = counts_.empty() ? to + slack : std::max(hi, to);
  if (!counts_.empty()) {  // grow by at least the current size: amortised O(1)
    const int size = hi - lo_;
    if (new_lo < lo_) new_lo = std::min(new_lo, lo_ - size);
    if (new_hi > hi) new_hi = std::max(new_hi, hi + size);
  }
  new_lo = std::max(new_lo, 0);
  new_hi = std::min(new_hi, total_buckets);
  std::vector<std::uint64_t> c(static_cast<std::size_t>(new_hi - new_lo), 0);
  std::copy(counts_.begin(), counts_.end(), c.begin() + (lo_ - new_lo));
  counts_ = std::move(c);
  lo_ = new_lo;
}

void log_histogram::add_outside(int i) {
  cover(i, i + 1);
  ++counts_[static_cast<std::size_t>(i - lo_)];
}

std::vector<std::uint64_t> log_histogram::counts() const {
  std::vector<std::uint64_t> c(static_cast<std::size_t>(total_buckets), 0);
  std::copy(counts_.begin(), counts_.end(), c.begin() + lo_);
  return c;
}

log_histogram log_histogram::from_parts(int first_bucket,
                                        std::vector<std::uint64_t> counts,
                                        std::uint64_t n, double sum, double min,
                                        double max) {
  if (first_bucket < 0 || static_cast<std::size_t>(first_bucket) + counts.size() >
                              static_cast<std::size_t>(total_buckets))
    detail::throw_invalid(
        "first_bucket", first_bucket,
        "with the counts, must lie within 0.." + std::to_string(total_buckets - 1));
  std::uint64_t total = 0;
  for (auto c : counts) total += c;
  if (total != n)
    detail::throw_invalid("n", static_cast<double>(n),
                          "must equal the sum of the counts, " + std::to_string(total));
  log_histogram h;
  h.counts_ = std::move(counts);
  h.lo_ = first_bucket;
  h.n_ = n;
  h.sum_ = sum;
  h.min_ = min;
  h.max_ = max;
  return h;
}

void log_histogram::merge(const log_histogram& other) {
  if (!other.counts_.empty()) {
    cover(other.lo_, other.lo_ + static_cast<int>(other.counts_.size()));
    const auto off = static_cast<std::size_t>(other.lo_ - lo_);
    for (std::size_t i = 0; i < other.counts_.size(); ++i)
      counts_[off + i] += other.counts_[i];
  }
  n_ += other.n_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

double log_histogram::mean() const {
  return n_ ? sum_ / static_cast<double>(n_) : std::numeric_limits<double>::quiet_NaN();
}
double log_histogram::min() const {
  return n_ ? min_ : std::numeric_limits<double>::quiet_NaN();
}
double log_histogram::max() const {
  return n_ ? max_ : std::numeric_limits<double>::quiet_NaN();
}

double log_histogram::lower_edge(int i) {
  if (i <= 0) return 0;
  const std::int64_t key =
      (static_cast<std::int64_t>(1023 + min_exponent) << sub_bits) + i - 1;
  const int e = static_cast<int>(key >> sub_bits) - 1023;
  const double frac =
      1.0 + static_cast<double>(key & ((1 << sub_bits) - 1)) / (1 << sub_bits);
  return std::ldexp(frac, e);
}

double log_histogram::quantile(double q) const {
  if (!(q >= 0 && q <= 1)) detail::throw_invalid("q", q, "must be within 0..1");
  if (n_ == 0) return std::numeric_limits<double>::quiet_NaN();
  // nearest rank: the ceil(q n)-th smallest sample, at least the first
  auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(n_)));
  rank = std::max<std::uint64_t>(rank, 1);
  std::uint64_t seen = 0;
  std::size_t k = 0;
  for (; k < counts_.size(); ++k) {
    seen += counts_[k];
    if (seen >= rank) break;
  }
  // n_ > 0 means the counts sum to n_ >= rank: the scan stops inside the range
  const int i = lo_ + static_cast<int>(std::min(k, counts_.size() - 1));
  if (i == 0) return min_;
  if (i == total_buckets - 1) return max_;
  const double lo = lower_edge(i);
  const double mid = lo * (1.0 + relative_error);
  return std::clamp(mid, min_, max_);
}

}  // namespace lambdasim
