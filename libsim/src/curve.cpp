// SPDX-License-Identifier: MIT
#include "lambdasim/curve.hpp"

#include <climits>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "detail/parallel.hpp"
#include "detail/predict_kernels.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/prices.hpp"

namespace lambdasim {

namespace {
curve_result single(const profile& w, const platform& p, const price_table& prices,
                    const detail::grid_data& g) {
  w.validate();
  p.check_peak_memory(w.peak_memory_mb);
  const auto pr = detail::curve_prices::of(p, prices);
  const Eigen::Index n = g.memory_mb.size();
  curve_result r;
  r.memory_mb = g.memory_mb;
  r.vcpu = g.share;
  r.warm_ms.resize(n);
  r.cold_ms.resize(n);
  r.warm_billed_ms.resize(n);
  r.gb_s.resize(n);
  r.cost_usd.resize(n);
  r.feasible.resize(n);
  detail::curve_into(
      w.components.data(), w.components.size(), w.init_ms, w.first_call_cpu_ms,
      w.peak_memory_mb, p, g.view(), pr,
      {nullptr, r.warm_ms.data(), r.cold_ms.data(), r.warm_billed_ms.data(),
       r.gb_s.data(), r.cost_usd.data(), r.feasible.data()});
  return r;
}
}  // namespace

curve_result curve(const profile& w, const platform& p, const price_table& prices,
                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb) {
  return single(w, p, prices,
                *detail::cached_grid(p, memory_mb.data(), memory_mb.size()));
}

curve_result curve(const profile& w, const platform& p, const price_table& prices) {
  return single(w, p, prices, *detail::cached_full_grid(p));
}

std::shared_ptr<const Eigen::VectorXd> full_memory_grid(const platform& p) {
  auto g = detail::cached_full_grid(p);
  return {g, &g->memory_mb};
}

// ---------------------------------------------------------------- profile_columns

namespace {
struct column_ref {
  std::string_view name;
  std::span<const double> profile_columns::*field;
};
constexpr column_ref column_refs[] = {
    {"cpu_ms", &profile_columns::cpu_ms},
    {"threads", &profile_columns::threads},
    {"io_ms", &profile_columns::io_ms},
    {"scaled_io_ms", &profile_columns::scaled_io_ms},
    {"knee_vcpu", &profile_columns::knee_vcpu},
    {"gc_ms", &profile_columns::gc_ms},
    {"ref_mb", &profile_columns::ref_mb},
    {"init_ms", &profile_columns::init_ms},
    {"first_call_cpu_ms", &profile_columns::first_call_cpu_ms},
    {"peak_memory_mb", &profile_columns::peak_memory_mb},
    {"cv", &profile_columns::cv},
};

bool present(std::span<const double> c) {
  return c.data() != nullptr;
}

// The components of row i (at most four), in the shorthand's order; no allocation.
std::size_t row_components(const profile_columns& t, std::size_t i, component* out) {
  std::size_t n = 0;
  if (present(t.cpu_ms))
    out[n++] = component::cpu(t.cpu_ms[i],
                              present(t.threads) ? static_cast<int>(t.threads[i]) : 1);
  if (present(t.io_ms)) out[n++] = component::io(t.io_ms[i]);
  if (present(t.scaled_io_ms)) {
    component c = component::scaled_io(t.scaled_io_ms[i]);
    if (present(t.knee_vcpu)) c.knee_vcpu = t.knee_vcpu[i];
    out[n++] = c;
  }
  if (present(t.gc_ms)) {
    component c = component::gc(t.gc_ms[i]);
    if (present(t.ref_mb)) c.ref_mb = t.ref_mb[i];
    out[n++] = c;
  }
  return n;
}

double value_or(std::span<const double> c, std::size_t i, double fallback) {
  return present(c) ? c[i] : fallback;
}
}  // namespace

std::vector<std::string_view> profile_columns::names() {
  std::vector<std::string_view> out;
  for (const auto& c : column_refs) out.push_back(c.name);
  return out;
}

void profile_columns::set(std::string_view name, std::span<const double> column) {
  for (const auto& c : column_refs) {
    if (c.name != name) continue;
    bool any = false;
    for (const auto& d : column_refs) any = any || present(this->*d.field);
    if (!any) rows = column.size();
    if (column.size() != rows)
      throw std::invalid_argument("profiles column " + std::string(name) + " has " +
                                  std::to_string(column.size()) + " rows, expected " +
                                  std::to_string(rows));
    // A column of zero rows still counts as present.
    static const double empty = 0;
    this->*c.field = column.data() ? column : std::span<const double>(&empty, 0);
    return;
  }
  std::string known;
  for (const auto& c : column_refs)
    known += (known.empty() ? "" : ", ") + std::string(c.name);
  detail::throw_invalid("profiles column", name, "unknown; known columns: " + known);
}

void profile_columns::validate() const {
  const std::pair<const char*, const char*> knobs[] = {
      {"threads", "cpu_ms"}, {"knee_vcpu", "scaled_io_ms"}, {"ref_mb", "gc_ms"}};
  const std::span<const double> profile_columns::*knob_fields[] = {
      &profile_columns::threads, &profile_columns::knee_vcpu, &profile_columns::ref_mb};
  const std::span<const double> profile_columns::*work_fields[] = {
      &profile_columns::cpu_ms, &profile_columns::scaled_io_ms,
      &profile_columns::gc_ms};
  for (int k = 0; k < 3; ++k)
    if (present(this->*knob_fields[k]) && !present(this->*work_fields[k]))
      throw std::invalid_argument(std::string("profiles column ") + knobs[k].first +
                                  ": given without " + knobs[k].second);
  component cs[4];
  for (std::size_t i = 0; i < rows; ++i) {
    try {
      if (present(threads)) {
        const double t = threads[i];
        if (!(t >= 1) || t != std::floor(t) || t > INT_MAX)
          detail::throw_invalid("threads", t, "must be a whole number >= 1");
      }
      const std::size_t nc = row_components(*this, i, cs);
      for (std::size_t k = 0; k < nc; ++k) {
        try {
          cs[k].validate();
        } catch (const std::invalid_argument& e) {
          // name the column, not the component: "cpu_ms = -1: ..." from "work_ms = -1:
          // ..."
          std::string msg = e.what();
          const auto eq = msg.find(" = ");
          const char* col = cs[k].kind == component_kind::cpu         ? "cpu_ms"
                            : cs[k].kind == component_kind::io        ? "io_ms"
                            : cs[k].kind == component_kind::scaled_io ? "scaled_io_ms"
                                                                      : "gc_ms";
          const std::string field = msg.substr(0, eq);
          if (field == "work_ms" || field == "ms") msg = col + msg.substr(eq);
          throw std::invalid_argument(msg);
        }
      }
      const std::pair<const char*, std::span<const double>> scalars[] = {
          {"init_ms", init_ms},
          {"first_call_cpu_ms", first_call_cpu_ms},
          {"peak_memory_mb", peak_memory_mb},
          {"cv", cv}};
      for (const auto& [name, col] : scalars)
        if (present(col) && (!(col[i] >= 0) || std::isinf(col[i])))
          detail::throw_invalid(name, col[i], "must be finite and >= 0");
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("profiles[" + std::to_string(i) + "]." + e.what());
    }
  }
}

profile profile_columns::row(std::size_t i) const {
  if (i >= rows)
    throw std::out_of_range("profile row " + std::to_string(i) + " of " +
                            std::to_string(rows));
  profile w;
  component cs[4];
  const std::size_t nc = row_components(*this, i, cs);
  w.components.assign(cs, cs + nc);
  w.init_ms = value_or(init_ms, i, w.init_ms);
  w.first_call_cpu_ms = value_or(first_call_cpu_ms, i, w.first_call_cpu_ms);
  w.peak_memory_mb = value_or(peak_memory_mb, i, w.peak_memory_mb);
  w.cv = value_or(cv, i, w.cv);
  return w;
}

// ---------------------------------------------------------------- fleets

namespace {

fleet_curve_result allocate(std::size_t rows,
                            const Eigen::Ref<const Eigen::VectorXd>& m) {
  fleet_curve_result r;
  const auto nr = static_cast<Eigen::Index>(rows);
  const Eigen::Index n = m.size();
  r.memory_mb = m;
  r.vcpu.resize(n);
  r.warm_ms.resize(nr, n);
  r.cold_ms.resize(nr, n);
  r.warm_billed_ms.resize(nr, n);
  r.gb_s.resize(nr, n);
  r.cost_usd.resize(nr, n);
  r.feasible.resize(nr, n);
  return r;
}

fleet_curve_view view_of(fleet_curve_result& r) {
  return {r.vcpu, r.warm_ms,  r.cold_ms, r.warm_billed_ms,
          r.gb_s, r.cost_usd, r.feasible};
}

void check_shape(std::size_t rows, Eigen::Index n, fleet_curve_view& o) {
  const auto nr = static_cast<Eigen::Index>(rows);
  auto bad = [&](const char* name, Eigen::Index r, Eigen::Index c) {
    throw std::invalid_argument(std::string("out.") + name + " is " +
                                std::to_string(r) + " x " + std::to_string(c) +
                                ", expected " + std::to_string(nr) + " x " +
                                std::to_string(n));
  };
  if (o.vcpu.size() != n) bad("vcpu", 1, o.vcpu.size());
  const std::pair<const char*, const Eigen::Ref<row_matrix>*> mats[] = {
      {"warm_ms", &o.warm_ms},
      {"cold_ms", &o.cold_ms},
      {"warm_billed_ms", &o.warm_billed_ms},
      {"gb_s", &o.gb_s},
      {"cost_usd", &o.cost_usd}};
  for (const auto& [name, mat] : mats)
    if (mat->rows() != nr || mat->cols() != n) bad(name, mat->rows(), mat->cols());
  if (o.feasible.rows() != nr || o.feasible.cols() != n)
    bad("feasible", o.feasible.rows(), o.feasible.cols());
}

detail::curve_columns row_columns(fleet_curve_view& o, Eigen::Index i) {
  return {nullptr,
          o.warm_ms.row(i).data(),
          o.cold_ms.row(i).data(),
          o.warm_billed_ms.row(i).data(),
          o.gb_s.row(i).data(),
          o.cost_usd.row(i).data(),
          o.feasible.row(i).data()};
}

// Rows per thread below which another thread costs more than it saves: a thread start
// costs tens of microseconds, a row of n sizes about n nanoseconds.
std::size_t min_rows_per_thread(Eigen::Index n) {
  return static_cast<std::size_t>(
      std::max<Eigen::Index>(1, 32768 / std::max<Eigen::Index>(n, 1)));
}

template <class Row>
void fleet(std::size_t rows, const platform& p, const price_table& prices,
           const Eigen::Ref<const Eigen::VectorXd>& memory_mb, fleet_curve_view out,
           int threads, Row&& row) {
  const int t = detail::resolve_threads(threads);
  check_shape(rows, memory_mb.size(), out);
  prices.validate();
  const auto pr = detail::curve_prices::of(p, prices);
  // The grid once (cached across calls), read by every thread.
  const auto grid = detail::cached_grid(p, memory_mb.data(), memory_mb.size());
  const detail::size_grid g = grid->view();
  std::copy(g.share, g.share + g.n, out.vcpu.data());
  detail::parallel_blocks(
      rows, t, min_rows_per_thread(g.n), [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i)
          row(i, g, pr, row_columns(out, static_cast<Eigen::Index>(i)));
      });
}
}  // namespace

