// SPDX-License-Identifier: MIT
#include "lambdasim/predict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <vector>

#include "detail/predict_kernels.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

namespace {

// CFS bandwidth control, single runnable stream. In wall-time units: the task needs c
// ms of running, may run w ms per period of P ms (w < P). The period boundary falls at
// a uniformly random phase u in [0, P) after the start (invocations are not aligned
// with the scheduler's period); the first period's remaining run time is min(w, u).
// Closed form of E_u[D] (derivation in docs/model.md):
//   c <= w: D = c.
//   c = k*w + r (0 <= r < w), k >= 1:
//     u in [0, r):  D = c + k (P - w)
//     u in [r, w):  D = c + (k-1) (P - w)
//     u in [w, P):  D = u + (c - w) + (ceil(c/w) - 2) (P - w)
double cfs_expected_ms(double c, double w, double P) {
  if (c <= w) return c;
  const double k = std::floor(c / w);
  const double r = c - k * w;
  const double gap = P - w;
  const double b = r * (c + k * gap) + (w - r) * (c + (k - 1) * gap);
  const double n_a = std::ceil(c / w) - 2;
  const double a = (P * P - w * w) / 2 + gap * (c - w + n_a * gap);
  return (a + b) / P;
}

// The staircase of Lin, Ma & Shahrad with the task starting at a period boundary,
// written so that an exact multiple of the quota does not wait out a last period.
double cfs_aligned_ms(double c, double w, double P) {
  if (c <= w) return c;
  const double n = std::ceil(c / w) - 1;
  return n * P + (c - n * w);
}

}  // namespace

double cpu_time_ms(double work_ms, double share, double parallelism,
                   const platform& p) {
  if (work_ms == 0) return 0;
  if (share >= parallelism || p.throttle == throttling::smooth)
    return work_ms / std::min(share, parallelism);
  // Running, the task burns CPU at `parallelism` vCPUs, so it exhausts the quota
  // share*P in share*P/parallelism ms of wall time: scale to wall-time units.
  const double c = work_ms / parallelism;
  const double w = p.cfs_period_ms * share / parallelism;
  return p.throttle == throttling::cfs ? cfs_expected_ms(c, w, p.cfs_period_ms)
                                       : cfs_aligned_ms(c, w, p.cfs_period_ms);
}

