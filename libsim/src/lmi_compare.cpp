// SPDX-License-Identifier: MIT
#include "lambdasim/lmi_compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "lambdasim/error.hpp"
#include "lambdasim/predict.hpp"
#include "lambdasim/simulate.hpp"

namespace lambdasim {

int provisioned_for_peak(double peak_rate_per_s, double warm_ms) {
  if (!(peak_rate_per_s >= 0) || !std::isfinite(peak_rate_per_s))
    detail::throw_invalid("peak_rate_per_s", peak_rate_per_s,
                          "must be >= 0 and finite");
  if (!(warm_ms >= 0) || !std::isfinite(warm_ms))
    detail::throw_invalid("warm_ms", warm_ms, "must be >= 0 and finite");
  const double a = peak_rate_per_s * warm_ms / 1000;
  const double n = std::ceil(a + 3 * std::sqrt(a) - 1e-9);
  if (!(n < 1e9))
    detail::throw_invalid("peak_rate_per_s", peak_rate_per_s, "too large");
  return std::max(1, static_cast<int>(n));
}

void compare_options::validate() const {
  if (!(requests_per_month > 0) || !std::isfinite(requests_per_month))
    detail::throw_invalid("requests_per_month", requests_per_month,
                          "must be > 0 and finite");
  if (!(peak_to_mean >= 1) || !std::isfinite(peak_to_mean))
    detail::throw_invalid("peak_to_mean", peak_to_mean, "must be >= 1 and finite");
  if (!(percentile > 0 && percentile < 1))
    detail::throw_invalid("percentile", percentile, "must be within (0, 1), e.g. 0.99");
  if (!(max_latency_ms >= 0) || !std::isfinite(max_latency_ms))
    detail::throw_invalid("max_latency_ms", max_latency_ms, "must be >= 0 (0 = none)");
  if (!(max_throttled_fraction >= 0 && max_throttled_fraction <= 1))
    detail::throw_invalid("max_throttled_fraction", max_throttled_fraction,
                          "must be within [0, 1]");
  if (!(simulate_s > 0) || !std::isfinite(simulate_s))
    detail::throw_invalid("simulate_s", simulate_s, "must be > 0 and finite");
  if (!(month_hours > 0 && month_hours <= 744))
    detail::throw_invalid("month_hours", month_hours, "must be within (0, 744]");
  if (computes.empty())
    throw std::invalid_argument("computes: at least one compute option is required");
}

namespace {

std::string money(double usd) {
  char buf[64];
  std::snprintf(buf, sizeof buf, usd >= 100 ? "$%.0f" : "$%.2f", usd);
  return buf;
}
std::string ms_text(double ms) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  return buf;
}
std::string pct(double q) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "p%g", q * 100);
  return buf;
}

monthly_bill provisioned_bill(const profile& w, const platform& p,
                              const price_table& prices, double memory_mb,
                              bill_options bo, int n, double month_hours,
                              double request_fraction, double cold_fraction) {
  bo.provisioned_concurrency = n;
  bo.provisioned_hours = month_hours;
  bo.provisioned_request_fraction = request_fraction;
  bo.cold_fraction = cold_fraction;
  bo.free_tier = false;  // not with provisioned concurrency
  return compute_bill(w, p, prices, memory_mb, bo);
}

struct costs {
  double on_demand, provisioned, lmi;
};

costs analytic_costs(const profile& w, const platform& p, const price_table& prices,
                     double memory_mb, const lmi_config& c, double requests,
                     double ratio, const bill_options& bo, double month_hours,
                     double warm) {
  bill_options od = bo;
  od.requests_per_month = requests;
  costs k;
  k.on_demand = compute_bill(w, p, prices, memory_mb, od).total_usd;
  const double peak = requests / (month_hours * 3600) * ratio;
  k.provisioned = provisioned_bill(w, p, prices, memory_mb, od,
                                   provisioned_for_peak(peak, warm), month_hours, 1, 0)
                      .total_usd;
  k.lmi = plan_lmi(w, c, requests, ratio, month_hours).bill.total_usd;
  return k;
}

