// SPDX-License-Identifier: MIT
#include "lambdasim/fit.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "detail/fit_steps.hpp"
#include "detail/json_reader.hpp"
#include "detail/predict_kernels.hpp"
#include "detail/price_model.hpp"
#include "detail/small_lstsq.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/predict.hpp"
#include "lambdasim/prices.hpp"

namespace lambdasim {

std::string_view to_string(fit_structure s) {
  return enum_name(s);
}

fit_structure fit_structure_from_string(std::string_view name) {
  return enum_from_name<fit_structure>(name);
}

namespace detail {

namespace {

// Least squares of b on the columns `cols` of a by Eigen's ColPivHouseholderQR: false
// when rank-deficient.
bool eigen_lstsq(const Eigen::MatrixXd& a, const Eigen::VectorXd& b,
                 const std::vector<Eigen::Index>& cols, Eigen::VectorXd& xs) {
  Eigen::MatrixXd sub(a.rows(), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t c = 0; c < cols.size(); ++c)
    sub.col(static_cast<Eigen::Index>(c)) = a.col(cols[c]);
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(sub);
  if (qr.rank() < sub.cols()) return false;
  xs = qr.solve(b);
  return true;
}

// The general path: any number of rows and columns, Eigen throughout.
Eigen::VectorXd nnls_general(const Eigen::MatrixXd& a, const Eigen::VectorXd& b) {
  const auto k = static_cast<int>(a.cols());
  Eigen::VectorXd best = Eigen::VectorXd::Zero(k);
  double best_r = b.squaredNorm();
  for (int mask = 1; mask < (1 << k); ++mask) {
    std::vector<Eigen::Index> cols;
    for (int j = 0; j < k; ++j)
      if (mask & (1 << j)) cols.push_back(j);
    if (static_cast<Eigen::Index>(cols.size()) > a.rows()) continue;
    Eigen::VectorXd xs;
    if (!eigen_lstsq(a, b, cols, xs)) continue;
    if ((xs.array() < 0).any()) continue;
    Eigen::MatrixXd sub(a.rows(), static_cast<Eigen::Index>(cols.size()));
    for (std::size_t c = 0; c < cols.size(); ++c)
      sub.col(static_cast<Eigen::Index>(c)) = a.col(cols[c]);
    const double r = (sub * xs - b).squaredNorm();
    if (r < best_r - 1e-15 * std::max(1.0, best_r)) {
      best_r = r;
      best.setZero();
      for (std::size_t c = 0; c < cols.size(); ++c)
        best[cols[c]] = xs[static_cast<Eigen::Index>(c)];
    }
  }
  return best;
}

}  // namespace

Eigen::VectorXd nnls_small(const Eigen::MatrixXd& a, const Eigen::VectorXd& b) {
  const auto n = static_cast<int>(a.rows());
  const auto k = static_cast<int>(a.cols());
  if (k > 3 || n > small_lstsq_max_rows || n < 1) return nnls_general(a, b);
  // Every subset of columns (the active sets), in the order of nnls_general, each
  // solved on the stack by small_lstsq (Eigen's algorithm). Any decision that rounding
  // could tip (a rank, a sign, which subset fits best) goes back to nnls_general, so
  // the answer is the general path's to rounding.
  double best[3] = {0, 0, 0};
  double best_r = b.squaredNorm();
  double sub[3 * small_lstsq_max_rows];
  for (int mask = 1; mask < (1 << k); ++mask) {
    int cols[3];
    int q = 0;
    for (int j = 0; j < k; ++j)
      if (mask & (1 << j)) cols[q++] = j;
    if (q > n) continue;
    for (int c = 0; c < q; ++c) std::copy_n(a.col(cols[c]).data(), n, sub + c * n);
    double xs[3];
    const lstsq_status st = small_lstsq(sub, n, q, b.data(), xs);
    if (st == lstsq_status::uncertain) return nnls_general(a, b);
    if (st == lstsq_status::rank_deficient) continue;
    double xmax = 0;
    for (int c = 0; c < q; ++c) xmax = std::max(xmax, std::abs(xs[c]));
    bool negative = false;
    for (int c = 0; c < q; ++c) {
      if (std::abs(xs[c]) <= 1e-9 * xmax) return nnls_general(a, b);
      negative = negative || xs[c] < 0;
    }
    if (negative) continue;
    double r = 0;
    for (int i = 0; i < n; ++i) {
      double e = 0;
      for (int c = 0; c < q; ++c) e += a(i, cols[c]) * xs[c];
      e -= b[i];
      r += e * e;
    }
    const double bar = best_r - 1e-15 * std::max(1.0, best_r);
    if (std::abs(r - bar) <= 1e-9 * std::max(1.0, best_r)) return nnls_general(a, b);
    if (r < bar) {
      best_r = r;
      best[0] = best[1] = best[2] = 0;
      for (int c = 0; c < q; ++c) best[cols[c]] = xs[c];
    }
  }
  Eigen::VectorXd out(k);
  for (int j = 0; j < k; ++j) out[j] = best[j];
  return out;
}

std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("uniform_index: n = 0");
  // Reject the top partial block so every residue is equally likely.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x = 0;
  do x = rng();
  while (x >= limit);
  return x % n;
}

}  // namespace detail

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

int work_terms(fit_structure s) {
  return s == fit_structure::scaled_io || s == fit_structure::gc_cpu ||
                 s == fit_structure::amdahl
             ? 3
             : 2;
}
int parameter_count(fit_structure s) {
  switch (s) {
    case fit_structure::io_cpu:
      return 2;
    case fit_structure::threaded_cpu:
      return 3;
    case fit_structure::scaled_io:
      return 4;
    case fit_structure::gc_cpu:
      return 3;
    case fit_structure::amdahl:
      return 4;
    case fit_structure::automatic:
      break;
  }
  return 0;
}

// Design matrix: column j is the time of component j per ms of work at each size. The
// cpu, gc and parallel columns depend on the work itself under CFS throttling (short
// work is throttled less than C/s), so they are evaluated at the current work estimates
// (gc_work is the parallel work for amdahl).
// Per fitting size, what the design matrix needs from the platform: CPU share and
// visible vCPUs, looked up once per solve rather than once per column and iteration.
struct size_factors {
  Eigen::VectorXd share;
  Eigen::VectorXi visible;
  size_factors(const platform& p, const Eigen::VectorXd& m)
      : share(m.size()), visible(m.size()) {
    for (Eigen::Index i = 0; i < m.size(); ++i) {
      share[i] = p.cpu_share(m[i]);
      visible[i] = p.visible_vcpu_count(m[i]);
    }
  }
};