namespace detail {

// ---------------------------------------------------------------- grids

namespace {
// The visible vCPUs at m (as platform::visible_vcpu_count): the last tier at or
// below m.
double visible_at(const platform& p, double m) {
  double v = p.visible_vcpus.front().vcpus;
  for (const auto& t : p.visible_vcpus)
    if (m >= t.from_mb) v = t.vcpus;
  return v;
}
}  // namespace

grid_point::grid_point(const platform& p, double memory_mb)
    : m(memory_mb),
      share(std::min(memory_mb / p.mb_per_vcpu, p.max_vcpu)),  // as cpu_share
      visible(visible_at(p, memory_mb)),
      inv_share(1 / share),
      inv_visible(1 / visible),
      inv_share_vis(1 / std::min(share, visible)),
      inv_share1(1 / std::min(share, 1.0)),
      inv_m(1 / memory_mb),
      inv_m_share1(1 / (memory_mb * std::min(share, 1.0))),
      inv_quota(1 / (p.cfs_period_ms * share)),
      gb_s_per_ms(memory_mb / 1024.0 / 1000.0) {}

size_grid grid_point::view() const {
  return {&m,          &share, &visible,      &inv_share, &inv_visible, &inv_share_vis,
          &inv_share1, &inv_m, &inv_m_share1, &inv_quota, &gb_s_per_ms, 1};
}

namespace {
// Whether every size of m[0..n) is on p's grid: a branch-free (vectorised) pass. (It
// does not throw: an exception must not unwind through a target_clones function.)
LAMBDASIM_KERNEL
bool on_grid(const platform& p, const double* __restrict m, Eigen::Index n) {
  const double lo = p.min_memory_mb, hi = p.max_memory_mb, step = p.memory_step_mb;
  bool ok = true;
  if (step == 1) {  // no division: a whole number of MB
    for (Eigen::Index i = 0; i < n; ++i) {
      const bool in = m[i] >= lo && m[i] <= hi;  // false for NaN
      const double k = in ? m[i] : lo;
      ok &= in & (k == static_cast<double>(static_cast<std::int64_t>(k)));
    }
  } else {
    for (Eigen::Index i = 0; i < n; ++i) {
      const bool in = m[i] >= lo && m[i] <= hi;
      const double k = ((in ? m[i] : lo) - lo) / step;
      ok &= in & (k == static_cast<double>(static_cast<std::int64_t>(k)));
    }
  }
  return ok;
}
}  // namespace

grid_data::grid_data(const platform& p, const double* m, Eigen::Index n)
    : min_memory_mb(p.min_memory_mb),
      max_memory_mb(p.max_memory_mb),
      memory_step_mb(p.memory_step_mb),
      mb_per_vcpu(p.mb_per_vcpu),
      max_vcpu(p.max_vcpu),
      cfs_period_ms(p.cfs_period_ms),
      tiers(p.visible_vcpus),
      memory_mb(Eigen::Map<const Eigen::VectorXd>(m, n)) {
  // on a failure the scalar check finds the first bad size and throws its message
  if (!on_grid(p, m, n))
    for (Eigen::Index i = 0; i < n; ++i) p.check_memory(m[i]);
  for (Eigen::VectorXd* v :
       {&share, &visible, &inv_share, &inv_visible, &inv_share_vis, &inv_share1, &inv_m,
        &inv_m_share1, &inv_quota, &gb_s_per_ms})
    v->resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const grid_point g(p, m[i]);
    share[i] = g.share;
    visible[i] = g.visible;
    inv_share[i] = g.inv_share;
    inv_visible[i] = g.inv_visible;
    inv_share_vis[i] = g.inv_share_vis;
    inv_share1[i] = g.inv_share1;
    inv_m[i] = g.inv_m;
    inv_m_share1[i] = g.inv_m_share1;
    inv_quota[i] = g.inv_quota;
    gb_s_per_ms[i] = g.gb_s_per_ms;
  }
}

size_grid grid_data::view() const {
  return {memory_mb.data(),  share.data(),       visible.data(),
          inv_share.data(),  inv_visible.data(), inv_share_vis.data(),
          inv_share1.data(), inv_m.data(),       inv_m_share1.data(),
          inv_quota.data(),  gb_s_per_ms.data(), memory_mb.size()};
}

bool grid_data::matches(const platform& p) const {
  if (min_memory_mb != p.min_memory_mb || max_memory_mb != p.max_memory_mb ||
      memory_step_mb != p.memory_step_mb || mb_per_vcpu != p.mb_per_vcpu ||
      max_vcpu != p.max_vcpu || cfs_period_ms != p.cfs_period_ms ||
      tiers.size() != p.visible_vcpus.size())
    return false;
  for (std::size_t k = 0; k < tiers.size(); ++k)
    if (tiers[k].from_mb != p.visible_vcpus[k].from_mb ||
        tiers[k].vcpus != p.visible_vcpus[k].vcpus)
      return false;
  return true;
}

namespace {
// A few recent grids, most recent first, shared by every thread. Entries are
// immutable; a caller keeps its grid alive through the shared_ptr.
struct grid_cache {
  static constexpr std::size_t capacity = 8;
  std::mutex mutex;
  std::vector<std::pair<bool, std::shared_ptr<const grid_data>>> entries;  // full?

  template <class Match, class Make>
  std::shared_ptr<const grid_data> get(Match&& match, Make&& make) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      for (std::size_t k = 0; k < entries.size(); ++k)
        if (match(entries[k])) {
          auto hit = entries[k];
          entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(k));
          entries.insert(entries.begin(), hit);
          return hit.second;
        }
    }
    auto made = make();  // outside the lock (may throw: nothing is cached then)
    std::lock_guard<std::mutex> lock(mutex);
    entries.insert(entries.begin(), made);
    if (entries.size() > capacity) entries.pop_back();
    return made.second;
  }
};

