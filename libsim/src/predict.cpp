// SPDX-License-Identifier: MIT
#include "lambdasim/predict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
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
// Evaluates one component given the memory-derived quantities (already checked).
double component_time(const component& c, const platform& p, double memory_mb,
                      double share, int visible) {
  switch (c.kind) {
    case component_kind::cpu:
      return cpu_time_ms(c.work_ms, share,
                         static_cast<double>(std::min(c.threads, visible)), p);
    case component_kind::io:
      return c.work_ms;
    case component_kind::scaled_io:
      return c.work_ms / std::min(share / c.knee_vcpu, 1.0);
    case component_kind::gc:
      return cpu_time_ms(c.work_ms * c.ref_mb / memory_mb, share, 1.0, p);
  }
  return 0;
}

double warm_time(const profile& w, const platform& p, double memory_mb, double share,
                 int visible) {
  double t = 0;
  for (const auto& c : w.components)
    t += component_time(c, p, memory_mb, share, visible);
  return t;
}

double cold_extra(const profile& w, const platform& p, double share) {
  return w.init_ms + cpu_time_ms(w.first_call_cpu_ms, share, 1.0, p);
}

}  // namespace detail

namespace detail {

LAMBDASIM_KERNEL
void fill_grid(const platform& p, const double* __restrict m, Eigen::Index n,
               double* __restrict share, double* __restrict visible) {
  // Branch-free check of every size (vectorised); on a failure the scalar check finds
  // the first bad size and throws its message.
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
  if (!ok)
    for (Eigen::Index i = 0; i < n; ++i) p.check_memory(m[i]);
  for (Eigen::Index i = 0; i < n; ++i)
    share[i] = std::min(m[i] / p.mb_per_vcpu, p.max_vcpu);  // as platform::cpu_share
  // as platform::visible_vcpu_count: the last tier at or below m
  const double first = p.visible_vcpus.front().vcpus;
  for (Eigen::Index i = 0; i < n; ++i) visible[i] = first;
  for (const auto& t : p.visible_vcpus) {
    const double from = t.from_mb, v = t.vcpus;
    for (Eigen::Index i = 0; i < n; ++i) visible[i] = m[i] >= from ? v : visible[i];
  }
}

size_grid scratch_grid(const platform& p,
                       const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                       double* share) {
  // One scratch buffer per thread, grown and never shrunk: no allocation (and no page
  // faults) on repeated calls.
  thread_local std::vector<double> visible;
  thread_local std::vector<double> own_share;
  const Eigen::Index n = memory_mb.size();
  if (visible.size() < static_cast<std::size_t>(n))
    visible.resize(static_cast<std::size_t>(n));
  if (share == nullptr) {
    if (own_share.size() < static_cast<std::size_t>(n))
      own_share.resize(static_cast<std::size_t>(n));
    share = own_share.data();
  }
  fill_grid(p, memory_mb.data(), n, share, visible.data());
  return {memory_mb.data(), share, visible.data(), n};
}

owned_grid::owned_grid(const platform& p, const Eigen::Ref<const Eigen::VectorXd>& m)
    : memory_mb(m), share(m.size()), visible(m.size()) {
  fill_grid(p, memory_mb.data(), memory_mb.size(), share.data(), visible.data());
}

LAMBDASIM_KERNEL
void warm_into(const component* cs, std::size_t nc, const platform& p,
               const size_grid& g, double* out) {
  const Eigen::Index n = g.n;
  const double* m = g.memory_mb;
  const double* s = g.share;
  const double* v = g.visible;
  const bool smooth = p.throttle == throttling::smooth;
  std::fill(out, out + n, 0.0);
  // One loop per component, the kind decided outside it. A component of zero work adds
  // exactly 0 in the scalar form (cpu_time_ms returns 0, 0 / x = 0), so it is skipped.
  for (std::size_t k = 0; k < nc; ++k) {
    const component& c = cs[k];
    const double work = c.work_ms;
    if (work == 0) continue;
    switch (c.kind) {
      case component_kind::cpu: {
        const double th = static_cast<double>(c.threads);
        if (smooth) {
          for (Eigen::Index i = 0; i < n; ++i)
            out[i] += work / std::min(s[i], std::min(th, v[i]));
        } else {
          // The fluid part vectorised (adding 0 where throttled leaves out[i] as it
          // is), then the CFS sizes alone.
          for (Eigen::Index i = 0; i < n; ++i) {
            const double par = std::min(th, v[i]);
            out[i] += s[i] >= par ? work / std::min(s[i], par) : 0.0;
          }
          for (Eigen::Index i = 0; i < n; ++i) {
            const double par = std::min(th, v[i]);
            if (s[i] < par) out[i] += cpu_time_ms(work, s[i], par, p);
          }
        }
        break;
      }
      case component_kind::io:
        for (Eigen::Index i = 0; i < n; ++i) out[i] += work;
        break;
      case component_kind::scaled_io: {
        const double knee = c.knee_vcpu;
        for (Eigen::Index i = 0; i < n; ++i)
          out[i] += work / std::min(s[i] / knee, 1.0);
        break;
      }
      case component_kind::gc: {
        const double wr = work * c.ref_mb;
        if (smooth) {
          for (Eigen::Index i = 0; i < n; ++i)
            out[i] += wr / m[i] / std::min(s[i], 1.0);
        } else {
          for (Eigen::Index i = 0; i < n; ++i)
            out[i] += s[i] >= 1.0 ? wr / m[i] / std::min(s[i], 1.0) : 0.0;
          for (Eigen::Index i = 0; i < n; ++i)
            if (s[i] < 1.0) out[i] += cpu_time_ms(wr / m[i], s[i], 1.0, p);
        }
        break;
      }
    }
  }
}

LAMBDASIM_KERNEL
void cold_extra_into(double init_ms, double first_call_cpu_ms, const platform& p,
                     const size_grid& g, double* out) {
  const Eigen::Index n = g.n;
  const double* s = g.share;
  if (first_call_cpu_ms == 0) {
    std::fill(out, out + n, init_ms + 0.0);
    return;
  }
  if (p.throttle == throttling::smooth) {
    for (Eigen::Index i = 0; i < n; ++i)
      out[i] = init_ms + first_call_cpu_ms / std::min(s[i], 1.0);
    return;
  }
  for (Eigen::Index i = 0; i < n; ++i)
    out[i] = s[i] >= 1.0 ? init_ms + first_call_cpu_ms / std::min(s[i], 1.0) : 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    if (s[i] < 1.0) out[i] = init_ms + cpu_time_ms(first_call_cpu_ms, s[i], 1.0, p);
}

curve_prices curve_prices::of(const platform& p, const price_table& prices) {
  const double g = p.billing_granularity_ms;
  if (!(g > 0) || std::isinf(g))
    throw_invalid("granularity_ms", g, "must be finite and > 0");  // as billed_ms
  return {g, prices.first_tier_usd_per_gb_s(), prices.requests_usd_per_million / 1e6};
}

LAMBDASIM_KERNEL
void curve_into(const component* c, std::size_t nc, double init_ms,
                double first_call_cpu_ms, double peak_memory_mb, const platform& p,
                const size_grid& g, const curve_prices& pr, const curve_columns& out) {
  const Eigen::Index n = g.n;
  const double* m = g.memory_mb;
  warm_into(c, nc, p, g, out.warm_ms);
  cold_extra_into(init_ms, first_call_cpu_ms, p, g, out.cold_ms);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double gran = pr.granularity_ms;
  // x / 1.0 == x exactly: with 1-ms billing the division is skipped, not the rounding.
  const double inv = gran == 1.0 ? 1.0 : 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double warm = out.warm_ms[i];
    const double steps = inv == 1.0 ? warm : warm / gran;
    out.cold_ms[i] += warm;  // cold_extra + T_warm, as cold_ms()
    const bool ok = m[i] >= peak_memory_mb;
    out.feasible[i] = ok;
    // billed_ms, gb_seconds and invocation cost with the checks hoisted out: warm is
    // finite and >= 0 for a valid profile.
    const double billed = std::max(std::ceil(steps - 1e-9), 0.0) * gran;
    const double gb_s = billed / 1000.0 * m[i] / 1024.0;
    out.warm_billed_ms[i] = ok ? billed : nan;
    out.gb_s[i] = ok ? gb_s : nan;
    out.cost_usd[i] = ok ? gb_s * pr.usd_per_gb_s + pr.request_usd : nan;
  }
}

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

