// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/bill.hpp>
#include <lambdasim/error.hpp>
#include <random>
#include <string>

#include "test_support.hpp"

using namespace lambdasim;

namespace {
profile profile_of(const nlohmann::json& j) {
  profile w;
  w.components = {component::io(j.at("io_ms").get<double>())};
  w.init_ms = j.at("init_ms").get<double>();
  return w;
}

bill_options options_of(const nlohmann::json& j) {
  bill_options o;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    const auto& v = it.value();
    if (k == "requests_per_month")
      o.requests_per_month = v;
    else if (k == "cold_fraction")
      o.cold_fraction = v;
    else if (k == "provisioned_concurrency")
      o.provisioned_concurrency = v;
    else if (k == "provisioned_hours")
      o.provisioned_hours = v;
    else if (k == "provisioned_request_fraction")
      o.provisioned_request_fraction = v;
    else if (k == "free_tier")
      o.free_tier = v;
    else if (k == "storage_mb")
      o.storage_mb = v;
    else if (k == "date")
      o.date = v.get<std::string>();
    else if (k == "package")
      o.package = package_type_from_string(v.get<std::string>());
    else if (k == "snapstart")
      o.snapstart = v;
    else if (k == "snapstart_restore_ms")
      o.snapstart_restore_ms = v;
    else if (k == "snapstart_cache_hours")
      o.snapstart_cache_hours = v;
    else if (k == "account_gb_s_offset")
      o.account_gb_s_offset = v;
    else
      throw std::runtime_error("test: unknown option " + k);
  }
  return o;
}

double field(const monthly_bill& b, const std::string& k) {
  if (k == "requests") return b.requests;
  if (k == "gb_s") return b.gb_s;
  if (k == "compute_usd") return b.compute_usd;
  if (k == "requests_usd") return b.requests_usd;
  if (k == "init_usd") return b.init_usd;
  if (k == "storage_usd") return b.storage_usd;
  if (k == "provisioned_usd") return b.provisioned_usd;
  if (k == "snapstart_usd") return b.snapstart_usd;
  if (k == "total_usd") return b.total_usd;
  if (k == "billable_gb_s") return b.billable_gb_s;
  if (k == "billable_requests") return b.billable_requests;
  if (k == "cold_starts") return b.cold_starts;
  if (k == "init_gb_s") return b.init_gb_s;
  if (k == "provisioned_gb_s") return b.provisioned_gb_s;
  if (k == "provisioned_enabled_gb_s") return b.provisioned_enabled_gb_s;
  if (k == "storage_gb_s") return b.storage_gb_s;
  if (k == "snapstart_cache_gb_s") return b.snapstart_cache_gb_s;
  if (k == "snapstart_restore_gb") return b.snapstart_restore_gb;
  if (k == "warm_billed_ms") return b.warm_billed_ms;
  if (k == "cold_billed_ms") return b.cold_billed_ms;
  if (k == "granularity_ms") return b.granularity_ms;
  if (k == "init_billed") return b.init_billed ? 1 : 0;
  throw std::runtime_error("test: unknown field " + k);
}
}  // namespace

TEST_CASE("monthly bill hand cases in data/reference/billing.json") {
  const auto ref = test_support::read_json("reference/billing.json");
  REQUIRE(ref["bill_cases"].size() >= 12);
  for (const auto& c : ref["bill_cases"]) {
    CAPTURE(c["case"].get<std::string>());
    const price_table prices =
        price_table::aws(c["region"].get<std::string>(),
                         architecture_from_string(c["arch"].get<std::string>()));
    const monthly_bill b =
        compute_bill(profile_of(c["profile"]), platform::aws_lambda(), prices,
                     c["memory_mb"], options_of(c["options"]));
    for (auto it = c["expected"].begin(); it != c["expected"].end(); ++it) {
      CAPTURE(it.key());
      const double want = it.value().is_boolean() ? (it.value().get<bool>() ? 1 : 0)
                                                  : it.value().get<double>();
      CHECK(field(b, it.key()) == doctest::Approx(want).epsilon(1e-12).scale(1e-12));
    }
    // the lines add up to the total
    CHECK(b.compute_usd + b.requests_usd + b.init_usd + b.storage_usd +
              b.provisioned_usd + b.snapstart_usd ==
          doctest::Approx(b.total_usd).epsilon(1e-14));
  }
}

