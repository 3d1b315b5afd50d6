// SPDX-License-Identifier: MIT
/// @file fit.hpp
/// Fitting a workload profile to a recorded sweep (DESIGN.md, "Fitting and regression
/// checks"): robust per-size aggregate, non-negative least squares on relative error
/// for the work terms, a small grid over the nonlinear knobs (threads, knee_vcpu), the
/// structure chosen by an information criterion on the fitting sizes only, parameter
/// uncertainty and a prediction band by bootstrap over the raw samples.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lambdasim/platform.hpp"
#include "lambdasim/sweep.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// The structures a fit chooses between.
enum class fit_structure {
  automatic,     ///< chosen by the information criterion
  io_cpu,        ///< io + single-threaded cpu (2 work terms)
  threaded_cpu,  ///< io + cpu on `threads` threads (2 work terms + threads)
  scaled_io,     ///< io + cpu + scaled_io saturating at knee_vcpu (3 work terms + knee)
  gc_cpu,        ///< io + cpu + gc (3 work terms); automatic only under memory pressure
  amdahl,  ///< io + serial cpu (1 thread) + parallel cpu on k threads (3 work terms
           ///< + k); the baseline when a fitting size exceeds one vCPU
};
template <>
struct enum_traits<fit_structure> {
  static constexpr std::string_view field = "structure";
  static constexpr std::array<std::pair<fit_structure, std::string_view>, 7> names{
      {{fit_structure::automatic, "auto"},
       {fit_structure::io_cpu, "io_cpu"},
       {fit_structure::threaded_cpu, "threaded_cpu"},
       {fit_structure::scaled_io, "scaled_io"},
       {fit_structure::gc_cpu, "gc_cpu"},
       {fit_structure::amdahl, "amdahl"},
       {fit_structure::automatic, "automatic"}}};
};
std::string_view to_string(fit_structure s);
/// @throws std::invalid_argument for a name other than auto, io_cpu, threaded_cpu,
///         scaled_io, gc_cpu, amdahl
fit_structure fit_structure_from_string(std::string_view name);

/// What a sweep's durations measure, which decides how the CPU quota throttles them.
enum class sweep_load {
  /// Single invocations, each starting with its CFS quota unused: the platform's own
  /// throttling (cfs for the AWS models). Power Tuning, REPORT lines, per-call timings.
  per_invocation,
  /// Time per operation under sustained load (1000 / operations per second over a run
  /// of many seconds: sharp, express, SciMark2 benchmarks): the quota is used up every
  /// period, so the time is the work over the share (smooth throttling; docs/model.md,
  /// "Sustained load").
  sustained,
};
template <>
struct enum_traits<sweep_load> {
  static constexpr std::string_view field = "load";
  static constexpr std::array<std::pair<sweep_load, std::string_view>, 2> names{
      {{sweep_load::per_invocation, "per_invocation"},
       {sweep_load::sustained, "sustained"}}};
};

