// SPDX-License-Identifier: MIT
// The fit (fit.hpp): options, candidates, the result with its band, and fit() itself.
#include "pybind11.hpp"

#include <lambdasim/fit.hpp>
#include <lambdasim/prices.hpp>

void bind_fit(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<fit_structure>("fit_structure");
  add_enum_names<sweep_load>("sweep_load");
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
}
