// SPDX-License-Identifier: MIT
// Splitting independent items over threads (private to libsim). Items are cut into
// contiguous blocks, one per thread; every item is computed the same way whichever
// block it falls in, so results never depend on the thread count. Threads are started
// per call (tens of microseconds), so callers pass work in large items or cap
// `threads`.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lambdasim::detail {

/// 0 -> every hardware thread; otherwise threads itself.
/// @throws std::invalid_argument for threads < 0
inline int resolve_threads(int threads) {
  if (threads < 0)
    throw std::invalid_argument("threads = " + std::to_string(threads) +
                                ": must be >= 0 (0 = every hardware thread)");
  if (threads == 0)
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return threads;
}

/// Calls f(begin, end) over contiguous blocks covering [0, n), on at most `threads`
/// threads (already resolved, >= 1) and at most n / min_items_per_thread of them. The
/// first exception of the lowest block is rethrown after every thread has finished.
template <class F>
void parallel_blocks(std::size_t n, int threads, std::size_t min_items_per_thread,
                     F&& f) {
  if (n == 0) return;
  std::size_t t = static_cast<std::size_t>(std::max(threads, 1));
  t = std::min(
      t, std::max<std::size_t>(1, n / std::max<std::size_t>(1, min_items_per_thread)));
  if (t <= 1) {
    f(std::size_t{0}, n);
    return;
  }
  std::vector<std::exception_ptr> errors(t);
  std::vector<std::thread> pool;
  pool.reserve(t - 1);
  auto run = [&](std::size_t k) {
    const std::size_t b = n * k / t, e = n * (k + 1) / t;
    try {
      f(b, e);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  };
  for (std::size_t k = 1; k < t; ++k) pool.emplace_back(run, k);
  run(0);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace lambdasim::detail