void curve(std::span<const profile> profiles, const platform& p,
           const price_table& prices,
           const Eigen::Ref<const Eigen::VectorXd>& memory_mb, fleet_curve_view out,
           int threads) {
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    try {
      profiles[i].validate();
      p.check_peak_memory(profiles[i].peak_memory_mb);  // else every size is infeasible
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("profiles[" + std::to_string(i) + "]." + e.what());
    }
  }
  fleet(profiles.size(), p, prices, memory_mb, out, threads,
        [&](std::size_t i, const detail::size_grid& g, const detail::curve_prices& pr,
            const detail::curve_columns& cols) {
          const profile& w = profiles[i];
          detail::curve_into(w.components.data(), w.components.size(), w.init_ms,
                             w.first_call_cpu_ms, w.peak_memory_mb, p, g, pr, cols);
        });
}

void curve(const profile_columns& profiles, const platform& p,
           const price_table& prices,
           const Eigen::Ref<const Eigen::VectorXd>& memory_mb, fleet_curve_view out,
           int threads) {
  profiles.validate();
  const profile defaults;
  fleet(profiles.rows, p, prices, memory_mb, out, threads,
        [&](std::size_t i, const detail::size_grid& g, const detail::curve_prices& pr,
            const detail::curve_columns& cols) {
          component cs[4];
          const std::size_t nc = row_components(profiles, i, cs);
          detail::curve_into(
              cs, nc, value_or(profiles.init_ms, i, defaults.init_ms),
              value_or(profiles.first_call_cpu_ms, i, defaults.first_call_cpu_ms),
              value_or(profiles.peak_memory_mb, i, defaults.peak_memory_mb), p, g, pr,
              cols);
        });
}

fleet_curve_result curve(std::span<const profile> profiles, const platform& p,
                         const price_table& prices,
                         const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                         int threads) {
  fleet_curve_result r = allocate(profiles.size(), memory_mb);
  curve(profiles, p, prices, memory_mb, view_of(r), threads);
  return r;
}

fleet_curve_result curve(const profile_columns& profiles, const platform& p,
                         const price_table& prices,
                         const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                         int threads) {
  fleet_curve_result r = allocate(profiles.rows, memory_mb);
  curve(profiles, p, prices, memory_mb, view_of(r), threads);
  return r;
}

}  // namespace lambdasim