grid_cache& cache() {
  static grid_cache c;
  return c;
}
}  // namespace

std::shared_ptr<const grid_data> cached_grid(const platform& p, const double* m,
                                             Eigen::Index n) {
  return cache().get(
      [&](const std::pair<bool, std::shared_ptr<const grid_data>>& e) {
        const grid_data& g = *e.second;
        return g.memory_mb.size() == n && g.matches(p) &&
               (g.memory_mb.data() == m ||
                std::memcmp(g.memory_mb.data(), m,
                            static_cast<std::size_t>(n) * sizeof(double)) == 0);
      },
      [&] {
        return std::make_pair(false, std::make_shared<const grid_data>(p, m, n));
      });
}

std::shared_ptr<const grid_data> cached_full_grid(const platform& p) {
  return cache().get(
      [&](const std::pair<bool, std::shared_ptr<const grid_data>>& e) {
        return e.first && e.second->matches(p);
      },
      [&] {
        const Eigen::VectorXd m = p.memory_grid();
        return std::make_pair(true,
                              std::make_shared<const grid_data>(p, m.data(), m.size()));
      });
}

// ---------------------------------------------------------------- kernels

#define LAMBDASIM_INLINE inline __attribute__((always_inline))

namespace {
// std::max and std::min on values (the same result, NaN and signed zeros included),
// which the vectoriser if-converts where the reference-returning forms defeat it.
template <class T>
LAMBDASIM_INLINE T vmax(T a, T b) {
  return a < b ? b : a;
}
template <class T>
LAMBDASIM_INLINE T vmin(T a, T b) {
  return b < a ? b : a;
}

// Sizes are processed in chunks small enough for every column of a chunk to stay in
// L1 between the passes (one pass per component, then the cold and billing pass).
constexpr Eigen::Index chunk = 256;

size_grid sub(const size_grid& g, Eigen::Index b, Eigen::Index e) {
  return {g.memory_mb + b,    g.share + b,         g.visible + b,     g.inv_share + b,
          g.inv_visible + b,  g.inv_share_vis + b, g.inv_share1 + b,  g.inv_m + b,
          g.inv_m_share1 + b, g.inv_quota + b,     g.gb_s_per_ms + b, e - b};
}

// E_u[D] of cpu_time_ms's CFS closed form (see cfs_expected_ms above), in wall-time
// units: c ms of running at w ms of quota per period P, x = c / w given.
LAMBDASIM_INLINE double cfs_expected_fast(double c, double w, double x, double P,
                                          double inv_P) {
  const double k = std::floor(x);
  const double r = w * (x - k);
  const double gap = P - w;
  const double b = r * (c + k * gap) + (w - r) * (c + (k - 1) * gap);
  const double n_a = std::ceil(x) - 2;
  const double a = (P * P - w * w) * 0.5 + gap * (c - w + n_a * gap);
  const double d = (a + b) * inv_P;
  return x <= 1 ? c : d;
}

// out[i] (=, or += unless first) the time of `work` ms of CPU on `th` threads.
LAMBDASIM_INLINE void cpu_chunk(double work, double th, const platform& p,
                                const size_grid& g, double* __restrict out,
                                bool first) {
  const Eigen::Index n = g.n;
  const double inv_th = 1 / th;
  const double* __restrict isv = g.inv_share_vis;
  // out[i] (+)= t, the sum computed unconditionally (the loops vectorise; when first
  // out[i] is not yet set and the sum is discarded)
  auto put = [&](Eigen::Index i, double t) {
    const double sum = out[i] + t;
    out[i] = first ? t : sum;
  };
  Eigen::Index throttled = 0;  // sizes below the parallelism (a count vectorises)
  if (p.throttle != throttling::smooth)
    for (Eigen::Index i = 0; i < n; ++i)
      throttled += g.share[i] < vmin(th, g.visible[i]) ? 1 : 0;
  if (!throttled) {
    if (first)
      for (Eigen::Index i = 0; i < n; ++i) out[i] = work * vmax(isv[i], inv_th);
    else
      for (Eigen::Index i = 0; i < n; ++i) out[i] += work * vmax(isv[i], inv_th);
    return;
  }
  const double P = p.cfs_period_ms, inv_P = 1 / P;
  if (p.throttle == throttling::cfs) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double fluid = work * vmax(isv[i], inv_th);
      const double inv_par = vmax(g.inv_visible[i], inv_th);
      const double c = work * inv_par, w = P * g.share[i] * inv_par;
      const double x = work * g.inv_quota[i];
      const double throttled_t = cfs_expected_fast(c, w, x, P, inv_P);
      put(i, g.share[i] < vmin(th, g.visible[i]) ? throttled_t : fluid);
    }
    return;
  }
  for (Eigen::Index i = 0; i < n; ++i) {  // cfs_aligned: the scalar form
    const double par = vmin(th, g.visible[i]);
    put(i, g.share[i] < par ? cpu_time_ms(work, g.share[i], par, p)
                            : work * vmax(isv[i], inv_th));
  }
}

