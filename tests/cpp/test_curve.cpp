// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/curve.hpp>

using namespace lambdasim;

TEST_CASE("full-grid curve") {
  const platform p = platform::aws_lambda();
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  profile w;
  w.components = {component::cpu(1000), component::io(100)};
  w.init_ms = 200;
  w.peak_memory_mb = 200;
  const curve_result c = curve(w, p, x86);
  REQUIRE(c.memory_mb.size() == 10113);
  // 1769 MB is index 1769 - 128
  const Eigen::Index i = 1769 - 128;
  CHECK(c.memory_mb[i] == 1769);
  CHECK(c.vcpu[i] == 1.0);
  CHECK(c.warm_ms[i] == doctest::Approx(1100).epsilon(1e-12));
  CHECK(c.cold_ms[i] == doctest::Approx(1300).epsilon(1e-12));
  CHECK(c.warm_billed_ms[i] == 1100);
  // 1.1 s * 1769/1024 GB * 0.0000166667 + 0.2e-6
  CHECK(c.gb_s[i] == doctest::Approx(1.1 * 1769 / 1024.0).epsilon(1e-12));
  CHECK(c.cost_usd[i] ==
        doctest::Approx(1.1 * 1769 / 1024.0 * 0.0000166667 + 0.2e-6).epsilon(1e-9));
  // infeasible below the peak: flagged and not priced
  CHECK_FALSE(c.feasible[0]);
  CHECK(std::isnan(c.cost_usd[0]));
  CHECK(c.feasible[200 - 128]);
  CHECK_FALSE(c.feasible[199 - 128]);
}

TEST_CASE("curve on a given grid rejects bad sizes") {
  const platform p = platform::aws_lambda();
  const price_table x86 = price_table::aws("us-east-1", architecture::x86_64);
  profile w;
  w.components = {component::cpu(10)};
  Eigen::VectorXd m(2);
  m << 128, 0;
  CHECK_THROWS_WITH_AS(curve(w, p, x86, m),
                       "memory_mb = 0: must be within 128..10240 MB",
                       std::invalid_argument);
}
