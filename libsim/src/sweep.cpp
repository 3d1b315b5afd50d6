// SPDX-License-Identifier: MIT
#include "lambdasim/sweep.hpp"

#include "lambdasim/powertuning.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "lambdasim/error.hpp"

namespace lambdasim {

std::string_view to_string(aggregation a) {
  return enum_name(a);
}

aggregation aggregation_from_string(std::string_view name) {
  return enum_from_name<aggregation>(name);
}

namespace detail {

double percentile_sorted(const std::vector<double>& v, double q) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double aggregate_values(std::vector<double>& v, aggregation a) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const Eigen::Map<const Eigen::VectorXd> values(v.data(),
                                                 static_cast<Eigen::Index>(v.size()));
  switch (a) {
    case aggregation::median:
      return percentile_sorted(v, 0.5);
    case aggregation::trimmed_mean:
      // Power Tuning's own trimmed mean with its default discardTopBottom.
      return powertuning_trimmed_mean(values, powertuning_default_discard_top_bottom);
    case aggregation::mean:
      break;
  }
  return values.mean();
}

}  // namespace detail

bool sweep::has_invocations() const {
  return std::any_of(rows.begin(), rows.end(),
                     [](const sweep_row& r) { return !r.per_size; });
}

std::vector<double> sweep::sizes() const {
  std::vector<double> s;
  for (const auto& r : rows) s.push_back(r.memory_mb);
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

sweep sweep::select_sizes(const std::vector<double>& memory_mb) const {
  const auto have = sizes();
  for (double m : memory_mb)
    if (!std::binary_search(have.begin(), have.end(), m))
      detail::throw_invalid("sizes", m, "is not a recorded size of the sweep");
  sweep out;
  out.meta = meta;
  out.diagnostics = diagnostics;
  for (const auto& r : rows)
    if (std::find(memory_mb.begin(), memory_mb.end(), r.memory_mb) != memory_mb.end())
      out.rows.push_back(r);
  return out;
}

void sweep::validate() const {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string at = "rows[" + std::to_string(i) + "].";
    // !(x > 0) so NaN fails too
    if (!(r.memory_mb > 0) || std::isinf(r.memory_mb))
      detail::throw_invalid(at + "memory_mb", r.memory_mb, "must be finite and > 0");
    if (!(r.duration_ms >= 0) || std::isinf(r.duration_ms))
      detail::throw_invalid(at + "duration_ms", r.duration_ms,
                            "must be finite and >= 0");
    if (!(r.n >= 0) || std::isinf(r.n))
      detail::throw_invalid(at + "n", r.n, "must be finite and >= 0");
    const auto opt = [&](const char* f, double x) {
      if (!std::isnan(x) && (x < 0 || std::isinf(x)))
        detail::throw_invalid(at + f, x, "must be finite and >= 0 (or unknown)");
    };
    opt("billed_ms", r.billed_ms);
    opt("init_ms", r.init_ms);
    opt("restore_ms", r.restore_ms);
    opt("max_memory_used_mb", r.max_memory_used_mb);
    opt("cost_usd", r.cost_usd);
    opt("p5_ms", r.p5_ms);
    opt("p95_ms", r.p95_ms);
  }
}

