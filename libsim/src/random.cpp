// SPDX-License-Identifier: MIT
#include "detail/random.hpp"

namespace lambdasim::detail {

std::vector<double> sample_exponential(std::uint64_t seed, std::size_t n) {
  rng r(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = r.exponential();
  return v;
}

std::vector<double> sample_normal(std::uint64_t seed, std::size_t n) {
  rng r(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = r.normal();
  return v;
}

}  // namespace lambdasim::detail