// Design matrix, into a (sized by the caller): column j is the time of component j per
// ms of work at each size. The cpu, gc and parallel columns depend on the work itself
// under CFS throttling (short work is throttled less than C/s), so they are evaluated
// at the current work estimates (gc_work is the parallel work for amdahl). With no
// estimate yet, the smooth model: cpu_time_ms(1, s, par, smooth) = 1 / min(s, par).
void basis(const detail::fit_knobs& k, const platform& p, const Eigen::VectorXd& m,
           const size_factors& f, double cpu_work, double gc_work, Eigen::MatrixXd& a) {
  const bool amdahl = k.structure == fit_structure::amdahl;
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    const double s = f.share[i];
    const int visible = f.visible[i];
    const double par = std::min(amdahl ? 1 : k.threads, visible);
    a(i, 0) = 1;
    a(i, 1) = cpu_work > 0 ? cpu_time_ms(cpu_work, s, par, p) / cpu_work
                           : 1.0 / std::min(s, par);
    if (k.structure == fit_structure::scaled_io)
      a(i, 2) = 1.0 / std::min(s / k.knee, 1.0);
    if (amdahl) {
      const double kp = std::min(k.threads, visible);
      a(i, 2) = gc_work > 0 ? cpu_time_ms(gc_work, s, kp, p) / gc_work
                            : 1.0 / std::min(s, kp);
    }
    if (k.structure == fit_structure::gc_cpu) {
      const component unit = component::gc(1.0);
      const double scale = unit.ref_mb / m[i];  // work at m per ms of work at ref_mb
      a(i, 2) = gc_work > 0 ? cpu_time_ms(gc_work * scale, s, 1.0, p) / gc_work
                            : scale / std::min(s, 1.0);
    }
  }
}

std::string fmt(double x, int prec = 3) {
  std::ostringstream ss;
  ss.precision(prec);
  ss << x;
  return ss.str();
}

// Relative robust spread of a size's samples: MAD / median.
double rel_mad(std::vector<double> v, double& med) {
  med = detail::aggregate_values(v, aggregation::median);
  for (double& x : v) x = std::abs(x - med);
  return detail::aggregate_values(v, aggregation::median) / med;
}

}  // namespace

