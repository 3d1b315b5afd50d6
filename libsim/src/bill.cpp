// SPDX-License-Identifier: MIT
#include "lambdasim/bill.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "detail/parallel.hpp"
#include "detail/predict_kernels.hpp"
#include "detail/price_model.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/lmi.hpp"
#include "lambdasim/powertuning.hpp"
#include "lambdasim/predict.hpp"

namespace lambdasim {

// ---------------------------------------------------------------- options

namespace {
bool present_column(std::span<const double> c) {
  return c.data() != nullptr;
}
void check_finite_nonneg(std::string_view field, double v) {
  if (!(v >= 0) || std::isinf(v))
    detail::throw_invalid(field, v, "must be finite and >= 0");
}
void check_fraction(std::string_view field, double v) {
  if (!(v >= 0 && v <= 1)) detail::throw_invalid(field, v, "must be in [0, 1]");
}
constexpr double max_hours_per_month = 31 * 24;  // calendar, not AWS: the longest month
}  // namespace

void bill_options::validate() const {
  validate(billing_rules::aws());
}

void bill_options::validate(const billing_rules& rules) const {
  check_finite_nonneg("requests_per_month", requests_per_month);
  check_fraction("cold_fraction", cold_fraction);
  if (provisioned_concurrency < 0)
    detail::throw_invalid("provisioned_concurrency", provisioned_concurrency,
                          "must be >= 0");
  check_finite_nonneg("provisioned_hours", provisioned_hours);
  if (provisioned_hours > max_hours_per_month)
    detail::throw_invalid("provisioned_hours", provisioned_hours,
                          "a month has at most 744 hours");
  if (provisioned_concurrency == 0 && provisioned_hours > 0)
    detail::throw_invalid("provisioned_hours", provisioned_hours,
                          "requires provisioned_concurrency > 0");
  if (provisioned_concurrency > 0 && !(provisioned_hours > 0))
    detail::throw_invalid("provisioned_hours", provisioned_hours,
                          "must be > 0 when provisioned_concurrency = " +
                              std::to_string(provisioned_concurrency));
  check_fraction("provisioned_request_fraction", provisioned_request_fraction);
  if (!(savings_plan_discount >= 0 &&
        savings_plan_discount <= lmi_model::aws().lambda_sp_max_discount))
    detail::throw_invalid(
        "savings_plan_discount", savings_plan_discount,
        "must be within 0.." +
            detail::format_number(lmi_model::aws().lambda_sp_max_discount) +
            " (Compute Savings Plan on Lambda)");
  if (free_tier && provisioned_concurrency > 0)
    detail::throw_invalid("free_tier", "true",
                          "the free tier does not apply to functions with provisioned "
                          "concurrency (provisioned_concurrency = " +
                              std::to_string(provisioned_concurrency) + ")");
  if (!(storage_mb >= rules.storage_min_mb && storage_mb <= rules.storage_max_mb))
    detail::throw_invalid("storage_mb", storage_mb,
                          "must be in [" + detail::format_number(rules.storage_min_mb) +
                              ", " + detail::format_number(rules.storage_max_mb) +
                              "] MB");
  if (!date.empty()) detail::check_date("date", date);
  check_finite_nonneg("snapstart_restore_ms", snapstart_restore_ms);
  check_finite_nonneg("snapstart_cache_hours", snapstart_cache_hours);
  if (snapstart_cache_hours > max_hours_per_month)
    detail::throw_invalid("snapstart_cache_hours", snapstart_cache_hours,
                          "a month has at most 744 hours");
  if (!snapstart && (snapstart_restore_ms > 0 || snapstart_cache_hours > 0))
    detail::throw_invalid(
        snapstart_restore_ms > 0 ? "snapstart_restore_ms" : "snapstart_cache_hours",
        snapstart_restore_ms > 0 ? snapstart_restore_ms : snapstart_cache_hours,
        "requires snapstart = true");
  if (snapstart && provisioned_concurrency > 0)
    detail::throw_invalid("snapstart", "true",
                          "SnapStart cannot be combined with provisioned concurrency");
  if (snapstart && package == package_type::image)
    detail::throw_invalid("snapstart", "true",
                          "SnapStart does not support container images");
  check_finite_nonneg("account_gb_s_offset", account_gb_s_offset);
}

// ---------------------------------------------------------------- the bill

namespace {

[[noreturn]] void missing_price(const price_table& t, std::string_view what,
                                std::string_view option, double value) {
  detail::throw_invalid(option, value,
                        "no " + std::string(what) + " price for " + t.region + " " +
                            std::string(to_string(t.arch)) + " in the price table");
}

/// Everything that does not depend on the memory size, checked once.
struct context {
  const price_table& prices;
  const bill_options& o;
  const billing_rules& rules;
  double granularity = 0;
  bool init_billed = false;
  double powertuning_base = 0;
  double enabled_s = 0;
};

// The options and prices, checked once per call (every profile shares them).
context make_context(const platform& p, const price_table& prices,
                     const bill_options& o) {
  prices.validate();
  o.validate(prices.rules);
  p.validate();
  context c{prices, o, prices.rules};
  c.granularity =
      o.date.empty() ? p.billing_granularity_ms : c.rules.granularity_ms(o.date);
  c.init_billed =
      !o.snapstart && c.rules.init_billed(o.date, o.package, o.custom_runtime);
  c.powertuning_base = powertuning_base_usd_per_ms(prices.region, prices.arch);
  if (o.storage_mb > c.rules.storage_free_mb && !prices.ephemeral_storage_usd_per_gb_s)
    missing_price(prices, "ephemeral storage", "storage_mb", o.storage_mb);
  if (o.provisioned_concurrency > 0 &&
      (!prices.provisioned_usd_per_gb_s || !prices.provisioned_duration_usd_per_gb_s))
    missing_price(prices, "provisioned concurrency", "provisioned_concurrency",
                  o.provisioned_concurrency);
  if (o.snapstart &&
      (!prices.snapstart_cache_usd_per_gb_s || !prices.snapstart_restore_usd_per_gb))
    missing_price(prices, "SnapStart", "snapstart", 1);
  // enabled time rounded up to the increment (1e-9 tolerance as in billed_ms)
  const double inc = c.rules.provisioned_increment_s;
  c.enabled_s = std::max(std::ceil(o.provisioned_hours * 3600 / inc - 1e-9), 0.0) * inc;
  return c;
}

context make_context(const profile& w, const platform& p, const price_table& prices,
                     const bill_options& o) {
  context c = make_context(p, prices, o);
  w.validate();
  p.check_peak_memory(w.peak_memory_mb);
  return c;
}

/// The bill at one size given the warm duration and the cold duration without INIT.
monthly_bill price_size(const context& c, double m, double warm, double rest,
                        double init) {
  const bill_options& o = c.o;
  const price_table& t = c.prices;
  monthly_bill b;
  b.memory_mb = m;
  b.granularity_ms = c.granularity;
  b.init_billed = c.init_billed;
  b.warm_billed_ms = billed_ms(warm, c.granularity);
  const double rest_billed = billed_ms(rest, c.granularity);
  // AWS bills INIT and the first invocation together: ceil(Init Duration + Duration).
  const double cold_billed =
      c.init_billed ? billed_ms(init + rest, c.granularity) : rest_billed;
  const double restore_billed =
      o.snapstart ? billed_ms(o.snapstart_restore_ms, c.granularity) : 0;
  b.cold_billed_ms = cold_billed + restore_billed;

  b.requests = o.requests_per_month;
  b.provisioned_requests =
      o.provisioned_concurrency > 0 ? b.requests * o.provisioned_request_fraction : 0;
  b.on_demand_requests = b.requests - b.provisioned_requests;
  b.cold_starts = b.on_demand_requests * o.cold_fraction;
  const double warm_requests = b.on_demand_requests - b.cold_starts;

  const double exec_ms = warm_requests * b.warm_billed_ms + b.cold_starts * rest_billed;
  const double init_ms = b.cold_starts * (cold_billed - rest_billed);
  const double restore_ms = b.cold_starts * restore_billed;
  const double pc_ms = b.provisioned_requests * b.warm_billed_ms;
  const double exec_gb_s = gb_seconds(exec_ms, m);
  b.init_gb_s = gb_seconds(init_ms, m);
  const double restore_gb_s = gb_seconds(restore_ms, m);
  b.on_demand_gb_s = exec_gb_s + b.init_gb_s + restore_gb_s;
  b.provisioned_gb_s = gb_seconds(pc_ms, m);
  b.gb_s = b.on_demand_gb_s + b.provisioned_gb_s;

  // Free tier, then the tiers on top of the rest of the account; the duration charge is
  // shared between execution, INIT and restore in proportion to their GB-s.
  b.billable_gb_s = o.free_tier
                        ? std::max(b.on_demand_gb_s - c.rules.free_tier_gb_s, 0.0)
                        : b.on_demand_gb_s;
  b.billable_requests =
      o.free_tier ? std::max(b.requests - c.rules.free_tier_requests, 0.0) : b.requests;
  const double duration_usd =
      detail::tiered_usd(t.duration_tiers, b.billable_gb_s, o.account_gb_s_offset);
  const double per_gb_s = b.on_demand_gb_s > 0 ? duration_usd / b.on_demand_gb_s : 0;
  b.init_usd = b.init_gb_s * per_gb_s;
  const double restore_usd = restore_gb_s * per_gb_s;
  b.compute_usd = duration_usd - b.init_usd - restore_usd;
  b.requests_usd = b.billable_requests * t.requests_usd_per_million / 1e6;

  if (o.provisioned_concurrency > 0) {
    b.provisioned_enabled_gb_s = o.provisioned_concurrency * m / 1024.0 * c.enabled_s;
    b.provisioned_usd = b.provisioned_enabled_gb_s * *t.provisioned_usd_per_gb_s +
                        b.provisioned_gb_s * *t.provisioned_duration_usd_per_gb_s;
  }
  const double extra_storage_gb = (o.storage_mb - c.rules.storage_free_mb) / 1024.0;
  if (extra_storage_gb > 0) {
    b.storage_gb_s =
        extra_storage_gb * (exec_ms + init_ms + restore_ms + pc_ms) / 1000.0;
    b.storage_usd = b.storage_gb_s * *t.ephemeral_storage_usd_per_gb_s;
  }
  if (o.snapstart) {
    const double snapshot_gb = (m + o.storage_mb) / 1024.0;  // memory and disk
    b.snapstart_cache_gb_s = snapshot_gb * o.snapstart_cache_hours * 3600;
    b.snapstart_restore_gb = b.cold_starts * snapshot_gb;
    b.snapstart_usd = b.snapstart_cache_gb_s * *t.snapstart_cache_usd_per_gb_s +
                      b.snapstart_restore_gb * *t.snapstart_restore_usd_per_gb +
                      restore_usd;
  }
  if (o.savings_plan_discount > 0) {  // duration and provisioned concurrency only
    const double keep = 1 - o.savings_plan_discount;
    b.compute_usd *= keep;
    b.init_usd *= keep;
    b.provisioned_usd *= keep;
  }
  b.total_usd = b.compute_usd + b.requests_usd + b.init_usd + b.storage_usd +
                b.provisioned_usd + b.snapstart_usd;
  b.powertuning_usd = powertuning_price(b.warm_billed_ms, m, c.powertuning_base);
  return b;
}

profile without_init(const profile& w) {
  profile w0 = w;
  w0.init_ms = 0;
  return w0;
}

}  // namespace

monthly_bill compute_bill(const profile& w, const platform& p,
                          const price_table& prices, double memory_mb,
                          const bill_options& o) {
  const context c = make_context(w, p, prices, o);
  p.check_memory(memory_mb);
  if (memory_mb < w.peak_memory_mb)
    detail::throw_invalid("memory_mb", memory_mb,
                          "below the profile's peak_memory_mb = " +
                              detail::format_number(w.peak_memory_mb) +
                              " (out of memory)");
  return price_size(c, memory_mb, warm_ms(w, p, memory_mb),
                    cold_ms(without_init(w), p, memory_mb), w.init_ms);
}

namespace {
// The columns of one bill curve (n sizes each), in bill_curve_result's order.
constexpr int bill_columns = 12;
struct bill_row {
  double* col[bill_columns];  // requests ... powertuning_usd
  bool* feasible;
};

// The bill curve of one (validated) profile over a checked grid: the one kernel of
// the single and the fleet forms, so their rows are equal bit for bit.
void bill_row_into(const context& c, const profile& w, const platform& p,
                   const detail::size_grid& g, const bill_row& out) {
  const Eigen::Index n = g.n;
  thread_local std::vector<double> scratch;
  if (scratch.size() < 2 * static_cast<std::size_t>(n))
    scratch.resize(2 * static_cast<std::size_t>(n));
  double* warm = scratch.data();
  double* rest = warm + n;  // the cold duration without INIT
  detail::warm_into(w.components.data(), w.components.size(), p, g, warm);
  detail::cold_into(w.components.data(), w.components.size(), 0.0, w.first_call_cpu_ms,
                    p, g, rest);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (Eigen::Index i = 0; i < n; ++i) {
    const double m = g.memory_mb[i];
    const bool ok = m >= w.peak_memory_mb;
    out.feasible[i] = ok;
    out.col[0][i] = c.o.requests_per_month;
    if (!ok) {  // out of memory: not priced
      for (int k = 1; k < bill_columns; ++k) out.col[k][i] = nan;
      continue;
    }
    const monthly_bill b = price_size(c, m, warm[i], rest[i], w.init_ms);
    const double v[bill_columns] = {
        b.requests,  b.gb_s,          b.compute_usd,     b.requests_usd,
        b.init_usd,  b.storage_usd,   b.provisioned_usd, b.snapstart_usd,
        b.total_usd, b.billable_gb_s, b.warm_billed_ms,  b.powertuning_usd};
    for (int k = 1; k < bill_columns; ++k) out.col[k][i] = v[k];
  }
}

bill_curve_result single_bill_curve(const profile& w, const platform& p,
                                    const price_table& prices,
                                    const detail::grid_data& g, const bill_options& o) {
  const context c = make_context(w, p, prices, o);
  const Eigen::Index n = g.memory_mb.size();
  bill_curve_result r;
  r.memory_mb = g.memory_mb;
  Eigen::VectorXd* cols[bill_columns] = {
      &r.requests,  &r.gb_s,          &r.compute_usd,     &r.requests_usd,
      &r.init_usd,  &r.storage_usd,   &r.provisioned_usd, &r.snapstart_usd,
      &r.total_usd, &r.billable_gb_s, &r.warm_billed_ms,  &r.powertuning_usd};
  bill_row row{};
  for (int k = 0; k < bill_columns; ++k) {
    cols[k]->resize(n);
    row.col[k] = cols[k]->data();
  }
  r.feasible.resize(n);
  row.feasible = r.feasible.data();
  bill_row_into(c, w, p, g.view(), row);
  return r;
}

fleet_bill_curve_result allocate_bills(std::size_t rows, const Eigen::VectorXd& m) {
  fleet_bill_curve_result r;
  const auto nr = static_cast<Eigen::Index>(rows);
  r.memory_mb = m;
  for (row_matrix* x : r.columns()) x->resize(nr, m.size());
  r.feasible.resize(nr, m.size());
  return r;
}

template <class Profile>
fleet_bill_curve_result fleet_bills(std::size_t rows, const platform& p,
                                    const price_table& prices,
                                    const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                                    const bill_options& o, int threads,
                                    Profile&& profile_of) {
  const int t = detail::resolve_threads(threads);
  const context c = make_context(p, prices, o);
  const auto grid = detail::cached_grid(p, memory_mb.data(), memory_mb.size());
  fleet_bill_curve_result r = allocate_bills(rows, grid->memory_mb);
  const detail::size_grid g = grid->view();
  const auto cols = r.columns();
  // A bill row costs about 50 ns per size: a few thousand sizes per thread at least.
  const std::size_t min_rows = static_cast<std::size_t>(
      std::max<Eigen::Index>(1, 4096 / std::max<Eigen::Index>(g.n, 1)));
  detail::parallel_blocks(rows, t, min_rows, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const auto ri = static_cast<Eigen::Index>(i);
      bill_row row{};
      for (int k = 0; k < bill_columns; ++k)
        row.col[k] = cols[static_cast<std::size_t>(k)]->row(ri).data();
      row.feasible = r.feasible.row(ri).data();
      profile_of(i, [&](const profile& w) { bill_row_into(c, w, p, g, row); });
    }
  });
  return r;
}
}  // namespace

