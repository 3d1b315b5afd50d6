// SPDX-License-Identifier: MIT
#include "lambdasim/predict.hpp"

#include <algorithm>
#include <cmath>

#include "detail/predict_kernels.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

namespace {

// CFS bandwidth control, single runnable stream. In wall-time units: the task needs c ms
// of running, may run w ms per period of P ms (w < P). The period boundary falls at a
// uniformly random phase u in [0, P) after the start (invocations are not aligned with
// the scheduler's period); the first period's remaining run time is min(w, u).
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

double cpu_time_ms(double work_ms, double share, double parallelism, const platform& p) {
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
double component_time(const component& c, const platform& p, double memory_mb, double share,
                      int visible) {
  switch (c.kind) {
    case component_kind::cpu:
      return cpu_time_ms(c.work_ms, share,
                         static_cast<double>(std::min(c.threads, visible)), p);
    case component_kind::io: return c.work_ms;
    case component_kind::scaled_io: return c.work_ms / std::min(share / c.knee_vcpu, 1.0);
    case component_kind::gc: return cpu_time_ms(c.work_ms * c.ref_mb / memory_mb, share, 1.0, p);
  }
  return 0;
}

double warm_time(const profile& w, const platform& p, double memory_mb, double share,
                 int visible) {
  double t = 0;
  for (const auto& c : w.components) t += component_time(c, p, memory_mb, share, visible);
  return t;
}

double cold_extra(const profile& w, const platform& p, double share) {
  return w.init_ms + cpu_time_ms(w.first_call_cpu_ms, share, 1.0, p);
}

}  // namespace detail

namespace {
using detail::cold_extra;
using detail::component_time;
using detail::warm_time;

template <class F>
void batch(const profile& w, const platform& p,
           const Eigen::Ref<const Eigen::VectorXd>& memory_mb, Eigen::Ref<Eigen::VectorXd> out,
           F f) {
  if (out.size() != memory_mb.size())
    throw std::invalid_argument("out has " + std::to_string(out.size()) +
                                " elements but memory_mb has " +
                                std::to_string(memory_mb.size()));
  w.validate();
  for (Eigen::Index i = 0; i < memory_mb.size(); ++i) {
    const double m = memory_mb[i];
    out[i] = f(m, p.cpu_share(m), p.visible_vcpu_count(m));
  }
}
}  // namespace

double component_ms(const component& c, const platform& p, double memory_mb) {
  c.validate();
  return component_time(c, p, memory_mb, p.cpu_share(memory_mb),
                        p.visible_vcpu_count(memory_mb));
}

double warm_ms(const profile& w, const platform& p, double memory_mb) {
  w.validate();
  return warm_time(w, p, memory_mb, p.cpu_share(memory_mb), p.visible_vcpu_count(memory_mb));
}

double cold_ms(const profile& w, const platform& p, double memory_mb) {
  w.validate();
  const double s = p.cpu_share(memory_mb);
  return cold_extra(w, p, s) + warm_time(w, p, memory_mb, s, p.visible_vcpu_count(memory_mb));
}

void warm_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out) {
  batch(w, p, memory_mb, out,
        [&](double m, double s, int v) { return warm_time(w, p, m, s, v); });
}

void cold_ms(const profile& w, const platform& p,
             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
             Eigen::Ref<Eigen::VectorXd> out) {
  batch(w, p, memory_mb, out,
        [&](double m, double s, int v) { return cold_extra(w, p, s) + warm_time(w, p, m, s, v); });
}

}  // namespace lambdasim
