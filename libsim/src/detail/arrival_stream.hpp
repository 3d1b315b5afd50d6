// SPDX-License-Identifier: MIT
/// @file detail/arrival_stream.hpp (libsim/src: private, not installed)
/// The next arrival of a piecewise-constant Poisson rate, by time change: one
/// definition for the instance-pool simulator (simulate.cpp) and Lambda Managed
/// Instances (lmi.cpp).
#pragma once

#include <cstddef>
#include <vector>

namespace lambdasim::detail {

/// Advances `t` by Exp(1) worth of integrated rate through the segments: the rate is
/// rates[k % rates.size()] in segment k = [k seg, (k+1) seg). Writes the arrival to
/// `out`; false once `end` is reached. `t` and `k` carry the stream's state between
/// calls.
template <class Rng>
bool next_piecewise_arrival(Rng& r, const std::vector<double>& rates, double seg,
                            double end, double& t, std::size_t& k, double& out) {
  if (t >= end) return false;
  double e = r.exponential();
  const std::size_t n = rates.size();
  while (true) {
    const double seg_end = static_cast<double>(k + 1) * seg;
    const double rate = rates[k % n];
    if (rate > 0) {
      const double dt = e / rate;
      if (t + dt < seg_end) {
        t += dt;
        break;
      }
      e -= rate * (seg_end - t);
    }
    t = seg_end;
    ++k;
    if (t >= end) return false;
  }
  if (t >= end) return false;
  out = t;
  return true;
}

}  // namespace lambdasim::detail