template <class F>
std::vector<double> crossovers(const Eigen::VectorXd& x, const Eigen::VectorXd& diff,
                               F f) {
  std::vector<double> out;
  for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
    const double a = diff[i], b = diff[i + 1];
    if (a == 0) {
      out.push_back(x[i]);
      continue;
    }
    if ((a < 0) == (b < 0) || b == 0) continue;
    double lo = x[i], hi = x[i + 1];
    const bool lo_negative = a < 0;
    for (int it = 0; it < 200 && hi - lo > 1e-12 * std::max(1.0, hi); ++it) {
      const double mid = 0.5 * (lo + hi);
      if ((f(mid) < 0) == lo_negative)
        lo = mid;
      else
        hi = mid;
    }
    out.push_back(0.5 * (lo + hi));
  }
  if (x.size() > 0 && diff[x.size() - 1] == 0) out.push_back(x[x.size() - 1]);
  return out;
}

void check_grid(const Eigen::Ref<const Eigen::VectorXd>& x, std::string_view name,
                double min) {
  if (x.size() == 0) detail::throw_invalid(name, 0.0, "an empty grid");
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (!(x[i] >= min) || !std::isfinite(x[i]))
      detail::throw_invalid(std::string(name) + "[" + std::to_string(i) + "]", x[i],
                            "must be >= " + detail::format_number(min) + " and finite");
    if (i > 0 && !(x[i] > x[i - 1]))
      detail::throw_invalid(std::string(name) + "[" + std::to_string(i) + "]", x[i],
                            "the grid must ascend");
  }
}

break_even_result break_even(const profile& w, const platform& p,
                             const price_table& prices, double memory_mb,
                             const lmi_config& c,
                             const Eigen::Ref<const Eigen::VectorXd>& grid,
                             bool by_requests, double fixed, const bill_options& bo,
                             double month_hours) {
  lmi_resolve(c);
  bo.validate();
  const double warm = warm_ms(w, p, memory_mb);
  break_even_result r;
  r.x_name = by_requests ? "requests_per_month" : "peak_to_mean";
  check_grid(grid, r.x_name, by_requests ? 0.0 : 1.0);
  r.x = grid;
  const Eigen::Index n = grid.size();
  r.on_demand_usd.resize(n);
  r.provisioned_usd.resize(n);
  r.lmi_usd.resize(n);
  auto at = [&](double x) {
    return by_requests ? analytic_costs(w, p, prices, memory_mb, c, x, fixed, bo,
                                        month_hours, warm)
                       : analytic_costs(w, p, prices, memory_mb, c, fixed, x, bo,
                                        month_hours, warm);
  };
  for (Eigen::Index i = 0; i < n; ++i) {
    const costs k = at(grid[i]);
    r.on_demand_usd[i] = k.on_demand;
    r.provisioned_usd[i] = k.provisioned;
    r.lmi_usd[i] = k.lmi;
  }
  const Eigen::VectorXd d_od = r.lmi_usd - r.on_demand_usd;
  const Eigen::VectorXd d_pc = r.lmi_usd - r.provisioned_usd;
  r.lmi_on_demand_crossovers = crossovers(r.x, d_od, [&](double x) {
    const costs k = at(x);
    return k.lmi - k.on_demand;
  });
  r.lmi_provisioned_crossovers = crossovers(r.x, d_pc, [&](double x) {
    const costs k = at(x);
    return k.lmi - k.provisioned;
  });
  return r;
}

}  // namespace

break_even_result break_even_requests(
    const profile& w, const platform& p, const price_table& prices, double memory_mb,
    const lmi_config& c, const Eigen::Ref<const Eigen::VectorXd>& requests_per_month,
    double peak_to_mean, bill_options bo, double month_hours) {
  if (!(peak_to_mean >= 1) || !std::isfinite(peak_to_mean))
    detail::throw_invalid("peak_to_mean", peak_to_mean, "must be >= 1 and finite");
  return break_even(w, p, prices, memory_mb, c, requests_per_month, true, peak_to_mean,
                    bo, month_hours);
}

break_even_result break_even_peak(const profile& w, const platform& p,
                                  const price_table& prices, double memory_mb,
                                  const lmi_config& c, double requests_per_month,
                                  const Eigen::Ref<const Eigen::VectorXd>& peak_to_mean,
                                  bill_options bo, double month_hours) {
  if (!(requests_per_month >= 0) || !std::isfinite(requests_per_month))
    detail::throw_invalid("requests_per_month", requests_per_month,
                          "must be >= 0 and finite");
  return break_even(w, p, prices, memory_mb, c, peak_to_mean, false, requests_per_month,
                    bo, month_hours);
}