struct fit_options {
  aggregation aggregate = aggregation::median;
  /// Fit on these recorded sizes only (empty: every size). The others are predicted.
  std::vector<double> sizes;
  fit_structure structure = fit_structure::automatic;
  /// Relative error the model is allowed at each size on top of the sampling error of
  /// the aggregate (run-to-run drift, model approximation). It sets the noise level of
  /// the information criterion: a structure with more terms must lower chi^2 by more
  /// than 2 per extra parameter, in units of this noise.
  double model_error = 0.03;
  /// Width (natural-log units) of the prior on knee_vcpu, centred on 1 vCPU (plain
  /// cpu): among equally good fits the one closest to the plain structure wins.
  double knee_prior_width = 1.0;
  /// The automatic choice tries gc_cpu only when the smallest fitting size's Max Memory
  /// Used is at least this fraction of it: a collector needs a heap of about twice the
  /// live data before its work stops mattering (Jones & Lins, "Garbage Collection",
  /// 1996, ch. 1 and 6). Without Max Memory Used, gc_cpu is never tried automatically.
  double gc_pressure = 0.5;
  /// Threads or processes the function's code runs in parallel, when the user knows it
  /// (0: unknown). 1 fits single-threaded structures only; k >= 2 fixes the parallel
  /// part of `amdahl` (and `threaded_cpu`) at k threads, so the fit estimates only the
  /// split of the work. Unknown and not identifiable from the data: the count whose
  /// curve is the minimax centre of every plausible count's curve, with the band
  /// covering them all (docs/model.md, "Serial and parallel work").
  int threads = 0;
  /// Recording date of the sweep, YYYY-MM-DD (empty: unknown). When set, the fit uses
  /// the platform in force that day (platform_in_force) instead of the one passed, and
  /// says which in its reason. Empty: the date the file carries (sweep_metadata::date:
  /// REPORT timestamps, a CSV timestamp column) chooses between aws-lambda-2020 and
  /// aws-lambda when the platform passed is one of them; a platform of its own is kept.
  std::string date;
  /// Architecture the sweep was measured on, recorded as the profile's architecture
  /// (x86_64 or arm64; empty: the one the file says, sweep_metadata::architectures,
  /// else profile::architecture's default, x86_64, with a note in the reason). A sweep
  /// with rows of both is refused either way.
  std::string arch;
  /// What the durations measure: per_invocation (the platform's throttling) or
  /// sustained (smooth throttling: the quota is used up every period).
  sweep_load load = sweep_load::per_invocation;
  /// Coverage the prediction band promises on sizes not fitted (band_lo_ms/band_hi_ms).
  double band_level = 0.9;
  /// The band's relative scatter of a size whose aggregate has no per-invocation
  /// samples to measure it (fewer than 3: Power Tuning averages, one benchmark run per
  /// size), added in quadrature to model_error in fit_result::noise. One run's
  /// aggregate scatters about a smooth curve by about 7 % (robust SD of the residuals
  /// about an all-size fit: Power Tuning 7.7 %, the one-run multithread series 6.2 %,
  /// against 1.5 % for sweeps with samples), and three such fitting sizes pass about as
  /// much on to the curve: sqrt(2) x 7 % (docs/accuracy.md, "The prediction band").
  /// Used by the band only, not to weigh the fit.
  double run_scatter = 0.1;
  /// Bootstrap resamples over raw samples (0: none). Needs per-invocation rows at every
  /// fitting size; without them none is drawn, silently (bootstrap_profiles empty,
  /// spread_* and the work terms' param_sd NaN; prediction_band refuses).
  int bootstrap = 200;
  std::uint64_t seed = 0;
  /// Name of the fitted profile.
  std::string name = "fit";
};

/// One structure tried on the fitting sizes.
struct fit_candidate {
  fit_structure structure = fit_structure::io_cpu;
  int threads = 1;  ///< threaded_cpu: threads; amdahl: k of the parallel part
  double knee_vcpu = 1;
  int parameters = 0;  ///< work terms + knobs
  bool admissible =
      true;          ///< false: bends below one vCPU without evidence (see reason)
  double chi2 = 0;   ///< sum of squared relative residuals / noise^2
  double score = 0;  ///< chi2 + 2 parameters + knee prior (lower is better)
  double io_ms = 0, cpu_ms = 0, scaled_io_ms = 0, gc_ms = 0;
  double parallel_ms = 0;  ///< amdahl: the parallel part (cpu_ms is the serial part)
};

/// Quantiles of the bootstrap predictions that fit_result::spread_lo_ms/spread_hi_ms
/// report (and prediction_band's defaults in Python).
inline constexpr double spread_q_lo = 0.05, spread_q_hi = 0.95;

struct fit_result {
  /// The fitted profile (Python FitResult.profile).
  lambdasim::profile profile;
  std::string platform_name;  ///< the platform the fit used (see fit_options::date)
  fit_structure structure = fit_structure::io_cpu;
  std::string reason;  ///< why this structure (scores of the alternatives)
  std::vector<fit_candidate> candidates;  ///< best per structure and knob value

