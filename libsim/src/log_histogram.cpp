// SPDX-License-Identifier: MIT
#include "lambdasim/log_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "lambdasim/error.hpp"

namespace lambdasim {

log_histogram::log_histogram()
    : counts_(static_cast<std::size_t>(buckets) + 2, 0),
      min_(std::numeric_limits<double>::infinity()),
      max_(-std::numeric_limits<double>::infinity()) {}

void log_histogram::merge(const log_histogram& other) {
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
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
  std::size_t i = 0;
  for (; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) break;
  }
  if (i == 0) return min_;
  if (i == counts_.size() - 1) return max_;
  const double lo = lower_edge(static_cast<int>(i));
  const double mid = lo * (1.0 + relative_error);
  return std::clamp(mid, min_, max_);
}

}  // namespace lambdasim
