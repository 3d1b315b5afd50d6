// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <lambdasim/error.hpp>
#include <lambdasim/workload.hpp>

using lambdasim::component;
using lambdasim::profile;

TEST_CASE("profile json as in the CLI contract") {
  const char* text = R"({"schema_version": 1, "name": "api", "components": [
      {"kind": "cpu", "work_ms": 1000, "threads": 1}, {"kind": "io", "ms": 100},
      {"kind": "scaled_io", "work_ms": 40, "knee_vcpu": 0.5}],
      "init_ms": 200, "first_call_cpu_ms": 0, "peak_memory_mb": 0, "cv": 0})";
  const profile w = profile::from_json(text);
  CHECK(w.name == "api");
  REQUIRE(w.components.size() == 3);
  CHECK(w.components[0] == component::cpu(1000, 1));
  CHECK(w.components[1] == component::io(100));
  CHECK(w.components[2] == component::scaled_io(40, 0.5));
  CHECK(w.init_ms == 200);
  CHECK(profile::from_json(w.to_json()) == w);
}

TEST_CASE("gc component json: ref_mb defaults to 1024 and round-trips") {
  const profile w = profile::from_json(
      R"({"schema_version": 1, "components": [{"kind": "gc", "work_ms": 30},
          {"kind": "gc", "work_ms": 5, "ref_mb": 256}]})");
  REQUIRE(w.components.size() == 2);
  CHECK(w.components[0] == component::gc(30, 1024));
  CHECK(w.components[1] == component::gc(5, 256));
  CHECK(w.total(lambdasim::component_kind::gc) == 35);
  CHECK(profile::from_json(w.to_json()) == w);
  // A key of another kind is an error, not silently ignored.
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [{"kind": "gc", "work_ms": 1,
          "knee_vcpu": 2}]})", "p.json"),
      "p.json: /components/0/knee_vcpu: unknown key 'knee_vcpu'", lambdasim::config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [{"kind": "gc", "work_ms": 1,
          "ref_mb": 0}]})", "p.json"),
      "p.json: /components/0: ref_mb = 0: must be finite and > 0", lambdasim::config_error);
}

TEST_CASE("profile save and load") {
  profile w;
  w.name = "x";
  w.components = {component::cpu(12.5, 2)};
  w.peak_memory_mb = 300;
  const std::string path = "lambdasim_test_profile.json";
  w.save(path);
  CHECK(profile::load(path) == w);
  std::remove(path.c_str());
}

TEST_CASE("bad profiles name the field and value") {
  using lambdasim::config_error;
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [{"kind": "cpu", "work_ms": -5}]})",
                         "p.json"),
      "p.json: /components/0: work_ms = -5: must be finite and >= 0", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "cpu", "work_ms": 5, "threads": 0}]})",
          "p.json"),
      "p.json: /components/0: threads = 0: must be >= 1", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [], "init": 3})", "p.json"),
      "p.json: /init: unknown key 'init'", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [{"kind": "gpu", "work_ms": 1}]})",
                         "p.json"),
      "p.json: /components/0/kind: kind = 'gpu': expected cpu, io, scaled_io or gc", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [{"kind": "io", "ms": "1"}]})",
                         "p.json"),
      "p.json: /components/0/ms: expected a number, got \"1\"", config_error);
  CHECK_THROWS_AS(profile::from_json(R"({"components": []})"), config_error);
  CHECK_THROWS_AS(profile::from_json(R"({"schema_version": 2, "components": []})"), config_error);
  CHECK_THROWS_AS(profile::from_json("[1]"), config_error);
  CHECK_THROWS_AS(profile::load("/nonexistent.json"), config_error);
  profile w;
  w.components = {component::io(1)};
  w.init_ms = std::nan("");
  CHECK_THROWS_WITH_AS(w.validate(), "init_ms = nan: must be finite and >= 0",
                       std::invalid_argument);
}
