// SPDX-License-Identifier: MIT
/// @file compute.hpp
/// The ways to run a function: on-demand instances, provisioned concurrency, Lambda
/// Managed Instances. One enum and one set of names for recommend (recommend.hpp) and
/// the compute comparison (lmi_compare.hpp).
#pragma once

#include <string_view>

namespace lambdasim {

enum class compute_kind {
  on_demand,    ///< ordinary Lambda, instances on demand ("on-demand")
  provisioned,  ///< provisioned concurrency, overflow on demand ("provisioned")
  lmi,          ///< Lambda Managed Instances ("lmi")
};
/// "on-demand", "provisioned" or "lmi"
std::string_view to_string(compute_kind k);
/// @throws std::invalid_argument for anything but on-demand, provisioned or lmi
compute_kind compute_kind_from_string(std::string_view name);

}  // namespace lambdasim
