// SPDX-License-Identifier: MIT
/// @file fit.hpp
/// Fitting a workload profile to a recorded sweep (DESIGN.md, "Fitting and regression
/// checks"): robust per-size aggregate, non-negative least squares on relative error for
/// the work terms, a small grid over the nonlinear knobs (threads, knee_vcpu), the
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
};
std::string_view to_string(fit_structure s);
/// @throws std::invalid_argument for a name other than auto, io_cpu, threaded_cpu,
///         scaled_io, gc_cpu
fit_structure fit_structure_from_string(std::string_view name);

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
  /// Width (natural-log units) of the prior on knee_vcpu, centred on 1 vCPU (plain cpu):
  /// among equally good fits the one closest to the plain structure wins.
  double knee_prior_width = 1.0;
  /// The automatic choice tries gc_cpu only when the smallest fitting size's Max Memory
  /// Used is at least this fraction of it: a collector needs a heap of about twice the
  /// live data before its work stops mattering (Jones & Lins, "Garbage Collection", 1996,
  /// ch. 1 and 6). Without Max Memory Used, gc_cpu is never tried automatically.
  double gc_pressure = 0.5;
  /// Bootstrap resamples over raw samples (0: none). Needs per-invocation rows.
  int bootstrap = 200;
  std::uint64_t seed = 0;
  /// Name of the fitted profile.
  std::string name = "fit";
};

/// One structure tried on the fitting sizes.
struct fit_candidate {
  fit_structure structure = fit_structure::io_cpu;
  int threads = 1;
  double knee_vcpu = 1;
  int parameters = 0;   ///< work terms + knobs
  double chi2 = 0;      ///< sum of squared relative residuals / noise^2
  double score = 0;     ///< chi2 + 2 parameters + knee prior (lower is better)
  double io_ms = 0, cpu_ms = 0, scaled_io_ms = 0, gc_ms = 0;
};

struct fit_result {
  profile fitted;
  fit_structure structure = fit_structure::io_cpu;
  std::string reason;  ///< why this structure (scores of the alternatives)
  std::vector<fit_candidate> candidates;  ///< best per structure and knob value

  // One entry per recorded size, ascending.
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd observed_ms;   ///< the size's aggregate (warm rows)
  Eigen::VectorXd predicted_ms;  ///< T_warm of the fitted profile
  Eigen::VectorXd rel_error;     ///< (predicted - observed) / observed
  Eigen::VectorXd noise;         ///< relative noise used for the size (sampling + model)
  Eigen::VectorXd band_lo_ms;    ///< 5th/95th percentile of bootstrap predictions (NaN
  Eigen::VectorXd band_hi_ms;    ///< without per-invocation samples)
  std::vector<bool> used_in_fit;
  double mape = 0;          ///< mean |rel_error| over every recorded size
  double mape_fit = 0;      ///< over the fitting sizes
  double mape_holdout = 0;  ///< over the other sizes (NaN if none)

  /// io_ms, cpu_ms, scaled_io_ms, gc_ms (at 1,024 MB), init_ms, first_call_cpu_ms and the bootstrap
  /// standard deviations of the work terms (NaN without per-invocation samples; always
  /// NaN for init_ms and first_call_cpu_ms, which are medians of the cold rows).
  std::vector<std::string> param_names;
  Eigen::VectorXd param_values;
  Eigen::VectorXd param_sd;
  /// The profiles fitted to each bootstrap resample (same structure and knobs).
  std::vector<profile> bootstrap_profiles;
  std::vector<std::string> diagnostics;
};

/// Fits a profile to a sweep.
/// @throws std::invalid_argument for an empty sweep, a fitting size not in the sweep,
///         fewer than two fitting sizes, a size off the platform's grid, or bad options
fit_result fit(const sweep& s, const platform& p, const fit_options& opt = {});

/// Quantiles q_lo, q_hi of the bootstrap profiles' warm duration at each size (batch).
/// @throws std::invalid_argument without bootstrap profiles, on a size mismatch or a
///         size off the grid
void prediction_band(const fit_result& f, const platform& p,
                     const Eigen::Ref<const Eigen::VectorXd>& memory_mb, double q_lo,
                     double q_hi, Eigen::Ref<Eigen::VectorXd> lo, Eigen::Ref<Eigen::VectorXd> hi);

namespace detail {
/// Non-negative least squares min ||A x - b||, x >= 0, for a few columns (exact, by
/// enumerating the active sets).
Eigen::VectorXd nnls_small(const Eigen::MatrixXd& a, const Eigen::VectorXd& b);
/// Uniform integer in [0, n) from a 64-bit engine, by rejection (no modulo bias, the
/// same on every standard library).
std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n);
}  // namespace detail

}  // namespace lambdasim
