// SPDX-License-Identifier: MIT
// The persistent thread pool behind detail::parallel_blocks.
#include <unistd.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "detail/parallel.hpp"

namespace lambdasim::detail {

namespace {

// One call's tasks: the caller waits until `left` reaches 0.
struct batch {
  void (*task)(std::size_t, void*);
  void* ctx;
  std::size_t left;
  std::condition_variable done;
};

thread_local bool on_worker = false;

class pool {
 public:
  void run(std::size_t tasks, void (*task)(std::size_t, void*), void* ctx) {
    batch b{task, ctx, tasks - 1, {}};
    {
      std::unique_lock<std::mutex> lock(mutex_);
      // Grow to tasks - 1 workers (never shrinks); extra tasks wait in the queue.
      while (workers_.size() < tasks - 1 && workers_.size() < max_workers)
        workers_.emplace_back([this] { work(); });
      for (std::size_t k = 1; k < tasks; ++k) queue_.push_back({&b, k});
    }
    wake_.notify_all();
    task(0, ctx);
    std::unique_lock<std::mutex> lock(mutex_);
    b.done.wait(lock, [&] { return b.left == 0; });
  }

  std::size_t started() {
    std::lock_guard<std::mutex> lock(mutex_);
    return workers_.size();
  }

 private:
  static constexpr std::size_t max_workers = 1024;
  struct item {
    batch* b;
    std::size_t k;
  };

  void work() {
    on_worker = true;
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      wake_.wait(lock, [&] { return !queue_.empty(); });
      const item it = queue_.front();
      queue_.pop_front();
      lock.unlock();
      it.b->task(it.k, it.b->ctx);
      lock.lock();
      if (--it.b->left == 0) it.b->done.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<item> queue_;
  std::vector<std::thread> workers_;
};

// The pool of this process, never destroyed (its idle workers end with the process).
// A child made by fork() has none of its parent's threads: it starts a pool of its
// own.
pool& instance() {
  static pool* p = nullptr;
  static pid_t owner = 0;
  static std::mutex m;
  std::lock_guard<std::mutex> lock(m);
  if (p == nullptr || owner != getpid()) {
    p = new pool;  // NOLINT(cppcoreguidelines-owning-memory): kept for the process
    owner = getpid();
  }
  return *p;
}

}  // namespace

void run_on_pool(std::size_t tasks, void (*task)(std::size_t, void*), void* ctx) {
  if (tasks == 0) return;
  if (tasks == 1 || on_worker) {
    for (std::size_t k = 0; k < tasks; ++k) task(k, ctx);
    return;
  }
  instance().run(tasks, task, ctx);
}

std::size_t pool_threads_started() {
  return instance().started();
}

}  // namespace lambdasim::detail
