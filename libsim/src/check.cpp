// SPDX-License-Identifier: MIT
#include "lambdasim/check.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <vector>

#include "lambdasim/error.hpp"
#include "lambdasim/predict.hpp"

namespace lambdasim {

namespace {
double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
}  // namespace

check_result check(const profile& w, const sweep& s, const platform& p,
                   const check_options& opt) {
  const bool per_size = !std::isnan(opt.rtol);
  if (per_size && (!(opt.rtol > 0) || std::isinf(opt.rtol)))
    detail::throw_invalid("rtol", opt.rtol, "must be finite and > 0");
  if (!(opt.shift_tolerance >= 0) || std::isinf(opt.shift_tolerance))
    detail::throw_invalid("shift_tolerance", opt.shift_tolerance,
                          "must be finite and >= 0");
  if (!(opt.profile_error >= 0) || std::isinf(opt.profile_error))
    detail::throw_invalid("profile_error", opt.profile_error,
                          "must be finite and >= 0");
  if (!(opt.level > 0 && opt.level < 1))
    detail::throw_invalid("level", opt.level, "must be in (0, 1)");
  w.validate();
  p.check_peak_memory(w.peak_memory_mb);
  const sweep_summary sum = s.summarize(opt.aggregate);
  check_result r;
  r.rtol = opt.rtol;
  r.shift_tolerance = opt.shift_tolerance;
  r.rule = per_size ? "per_size" : "shift";
  r.memory_mb = sum.memory_mb;
  r.observed_ms = sum.duration_ms;
  r.p5_ms = sum.p5_ms;
  r.p95_ms = sum.p95_ms;
  const Eigen::Index n = sum.size();
  r.predicted_ms.resize(n);
  warm_ms(w, p, r.memory_mb, r.predicted_ms);
  r.deviation = r.observed_ms.cwiseQuotient(r.predicted_ms).array() - 1.0;
  r.rel_error = (r.predicted_ms - r.observed_ms).cwiseQuotient(r.observed_ms);

  // The whole curve's shift: median log ratio, robust spread of the sizes around it.
  std::vector<double> lr;
  for (Eigen::Index i = 0; i < n; ++i)
    if (r.observed_ms[i] > 0 && r.predicted_ms[i] > 0)
      lr.push_back(std::log(r.observed_ms[i] / r.predicted_ms[i]));
  double t = INFINITY, sd = INFINITY, se = INFINITY, mid = 0;
  if (!lr.empty()) mid = median_of(lr);
  if (lr.size() >= 2) {
    std::vector<double> dev;
    for (double x : lr) dev.push_back(std::abs(x - mid));
    sd = 1.4826 * median_of(dev);
    se = std::hypot(1.2533 * sd / std::sqrt(static_cast<double>(lr.size())),
                    opt.profile_error);
    const boost::math::students_t dist(static_cast<double>(lr.size() - 1));
    t = boost::math::quantile(dist, 0.5 + opt.level / 2);
  }
  r.shift = std::expm1(mid);
  r.shift_lo = std::expm1(mid - t * se);
  r.shift_hi = std::expm1(mid + t * se);
  r.detectable_shift = opt.shift_tolerance + 2 * t * se;
  // Fails when the whole interval lies beyond the tolerance on one side.
  const double tol = std::log1p(opt.shift_tolerance);
  const double tol_lo = std::log1p(-std::min(opt.shift_tolerance, 0.999999));
  const bool shift_ok = !(mid - t * se > tol) && !(mid + t * se < tol_lo);

  int outside = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double e = std::abs(r.deviation[i]);
    // !(e <= rtol) so a NaN deviation (predicted 0) fails too
    const bool ok = !per_size || e <= opt.rtol;
    r.within_tolerance.push_back(ok);
    r.in_band.push_back(r.predicted_ms[i] >= r.p5_ms[i] &&
                        r.predicted_ms[i] <= r.p95_ms[i]);
    const double x = std::log(r.observed_ms[i] / r.predicted_ms[i]) - mid;
    const bool out = !(std::abs(x) <= t * sd);
    r.outside_band.push_back(out && lr.size() >= 2);
    if (out && lr.size() >= 2) {
      ++outside;
      char buf[200];
      std::snprintf(
          buf, sizeof buf,
          "%.0f MB: observed %.1f ms is %+.1f %% from the shifted curve, beyond "
          "its %.0f %% band (%+.1f .. %+.1f %%)",
          r.memory_mb[i], r.observed_ms[i], 100 * std::expm1(x), 100 * opt.level,
          100 * std::expm1(-t * sd), 100 * std::expm1(t * sd));
      r.warnings.push_back(buf);
    }
    if (per_size && !ok) ++r.failures;
    r.max_abs_deviation = std::max(r.max_abs_deviation, std::isnan(e) ? INFINITY : e);
    const double er = std::abs(r.rel_error[i]);
    r.max_abs_rel_error = std::max(r.max_abs_rel_error, std::isnan(er) ? INFINITY : er);
  }
  if (per_size) {
    r.passed = r.failures == 0;
  } else {
    r.failures = outside;
    r.passed = shift_ok;
    if (lr.size() < 2)
      r.warnings.push_back(
          "one recorded size: no scatter to set the shift's interval by, "
          "so the check cannot fail on the shift");
  }
  return r;
}

std::string check_result::report() const {
  std::string out;
  char buf[200];
  const bool per_size = rule == "per_size";
  std::snprintf(buf, sizeof buf, "%9s %12s %12s %9s %7s  %s\n", "memory_mb",
                "predicted_ms", "observed_ms", "deviation", "in_band", "status");
  out += buf;
  for (Eigen::Index i = 0; i < memory_mb.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    const bool known = !std::isnan(p5_ms[i]) && !std::isnan(p95_ms[i]);
    const char* status = per_size ? (within_tolerance[k] ? "ok" : "FAIL")
                                  : (outside_band[k] ? "warn" : "ok");
    std::snprintf(buf, sizeof buf, "%9.0f %12.1f %12.1f %+8.1f%% %7s  %s\n",
                  memory_mb[i], predicted_ms[i], observed_ms[i], 100 * deviation[i],
                  known ? (in_band[k] ? "yes" : "no") : "-", status);
    out += buf;
  }
  // What the two per-size columns judge: under the shift rule a size far from the
  // prediction can be "ok" (the whole curve moved, and this size moved with it).
  out += per_size ? "status: |deviation| <= rtol; "
                  : "status: against the shifted curve (warn: beyond its band, the "
                    "warnings); ";
  out += "in_band: the prediction within the size's recorded p5..p95\n";
  if (per_size) {
    std::snprintf(
        buf, sizeof buf,
        "%s: %d of %lld sizes outside rtol %g (largest |observed / predicted - 1| "
        "%.1f%%)\n",
        passed ? "PASS" : "FAIL", failures, static_cast<long long>(memory_mb.size()),
        rtol, 100 * max_abs_deviation);
  } else {
    std::snprintf(
        buf, sizeof buf,
        "%s: the curve is shifted by %+.1f%% (interval %+.1f%% .. %+.1f%%), "
        "tolerance +-%.1f%%; smallest shift detected: %.1f%%; %d of %lld sizes "
        "outside their band (warnings)\n",
        passed ? "PASS" : "FAIL", 100 * shift, 100 * shift_lo, 100 * shift_hi,
        100 * shift_tolerance, 100 * detectable_shift, failures,
        static_cast<long long>(memory_mb.size()));
  }
  out += buf;
  return out;
}

}  // namespace lambdasim
