// SPDX-License-Identifier: MIT
// The recording date a file carries (REPORT timestamps, a CSV timestamp column) and the
// platform the fit chooses from it: hand-made files on both sides of 2020-12-01, the
// day AWS moved from 1,792 to 1,769 MB per vCPU and from 100 ms to 1 ms billing.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/error.hpp>
#include <lambdasim/fit.hpp>
#include <lambdasim/predict.hpp>
#include <lambdasim/sweep_loaders.hpp>
#include <string>

using namespace lambdasim;

namespace {
// REPORT lines of a 1,000 ms CPU-bound function on `p` at 128, 1,024 and 1,792 MB,
// five per size (1 % apart), each line prefixed by `stamp` as a CloudWatch export
// writes it ("<timestamp>\tREPORT RequestId: ...").
std::string report_lines(const std::string& stamp, const platform& p) {
  profile w;
  w.components = {component::cpu(1000)};
  std::string text = "START RequestId: x Version: $LATEST\n";
  for (double m : {128.0, 1024.0, 1792.0})
    for (double f : {0.98, 0.99, 1.0, 1.01, 1.02}) {
      char line[300];
      std::snprintf(
          line, sizeof line,
          "%s\tREPORT RequestId: r\tDuration: %.2f ms\tBilled Duration: 1 ms\t"
          "Memory Size: %.0f MB\tMax Memory Used: 40 MB\n",
          stamp.c_str(), f * warm_ms(w, p, m), m);
      text += line;
    }
  return text;
}
fit_options no_bootstrap() {
  fit_options o;
  o.bootstrap = 0;
  return o;
}
fit_result fit_text(const std::string& text, const fit_options& o = no_bootstrap()) {
  return fit(report_from_text(text, "hand.log"), platform::aws_lambda(), o);
}
}  // namespace

TEST_CASE("dates in files: REPORT timestamps choose the platform of the day") {
  const platform old = platform::named("aws-lambda-2020");
  // The last day of the 2020 platform: 1,792 MB per vCPU.
  const sweep s = report_from_text(report_lines("2020-11-30T23:59:59.000Z", old));
  CHECK(s.meta.date == "2020-11-30");
  CHECK(s.meta.date_origin == "the earliest timestamp of its REPORT lines");
  const fit_result f = fit_text(report_lines("2020-11-30T23:59:59.000Z", old));
  CHECK(f.platform_name == "aws-lambda-2020");
  CHECK(f.profile.platform == "aws-lambda-2020");
  CHECK(f.reason.find("platform aws-lambda-2020 (in force on 2020-11-30), the date in "
                      "the file: the earliest timestamp of its REPORT lines (date= "
                      "overrides it)") != std::string::npos);
  // Recorded at 1,792 MB per vCPU, the 1,000 ms of work is found as such.
  CHECK(f.profile.total(component_kind::cpu) == doctest::Approx(1000).epsilon(0.02));

  // The first day of the current platform (epoch seconds, as `aws logs` prints them:
  // 1606780800 s = 18,597 days = 2020-01-01 (day 18,262) + 335 days = 2020-12-01).
  const platform now = platform::aws_lambda();
  const sweep s2 = report_from_text(report_lines("1606780800", now));
  CHECK(s2.meta.date == "2020-12-01");
  const fit_result f2 = fit_text(report_lines("1606780800000", now));  // milliseconds
  CHECK(f2.platform_name == "aws-lambda");
  CHECK(f2.reason.find("in force on 2020-12-01") != std::string::npos);

  // An explicit date overrides the file's.
  fit_options o = no_bootstrap();
  o.date = "2021-03-01";
  const fit_result f3 = fit_text(report_lines("2020-11-30T10:00:00Z", old), o);
  CHECK(f3.platform_name == "aws-lambda");
  CHECK(f3.reason.find("in force on 2021-03-01)") != std::string::npos);
  CHECK(f3.reason.find("the date in the file") == std::string::npos);

  // A platform of its own (here a copy of aws-lambda under another name) is kept.
  platform mine = platform::aws_lambda();
  mine.name = "negotiated";
  const fit_result f4 =
      fit(report_from_text(report_lines("2020-01-15", old)), mine, no_bootstrap());
  CHECK(f4.platform_name == "negotiated");

  // No timestamp: no date, the platform passed.
  const fit_result f5 = fit_text(report_lines("", now));
  CHECK(f5.platform_name == "aws-lambda");
  CHECK(f5.reason.find("in force on") == std::string::npos);

  // The earliest of several dates; JSON records date by their "time".
  const std::string two =
      report_lines("2021-02-01", now) + report_lines("2020-12-15", now);
  CHECK(report_from_text(two).meta.date == "2020-12-15");
  const std::string json_log =
      R"({"time":"2020-06-09T08:42:44.080Z","type":"platform.report","record":)"
      R"({"requestId":"d","metrics":{"durationMs":1.3,"billedDurationMs":100,)"
      R"("memorySizeMB":1024,"maxMemoryUsedMB":68}}})";
  const sweep sj = report_from_text(json_log);
  CHECK(sj.meta.date == "2020-06-09");
  CHECK(sj.meta.date_origin == "the earliest \"time\" of its platform.report records");
}

TEST_CASE("dates in files: CSV timestamp columns") {
  // ISO dates in a `date` column (no column map needed).
  const sweep a = csv_from_text(
      "memory_mb,duration_ms,date\n128,1000,2020-11-30\n1024,200,2020-12-02\n");
  CHECK(a.meta.date == "2020-11-30");
  CHECK(a.meta.date_origin == "the earliest 'date' of its rows");
  // Epoch milliseconds by the header's _ms; an empty cell is unknown.
  const sweep b = csv_from_text(
      "memory_mb,duration_ms,timestamp_ms\n128,1000,1606780800000\n1024,200,\n");
  CHECK(b.meta.date == "2020-12-01");
  // A column map leaves an unmapped timestamp column dating the sweep: the recorded CDK
  // function (timestamp_ms 1696905423774 = 2023-10-10T02:37:03Z by hand: 19,640 days =
  // 2023-01-01 (day 19,358) + 282 days = 10 October).
  csv_options o;
  o.columns = {{"memory_mb", "memory_mb"}, {"duration_ms", "duration_ms"}};
  const sweep c = load_csv(
      LAMBDASIM_DATA_DIR "/multithread_arm64/cdk_bucketdeployment_2023.csv", o);
  CHECK(c.meta.date == "2023-10-10");
  // A cell that is no timestamp names the column and the value.
  CHECK_THROWS_WITH_AS(
      csv_from_text("memory_mb,duration_ms,timestamp\n128,1000,yesterday\n", "t.csv"),
      doctest::Contains("t.csv:2: timestamp = 'yesterday': expected an ISO 8601 date"),
      config_error);
  // Power Tuning output carries no date.
  const sweep pt =
      load_sweep(LAMBDASIM_DATA_DIR "/powertuning/aws_docs_prime_example.json");
  CHECK(pt.meta.date.empty());
}
