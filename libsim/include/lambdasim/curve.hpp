// SPDX-License-Identifier: MIT
/// @file curve.hpp
/// Duration and cost curves over a memory grid: the batch form of predict + billing,
/// for one profile or a fleet of them (profiles x sizes).
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "lambdasim/platform.hpp"
#include "lambdasim/prices.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

using bool_vector = Eigen::Matrix<bool, Eigen::Dynamic, 1>;
/// Row-major matrices (profiles x sizes): C-ordered numpy arrays map onto them
/// uncopied.
using row_matrix =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using bool_row_matrix =
    Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// One row per memory size. Sizes below the profile's peak_memory_mb are infeasible:
/// feasible is false and warm_billed_ms, gb_s and cost_usd are NaN there (not priced);
/// the durations are still the model's.
struct curve_result {
  Eigen::VectorXd memory_mb;
  Eigen::VectorXd vcpu;            ///< CPU share s(m)
  Eigen::VectorXd warm_ms;         ///< warm duration
  Eigen::VectorXd cold_ms;         ///< cold duration incl. init
  Eigen::VectorXd warm_billed_ms;  ///< warm billed duration
  Eigen::VectorXd gb_s;            ///< GB-seconds of one warm invocation
  Eigen::VectorXd cost_usd;        ///< one warm invocation: duration + request charge
  bool_vector feasible;
};

/// @throws std::invalid_argument for an invalid profile or a size off the grid
curve_result curve(const profile& w, const platform& p, const price_table& prices,
                   const Eigen::Ref<const Eigen::VectorXd>& memory_mb);
/// Over every size of the platform (10,113 for AWS Lambda).
curve_result curve(const profile& w, const platform& p, const price_table& prices);

/// Every size of the platform (platform::memory_grid()), computed once per distinct
/// platform and shared read-only (cached, thread-safe). Curves over it reuse the
/// grid's checks and reciprocals without comparing the sizes.
std::shared_ptr<const Eigen::VectorXd> full_memory_grid(const platform& p);

/// Many profiles in columns, one row per profile, named as Profile()'s shorthand:
/// cpu_ms (+ threads), io_ms, scaled_io_ms (+ knee_vcpu), gc_ms (+ ref_mb), init_ms,
/// first_call_cpu_ms, peak_memory_mb, cv. Row i is the profile Profile(**row) builds:
/// one component per work column present, in the order cpu, io, scaled_io, gc; an
/// absent column takes the default of the profile's field. The columns are views: the
/// data must outlive the table.
struct profile_columns {
  std::size_t rows = 0;
  std::span<const double> cpu_ms, threads, io_ms, scaled_io_ms, knee_vcpu, gc_ms,
      ref_mb, init_ms, first_call_cpu_ms, peak_memory_mb, cv;

  /// Sets the column `name`; the first column sets `rows`.
  /// @throws std::invalid_argument for an unknown name (listing the known ones) or a
  ///         length other than rows
  void set(std::string_view name, std::span<const double> column);
  /// The known column names, in the order above.
  static std::vector<std::string_view> names();
  /// @throws std::invalid_argument naming the row and field ("profiles[3].cpu_ms = -1:
  ///         must be finite and >= 0"), a knob without its work column, or threads not
  ///         a whole number
  void validate() const;
  /// The profile of row i (no name). @throws std::out_of_range unless i < rows
  profile row(std::size_t i) const;
};

/// Curves of many profiles over one grid: matrices of profiles x sizes (row-major).
struct fleet_curve_result {
  Eigen::VectorXd memory_mb;  ///< the grid
  Eigen::VectorXd vcpu;       ///< CPU share per size (the same for every profile)
  row_matrix warm_ms, cold_ms, warm_billed_ms, gb_s, cost_usd;
  bool_row_matrix feasible;
};

/// Caller-provided output of a fleet curve (profiles x sizes each; vcpu one per size):
/// the allocation-free form, for reused buffers and for streaming a large fleet in
/// blocks of rows.
struct fleet_curve_view {
  Eigen::Ref<Eigen::VectorXd> vcpu;
  Eigen::Ref<row_matrix> warm_ms, cold_ms, warm_billed_ms, gb_s, cost_usd;
  Eigen::Ref<bool_row_matrix> feasible;
};

/// Curves of many profiles. Every size is checked once, every profile once; the work is
/// split over `threads` threads by blocks of profiles (0, the default, = every hardware
/// thread; small fleets use fewer).
/// Row i equals curve(profiles[i], ...) bit for bit, whatever the thread count.
/// @throws std::invalid_argument naming the profile ("profiles[3]: ...") or the size
fleet_curve_result curve(std::span<const profile> profiles, const platform& p,
                         const price_table& prices,
                         const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                         int threads = 0);
fleet_curve_result curve(const profile_columns& profiles, const platform& p,
                         const price_table& prices,
                         const Eigen::Ref<const Eigen::VectorXd>& memory_mb,
                         int threads = 0);
/// The same into caller-provided buffers. @throws std::invalid_argument on a shape
/// mismatch
void curve(std::span<const profile> profiles, const platform& p,
           const price_table& prices,
           const Eigen::Ref<const Eigen::VectorXd>& memory_mb, fleet_curve_view out,
           int threads = 0);
void curve(const profile_columns& profiles, const platform& p,
           const price_table& prices,
           const Eigen::Ref<const Eigen::VectorXd>& memory_mb, fleet_curve_view out,
           int threads = 0);

}  // namespace lambdasim