namespace detail {

fit_data prepare_fit_data(const sweep& s, const platform& p, const fit_options& opt) {
  if (!(opt.model_error > 0) || std::isinf(opt.model_error))
    detail::throw_invalid("model_error", opt.model_error, "must be finite and > 0");
  if (!(opt.knee_prior_width > 0) || std::isinf(opt.knee_prior_width))
    detail::throw_invalid("knee_prior_width", opt.knee_prior_width,
                          "must be finite and > 0");
  if (!(opt.gc_pressure >= 0 && opt.gc_pressure <= 1))
    detail::throw_invalid("gc_pressure", opt.gc_pressure, "must be in [0, 1]");
  if (opt.bootstrap < 0)
    detail::throw_invalid("bootstrap", opt.bootstrap, "must be >= 0");
  fit_data d;
  d.sum = s.summarize(opt.aggregate);
  const sweep_summary& sum = d.sum;
  const Eigen::Index n_all = sum.size();
  for (Eigen::Index i = 0; i < n_all; ++i) p.check_memory(sum.memory_mb[i]);

  // Fitting sizes.
  d.used.assign(static_cast<std::size_t>(n_all), opt.sizes.empty());
  for (double m : opt.sizes) {
    bool found = false;
    for (Eigen::Index i = 0; i < n_all; ++i)
      if (sum.memory_mb[i] == m) d.used[static_cast<std::size_t>(i)] = found = true;
    if (!found)
      detail::throw_invalid("sizes", m, "is not a recorded size of the sweep");
  }
  for (Eigen::Index i = 0; i < n_all; ++i)
    if (d.used[static_cast<std::size_t>(i)]) d.fit_idx.push_back(i);
  const auto nf = static_cast<Eigen::Index>(d.fit_idx.size());
  if (nf < 2)
    throw std::invalid_argument("fit needs at least two recorded sizes, got " +
                                std::to_string(nf));

  // Raw samples of each size (the rows its aggregate was computed from: the warm rows,
  // or the cold rows where the summary aggregated those).
  std::map<double, bool> warm_agg;
  for (Eigen::Index i = 0; i < n_all; ++i)
    warm_agg[sum.memory_mb[i]] = sum.warm_only[static_cast<std::size_t>(i)];
  for (const auto& r : s.rows)
    if (!r.per_size) d.samples[r.memory_mb];  // create
  for (const auto& r : s.rows)
    if (!r.per_size && r.is_cold != warm_agg[r.memory_mb])
      d.samples[r.memory_mb].push_back(r.duration_ms);
  for (auto& [m, v] : d.samples)
    if (v.empty())  // no row of the aggregated kind (not expected): keep every row
      for (const auto& r : s.rows)
        if (!r.per_size && r.memory_mb == m) v.push_back(r.duration_ms);

  d.noise.setConstant(n_all, opt.model_error);
  for (Eigen::Index i = 0; i < n_all; ++i) {
    // Sampling error of the aggregate: 1.2533 sigma / sqrt(n) for a median, with sigma
    // estimated robustly as 1.4826 MAD (normal-consistent).
    double rel = 0;
    auto it = d.samples.find(sum.memory_mb[i]);
    if (it != d.samples.end() && it->second.size() >= 3) {
      double med = 0;
      rel = 1.2533 * 1.4826 * rel_mad(it->second, med) /
            std::sqrt(static_cast<double>(it->second.size()));
    }
    d.noise[i] = std::hypot(opt.model_error, rel);
  }
  d.m.resize(nf);
  d.y.resize(nf);
  d.sigma.resize(nf);
  for (Eigen::Index j = 0; j < nf; ++j) {
    const Eigen::Index i = d.fit_idx[static_cast<std::size_t>(j)];
    d.m[j] = sum.memory_mb[i];
    d.y[j] = sum.duration_ms[i];
    d.sigma[j] = d.noise[i];
    if (!(d.y[j] > 0))
      detail::throw_invalid("duration_ms at " + detail::format_number(d.m[j]) + " MB",
                            d.y[j], "must be > 0 to fit");
  }
  // The noise is known when every fitting size has raw samples to estimate it from.
  for (Eigen::Index j = 0; j < nf; ++j) {
    auto it = d.samples.find(d.m[j]);
    if (it == d.samples.end() || it->second.size() < 3) d.noise_known = false;
  }
  return d;
}

fit_grid candidate_grid(const fit_data& d, const platform& p, const fit_options& opt) {
  fit_grid g;
  const auto want = [&](fit_structure st) {
    return opt.structure == fit_structure::automatic || opt.structure == st;
  };
  if (want(fit_structure::io_cpu)) g.knobs.push_back({fit_structure::io_cpu, 1, 1});
  int max_visible = 1;
  double max_share = 0;
  for (Eigen::Index j = 0; j < d.m.size(); ++j) {
    max_visible = std::max(max_visible, p.visible_vcpu_count(d.m[j]));
    max_share = std::max(max_share, p.cpu_share(d.m[j]));
  }
  g.above_one_vcpu = max_share > 1;
  // Parallel structures need a fitting size above one vCPU (below it every thread count
  // gives the same curve) and a user who did not say the code is single-threaded.
  const bool parallel = g.above_one_vcpu && opt.threads != 1;
  if (want(fit_structure::threaded_cpu) && parallel) {
    if (opt.threads >= 2)
      g.knobs.push_back({fit_structure::threaded_cpu, opt.threads, 1});
    else
      for (int t = 2; t <= max_visible; ++t)
        g.knobs.push_back({fit_structure::threaded_cpu, t, 1});
  }
  // amdahl: k up to the most vCPUs the platform shows (the sizes not fitted may reach
  // beyond the fitting sizes' tiers, and the band must cover what the data allow).
  if (want(fit_structure::amdahl) && parallel) {
    if (opt.threads >= 2)
      g.knobs.push_back({fit_structure::amdahl, opt.threads, 1});
    else
      for (int t = 2; t <= p.visible_vcpu_count(p.max_memory_mb); ++t)
        g.knobs.push_back({fit_structure::amdahl, t, 1});
  }
  if (want(fit_structure::scaled_io))
    for (double knee : {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
                        1.25, 1.5, 2.0, 3.0, 4.0, 6.0})
      if (knee < max_share * 1.5)
        g.knobs.push_back({fit_structure::scaled_io, 1, knee});
  // gc_cpu: with memory pressure at the smallest fitting size (Max Memory Used >=
  // gc_pressure x its size) the memory-management work is expected physics, so gc_cpu
  // replaces io_cpu as the baseline structure (its gc term counts as known, and fits to
  // zero when the data have none); without pressure it is only tried when forced.
  const Eigen::Index i0 = d.fit_idx.front();
  const double used0 = d.sum.max_memory_used_mb[i0];
  const double m0 = d.sum.memory_mb[i0];
  if (std::isnan(used0))
    g.gc_gate = "gc_cpu not tried: no Max Memory Used recorded";
  else if (used0 < opt.gc_pressure * m0)
    g.gc_gate = "gc_cpu not tried: Max Memory Used " + fmt(used0) + " MB at " +
                fmt(m0) + " MB is under " + fmt(opt.gc_pressure) +
                " of it (no memory pressure)";
  else
    g.pressure = "Max Memory Used " + fmt(used0) + " MB at " + fmt(m0) + " MB";
  if (opt.structure == fit_structure::gc_cpu ||
      (opt.structure == fit_structure::automatic && g.gc_gate.empty()))
    g.knobs.push_back({fit_structure::gc_cpu, 1, 1});
  if (opt.structure != fit_structure::automatic &&
      opt.structure != fit_structure::gc_cpu)
    g.pressure.clear();  // a forced structure has no gc baseline to speak of
  // With the user's thread count (k >= 2) the parallel part is known physics, so
  // amdahl is the baseline above one vCPU, as gc_cpu is under memory pressure; without
  // it amdahl is a candidate that must earn its place (score_candidates).
  g.baseline = !g.pressure.empty() ? fit_structure::gc_cpu
               : parallel && opt.threads >= 2 &&
                       (opt.structure == fit_structure::automatic ||
                        opt.structure == fit_structure::amdahl)
                   ? fit_structure::amdahl
                   : fit_structure::io_cpu;
  if (g.knobs.empty())
    throw std::invalid_argument("structure = " + std::string(to_string(opt.structure)) +
                                (opt.threads == 1 ? ": contradicts threads = 1"
                                                  : ": needs sizes above one vCPU"));
  return g;
}

fit_solution solve_candidate(const fit_knobs& k, const platform& p,
                             const Eigen::VectorXd& m, const Eigen::VectorXd& y,
                             const Eigen::VectorXd& sigma) {
  const Eigen::VectorXd w = (y.array() * sigma.array()).inverse().matrix();
  const Eigen::VectorXd yw = w.cwiseProduct(y);
  const size_factors f(p, m);
  fit_solution r;
  r.a.resize(m.size(), work_terms(k.structure));
  Eigen::MatrixXd aw(r.a.rows(), r.a.cols());
  double cpu = 0, gc = 0;
  const bool has_gc =
      k.structure == fit_structure::gc_cpu || k.structure == fit_structure::amdahl;
  for (int it = 0; it < 4; ++it) {
    basis(k, p, m, f, cpu, gc, r.a);
    aw.noalias() = w.asDiagonal() * r.a;
    r.x = detail::nnls_small(aw, yw);
    const double new_gc = has_gc ? r.x[2] : 0;
    if (std::abs(r.x[1] - cpu) <= 1e-9 * std::max(1.0, cpu) &&
        std::abs(new_gc - gc) <= 1e-9 * std::max(1.0, gc))
      break;
    cpu = r.x[1];
    gc = new_gc;
  }
  r.chi2 = (w.asDiagonal() * (r.a * r.x - y)).squaredNorm();
  return r;
}

profile candidate_profile(const fit_knobs& k, const Eigen::VectorXd& x) {
  profile w;
  w.components.push_back(component::io(x[0]));
  w.components.push_back(
      component::cpu(x[1], k.structure == fit_structure::amdahl ? 1 : k.threads));
  if (k.structure == fit_structure::scaled_io)
    w.components.push_back(component::scaled_io(x[2], k.knee));
  if (k.structure == fit_structure::gc_cpu) w.components.push_back(component::gc(x[2]));
  if (k.structure == fit_structure::amdahl && x[2] > 0)  // none: serial code
    w.components.push_back(component::cpu(x[2], k.threads));
  return w;
}

double bend_below_one_vcpu(const profile& w, const platform& p, const fit_data& d,
                           double& from_mb, double& to_mb) {
  platform smooth = p;
  smooth.throttle = throttling::smooth;
  w.validate();  // once: each point below is warm_ms(w, smooth, m) without re-checking
  const auto warm = [&](double m, double) {
    const detail::grid_point gp(smooth, m);
    double t = 0;
    detail::warm_into(w.components.data(), w.components.size(), smooth, gp.view(), &t);
    return t;
  };
  double worst = 0;
  from_mb = to_mb = 0;
  const double step = p.memory_step_mb;
  for (Eigen::Index j = 0; j + 1 < d.m.size(); ++j) {
    const double ma = d.m[j], mb = d.m[j + 1];
    const double sa = p.cpu_share(ma), sb = p.cpu_share(mb);
    if (sb > 1) break;
    const double ia = 1 / sa, ib = 1 / sb;
    const double ta = warm(ma, sa), tb = warm(mb, sb);
    const double tol = std::max(d.sigma[j], d.sigma[j + 1]);
    for (int t = 1; t < 16; ++t) {
      double m = ma + (mb - ma) * t / 16.0;
      m = p.min_memory_mb + std::round((m - p.min_memory_mb) / step) * step;
      if (m <= ma || m >= mb) continue;
      const double sm = p.cpu_share(m);
      const double line = ta + (tb - ta) * (1 / sm - ia) / (ib - ia);
      const double dev = std::abs(warm(m, sm) / line - 1) / tol;
      if (dev > worst) worst = dev, from_mb = ma, to_mb = mb;
    }
  }
  return worst;
}

int central_thread_count(const std::vector<profile>& curves, const std::vector<int>& ks,
                         const platform& p) {
  const Eigen::VectorXd all = p.memory_grid();
  const Eigen::Index stride = std::max<Eigen::Index>(
      1, static_cast<Eigen::Index>(std::lround(64 / p.memory_step_mb)));
  Eigen::VectorXd m((all.size() + stride - 1) / stride);
  for (Eigen::Index i = 0; i < m.size(); ++i) m[i] = all[i * stride];
  std::vector<Eigen::VectorXd> t(curves.size(), Eigen::VectorXd(m.size()));
  for (std::size_t i = 0; i < curves.size(); ++i) warm_ms(curves[i], p, m, t[i]);
  std::size_t best = 0;
  double best_dev = INFINITY;
  for (std::size_t i = 0; i < curves.size(); ++i) {
    double dev = 0;
    for (std::size_t j = 0; j < curves.size(); ++j)
      dev = std::max(dev, (t[i].array() / t[j].array() - 1).abs().maxCoeff());
    if (dev < best_dev - 1e-12) best_dev = dev, best = i;
  }
  return ks.at(best);
}

namespace {
struct thread_pair {
  Eigen::Index j = 0, l = 0;  ///< the pair of fitting sizes
  double bound = 0;           ///< min(s_j, k) / min(s_l, k)
};
// How much faster than k threads the fitting sizes fall: the least, over pairs m_j <
// m_l, of T(m_l) / T(m_j) over the least ratio a curve of io, serial and k-thread work
// (all >= 0) can show, min(s_j, k) / min(s_l, k) (smooth; CFS only shortens the smaller
// size's time), in units of the tolerance exp(-2 hypot(noise_j, noise_l)): below 1 the
// data fall faster than k threads allow. Only pairs that more threads could explain
// count: m_l above k vCPUs of share, and m_j from the largest fitting size at or below
// one vCPU up (below one vCPU the bound is s_j / s_l for every k, so a faster drop
// there, e.g. a collector under memory pressure at 128 MB, says nothing about threads).
double faster_than_threads(const fit_data& d, const platform& p, int k,
                           thread_pair& w) {
  Eigen::Index j0 = 0;
  for (Eigen::Index j = 0; j < d.m.size(); ++j)
    if (p.cpu_share(d.m[j]) <= 1) j0 = j;
  double least = INFINITY;
  const double kk = static_cast<double>(k);
  for (Eigen::Index j = j0; j < d.m.size(); ++j)
    for (Eigen::Index l = j + 1; l < d.m.size(); ++l) {
      const double sj = p.cpu_share(d.m[j]), sl = p.cpu_share(d.m[l]);
      if (!(sl > kk)) continue;
      const double b = std::min(sj, kk) / std::min(sl, kk);
      const double tol = std::exp(-2 * std::hypot(d.sigma[j], d.sigma[l]));
      const double r = d.y[l] / d.y[j] / (b * tol);
      if (r < least) least = r, w = {j, l, b};
    }
  return least;
}
}  // namespace

fit_scores score_candidates(const fit_data& d, const fit_grid& g, const platform& p,
                            const fit_options& opt) {
  fit_scores sc;
  const double n = static_cast<double>(d.m.size());
  // Fitting sizes at or below one vCPU: with exactly two, the data say nothing about
  // the curve's shape between them (with three or more the score weighs a bend).
  int below = 0;
  for (Eigen::Index j = 0; j < d.m.size(); ++j) below += p.cpu_share(d.m[j]) <= 1;
  for (std::size_t gi = 0; gi < g.knobs.size(); ++gi) {
    const fit_knobs& k = g.knobs[gi];
    fit_solution r = solve_candidate(k, p, d.m, d.y, d.sigma);
    fit_candidate c;
    c.structure = k.structure;
    c.threads = k.threads;
    c.knee_vcpu = k.knee;
    c.parameters = parameter_count(k.structure);
    if (k.structure == fit_structure::amdahl && opt.threads >= 2)
      --c.parameters;  // k given
    c.chi2 = r.chi2;
    const double lk = std::log(k.knee) / opt.knee_prior_width;
    const double prior = k.structure == fit_structure::scaled_io ? lk * lk : 0;
    // Parameters that count against the structure: the baseline's gc or parallel term
    // (and an unknown thread count, which the band carries) are expected.
    const bool is_base = k.structure == g.baseline;
    // The user's thread count makes the parallel term expected physics even when
    // memory pressure made gc_cpu the baseline: both then count 2 parameters and the
    // better fit wins (amdahl on a tie, being first in the grid).
    const bool given_parallel =
        k.structure == fit_structure::amdahl && opt.threads >= 2;
    const double kp = (is_base && (k.structure == fit_structure::gc_cpu ||
                                   k.structure == fit_structure::amdahl)) ||
                              given_parallel
                          ? 2.0
                          : static_cast<double>(c.parameters);
    if (d.noise_known) {
      // AIC with known noise: chi^2 + 2k.
      c.score = r.chi2 + 2.0 * kp + prior;
    } else if (n - kp - 1 > 0) {
      // Noise unknown (per-size aggregates only): AICc with the variance estimated from
      // the residuals, n ln(RSS/n) + 2k + 2k(k+1)/(n-k-1).
      const double rss = std::max(r.chi2 * opt.model_error * opt.model_error, 1e-300);
      c.score =
          n * std::log(rss / n) + 2 * kp + 2 * kp * (kp + 1) / (n - kp - 1) + prior;
    } else {
      // Too few sizes to estimate the noise and this many parameters: only the simplest
      // structure is admissible.
      c.score = is_base ? 0 : INFINITY;
    }
    c.io_ms = r.x[0];
    c.cpu_ms = r.x[1];
    c.scaled_io_ms = k.structure == fit_structure::scaled_io ? r.x[2] : 0;
    c.gc_ms = k.structure == fit_structure::gc_cpu ? r.x[2] : 0;
    c.parallel_ms = k.structure == fit_structure::amdahl ? r.x[2] : 0;
    // Below one vCPU a structure must not bend where the fitting points are straight:
    // with only two fitting sizes there, a curve that departs from a straight line in
    // 1/s between them by more than their noise needs evidence (a third size, memory
    // pressure for gc_cpu, the baseline then, or per-invocation samples, whose known
    // noise lets the score reject the straight curves), not just a lower residual.
    if (opt.structure == fit_structure::automatic && !is_base &&
        std::isfinite(c.score) && below == 2 && !d.noise_known) {
      double from = 0, to = 0;
      const double bend =
          bend_below_one_vcpu(candidate_profile(k, r.x), p, d, from, to);
      if (bend > 1) {
        c.admissible = false;
        c.score = INFINITY;
        if (sc.bend_note.empty())
          sc.bend_note =
              std::string(to_string(k.structure)) + " candidates that bend " +
              "between " + fmt(from) + " and " + fmt(to) +
              " MB (below one vCPU, no fitting size between) are not admitted";
      }
    }
    sc.candidates.push_back(c);
    sc.solutions.push_back(std::move(r));
  }
  // Without per-invocation samples a parallel part is still admitted when the data
  // demand it: a drop above one vCPU that one thread cannot produce is a gross effect.
  // Any single-threaded curve (io, cpu >= 0) has T(m2) / T(m1) >= min(s1, 1) /
  // min(s2, 1) for m1 < m2 (smooth throttling; CFS only shortens the smaller size's
  // time), so the gate is a pair of fitting sizes below that bound by more than twice
  // their combined noise. Passed, amdahl is judged by AIC with the model error as the
  // noise, relative to the baseline.
  if (!d.noise_known) {
    bool gross = false;
    for (Eigen::Index j = 0; j < d.m.size(); ++j)
      for (Eigen::Index l = 0; l < d.m.size(); ++l) {
        const double sj = p.cpu_share(d.m[j]), sl = p.cpu_share(d.m[l]);
        if (!(d.m[j] < d.m[l]) || !(sl > 1)) continue;
        const double bound = std::min(sj, 1.0) / std::min(sl, 1.0);
        const double tol = std::exp(-2 * std::hypot(d.sigma[j], d.sigma[l]));
        if (d.y[l] / d.y[j] < bound * tol) gross = true;
      }
    if (!gross && g.baseline != fit_structure::amdahl && opt.threads < 2 &&
        opt.structure == fit_structure::automatic)
      for (auto& c : sc.candidates)
        if (c.structure == fit_structure::amdahl && c.admissible) {
          c.admissible = false;
          c.score = INFINITY;
          sc.parallel_note =
              "amdahl not admitted: no fitting size above one vCPU is faster than one "
              "thread allows (T(m2)/T(m1) >= min(s1,1)/min(s2,1), beyond twice the "
              "noise)";
        }
    const fit_candidate* base = nullptr;
    for (const auto& c : sc.candidates)
      if (c.structure == g.baseline) base = &c;
    if (base && g.baseline != fit_structure::amdahl) {
      const double base_aic = base->chi2 + 2.0 * 2;
      const double base_score = base->score;
      for (auto& c : sc.candidates)
        if (c.structure == fit_structure::amdahl && c.admissible)
          c.score = base_score +
                    (c.chi2 + 2.0 * (opt.threads >= 2 ? 2 : c.parameters)) - base_aic;
    }
  }
  for (std::size_t gi = 0; gi < sc.candidates.size(); ++gi)
    if (sc.candidates[gi].score < sc.candidates[sc.best].score) sc.best = gi;
  if (std::isinf(sc.candidates[sc.best].score)) {
    // structure forced to a non-admissible one: keep the best chi^2 among the forced
    for (std::size_t gi = 0; gi < g.knobs.size(); ++gi)
      if (sc.candidates[gi].chi2 < sc.candidates[sc.best].chi2) sc.best = gi;
  }
  // Plausible candidates: within 2 of the best score (Burnham & Anderson's "substantial
  // support"), or the best itself.
  const double best_score = sc.candidates[sc.best].score;
  for (std::size_t gi = 0; gi < sc.candidates.size(); ++gi) {
    const double sgi = sc.candidates[gi].score;
    if (gi == sc.best || (std::isfinite(sgi) && sgi <= best_score + 2))
      sc.plausible.push_back(gi);
  }
  // A parallel structure (amdahl, threaded_cpu) with the count unknown: the counts of
  // every plausible parallel candidate; when they differ the count is not identified,
  // and the point prediction is the minimax centre of their curves.
  const auto parallel = [](fit_structure st) {
    return st == fit_structure::amdahl || st == fit_structure::threaded_cpu;
  };
  if (parallel(sc.candidates[sc.best].structure)) {
    std::vector<profile> curves;
    std::vector<int> ks;
    std::vector<std::size_t> idx;
    for (std::size_t gi : sc.plausible)
      if (parallel(sc.candidates[gi].structure)) {
        ks.push_back(sc.candidates[gi].threads);
        curves.push_back(candidate_profile(g.knobs[gi], sc.solutions[gi].x));
        idx.push_back(gi);
      }
    sc.plausible_threads = ks;
    std::sort(sc.plausible_threads.begin(), sc.plausible_threads.end());
    sc.plausible_threads.erase(
        std::unique(sc.plausible_threads.begin(), sc.plausible_threads.end()),
        sc.plausible_threads.end());
    sc.threads_identified = opt.threads >= 2 || sc.plausible_threads.size() == 1;
    if (!sc.threads_identified) {
      // The centre among the curves (index-aligned with idx).
      std::vector<int> pos(curves.size());
      for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = static_cast<int>(i);
      sc.best = idx[static_cast<std::size_t>(central_thread_count(curves, pos, p))];
    }
  }
  return sc;
}

std::string thread_count_contradiction(const fit_data& d, const platform& p,
                                       int threads) {
  if (threads < 1) return "";
  thread_pair w;
  if (faster_than_threads(d, p, threads, w) >= 1) return "";
  const int most = p.visible_vcpu_count(p.max_memory_mb);
  int allowed = 0;
  for (int k = threads + 1; k <= most && !allowed; ++k) {
    thread_pair other;
    if (faster_than_threads(d, p, k, other) >= 1) allowed = k;
  }
  const std::string k = std::to_string(threads);
  std::string note = "threads = " + k + " given, but T(" + format_number(d.m[w.l]) +
                     " MB) / T(" + format_number(d.m[w.j]) +
                     " MB) = " + fmt(d.y[w.l] / d.y[w.j]) + " is below the " +
                     fmt(w.bound) + " that " + k +
                     (threads == 1 ? " thread" : " threads") +
                     " can give, beyond twice the noise: the code runs more threads or "
                     "processes than given";
  note += allowed ? " (the data allow " + std::to_string(allowed) + " or more)"
                  : " (more than " + std::to_string(most) + " would be needed)";
  note +=
      ", so the fit cannot follow its own fitting sizes; fit without threads to "
      "let the data bound the count";
  return note;
}

std::string explain_choice(const fit_data& d, const fit_grid& g, const fit_scores& sc,
                           const fit_options& opt) {
  const fit_knobs& chosen = g.knobs[sc.best];
  const fit_candidate& bc = sc.candidates[sc.best];
  const auto nf = d.m.size();
  std::ostringstream why;
  why << to_string(chosen.structure);
  if (chosen.structure == fit_structure::threaded_cpu)
    why << " (threads " << chosen.threads << ")";
  if (chosen.structure == fit_structure::scaled_io)
    why << " (knee " << chosen.knee << " vCPU)";
  if (chosen.structure == fit_structure::amdahl)
    why << " (serial " << fmt(bc.cpu_ms) << " ms + parallel " << fmt(bc.parallel_ms)
        << " ms on " << chosen.threads << " threads)";
  bool only_simplest = !d.noise_known;
  for (const auto& c : sc.candidates)
    if (c.structure != g.baseline && std::isfinite(c.score)) only_simplest = false;
  if (d.noise_known)
    why << ": lowest score chi2 + 2k + prior = " << fmt(bc.score) << " on " << nf
        << " sizes (noise " << fmt(100 * opt.model_error) << " % + sampling error)";
  else if (only_simplest)
    why << ": no per-invocation samples, so the noise is unknown, and " << nf
        << " sizes are too few to estimate it beside more terms than the baseline's";
  else if (chosen.structure == fit_structure::amdahl &&
           g.baseline != fit_structure::amdahl)
    why << ": lowest score " << fmt(bc.score) << " on " << nf
        << " sizes (no per-invocation samples; amdahl scored against the baseline by "
           "AIC "
           "with the model error as the noise)";
  else
    why << ": lowest AICc = " << fmt(bc.score) << " on " << nf
        << " sizes (no per-invocation samples: noise estimated from the residuals)";
  // The best alternative of each other structure.
  for (fit_structure st :
       {fit_structure::io_cpu, fit_structure::threaded_cpu, fit_structure::scaled_io,
        fit_structure::gc_cpu, fit_structure::amdahl}) {
    if (st == chosen.structure) continue;
    const fit_candidate* alt = nullptr;
    for (const auto& c : sc.candidates)
      if (c.structure == st && (!alt || c.score < alt->score)) alt = &c;
    if (alt)
      why << "; " << to_string(st) << " "
          << (std::isinf(alt->score) ? std::string("inadmissible") : fmt(alt->score))
          << " (chi2 " << fmt(alt->chi2) << ", " << alt->parameters << " parameters)";
  }
  if (chosen.structure == g.baseline && !only_simplest)
    why << "; the simplest structure explains the sizes within the noise";
  if (!g.pressure.empty())
    why << "; memory pressure (" << g.pressure
        << "), so gc_cpu is the baseline and its gc term is not counted";
  else if (opt.structure == fit_structure::automatic && d.noise_known)
    why << "; " << g.gc_gate;
  if (g.baseline == fit_structure::amdahl)
    why << "; a fitting size is above one vCPU and the thread count is given, so "
           "amdahl "
           "(serial + parallel work) is the baseline and its parallel term is not "
           "counted";
  else if (opt.threads >= 2 && g.baseline == fit_structure::gc_cpu)
    why << "; the thread count is given, so amdahl's parallel term is expected physics "
           "as gc_cpu's gc term is under memory pressure: neither is counted and the "
           "better fit wins";
  else if (chosen.structure == fit_structure::amdahl && !d.noise_known)
    why << "; without per-invocation samples amdahl is admitted by AIC with the "
        << fmt(100 * opt.model_error)
        << " % model error as the noise: the drop above one vCPU is more than one "
           "thread allows and more than noise";
  if (opt.threads == 1 && g.above_one_vcpu)
    why << "; threads = 1 given: single-threaded structures only";
  if (opt.threads >= 2)
    why << "; threads = " << opt.threads
        << " given: the fit estimates the split between serial and parallel work";
  else if ((chosen.structure == fit_structure::amdahl ||
            chosen.structure == fit_structure::threaded_cpu) &&
           !sc.threads_identified) {
    why << "; the thread count is not identifiable from these sizes (counts";
    for (int k : sc.plausible_threads) why << " " << k;
    why << " fit equally well): " << chosen.threads
        << " is the count whose curve is nearest all of theirs (minimax), and the band "
           "covers them; pass threads if you know it";
  } else if (chosen.structure == fit_structure::amdahl ||
             chosen.structure == fit_structure::threaded_cpu)
    why << "; thread count " << chosen.threads
        << " identified by the score (every other count more than 2 worse)";
  if (!sc.bend_note.empty()) why << "; " << sc.bend_note;
  if (!sc.parallel_note.empty()) why << "; " << sc.parallel_note;
  return why.str();
}

void fit_cold_part(const sweep& s, const fit_data& d, const platform& p, profile& w,
                   std::vector<std::string>& diagnostics) {
  const sweep_summary& sum = d.sum;
  const Eigen::Index n_all = sum.size();
  // From the fitting sizes only, as the warm terms. init_ms: the median Init Duration
  // (INIT runs unthrottled for on-demand functions, so it does not scale with memory:
  // data/init_durations, flat from 128 to 1,024 MB for every runtime; lambda-benchmark,
  // flat to 2,048 MB). First-call CPU: from the excess of the cold handler time over
  // the warm aggregate of the same size, where both were recorded.
  std::map<double, bool> fitted;
  for (Eigen::Index i = 0; i < n_all; ++i)
    fitted[sum.memory_mb[i]] = d.used[static_cast<std::size_t>(i)];
  std::vector<double> inits;
  for (const auto& r : s.rows)
    if (!std::isnan(r.init_ms) && fitted[r.memory_mb]) inits.push_back(r.init_ms);
  if (!inits.empty()) w.init_ms = detail::aggregate_values(inits, aggregation::median);
  // Each size's work is the one whose predicted time, cpu_time(work, s, 1) as cold_ms
  // evaluates it, equals the excess: the estimate inverts the predictor. (Scaling the
  // excess by min(s, 1) assumed smooth throttling, but under CFS a first call short
  // against the quota of a period (s x 20 ms) is not throttled at all, so the
  // prediction fell short of the excess it was estimated from.)
  // The first call's work (JIT compilation, class loading, SDK and TLS set-up) may run
  // on several threads. Below one vCPU that does not matter (the threads share the
  // quota: the time is work / s whatever the count); above it the excess falls with the
  // unknown count, so it understates the work. Sizes at or below one vCPU estimate it
  // when there are any.
  std::vector<double> below, above;
  for (Eigen::Index i = 0; i < n_all; ++i) {
    if (!d.used[static_cast<std::size_t>(i)] || std::isnan(sum.cold_duration_ms[i]) ||
        !sum.warm_only[static_cast<std::size_t>(i)])
      continue;
    const double share = p.cpu_share(sum.memory_mb[i]);
    const double excess = sum.cold_duration_ms[i] - sum.duration_ms[i];
    // cpu_time(x, s, 1) is increasing in x and >= x: bisect on [0, excess].
    double lo = 0, hi = std::max(excess, 0.0);
    for (int it = 0; it < 60 && hi - lo > 1e-9 * hi; ++it) {
      const double mid = 0.5 * (lo + hi);
      (cpu_time_ms(mid, share, 1.0, p) < excess ? lo : hi) = mid;
    }
    (share <= 1 ? below : above).push_back(0.5 * (lo + hi));
  }
  std::vector<double>& first = below.empty() ? above : below;
  if (!first.empty())
    w.first_call_cpu_ms =
        std::max(0.0, detail::aggregate_values(first, aggregation::median));
  bool cold_curve = false;
  for (Eigen::Index i = 0; i < n_all; ++i)
    if (d.used[static_cast<std::size_t>(i)] && sum.n_cold[i] > 0 &&
        !sum.warm_only[static_cast<std::size_t>(i)] && sum.n[i] > 0)
      cold_curve = true;
  if (cold_curve)
    diagnostics.push_back(
        "some sizes have only cold starts: the fitted curve is the cold starts' "
        "Duration at every size, which includes the first call's work (so warm_ms "
        "over-predicts a warm call; cold_ms is init_ms + that curve)");
  // Peak memory and variability.
  double peak = 0;
  for (const auto& r : s.rows)
    if (!std::isnan(r.max_memory_used_mb)) peak = std::max(peak, r.max_memory_used_mb);
  w.peak_memory_mb = peak;
  std::vector<double> cvs;
  for (Eigen::Index j = 0; j < d.m.size(); ++j) {
    auto it = d.samples.find(d.m[j]);
    if (it == d.samples.end() || it->second.size() < 3) continue;
    double med = 0;
    cvs.push_back(1.4826 * rel_mad(it->second, med));
  }
  if (!cvs.empty()) w.cv = detail::aggregate_values(cvs, aggregation::median);
}

void per_size_report(const fit_data& d, const platform& p, fit_result& f) {
  const Eigen::Index n_all = d.sum.size();
  f.memory_mb = d.sum.memory_mb;
  f.observed_ms = d.sum.duration_ms;
  f.noise = d.noise;
  f.predicted_ms.resize(n_all);
  warm_ms(f.profile, p, f.memory_mb, f.predicted_ms);
  f.rel_error = (f.predicted_ms - f.observed_ms).cwiseQuotient(f.observed_ms);
  f.used_in_fit = d.used;
  double a = 0, af = 0, ah = 0;
  int nfit = 0, nh = 0;
  for (Eigen::Index i = 0; i < n_all; ++i) {
    const double e = std::abs(f.rel_error[i]);
    a += e;
    if (d.used[static_cast<std::size_t>(i)])
      af += e, ++nfit;
    else
      ah += e, ++nh;
  }
  f.mape = a / static_cast<double>(n_all);
  f.mape_fit = af / nfit;
  f.mape_holdout = nh ? ah / nh : nan;
}

void bootstrap_fit(const fit_data& d, const fit_knobs& chosen, const platform& p,
                   const fit_options& opt, fit_result& f) {
  const Eigen::Index n_all = d.sum.size();
  const auto nf = d.m.size();
  f.param_names = {"io_ms",      "cpu_ms",  "scaled_io_ms",
                   "gc_ms",      "init_ms", "first_call_cpu_ms",
                   "parallel_ms"};
  double parallel = 0;
  for (const auto& c : f.profile.components)
    if (c.kind == component_kind::cpu && c.threads > 1) parallel += c.work_ms;
  f.param_values.resize(7);
  f.param_values << f.profile.total(component_kind::io),
      f.profile.total(component_kind::cpu), f.profile.total(component_kind::scaled_io),
      f.profile.total(component_kind::gc), f.profile.init_ms,
      f.profile.first_call_cpu_ms, parallel;
  f.param_sd.setConstant(7, nan);
  f.spread_lo_ms.setConstant(n_all, nan);
  f.spread_hi_ms.setConstant(n_all, nan);
  bool can_boot = opt.bootstrap > 0;
  for (Eigen::Index j = 0; j < nf && can_boot; ++j)
    if (d.samples.find(d.m[j]) == d.samples.end()) can_boot = false;
  // Per-size data (Power Tuning, summaries): nothing to resample. Not a diagnostic:
  // the result says so by its empty bootstrap_profiles, and prediction_band, the one
  // use that needs them, refuses with the reason.
  if (!can_boot) return;
  // Resample each fitting size's invocations with replacement, re-aggregate, refit the
  // chosen structure with its knobs fixed.
  std::mt19937_64 rng(opt.seed);
  const auto b = static_cast<Eigen::Index>(opt.bootstrap);
  Eigen::MatrixXd params(b, 5);
  const bool amdahl = chosen.structure == fit_structure::amdahl;
  Eigen::MatrixXd pred(b, n_all);
  Eigen::VectorXd yb(nf);
  std::vector<double> tmp;
  for (Eigen::Index k = 0; k < b; ++k) {
    for (Eigen::Index j = 0; j < nf; ++j) {
      const auto& v = d.samples.at(d.m[j]);
      tmp.resize(v.size());
      for (auto& t : tmp) t = v[detail::uniform_index(rng, v.size())];
      yb[j] = detail::aggregate_values(tmp, opt.aggregate);
    }
    const fit_solution r = solve_candidate(chosen, p, d.m, yb, d.sigma);
    profile w = candidate_profile(chosen, r.x);
    params(k, 0) = r.x[0];
    params(k, 1) = r.x[1] + (amdahl ? r.x[2] : 0);
    params(k, 2) = chosen.structure == fit_structure::scaled_io ? r.x[2] : 0;
    params(k, 3) = chosen.structure == fit_structure::gc_cpu ? r.x[2] : 0;
    params(k, 4) = amdahl || chosen.structure == fit_structure::threaded_cpu
                       ? r.x[amdahl ? 2 : 1]
                       : 0;
    Eigen::VectorXd row(n_all);
    warm_ms(w, p, f.memory_mb, row);
    pred.row(k) = row.transpose();
    f.bootstrap_profiles.push_back(std::move(w));
  }
  for (int c = 0; c < 5; ++c) {
    const Eigen::VectorXd col = params.col(c);
    const double mean = col.mean();
    f.param_sd[c < 4 ? c : 6] = b > 1 ? std::sqrt((col.array() - mean).square().sum() /
                                                  static_cast<double>(b - 1))
                                      : nan;
  }
  std::vector<double> v(static_cast<std::size_t>(b));
  for (Eigen::Index i = 0; i < n_all; ++i) {
    for (Eigen::Index k = 0; k < b; ++k) v[static_cast<std::size_t>(k)] = pred(k, i);
    std::sort(v.begin(), v.end());
    f.spread_lo_ms[i] = detail::percentile_sorted(v, spread_q_lo);
    f.spread_hi_ms[i] = detail::percentile_sorted(v, spread_q_hi);
  }
}

}  // namespace detail