  // One entry per recorded size, ascending.
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd observed_ms;   ///< the size's aggregate (warm rows)
  Eigen::VectorXd predicted_ms;  ///< T_warm of the fitted profile
  Eigen::VectorXd rel_error;     ///< (predicted - observed) / observed
  /// Relative noise of the size's aggregate for the band: model_error with the
  /// sampling error, or with run_scatter where no per-invocation samples measure it.
  Eigen::VectorXd noise;
  /// Prediction band at band_level: where a held-out size's aggregate is expected to
  /// fall (model error, the parameters' spread and every plausible structure and
  /// thread count included; see prediction_interval).
  Eigen::VectorXd band_lo_ms;
  Eigen::VectorXd band_hi_ms;
  /// spread_q_lo/spread_q_hi quantiles of the bootstrap predictions: the parameters'
  /// spread only, far narrower than the band (NaN without per-invocation samples).
  Eigen::VectorXd spread_lo_ms;
  Eigen::VectorXd spread_hi_ms;
  double band_level = fit_options{}.band_level;  ///< as used
  /// Thread count of the parallel part (amdahl, threaded_cpu; 1 otherwise), whether the
  /// data or the user fixed it, and the counts the data leave plausible.
  int threads = 1;
  bool threads_identified = true;
  std::vector<int> plausible_threads;
  /// Curves the data cannot tell from the chosen one (other thread counts, structures
  /// within 2 of the best score); the band covers them.
  std::vector<lambdasim::profile> plausible_profiles;
  std::vector<bool> used_in_fit;
  double mape = 0;          ///< mean |rel_error| over every recorded size
  double mape_fit = 0;      ///< over the fitting sizes
  double mape_holdout = 0;  ///< over the other sizes (NaN if none)

  /// io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, first_call_cpu_ms and
  /// the bootstrap standard deviations of the work terms (NaN without per-invocation
  /// samples; always NaN for init_ms and first_call_cpu_ms, which are medians of the
  /// cold rows).
  std::vector<std::string> param_names;
  Eigen::VectorXd param_values;
  Eigen::VectorXd param_sd;
  /// The profiles fitted to each bootstrap resample (same structure and knobs).
  std::vector<lambdasim::profile> bootstrap_profiles;
  std::vector<std::string> diagnostics;
};

/// The newest platform model (models/*.json) whose effective_date is on or before
/// `date` (YYYY-MM-DD): aws-lambda-2020 before 2020-12-01, aws-lambda from then on.
/// @throws std::invalid_argument for a date not of the form YYYY-MM-DD
platform platform_in_force(std::string_view date);

/// Fits a profile to a sweep.
/// @throws std::invalid_argument for an empty sweep, a fitting size not in the sweep,
///         fewer than two fitting sizes, a size off the platform's grid, or bad options
fit_result fit(const sweep& s, const platform& p, const fit_options& opt = {});

/// The prediction band of a fit at any sizes (batch): the envelope of the fitted and
/// plausible curves, widened by z(level) x the relative noise of the nearest fitting
/// size and the bootstrap spread. level in (0, 1).
/// @throws std::invalid_argument for a level outside (0, 1), a size mismatch or a size
///         off the grid
void prediction_interval(const fit_result& f, const platform& p,
                         const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                         double level, Eigen::Ref<Eigen::VectorXd> lo,
                         Eigen::Ref<Eigen::VectorXd> hi);

/// The parameters' spread: quantiles q_lo, q_hi of the bootstrap profiles' warm
/// duration at each size (batch). Not a prediction interval (see prediction_interval).
/// @throws std::invalid_argument without bootstrap profiles, on a size mismatch or a
///         size off the grid
void prediction_band(const fit_result& f, const platform& p,
                     const Eigen::Ref<const Eigen::VectorXd>& memory_mb, double q_lo,
                     double q_hi, Eigen::Ref<Eigen::VectorXd> lo,
                     Eigen::Ref<Eigen::VectorXd> hi);

namespace detail {
/// Non-negative least squares min ||A x - b||, x >= 0, for a few columns (exact, by
/// enumerating the active sets).
Eigen::VectorXd nnls_small(const Eigen::MatrixXd& a, const Eigen::VectorXd& b);
/// Uniform integer in [0, n) from a 64-bit engine, by rejection (no modulo bias, the
/// same on every standard library).
std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n);
}  // namespace detail

}  // namespace lambdasim
