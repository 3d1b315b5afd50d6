// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/bill.hpp>
#include <lambdasim/curve.hpp>
#include <lambdasim/error.hpp>
#include <lambdasim/platform.hpp>
#include <lambdasim/prices.hpp>
#include <limits>
#include <string>
#include <vector>

#include "test_support.hpp"

using lambdasim::platform;
using namespace lambdasim;
using test_support::cpu_profile;
using test_support::message_of;

TEST_CASE("aws platform matches the documented share rule") {
  const platform p = platform::aws_lambda();
  // data/platform_facts/lambda_cpu_share_rule.csv: memory_mb -> m/1769 (4 decimals)
  auto rule = test_support::read_csv("platform_facts/lambda_cpu_share_rule.csv");
  REQUIRE(rule["memory_mb"].size() == 12);
  for (std::size_t i = 0; i < rule["memory_mb"].size(); ++i) {
    const double m = std::stod(rule["memory_mb"][i]);
    const double share = std::stod(rule["vcpu_share_m_over_1769"][i]);
    CHECK(p.cpu_share(m) == doctest::Approx(share).epsilon(1e-4));
  }
  CHECK(p.cpu_share(1769) == 1.0);
  CHECK(p.memory_grid().size() == 10113);
  CHECK(p.memory_grid()[0] == 128);
  CHECK(p.memory_grid()[10112] == 10240);
}

TEST_CASE("visible vcpus follow the measured tiers") {
  const platform p = platform::aws_lambda();
  auto tiers = test_support::read_csv("platform_facts/lambda_vcpu_count_vs_memory.csv");
  for (std::size_t i = 0; i < tiers["memory_mb_from"].size(); ++i) {
    const int from = std::stoi(tiers["memory_mb_from"][i]);
    const int to = std::stoi(tiers["memory_mb_to"][i]);
    const int n = std::stoi(tiers["visible_vcpus_nproc"][i]);
    CHECK(p.visible_vcpu_count(from) == n);
    CHECK(p.visible_vcpu_count(to) == n);
  }
}

TEST_CASE("memory outside the grid is rejected with the value") {
  const platform p = platform::aws_lambda();
  CHECK_THROWS_WITH_AS(p.cpu_share(20000),
                       "memory_mb = 20000: must be within 128..10240 MB",
                       std::invalid_argument);
  CHECK_THROWS_AS(p.cpu_share(0), std::invalid_argument);
  CHECK_THROWS_AS(p.cpu_share(127), std::invalid_argument);
  CHECK_THROWS_AS(p.cpu_share(std::numeric_limits<double>::quiet_NaN()),
                  std::invalid_argument);
  CHECK_THROWS_AS(p.cpu_share(512.5), std::invalid_argument);
  const platform old = platform::named("aws-lambda-2020");
  CHECK(old.cpu_share(1792) == 1.0);
  CHECK_THROWS_AS(old.cpu_share(1000), std::invalid_argument);  // 64 MB steps
  CHECK(old.billing_granularity_ms == 100);
}