platform platform_in_force(std::string_view date) {
  // A calendar date YYYY-MM-DD (month 1..12, day 1..31), which compares as text.
  detail::check_date("date", date);
  std::string best_name;
  std::string best_date;
  for (const char* name : {"aws-lambda-2020", "aws-lambda"}) {
    const auto j =
        nlohmann::json::parse(detail::embedded_model(std::string(name) + ".json"));
    const std::string eff = j.value("effective_date", std::string("0000-00-00"));
    if (eff <= date && eff >= best_date) best_date = eff, best_name = name;
  }
  // Before every model's effective date: the oldest model is the best guess.
  return platform::named(best_name.empty() ? "aws-lambda-2020" : best_name);
}

fit_result fit(const sweep& s, const platform& given, const fit_options& opt) {
  if (opt.threads < 0)
    detail::throw_invalid("threads", opt.threads, "must be >= 0 (0: unknown)");
  if (!(opt.band_level > 0 && opt.band_level < 1))
    detail::throw_invalid("band_level", opt.band_level, "must be in (0, 1)");
  if (!(opt.run_scatter >= 0) || std::isinf(opt.run_scatter))
    detail::throw_invalid("run_scatter", opt.run_scatter, "must be finite and >= 0");
  // The platform of the data's date: date= first, else the date the file carries
  // (sweep_metadata::date) when the platform passed is one of the dated AWS models;
  // a platform given as a file of its own is kept.
  std::string date = opt.date, date_why;
  if (date.empty() && !s.meta.date.empty() &&
      (given.name == "aws-lambda" || given.name == "aws-lambda-2020")) {
    date = s.meta.date;
    date_why =
        ", the date in the file: " + s.meta.date_origin + " (date= overrides it)";
  }
  platform p = date.empty() ? given : platform_in_force(date);
  // A throughput under sustained load: the quota runs out every period, so the time per
  // operation is the work over the share, whatever the platform's single-call rule.
  if (opt.load == sweep_load::sustained) p.throttle = throttling::smooth;
  // The architecture the rows ran on: arch= first, else the one the file says.
  const auto& file_arch = s.meta.architectures;
  if (file_arch.size() > 1) {
    std::string both;
    for (const auto& a : file_arch) both += (both.empty() ? "" : ", ") + a;
    detail::throw_invalid(
        "arch", both,
        "the sweep's rows were recorded on more than one architecture (" +
            s.meta.architecture_origin +
            "); fit one at a time, keeping its rows with a filter (--where)");
  }
  std::string arch = profile{}.architecture, arch_why;
  if (!opt.arch.empty()) {
    arch = std::string(to_string(enum_from_name<architecture>(opt.arch, "arch")));
    const bool differs = !file_arch.empty() && file_arch.front() != arch;
    arch_why = differs ? " (given; the file says " + file_arch.front() + ", " +
                             s.meta.architecture_origin + ")"
                       : " (given)";
  } else if (!file_arch.empty()) {
    arch = file_arch.front();
    arch_why = " (from the file: " + s.meta.architecture_origin + ")";
  } else {
    arch_why = " (the file does not say; arch= sets it)";
  }
  const detail::fit_data d = detail::prepare_fit_data(s, p, opt);
  const detail::fit_grid g = detail::candidate_grid(d, p, opt);
  const detail::fit_scores sc = detail::score_candidates(d, g, p, opt);
  const detail::fit_knobs chosen = g.knobs[sc.best];
  fit_result f;
  f.platform_name = p.name;
  f.candidates = sc.candidates;
  f.structure = chosen.structure;
  f.reason = detail::explain_choice(d, g, sc, opt);
  if (!date.empty())
    f.reason += "; platform " + p.name + " (in force on " + date + ")" + date_why;
  f.profile = detail::candidate_profile(chosen, sc.solutions[sc.best].x);
  f.profile.name = opt.name;
  f.profile.platform = p.name;
  f.profile.architecture = arch;
  f.reason += "; measured on " + arch + arch_why;
  if (opt.load == sweep_load::sustained)
    f.reason +=
        "; sustained load: smooth throttling (the CPU quota is used up every "
        "period)";
  f.profile.source = s.meta.source;
  if (const std::string note = detail::thread_count_contradiction(d, p, opt.threads);
      !note.empty()) {
    f.reason += "; " + note;
    f.diagnostics.push_back(note);
  }
  detail::fit_cold_part(s, d, p, f.profile, f.diagnostics);
  detail::per_size_report(d, p, f);
  // The band's noise where one run's aggregate is all there is: its scatter about the
  // curve is not measured, so the documented default stands in (fit_options).
  for (Eigen::Index i = 0; i < f.memory_mb.size(); ++i) {
    const auto it = d.samples.find(f.memory_mb[i]);
    if (it == d.samples.end() || it->second.size() < 3)
      f.noise[i] = std::hypot(f.noise[i], opt.run_scatter);
  }
  detail::bootstrap_fit(d, chosen, p, opt, f);
  f.threads = chosen.structure == fit_structure::amdahl ||
                      chosen.structure == fit_structure::threaded_cpu
                  ? chosen.threads
                  : 1;
  f.threads_identified = sc.threads_identified;
  f.plausible_threads = sc.plausible_threads;
  for (std::size_t gi : sc.plausible)
    if (gi != sc.best)
      f.plausible_profiles.push_back(
          detail::candidate_profile(g.knobs[gi], sc.solutions[gi].x));
  if (!opt.arch.empty() && !file_arch.empty() && file_arch.front() != arch)
    f.diagnostics.push_back("arch = '" + arch + "', but the file says " +
                            file_arch.front() + " (" + s.meta.architecture_origin +
                            "): the profile records " + arch);
  f.band_level = opt.band_level;
  f.band_lo_ms.resize(f.memory_mb.size());
  f.band_hi_ms.resize(f.memory_mb.size());
  prediction_interval(f, p, f.memory_mb, opt.band_level, f.band_lo_ms, f.band_hi_ms);
  return f;
}

