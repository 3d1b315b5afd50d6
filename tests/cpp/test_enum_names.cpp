// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <lambdasim/enum_names.hpp>
#include <lambdasim/powertuning.hpp>
#include <lambdasim/prices.hpp>
#include <lambdasim/sweep.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace lambdasim;

TEST_CASE("enum names: one table gives names, parsing, aliases and the error text") {
  // The names documented in the README/CLI: x86_64 and arm64; auto, stats,
  // visualization.
  CHECK(enum_names<architecture>() == std::vector<std::string>{"x86_64", "arm64"});
  CHECK(to_string(architecture::arm64) == "arm64");
  CHECK(architecture_from_string("x86_64") == architecture::x86_64);
  CHECK_THROWS_WITH_AS(architecture_from_string("sparc"),
                       "arch = 'sparc': expected x86_64 or arm64",
                       std::invalid_argument);
  // an alias parses but is not listed
  CHECK(powertuning_source_from_string("automatic") == powertuning_source::automatic);
  CHECK(to_string(powertuning_source::automatic) == "auto");
  CHECK(enum_names<powertuning_source>() ==
        std::vector<std::string>{"auto", "stats", "visualization"});
  CHECK_THROWS_WITH_AS(powertuning_source_from_string("x"),
                       "source = 'x': expected auto, stats or visualization",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(aggregation_from_string("max"),
                       "aggregation = 'max': expected median, trimmed_mean or mean",
                       std::invalid_argument);
  // another field name for the same enum
  CHECK_THROWS_WITH_AS(enum_from_name<package_type>("tar", "package_type"),
                       "package_type = 'tar': expected zip or image",
                       std::invalid_argument);
  CHECK(enum_name(static_cast<package_type>(7)) == "?");
}