sweep_summary sweep::summarize(aggregation a) const {
  if (rows.empty())
    throw std::invalid_argument("sweep '" + meta.source + "' has no rows to summarize");
  validate();
  std::map<double, std::vector<const sweep_row*>> by_size;
  for (const auto& r : rows) by_size[r.memory_mb].push_back(&r);
  const auto k = static_cast<Eigen::Index>(by_size.size());
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  sweep_summary s;
  for (auto* v : {&s.memory_mb, &s.n, &s.n_cold, &s.duration_ms, &s.p5_ms, &s.p95_ms,
                  &s.billed_ms, &s.init_ms, &s.cold_duration_ms, &s.max_memory_used_mb})
    v->setConstant(k, nan);
  s.warm_only.assign(static_cast<std::size_t>(k), true);
  // One quantity along the curve: when some size recorded only cold starts (its warm
  // duration is unknown) and every size recorded some, the cold rows' Duration (handler
  // time with the first call's work) is the curve at every size. Otherwise a size with
  // a stray warm row among cold ones would put a warm duration between cold ones
  // (lambda-benchmark nodejs18x/x86_64: 1,293 ms at 384 MB between 5,746 and 3,298).
  bool some_cold_only = false, all_have_cold = true;
  for (const auto& [m, rs] : by_size) {
    bool warm_row = false, cold_row = false, invocation = false;
    for (const sweep_row* r : rs) {
      if (r->per_size) continue;
      invocation = true;
      (r->is_cold ? cold_row : warm_row) = true;
    }
    if (!invocation) continue;
    if (cold_row && !warm_row) some_cold_only = true;
    if (!cold_row) all_have_cold = false;
  }
  const bool cold_curve = some_cold_only && all_have_cold;
  Eigen::Index i = 0;
  std::vector<double> warm, all, billed, init, cold;
  for (const auto& [m, rs] : by_size) {
    s.memory_mb[i] = m;
    warm.clear(), all.clear(), billed.clear(), init.clear(), cold.clear();
    double n = 0, n_cold = 0, peak = nan;
    double ps_w = 0, ps_d = 0, ps_b = 0, ps_bw = 0, ps_p5 = nan, ps_p95 = nan;
    bool any_per_size = false;
    for (const sweep_row* r : rs) {
      if (!std::isnan(r->max_memory_used_mb))
        peak = std::isnan(peak) ? r->max_memory_used_mb
                                : std::max(peak, r->max_memory_used_mb);
      if (r->per_size) {
        // Several aggregate rows of one size: average weighted by their counts.
        any_per_size = true;
        const double w = r->n > 0 ? r->n : 1;
        ps_w += w;
        ps_d += w * r->duration_ms;
        if (!std::isnan(r->billed_ms)) ps_b += w * r->billed_ms, ps_bw += w;
        if (!std::isnan(r->p5_ms)) ps_p5 = r->p5_ms;
        if (!std::isnan(r->p95_ms)) ps_p95 = r->p95_ms;
        if (!std::isnan(r->init_ms)) init.push_back(r->init_ms);
        n += r->n;
        continue;
      }
      n += 1;
      all.push_back(r->duration_ms);
      if (r->is_cold) {
        n_cold += 1;
        cold.push_back(r->duration_ms);
        if (!std::isnan(r->init_ms)) init.push_back(r->init_ms);
      } else {
        warm.push_back(r->duration_ms);
      }
      if (!std::isnan(r->billed_ms)) billed.push_back(r->billed_ms);
    }
    s.n[i] = n;
    s.n_cold[i] = n_cold;
    s.max_memory_used_mb[i] = peak;
    if (!init.empty())
      s.init_ms[i] = detail::aggregate_values(init, aggregation::median);
    if (!cold.empty())
      s.cold_duration_ms[i] = detail::aggregate_values(cold, aggregation::median);
    if (any_per_size && all.empty()) {
      s.duration_ms[i] = ps_d / ps_w;
      s.billed_ms[i] = ps_bw > 0 ? ps_b / ps_bw : nan;
      s.p5_ms[i] = ps_p5;
      s.p95_ms[i] = ps_p95;
      s.warm_only[static_cast<std::size_t>(i)] = false;
    } else {
      std::vector<double>& use =
          cold_curve && !cold.empty() ? cold : (warm.empty() ? all : warm);
      s.warm_only[static_cast<std::size_t>(i)] = &use == &warm;
      s.duration_ms[i] = detail::aggregate_values(use, a);  // sorts `use`
      s.p5_ms[i] = detail::percentile_sorted(use, 0.05);
      s.p95_ms[i] = detail::percentile_sorted(use, 0.95);
      if (!billed.empty()) s.billed_ms[i] = detail::aggregate_values(billed, a);
    }
    ++i;
  }
  return s;
}

}  // namespace lambdasim
