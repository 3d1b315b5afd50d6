// SPDX-License-Identifier: MIT
#include "lambdasim/compute.hpp"

#include "lambdasim/error.hpp"

namespace lambdasim {

std::string_view to_string(compute_kind k) {
  switch (k) {
    case compute_kind::on_demand:
      return "on-demand";
    case compute_kind::provisioned:
      return "provisioned";
    case compute_kind::lmi:
      return "lmi";
  }
  return "on-demand";
}

compute_kind compute_kind_from_string(std::string_view name) {
  if (name == "on-demand") return compute_kind::on_demand;
  if (name == "provisioned") return compute_kind::provisioned;
  if (name == "lmi") return compute_kind::lmi;
  detail::throw_invalid("compute", name, "expected on-demand, provisioned or lmi");
}

}  // namespace lambdasim
