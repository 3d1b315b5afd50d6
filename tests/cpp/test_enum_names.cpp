// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <lambdasim/compute.hpp>
#include <lambdasim/enum_names.hpp>
#include <lambdasim/fit.hpp>
#include <lambdasim/powertuning.hpp>
#include <lambdasim/prices.hpp>
#include <lambdasim/recommend.hpp>
#include <lambdasim/sweep.hpp>
#include <lambdasim/workload.hpp>
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

TEST_CASE("enum names: fit, compute and recommend enums read their tables") {
  // the spellings docs/vocabulary.md and docs/cli.md document
  CHECK(enum_names<fit_structure>() ==
        std::vector<std::string>{"auto", "io_cpu", "threaded_cpu", "scaled_io",
                                 "gc_cpu", "amdahl"});
  CHECK(fit_structure_from_string("automatic") == fit_structure::automatic);
  CHECK(to_string(fit_structure::automatic) == "auto");
  CHECK_THROWS_WITH_AS(
      fit_structure_from_string("cubic"),
      "structure = 'cubic': expected auto, io_cpu, threaded_cpu, scaled_io, gc_cpu or "
      "amdahl",
      std::invalid_argument);
  CHECK(enum_names<compute_kind>() ==
        std::vector<std::string>{"on-demand", "provisioned", "lmi"});
  CHECK(compute_kind_from_string("on-demand") == compute_kind::on_demand);
  CHECK_THROWS_WITH_AS(compute_kind_from_string("on_demand"),
                       "compute = 'on_demand': expected on-demand, provisioned or lmi",
                       std::invalid_argument);
  CHECK(enum_names<recommend_strategy>() ==
        std::vector<std::string>{"cost", "speed", "balanced", "knee"});
  CHECK(recommend_strategy_from_string("knee") == recommend_strategy::knee);
  CHECK_THROWS_WITH_AS(recommend_strategy_from_string("fast"),
                       "strategy = 'fast': expected cost, speed, balanced or knee",
                       std::invalid_argument);
  CHECK(to_string(latency_method::closed_form) == "closed_form");
  CHECK(enum_names<latency_method>() ==
        std::vector<std::string>{"warm_only", "closed_form", "simulation"});
  CHECK(to_string(constraint::max_latency_ms) == "max_latency_ms");
  CHECK(enum_names<constraint>().size() == 5);
  // every value has a name (a value added to an enum without one shows as "?")
  for (auto v :
       {fit_structure::automatic, fit_structure::io_cpu, fit_structure::threaded_cpu,
        fit_structure::scaled_io, fit_structure::gc_cpu, fit_structure::amdahl})
    CHECK(enum_name(v) != "?");
}

TEST_CASE("enum names: architecture checks elsewhere read the same table") {
  profile p;
  p.components.push_back(component::cpu(100.0));
  p.architecture = "sparc";
  CHECK_THROWS_WITH_AS(p.validate(), "architecture = 'sparc': expected x86_64 or arm64",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(p.on_architecture("ppc", 1.0),
                       "architecture = 'ppc': expected x86_64 or arm64",
                       std::invalid_argument);
}
