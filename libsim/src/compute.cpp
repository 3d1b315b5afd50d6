// SPDX-License-Identifier: MIT
#include "lambdasim/compute.hpp"

#include "lambdasim/error.hpp"

namespace lambdasim {

std::string_view to_string(compute_kind k) {
  return enum_name(k);
}

compute_kind compute_kind_from_string(std::string_view name) {
  return enum_from_name<compute_kind>(name);
}

}  // namespace lambdasim
