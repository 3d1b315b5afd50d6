// SPDX-License-Identifier: MIT
// The compute options' names: one spelling, shared by recommend and compare_compute.
#include <doctest/doctest.h>

#include <lambdasim/compute.hpp>
#include <stdexcept>

using namespace lambdasim;

TEST_CASE("compute names round-trip and unknown names are errors naming the value") {
  for (const compute_kind k :
       {compute_kind::on_demand, compute_kind::provisioned, compute_kind::lmi})
    CHECK(compute_kind_from_string(to_string(k)) == k);
  CHECK(to_string(compute_kind::on_demand) == "on-demand");
  CHECK(to_string(compute_kind::lmi) == "lmi");
  CHECK_THROWS_WITH_AS(compute_kind_from_string("spot"),
                       doctest::Contains("compute = 'spot'"), std::invalid_argument);
  CHECK_THROWS_AS(compute_kind_from_string("on_demand"), std::invalid_argument);
}