std::array<row_matrix*, 12> fleet_bill_curve_result::columns() {
  return {&requests,  &gb_s,          &compute_usd,     &requests_usd,
          &init_usd,  &storage_usd,   &provisioned_usd, &snapstart_usd,
          &total_usd, &billable_gb_s, &warm_billed_ms,  &powertuning_usd};
}

bill_curve_result bill_curve(const profile& w, const platform& p,
                             const price_table& prices,
                             const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                             const bill_options& o) {
  make_context(w, p, prices, o);  // options before sizes, as documented
  return single_bill_curve(
      w, p, prices, *detail::cached_grid(p, memory_mb.data(), memory_mb.size()), o);
}

bill_curve_result bill_curve(const profile& w, const platform& p,
                             const price_table& prices, const bill_options& o) {
  make_context(w, p, prices, o);
  return single_bill_curve(w, p, prices, *detail::cached_full_grid(p), o);
}

fleet_bill_curve_result bill_curve(std::span<const profile> profiles, const platform& p,
                                   const price_table& prices,
                                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                                   const bill_options& o, int threads) {
  make_context(p, prices, o);
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    try {
      profiles[i].validate();
      p.check_peak_memory(profiles[i].peak_memory_mb);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("profiles[" + std::to_string(i) + "]." + e.what());
    }
  }
  return fleet_bills(profiles.size(), p, prices, memory_mb, o, threads,
                     [&](std::size_t i, auto&& f) { f(profiles[i]); });
}

fleet_bill_curve_result bill_curve(const profile_columns& profiles, const platform& p,
                                   const price_table& prices,
                                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                                   const bill_options& o, int threads) {
  make_context(p, prices, o);
  profiles.validate();
  if (present_column(profiles.peak_memory_mb))
    for (std::size_t i = 0; i < profiles.rows; ++i) {
      try {
        p.check_peak_memory(profiles.peak_memory_mb[i]);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("profiles[" + std::to_string(i) + "]." + e.what());
      }
    }
  return fleet_bills(profiles.rows, p, prices, memory_mb, o, threads,
                     [&](std::size_t i, auto&& f) { f(profiles.row(i)); });
}

}  // namespace lambdasim
