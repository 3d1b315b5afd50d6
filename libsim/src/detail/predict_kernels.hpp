// SPDX-License-Identifier: MIT
// The duration and cost equations as fused loops over a grid of sizes, shared by
// predict.cpp, curve.cpp and the batch forms. Everything that depends only on the
// memory size (the check against the platform grid, the share, the visible vCPUs) is
// computed once per grid (size_grid); the kernels do no checking: callers validate the
// profile and prices once per call. Each kernel performs, per size, the same floating
// point operations in the same order as the scalar forms (component_time, warm_time,
// cold_extra, billed_ms), so batch and scalar results are identical bit for bit.
#pragma once

#include <Eigen/Core>
#include <cstddef>

#include "lambdasim/billing.hpp"
#include "lambdasim/platform.hpp"
#include "lambdasim/workload.hpp"

// The fused loops are compiled twice, for baseline x86-64 and for AVX2 (vector
// division, min and ceil), and the loader picks one for the CPU. AVX2 alone does not
// enable FMA, so no multiply-add is contracted: both clones round exactly as the scalar
// forms do.
#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__) && \
    !defined(__SANITIZE_ADDRESS__)
#define LAMBDASIM_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define LAMBDASIM_KERNEL
#endif

namespace lambdasim::detail {
double component_time(const component& c, const platform& p, double memory_mb,
                      double share, int visible);
double warm_time(const profile& w, const platform& p, double memory_mb, double share,
                 int visible);
/// init_ms + first-call CPU (at most one vCPU): what a cold start adds to T_warm.
double cold_extra(const profile& w, const platform& p, double share);

/// The memory-derived quantities of a grid of sizes (a view: n sizes each).
struct size_grid {
  const double* memory_mb;
  const double* share;    ///< s(m), vCPUs
  const double* visible;  ///< visible vCPUs (whole numbers, as double)
  Eigen::Index n;
};
/// share[i] and visible[i] of m[i], each size checked once.
/// @throws std::invalid_argument for the first size off the platform's grid
void fill_grid(const platform& p, const double* m, Eigen::Index n, double* share,
               double* visible);
/// A grid over memory_mb with the visible counts (and the shares unless `share` is
/// given) in this thread's scratch buffers, valid until the thread's next call.
size_grid scratch_grid(const platform& p,
                       const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                       double* share);
/// A grid that owns its storage (fleets: computed once, read by every thread).
struct owned_grid {
  Eigen::VectorXd memory_mb, share, visible;
  owned_grid(const platform& p, const Eigen::Ref<const Eigen::VectorXd>& memory_mb);
  size_grid view() const {
    return {memory_mb.data(), share.data(), visible.data(), memory_mb.size()};
  }
};

/// out[i] = T_warm at size i of a profile given as nc components (unchecked).
void warm_into(const component* c, std::size_t nc, const platform& p,
               const size_grid& g, double* out);
/// out[i] = init_ms + first-call CPU at size i (unchecked).
void cold_extra_into(double init_ms, double first_call_cpu_ms, const platform& p,
                     const size_grid& g, double* out);

/// The prices a curve needs, read (and checked) once per call.
struct curve_prices {
  double granularity_ms = 1;
  double usd_per_gb_s = 0;
  double request_usd = 0;
  /// @throws std::invalid_argument for an invalid price table or granularity
  static curve_prices of(const platform& p, const price_table& prices);
};

/// Pointers to the columns of one curve (n = grid size each). feasible may be a byte
/// array (bool).
struct curve_columns {
  double* vcpu;
  double* warm_ms;
  double* cold_ms;
  double* warm_billed_ms;
  double* gb_s;
  double* cost_usd;
  bool* feasible;
};

/// Every column of a curve of one profile (unchecked: the caller validated the
/// profile).
void curve_into(const component* c, std::size_t nc, double init_ms,
                double first_call_cpu_ms, double peak_memory_mb, const platform& p,
                const size_grid& g, const curve_prices& prices,
                const curve_columns& out);
}  // namespace lambdasim::detail