// The same for one thread and work `wr` ms x 1/m (gc) or `wr` ms (first call).
LAMBDASIM_INLINE void cpu1_chunk(double wr, bool per_mb, const platform& p,
                                 const size_grid& g, double* __restrict out,
                                 bool first) {
  const Eigen::Index n = g.n;
  const double* __restrict f = per_mb ? g.inv_m_share1 : g.inv_share1;
  // out[i] (+)= t, the sum computed unconditionally (the loops vectorise; when first
  // out[i] is not yet set and the sum is discarded)
  auto put = [&](Eigen::Index i, double t) {
    const double sum = out[i] + t;
    out[i] = first ? t : sum;
  };
  Eigen::Index throttled = 0;
  if (p.throttle != throttling::smooth)
    for (Eigen::Index i = 0; i < n; ++i) throttled += g.share[i] < 1.0 ? 1 : 0;
  if (!throttled) {
    if (first)
      for (Eigen::Index i = 0; i < n; ++i) out[i] = wr * f[i];
    else
      for (Eigen::Index i = 0; i < n; ++i) out[i] += wr * f[i];
    return;
  }
  const double P = p.cfs_period_ms, inv_P = 1 / P;
  if (p.throttle == throttling::cfs) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double c = per_mb ? wr * g.inv_m[i] : wr;
      const double w = P * g.share[i];
      const double x = c * g.inv_quota[i];
      const double throttled_t = cfs_expected_fast(c, w, x, P, inv_P),
                   fluid = wr * f[i];
      put(i, g.share[i] < 1.0 ? throttled_t : fluid);
    }
    return;
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    const double c = per_mb ? wr * g.inv_m[i] : wr;
    put(i, g.share[i] < 1.0 ? cpu_time_ms(c, g.share[i], 1.0, p) : wr * f[i]);
  }
}