compute_comparison compare_compute(const profile& w, const platform& p,
                                   const price_table& prices, double memory_mb,
                                   const lmi_config& c, const compare_options& o,
                                   bill_options bo) {
  o.validate();
  bo.requests_per_month = o.requests_per_month;
  bo.validate();
  const double warm = warm_ms(w, p, memory_mb);
  const double peak = o.requests_per_month / (o.month_hours * 3600) * o.peak_to_mean;
  // simulate at most about two million requests per option
  const double window = std::min(o.simulate_s, std::max(60.0, 2e6 / peak));
  const arrivals a = arrivals::poisson(peak, window);

  compute_comparison out;
  out.percentile = o.percentile;
  for (const compute_kind k : o.computes) {
    compute_estimate r;
    r.compute = k;
    if (k == compute_kind::lmi) {
      const lmi_plan plan =
          plan_lmi(w, c, o.requests_per_month, o.peak_to_mean, o.month_hours);
      lmi_simulate_options so;
      so.seed = o.seed;
      so.initial_environments = plan.environments;
      so.autoscale = false;
      lmi_config fixed = c;
      fixed.max_environments = std::max(c.max_environments, plan.environments);
      const auto s = simulate_lmi(w, a, fixed, so);
      r.lmi = plan.bill;
      r.total_usd = plan.bill.total_usd;
      r.environments = plan.environments;
      r.instances = plan.instances;
      r.latency_ms = s.latency_hist.quantile(o.percentile);
      r.mean_latency_ms = s.latency.mean_ms;
      r.throttled_fraction = s.requests ? static_cast<double>(s.throttled) /
                                              static_cast<double>(s.requests)
                                        : 0;
      r.detail = std::to_string(plan.instances) + " x " + c.instance_type + " (" +
                 std::to_string(plan.environments) + " environments of " +
                 detail::format_number(plan.layout.environment_vcpu) + " vCPU, " +
                 std::to_string(plan.layout.concurrency) + " at once; set by " +
                 plan.bound + ")";
      out.assumptions = lmi_assumptions(c);
    } else {
      simulate_options so;
      so.memory_mb = memory_mb;
      so.seed = o.seed;
      so.threads = 1;
      so.timeline_bins = 0;
      int n = 0;
      if (k == compute_kind::provisioned) {
        n = provisioned_for_peak(peak, warm);
        so.provisioned_concurrency = n;
      }
      const auto s = simulate(w, p, a, so);
      log_histogram all = s.warm_hist;
      all.merge(s.cold_hist);
      r.latency_ms = all.quantile(o.percentile);
      r.mean_latency_ms = s.all.mean_ms;
      r.throttled_fraction = s.requests ? static_cast<double>(s.throttled) /
                                              static_cast<double>(s.requests)
                                        : 0;
      const double on_demand = static_cast<double>(s.served - s.provisioned_served);
      r.cold_fraction =
          on_demand > 0 ? static_cast<double>(s.cold_starts) / on_demand : 0;
      if (k == compute_kind::provisioned) {
        const double frac = s.served ? static_cast<double>(s.provisioned_served) /
                                           static_cast<double>(s.served)
                                     : 1;
        r.bill = provisioned_bill(w, p, prices, memory_mb, bo, n, o.month_hours, frac,
                                  r.cold_fraction);
        r.provisioned_concurrency = n;
        r.detail = std::to_string(n) + " provisioned at " +
                   detail::format_number(memory_mb) + " MB all month";
      } else {
        bill_options od = bo;
        od.cold_fraction = r.cold_fraction;
        r.bill = compute_bill(w, p, prices, memory_mb, od);
        r.detail = detail::format_number(memory_mb) + " MB on demand";
      }
      r.total_usd = r.bill.total_usd;
    }
    r.feasible = r.throttled_fraction <= o.max_throttled_fraction &&
                 (o.max_latency_ms == 0 || r.latency_ms <= o.max_latency_ms);
    out.options.push_back(r);
  }
  // the cheapest feasible option; ties to the faster
  const compute_estimate* best = nullptr;
  for (const auto& r : out.options) {
    if (!r.feasible) continue;
    if (!best || r.total_usd < best->total_usd ||
        (r.total_usd == best->total_usd && r.latency_ms < best->latency_ms))
      best = &r;
  }
  if (!best) {
    std::string why;
    for (const auto& r : out.options)
      why += std::string(why.empty() ? "" : "; ") + std::string(to_string(r.compute)) +
             " " + pct(o.percentile) + " " + ms_text(r.latency_ms) + ", throttled " +
             detail::format_number(r.throttled_fraction);
    throw std::invalid_argument(
        "no compute option meets max_latency_ms = " +
        detail::format_number(o.max_latency_ms) + " and max_throttled_fraction = " +
        detail::format_number(o.max_throttled_fraction) + ": " + why);
  }
  out.winner = best->compute;
  std::string reason = std::string(to_string(best->compute)) + " is the cheapest" +
                       (out.options.size() > 1 ? " that meets the limits" : "") + ": " +
                       money(best->total_usd) + " a month, " + pct(o.percentile) + " " +
                       ms_text(best->latency_ms);
  for (const auto& r : out.options) {
    if (&r == best) continue;
    reason += "; " + std::string(to_string(r.compute)) + " " + money(r.total_usd);
    if (r.total_usd > 0 && best->total_usd > 0)
      reason +=
          " (" +
          detail::format_number(std::round(r.total_usd / best->total_usd * 10) / 10) +
          "x)";
    reason += ", " + ms_text(r.latency_ms);
    if (!r.feasible) {
      if (r.throttled_fraction > o.max_throttled_fraction)
        reason +=
            ", excluded: throttles " +
            detail::format_number(std::round(r.throttled_fraction * 10000) / 100) +
            " %";
      else
        reason += ", excluded: slower than " + ms_text(o.max_latency_ms);
    }
  }
  for (const auto& r : out.options)
    if (r.compute == compute_kind::lmi && best->compute != compute_kind::lmi &&
        r.environments > 0) {
      const lmi_bill floor = compute_lmi_bill(c, c.min_instances * o.month_hours, 0);
      if (r.instances <= c.min_instances)
        reason += "; LMI's minimum footprint of " + std::to_string(c.min_instances) +
                  " " + c.instance_type + " alone costs " + money(floor.total_usd) +
                  " a month";
    }
  out.reason = reason;
  return out;
}

}  // namespace lambdasim

