// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/error.hpp>
#include <lambdasim/powertuning.hpp>
#include <lambdasim/sweep_loaders.hpp>
#include <map>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace lambdasim;
using test_support::data_path;
using test_support::read_file;
using test_support::read_json;
using test_support::same_f32;

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

TEST_CASE("visualization of every recorded Power Tuning output holds its own power") {
  // unfaasener: 70 real outputs with power, duration and cost beside the URL.
  const auto runs = read_json("powertuning/unfaasener_runs.json");
  REQUIRE(runs.size() == 70);
  std::vector<std::string> mismatched;
  for (const auto& r : runs) {
    const auto& out = r["output"];
    const auto c =
        decode_visualization(out["stateMachine"]["visualization"].get<std::string>());
    const double power = out["power"].get<double>();
    bool found = false;
    for (std::size_t i = 0; i < c.memory_mb.size(); ++i) {
      if (c.memory_mb[i] != power) continue;
      found = true;
      CHECK(same_f32(c.duration_ms[i], out["duration"].get<double>()));
      CHECK(same_f32(c.cost_usd[i], out["cost"].get<double>()));
    }
    CHECK_MESSAGE(found, r["run"].get<std::string>());
    // The sizes are the execution input's powerValues, except in three records whose
    // README pairs an input with another run's output (checked by hand: e.g. Resize
    // "Fourth Run" lists 10 powerValues, its output URL holds 8 sizes).
    if (c.memory_mb != r["input"]["powerValues"].get<std::vector<double>>())
      mismatched.push_back(r["function"].get<std::string>() + " " +
                           r["run"].get<std::string>());
  }
  CHECK(mismatched == std::vector<std::string>{"ImageProcessingResize Fourth Run",
                                               "ImageProcessingResize Second Run",
                                               "ImageProcessingRotate Third Run"});
  // The blog post output (misc[4]) carries its own power/duration/cost.
  const auto misc = read_json("powertuning/powertuning_misc_outputs_decoded.json");
  {
    const auto& out = misc[4]["output"];
    const auto c =
        decode_visualization(out["stateMachine"]["visualization"].get<std::string>());
    CHECK(c.memory_mb[1] == out["power"].get<double>());
    CHECK(same_f32(c.duration_ms[1], out["duration"].get<double>()));
    CHECK(same_f32(c.cost_usd[1], out["cost"].get<double>()));
  }
  // misc[0] is the README's example: its note says the output fields are illustrative
  // and do NOT correspond to the URL (README duration 2.9 ms at 128 MB; URL 37,002 ms).
  {
    const auto& out = misc[0]["output"];
    const auto c =
        decode_visualization(out["stateMachine"]["visualization"].get<std::string>());
    CHECK(c.memory_mb[0] == 128);
    CHECK_FALSE(same_f32(c.duration_ms[0], out["duration"].get<double>()));
  }
}

TEST_CASE("decoded visualizations equal the independently decoded stats") {
  const auto misc = read_json("powertuning/powertuning_misc_outputs_decoded.json");
  for (const auto& e : misc) {
    const auto c = decode_visualization(
        e["output"]["stateMachine"]["visualization"].get<std::string>());
    const auto& d = e["decoded_stats"];
    REQUIRE(c.memory_mb.size() == d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
      CHECK(c.memory_mb[i] == d[i]["power"].get<double>());
      CHECK(c.duration_ms[i] == d[i]["duration"].get<double>());
      CHECK(c.cost_usd[i] == d[i]["cost"].get<double>());
    }
  }
}

