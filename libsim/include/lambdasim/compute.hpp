// SPDX-License-Identifier: MIT
/// @file compute.hpp
/// The ways to run a function: on-demand instances, provisioned concurrency, Lambda
/// Managed Instances. One enum and one set of names for recommend (recommend.hpp) and
/// the compute comparison (lmi_compare.hpp).
#pragma once

#include <string_view>

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

enum class compute_kind {
  on_demand,    ///< ordinary Lambda, instances on demand ("on-demand")
  provisioned,  ///< provisioned concurrency, overflow on demand ("provisioned")
  lmi,          ///< Lambda Managed Instances ("lmi")
};
template <>
struct enum_traits<compute_kind> {
  static constexpr std::string_view field = "compute";
  static constexpr std::array<std::pair<compute_kind, std::string_view>, 3> names{
      {{compute_kind::on_demand, "on-demand"},
       {compute_kind::provisioned, "provisioned"},
       {compute_kind::lmi, "lmi"}}};
};
/// "on-demand", "provisioned" or "lmi"
std::string_view to_string(compute_kind k);
/// @throws std::invalid_argument for anything but on-demand, provisioned or lmi
compute_kind compute_kind_from_string(std::string_view name);

}  // namespace lambdasim
