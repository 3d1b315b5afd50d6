// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/curve.hpp>

#include "profiles_arg.hpp"

#include <iterator>
#include <limits>
#include <memory>

namespace {
using namespace lambdasim;
using profiles_arg::columns_of;
using profiles_arg::profiles_of;

// The numpy columns of a fleet curve in one allocation: vcpu, the five profiles x sizes
// blocks, then the feasible flags as bytes (and memory_mb when the caller gave the
// sizes). Each column is a view into the block, so a call makes one allocation (one
// Python object) instead of eight; repeated calls reuse the freed block's pages.
struct fleet_arrays {
  py::array_t<double> block;
  py::ssize_t rows, n;
  bool own_memory;
  double* at(py::ssize_t k) { return block.mutable_data() + k * n; }
  double* memory() { return at(1 + 5 * rows); }
  bool* feasible() {
    return reinterpret_cast<bool*>(at(1 + 5 * rows + (own_memory ? 1 : 0)));
  }
  py::array view(double* p, bool two_d) {
    if (two_d) return py::array_t<double>({rows, n}, {n * 8, py::ssize_t{8}}, p, block);
    return py::array_t<double>({n}, {py::ssize_t{8}}, p, block);
  }
  static py::ssize_t doubles(py::ssize_t rows, py::ssize_t n, bool own_memory) {
    const py::ssize_t bool_doubles = (rows * n + 7) / 8;
    return (1 + 5 * rows + (own_memory ? 1 : 0)) * n + bool_doubles;
  }
  fleet_arrays(py::ssize_t rows_, py::ssize_t n_, bool own_memory_)
      : block(std::vector<py::ssize_t>{
            std::max<py::ssize_t>(1, doubles(rows_, n_, own_memory_))}),
        rows(rows_),
        n(n_),
        own_memory(own_memory_) {}
  fleet_curve_view eigen_view() {
    auto mat = [&](int k) { return Eigen::Map<row_matrix>(at(1 + k * rows), rows, n); };
    return {Eigen::Map<Eigen::VectorXd>(at(0), n),
            mat(0),
            mat(1),
            mat(2),
            mat(3),
            mat(4),
            Eigen::Map<bool_row_matrix>(feasible(), rows, n)};
  }
  /// The columns of a fleet of one profile as 1-D arrays, in the order memory_mb,
  /// vcpu, warm_ms, cold_ms, warm_billed_ms, gb_s, cost_usd, feasible.
  py::tuple one(py::object memory_mb) {
    py::tuple t(8);
    t[0] = own_memory ? view(memory(), false) : std::move(memory_mb);
    for (int k = 0; k < 6; ++k) t[1 + k] = view(at(k), false);
    t[7] = py::array(py::dtype::of<bool>(), {n}, {py::ssize_t{1}}, feasible(), block);
    return t;
  }
  py::dict columns(py::object memory_mb) {
    py::dict d;
    d["memory_mb"] = own_memory ? view(memory(), false) : std::move(memory_mb);
    d["vcpu"] = view(at(0), false);
    const char* names[] = {"warm_ms", "cold_ms", "warm_billed_ms", "gb_s", "cost_usd"};
    for (int k = 0; k < 5; ++k) d[names[k]] = view(at(1 + k * rows), true);
    d["feasible"] = py::array(py::dtype::of<bool>(), {rows, n}, {n, py::ssize_t{1}},
                              feasible(), block);
    return d;
  }
};

// The sizes: the caller's (1-D), or the platform's whole grid, shared with libsim's
// grid cache (no copy; a read-only numpy view that keeps the cached grid alive).
struct sizes {
  const double* data = nullptr;
  Eigen::Index n = 0;
  py::object array;  // numpy view of the shared grid, or None
  std::shared_ptr<const Eigen::VectorXd> shared;
  Eigen::Map<const Eigen::VectorXd> values() const { return {data, n}; }
};

sizes sizes_of(const platform& p, const std::optional<array_d>& memory_mb) {
  sizes s;
  if (!memory_mb) {
    s.shared = full_memory_grid(p);
    s.data = s.shared->data();
    s.n = s.shared->size();
    auto* keep = new std::shared_ptr<const Eigen::VectorXd>(s.shared);
    py::capsule owner(keep, [](void* k) {
      delete static_cast<std::shared_ptr<const Eigen::VectorXd>*>(k);
    });
    py::array_t<double> a({s.n}, {py::ssize_t{8}}, s.data, owner);
    a.attr("setflags")("write"_a = false);
    s.array = std::move(a);
    return s;
  }
  if (memory_mb->ndim() != 1)
    throw py::value_error("memory_mb must be 1-D, got " +
                          std::to_string(memory_mb->ndim()) + " dimensions");
  s.data = memory_mb->data();
  s.n = memory_mb->size();
  s.array = py::none();
  return s;
}

template <class Profiles>
fleet_arrays fleet_into(const Profiles& profiles, std::size_t rows, const platform& p,
                        const price_table& prices, const sizes& grid, int threads) {
  const bool own = !grid.shared;
  fleet_arrays out(static_cast<py::ssize_t>(rows), grid.n, own);
  if (own) std::copy(grid.data, grid.data + grid.n, out.memory());
  {
    py::gil_scoped_release g;
    curve(profiles, p, prices, grid.values(), out.eigen_view(), threads);
  }
  return out;
}

template <class Profiles>
py::dict fleet(const Profiles& profiles, std::size_t rows, const platform& p,
               const price_table& prices, const std::optional<array_d>& memory_mb,
               int threads) {
  const sizes grid = sizes_of(p, memory_mb);
  return fleet_into(profiles, rows, p, prices, grid, threads).columns(grid.array);
}

}  // namespace