namespace lambdasim::detail {

void recommend_lmi(recommendation& r, const profile& w, const recommend_options& o) {
  if (!o.lmi)
    throw_invalid("compute", "lmi",
                  "needs lmi: an LMI configuration with its instance_type");
  const double requests = r.requests_per_month;
  if (!(requests > 0))
    throw_invalid("compute", "lmi",
                  "needs requests_per_month > 0 (LMI is billed per instance-hour)");
  const lmi_config& c = *o.lmi;
  double ratio = 1;
  if (o.arrival_pattern && o.arrival_pattern->kind == arrival_kind::piecewise) {
    const auto& rates = o.arrival_pattern->rates_per_s;
    const double mean = o.arrival_pattern->mean_rate_per_s();
    if (mean > 0)
      ratio = std::max(1.0, *std::max_element(rates.begin(), rates.end()) / mean);
  }
  const lmi_plan plan = plan_lmi(w, c, requests, ratio);
  r.lmi = plan;
  // latency: the planned environments, fixed, at the peak rate
  const double peak = plan.peak_rate_per_s;
  const double window = std::min(3600.0, std::max(60.0, 2e6 / peak));
  lmi_simulate_options so;
  so.seed = o.seed;
  so.initial_environments = plan.environments;
  so.autoscale = false;
  lmi_config fixed = c;
  fixed.max_environments = std::max(c.max_environments, plan.environments);
  const auto s = simulate_lmi(w, arrivals::poisson(peak, window), fixed, so);
  const double throttled =
      s.requests ? static_cast<double>(s.throttled) / static_cast<double>(s.requests)
                 : 0;

  recommend_candidate k;
  k.memory_mb = plan.layout.environment_memory_gib * 1024;
  k.arch = plan.layout.instance.arch;
  k.compute = compute_kind::lmi;
  k.warm_ms = plan.work.cpu_ms + plan.work.io_ms;
  k.cold_ms = k.warm_ms;
  k.monthly_usd = plan.bill.total_usd;
  k.cost_usd = plan.bill.total_usd / requests;
  k.latency_ms = s.latency_hist.quantile(o.percentile / 100);
  k.cold_fraction = 0;
  k.band_lo_ms = k.band_hi_ms = k.warm_ms;
  k.method = latency_method::simulation;

  // Constraints, in recommend's order.
  std::string fails;
  if (throttled > 0.001)
    fails = "it throttles " + format_number(std::round(throttled * 1e4) / 100) +
            " % of requests at the planned capacity";
  else if (o.max_warm_ms && k.warm_ms > *o.max_warm_ms)
    fails = "its request time " + format_number(std::round(k.warm_ms)) +
            " ms exceeds max_warm_ms";
  else if (o.max_latency_ms && k.latency_ms > *o.max_latency_ms)
    fails = "its p" + format_number(o.percentile) + " latency " +
            ms_text(k.latency_ms) + " exceeds max_latency_ms";
  else if (o.budget_usd && k.monthly_usd > *o.budget_usd)
    fails = "its month " + money(k.monthly_usd) + " exceeds the budget";

  const recommend_candidate& best = r.chosen;
  bool better = false;
  std::string terms;
  switch (r.strategy) {
    case recommend_strategy::cost:
      better = k.monthly_usd < best.monthly_usd ||
               (k.monthly_usd == best.monthly_usd && k.warm_ms < best.warm_ms);
      terms = "cheaper";
      break;
    case recommend_strategy::speed:
      better = k.warm_ms < best.warm_ms ||
               (k.warm_ms == best.warm_ms && k.monthly_usd < best.monthly_usd);
      terms = "faster";
      break;
    case recommend_strategy::balanced:
    case recommend_strategy::knee: {
      const double w_cost = r.strategy == recommend_strategy::balanced ? r.weight : 0.5;
      const double mc = std::max(k.monthly_usd, best.monthly_usd);
      const double md = std::max(k.warm_ms, best.warm_ms);
      auto score = [&](const recommend_candidate& x) {
        return w_cost * (mc > 0 ? x.monthly_usd / mc : 0) +
               (1 - w_cost) * (md > 0 ? x.warm_ms / md : 0);
      };
      better = score(k) < score(best);
      terms = "better on the balanced score of the two";
      break;
    }
  }
  const std::string lmi_words =
      std::to_string(plan.instances) + " x " + c.instance_type + " (" +
      std::to_string(plan.environments) + " environments, set by " + plan.bound + ")";
  const std::string lmi_figures = money(k.monthly_usd) + " a month, p" +
                                  format_number(o.percentile) + " " +
                                  ms_text(k.latency_ms);
  if (fails.empty() && better) {
    recommend_candidate previous = r.chosen;
    previous.role = "best on Lambda";
    r.runners_up.insert(r.runners_up.begin(), previous);
    if (static_cast<int>(r.runners_up.size()) > o.runners_up && o.runners_up >= 1)
      r.runners_up.resize(static_cast<std::size_t>(o.runners_up));
    k.role = "lmi";
    r.chosen = k;
    r.chosen_bill = monthly_bill{};  // LMI's bill is r.lmi->bill
    r.method = latency_method::simulation;
    r.decided_by = constraint::none;
    r.reason = "lmi: " + lmi_words + ", " + lmi_figures + "; " + terms +
               " than the best on Lambda, " + money(previous.monthly_usd) +
               " a month, p" + format_number(o.percentile) + " " +
               ms_text(previous.latency_ms) + " (" + r.reason + ")";
    r.caveats.push_back("lmi: capacity held for the peak all month; assumptions: " +
                        lmi_assumptions(c)[0] + "; see docs/lmi.md");
  } else {
    k.role = "lmi";
    r.runners_up.push_back(k);
    r.reason += "; lmi (" + lmi_words + ", " + lmi_figures + ") is not chosen: " +
                (fails.empty() ? "not " + terms + " than the choice" : fails);
  }
}

}  // namespace lambdasim::detail
