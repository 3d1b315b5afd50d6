// SPDX-License-Identifier: MIT
// Splitting independent items over threads (private to libsim). Items are cut into
// contiguous blocks, one per thread; every item is computed the same way whichever
// block it falls in, so results never depend on the thread count. The blocks run on a
// persistent process-wide pool (threads are started once, on first need, and reused:
// no thread creation per call); the calling thread runs the first block itself.
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

/// Runs task(k, ctx) for k in [1, tasks) on the pool's workers and task(0, ctx) on the
/// calling thread, and returns when all have finished. Tasks must not throw. Called
/// from a pool worker (nested parallelism), it runs every task on that worker, so a
/// worker never waits for another.
void run_on_pool(std::size_t tasks, void (*task)(std::size_t, void*), void* ctx);
/// Worker threads the pool has started so far (for tests).
std::size_t pool_threads_started();

/// Calls f(begin, end) over contiguous blocks covering [0, n), on at most `threads`
/// threads (already resolved, >= 1) and at most n / min_items_per_thread of them. The
/// first exception of the lowest block is rethrown after every block has finished.
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
  struct context {
    std::size_t n, t;
    F* f;
    std::vector<std::exception_ptr> errors;
  } ctx{n, t, &f, std::vector<std::exception_ptr>(t)};
  run_on_pool(
      t,
      [](std::size_t k, void* p) {
        auto& c = *static_cast<context*>(p);
        const std::size_t b = c.n * k / c.t, e = c.n * (k + 1) / c.t;
        try {
          (*c.f)(b, e);
        } catch (...) {
          c.errors[k] = std::current_exception();
        }
      },
      &ctx);
  for (auto& e : ctx.errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace lambdasim::detail
