// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/bill.hpp>
#include <lambdasim/error.hpp>
#include <lambdasim/platform.hpp>
#include <lambdasim/prices.hpp>
#include <lambdasim/workload.hpp>

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

TEST_CASE("billing rules by date") {
  const billing_rules& r = billing_rules::aws();
  CHECK(r.granularity_ms("2020-11-30") == 100);
  CHECK(r.granularity_ms("2020-12-01") == 1);
  CHECK_FALSE(r.init_billed("2025-07-31", package_type::zip, false));
  CHECK(r.init_billed("2025-07-31", package_type::zip, true));
  CHECK(r.init_billed("2025-07-31", package_type::image, false));
  CHECK(r.init_billed("2025-08-01", package_type::zip, false));
  CHECK(r.init_billed("", package_type::zip, false));
  CHECK_THROWS_WITH_AS(r.granularity_ms("2020-13-01"),
                       "date = '2020-13-01': expected a date YYYY-MM-DD",
                       std::invalid_argument);
  CHECK(bill_options{}.storage_mb == r.storage_free_mb);
  // without a date the platform's granularity applies (aws-lambda-2020: 100 ms)
  profile w;
  w.components = {component::io(120)};
  bill_options o;
  o.requests_per_month = 1;
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  CHECK(
      compute_bill(w, platform::named("aws-lambda-2020"), x86, 512, o).warm_billed_ms ==
      200);
  CHECK(compute_bill(w, platform::aws_lambda(), x86, 512, o).warm_billed_ms == 120);
}

TEST_CASE("a negotiated price document carries its own billing rules") {
  // A contract with no free tier for requests, 100,000 free GB-s, 1 GB of storage
  // included and 10 ms billing steps. Hand calculation, 1,000,000 requests of 120 ms at
  // 1024 MB with free_tier on: billed 120 ms (a multiple of 10) -> 1e6 * 0.12 s * 1 GB
  // = 120,000 GB-s, 20,000 billable at $0.00001 = $0.20; requests 1e6 * $0.10 / 1e6 =
  // $0.10 (none free); 1024 MB of storage is within the free 1024 MB: $0. Total $0.30.
  const std::string doc = R"({"schema_version": 1,
    "billing_rules": {
      "granularity": {"source": "contract", "effective_date": "2026-01-01",
                      "steps": [{"from": "0000-01-01", "ms": 10}]},
      "init": {"source": "contract", "effective_date": "2026-01-01",
               "billed_for_all_from": "2026-01-01"},
      "provisioned_concurrency": {"source": "contract", "effective_date": "2026-01-01",
                                  "enabled_increment_s": 60},
      "free_tier": {"source": "contract", "effective_date": "2026-01-01",
                    "requests": 0, "gb_s": 100000},
      "ephemeral_storage": {"source": "contract", "effective_date": "2026-01-01",
                            "free_mb": 1024, "min_mb": 512, "max_mb": 2048}},
    "regions": {"eu-north-9": {"arm64": {
      "duration_tiers": [{"up_to_gb_s": null, "usd_per_gb_s": 0.00001}],
      "requests_usd_per_million": 0.10, "duration_tiers_complete": true,
      "source": "our contract", "effective_date": "2026-01-01"}}}})";
  const price_table t =
      price_table::from_json(doc, "eu-north-9", architecture::arm64, "p.json");
  CHECK(t.rules.free_tier_requests == 0);
  CHECK(t.rules.free_tier_gb_s == 100000);
  CHECK(t.rules.granularity_ms("2026-02-01") == 10);
  profile w;
  w.components = {component::io(120)};
  bill_options o;
  o.requests_per_month = 1e6;
  o.free_tier = true;
  o.storage_mb = 1024;
  o.date = "2026-02-01";
  const monthly_bill b = compute_bill(w, platform::aws_lambda(), t, 1024, o);
  CHECK(b.warm_billed_ms == 120);
  CHECK(b.billable_gb_s == doctest::Approx(20000).epsilon(1e-12));
  CHECK(b.compute_usd == doctest::Approx(0.20).epsilon(1e-12));
  CHECK(b.requests_usd == doctest::Approx(0.10).epsilon(1e-12));
  CHECK(b.storage_usd == 0);
  CHECK(b.total_usd == doctest::Approx(0.30).epsilon(1e-12));
  // its storage range, not AWS's 10,240 MB, bounds storage_mb
  o.storage_mb = 4096;
  CHECK_THROWS_WITH_AS(compute_bill(w, platform::aws_lambda(), t, 1024, o),
                       "storage_mb = 4096: must be in [512, 2048] MB",
                       std::invalid_argument);
  // a document without billing_rules gets AWS's; so does a default-constructed table
  CHECK(price_table{}.rules.free_tier_gb_s == billing_rules::aws().free_tier_gb_s);
}

TEST_CASE("tiered duration charge") {
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  // hand: 6e9 * 0.0000166667 + 9e9 * 0.000015 + 5e9 * 0.0000133334
  CHECK(x86.duration_usd(20e9) ==
        doctest::Approx(6e9 * 0.0000166667 + 9e9 * 0.000015 + 5e9 * 0.0000133334)
            .epsilon(1e-14));
  CHECK(x86.duration_usd(1e9, 5.5e9) ==
        doctest::Approx(0.5e9 * 0.0000166667 + 0.5e9 * 0.000015).epsilon(1e-14));
  CHECK(x86.duration_usd(0, 1e12) == 0);
  CHECK_THROWS_WITH_AS(x86.duration_usd(-1), "gb_s = -1: must be finite and >= 0",
                       std::invalid_argument);
}

TEST_CASE("regional price tables") {
  const auto regions = price_table::aws_regions();
  CHECK(regions.size() == 12);
  for (const auto& r : regions)
    for (auto a : {architecture::x86_64, architecture::arm64}) {
      CAPTURE(r);
      const price_table t = price_table::aws(r, a);
      CHECK_FALSE(t.source.empty());
      CHECK(t.effective_date.size() == 10);
      CHECK(t.duration_tiers_complete == (r == "us-east-1"));
    }
  // Power Tuning's rounded regional base (USD/ms at 128 MB) agrees with the GB-s price
  // to its 2 significant digits: 0.0000195172 * 128/1024 / 1000 = 2.44e-9 -> 2.4e-9
  CHECK(price_table::aws("eu-south-1", architecture::x86_64).first_tier_usd_per_gb_s() /
            8000 ==
        doctest::Approx(2.4e-9).epsilon(0.02));
  CHECK(price_table::aws("me-south-1", architecture::x86_64).requests_usd_per_million ==
        0.25);
  CHECK_THROWS_WITH_AS(
      price_table::aws("af-south-1", architecture::x86_64),
      "region = 'af-south-1': no price data; known regions: ap-northeast-1, "
      "ap-south-1, ap-southeast-1, ap-southeast-2, eu-central-1, eu-south-1, "
      "eu-west-1, eu-west-2, me-south-1, us-east-1, us-east-2, us-west-2",
      std::invalid_argument);
}
