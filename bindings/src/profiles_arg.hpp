// SPDX-License-Identifier: MIT
// Many profiles as an argument, shared by the bindings of the many-profile verbs
// (bind_curve.cpp, bind_bill.cpp, bind_recommend.cpp): a sequence of Profiles or a dict
// of 1-D columns, and the sizes (the caller's or the platform's whole grid).
#pragma once

#include "pybind11.hpp"

#include <lambdasim/curve.hpp>
#include <lambdasim/workload.hpp>

namespace profiles_arg {
using namespace lambdasim;

// Profile columns from a dict of 1-D arrays (converted to C-ordered doubles, kept
// alive in `keep`).
inline profile_columns columns_of(const py::dict& columns, std::vector<array_d>& keep) {
  profile_columns t;
  keep.reserve(columns.size());
  for (const auto& [key, value] : columns) {
    keep.push_back(array_d::ensure(value));
    if (!keep.back() || keep.back().ndim() != 1)
      throw py::value_error("profiles column " + key.cast<std::string>() +
                            " must be a 1-D array of numbers");
    t.set(key.cast<std::string>(),
          std::span<const double>(keep.back().data(),
                                  static_cast<std::size_t>(keep.back().size())));
  }
  return t;
}

inline std::vector<profile> profiles_of(const py::sequence& profiles) {
  std::vector<profile> copies;  // a contiguous span for libsim, with the GIL held
  copies.reserve(profiles.size());
  std::size_t i = 0;
  for (const auto& o : profiles) {
    if (!py::isinstance<profile>(o))
      throw py::value_error("profiles[" + std::to_string(i) + "] = " +
                            py::repr(o).cast<std::string>() + ": expected a Profile");
    copies.push_back(o.cast<const profile&>());
    ++i;
  }
  return copies;
}

/// The sizes as a vector: the caller's (1-D) or the platform's whole grid.
inline Eigen::VectorXd grid_copy(const platform& p,
                                 const std::optional<array_d>& memory_mb) {
  if (!memory_mb) return *full_memory_grid(p);
  if (memory_mb->ndim() != 1)
    throw py::value_error("memory_mb must be 1-D, got " +
                          std::to_string(memory_mb->ndim()) + " dimensions");
  return Eigen::Map<const Eigen::VectorXd>(memory_mb->data(), memory_mb->size());
}
}  // namespace profiles_arg