double component_ms(const component& c, const platform& p, double memory_mb) {
  c.validate();
  return detail::component_time(c, p, memory_mb, p.cpu_share(memory_mb),
                                p.visible_vcpu_count(memory_mb));
}

double warm_ms(const profile& w, const platform& p, double memory_mb) {
  w.validate();
  return detail::warm_time(w, p, memory_mb, p.cpu_share(memory_mb),
                           p.visible_vcpu_count(memory_mb));
}

double cold_ms(const profile& w, const platform& p, double memory_mb) {
  w.validate();
  const double s = p.cpu_share(memory_mb);
  return detail::cold_extra(w, p, s) +
         detail::warm_time(w, p, memory_mb, s, p.visible_vcpu_count(memory_mb));
}

void warm_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out) {
  check_out(memory_mb, out);
  w.validate();
  const detail::size_grid g = detail::scratch_grid(p, memory_mb, nullptr);
  detail::warm_into(w.components.data(), w.components.size(), p, g, out.data());
}

void cold_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out) {
  check_out(memory_mb, out);
  w.validate();
  const detail::size_grid g = detail::scratch_grid(p, memory_mb, nullptr);
  thread_local std::vector<double> warm;
  if (warm.size() < static_cast<std::size_t>(g.n))
    warm.resize(static_cast<std::size_t>(g.n));
  detail::warm_into(w.components.data(), w.components.size(), p, g, warm.data());
  detail::cold_extra_into(w.init_ms, w.first_call_cpu_ms, p, g, out.data());
  for (Eigen::Index i = 0; i < g.n; ++i) out[i] += warm[static_cast<std::size_t>(i)];
}

}  // namespace lambdasim
