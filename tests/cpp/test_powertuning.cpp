// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/powertuning.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace lambdasim;

namespace {
Eigen::VectorXd vec(const nlohmann::json& j) {
  const auto v = j.get<std::vector<double>>();
  return Eigen::Map<const Eigen::VectorXd>(v.data(),
                                           static_cast<Eigen::Index>(v.size()));
}
}  // namespace

TEST_CASE("Power Tuning hand cases in data/reference/billing.json") {
  const auto ref = test_support::read_json("reference/billing.json");
  REQUIRE(ref["powertuning_cases"].size() >= 3);
  for (const auto& c : ref["powertuning_cases"]) {
    CAPTURE(c["case"].get<std::string>());
    const powertuning_stats s = powertuning_statistics(
        vec(c["duration_ms"]), vec(c["billed_ms"]), c["memory_mb"],
        c["base_usd_per_ms"], c["discard_top_bottom"]);
    CHECK(s.average_billed_ms ==
          doctest::Approx(c["average_billed_ms"].get<double>()).epsilon(1e-14));
    CHECK(s.average_duration_ms ==
          doctest::Approx(c["average_duration_ms"].get<double>()).epsilon(1e-14));
    // ceil(billed) is an integer, so the hand product is the same double
    CHECK(s.average_price_usd == c["average_price_usd"].get<double>());
    CHECK(s.total_cost_usd ==
          doctest::Approx(c["total_cost_usd"].get<double>()).epsilon(1e-13));
    CHECK(powertuning_trimmed_mean(vec(c["billed_ms"]), c["discard_top_bottom"]) ==
          s.average_billed_ms);
  }
}

TEST_CASE("Power Tuning issue 265 averagePrice and cost reproduced bit for bit") {
  const auto doc = test_support::read_json("powertuning/github_issue_outputs.json");
  const auto& out = doc[0]["output"];
  const double base = powertuning_base_usd_per_ms("us-east-1", architecture::x86_64);
  CHECK(base == 2.1e-9);
  REQUIRE(out["stats"].size() == 6);
  for (const auto& s : out["stats"]) {
    const double m = s["value"];
    const double recorded = s["averagePrice"];
    // the tool's integer ceil(avg billed ms), recovered from its own output
    const double billed = std::round(recorded / (base * m / 128));
    CAPTURE(m);
    CHECK(std::abs(recorded / (base * m / 128) - billed) < 1e-6);
    CHECK(powertuning_price(billed, m, base) == recorded);
    // the trimmed mean of billed durations is at least the (unbilled) duration's ceil -
    // 1
    CHECK(billed >= std::floor(s["averageDuration"].get<double>()));
  }
  CHECK(powertuning_price(56, 2048, base) == out["cost"].get<double>());
}

TEST_CASE("Power Tuning unfaasener runs: every cost reproduced bit for bit") {
  const auto runs = test_support::read_json("powertuning/unfaasener_runs.json");
  REQUIRE(runs.size() == 70);
  for (const auto& r : runs) {
    const double m = r["output"]["power"];
    const double cost = r["output"]["cost"];
    const double base = powertuning_base_usd_per_ms(r["region"].get<std::string>(),
                                                    architecture::x86_64);
    const double billed = std::round(cost / (base * m / 128));
    CAPTURE(r["source"].get<std::string>());
    CAPTURE(m);
    CHECK(powertuning_price(billed, m, base) == cost);
  }
}

TEST_CASE("Power Tuning 2020 output: its older base of 2.08e-7 USD per 100 ms") {
  const auto ref = test_support::read_json("reference/billing.json");
  const auto& c = ref["powertuning_recorded"]["issue_83_2020"];
  const auto doc = test_support::read_json("powertuning/github_issue_outputs.json");
  CHECK(doc[1]["output"]["cost"].get<double>() == c["cost"].get<double>());
  // the same formula with 100 ms units: ceil(units) * base * memory / 128
  CHECK(powertuning_price(c["average_billed_units"], c["memory_mb"],
                          c["base_usd_per_unit"]) == c["cost"].get<double>());
  // and not with today's 2.1e-9: 8.32e-7 / (2.1e-9 * 4) = 99.05 is not a whole ms count
  const double ms = c["cost"].get<double>() / (2.1e-9 * 4);
  CHECK(std::abs(ms - std::round(ms)) > 0.01);
}

TEST_CASE("Power Tuning regional base prices and bad input") {
  CHECK(powertuning_base_usd_per_ms("ap-east-1", architecture::x86_64) == 2.9e-9);
  CHECK(powertuning_base_usd_per_ms("eu-south-1", architecture::x86_64) == 2.4e-9);
  CHECK(powertuning_base_usd_per_ms("eu-south-1", architecture::arm64) == 1.7e-9);
  CHECK(powertuning_base_usd_per_ms("us-west-2", architecture::x86_64) == 2.1e-9);
  Eigen::VectorXd v(3);
  v << 1, 2, 3;
  CHECK_THROWS_WITH_AS(
      powertuning_trimmed_mean(v, 0.5),
      "discard_top_bottom = 0.5: must be in [0, 0.4] (Power Tuning clamps to "
      "that range)",
      std::invalid_argument);
  v[1] = -2;
  CHECK_THROWS_WITH_AS(powertuning_trimmed_mean(v, 0.2),
                       "values[1] = -2: must be finite and >= 0",
                       std::invalid_argument);
  CHECK(powertuning_trimmed_mean(Eigen::VectorXd(0), 0.2) == 0);
  CHECK_THROWS_AS(powertuning_price(10, 0, 2.1e-9), std::invalid_argument);
  Eigen::VectorXd a(2), b(3);
  a << 1, 2;
  b << 1, 2, 3;
  CHECK_THROWS_WITH_AS(powertuning_statistics(a, b, 128, 2.1e-9, 0.2),
                       "billed_ms.size = 3: must equal duration_ms.size = 2",
                       std::invalid_argument);
}

TEST_CASE("Power Tuning decoded visualisations: current and 2020 formulas") {
  // The visualisation stores costs as float32; compare in float32.
  const auto doc =
      test_support::read_json("powertuning/powertuning_misc_outputs_decoded.json");
  const double base = powertuning_base_usd_per_ms("us-west-2", architecture::x86_64);
  int checked = 0;
  for (const auto& e : doc) {
    const std::string src = e["source"];
    // 2024 blog post (us-west-2, 1 ms billing): ceil(ms) * 2.1e-9 * m / 128
    const bool blog = src.rfind("blog post", 0) == 0;
    // the README's example visualisation predates 1 ms billing: 100 ms units at 2.08e-7
    const bool readme =
        src.find("aws-lambda-power-tuning@262ecc2:README.md") != std::string::npos;
    if (!blog && !readme) continue;
    const double unit_price = blog ? base : 2.08e-7;
    for (const auto& s : e["decoded_stats"]) {
      const double m = s["power"];
      const double cost = s["cost"];
      const double units = std::round(cost / (unit_price * m / 128));
      CAPTURE(src);
      CAPTURE(m);
      CHECK(static_cast<float>(powertuning_price(units, m, unit_price)) ==
            static_cast<float>(cost));
      ++checked;
    }
    if (blog) {  // the output's own cost, a double, bit for bit: ceil 13 ms at 1536 MB
      CHECK(powertuning_price(13, 1536, base) == e["output"]["cost"].get<double>());
      ++checked;
    }
  }
  CHECK(checked == 10);
}