TEST_CASE("AWS Operator Guide prime example per 1,000 invocations") {
  // Cost of 1,000 invocations of the recorded average duration, $0.20/M requests,
  // $0.0000166667/GB-s, no free tier. Hand: 128 MB: 11.722 s * 0.125 GB * 1000 =
  // 1465.25 GB-s * 0.0000166667 + 1000 * 0.2e-6 = $0.02462088...
  const auto doc = test_support::read_json("powertuning/aws_docs_prime_example.json");
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  REQUIRE(doc["points"].size() == 4);
  for (const auto& pt : doc["points"]) {
    const double m = pt["memory_mb"];
    const double ms = pt["avg_duration_s"].get<double>() * 1000;
    profile w;
    w.components = {component::io(ms)};
    bill_options o;
    o.requests_per_month = 1000;
    const monthly_bill b = compute_bill(w, platform::aws_lambda(), x86, m, o);
    const double hand =
        1000 * std::round(ms) / 1000 * m / 1024 * 0.0000166667 + 1000 * 0.2e-6;
    CAPTURE(m);
    CHECK(b.total_usd == doctest::Approx(hand).epsilon(1e-12));
    // AWS's own published figure, within 0.1 % (the page rounds the durations)
    CHECK(std::abs(b.total_usd / pt["cost_per_1000_usd"].get<double>() - 1) < 1e-3);
    // and the recorded check value, rounded to 6 decimals
    CHECK(std::abs(b.total_usd - pt["check_cost"].get<double>()) < 5e-7);
  }
}

TEST_CASE("bill curve equals the scalar bill and marks out-of-memory sizes") {
  profile w;
  w.components = {component::cpu(800), component::io(120)};
  w.init_ms = 250;
  w.peak_memory_mb = 200;
  bill_options o;
  o.requests_per_month = 2e6;
  o.cold_fraction = 0.05;
  o.free_tier = true;
  const platform p = platform::aws_lambda();
  const price_table prices = price_table::aws("us-east-1", architecture::arm64);
  Eigen::VectorXd m(4);
  m << 128, 512, 1769, 10240;
  const bill_curve_result r = bill_curve(w, p, prices, m, o);
  CHECK_FALSE(r.feasible[0]);
  CHECK(std::isnan(r.total_usd[0]));
  for (Eigen::Index i = 1; i < m.size(); ++i) {
    CHECK(r.feasible[i]);
    const monthly_bill b = compute_bill(w, p, prices, m[i], o);
    CHECK(r.total_usd[i] == b.total_usd);
    CHECK(r.compute_usd[i] == b.compute_usd);
    CHECK(r.init_usd[i] == b.init_usd);
    CHECK(r.gb_s[i] == b.gb_s);
  }
  CHECK(bill_curve(w, p, prices, o).memory_mb.size() == 10113);
  CHECK_THROWS_WITH_AS(
      compute_bill(w, p, prices, 128, o),
      "memory_mb = 128: below the profile's peak_memory_mb = 200 (out of memory)",
      std::invalid_argument);
}

TEST_CASE("bad bill input names the field and the value") {
  profile w;
  w.components = {component::io(100)};
  const platform p = platform::aws_lambda();
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  auto bill_with = [&](auto set) {
    bill_options o;
    o.requests_per_month = 1e6;
    set(o);
    return compute_bill(w, p, x86, 512, o);
  };
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.requests_per_month = -1; }),
                       "requests_per_month = -1: must be finite and >= 0",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.cold_fraction = 1.5; }),
                       "cold_fraction = 1.5: must be in [0, 1]", std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      bill_with([](bill_options& o) { o.cold_fraction = std::nan(""); }),
      "cold_fraction = nan: must be in [0, 1]", std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      bill_with([](bill_options& o) { o.provisioned_request_fraction = -0.1; }),
      "provisioned_request_fraction = -0.1: must be in [0, 1]", std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      bill_with([](bill_options& o) { o.provisioned_concurrency = -2; }),
      "provisioned_concurrency = -2: must be >= 0", std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      bill_with([](bill_options& o) { o.provisioned_concurrency = 2; }),
      "provisioned_hours = 0: must be > 0 when provisioned_concurrency = 2",
      std::invalid_argument);
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.provisioned_hours = 3; }),
                       "provisioned_hours = 3: requires provisioned_concurrency > 0",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      bill_with([](bill_options& o) {
        o.provisioned_concurrency = 1;
        o.provisioned_hours = 1;
        o.free_tier = true;
      }),
      "free_tier = 'true': the free tier does not apply to functions with "
      "provisioned concurrency (provisioned_concurrency = 1)",
      std::invalid_argument);
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.storage_mb = 100; }),
                       "storage_mb = 100: must be in [512, 10240] MB",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.date = "1 Aug 2025"; }),
                       "date = '1 Aug 2025': expected a date YYYY-MM-DD",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.snapstart_restore_ms = 5; }),
                       "snapstart_restore_ms = 5: requires snapstart = true",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      bill_with([](bill_options& o) {
        o.snapstart = true;
        o.package = package_type::image;
      }),
      "snapstart = 'true': SnapStart does not support container images",
      std::invalid_argument);
  CHECK_THROWS_WITH_AS(bill_with([](bill_options& o) { o.account_gb_s_offset = -5; }),
                       "account_gb_s_offset = -5: must be finite and >= 0",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(package_type_from_string("jar"),
                       "package = 'jar': expected zip or image", std::invalid_argument);
  // a price the region's table does not have
  bill_options o;
  o.provisioned_concurrency = 1;
  o.provisioned_hours = 1;
  CHECK_THROWS_WITH_AS(
      compute_bill(w, p, price_table::aws("eu-west-1", architecture::arm64), 512, o),
      "provisioned_concurrency = 1: no provisioned concurrency price for eu-west-1 "
      "arm64 in the "
      "price table",
      std::invalid_argument);
  bill_options s;
  s.storage_mb = 1024;
  CHECK_THROWS_WITH_AS(
      compute_bill(w, p, price_table::aws("eu-south-1", architecture::x86_64), 512, s),
      "storage_mb = 1024: no ephemeral storage price for eu-south-1 x86_64 in the "
      "price table",
      std::invalid_argument);
  CHECK_THROWS_AS(compute_bill(w, p, x86, 100, bill_options{}), std::invalid_argument);
}

