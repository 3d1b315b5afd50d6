// SPDX-License-Identifier: MIT
#include "lambdasim/fit_batch.hpp"

#include <stdexcept>
#include <string>

#include "detail/parallel.hpp"

namespace lambdasim {

std::vector<fit_result> fit(std::span<const sweep> sweeps, const platform& p,
                            const fit_options& opt, int threads) {
  const int t = detail::resolve_threads(threads);
  std::vector<fit_result> out(sweeps.size());
  detail::parallel_blocks(sweeps.size(), t, 1, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      try {
        out[i] = fit(sweeps[i], p, opt);
      } catch (const std::invalid_argument& err) {
        throw std::invalid_argument("sweeps[" + std::to_string(i) + "]: " + err.what());
      }
    }
  });
  return out;
}

}  // namespace lambdasim