TEST_CASE("memory specs") {
  const platform p = platform::aws_lambda();
  auto a = p.parse_memory_spec("128,512,1769");
  REQUIRE(a.size() == 3);
  CHECK(a[2] == 1769);
  auto r = p.parse_memory_spec("128:10240:64");
  CHECK(r.size() == 159);  // 128 + 158*64 = 10240
  CHECK(r[r.size() - 1] == 10240);
  CHECK(p.parse_memory_spec("1024:1030:4").size() == 2);  // 1024, 1028
  CHECK_THROWS_AS(p.parse_memory_spec("128,abc"), std::invalid_argument);
  CHECK_THROWS_AS(p.parse_memory_spec(""), std::invalid_argument);
  CHECK_THROWS_AS(p.parse_memory_spec("128:256"), std::invalid_argument);
  CHECK_THROWS_AS(p.parse_memory_spec("256:128:1"), std::invalid_argument);
  CHECK_THROWS_AS(p.parse_memory_spec("128:256:0"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(p.parse_memory_spec("128,20000"),
                       "memory_mb = 20000: must be within 128..10240 MB",
                       std::invalid_argument);
}

TEST_CASE("platform json round trip and strictness") {
  const platform p = platform::aws_lambda();
  const platform q = platform::from_json(p.to_json());
  CHECK(q.to_json() == p.to_json());
  CHECK(platform::load(std::string(LAMBDASIM_MODELS_DIR) + "/aws-lambda.json")
            .to_json() == p.to_json());
  std::string bad = p.to_json();
  bad.insert(1, "\"mb_per_cpu\": 1769,");
  CHECK_THROWS_WITH_AS(platform::from_json(bad, "x.json"),
                       "x.json: /mb_per_cpu: unknown key 'mb_per_cpu'",
                       lambdasim::config_error);
  CHECK_THROWS_AS(platform::from_json("{", "x.json"), lambdasim::config_error);
  CHECK_THROWS_AS(platform::load("/nonexistent/platform.json"),
                  lambdasim::config_error);
}

TEST_CASE("platform::resolve: a model name, else a platform JSON file") {
  // the two platform models of models/ (aws-lambda.json, aws-lambda-2020.json); the
  // price and instance-pool models are not platforms
  CHECK(platform::names() == std::vector<std::string>{"aws-lambda", "aws-lambda-2020"});
  CHECK(platform::resolve("aws-lambda").name == "aws-lambda");
  CHECK(platform::resolve("aws-lambda-2020").billing_granularity_ms == 100);
  const std::string file = std::string(LAMBDASIM_MODELS_DIR) + "/aws-lambda-2020.json";
  CHECK(platform::resolve(file).billing_granularity_ms == 100);
  CHECK_THROWS_WITH_AS(
      platform::resolve("nosuch"),
      "platform = 'nosuch': expected one of aws-lambda, aws-lambda-2020 "
      "or the path of a platform JSON file",
      std::invalid_argument);
  CHECK_THROWS_WITH_AS(platform::named("prices-aws-lambda"),
                       "platform = 'prices-aws-lambda': expected one of aws-lambda, "
                       "aws-lambda-2020 or the path of a platform JSON file",
                       std::invalid_argument);
  CHECK_THROWS_AS(platform::resolve("/nonexistent/p.json"), lambdasim::config_error);
}

TEST_CASE(
    "a peak memory above the largest size is rejected where the platform is known") {
  const platform p = platform::aws_lambda();
  profile w = cpu_profile(100);
  w.peak_memory_mb = 20000;
  const Eigen::VectorXd grid = Eigen::VectorXd::Constant(1, 1024);
  const auto m = message_of(
      [&] { curve(w, p, price_table::aws("us-east-1", architecture::x86_64), grid); });
  CHECK(m.starts_with("peak_memory_mb = 20000: above the largest size"));
  CHECK(m.find("10240 MB") != std::string::npos);
  bill_options o;
  o.requests_per_month = 1e6;
  CHECK_THROWS_AS(
      compute_bill(w, p, price_table::aws("us-east-1", architecture::x86_64), 1024, o),
      std::invalid_argument);
  w.peak_memory_mb = 10240;  // the largest size itself holds it
  CHECK_NOTHROW(p.check_peak_memory(w.peak_memory_mb));
}

TEST_CASE("platform names: an unknown name lists the known ones") {
  const auto names = platform::names();
  CHECK(names == std::vector<std::string>{"aws-lambda", "aws-lambda-2020"});
  const auto m = message_of([] { platform::named("nosuch"); });
  CHECK(m ==
        "platform = 'nosuch': expected one of aws-lambda, aws-lambda-2020 or the path "
        "of a platform JSON file");
  CHECK(platform::resolve("aws-lambda-2020").mb_per_vcpu == 1792);
  CHECK_THROWS_AS(platform::resolve("/nonexistent/p.json"), config_error);
}
