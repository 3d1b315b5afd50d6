// SPDX-License-Identifier: MIT
#include "lambdasim/simulate_batch.hpp"

#include <stdexcept>
#include <string>

#include "detail/parallel.hpp"

namespace lambdasim {

std::vector<simulation_result> simulate(const profile& w, const platform& p,
                                        std::span<const simulation_case> cases,
                                        int threads) {
  const int t = detail::resolve_threads(threads);
  std::vector<simulation_result> out(cases.size());
  detail::parallel_blocks(cases.size(), t, 1, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      simulate_options o = cases[i].options;
      if (t > 1)
        o.threads = 1;  // the batch owns the threads; results do not depend on it
      try {
        out[i] = simulate(w, p, cases[i].traffic, o);
      } catch (const std::invalid_argument& err) {
        throw std::invalid_argument("cases[" + std::to_string(i) + "]: " + err.what());
      }
    }
  });
  return out;
}

}  // namespace lambdasim
