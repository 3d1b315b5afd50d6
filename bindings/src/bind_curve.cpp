// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/curve.hpp>

namespace {
using namespace lambdasim;

// Numpy columns of a fleet curve in one allocation (memory_mb, vcpu, then five
// profiles x sizes blocks), so repeated calls reuse the same heap block instead of
// faulting in fresh pages for every column; each column is a view into it.
struct fleet_arrays {
  py::array_t<double> block;
  py::array_t<bool> feasible;
  py::ssize_t rows, n;
  double* at(py::ssize_t k) { return block.mutable_data() + k * n; }
  py::array view(double* p, bool two_d) {
    if (two_d) return py::array_t<double>({rows, n}, {n * 8, py::ssize_t{8}}, p, block);
    return py::array_t<double>({n}, {py::ssize_t{8}}, p, block);
  }
  fleet_arrays(py::ssize_t rows_, py::ssize_t n_)
      : block(std::vector<py::ssize_t>{2 + 5 * rows_, n_}),
        feasible(std::vector<py::ssize_t>{rows_, n_}),
        rows(rows_),
        n(n_) {}
  fleet_curve_view eigen_view() {
    auto mat = [&](int k) { return Eigen::Map<row_matrix>(at(2 + k * rows), rows, n); };
    return {Eigen::Map<Eigen::VectorXd>(at(1), n),
            mat(0),
            mat(1),
            mat(2),
            mat(3),
            mat(4),
            Eigen::Map<bool_row_matrix>(feasible.mutable_data(), rows, n)};
  }
  py::dict columns() {
    py::dict d;
    d["memory_mb"] = view(at(0), false);
    d["vcpu"] = view(at(1), false);
    const char* names[] = {"warm_ms", "cold_ms", "warm_billed_ms", "gb_s", "cost_usd"};
    for (int k = 0; k < 5; ++k) d[names[k]] = view(at(2 + k * rows), true);
    d["feasible"] = feasible;
    return d;
  }
};

Eigen::VectorXd grid_of(const platform& p, const std::optional<array_d>& memory_mb) {
  if (!memory_mb) return p.memory_grid();
  if (memory_mb->ndim() != 1)
    throw py::value_error("memory_mb must be 1-D, got " +
                          std::to_string(memory_mb->ndim()) + " dimensions");
  return Eigen::Map<const Eigen::VectorXd>(memory_mb->data(), memory_mb->size());
}

template <class Profiles>
py::dict fleet(const Profiles& profiles, std::size_t rows, const platform& p,
               const price_table& prices, const std::optional<array_d>& memory_mb,
               int threads) {
  const Eigen::VectorXd grid = grid_of(p, memory_mb);
  fleet_arrays out(static_cast<py::ssize_t>(rows), grid.size());
  std::copy(grid.data(), grid.data() + grid.size(), out.at(0));
  {
    py::gil_scoped_release g;
    curve(profiles, p, prices, grid, out.eigen_view(), threads);
  }
  return out.columns();
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
      "curve_profiles",
      [](const py::sequence& profiles, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, int threads) {
        std::vector<profile> copies;  // a contiguous span for libsim, with the GIL held
        copies.reserve(profiles.size());
        for (const auto& o : profiles) copies.push_back(o.cast<const profile&>());
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
        profile_columns t;
        std::vector<array_d> keep;  // owners of the converted columns
        for (const auto& [key, value] : columns) {
          keep.push_back(array_d::ensure(value));
          if (!keep.back() || keep.back().ndim() != 1)
            throw py::value_error("profiles column " + key.cast<std::string>() +
                                  " must be a 1-D array of numbers");
          t.set(key.cast<std::string>(),
                std::span<const double>(keep.back().data(),
                                        static_cast<std::size_t>(keep.back().size())));
        }
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
