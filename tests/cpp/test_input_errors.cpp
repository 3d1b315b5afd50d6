// SPDX-License-Identifier: MIT
// The error contract at the C++ level: what cannot be meant is rejected with a message
// naming the field and the value; format detection never hides a parse error.
#include <doctest/doctest.h>

#include <filesystem>
#include <lambdasim/bill.hpp>
#include <lambdasim/check.hpp>
#include <lambdasim/curve.hpp>
#include <lambdasim/error.hpp>
#include <lambdasim/platform.hpp>
#include <lambdasim/simulate.hpp>
#include <lambdasim/sweep_loaders.hpp>
#include <lambdasim/traffic.hpp>
#include <lambdasim/workload.hpp>
#include <string>

#include "test_support.hpp"

using namespace lambdasim;

namespace {
std::string message_of(auto&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "<no exception>";
}
profile cpu_profile(double work_ms) {
  profile w;
  w.components = {component::cpu(work_ms)};
  return w;
}
}  // namespace

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

TEST_CASE("a simulation too long to be meant is refused with an estimate") {
  // 1e9 requests per second for a day: 8.64e13 requests, about 1.3e5 minutes at 11 M/s.
  const arrivals a = arrivals::poisson(1e9, 86400);
  simulate_options o;
  o.memory_mb = 1024;
  const auto m =
      message_of([&] { simulate(cpu_profile(100), platform::aws_lambda(), a, o); });
  CHECK(
      m ==
      "expected requests = 8.64e+13 (about 130909 min to simulate): above "
      "max_requests = 1e+09; shorten the period, lower the rate or raise max_requests");
}