void bind_curve(py::module_& m) {
  py::class_<curve_result>(
      m, "CurveResult",
      "One row per memory size. Sizes below the profile's peak_memory_mb are "
      "infeasible: feasible is false and warm_billed_ms, gb_s and cost_usd are NaN "
      "there (not priced); the durations are still the model's.")
      .def_readonly("memory_mb", &curve_result::memory_mb, "Memory size (MB).")
      .def_readonly("vcpu", &curve_result::vcpu, "Vcpu: CPU share s(m)")
      .def_readonly("warm_ms", &curve_result::warm_ms,
                    "Warm duration (ms): warm duration")
      .def_readonly("cold_ms", &curve_result::cold_ms, "Cold duration incl. init")
      .def_readonly("warm_billed_ms", &curve_result::warm_billed_ms,
                    "Warm billed (ms): warm billed duration")
      .def_readonly("gb_s", &curve_result::gb_s, "GB-seconds of one warm invocation")
      .def_readonly("cost_usd", &curve_result::cost_usd,
                    "One warm invocation: duration + request charge")
      .def_readonly(
          "feasible", &curve_result::feasible,
          "True where the configuration meets every constraint (memory, limits).");
  m.def(
      "curve",
      [](const profile& w, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb) {
        if (!memory_mb) {
          py::gil_scoped_release g;
          return curve(w, p, prices);
        }
        if (memory_mb->ndim() != 1)
          throw py::value_error("memory_mb must be 1-D, got " +
                                std::to_string(memory_mb->ndim()) + " dimensions");
        Eigen::Map<const Eigen::VectorXd> x(memory_mb->data(), memory_mb->size());
        py::gil_scoped_release g;
        return curve(w, p, prices, x);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a = py::none(),
      "Warm and cold duration, billed duration, GB-seconds and the cost of one warm "
      "invocation of a profile at each memory size (batch; every size of the platform "
      "when memory_mb is None). Raises ValueError for an invalid profile or a size off "
      "the grid");
  m.def(
      "curve_one",
      [](const profile& w, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb) {
        const sizes grid = sizes_of(p, memory_mb);
        return fleet_into(std::span<const profile>(&w, 1), 1, p, prices, grid, 1)
            .one(grid.array);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a = py::none(),
      "The curve of one profile as a tuple of 1-D numpy arrays: memory_mb, vcpu, "
      "warm_ms, cold_ms, warm_billed_ms, gb_s, cost_usd, feasible (views into one "
      "block; the fleet kernel, so equal to a row of curve_profiles).");
  m.def(
      "curve_profiles",
      [](const py::sequence& profiles, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, int threads) {
        const std::vector<profile> copies = profiles_of(profiles);
        py::dict d = fleet(std::span<const profile>(copies), copies.size(), p, prices,
                           memory_mb, threads);
        py::list names;
        for (const auto& w : copies) names.append(w.name);
        d["name"] = names;
        return d;
      },
      "profiles"_a, "platform"_a, "prices"_a, "memory_mb"_a = py::none(),
      "threads"_a = 0,
      "Curves of a sequence of Profiles: a dict of numpy columns, 2-D (profiles x "
      "sizes) "
      "except memory_mb and vcpu.");
  m.def(
      "curve_columns",
      [](const py::dict& columns, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, int threads) {
        std::vector<array_d> keep;  // owners of the converted columns
        const profile_columns t = columns_of(columns, keep);
        return fleet(t, t.rows, p, prices, memory_mb, threads);
      },
      "columns"_a, "platform"_a, "prices"_a, "memory_mb"_a = py::none(),
      "threads"_a = 0,
      "Curves of profiles given as columns (cpu_ms, threads, io_ms, scaled_io_ms, "
      "knee_vcpu, gc_ms, ref_mb, init_ms, first_call_cpu_ms, peak_memory_mb, cv): a "
      "dict "
      "of numpy columns, 2-D (profiles x sizes) except memory_mb and vcpu.");
  m.attr("PROFILE_COLUMNS") = [] {
    py::list l;
    for (auto n : profile_columns::names()) l.append(std::string(n));
    return py::tuple(l);
  }();
}
