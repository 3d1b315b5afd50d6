// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/error.hpp>
#include <lambdasim/prices.hpp>

#include "test_support.hpp"

using namespace lambdasim;

TEST_CASE("billing hand calculations in data/reference") {
  const auto ref = test_support::read_json("reference/model.json");
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  for (const auto& c : ref["billing_cases"]) {
    CAPTURE(c["case"].get<std::string>());
    const double b = billed_ms(c["duration_ms"], c["granularity_ms"]);
    CHECK(b == c["billed_ms"].get<double>());
    CHECK(gb_seconds(b, c["memory_mb"]) ==
          doctest::Approx(c["gb_s"].get<double>()).epsilon(1e-12));
    CHECK(invocation_cost_usd(b, c["memory_mb"], x86) ==
          doctest::Approx(c["cost_usd_x86_64"].get<double>()).epsilon(1e-9));
  }
}

TEST_CASE("AWS Operator Guide prime example within 0.1 percent") {
  const auto doc = test_support::read_json("powertuning/aws_docs_prime_example.json");
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  REQUIRE(doc["points"].size() == 4);
  for (const auto& pt : doc["points"]) {
    const double m = pt["memory_mb"];
    const double b = billed_ms(pt["avg_duration_s"].get<double>() * 1000, 1);
    const double per_1000 = 1000 * invocation_cost_usd(b, m, x86);
    CAPTURE(m);
    CHECK(std::abs(per_1000 / pt["cost_per_1000_usd"].get<double>() - 1) < 1e-3);
  }
}

TEST_CASE("billed duration rounding") {
  CHECK(billed_ms(0, 1) == 0);
  CHECK(billed_ms(1100.0000000001, 1) == 1100);
  CHECK(billed_ms(1100.01, 1) == 1101);
  CHECK(billed_ms(1, 100) == 100);
  CHECK_THROWS_WITH_AS(billed_ms(-1, 1), "duration_ms = -1: must be finite and >= 0",
                       std::invalid_argument);
  CHECK_THROWS_AS(billed_ms(std::nan(""), 1), std::invalid_argument);
  CHECK_THROWS_AS(billed_ms(1, 0), std::invalid_argument);
}

TEST_CASE("price tables") {
  const price_table arm = price_table::aws("us-east-1", architecture::arm64);
  CHECK(arm.first_tier_usd_per_gb_s() == 0.0000133334);
  CHECK(arm.duration_tiers.size() == 3);
  CHECK(arm.requests_usd_per_million == 0.20);
  CHECK(architecture_from_string("arm64") == architecture::arm64);
  CHECK_THROWS_WITH_AS(architecture_from_string("sparc"),
                       "arch = 'sparc': expected x86_64 or arm64",
                       std::invalid_argument);
  CHECK_THROWS_AS(price_table::aws("mars-north-1", architecture::x86_64),
                  std::invalid_argument);
  try {
    price_table::aws("mars-north-1", architecture::x86_64);
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("known regions: ") != std::string::npos);
    CHECK(std::string(e.what()).find("us-east-1") != std::string::npos);
  }
}

TEST_CASE("price tables from a user's price document") {
  // A negotiated price: $0.00001 per GB-s flat, $0.10 per million requests.
  const char* doc = R"({"schema_version": 1, "regions": {"eu-north-9": {"arm64": {
      "duration_tiers": [{"up_to_gb_s": null, "usd_per_gb_s": 0.00001}],
      "requests_usd_per_million": 0.10, "duration_tiers_complete": true,
      "source": "our contract", "effective_date": "2026-01-01"}}}})";
  const price_table t =
      price_table::from_json(doc, "eu-north-9", architecture::arm64, "p.json");
  CHECK(t.first_tier_usd_per_gb_s() == 0.00001);
  // 1 s at 1024 MB = 1 GB-s: 0.00001 + 0.10 / 1e6
  CHECK(invocation_cost_usd(1000, 1024, t) ==
        doctest::Approx(0.00001 + 0.0000001).epsilon(1e-12));
  CHECK_THROWS_WITH_AS(
      price_table::from_json(doc, "us-east-1", architecture::arm64, "p.json"),
      "region = 'us-east-1': no price data; known regions: eu-north-9",
      std::invalid_argument);
  CHECK_THROWS_AS(price_table::from_json(doc, "eu-north-9", architecture::x86_64),
                  std::invalid_argument);
  std::string bad(doc);
  bad.replace(bad.find("\"usd_per_gb_s\""), 14, "\"usd_per_gbs\"");
  CHECK_THROWS_WITH_AS(
      price_table::from_json(bad, "eu-north-9", architecture::arm64, "p.json"),
      "p.json: /regions/eu-north-9/arm64/duration_tiers/0/usd_per_gb_s: required key "
      "is missing",
      lambdasim::config_error);
  CHECK_THROWS_AS(
      price_table::load("/nonexistent/prices.json", "x", architecture::arm64),
      lambdasim::config_error);
  // the shipped model loads through the same public path
  const price_table us =
      price_table::load(std::string(LAMBDASIM_MODELS_DIR) + "/prices-aws-lambda.json",
                        "us-east-1", architecture::x86_64);
  CHECK(us.first_tier_usd_per_gb_s() ==
        price_table::aws("us-east-1", architecture::x86_64).first_tier_usd_per_gb_s());
}
