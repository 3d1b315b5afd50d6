// SPDX-License-Identifier: MIT
// Sweep loaders (sweep_loaders.hpp) against the recorded files in data/ and malformed
// inputs: REPORT lines, REPORT metrics JSON, CSV, format detection.
#include <doctest/doctest.h>

#include <filesystem>
#include <lambdasim/error.hpp>
#include <lambdasim/powertuning.hpp>
#include <lambdasim/sweep_loaders.hpp>
#include <lambdasim/workload.hpp>
#include <map>
#include <string>

#include "test_support.hpp"

using namespace lambdasim;
using test_support::cpu_profile;
using test_support::data_path;
using test_support::message_of;
using test_support::read_file;
using test_support::read_json;

namespace {
std::vector<std::pair<std::string, std::string>> lk_columns() {
  std::vector<std::pair<std::string, std::string>> c;
  const auto ref = read_json("reference/sweeps.json");
  for (const auto& [k, v] : ref["lin_khazaei_columns"].items())
    c.emplace_back(k, v.get<std::string>());
  return c;
}
}  // namespace

TEST_CASE("format detection reports the JSON parse error of a broken document") {
  load_options o;
  // truncated Power Tuning output
  const auto t = message_of([&] {
    sweep_from_text(R"({"power": 128, "cost": 1e-6, "stateMachine": {"executionCost")",
                    "t.json", o);
  });
  CHECK(t.starts_with("t.json: invalid JSON"));
  // a NaN literal is not JSON
  const auto n = message_of(
      [&] { sweep_from_text(R"({"power": 128, "duration": NaN})", "n.json", o); });
  CHECK(n.starts_with("n.json: invalid JSON"));
  // JSON log lines (one object per line) are still REPORT lines
  const std::string lines =
      R"({"time":"t","type":"platform.report","record":{"requestId":"a","metrics":{"durationMs":100.5,"billedDurationMs":101,"memorySizeMB":128,"maxMemoryUsedMB":60}}})"
      "\n"
      R"({"time":"t","type":"platform.report","record":{"requestId":"b","metrics":{"durationMs":50.5,"billedDurationMs":51,"memorySizeMB":256,"maxMemoryUsedMB":60}}})"
      "\n";
  const sweep s = sweep_from_text(lines, "log.json", o);
  CHECK(s.meta.format == "report");
  CHECK(s.rows.size() == 2);
}

TEST_CASE("a directory given as a file says so") {
  const auto dir = std::filesystem::temp_directory_path().string();
  const auto m = message_of([&] { load_sweep(dir); });
  CHECK(m == dir + ": is a directory, expected a file");
}

TEST_CASE("a Power Tuning visualization URL is accepted as is") {
  powertuning_curve c;
  c.memory_mb = {128, 1024};
  c.duration_ms = {800, 100};
  c.cost_usd = {2e-6, 2e-6};
  const std::string url = encode_visualization(c);
  REQUIRE(url.starts_with("https://"));
  const sweep s = load_sweep(url);
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[0].memory_mb == 128);
  CHECK(s.rows[1].duration_ms == 100);  // exact in float32
  CHECK(s.meta.format == "powertuning");
  // and a file holding only the URL
  const sweep t = sweep_from_text(url + "\n", "url.txt", {});
  CHECK(t.rows.size() == 2);
}

TEST_CASE("a Power Tuning array without select lists its runs") {
  const auto m = message_of([] {
    load_sweep(test_support::data_path("powertuning/github_issue_outputs.json"));
  });
  CHECK(m.find("Power Tuning runs; choose one with select (--select N): 0 = ") !=
        std::string::npos);
}

TEST_CASE("a CSV mixing several functions loads with a note") {
  csv_options o;
  o.columns = {{"memory_mb", "mem"}, {"duration_ms", "dur"}};
  const sweep s = csv_from_text(
      "function_name,mem,dur\na,128,100\nb,128,900\na,256,50\n", "mix.csv", o);
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].find("column 'function_name' holds 2 functions ('a', 'b')") !=
        std::string::npos);
  const sweep one =
      csv_from_text("memory_mb,n,duration_ms\n128,10,100\n128,10,900\n", "dup.csv", {});
  REQUIRE(one.diagnostics.size() == 1);
  CHECK(one.diagnostics[0].find("memory_mb = 128 has several per-size rows") !=
        std::string::npos);
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
  // a filter nothing matches is named as given
  o.columns = {{"memory_mb", "memory_mb"}, {"duration_ms", "duration_ms"}};
  o.where = {{"Function", "f9"}, {"region", "eu"}};
  CHECK_THROWS_WITH_AS(
      csv_from_text("memory_mb,duration_ms,Function,region\n128,1,f1,eu\n", "a.csv", o),
      "a.csv: no data rows match where Function = 'f9' and region = 'eu'",
      config_error);
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

TEST_CASE("sweep formats: one table names them, the default and the error text") {
  CHECK(enum_names<sweep_format>() ==
        std::vector<std::string>{"auto", "powertuning", "report", "report_metrics",
                                 "csv"});
  CHECK(load_options{}.format == "auto");
  load_options o;
  o.format = "xml";
  CHECK(
      message_of([&] { sweep_from_text("memory_mb,duration_ms\n128,10\n", "t", o); }) ==
      "format = 'xml': expected auto, powertuning, report, report_metrics or csv");
}

TEST_CASE("CSV arch column: the architecture the rows ran on") {
  // read without a column map (the header arch or architecture), a remark after the
  // name as data/multithread_arm64 writes it, and other tools' names for the two
  const sweep x = csv_from_text(
      "memory_mb,duration_ms,architecture\n128,10,x86_64 (CDK default; not "
      "stated)\n256,5,x86_64 (CDK default; not stated)\n");
  CHECK(x.meta.architectures == std::vector<std::string>{"x86_64"});
  CHECK(x.meta.architecture_origin == "column 'architecture'");
  CHECK(csv_from_text("memory_mb,duration_ms,arch\n128,10,aarch64\n256,5,ARM64\n")
            .meta.architectures == std::vector<std::string>{"arm64"});
  CHECK(csv_from_text("memory_mb,duration_ms,arch\n128,10,amd64\n256,5,x86-64\n")
            .meta.architectures == std::vector<std::string>{"x86_64"});
  // with a column map, an unmapped arch column is still read
  csv_options c;
  c.columns = {{"memory_mb", "m"}, {"duration_ms", "d"}};
  CHECK(csv_from_text("m,d,arch,other\n128,10,arm64,x\n", "<csv>", c)
            .meta.architectures == std::vector<std::string>{"arm64"});
  CHECK(csv_from_text("memory_mb,duration_ms\n128,10\n").meta.architectures.empty());
  // another name is an error naming the column and the line
  CHECK_THROWS_WITH_AS(csv_from_text("memory_mb,duration_ms,arch\n128,10,sparc\n"),
                       "<csv>:2: arch = 'sparc': expected x86_64 or arm64",
                       config_error);
}