// out[i] = T_warm over one chunk: one pass per component, the kind decided outside
// the loop. A component of zero work adds nothing and is skipped.
LAMBDASIM_INLINE void warm_chunk(const component* cs, std::size_t nc, const platform& p,
                                 const size_grid& g, double* __restrict out) {
  const Eigen::Index n = g.n;
  bool first = true;
  for (std::size_t k = 0; k < nc; ++k) {
    const component& c = cs[k];
    const double work = c.work_ms;
    if (work == 0) continue;
    switch (c.kind) {
      case component_kind::cpu:
        cpu_chunk(work, static_cast<double>(c.threads), p, g, out, first);
        break;
      case component_kind::io:
        if (first)
          for (Eigen::Index i = 0; i < n; ++i) out[i] = work;
        else
          for (Eigen::Index i = 0; i < n; ++i) out[i] += work;
        break;
      case component_kind::scaled_io: {
        // work / min(s / knee, 1) = work knee / min(s, knee)
        //                         = (work knee) max(1 / s, 1 / knee)
        const double wk = work * c.knee_vcpu, inv_knee = 1 / c.knee_vcpu;
        const double* __restrict is = g.inv_share;
        if (first)
          for (Eigen::Index i = 0; i < n; ++i) out[i] = wk * vmax(is[i], inv_knee);
        else
          for (Eigen::Index i = 0; i < n; ++i) out[i] += wk * vmax(is[i], inv_knee);
        break;
      }
      case component_kind::gc:  // work ref_mb / m of CPU on one thread
        cpu1_chunk(work * c.ref_mb, true, p, g, out, first);
        break;
    }
    first = false;
  }
  if (first) std::fill(out, out + n, 0.0);
}

// out[i] = init_ms + the first call's CPU (at most one vCPU) over one chunk.
LAMBDASIM_INLINE void cold_extra_chunk(double init_ms, double first_call_cpu_ms,
                                       const platform& p, const size_grid& g,
                                       double* __restrict out) {
  const Eigen::Index n = g.n;
  if (first_call_cpu_ms == 0) {
    std::fill(out, out + n, init_ms);
    return;
  }
  cpu1_chunk(first_call_cpu_ms, false, p, g, out, true);
  for (Eigen::Index i = 0; i < n; ++i) out[i] = init_ms + out[i];
}
// cold += warm, and the billing columns of one chunk (NaN below the peak memory).
LAMBDASIM_INLINE void bill_chunk(const double* __restrict warm, double* __restrict cold,
                                 double* __restrict billed_out,
                                 double* __restrict gb_out, double* __restrict cost_out,
                                 const double* __restrict m,
                                 const double* __restrict gbpm, Eigen::Index n,
                                 double inv_gran, double gran, double peak_memory_mb,
                                 double usd, double req) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (Eigen::Index i = 0; i < n; ++i) {
    const double w = warm[i];
    cold[i] += w;  // cold extra + T_warm, as cold_ms()
    // billed_ms, gb_seconds and the invocation cost with the checks hoisted out: warm
    // is finite and >= 0 for a valid profile. Durations within 1e-9 of a billing step
    // count as on it (model arithmetic leaves ~1e-13 of noise). The step count is
    // >= -0, so billed_ms's max(steps, 0) would return it unchanged.
    const double billed = std::ceil(w * inv_gran - 1e-9) * gran;
    const double gb_s = billed * gbpm[i];
    const bool ok = m[i] >= peak_memory_mb;
    const double cost = gb_s * usd + req;  // unconditionally: the selects vectorise
    billed_out[i] = ok ? billed : nan;
    gb_out[i] = ok ? gb_s : nan;
    cost_out[i] = ok ? cost : nan;
  }
}
}  // namespace

LAMBDASIM_KERNEL
void warm_into(const component* cs, std::size_t nc, const platform& p,
               const size_grid& g, double* out) {
  for (Eigen::Index b = 0; b < g.n; b += chunk) {
    const Eigen::Index e = vmin(g.n, b + chunk);
    warm_chunk(cs, nc, p, sub(g, b, e), out + b);
  }
}

LAMBDASIM_KERNEL
void cold_into(const component* cs, std::size_t nc, double init_ms,
               double first_call_cpu_ms, const platform& p, const size_grid& g,
               double* out) {
  double warm[chunk];
  for (Eigen::Index b = 0; b < g.n; b += chunk) {
    const Eigen::Index e = vmin(g.n, b + chunk);
    const size_grid s = sub(g, b, e);
    warm_chunk(cs, nc, p, s, warm);
    cold_extra_chunk(init_ms, first_call_cpu_ms, p, s, out + b);
    for (Eigen::Index i = 0; i < e - b; ++i) out[b + i] += warm[i];
  }
}

