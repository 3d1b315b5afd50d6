// SPDX-License-Identifier: MIT
// Many fits in one call (fit_batch.hpp) equal one-at-a-time fits exactly, for any
// thread count.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/fit_batch.hpp>
#include <lambdasim/predict.hpp>
#include <random>
#include <vector>

using namespace lambdasim;

namespace {
// A sweep of per-invocation rows: T_warm of a known profile times lognormal noise.
sweep synthetic_sweep(double cpu, double io, std::uint64_t seed) {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(cpu), component::io(io)};
  std::mt19937_64 rng(seed);
  sweep s;
  for (double m : {128.0, 512.0, 1024.0, 1769.0, 3008.0}) {
    for (int k = 0; k < 10; ++k) {
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      sweep_row r;
      r.memory_mb = m;
      r.duration_ms = warm_ms(w, p, m) * (0.97 + 0.06 * u);
      s.rows.push_back(r);
    }
  }
  return s;
}

bool same_fit(const fit_result& a, const fit_result& b) {
  return a.profile == b.profile && a.structure == b.structure && a.reason == b.reason &&
         a.predicted_ms == b.predicted_ms && a.param_values == b.param_values &&
         a.mape == b.mape && a.bootstrap_profiles == b.bootstrap_profiles &&
         a.band_lo_ms.size() == b.band_lo_ms.size() &&
         (a.band_lo_ms.array() == b.band_lo_ms.array()).all();
}
}  // namespace

TEST_CASE("many fits in one call equal one-at-a-time fits for any thread count") {
  const platform p = platform::aws_lambda();
  std::vector<sweep> sweeps;
  for (int i = 0; i < 7; ++i)
    sweeps.push_back(synthetic_sweep(200 + 300 * i, 20 + 10 * i, 3 + i));
  fit_options o;
  o.bootstrap = 20;
  o.sizes = {128, 1024, 3008};
  std::vector<fit_result> one;
  for (const auto& s : sweeps) one.push_back(fit(s, p, o));
  // the fits recover the synthetic work within the noise (3 %)
  CHECK(one[3].profile.total(component_kind::cpu) ==
        doctest::Approx(1100).epsilon(0.05));
  for (int threads : {1, 2, 3, 0}) {
    const auto many = fit(std::span<const sweep>(sweeps), p, o, threads);
    REQUIRE(many.size() == sweeps.size());
    for (std::size_t i = 0; i < sweeps.size(); ++i) CHECK(same_fit(many[i], one[i]));
  }
  sweeps[4].rows.clear();
  CHECK_THROWS_WITH_AS(fit(std::span<const sweep>(sweeps), p, o, 2),
                       doctest::Contains("sweeps[4]: "), std::invalid_argument);
}