void prediction_interval(const fit_result& f, const platform& p,
                         const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                         double level, Eigen::Ref<Eigen::VectorXd> lo,
                         Eigen::Ref<Eigen::VectorXd> hi) {
  if (!(level > 0 && level < 1))
    detail::throw_invalid("level", level, "must be in (0, 1)");
  if (lo.size() != memory_mb.size() || hi.size() != memory_mb.size())
    throw std::invalid_argument(
        "prediction_interval: lo and hi must have memory_mb's size");
  const Eigen::Index n = memory_mb.size();
  Eigen::VectorXd center(n), t(n);
  warm_ms(f.profile, p, memory_mb, center);
  Eigen::VectorXd env_lo = center, env_hi = center;
  for (const auto& w : f.plausible_profiles) {
    warm_ms(w, p, memory_mb, t);
    env_lo = env_lo.cwiseMin(t);
    env_hi = env_hi.cwiseMax(t);
  }
  // The parameters' spread: SD of the log prediction over the bootstrap profiles.
  Eigen::VectorXd boot_sd = Eigen::VectorXd::Zero(n);
  const auto b = static_cast<Eigen::Index>(f.bootstrap_profiles.size());
  if (b > 1) {
    Eigen::MatrixXd lp(n, b);
    for (Eigen::Index k = 0; k < b; ++k) {
      warm_ms(f.bootstrap_profiles[static_cast<std::size_t>(k)], p, memory_mb, t);
      lp.col(k) = t.array().log().matrix();
    }
    const Eigen::VectorXd mean = lp.rowwise().mean();
    boot_sd = ((lp.colwise() - mean).array().square().rowwise().sum() /
               static_cast<double>(b - 1))
                  .sqrt()
                  .matrix();
  }
  const boost::math::normal_distribution<double> normal;
  const double z = boost::math::quantile(normal, 0.5 + level / 2);
  for (Eigen::Index i = 0; i < n; ++i) {
    // Noise of the nearest fitting size (in log memory): the level a held-out size can
    // drift from the curve by (run-to-run drift, model approximation, sampling).
    double noise = nan, dist = INFINITY;
    for (Eigen::Index j = 0; j < f.memory_mb.size(); ++j) {
      if (!f.used_in_fit[static_cast<std::size_t>(j)]) continue;
      const double dj = std::abs(std::log(memory_mb[i] / f.memory_mb[j]));
      if (dj < dist) dist = dj, noise = f.noise[j];
    }
    const double sd = std::hypot(noise, boot_sd[i]);
    lo[i] = env_lo[i] * std::exp(-z * sd);
    hi[i] = env_hi[i] * std::exp(z * sd);
  }
}