TEST_CASE("visualization encode and decode round-trip") {
  // decode -> encode reproduces every recorded URL character for character.
  for (const auto& r : read_json("powertuning/unfaasener_runs.json")) {
    const auto url = r["output"]["stateMachine"]["visualization"].get<std::string>();
    const auto enc = encode_visualization(decode_visualization(url));
    CHECK(enc.substr(enc.find('#')) == url.substr(url.find('#')));
  }
  // encode -> decode gives the float32-rounded values back.
  powertuning_curve c{
      {128, 1769, 10240}, {11722.123456, 0.1, 1e6}, {2.1e-9, 3e-7, 0.5}};
  const auto d = decode_visualization(encode_visualization(c));
  CHECK(d.memory_mb == c.memory_mb);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(d.duration_ms[i] ==
          static_cast<double>(static_cast<float>(c.duration_ms[i])));
    CHECK(d.cost_usd[i] == static_cast<double>(static_cast<float>(c.cost_usd[i])));
  }
  // Padding lengths 0, 1, 2: one, two and three sizes.
  for (std::size_t n = 1; n <= 3; ++n) {
    powertuning_curve e;
    for (std::size_t i = 0; i < n; ++i) {
      e.memory_mb.push_back(128.0 * static_cast<double>(i + 1));
      e.duration_ms.push_back(1.5 * static_cast<double>(i + 1));
      e.cost_usd.push_back(0.25);
    }
    CHECK(decode_visualization(encode_visualization(e)) == e);
  }
  CHECK_THROWS_AS(encode_visualization({{40000}, {1}, {1}}), std::invalid_argument);
}

TEST_CASE("malformed visualizations are rejected naming the field") {
  CHECK_THROWS_WITH_AS(decode_visualization("https://x/#encodeddata"),
                       doctest::Contains("three base64 fields"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(decode_visualization("#gAA*;AAAAAA==;AAAAAA=="),
                       doctest::Contains("visualization sizes"), std::invalid_argument);
  // 2 sizes, 1 duration
  CHECK_THROWS_WITH_AS(decode_visualization("#gAAAAQ==;AAAAAA==;AAAAAA=="),
                       doctest::Contains("2 sizes but 1 durations"),
                       std::invalid_argument);
  CHECK_THROWS_AS(decode_visualization("#gAA;AAAA;AAAA"), std::invalid_argument);
  CHECK_THROWS_AS(decode_visualization("#;;"), std::invalid_argument);
}

TEST_CASE("every file in data/powertuning loads") {
  // unfaasener: num and strategy from the execution input, region beside it.
  const auto runs =
      load_powertuning_runs(data_path("powertuning/unfaasener_runs.json"));
  REQUIRE(runs.size() == 70);
  CHECK(runs[0].meta.num == 10);
  CHECK(runs[0].meta.strategy == "cost");
  CHECK(runs[0].meta.region == "us-east-2");
  CHECK(runs[0].sizes() == std::vector<double>{128, 256, 512, 1024, 2048, 3008});
  // #265: stats (float64) when present, in the order of the values.
  const auto gh =
      load_powertuning_runs(data_path("powertuning/github_issue_outputs.json"));
  REQUIRE(gh.size() == 2);
  REQUIRE(gh[0].rows.size() == 6);
  CHECK(gh[0].rows[0].duration_ms == 443.89949999999993);
  CHECK(gh[0].rows[5].cost_usd == 0.0000018816000000000001);
  // #83: a placeholder URL and no stats: only the chosen power, with a diagnostic.
  REQUIRE(gh[1].rows.size() == 1);
  CHECK(gh[1].rows[0].memory_mb == 512);
  CHECK(gh[1].diagnostics.size() == 1);
  CHECK_THROWS_AS(load_powertuning(data_path("powertuning/github_issue_outputs.json")),
                  config_error);  // two runs: ambiguous
  const auto misc = load_powertuning_runs(
      data_path("powertuning/powertuning_misc_outputs_decoded.json"),
      powertuning_source::visualization);
  CHECK(misc.size() == 5);
  CHECK(misc[1].sizes().size() == 6);
  CHECK(misc[4].meta.num == 50);
  CHECK(misc[4].meta.strategy == "balanced");
  const auto ref = read_json("reference/sweeps.json")["aws_docs_prime"];
  const auto docs =
      load_powertuning(data_path("powertuning/aws_docs_prime_example.json"));
  const auto sum = docs.summarize();
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(sum.memory_mb[static_cast<Eigen::Index>(i)] ==
          ref["memory_mb"][i].get<double>());
    CHECK(sum.duration_ms[static_cast<Eigen::Index>(i)] ==
          doctest::Approx(ref["duration_ms"][i].get<double>()).epsilon(1e-12));
  }
  const auto input = load_powertuning(
      data_path("powertuning/powertuning_sample-execution-input.json"));
  CHECK(input.rows.empty());
  CHECK(input.meta.num == 5);
}

TEST_CASE("malformed Power Tuning JSON names the pointer") {
  CHECK_THROWS_WITH_AS(
      powertuning_from_json(R"({"power": 128, "cost": 1, "duration": 2, "stateMachine":
        {"visualization": "#gAA=;AAAAAA==;AAAAAA=="}, "typo": 1})",
                            "o.json"),
      doctest::Contains("o.json: /typo: unknown key"), config_error);
  CHECK_THROWS_WITH_AS(
      powertuning_from_json(R"({"results": {"power": "x", "cost": 1, "duration": 2,
        "stateMachine": {"visualization": ""}}})",
                            "o.json"),
      doctest::Contains("/results/power"), config_error);
  CHECK_THROWS_WITH_AS(
      powertuning_from_json(R"({"power": 1, "cost": 1, "duration": 2, "stateMachine":
        {"visualization": "#"}, "stats": [{"value": 128, "averagePrice": 1}]})",
                            "o.json"),
      doctest::Contains("/stats/0/averageDuration"), config_error);
  CHECK_THROWS_WITH_AS(
      powertuning_from_json(R"({"power": 1, "cost": 1, "duration": 2, "stateMachine":
        {"visualization": "#"}, "stats": [{"value": -128, "averagePrice": 1, "averageDuration": 5}]})",
                            "o.json"),
      doctest::Contains("memory_mb = -128"), config_error);
  CHECK_THROWS_AS(powertuning_from_json("{\"power\": 1,", "o.json"), config_error);
  CHECK_THROWS_AS(powertuning_from_json("[]", "o.json"), config_error);
  CHECK_THROWS_WITH_AS(powertuning_from_json("{\"x\": 1}", "o.json"),
                       doctest::Contains("not a Power Tuning output"), config_error);
  // Wrapped in "results", from the visualization (bare output, stats absent).
  const auto s = powertuning_from_json(
      R"({"results": {"power": 128, "cost": 1e-7, "duration": 3.5, "stateMachine":
         {"executionCost": 0.1, "lambdaCost": 0.2,
          "visualization": ")" +
      encode_visualization({{128, 256}, {3.5, 2}, {1e-7, 2e-7}}) + R"("}}})");
  CHECK(s.sizes() == std::vector<double>{128, 256});
}

