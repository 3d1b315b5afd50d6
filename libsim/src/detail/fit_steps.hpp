// SPDX-License-Identifier: MIT
/// @file detail/fit_steps.hpp (libsim/src: not installed)
/// The named steps of `fit()` (fit.cpp): prepare the data, build the candidate grid,
/// solve and score each candidate, explain the choice, fit the cold part, bootstrap.
/// Internal: not part of the API; declared here so the doctest suite reaches each step.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "lambdasim/fit.hpp"

namespace lambdasim::detail {

/// The fitting data: the per-size summary, which sizes are fitted, the raw warm samples
/// of each size and the relative noise of every size.
struct fit_data {
  sweep_summary sum;
  std::vector<bool> used;             ///< per recorded size: a fitting size
  std::vector<Eigen::Index> fit_idx;  ///< indices of the fitting sizes in sum
  std::map<double, std::vector<double>> samples;  ///< warm durations per size
  Eigen::VectorXd noise;        ///< every size: hypot(model_error, sampling)
  Eigen::VectorXd m, y, sigma;  ///< fitting sizes: memory, aggregate, noise
  bool noise_known = true;      ///< every fitting size has >= 3 samples
};

/// Validates the options, summarises the sweep and estimates each size's noise (the
/// sampling error of the median, 1.2533 x 1.4826 MAD / sqrt(n), relative, combined with
/// model_error).
/// @throws std::invalid_argument for bad options, an off-grid size, a fitting size that
///         is not recorded, fewer than two fitting sizes or a non-positive aggregate
fit_data prepare_fit_data(const sweep& s, const platform& p, const fit_options& opt);

/// The nonlinear knobs of one candidate.
struct fit_knobs {
  fit_structure structure = fit_structure::io_cpu;
  int threads = 1;
  double knee = 1;
};

/// The candidates to try and the baseline structure (gc_cpu under memory pressure).
struct fit_grid {
  std::vector<fit_knobs> knobs;
  bool above_one_vcpu = false;  ///< a fitting size's share exceeds one vCPU
  fit_structure baseline = fit_structure::io_cpu;
  std::string pressure;  ///< non-empty: memory pressure at the smallest fitting size
  std::string gc_gate;   ///< why gc_cpu is not the baseline
};

/// @throws std::invalid_argument when a forced structure has no candidate
fit_grid candidate_grid(const fit_data& d, const platform& p, const fit_options& opt);

/// One solved candidate: work terms x, design matrix a, weighted chi^2.
struct fit_solution {
  Eigen::VectorXd x;
  Eigen::MatrixXd a;
  double chi2 = 0;
};

/// Weighted relative NNLS for fixed knobs: minimise sum(((A x - y) / (y sigma))^2),
/// x >= 0, with the CFS-dependent cpu (and gc) columns refined by fixed-point
/// iteration.
fit_solution solve_candidate(const fit_knobs& k, const platform& p,
                             const Eigen::VectorXd& m, const Eigen::VectorXd& y,
                             const Eigen::VectorXd& sigma);

/// The profile of knobs k with work terms x (io, cpu, then scaled_io, gc or the
/// parallel cpu of amdahl).
profile candidate_profile(const fit_knobs& k, const Eigen::VectorXd& x);

/// Every candidate solved and scored (AIC with known noise, AICc otherwise, only the
/// baseline admissible when too few sizes), and the index of the best.
struct fit_scores {
  std::vector<fit_candidate> candidates;
  std::vector<fit_solution> solutions;
  std::size_t best = 0;
  /// amdahl with the thread count unknown: the plausible counts (score within 2 of the
  /// best amdahl score) and the chosen centre.
  std::vector<std::size_t> plausible;  ///< indices of candidates within 2 of the best
  std::vector<int> plausible_threads;
  bool threads_identified = true;
  std::string bend_note;  ///< candidates ruled out by the bend rule
  /// amdahl ruled out without samples: no drop above one vCPU that one thread cannot
  /// produce.
  std::string parallel_note;
};
fit_scores score_candidates(const fit_data& d, const fit_grid& g, const platform& p,
                            const fit_options& opt);

/// Largest relative departure of w's curve (smooth throttling) from a straight line in
/// 1/s between adjacent fitting sizes that are both at or below one vCPU, compared with
/// the larger noise of the pair; returns departure / noise (<= 1: no bend) and the
/// pair.
double bend_below_one_vcpu(const profile& w, const platform& p, const fit_data& d,
                           double& from_mb, double& to_mb);

/// The thread count whose amdahl curve (on a 64 MB grid) is the minimax centre of the
/// curves of every plausible count: the least largest relative difference to any.
int central_thread_count(const std::vector<profile>& curves, const std::vector<int>& ks,
                         const platform& p);

/// The user's thread count against the data: a curve of io, serial and k-thread work
/// (all >= 0) cannot fall faster between two sizes than min(s1, k) / min(s2, k) (the
/// visible vCPUs never bind: there are at least as many as the share). Returns "" when
/// every pair of fitting sizes respects that bound within twice their combined noise,
/// else a note naming the pair and the least count the data allow.
std::string thread_count_contradiction(const fit_data& d, const platform& p,
                                       int threads);

/// The `reason` text: the chosen structure, its score, the best alternative of every
/// other structure, and the memory-pressure gate.
std::string explain_choice(const fit_data& d, const fit_grid& g, const fit_scores& sc,
                           const fit_options& opt);

/// Cold part (init_ms, first_call_cpu_ms), peak memory and cv of `w` from the sweep.
void fit_cold_part(const sweep& s, const fit_data& d, const platform& p, profile& w,
                   std::vector<std::string>& diagnostics);

/// Fills the per-size report of f (predicted, rel_error, MAPEs) from f.profile.
void per_size_report(const fit_data& d, const platform& p, fit_result& f);

/// Resamples each fitting size's invocations, refits the chosen knobs: parameter SDs,
/// the 5..95 % band and the bootstrap profiles of f.
void bootstrap_fit(const fit_data& d, const fit_knobs& chosen, const platform& p,
                   const fit_options& opt, fit_result& f);

}  // namespace lambdasim::detail