void prediction_band(const fit_result& f, const platform& p,
                     const Eigen::Ref<const Eigen::VectorXd>& memory_mb, double q_lo,
                     double q_hi, Eigen::Ref<Eigen::VectorXd> lo,
                     Eigen::Ref<Eigen::VectorXd> hi) {
  if (f.bootstrap_profiles.empty())
    throw std::invalid_argument(
        "prediction_band: the fit has no bootstrap profiles (no per-invocation "
        "samples at every fitting size, or bootstrap = 0): use prediction_interval");
  if (!(q_lo >= 0 && q_lo <= q_hi && q_hi <= 1))
    throw std::invalid_argument(
        "prediction_band: need 0 <= q_lo = " + detail::format_number(q_lo) +
        " <= q_hi = " + detail::format_number(q_hi) + " <= 1");
  if (lo.size() != memory_mb.size() || hi.size() != memory_mb.size())
    throw std::invalid_argument(
        "prediction_band: lo and hi must have memory_mb's size");
  const auto b = static_cast<Eigen::Index>(f.bootstrap_profiles.size());
  Eigen::MatrixXd pred(memory_mb.size(), b);
  for (Eigen::Index k = 0; k < b; ++k)
    warm_ms(f.bootstrap_profiles[static_cast<std::size_t>(k)], p, memory_mb,
            pred.col(k));
  std::vector<double> v(static_cast<std::size_t>(b));
  for (Eigen::Index i = 0; i < memory_mb.size(); ++i) {
    for (Eigen::Index k = 0; k < b; ++k) v[static_cast<std::size_t>(k)] = pred(i, k);
    std::sort(v.begin(), v.end());
    lo[i] = detail::percentile_sorted(v, q_lo);
    hi[i] = detail::percentile_sorted(v, q_hi);
  }
}

}  // namespace lambdasim
