// SPDX-License-Identifier: MIT
// Recorded sweeps, their loaders, the fit and the regression check.
#include "pybind11.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include <lambdasim/check.hpp>
#include <lambdasim/fit.hpp>
#include <lambdasim/sweep.hpp>
#include <lambdasim/sweep_loaders.hpp>

namespace {
using namespace lambdasim;

// The rows as a dict of 1-D arrays (columns), one element per row.
py::dict rows_as_columns(const sweep& s) {
  const auto n = static_cast<py::ssize_t>(s.rows.size());
  py::dict d;
  auto col = [&](const char* name, double sweep_row::*f) {
    py::array_t<double> a(n);
    auto* out = a.mutable_data();
    for (py::ssize_t i = 0; i < n; ++i) out[i] = s.rows[static_cast<std::size_t>(i)].*f;
    d[name] = a;
  };
  col("memory_mb", &sweep_row::memory_mb);
  col("duration_ms", &sweep_row::duration_ms);
  col("billed_ms", &sweep_row::billed_ms);
  col("init_ms", &sweep_row::init_ms);
  col("restore_ms", &sweep_row::restore_ms);
  col("max_memory_used_mb", &sweep_row::max_memory_used_mb);
  col("cost_usd", &sweep_row::cost_usd);
  col("n", &sweep_row::n);
  py::array_t<bool> cold(n), per_size(n);
  for (py::ssize_t i = 0; i < n; ++i) {
    cold.mutable_data()[i] = s.rows[static_cast<std::size_t>(i)].is_cold;
    per_size.mutable_data()[i] = s.rows[static_cast<std::size_t>(i)].per_size;
  }
  d["is_cold"] = cold;
  d["per_size"] = per_size;
  return d;
}

py::array_t<bool> bool_array(const std::vector<bool>& v) {
  py::array_t<bool> a(static_cast<py::ssize_t>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) a.mutable_data()[i] = v[i];
  return a;
}

template <class F>
auto released(F&& f) {
  py::gil_scoped_release g;
  return f();
}
}  // namespace

