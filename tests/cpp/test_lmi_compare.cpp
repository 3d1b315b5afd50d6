// SPDX-License-Identifier: MIT
// On-demand, provisioned concurrency and LMI compared: the break-even against a hand
// calculation and the winner at a small and a large traffic.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/lmi_compare.hpp>

using namespace lambdasim;

namespace {
profile api() {  // 10 ms of CPU and 90 ms of I/O per request
  profile w;
  w.components = {component::cpu(10), component::io(90)};
  return w;
}
lmi_config m7g_large() {
  lmi_config c;
  c.instance_type = "m7g.large";
  return c;
}
}  // namespace

TEST_CASE("lmi compare: provisioned concurrency for a peak") {
  // M/G/inf: a = 100/s x 0.1 s = 10 -> ceil(10 + 3 sqrt(10)) = ceil(19.49) = 20
  CHECK(provisioned_for_peak(100, 100) == 20);
  CHECK(provisioned_for_peak(0, 100) == 1);
}

TEST_CASE("lmi compare: the break-even with on-demand against a hand calculation") {
  // On demand at 1769 MB (one vCPU): 100 ms, billed 0.1 s x 1769/1024 GB at
  // $0.0000166667 per GB-s. LMI on m7g.large (2 vCPU, 8 GiB; reserve 1 vCPU + 1 GiB; 4
  // GiB/vCPU -> one 4 GiB, 1 vCPU environment per instance): three instances hold 3 x
  // min(0.5 / 10 ms, 16 x 0.5 / 100 ms) = 150 requests/s = 394 M a month, so up to
  // there LMI costs its floor, 3 x 730 h x $0.0816 x 1.15, plus the same request charge
  // as on-demand. Break-even: floor / duration cost per request.
  const double per_request = 0.1 * 1769.0 / 1024.0 * 0.0000166667;
  const double floor = 3 * 730 * 0.0816 * 1.15;
  const double expected = floor / per_request;  // about 71.4 M requests a month
  Eigen::VectorXd grid = Eigen::VectorXd::LinSpaced(31, 6, 9);
  for (auto& x : grid) x = std::pow(10.0, x);
  const auto r = break_even_requests(
      api(), platform::aws_lambda(),
      price_table::aws("us-east-1", architecture::x86_64), 1769, m7g_large(), grid);
  REQUIRE(r.lmi_on_demand_crossovers.size() == 1);
  CHECK(r.lmi_on_demand_crossovers[0] == doctest::Approx(expected).epsilon(1e-6));
  CHECK(r.lmi_usd[0] ==
        doctest::Approx(floor + 0.2).epsilon(1e-9));  // 1 M requests: $0.20
  CHECK(r.on_demand_usd[0] < r.lmi_usd[0]);
  CHECK(r.on_demand_usd[30] > r.lmi_usd[30]);
  // against the peak-to-mean ratio at 300 M a month: LMI holds capacity for the peak
  Eigen::VectorXd ratios = Eigen::VectorXd::LinSpaced(10, 1, 10);
  const auto q = break_even_peak(api(), platform::aws_lambda(),
                                 price_table::aws("us-east-1", architecture::x86_64),
                                 1769, m7g_large(), 300e6, ratios);
  CHECK(q.on_demand_usd[0] == q.on_demand_usd[9]);  // on-demand does not hold capacity
  CHECK(q.lmi_usd[9] > q.lmi_usd[0]);
  CHECK(q.lmi_on_demand_crossovers.size() == 1);
}

TEST_CASE(
    "lmi compare: on-demand wins for a small function at a million requests a month") {
  compare_options o;
  o.requests_per_month = 1e6;
  o.simulate_s = 3600;
  const auto r = compare_compute(api(), platform::aws_lambda(),
                                 price_table::aws("us-east-1", architecture::x86_64),
                                 512, m7g_large(), o);
  CHECK(r.winner == compute_kind::on_demand);
  REQUIRE(r.options.size() == 3);
  CHECK(r.options[2].total_usd >= 3 * 730 * 0.0816 * 1.15);  // LMI's floor
  CHECK(r.reason.find("on-demand is the cheapest") == 0);
  CHECK(r.reason.find("minimum footprint") != std::string::npos);
}

TEST_CASE(
    "lmi compare: LMI wins for a steady function at billions of requests a month") {
  compare_options o;
  o.requests_per_month = 3e9;
  o.simulate_s = 300;
  const auto r = compare_compute(api(), platform::aws_lambda(),
                                 price_table::aws("us-east-1", architecture::x86_64),
                                 1769, m7g_large(), o);
  CHECK(r.winner == compute_kind::lmi);
  const auto& lmi = r.options[2];
  CHECK(lmi.throttled_fraction == 0);
  CHECK(lmi.latency_ms < 200);
  CHECK(lmi.total_usd < r.options[0].total_usd / 2);
  MESSAGE(r.reason);
}

namespace {
recommend_options lmi_recommend_options(double requests) {
  recommend_options o;
  o.strategy = recommend_strategy::cost;
  o.architectures = {architecture::x86_64};
  o.memory_mb = Eigen::VectorXd{{512, 1024, 1769, 3008}};
  o.compute = {compute_kind::on_demand, compute_kind::lmi};
  o.lmi = m7g_large();
  o.requests_per_month = requests;
  o.simulated_hours = 0.05;  // keep the on-demand simulation short at high rates
  o.simulated_requests = 2e4;
  o.simulated_sizes = 3;
  return o;
}
}  // namespace

TEST_CASE("lmi in recommend: on-demand at a million requests, LMI at billions") {
  auto r = recommend(api(), platform::aws_lambda(), lmi_recommend_options(1e6));
  CHECK(r.chosen.compute == compute_kind::on_demand);
  REQUIRE(r.lmi);
  CHECK(r.lmi->instances == 3);  // the floor
  CHECK(r.reason.find("lmi (3 x m7g.large") != std::string::npos);
  CHECK(r.runners_up.back().compute == compute_kind::lmi);

  r = recommend(api(), platform::aws_lambda(), lmi_recommend_options(3e9));
  CHECK(r.chosen.compute == compute_kind::lmi);
  // by hand: 3e9 / (730 x 3600) = 1141.6/s x 10 ms = 11.4 vCPU at 50 % -> 23 one-vCPU
  // environments (concurrency needs 114.2 / (16 x 0.5) = 15), one per m7g.large
  REQUIRE(r.lmi);
  CHECK(r.lmi->environments == 23);
  CHECK(r.lmi->instances == 23);
  CHECK(r.chosen.monthly_usd ==
        doctest::Approx(23 * 730 * 0.0816 * 1.15 + 3e9 / 1e6 * 0.2).epsilon(1e-9));
  CHECK(r.runners_up.front().role == "best on Lambda");
  CHECK(r.reason.find("lmi: 23 x m7g.large") == 0);

  recommend_options bad = lmi_recommend_options(3e9);
  bad.lmi.reset();
  CHECK_THROWS_WITH_AS(recommend(api(), platform::aws_lambda(), bad),
                       doctest::Contains("compute = 'lmi'"), std::invalid_argument);
}
