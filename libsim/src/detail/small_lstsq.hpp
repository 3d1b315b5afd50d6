// SPDX-License-Identifier: MIT
/// @file detail/small_lstsq.hpp (libsim/src: not installed)
/// Least squares on at most three columns with no heap allocation: the fit's NNLS
/// (nnls_small, fit.cpp) solves a handful of these per candidate, thousands per fit.
///
/// The algorithm is Eigen 3.4's ColPivHouseholderQR step for step (column norms with
/// LAPACK's downdating, pivot on the largest, Householder reflections, the same rank
/// rule and solve), written out for fixed small sizes so that nothing is allocated.
/// Results agree with Eigen's to rounding (a few ulps; Eigen may sum in another order).
/// Where a rank decision is within a factor 1e6 of Eigen's threshold, or the pivots
/// span more than a factor 1e3 (ill-conditioned: rounding differences would grow), the
/// function says so (`uncertain`) and the caller asks Eigen itself.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace lambdasim::detail {

/// Rows the fixed-size path takes; larger problems go through Eigen. Three: with up to
/// three rows Eigen sums in the written order, so the fixed path is bit-identical to it
/// (the fit snapshot, tests/python/test_fit_snapshot.py, checks); with more, Eigen's
/// vectorised sums round differently and ill-conditioned fits moved by 2e-12.
inline constexpr int small_lstsq_max_rows = 3;

enum class lstsq_status { ok, rank_deficient, uncertain };

/// Applies the Householder reflector I - tau w w^T, w = (1, v[1..len)), to u[0..len),
/// in Eigen's order of operations (the factorisation and the solve share it). Forced
/// inline: as a call, three-size fits ran 5 % slower (7,100 against 7,450 fits/s).
[[gnu::always_inline]] inline void apply_reflector(const double* v, double tau,
                                                   double* u, int len) {
  if (len == 1) {
    u[0] *= 1 - tau;
  } else if (tau != 0) {
    double t = 0;
    for (int i = 1; i < len; ++i) t += v[i] * u[i];
    t += u[0];
    u[0] -= tau * t;
    for (int i = 1; i < len; ++i) u[i] -= tau * v[i] * t;
  }
}

/// min ||A x - b|| for A of n rows (n <= small_lstsq_max_rows) and q <= 3 columns,
/// column-major in `a` (a[c * n + i]; overwritten). x receives q values when ok.
inline lstsq_status small_lstsq(double* a, int n, int q, const double* b, double* x) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  double nu[3], nd[3], tau[3];
  int perm[3] = {0, 1, 2};
  const auto col = [&](int c) { return a + static_cast<std::ptrdiff_t>(c) * n; };
  const auto sq_norm = [](const double* v, int len) {
    double s = 0;
    for (int i = 0; i < len; ++i) s += v[i] * v[i];
    return s;
  };
  double maxnorm = 0;
  for (int c = 0; c < q; ++c) {
    nd[c] = nu[c] = std::sqrt(sq_norm(col(c), n));
    maxnorm = std::max(maxnorm, nu[c]);
  }
  const double helper = (maxnorm * eps) * (maxnorm * eps) / n;
  const double downdate = std::sqrt(eps);
  const int size = std::min(n, q);
  int nz = size;
  double maxpivot = 0;
  bool near = false;
  for (int k = 0; k < size; ++k) {
    int big = k;
    for (int j = k + 1; j < q; ++j)
      if (nu[j] > nu[big]) big = j;
    const double big_sq = nu[big] * nu[big];
    const double limit = helper * (n - k);
    if (nz == size && big_sq < limit) nz = k;
    if (big_sq < limit * 1e12) near = true;  // (nearly) dependent columns
    if (big != k) {
      std::swap_ranges(col(k), col(k) + n, col(big));
      std::swap(nu[k], nu[big]);
      std::swap(nd[k], nd[big]);
      std::swap(perm[k], perm[big]);
    }
    double* v = col(k) + k;  // v[0] the diagonal, v[1..len) the essential part
    const int len = n - k;
    const double tail = len == 1 ? 0.0 : sq_norm(v + 1, len - 1);
    const double c0 = v[0];
    double beta;
    if (tail <= std::numeric_limits<double>::min()) {
      tau[k] = 0;
      beta = c0;
      for (int i = 1; i < len; ++i) v[i] = 0;
    } else {
      beta = std::sqrt(c0 * c0 + tail);
      if (c0 >= 0) beta = -beta;
      const double d = c0 - beta;
      for (int i = 1; i < len; ++i) v[i] = v[i] / d;
      tau[k] = (beta - c0) / beta;
    }
    v[0] = beta;
    maxpivot = std::max(maxpivot, std::abs(beta));
    for (int j = k + 1; j < q; ++j) {
      apply_reflector(v, tau[k], col(j) + k, len);
    }
    for (int j = k + 1; j < q; ++j) {
      if (nu[j] == 0) continue;
      double t = std::abs(col(j)[k]) / nu[j];
      t = (1 + t) * (1 - t);
      t = t < 0 ? 0 : t;
      const double r = nu[j] / nd[j];
      const double t2 = t * (r * r);
      if (t2 <= downdate) {
        nd[j] = std::sqrt(sq_norm(col(j) + k + 1, n - k - 1));
        nu[j] = nd[j];
      } else {
        nu[j] *= std::sqrt(t);
      }
    }
  }
  // rank(): pivots above maxpivot x eps x diagonal size, among the nonzero ones
  const double pre = maxpivot * (eps * size);
  int rank = 0;
  double minpivot = maxpivot;
  for (int i = 0; i < nz; ++i) {
    const double r = std::abs(col(i)[i]);
    rank += r > pre;
    if (r <= pre * 1e6) near = true;
    minpivot = std::min(minpivot, r);
  }
  // Ill-conditioned (pivot ratio above 1e3): rounding in another order could move the
  // solution by more than 1e-13 relative; Eigen's own answer is wanted.
  if (minpivot * 1e3 < maxpivot) near = true;
  if (near) return lstsq_status::uncertain;
  if (rank < q) return lstsq_status::rank_deficient;
  // solve: c = Q^T b, then R c = ..., back substitution by columns
  double c[small_lstsq_max_rows];
  std::copy(b, b + n, c);
  for (int k = 0; k < nz; ++k) {
    const double* v = col(k) + k;
    apply_reflector(v, tau[k], c + k, n - k);
  }
  for (int i = nz - 1; i >= 0; --i) {
    c[i] /= col(i)[i];
    for (int r = 0; r < i; ++r) c[r] -= c[i] * col(i)[r];
  }
  for (int i = 0; i < nz; ++i) x[perm[i]] = c[i];
  for (int i = nz; i < q; ++i) x[perm[i]] = 0;
  return lstsq_status::ok;
}

}  // namespace lambdasim::detail
