// SPDX-License-Identifier: MIT
// Sweep loaders against the recorded files in data/ and malformed inputs.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/error.hpp>
#include <lambdasim/sweep_loaders.hpp>
#include <lambdasim/workload.hpp>
#include <map>

#include "test_support.hpp"

using namespace lambdasim;
using test_support::data_path;
using test_support::read_json;

namespace {
std::string read_file(const std::string& rel) {
  std::ifstream in(data_path(rel), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
// Float32 precision: a double that went through float agrees to ~6e-8 relative.
bool same_f32(double a, double b) {
  return std::abs(a - b) <= 1.2e-7 * std::max(std::abs(a), std::abs(b));
}
std::vector<std::pair<std::string, std::string>> lk_columns() {
  std::vector<std::pair<std::string, std::string>> c;
  const auto ref = read_json("reference/sweeps.json");
  for (const auto& [k, v] : ref["lin_khazaei_columns"].items())
    c.emplace_back(k, v.get<std::string>());
  return c;
}
}  // namespace

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

TEST_CASE("REPORT lines: text, JSON, SnapStart, skipped lines") {
  const auto ref = read_json("reference/sweeps.json")["report_log_lines"];
  const auto s = load_report(data_path("report_logs/report_log_lines.txt"));
  REQUIRE(s.rows.size() == ref["rows"].get<std::size_t>());
  CHECK(s.skipped_lines == ref["skipped_lines"].get<int>());
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const auto& r = s.rows[i];
    CHECK(r.duration_ms ==
          doctest::Approx(ref["duration_ms"][i].get<double>()).epsilon(1e-12));
    CHECK(r.memory_mb == ref["memory_mb"][i].get<double>());
    CHECK(r.is_cold == ref["is_cold"][i].get<bool>());
    if (ref["init_ms"][i].is_null())
      CHECK(std::isnan(r.init_ms));
    else
      CHECK(r.init_ms == doctest::Approx(ref["init_ms"][i].get<double>()));
    if (ref["restore_ms"][i].is_null())
      CHECK(std::isnan(r.restore_ms));
    else
      CHECK(r.restore_ms == doctest::Approx(ref["restore_ms"][i].get<double>()));
  }
  // Space-separated text works like tab-separated.
  const auto sp = report_from_text(
      "REPORT RequestId: abc Duration: 10.5 ms Billed Duration: 11 ms Memory Size: 256 "
      "MB "
      "Max Memory Used: 70 MB\n");
  REQUIRE(sp.rows.size() == 1);
  CHECK(sp.rows[0].duration_ms == 10.5);
  CHECK(sp.rows[0].max_memory_used_mb == 70);
  CHECK_FALSE(sp.rows[0].is_cold);
}

TEST_CASE("truncated or malformed REPORT lines are errors with their line") {
  const std::string ok =
      "START RequestId: a\nREPORT RequestId: a\tDuration: 1 ms\tMemory Size: 128 MB\n";
  CHECK(report_from_text(ok).rows.size() == 1);
  CHECK_THROWS_WITH_AS(
      report_from_text(
          ok + "REPORT RequestId: b\tDuration: 469.40 ms\tBilled Duration: 500",
          "log.txt"),
      doctest::Contains("log.txt:3: truncated REPORT line"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("REPORT RequestId: b\tDuration: 469.40 ms\tBilled Dura",
                       "log.txt"),
      doctest::Contains("log.txt:1: truncated"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("REPORT RequestId: b\tDuration: 469.40 ms", "log.txt"),
      doctest::Contains("no 'Memory Size'"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("REPORT RequestId: b\tDuration: abc ms\tMemory Size: 128 MB",
                       "l"),
      doctest::Contains("Duration = 'abc'"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("REPORT RequestId: b\tDuration: 5 s\tMemory Size: 128 MB", "l"),
      doctest::Contains("unit 's'"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("REPORT RequestId: b\tDuration: 5 ms\tMemory Size: 0 MB", "l"),
      doctest::Contains("Memory Size"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text(
          "{\"type\":\"platform.report\",\"record\":{\"metrics\":{\"durationMs\":1",
          "l"),
      doctest::Contains("l:1: invalid JSON"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("\n{\"type\":\"platform.report\",\"record\":{\"metrics\":{"
                       "\"durationMs\":1}}}",
                       "l"),
      doctest::Contains("l:2: /record/metrics/memorySizeMB: required key is missing"),
      config_error);
  // Other JSON log records are skipped and counted.
  const auto s = report_from_text("{\"type\":\"platform.start\",\"record\":{}}\n");
  CHECK(s.rows.empty());
  CHECK(s.skipped_lines == 1);
}

TEST_CASE("REPORT metrics JSON: every runtime x arch series") {
  const auto text = read_file("report_logs/lambda_benchmark_328c27e.json");
  const auto series = report_metrics_series(text);
  CHECK(series.size() == 8);
  const auto j = read_json("report_logs/lambda_benchmark_328c27e.json");
  for (const auto& name : series) {
    const auto s = report_metrics_from_json(text, name, "m.json");
    const auto slash = name.find('/');
    std::size_t n = 0;
    for (const auto& rows : j["data"][name.substr(0, slash)][name.substr(slash + 1)])
      n += rows.size();
    CHECK(s.rows.size() == n);
    CHECK(s.sizes().size() == 12);
  }
  // The first dotnet6/arm64 invocation, read from the file by hand.
  const auto s = report_metrics_from_json(text, "dotnet6/arm64");
  CHECK(s.rows[0].memory_mb == 128);
  CHECK(s.rows[0].duration_ms == 10392.83);
  CHECK(s.rows[0].init_ms == 296.3);
  CHECK(s.rows[0].is_cold);
  CHECK_THROWS_WITH_AS(report_metrics_from_json(text, "", "m.json"),
                       doctest::Contains("8 series; choose one of: dotnet6/arm64"),
                       config_error);
  CHECK_THROWS_WITH_AS(report_metrics_from_json(text, "java/x86_64", "m.json"),
                       doctest::Contains("no such series"), config_error);
  CHECK_THROWS_WITH_AS(
      report_metrics_from_json(R"({"data": {"a": {"128": [{"duration": -1}]}}})", "",
                               "m.json"),
      doctest::Contains("m.json: /data/a/128/0"), config_error);
}

TEST_CASE("CSV: the verbatim Lin & Khazaei logs reproduce the derived summary") {
  const auto summary =
      test_support::read_csv("lin_khazaei_2020/summary_by_function_memory.csv");
  const auto text = read_file("lin_khazaei_2020/App6_Lambda_Logs.csv");
  const auto per_fn =
      read_json("reference/sweeps.json")["lin_khazaei_rows_per_function"]["value"]
          .get<std::size_t>();
  for (const char* f : {"f1", "f2", "f3", "f4", "f5", "f6"}) {
    csv_options o;
    o.columns = lk_columns();
    o.where = {{"Function", f}};
    const auto s = csv_from_text(text, "App6.csv", o);
    CHECK(s.rows.size() == per_fn);
    const auto sum = s.summarize();
    REQUIRE(sum.size() == 46);
    for (std::size_t i = 0; i < summary.at("function").size(); ++i) {
      if (summary.at("function")[i] != f) continue;
      const double m = std::stod(summary.at("memory_mb")[i]);
      const double med = std::stod(summary.at("duration_median_ms")[i]);
      const auto k = static_cast<Eigen::Index>((m - 128) / 64);
      CHECK(sum.memory_mb[k] == m);
      CHECK(std::abs(sum.duration_ms[k] - med) <=
            0.0051);  // the summary has 2 decimals
    }
  }
  // The derived summary itself loads as a per-size CSV with a column map.
  csv_options o;
  o.columns = {{"memory_mb", "memory_mb"},
               {"duration_ms", "duration_median_ms"},
               {"n", "n"},
               {"p5_ms", "duration_p5_ms"},
               {"p95_ms", "duration_p95_ms"}};
  o.where = {{"function", "f2"}};
  const auto s =
      load_csv(data_path("lin_khazaei_2020/summary_by_function_memory.csv"), o);
  CHECK(s.rows.size() == 46);
  CHECK(s.rows[0].per_size);
  CHECK(s.summarize().n[0] == 100);
}

TEST_CASE("canonical CSV and malformed CSV") {
  const auto s = csv_from_text(
      "memory_mb,duration_ms,billed_duration_ms,init_duration_ms,max_memory_used_mb\n"
      "128,100.5,101,,60\n128,300,300,250.5,61\n\"1024\",20,20,,62\n");
  REQUIRE(s.rows.size() == 3);
  CHECK_FALSE(s.rows[0].is_cold);
  CHECK(s.rows[1].is_cold);
  CHECK(s.rows[2].memory_mb == 1024);
  const auto sum = s.summarize();
  CHECK(sum.duration_ms[0] == 100.5);  // the warm row only
  CHECK(sum.init_ms[0] == 250.5);
  CHECK(sum.n_cold[0] == 1);
  const auto per_size =
      csv_from_text("memory_mb,duration_ms,n\n128,100,10\n256,50,10\n");
  CHECK(per_size.rows[1].per_size);
  CHECK(per_size.summarize().n[1] == 10);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms\n128,1\n256\n", "a.csv"),
                       doctest::Contains("a.csv:3: 1 cells but the header has 2"),
                       config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms\n128,x\n", "a.csv"),
                       doctest::Contains("a.csv:2: duration_ms = 'x'"), config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms\n128,-5\n", "a.csv"),
                       doctest::Contains("a.csv:2: duration_ms = -5"), config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duraton_ms\n128,5\n", "a.csv"),
                       doctest::Contains("unknown column 'duraton_ms'"), config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb\n128\n", "a.csv"),
                       doctest::Contains("missing column 'duration_ms'"), config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms\n\"128,5\n", "a.csv"),
                       doctest::Contains("unterminated quote"), config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("", "a.csv"), doctest::Contains("empty CSV"),
                       config_error);
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms\n", "a.csv"),
                       doctest::Contains("no data rows"), config_error);
  csv_options o;
  o.where = {{"Function", "f1"}};
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms\n128,1\n", "a.csv", o),
                       doctest::Contains("no column 'Function'"), config_error);
}

TEST_CASE("load_sweep detects the format") {
  CHECK(load_sweep(data_path("report_logs/report_log_lines.txt")).meta.format ==
        "report");
  CHECK(load_sweep(data_path("powertuning/aws_docs_prime_example.json")).meta.format ==
        "aws_docs");
  load_options o;
  o.select = "python311/arm64";
  CHECK(load_sweep(data_path("report_logs/lambda_benchmark_328c27e.json"), o)
            .meta.format == "report_metrics");
  o.select = "3";
  CHECK(load_sweep(data_path("powertuning/unfaasener_runs.json"), o).sizes().size() ==
        10);
  o.select = "70";
  CHECK_THROWS_WITH_AS(load_sweep(data_path("powertuning/unfaasener_runs.json"), o),
                       doctest::Contains("select = '70'"), std::invalid_argument);
  CHECK_THROWS_AS(load_sweep(data_path("nonexistent.csv")), config_error);
}

TEST_CASE("aggregation: median, Power Tuning trimmed mean, percentiles") {
  // 10 values 1..10: median 5.5; trimmed mean drops floor(10*0.2) = 2 at each end:
  // mean(3..8) = 5.5; with an outlier 100 instead of 10 the median and trimmed mean
  // stay.
  std::vector<double> v{100, 2, 3, 4, 5, 6, 7, 8, 9, 1};
  CHECK(detail::aggregate_values(v, aggregation::median) == 5.5);
  CHECK(detail::aggregate_values(v, aggregation::trimmed_mean) == 5.5);
  CHECK(detail::aggregate_values(v, aggregation::mean) == doctest::Approx(14.5));
  // type-7 percentile of 1..10 (sorted): h = 0.05 * 9 = 0.45 -> 1.45
  std::vector<double> s{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(detail::percentile_sorted(s, 0.05) == doctest::Approx(1.45));
  CHECK(aggregation_from_string("trimmed_mean") == aggregation::trimmed_mean);
  CHECK_THROWS_AS(aggregation_from_string("mode"), std::invalid_argument);
}

TEST_CASE("fuzz regressions: numbers out of double range are config errors") {
  // crash-df4132d2 (fuzz_profile_json): nlohmann throws out_of_range, not parse_error,
  // for "1889e8888"; it escaped as an unexpected exception and terminated.
  CHECK_THROWS_WITH_AS(profile::from_json("1889e8888\"api#", "p.json"),
                       doctest::Contains("p.json: invalid JSON"), config_error);
  CHECK_THROWS_AS(powertuning_from_json("{\"power\": 1e9999}", "o.json"), config_error);
  CHECK_THROWS_WITH_AS(
      report_from_text("{\"type\":\"platform.report\",\"x\":1e9999}", "l"),
      doctest::Contains("l:1: invalid JSON"), config_error);
  // Auto-detection: not one JSON document, so JSON log lines; not a platform.report
  // record, so skipped and counted.
  const auto s = sweep_from_text("{\"a\": 1e9999}", "s");
  CHECK(s.rows.empty());
  CHECK(s.skipped_lines == 1);
}