TEST_CASE("Power Tuning's default powerValues come from models/") {
  // template.yml 4.3.4, parameter PowerValues: Default: 128,256,512,1024,1536,3008
  CHECK(powertuning_power_values_mb() ==
        std::vector<double>{128, 256, 512, 1024, 1536, 3008});
}

TEST_CASE(
    "a Power Tuning record may say which architecture ran (beside input/output)") {
  // Power Tuning's own input and output do not; a record wrapping them may.
  const std::string output =
      R"("output": {"power": 512, "cost": 7.56e-07, "duration": 88.5, "stateMachine": {"visualization":
         "https://lambda-power-tuning.show/#encodeddata"},
         "stats": [{"value": 128, "averagePrice": 9.345e-07, "averageDuration": 443.9},
                   {"value": 512, "averagePrice": 7.56e-07, "averageDuration": 88.5}]})";
  const sweep plain = powertuning_from_json("{" + output + "}");
  CHECK(plain.meta.architectures.empty());
  const sweep arm =
      powertuning_from_json(R"({"architecture": "arm64", )" + output + "}");
  CHECK(arm.meta.architectures == std::vector<std::string>{"arm64"});
  CHECK(arm.meta.architecture_origin == "the record's \"architecture\"");
  CHECK_THROWS_WITH_AS(
      powertuning_from_json(R"({"architecture": "sparc", )" + output + "}"),
      doctest::Contains("architecture = 'sparc': expected x86_64 or arm64"),
      config_error);
}
