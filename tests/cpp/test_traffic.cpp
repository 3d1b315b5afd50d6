// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <lambdasim/error.hpp>
#include <lambdasim/traffic.hpp>
#include "detail/csv.hpp"

#include "test_support.hpp"

using namespace lambdasim;

namespace {
std::string temp_csv(const std::string& name, const std::string& text) {
  const auto p =
      std::filesystem::temp_directory_path() / ("lambdasim_test_" + name + ".csv");
  std::ofstream(p) << text;
  return p.string();
}
std::size_t data_lines(const std::string& rel) {
  std::ifstream in(test_support::data_path(rel));
  std::size_t n = 0;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) ++n;
  return n - 1;  // header
}
}  // namespace

TEST_CASE("the 2020 traces load as is by client_start_time") {
  for (const char* f :
       {"res-01-2020-05-26_01-31-35.csv", "res-01-2020-05-28_01-57-40.csv",
        "res-01-2020-06-09_01-04-58.csv", "res-01-2020-06-13_23-39-35.csv"}) {
    const std::string rel = std::string("coldstarts/traces_2020/") + f;
    CAPTURE(rel);
    const auto a =
        arrivals::load_csv(test_support::data_path(rel), "client_start_time");
    const auto cols = test_support::read_quoted_csv(rel);
    const auto& t = cols.at("client_start_time");
    REQUIRE(a.times_s.size() == data_lines(rel));
    CHECK(a.kind == arrival_kind::trace);
    CHECK(a.times_s.front() == 0);
    CHECK(a.period_s() ==
          doctest::Approx(std::stod(t.back()) - std::stod(t.front())).epsilon(1e-12));
    CHECK(a.expected_requests() == static_cast<double>(t.size()));
  }
}

TEST_CASE("trace csv errors name the file, line and column") {
  const auto ok = temp_csv("ok", "id,timestamp_s\na,10\nb,\"12.5\"\nc,20\n");
  const auto a = arrivals::load_csv(ok);
  CHECK(a.times_s == std::vector<double>{0, 2.5, 10});
  CHECK(arrivals::load_csv(ok, "timestamp_s").times_s == a.times_s);
  CHECK_THROWS_WITH_AS(arrivals::load_csv(ok, "when"),
                       doctest::Contains("no column 'when' (columns: id, timestamp_s)"),
                       config_error);
  // the default column falls back to client_start_time; is_cold gives the initial state
  const auto rec = temp_csv("rec", "is_cold,client_start_time\nFalse,100\nTrue,700\n");
  CHECK(arrivals::load_csv(rec).times_s == std::vector<double>{0, 600});
  CHECK(arrivals::load_csv(rec).warm_at_start == 1);
  CHECK(a.warm_at_start == 0);
  CHECK_THROWS_WITH_AS(
      arrivals::load_csv(temp_csv("badcold", "is_cold,timestamp_s\nmaybe,1\nTrue,2\n")),
      doctest::Contains("line 2: column 'is_cold' = 'maybe'"), config_error);
  const auto unsorted = temp_csv("unsorted", "timestamp_s\n10\n30\n20\n");
  CHECK_THROWS_WITH_AS(
      arrivals::load_csv(unsorted),
      doctest::Contains("line 4: column 'timestamp_s' = 20: the trace is not sorted"),
      config_error);
  const auto text = temp_csv("text", "timestamp_s\n10\nsoon\n");
  CHECK_THROWS_WITH_AS(
      arrivals::load_csv(text),
      doctest::Contains("line 3: column 'timestamp_s' = 'soon': not a number"),
      config_error);
  const auto one = temp_csv("one", "timestamp_s\n10\n");
  CHECK_THROWS_AS(arrivals::load_csv(one), config_error);
  // a directory is named as one, not read as an empty file
  const auto dir = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH_AS(arrivals::load_csv(dir),
                       (dir + ": is a directory, expected a file").c_str(),
                       config_error);
  CHECK_THROWS_WITH_AS(arrivals::load_csv("/nonexistent/trace.csv"),
                       doctest::Contains("/nonexistent/trace.csv: cannot open file"),
                       config_error);
}

TEST_CASE("arrival validation") {
  CHECK_THROWS_WITH_AS(arrivals::poisson(-1, 10),
                       "rate_per_s = -1: must be >= 0 and finite (requests per second)",
                       std::invalid_argument);
  CHECK_THROWS_AS(arrivals::poisson(std::nan(""), 10), std::invalid_argument);
  CHECK_THROWS_WITH_AS(arrivals::poisson(1, 0),
                       "duration_s = 0: must be > 0 and finite", std::invalid_argument);
  CHECK_THROWS_WITH_AS(arrivals::piecewise({1, -2}, 3600, 86400),
                       doctest::Contains("rates_per_s[1] = -2"), std::invalid_argument);
  CHECK_THROWS_AS(arrivals::piecewise({}, 3600, 86400), std::invalid_argument);
  CHECK_THROWS_WITH_AS(arrivals::piecewise({1}, 0, 86400),
                       doctest::Contains("segment_s = 0"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(arrivals::trace({5, 7, 6}),
                       doctest::Contains("timestamps_s[2] = 6: the trace is not "
                                         "sorted: earlier than timestamps_s[1] = 7"),
                       std::invalid_argument);
  CHECK_THROWS_AS(arrivals::trace({5}), std::invalid_argument);
  CHECK_THROWS_AS(arrivals::trace({5, 5}), std::invalid_argument);
}

TEST_CASE("expected requests by hand") {
  // 2 days of 24 hourly rates 0, 1, ..., 23 per second: 2 * 3600 * (0 + ... + 23) =
  // 1987200
  std::vector<double> rates(24);
  for (int h = 0; h < 24; ++h) rates[static_cast<std::size_t>(h)] = h;
  CHECK(arrivals::piecewise(rates, 3600, 2 * 86400).expected_requests() == 1987200);
  // 1.5 hours of rates {2, 4} per hour-long segment: 3600 * 2 + 1800 * 4 = 14400
  CHECK(arrivals::piecewise({2, 4}, 3600, 5400).expected_requests() == 14400);
  CHECK(arrivals::poisson(3, 100).expected_requests() == 300);
}

TEST_CASE("csv splitting handles quotes") {
  const auto f =
      detail::split_csv_line(R"csv(0,False,"2,Intel(R) Xeon(R)",x,"say ""hi""")csv");
  REQUIRE(f.size() == 5);
  CHECK(f[2] == "2,Intel(R) Xeon(R)");
  CHECK(f[4] == "say \"hi\"");
}

TEST_CASE("a trace with an unterminated quote is an error naming the line") {
  const auto path =
      std::filesystem::temp_directory_path() / "lambdasim_quote_trace.csv";
  {
    std::ofstream out(path);
    out << "timestamp_s,note\n1,ok\n2,\"open\n";
  }
  CHECK_THROWS_WITH_AS(lambdasim::arrivals::load_csv(path.string(), ""),
                       (path.string() + ": line 3: unterminated quote").c_str(),
                       lambdasim::config_error);
  std::filesystem::remove(path);
}