void bind_sweep(py::module_& m) {
  py::class_<sweep_metadata>(m, "SweepMetadata")
      .def(py::init<>())
      .def_readwrite("source", &sweep_metadata::source)
      .def_readwrite("format", &sweep_metadata::format)
      .def_readwrite("strategy", &sweep_metadata::strategy)
      .def_readwrite("region", &sweep_metadata::region)
      .def_readwrite("num", &sweep_metadata::num)
      .def_readwrite("date", &sweep_metadata::date)
      .def_readwrite("date_origin", &sweep_metadata::date_origin);

  py::class_<sweep_summary>(m, "SweepSummary")
      .def(py::init<>())
      .def_readonly("memory_mb", &sweep_summary::memory_mb)
      .def_readonly("n", &sweep_summary::n)
      .def_readonly("n_cold", &sweep_summary::n_cold)
      .def_readonly("duration_ms", &sweep_summary::duration_ms)
      .def_readonly("p5_ms", &sweep_summary::p5_ms)
      .def_readonly("p95_ms", &sweep_summary::p95_ms)
      .def_readonly("billed_ms", &sweep_summary::billed_ms)
      .def_readonly("init_ms", &sweep_summary::init_ms)
      .def_readonly("cold_duration_ms", &sweep_summary::cold_duration_ms)
      .def_readonly("max_memory_used_mb", &sweep_summary::max_memory_used_mb)
      .def_property_readonly(
          "warm_only", [](const sweep_summary& s) { return bool_array(s.warm_only); });

  py::class_<sweep>(m, "Sweep")
      .def(py::init<>())
      .def_readwrite("meta", &sweep::meta)
      .def_readonly("diagnostics", &sweep::diagnostics)
      .def_readonly("skipped_lines", &sweep::skipped_lines)
      .def("__len__", [](const sweep& s) { return s.rows.size(); })
      .def("columns", &rows_as_columns, "The rows as a dict of 1-D arrays.")
      .def("sizes", &sweep::sizes)
      .def("has_invocations", &sweep::has_invocations)
      .def("select_sizes", &sweep::select_sizes, "memory_mb"_a)
      .def("validate", &sweep::validate)
      .def(
          "summarize",
          [](const sweep& s, const std::string& aggregation) {
            const auto a = aggregation_from_string(aggregation);
            return released([&] { return s.summarize(a); });
          },
          "aggregation"_a = std::string(to_string(aggregation::median)))
      .def_static(
          "load",
          [](const std::filesystem::path& path, const std::string& format,
             const std::string& select, const std::string& source,
             const std::vector<std::pair<std::string, std::string>>& columns,
             const std::vector<std::pair<std::string, std::string>>& where) {
            load_options o;
            o.format = format;
            o.select = select;
            o.source = powertuning_source_from_string(source);
            o.csv.columns = columns;
            o.csv.where = where;
            return released([&] { return load_sweep(path.string(), o); });
          },
          "path"_a, "format"_a = load_options{}.format, "select"_a = "",
          "source"_a = std::string(to_string(load_options{}.source)),
          "columns"_a = std::vector<std::pair<std::string, std::string>>{},
          "where"_a = std::vector<std::pair<std::string, std::string>>{})
      .def_static(
          "from_powertuning",
          [](const std::filesystem::path& path, const std::string& source) {
            return load_powertuning(path.string(),
                                    powertuning_source_from_string(source));
          },
          "path"_a, "source"_a = "auto")
      .def_static(
          "powertuning_runs",
          [](const std::filesystem::path& path, const std::string& source) {
            return load_powertuning_runs(path.string(),
                                         powertuning_source_from_string(source));
          },
          "path"_a, "source"_a = "auto")
      .def_static(
          "powertuning_from_json",
          [](const std::string& text, const std::string& origin,
             const std::string& source) {
            return powertuning_from_json(text, origin,
                                         powertuning_source_from_string(source));
          },
          "text"_a, "origin"_a = "<json>", "source"_a = "auto")
      .def_static(
          "from_report_log",
          [](const std::filesystem::path& path) { return load_report(path.string()); },
          "path"_a)
      .def_static("report_from_text", &report_from_text, "text"_a,
                  "origin"_a = "<text>")
      .def_static(
          "from_report_metrics",
          [](const std::filesystem::path& path, const std::string& series) {
            return load_report_metrics(path.string(), series);
          },
          "path"_a, "series"_a = "")
      .def_static(
          "report_metrics_series",
          [](const std::filesystem::path& path) {
            return load_report_metrics_series(path.string());
          },
          "path"_a)
      .def_static(
          "from_csv",
          [](const std::filesystem::path& path,
             const std::vector<std::pair<std::string, std::string>>& columns,
             const std::vector<std::pair<std::string, std::string>>& where) {
            csv_options o;
            o.columns = columns;
            o.where = where;
            return released([&] { return load_csv(path.string(), o); });
          },
          "path"_a, "columns"_a = std::vector<std::pair<std::string, std::string>>{},
          "where"_a = std::vector<std::pair<std::string, std::string>>{})
      .def_static(
          "csv_from_text",
          [](const std::string& text, const std::string& origin,
             const std::vector<std::pair<std::string, std::string>>& columns,
             const std::vector<std::pair<std::string, std::string>>& where) {
            csv_options o;
            o.columns = columns;
            o.where = where;
            return csv_from_text(text, origin, o);
          },
          "text"_a, "origin"_a = "<csv>",
          "columns"_a = std::vector<std::pair<std::string, std::string>>{},
          "where"_a = std::vector<std::pair<std::string, std::string>>{})
      .def("__repr__", [](const sweep& s) {
        return "Sweep(source='" + s.meta.source + "', format='" + s.meta.format +
               "', rows=" + std::to_string(s.rows.size()) +
               ", sizes=" + std::to_string(s.sizes().size()) + ")";
      });

  m.def(
      "decode_visualization",
      [](const std::string& url) {
        const auto c = decode_visualization(url);
        py::dict d;
        d["memory_mb"] = py::array_t<double>(
            static_cast<py::ssize_t>(c.memory_mb.size()), c.memory_mb.data());
        d["duration_ms"] = py::array_t<double>(
            static_cast<py::ssize_t>(c.duration_ms.size()), c.duration_ms.data());
        d["cost_usd"] = py::array_t<double>(static_cast<py::ssize_t>(c.cost_usd.size()),
                                            c.cost_usd.data());
        return d;
      },
      "url"_a);
  m.def(
      "encode_visualization",
      [](const std::vector<double>& memory_mb, const std::vector<double>& duration_ms,
         const std::vector<double>& cost_usd) {
        return encode_visualization({memory_mb, duration_ms, cost_usd});
      },
      "memory_mb"_a, "duration_ms"_a, "cost_usd"_a);

  py::class_<fit_options>(m, "FitOptions")
      .def(py::init<>())
      .def_property(
          "aggregate",
          [](const fit_options& o) { return std::string(to_string(o.aggregate)); },
          [](fit_options& o, const std::string& s) {
            o.aggregate = aggregation_from_string(s);
          })
      .def_readwrite("sizes", &fit_options::sizes)
      .def_property(
          "structure",
          [](const fit_options& o) { return std::string(to_string(o.structure)); },
          [](fit_options& o, const std::string& s) {
            o.structure = fit_structure_from_string(s);
          })
      .def_readwrite("model_error", &fit_options::model_error)
      .def_readwrite("knee_prior_width", &fit_options::knee_prior_width)
      .def_readwrite("gc_pressure", &fit_options::gc_pressure)
      .def_readwrite("threads", &fit_options::threads)
      .def_readwrite("date", &fit_options::date)
      .def_readwrite("band_level", &fit_options::band_level)
      .def_readwrite("bootstrap", &fit_options::bootstrap)
      .def_readwrite("seed", &fit_options::seed)
      .def_readwrite("name", &fit_options::name);

  py::class_<fit_candidate>(m, "FitCandidate")
      .def(py::init<>())
      .def_property_readonly(
          "structure",
          [](const fit_candidate& c) { return std::string(to_string(c.structure)); })
      .def_readonly("threads", &fit_candidate::threads)
      .def_readonly("knee_vcpu", &fit_candidate::knee_vcpu)
      .def_readonly("parameters", &fit_candidate::parameters)
      .def_readonly("chi2", &fit_candidate::chi2)
      .def_readonly("score", &fit_candidate::score)
      .def_readonly("io_ms", &fit_candidate::io_ms)
      .def_readonly("cpu_ms", &fit_candidate::cpu_ms)
      .def_readonly("scaled_io_ms", &fit_candidate::scaled_io_ms)
      .def_readonly("gc_ms", &fit_candidate::gc_ms)
      .def_readonly("parallel_ms", &fit_candidate::parallel_ms)
      .def_readonly("admissible", &fit_candidate::admissible);

  py::class_<fit_result>(m, "FitResult")
      .def(py::init<>())
      .def_readonly("profile", &fit_result::fitted)
      .def_property_readonly(
          "structure",
          [](const fit_result& f) { return std::string(to_string(f.structure)); })
      .def_readonly("reason", &fit_result::reason)
      .def_readonly("candidates", &fit_result::candidates)
      .def_readonly("memory_mb", &fit_result::memory_mb)
      .def_readonly("observed_ms", &fit_result::observed_ms)
      .def_readonly("predicted_ms", &fit_result::predicted_ms)
      .def_readonly("rel_error", &fit_result::rel_error)
      .def_readonly("noise", &fit_result::noise)
      .def_readonly("band_lo_ms", &fit_result::band_lo_ms)
      .def_readonly("band_hi_ms", &fit_result::band_hi_ms)
      .def_readonly("spread_lo_ms", &fit_result::spread_lo_ms)
      .def_readonly("spread_hi_ms", &fit_result::spread_hi_ms)
      .def_readonly("band_level", &fit_result::band_level)
      .def_readonly("threads", &fit_result::threads)
      .def_readonly("threads_identified", &fit_result::threads_identified)
      .def_readonly("plausible_threads", &fit_result::plausible_threads)
      .def_readonly("plausible_profiles", &fit_result::plausible_profiles)
      .def_readonly("platform_name", &fit_result::platform_name)
      .def_property_readonly(
          "used_in_fit", [](const fit_result& f) { return bool_array(f.used_in_fit); })
      .def_readonly("mape", &fit_result::mape)
      .def_readonly("mape_fit", &fit_result::mape_fit)
      .def_readonly("mape_holdout", &fit_result::mape_holdout)
      .def_readonly("param_names", &fit_result::param_names)
      .def_readonly("param_values", &fit_result::param_values)
      .def_readonly("param_sd", &fit_result::param_sd)
      .def_readonly("bootstrap_profiles", &fit_result::bootstrap_profiles)
      .def_readonly("diagnostics", &fit_result::diagnostics)
      .def(
          "prediction_band",
          [](const fit_result& f, const platform& p, const array_d& memory_mb,
             double q_lo, double q_hi) {
            if (memory_mb.ndim() != 1) throw py::value_error("memory_mb must be 1-D");
            Eigen::Map<const Eigen::VectorXd> x(memory_mb.data(), memory_mb.size());
            Eigen::VectorXd lo(x.size()), hi(x.size());
            {
              py::gil_scoped_release g;
              prediction_band(f, p, x, q_lo, q_hi, lo, hi);
            }
            return py::make_tuple(lo, hi);
          },
          "platform"_a, "memory_mb"_a, "q_lo"_a = 0.05, "q_hi"_a = 0.95)
      .def(
          "prediction_interval",
          [](const fit_result& f, const platform& p, const array_d& memory_mb,
             double level) {
            if (memory_mb.ndim() != 1) throw py::value_error("memory_mb must be 1-D");
            Eigen::Map<const Eigen::VectorXd> x(memory_mb.data(), memory_mb.size());
            Eigen::VectorXd lo(x.size()), hi(x.size());
            {
              py::gil_scoped_release g;
              prediction_interval(f, p, x, level, lo, hi);
            }
            return py::make_tuple(lo, hi);
          },
          "platform"_a, "memory_mb"_a, "level"_a = 0.9);

  m.def("platform_in_force", &platform_in_force, "date"_a);

  m.def(
      "fit",
      [](const sweep& s, const platform& p, const fit_options& o) {
        return released([&] { return fit(s, p, o); });
      },
      "sweep"_a, "platform"_a, py::arg_v("options", fit_options{}, "FitOptions()"));

  py::class_<check_options>(m, "CheckOptions")
      .def(py::init<>())
      .def_readwrite("rtol", &check_options::rtol)
      .def_readwrite("shift_tolerance", &check_options::shift_tolerance)
      .def_readwrite("profile_error", &check_options::profile_error)
      .def_readwrite("level", &check_options::level)
      .def_property(
          "aggregate",
          [](const check_options& o) { return std::string(to_string(o.aggregate)); },
          [](check_options& o, const std::string& s) {
            o.aggregate = aggregation_from_string(s);
          });

  py::class_<check_result>(m, "CheckResult")
      .def(py::init<>())
      .def_readonly("memory_mb", &check_result::memory_mb)
      .def_readonly("predicted_ms", &check_result::predicted_ms)
      .def_readonly("observed_ms", &check_result::observed_ms)
      .def_readonly("p5_ms", &check_result::p5_ms)
      .def_readonly("p95_ms", &check_result::p95_ms)
      .def_readonly("deviation", &check_result::deviation)
      .def_readonly("rel_error", &check_result::rel_error)
      .def_property_readonly(
          "in_band", [](const check_result& r) { return bool_array(r.in_band); })
      .def_property_readonly(
          "within_tolerance",
          [](const check_result& r) { return bool_array(r.within_tolerance); })
      .def_readonly("rtol", &check_result::rtol)
      .def_property_readonly(
          "outside_band",
          [](const check_result& r) { return bool_array(r.outside_band); })
      .def_readonly("shift", &check_result::shift)
      .def_readonly("shift_lo", &check_result::shift_lo)
      .def_readonly("shift_hi", &check_result::shift_hi)
      .def_readonly("shift_tolerance", &check_result::shift_tolerance)
      .def_readonly("detectable_shift", &check_result::detectable_shift)
      .def_readonly("rule", &check_result::rule)
      .def_readonly("warnings", &check_result::warnings)
      .def_readonly("max_abs_deviation", &check_result::max_abs_deviation)
      .def_readonly("max_abs_rel_error", &check_result::max_abs_rel_error)
      .def_readonly("failures", &check_result::failures)
      .def_readonly("passed", &check_result::passed)
      .def("report", &check_result::report);

  m.def(
      "check",
      [](const profile& w, const sweep& s, const platform& p, const check_options& o) {
        return released([&] { return check(w, s, p, o); });
      },
      "profile"_a, "sweep"_a, "platform"_a,
      py::arg_v("options", check_options{}, "CheckOptions()"));
}
