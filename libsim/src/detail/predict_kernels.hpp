// SPDX-License-Identifier: MIT
// The duration and cost equations as fused loops over a grid of sizes, shared by
// predict.cpp, curve.cpp and the batch forms (private to libsim).
//
// Everything that depends only on the memory size is computed once per grid and
// cached (grid_data): the check against the platform's grid, the share s, the visible
// vCPUs v and the reciprocals the equations divide by (1/s, 1/v, 1/min(s, v),
// 1/min(s, 1), 1/m, 1/(m min(s, 1)), 1/(P s)) and m / 1024000 (GB-s per billed ms).
// Per profile, the kernels hoist 1/threads and the price constants; per size they only
// multiply, add and take minima/maxima: no division. 1/min(a, b) is computed as
// max(1/a, 1/b), which is the same double (correctly rounded division is monotone).
//
// Every caller goes through these kernels: the scalar forms of predict.hpp evaluate a
// grid of one size (make_point), single curves and fleets the same loops; so scalar,
// single and batch results are identical bit for bit, for any thread count. The loops
// are compiled for baseline x86-64 and for AVX2 (no FMA, so no multiply-add is
// contracted and both clones round alike).
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <memory>
#include <vector>

#include "lambdasim/platform.hpp"
#include "lambdasim/prices.hpp"
#include "lambdasim/workload.hpp"

#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__) && \
    !defined(__SANITIZE_ADDRESS__)
#define LAMBDASIM_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define LAMBDASIM_KERNEL
#endif

namespace lambdasim::detail {

/// The memory-derived quantities of a grid of sizes (a view: n sizes each).
struct size_grid {
  const double* memory_mb;
  const double* share;          ///< s(m), vCPUs
  const double* visible;        ///< visible vCPUs (whole numbers, as double)
  const double* inv_share;      ///< 1 / s
  const double* inv_visible;    ///< 1 / v
  const double* inv_share_vis;  ///< 1 / min(s, v)
  const double* inv_share1;     ///< 1 / min(s, 1)
  const double* inv_m;          ///< 1 / m
  const double* inv_m_share1;   ///< 1 / (m min(s, 1))
  const double* inv_quota;      ///< 1 / (P s): CPU work in units of one period's quota
  const double* gb_s_per_ms;    ///< m / 1024 / 1000
  Eigen::Index n;
};

/// A grid that owns its storage: computed once, shared read-only (by threads and
/// by later calls through the cache).
struct grid_data {
  // the platform fields the grid depends on (the cache key, with the sizes)
  int min_memory_mb, max_memory_mb, memory_step_mb;
  double mb_per_vcpu, max_vcpu, cfs_period_ms;
  std::vector<vcpu_tier> tiers;
  Eigen::VectorXd memory_mb, share, visible, inv_share, inv_visible, inv_share_vis,
      inv_share1, inv_m, inv_m_share1, inv_quota, gb_s_per_ms;
  /// @throws std::invalid_argument for the first size off the platform's grid
  grid_data(const platform& p, const double* m, Eigen::Index n);
  size_grid view() const;
  bool matches(const platform& p) const;
};

/// The grid of sizes m[0..n) on p, from a small process-wide cache (thread-safe):
/// sizes are checked and the reciprocals computed on the first call only.
/// @throws std::invalid_argument for the first size off the platform's grid
std::shared_ptr<const grid_data> cached_grid(const platform& p, const double* m,
                                             Eigen::Index n);
/// Every size of p (platform::memory_grid), cached the same way.
std::shared_ptr<const grid_data> cached_full_grid(const platform& p);

/// The grid of one size, in caller storage (the scalar forms). Unchecked: callers
/// check the size first.
struct grid_point {
  double m, share, visible, inv_share, inv_visible, inv_share_vis, inv_share1, inv_m,
      inv_m_share1, inv_quota, gb_s_per_ms;
  grid_point(const platform& p, double memory_mb);
  size_grid view() const;
};

/// The prices a curve needs, read (and checked) once per call.
struct curve_prices {
  double granularity_ms = 1;
  double inv_granularity = 1;
  double usd_per_gb_s = 0;
  double request_usd = 0;
  /// @throws std::invalid_argument for an invalid price table or granularity
  static curve_prices of(const platform& p, const price_table& prices);
};

/// Pointers to the columns of one curve (n = grid size each). vcpu may be null (not
/// written); feasible is a byte array (bool).
struct curve_columns {
  double* vcpu;
  double* warm_ms;
  double* cold_ms;
  double* warm_billed_ms;
  double* gb_s;
  double* cost_usd;
  bool* feasible;
};

/// out[i] = T_warm at size i of a profile given as nc components (unchecked).
void warm_into(const component* c, std::size_t nc, const platform& p,
               const size_grid& g, double* out);
/// out[i] = init_ms + first-call CPU + T_warm at size i (unchecked).
void cold_into(const component* c, std::size_t nc, double init_ms,
               double first_call_cpu_ms, const platform& p, const size_grid& g,
               double* out);
/// Every column of a curve of one profile except vcpu (unchecked: the caller
/// validated the profile).
void curve_into(const component* c, std::size_t nc, double init_ms,
                double first_call_cpu_ms, double peak_memory_mb, const platform& p,
                const size_grid& g, const curve_prices& prices,
                const curve_columns& out);
}  // namespace lambdasim::detail
