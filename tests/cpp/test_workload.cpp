// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <lambdasim/error.hpp>
#include <lambdasim/workload.hpp>

#include "test_support.hpp"

using lambdasim::component;
using lambdasim::profile;
using namespace lambdasim;
using test_support::cpu_profile;
using test_support::message_of;

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
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "gc", "work_ms": 1,
          "knee_vcpu": 2}]})",
          "p.json"),
      "p.json: /components/0/knee_vcpu: unknown key 'knee_vcpu'",
      lambdasim::config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "gc", "work_ms": 1,
          "ref_mb": 0}]})",
          "p.json"),
      "p.json: /components/0: ref_mb = 0: must be finite and > 0",
      lambdasim::config_error);
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
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "cpu", "work_ms": -5}]})",
          "p.json"),
      "p.json: /components/0: work_ms = -5: must be finite and >= 0", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "cpu", "work_ms": 5, "threads": 0}]})",
          "p.json"),
      "p.json: /components/0: threads = 0: must be >= 1", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(R"({"schema_version": 1, "components": [], "init": 3})",
                         "p.json"),
      "p.json: /init: unknown key 'init'", config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "gpu", "work_ms": 1}]})",
          "p.json"),
      "p.json: /components/0/kind: kind = 'gpu': expected cpu, io, scaled_io or gc",
      config_error);
  CHECK_THROWS_WITH_AS(
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "io", "ms": "1"}]})",
          "p.json"),
      "p.json: /components/0/ms: expected a number, got \"1\"", config_error);
  CHECK_THROWS_AS(profile::from_json(R"({"components": []})"), config_error);
  CHECK_THROWS_AS(profile::from_json(R"({"schema_version": 2, "components": []})"),
                  config_error);
  CHECK_THROWS_AS(profile::from_json("[1]"), config_error);
  CHECK_THROWS_AS(profile::load("/nonexistent.json"), config_error);
  profile w;
  w.components = {component::io(1)};
  w.init_ms = std::nan("");
  CHECK_THROWS_WITH_AS(w.validate(), "init_ms = nan: must be finite and >= 0",
                       std::invalid_argument);
}

TEST_CASE("profile architecture, platform and source: JSON, defaults, moving arch") {
  // A file written before these fields loads as x86_64 with platform and source
  // unknown.
  const profile old = profile::from_json(
      R"({"schema_version": 1, "components": [{"kind": "cpu", "work_ms": 100}]})");
  CHECK(old.architecture == "x86_64");
  CHECK(old.platform.empty());
  CHECK(old.source.empty());
  profile w = old;
  w.architecture = "arm64";
  w.platform = "aws-lambda-2020";
  w.source = "sweep.csv";
  const profile back = profile::from_json(w.to_json());
  CHECK(back == w);
  CHECK(w.to_json().find("\"architecture\": \"arm64\"") != std::string::npos);
  CHECK_THROWS_WITH_AS(
      profile::from_json(
          R"({"schema_version": 1, "components": [{"kind": "io", "ms": 1}], "architecture": "sparc"})"),
      doctest::Contains("architecture = 'sparc'"), lambdasim::config_error);
  // On the other architecture: CPU work (cpu, gc, first call) / speed ratio, I/O and
  // INIT kept. 0.8: the CPU work runs at 0.8 x the speed, so it takes 1.25 x as long.
  profile x;
  x.components = {component::io(50), component::cpu(400), component::gc(20)};
  x.init_ms = 100;
  x.first_call_cpu_ms = 10;
  const profile a = x.on_architecture("arm64", 0.8);
  CHECK(a.architecture == "arm64");
  CHECK(a.components[0].work_ms == 50);
  CHECK(a.components[1].work_ms == doctest::Approx(500));
  CHECK(a.components[2].work_ms == doctest::Approx(25));
  CHECK(a.first_call_cpu_ms == doctest::Approx(12.5));
  CHECK(a.init_ms == 100);
  CHECK_THROWS_WITH_AS(x.on_architecture("arm64", 0),
                       doctest::Contains("speed_ratio = 0"), std::invalid_argument);
}

TEST_CASE("architecture speed ratios come from models/architecture-speed.json") {
  std::string note;
  // nodejs: arm64 takes 1.18 x as long for the same CPU work (models file), so moving
  // there runs at 1/1.18 the speed; coming back at 1.18.
  CHECK(lambdasim::architecture_speed_ratio("nodejs", "x86_64", "arm64", &note) ==
        doctest::Approx(1 / 1.18));
  CHECK(note.empty());
  CHECK(lambdasim::architecture_speed_ratio("nodejs", "arm64", "x86_64") ==
        doctest::Approx(1.18));
  CHECK(lambdasim::architecture_speed_ratio("java", "x86_64", "arm64", &note) == 1.0);
  CHECK(note.find("no recorded arm64/x86_64 speed ratio for runtime 'java'") == 0);
  CHECK(lambdasim::architecture_speed_ratio("java", "arm64", "arm64") == 1.0);
}

TEST_CASE("a profile without components is rejected") {
  profile w;
  CHECK(message_of([&] { w.validate(); }).starts_with("components = []"));
  CHECK_THROWS_AS(profile::from_json(R"({"schema_version": 1, "components": []})"),
                  config_error);
}

TEST_CASE("a work time whose duration would overflow is rejected by name") {
  // 1e308 ms at 128 MB (0.072 vCPU) is 1.4e309 ms: infinity.
  const auto m = message_of([] { cpu_profile(1e308).validate(); });
  CHECK(m.find("components[0].work_ms = 1e+308") != std::string::npos);
  CHECK_NOTHROW(cpu_profile(max_work_ms).validate());
}