TEST_CASE("bill invariants over 20,000 random months") {
  // Seeded, reproducible: the lines add up, nothing is negative or NaN, the free tier
  // never raises a bill, more requests never lower it, and tiers are additive.
  std::mt19937_64 rng(20261124);
  auto u = [&rng](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
  };
  const platform p = platform::aws_lambda();
  const price_table tables[] = {price_table::aws("us-east-1", architecture::x86_64),
                                price_table::aws("us-east-1", architecture::arm64)};
  const char* dates[] = {"", "2019-06-01", "2025-07-31", "2025-08-01"};
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    profile w;
    w.components = {component::cpu(u(0, 3000)), component::io(u(0, 500))};
    w.init_ms = u(0, 2000);
    w.first_call_cpu_ms = u(0, 300);
    const price_table& t = tables[rng() % 2];
    const double m = std::floor(u(128, 10240.999));
    bill_options o;
    o.requests_per_month = std::floor(u(0, 1e9));
    o.cold_fraction = u(0, 1);
    o.storage_mb = std::floor(u(512, 10240.999));
    o.date = dates[rng() % 4];
    o.package = rng() % 2 ? package_type::zip : package_type::image;
    o.account_gb_s_offset = rng() % 2 ? 0 : u(0, 3e10);
    if (rng() % 3 == 0) {
      o.provisioned_concurrency = static_cast<int>(rng() % 50) + 1;
      o.provisioned_hours = u(0.01, 744);
      o.provisioned_request_fraction = u(0, 1);
    } else if (rng() % 2 == 0) {
      o.snapstart = true;
      o.package = package_type::zip;
      o.snapstart_restore_ms = u(0, 1000);
      o.snapstart_cache_hours = u(0, 744);
    } else {
      o.free_tier = rng() % 2;
    }
    const monthly_bill b = compute_bill(w, p, t, m, o);
    const double lines[] = {b.compute_usd, b.requests_usd,    b.init_usd,
                            b.storage_usd, b.provisioned_usd, b.snapstart_usd};
    double sum = 0;
    for (double x : lines) {
      REQUIRE(std::isfinite(x));
      REQUIRE(x >= -1e-9 * b.total_usd);  // apportioning may leave -0 rounding noise
      sum += x;
    }
    REQUIRE(b.total_usd == doctest::Approx(sum).epsilon(1e-12));
    REQUIRE(b.billable_gb_s <= b.on_demand_gb_s);
    bill_options more = o;
    more.requests_per_month *= 2;
    REQUIRE(compute_bill(w, p, t, m, more).total_usd >= b.total_usd * (1 - 1e-12));
    if (o.provisioned_concurrency == 0) {
      bill_options free = o;
      free.free_tier = true;
      REQUIRE(compute_bill(w, p, t, m, free).total_usd <= b.total_usd * (1 + 1e-12));
    }
    const double a = u(0, 2e10), c = u(0, 2e10);
    REQUIRE(t.duration_usd(a + c) ==
            doctest::Approx(t.duration_usd(a) + t.duration_usd(c, a)).epsilon(1e-12));
    ++checked;
  }
  CHECK(checked == 20000);
}
