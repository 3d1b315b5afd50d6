// SPDX-License-Identifier: MIT
#include "lambdasim/curve.hpp"

#include <limits>

#include "detail/predict_kernels.hpp"
#include "lambdasim/billing.hpp"

namespace lambdasim {

curve_result curve(const profile& w, const platform& p, const price_table& prices,
                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb) {
  w.validate();
  p.check_peak_memory(w.peak_memory_mb);
  prices.validate();
  const Eigen::Index n = memory_mb.size();
  curve_result r;
  r.memory_mb = memory_mb;
  r.vcpu.resize(n);
  r.warm_ms.resize(n);
  r.cold_ms.resize(n);
  r.warm_billed_ms.resize(n);
  r.gb_s.resize(n);
  r.cost_usd.resize(n);
  r.feasible.resize(n);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double gb_s_price = prices.first_tier_usd_per_gb_s();
  const double request = prices.requests_usd_per_million / 1e6;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double m = memory_mb[i];
    const double s = p.cpu_share(m);
    r.vcpu[i] = s;
    r.warm_ms[i] = detail::warm_time(w, p, m, s, p.visible_vcpu_count(m));
    r.cold_ms[i] = detail::cold_extra(w, p, s) + r.warm_ms[i];
    r.feasible[i] = m >= w.peak_memory_mb;
    if (!r.feasible[i]) {  // out of memory: not priced
      r.warm_billed_ms[i] = r.gb_s[i] = r.cost_usd[i] = nan;
      continue;
    }
    r.warm_billed_ms[i] = billed_ms(r.warm_ms[i], p.billing_granularity_ms);
    r.gb_s[i] = gb_seconds(r.warm_billed_ms[i], m);
    r.cost_usd[i] = r.gb_s[i] * gb_s_price + request;
  }
  return r;
}

curve_result curve(const profile& w, const platform& p, const price_table& prices) {
  const Eigen::VectorXd grid = p.memory_grid();
  return curve(w, p, prices, grid);
}

}  // namespace lambdasim