curve_prices curve_prices::of(const platform& p, const price_table& prices) {
  const double g = p.billing_granularity_ms;
  if (!(g > 0) || std::isinf(g))
    throw_invalid("granularity_ms", g, "must be finite and > 0");  // as billed_ms
  return {g, 1 / g, prices.first_tier_usd_per_gb_s(),
          prices.requests_usd_per_million / 1e6};
}

LAMBDASIM_KERNEL
void curve_into(const component* c, std::size_t nc, double init_ms,
                double first_call_cpu_ms, double peak_memory_mb, const platform& p,
                const size_grid& g, const curve_prices& pr, const curve_columns& out) {
  const double gran = pr.granularity_ms, inv_gran = pr.inv_granularity;
  const double usd = pr.usd_per_gb_s, req = pr.request_usd;
  if (out.vcpu != nullptr) std::copy(g.share, g.share + g.n, out.vcpu);
  for (Eigen::Index b = 0; b < g.n; b += chunk) {
    const Eigen::Index e = vmin(g.n, b + chunk);
    const size_grid s = sub(g, b, e);
    double* __restrict warm = out.warm_ms + b;
    double* __restrict cold = out.cold_ms + b;
    double* __restrict billed_out = out.warm_billed_ms + b;
    double* __restrict gb_out = out.gb_s + b;
    double* __restrict cost_out = out.cost_usd + b;
    bool* __restrict feasible = out.feasible + b;
    const double* __restrict m = s.memory_mb;
    const double* __restrict gbpm = s.gb_s_per_ms;
    warm_chunk(c, nc, p, s, warm);
    cold_extra_chunk(init_ms, first_call_cpu_ms, p, s, cold);
    bill_chunk(warm, cold, billed_out, gb_out, cost_out, m, gbpm, s.n, inv_gran, gran,
               peak_memory_mb, usd, req);
    for (Eigen::Index i = 0; i < s.n; ++i) feasible[i] = m[i] >= peak_memory_mb;
  }
}

#undef LAMBDASIM_INLINE

}  // namespace detail

namespace {
void check_out(const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
               const Eigen::Ref<Eigen::VectorXd>& out) {
  if (out.size() != memory_mb.size())
    throw std::invalid_argument("out has " + std::to_string(out.size()) +
                                " elements but memory_mb has " +
                                std::to_string(memory_mb.size()));
}
}  // namespace

// The scalar forms evaluate the kernels over a grid of one size: the same operations
// as every batch form, so the same doubles.
double component_ms(const component& c, const platform& p, double memory_mb) {
  c.validate();
  p.check_memory(memory_mb);
  const detail::grid_point g(p, memory_mb);
  double out = 0;
  detail::warm_into(&c, 1, p, g.view(), &out);
  return out;
}

double warm_ms(const profile& w, const platform& p, double memory_mb) {
  w.validate();
  p.check_memory(memory_mb);
  const detail::grid_point g(p, memory_mb);
  double out = 0;
  detail::warm_into(w.components.data(), w.components.size(), p, g.view(), &out);
  return out;
}

double cold_ms(const profile& w, const platform& p, double memory_mb) {
  w.validate();
  p.check_memory(memory_mb);
  const detail::grid_point g(p, memory_mb);
  double out = 0;
  detail::cold_into(w.components.data(), w.components.size(), w.init_ms,
                    w.first_call_cpu_ms, p, g.view(), &out);
  return out;
}

void warm_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out) {
  check_out(memory_mb, out);
  w.validate();
  const auto g = detail::cached_grid(p, memory_mb.data(), memory_mb.size());
  detail::warm_into(w.components.data(), w.components.size(), p, g->view(), out.data());
}

void cold_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out) {
  check_out(memory_mb, out);
  w.validate();
  const auto g = detail::cached_grid(p, memory_mb.data(), memory_mb.size());
  detail::cold_into(w.components.data(), w.components.size(), w.init_ms,
                    w.first_call_cpu_ms, p, g->view(), out.data());
}

}  // namespace lambdasim
