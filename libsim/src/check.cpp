// SPDX-License-Identifier: MIT
#include "lambdasim/check.hpp"

#include <cmath>
#include <cstdio>

#include "lambdasim/error.hpp"
#include "lambdasim/predict.hpp"

namespace lambdasim {

check_result check(const profile& w, const sweep& s, const platform& p,
                   const check_options& opt) {
  if (!(opt.rtol > 0) || std::isinf(opt.rtol))
    detail::throw_invalid("rtol", opt.rtol, "must be finite and > 0");
  w.validate();
  p.check_peak_memory(w.peak_memory_mb);
  const sweep_summary sum = s.summarize(opt.aggregate);
  check_result r;
  r.rtol = opt.rtol;
  r.memory_mb = sum.memory_mb;
  r.observed_ms = sum.duration_ms;
  r.p5_ms = sum.p5_ms;
  r.p95_ms = sum.p95_ms;
  r.predicted_ms.resize(sum.size());
  warm_ms(w, p, r.memory_mb, r.predicted_ms);
  r.rel_error = (r.predicted_ms - r.observed_ms).cwiseQuotient(r.observed_ms);
  for (Eigen::Index i = 0; i < sum.size(); ++i) {
    const double e = std::abs(r.rel_error[i]);
    // !(e <= rtol) so a NaN error (observed 0) fails too
    const bool ok = e <= opt.rtol;
    r.within_tolerance.push_back(ok);
    r.in_band.push_back(r.predicted_ms[i] >= r.p5_ms[i] && r.predicted_ms[i] <= r.p95_ms[i]);
    if (!ok) ++r.failures;
    r.max_abs_rel_error = std::max(r.max_abs_rel_error, std::isnan(e) ? INFINITY : e);
  }
  r.passed = r.failures == 0;
  return r;
}

std::string check_result::report() const {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%9s %12s %12s %9s %7s  %s\n", "memory_mb", "predicted_ms",
                "observed_ms", "rel_error", "in_band", "status");
  out += buf;
  for (Eigen::Index i = 0; i < memory_mb.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    const bool known = !std::isnan(p5_ms[i]) && !std::isnan(p95_ms[i]);
    std::snprintf(buf, sizeof buf, "%9.0f %12.1f %12.1f %+8.1f%% %7s  %s\n", memory_mb[i],
                  predicted_ms[i], observed_ms[i], 100 * rel_error[i],
                  known ? (in_band[k] ? "yes" : "no") : "-",
                  within_tolerance[k] ? "ok" : "FAIL");
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "%s: %d of %lld sizes outside rtol %g (largest |error| %.1f%%)\n",
                passed ? "PASS" : "FAIL", failures, static_cast<long long>(memory_mb.size()),
                rtol, 100 * max_abs_rel_error);
  out += buf;
  return out;
}

}  // namespace lambdasim
