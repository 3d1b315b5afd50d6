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
  py::class_<sweep_metadata>(
      m, "SweepMetadata",
      "Where a sweep came from and how it was recorded (Power Tuning execution input).")
      .def(py::init<>())
      .def_readwrite("source", &sweep_metadata::source,
                     "File (and run or series) it was read from")
      .def_readwrite("format", &sweep_metadata::format,
                     "Powertuning, report, report_metrics, csv, aws_docs")
      .def_readwrite("strategy", &sweep_metadata::strategy,
                     "Power Tuning strategy, when known")
      .def_readwrite("region", &sweep_metadata::region,
                     "AWS region priced, e.g. us-east-1.")
      .def_readwrite("num", &sweep_metadata::num,
                     "Power Tuning invocations per size, 0 if unknown")
      .def_readwrite("date", &sweep_metadata::date,
                     "Recording date, YYYY-MM-DD, when the format carries one (the "
                     "earliest REPORT timestamp or CSV timestamp); empty when unknown. "
                     "fit() chooses the platform in force that day.")
      .def_readwrite("date_origin", &sweep_metadata::date_origin,
                     "Where date came from, in words.")
      .def_readwrite(
          "architectures", &sweep_metadata::architectures,
          "Architectures the rows were recorded on, as the file says (x86_64, arm64; "
          "empty when it does not say): a CSV arch or architecture column, a REPORT "
          "metrics series path (python311/arm64), a Power Tuning record's "
          "\"architecture\". Two names: rows of both, which fit() refuses.")
      .def_readwrite("architecture_origin", &sweep_metadata::architecture_origin,
                     "Where architectures came from, in words.");

  py::class_<sweep_summary>(m, "SweepSummary",
                            "One row per recorded size, ascending memory_mb.")
      .def(py::init<>())
      .def_readonly("memory_mb", &sweep_summary::memory_mb, "Memory size (MB).")
      .def_readonly("n", &sweep_summary::n,
                    "Invocations recorded at the size (0 = unknown)")
      .def_readonly("n_cold", &sweep_summary::n_cold, "Of which cold starts")
      .def_readonly("duration_ms", &sweep_summary::duration_ms,
                    "Aggregate of the warm rows (all rows if none is warm)")
      .def_readonly("p5_ms", &sweep_summary::p5_ms,
                    "5th/95th percentile of the same rows (NaN if unknown)")
      .def_readonly("p95_ms", &sweep_summary::p95_ms, "95th percentile latency (ms).")
      .def_readonly("billed_ms", &sweep_summary::billed_ms,
                    "Aggregate billed duration (NaN if unknown)")
      .def_readonly("init_ms", &sweep_summary::init_ms,
                    "Median Init Duration of cold rows (NaN if none)")
      .def_readonly("cold_duration_ms", &sweep_summary::cold_duration_ms,
                    "Median Duration of cold rows (NaN if none)")
      .def_readonly("max_memory_used_mb", &sweep_summary::max_memory_used_mb,
                    "Largest Max Memory Used (NaN if unknown)")
      .def_property_readonly(
          "warm_only", [](const sweep_summary& s) { return bool_array(s.warm_only); },
          "Per-size rows, or sizes with only cold rows: the aggregate includes cold "
          "starts.");

  py::class_<sweep>(m, "Sweep", "A recorded sweep.")
      .def(py::init<>())
      .def_readwrite(
          "meta", &sweep::meta,
          "Where the sweep came from and how it was recorded (SweepMetadata).")
      .def_readonly("diagnostics", &sweep::diagnostics,
                    "Soft issues met while loading (lines skipped, visualization not "
                    "decodable, ...).")
      .def_readonly("skipped_lines", &sweep::skipped_lines,
                    "Lines or records that were not REPORT records and were skipped "
                    "(REPORT logs).")
      .def("__len__", [](const sweep& s) { return s.rows.size(); })
      .def("columns", &rows_as_columns, "The rows as a dict of 1-D arrays.")
      .def("sizes", &sweep::sizes, "Distinct memory sizes, ascending.")
      .def("has_invocations", &sweep::has_invocations,
           "True when any row is a single invocation (so a bootstrap over samples is "
           "possible).")
      .def("select_sizes", &sweep::select_sizes, "memory_mb"_a,
           "Only the rows of the given sizes (each must be recorded). Raises "
           "ValueError naming a size that is not in the sweep")
      .def("validate", &sweep::validate,
           "Raises ValueError naming the row and field (memory <= 0, NaN or negative "
           "duration, n < 0)")
      .def(
          "summarize",
          [](const sweep& s, const std::string& aggregation) {
            const auto a = aggregation_from_string(aggregation);
            return released([&] { return s.summarize(a); });
          },
          "aggregation"_a = std::string(to_string(aggregation::median)),
          "The per-size summary. Raises ValueError if the sweep has no rows or is "
          "invalid")
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
          "where"_a = std::vector<std::pair<std::string, std::string>>{},
          "Reads a sweep from a file of any supported format, or from a Power Tuning "
          "visualization URL given instead of a path "
          "(\"https://lambda-power-tuning.show/#...\"; a file holding only that URL "
          "works too). Format detection never hides a parse error: a JSON document "
          "that does not parse (truncated, a NaN literal) reports that error. A CSV "
          "that seems to mix several functions (one per-size row twice; a "
          "function-name column with several values) is loaded with a note in "
          "diagnostics. Raises naming the file and the line or JSON pointer")
      .def_static(
          "from_powertuning",
          [](const std::filesystem::path& path, const std::string& source) {
            return load_powertuning(path.string(),
                                    powertuning_source_from_string(source));
          },
          "path"_a, "source"_a = std::string(to_string(load_options{}.source)),
          "Reads AWS Lambda Power Tuning output holding one run: its stats, or its "
          "visualization URL decoded (source: auto, stats or visualization).")
      .def_static(
          "powertuning_runs",
          [](const std::filesystem::path& path, const std::string& source) {
            return load_powertuning_runs(path.string(),
                                         powertuning_source_from_string(source));
          },
          "path"_a, "source"_a = std::string(to_string(load_options{}.source)),
          "The runs of a Power Tuning output that holds several (an array), one Sweep "
          "each.")
      .def_static(
          "powertuning_from_json",
          [](const std::string& text, const std::string& origin,
             const std::string& source) {
            return powertuning_from_json(text, origin,
                                         powertuning_source_from_string(source));
          },
          "text"_a, "origin"_a = "<json>",
          "source"_a = std::string(to_string(load_options{}.source)),
          "Exactly one run. Raises if the document holds several (use *_runs)")
      .def_static(
          "from_report_log",
          [](const std::filesystem::path& path) { return load_report(path.string()); },
          "path"_a,
          "Reads CloudWatch REPORT lines (text or JSON) from a file; Init Duration "
          "marks a cold start, Restore Duration is SnapStart's.")
      .def_static(
          "report_from_text", &report_from_text, "text"_a, "origin"_a = "<text>",
          "REPORT lines, text (\"REPORT RequestId: ...<TAB>Duration: 469.40 "
          "ms<TAB>...\", tab- or space-separated; a line that starts with "
          "\"Duration:\" is a REPORT body without its prefix) or JSON ({\"type\": "
          "\"platform.report\", \"record\": {\"metrics\": {...}}}). Init Duration "
          "marks a cold start; Restore Duration is SnapStart's. Other lines are "
          "skipped and counted in skipped_lines. Raises \"<origin>:<line>: ...\" for a "
          "truncated or malformed REPORT line")
      .def_static(
          "from_report_metrics",
          [](const std::filesystem::path& path, const std::string& series) {
            return load_report_metrics(path.string(), series);
          },
          "path"_a, "series"_a = "",
          "Reads one series of a per-invocation REPORT metrics JSON file (series such "
          "as python311/x86_64; empty when there is one).")
      .def_static(
          "report_metrics_series",
          [](const std::filesystem::path& path) {
            return load_report_metrics_series(path.string());
          },
          "path"_a,
          "The series of a REPORT metrics JSON file, e.g. ['dotnet6/arm64', ...].")
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
          "where"_a = std::vector<std::pair<std::string, std::string>>{},
          "Reads a CSV sweep (one row per invocation, or one per size with an n "
          "column); columns= maps canonical names to headers, where= keeps the rows "
          "whose column equals the value.")
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
          "where"_a = std::vector<std::pair<std::string, std::string>>{},
          "A CSV sweep from text (as from_csv).")
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
      "url"_a,
      "Decodes a visualization URL (or just the part after '#'): three base64 fields "
      "separated by ';': little-endian int16 sizes, float32 durations, float32 costs. "
      "Raises ValueError naming the field when it is not valid base64, its length is "
      "not a multiple of the element size, or the counts differ");
  m.def(
      "encode_visualization",
      [](const std::vector<double>& memory_mb, const std::vector<double>& duration_ms,
         const std::vector<double>& cost_usd) {
        return encode_visualization({memory_mb, duration_ms, cost_usd});
      },
      "memory_mb"_a, "duration_ms"_a, "cost_usd"_a,
      "The inverse: \"https://lambda-power-tuning.show/#<sizes>;<durations>;<costs>\". "
      "Values are rounded to int16 / float32 as Power Tuning does. Raises ValueError "
      "for sizes outside int16 or mismatched lengths");

  py::class_<fit_options>(
      m, "FitOptions",
      "Options of fit(): structure, the sizes to fit on, aggregation, thread count, "
      "bootstrap and the prediction band. C++ owns the defaults.")
      .def(py::init<>())
      .def_property(
          "aggregate",
          [](const fit_options& o) { return std::string(to_string(o.aggregate)); },
          [](fit_options& o, const std::string& s) {
            o.aggregate = aggregation_from_string(s);
          },
          "How each size's durations are summarised: median, trimmed_mean or mean.")
      .def_readwrite("sizes", &fit_options::sizes,
                     "Fit on these recorded sizes only (empty: every size). The others "
                     "are predicted.")
      .def_property(
          "structure",
          [](const fit_options& o) { return std::string(to_string(o.structure)); },
          [](fit_options& o, const std::string& s) {
            o.structure = fit_structure_from_string(s);
          },
          "Model structure: auto (chosen by an information criterion), io_cpu, "
          "threaded_cpu, scaled_io, gc_cpu or amdahl.")
      .def_readwrite(
          "model_error", &fit_options::model_error,
          "Relative error the model is allowed at each size on top of the sampling "
          "error of the aggregate (run-to-run drift, model approximation). It sets the "
          "noise level of the information criterion: a structure with more terms must "
          "lower chi^2 by more than 2 per extra parameter, in units of this noise.")
      .def_readwrite("knee_prior_width", &fit_options::knee_prior_width,
                     "Width (natural-log units) of the prior on knee_vcpu, centred on "
                     "1 vCPU (plain cpu): among equally good fits the one closest to "
                     "the plain structure wins.")
      .def_readwrite(
          "gc_pressure", &fit_options::gc_pressure,
          "The automatic choice tries gc_cpu only when the smallest fitting size's Max "
          "Memory Used is at least this fraction of it: a collector needs a heap of "
          "about twice the live data before its work stops mattering (Jones & Lins, "
          "\"Garbage Collection\", 1996, ch. 1 and 6). Without Max Memory Used, gc_cpu "
          "is never tried automatically.")
      .def_readwrite(
          "threads", &fit_options::threads,
          "Threads or processes the function's code runs in parallel, when the user "
          "knows it (0: unknown). 1 fits single-threaded structures only; k >= 2 fixes "
          "the parallel part of amdahl (and threaded_cpu) at k threads, so the fit "
          "estimates only the split of the work. Unknown and not identifiable from the "
          "data: the count whose curve is the minimax centre of every plausible "
          "count's curve, with the band covering them all (docs/model.md, \"Serial and "
          "parallel work\").")
      .def_readwrite(
          "date", &fit_options::date,
          "Recording date of the sweep, YYYY-MM-DD (empty: unknown). When set, the fit "
          "uses the platform in force that day (platform_in_force) instead of the one "
          "passed, and says which in its reason.")
      .def_property(
          "arch", [](const fit_options& o) { return o.arch; },
          [](fit_options& o, const std::string& a) {
            o.arch =
                a.empty() ? a : std::string(to_string(architecture_from_string(a)));
          },
          "Architecture the sweep was measured on, recorded as the profile's "
          "architecture: x86_64 or arm64 (empty: the one the file says, "
          "Sweep.meta.architectures, else x86_64 with a note in the reason). A sweep "
          "with rows of both is refused either way.")
      .def_property(
          "load", [](const fit_options& o) { return std::string(enum_name(o.load)); },
          [](fit_options& o, const std::string& s) {
            o.load = enum_from_name<sweep_load>(s);
          },
          "What the durations measure: per_invocation (single calls, the platform's "
          "throttling) or sustained (time per operation under sustained load, 1000 / "
          "ops of a run of many seconds: smooth throttling, the quota is used up every "
          "period).")
      .def_readwrite(
          "run_scatter", &fit_options::run_scatter,
          "The band's relative scatter of a size whose aggregate has no per-invocation "
          "samples to measure it (fewer than 3: Power Tuning averages, one benchmark "
          "run per size), added in quadrature to model_error: sqrt(2) x the 7 % one "
          "run's aggregate scatters about a smooth curve (docs/accuracy.md). Used by "
          "the band only.")
      .def_readwrite("band_level", &fit_options::band_level,
                     "Coverage the prediction band promises on sizes not fitted "
                     "(band_lo_ms/band_hi_ms).")
      .def_readwrite(
          "bootstrap", &fit_options::bootstrap,
          "Bootstrap resamples over raw samples (0: none). Needs per-invocation rows.")
      .def_readwrite("seed", &fit_options::seed, "Seed of the bootstrap resampling.")
      .def_readwrite("name", &fit_options::name, "Name of the fitted profile.");

  py::class_<fit_candidate>(m, "FitCandidate",
                            "One structure tried on the fitting sizes.")
      .def(py::init<>())
      .def_property_readonly(
          "structure",
          [](const fit_candidate& c) { return std::string(to_string(c.structure)); },
          "Model structure: io_cpu, threaded_cpu, scaled_io, gc_cpu or amdahl (auto: "
          "chosen by an information criterion).")
      .def_readonly("threads", &fit_candidate::threads,
                    "Threaded_cpu: threads; amdahl: k of the parallel part")
      .def_readonly("knee_vcpu", &fit_candidate::knee_vcpu,
                    "vCPUs at which the scaled I/O saturates.")
      .def_readonly("parameters", &fit_candidate::parameters, "Work terms + knobs")
      .def_readonly("chi2", &fit_candidate::chi2,
                    "Sum of squared relative residuals / noise^2")
      .def_readonly("score", &fit_candidate::score,
                    "Chi2 + 2 parameters + knee prior (lower is better)")
      .def_readonly("io_ms", &fit_candidate::io_ms,
                    "I/O time, constant in memory (ms).")
      .def_readonly("cpu_ms", &fit_candidate::cpu_ms, "CPU work at one full vCPU (ms).")
      .def_readonly("scaled_io_ms", &fit_candidate::scaled_io_ms,
                    "I/O work that needs CPU up to a knee (ms at one vCPU).")
      .def_readonly("gc_ms", &fit_candidate::gc_ms,
                    "Memory-management CPU work at 1,024 MB (ms at one vCPU).")
      .def_readonly("parallel_ms", &fit_candidate::parallel_ms,
                    "Amdahl: the parallel part (cpu_ms is the serial part)")
      .def_readonly("admissible", &fit_candidate::admissible,
                    "False: bends below one vCPU without evidence (see reason)");

  py::class_<fit_result>(
      m, "FitResult",
      "What fit() gave: the fitted profile, the structure chosen and why, per size the "
      "observed and predicted durations with the prediction band and the parameters' "
      "spread, the errors on the fitting and the held-out sizes, and diagnostics.")
      .def(py::init<>())
      .def_readonly("profile", &fit_result::profile,
                    "The fitted profile (Python FitResult.profile).")
      .def_property_readonly(
          "structure",
          [](const fit_result& f) { return std::string(to_string(f.structure)); },
          "The structure chosen: io_cpu, threaded_cpu, scaled_io, gc_cpu or amdahl.")
      .def_readonly("reason", &fit_result::reason,
                    "Why this structure (scores of the alternatives)")
      .def_readonly("candidates", &fit_result::candidates,
                    "Best per structure and knob value")
      .def_readonly("memory_mb", &fit_result::memory_mb, "Memory size (MB).")
      .def_readonly("observed_ms", &fit_result::observed_ms,
                    "The size's aggregate (warm rows)")
      .def_readonly("predicted_ms", &fit_result::predicted_ms,
                    "T_warm of the fitted profile")
      .def_readonly("rel_error", &fit_result::rel_error,
                    "(predicted - observed) / observed")
      .def_readonly("noise", &fit_result::noise,
                    "Relative noise used for the size (sampling + model)")
      .def_readonly(
          "band_lo_ms", &fit_result::band_lo_ms,
          "Prediction band at band_level: where a held-out size's aggregate is "
          "expected to fall (model error, the parameters' spread and every plausible "
          "structure and thread count included; see prediction_interval).")
      .def_readonly(
          "band_hi_ms", &fit_result::band_hi_ms,
          "Prediction band at band_level: where a held-out size's aggregate is "
          "expected to fall (model error, the parameters' spread and every plausible "
          "structure and thread count included; see prediction_interval).")
      .def_readonly(
          "spread_lo_ms", &fit_result::spread_lo_ms,
          "5th/95th percentile of the bootstrap predictions: the parameters' spread "
          "only, far narrower than the band (NaN without per-invocation samples).")
      .def_readonly(
          "spread_hi_ms", &fit_result::spread_hi_ms,
          "5th/95th percentile of the bootstrap predictions: the parameters' spread "
          "only, far narrower than the band (NaN without per-invocation samples).")
      .def_readonly(
          "band_level", &fit_result::band_level,
          "Coverage of the prediction band (band_lo_ms/band_hi_ms), e.g. 0.9.")
      .def_readonly("threads", &fit_result::threads,
                    "Thread count of the parallel part (amdahl, threaded_cpu; 1 "
                    "otherwise), whether the data or the user fixed it, and the counts "
                    "the data leave plausible.")
      .def_readonly("threads_identified", &fit_result::threads_identified,
                    "Thread count of the parallel part (amdahl, threaded_cpu; 1 "
                    "otherwise), whether the data or the user fixed it, and the counts "
                    "the data leave plausible.")
      .def_readonly("plausible_threads", &fit_result::plausible_threads,
                    "Thread count of the parallel part (amdahl, threaded_cpu; 1 "
                    "otherwise), whether the data or the user fixed it, and the counts "
                    "the data leave plausible.")
      .def_readonly(
          "plausible_profiles", &fit_result::plausible_profiles,
          "Curves the data cannot tell from the chosen one (other thread counts, "
          "structures within 2 of the best score); the band covers them.")
      .def_readonly("platform_name", &fit_result::platform_name,
                    "The platform the fit used (see fit_options::date)")
      .def_property_readonly(
          "used_in_fit", [](const fit_result& f) { return bool_array(f.used_in_fit); },
          "Per size: True where the size was fitted, False where it was held out.")
      .def_readonly("mape", &fit_result::mape,
                    "Mean |rel_error| over every recorded size")
      .def_readonly("mape_fit", &fit_result::mape_fit, "Over the fitting sizes")
      .def_readonly("mape_holdout", &fit_result::mape_holdout,
                    "Over the other sizes (NaN if none)")
      .def_readonly(
          "param_names", &fit_result::param_names,
          "Io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, "
          "first_call_cpu_ms and the bootstrap standard deviations of the work terms "
          "(NaN without per-invocation samples; always NaN for init_ms and "
          "first_call_cpu_ms, which are medians of the cold rows).")
      .def_readonly(
          "param_values", &fit_result::param_values,
          "Io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, "
          "first_call_cpu_ms and the bootstrap standard deviations of the work terms "
          "(NaN without per-invocation samples; always NaN for init_ms and "
          "first_call_cpu_ms, which are medians of the cold rows).")
      .def_readonly(
          "param_sd", &fit_result::param_sd,
          "Io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, "
          "first_call_cpu_ms and the bootstrap standard deviations of the work terms "
          "(NaN without per-invocation samples; always NaN for init_ms and "
          "first_call_cpu_ms, which are medians of the cold rows).")
      .def_readonly(
          "bootstrap_profiles", &fit_result::bootstrap_profiles,
          "The profiles fitted to each bootstrap resample (same structure and knobs).")
      .def_readonly("diagnostics", &fit_result::diagnostics,
                    "Soft diagnostics of the fit, one line each (also raised as "
                    "LambdasimWarning in Python).")
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
          "platform"_a, "memory_mb"_a, "q_lo"_a = spread_q_lo, "q_hi"_a = spread_q_hi,
          "The parameters' spread at any sizes: quantiles q_lo, q_hi of the bootstrap "
          "profiles' warm duration (ms). Not a prediction interval.")
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
          "platform"_a, "memory_mb"_a, "level"_a = fit_options{}.band_level,
          "The prediction band at any sizes and level in (0, 1): lo and hi arrays "
          "(ms).");

  m.def("platform_in_force", &platform_in_force, "date"_a,
        "The newest platform model (models/*.json) whose effective_date is on or "
        "before date (YYYY-MM-DD): aws-lambda-2020 before 2020-12-01, aws-lambda from "
        "then on. Raises ValueError for a date not of the form YYYY-MM-DD");

  m.def(
      "fit",
      [](const sweep& s, const platform& p, const fit_options& o) {
        return released([&] { return fit(s, p, o); });
      },
      "sweep"_a, "platform"_a, py::arg_v("options", fit_options{}, "FitOptions()"),
      "Fits a profile to a sweep. Raises ValueError for an empty sweep, a fitting size "
      "not in the sweep, fewer than two fitting sizes, a size off the platform's grid, "
      "or bad options");

  py::class_<check_options>(
      m, "CheckOptions",
      "How a check judges drift (docs/accuracy.md, \"The regression check\"). By "
      "default the whole curve: the shift is the median over sizes of ln(observed / "
      "predicted), its interval comes from the sizes' own scatter around it (Student t "
      "on the robust spread) and the profile's own level error, and the check fails "
      "when the interval lies wholly beyond +-shift_tolerance. Single sizes outside "
      "their band are warnings. With rtol set, the per-size rule of earlier releases "
      "applies instead: every size within rtol.")
      .def(py::init<>())
      .def_readwrite(
          "rtol", &check_options::rtol,
          "Per-size rule: largest accepted |predicted - observed| / observed at every "
          "size. NaN (default): judge by the shift of the whole curve.")
      .def_readwrite("shift_tolerance", &check_options::shift_tolerance,
                     "Largest accepted relative shift of the whole curve. The level of "
                     "an unchanged function's curve moves by up to about 10 % between "
                     "runs a month apart (issue 12).")
      .def_readwrite("profile_error", &check_options::profile_error,
                     "Relative error of the profile's own level (a fitted profile "
                     "carries its fit's model_error, 3 %): added in quadrature to the "
                     "shift's standard error, since the runs a profile was fitted to "
                     "drift as much as the run it is checked against.")
      .def_readwrite(
          "level", &check_options::level,
          "Two-sided level of the shift's interval and of the per-size bands.")
      .def_property(
          "aggregate",
          [](const check_options& o) { return std::string(to_string(o.aggregate)); },
          [](check_options& o, const std::string& s) {
            o.aggregate = aggregation_from_string(s);
          },
          "How each size's durations are summarised: median, trimmed_mean or mean.");

  py::class_<check_result>(m, "CheckResult", "One entry per recorded size, ascending.")
      .def(py::init<>())
      .def_readonly("memory_mb", &check_result::memory_mb, "Memory size (MB).")
      .def_readonly("predicted_ms", &check_result::predicted_ms,
                    "Warm duration of the profile")
      .def_readonly("observed_ms", &check_result::observed_ms,
                    "Observed (ms): the size's aggregate")
      .def_readonly("p5_ms", &check_result::p5_ms,
                    "Recorded band (NaN when the sweep does not say)")
      .def_readonly("p95_ms", &check_result::p95_ms, "95th percentile latency (ms).")
      .def_readonly("deviation", &check_result::deviation,
                    "observed / predicted - 1: positive when slower than predicted "
                    "(one convention with shift)")
      .def_readonly("rel_error", &check_result::rel_error,
                    "(predicted - observed) / observed, kept for compatibility "
                    "(prefer deviation)")
      .def_property_readonly(
          "in_band", [](const check_result& r) { return bool_array(r.in_band); },
          "P5 <= predicted <= p95 (false when unknown)")
      .def_property_readonly(
          "within_tolerance",
          [](const check_result& r) { return bool_array(r.within_tolerance); },
          "Per-size rule (all true when rtol is NaN)")
      .def_readonly("rtol", &check_result::rtol, "NaN: the shift rule judged")
      .def_property_readonly(
          "outside_band",
          [](const check_result& r) { return bool_array(r.outside_band); },
          "Outside predicted x exp(shift +- t s): beyond the scatter of the other "
          "sizes (a warning under the shift rule).")
      .def_readonly(
          "shift", &check_result::shift,
          "The whole curve's relative shift exp(median ln(observed / predicted)) - 1, "
          "its interval at level, and the smallest shift beyond the tolerance this "
          "sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).")
      .def_readonly("shift_lo", &check_result::shift_lo,
                    "Lower end of the interval of the whole curve's shift (relative).")
      .def_readonly("shift_hi", &check_result::shift_hi,
                    "Upper end of the interval of the whole curve's shift (relative).")
      .def_readonly(
          "shift_tolerance", &check_result::shift_tolerance,
          "The whole curve's relative shift exp(median ln(observed / predicted)) - 1, "
          "its interval at level, and the smallest shift beyond the tolerance this "
          "sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).")
      .def_readonly(
          "detectable_shift", &check_result::detectable_shift,
          "The whole curve's relative shift exp(median ln(observed / predicted)) - 1, "
          "its interval at level, and the smallest shift beyond the tolerance this "
          "sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).")
      .def_readonly("rule", &check_result::rule, "Rule: \"shift\" or \"per_size\"")
      .def_readonly(
          "warnings", &check_result::warnings,
          "Single sizes outside their band and other soft findings, one line each.")
      .def_readonly("max_abs_deviation", &check_result::max_abs_deviation,
                    "Largest |observed / predicted - 1| over the sizes.")
      .def_readonly("max_abs_rel_error", &check_result::max_abs_rel_error,
                    "Largest |rel_error| over the sizes (compatibility).")
      .def_readonly("failures", &check_result::failures,
                    "Sizes outside rtol (per-size rule) or outside their band")
      .def_readonly("passed", &check_result::passed,
                    "True when the sweep matches the profile under the rule applied.")
      .def("report", &check_result::report,
           "A readable table: one line per size, failing sizes marked, then a summary "
           "line.");

  m.def(
      "check",
      [](const profile& w, const sweep& s, const platform& p, const check_options& o) {
        return released([&] { return check(w, s, p, o); });
      },
      "profile"_a, "sweep"_a, "platform"_a,
      py::arg_v("options", check_options{}, "CheckOptions()"),
      "Compares a profile's predictions with a recorded sweep: the whole curve's shift "
      "against shift_tolerance (or each size against rtol), with per-size warnings "
      "(CheckResult). Raises ValueError for an invalid profile, an empty sweep, rtol "
      "set and not > 0, shift_tolerance or profile_error < 0, level outside (0, 1), or "
      "a recorded size off the platform's grid");
}
