// SPDX-License-Identifier: MIT
// The named steps of fit() (detail/fit_steps.hpp), each against hand calculations.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/predict.hpp>
#include "detail/fit_steps.hpp"

using namespace lambdasim;
using namespace lambdasim::detail;

namespace {
sweep rows(const std::vector<std::pair<double, std::vector<double>>>& sizes) {
  sweep s;
  for (const auto& [m, ds] : sizes)
    for (double d : ds) {
      sweep_row r;
      r.memory_mb = m;
      r.duration_ms = d;
      s.rows.push_back(r);
    }
  return s;
}
}  // namespace

TEST_CASE("fit step: prepare_fit_data estimates each size's noise from its samples") {
  const platform p = platform::aws_lambda();
  const sweep s =
      rows({{128, {90, 100, 110}}, {1024, {20, 20, 20, 20}}, {2048, {10, 12}}});
  fit_options o;
  o.sizes = {128, 1024};
  const fit_data d = prepare_fit_data(s, p, o);
  CHECK(d.used == std::vector<bool>{true, true, false});
  REQUIRE(d.m.size() == 2);
  CHECK(d.m[1] == 1024);
  CHECK(d.y[0] == 100);
  // 128 MB: median 100, MAD 10: 1.2533 x 1.4826 x 10 / sqrt(3) / 100, with 3 % model
  // error.
  const double rel = 1.2533 * 1.4826 * 10 / std::sqrt(3.0) / 100;
  CHECK(d.noise[0] == doctest::Approx(std::sqrt(0.03 * 0.03 + rel * rel)));
  CHECK(d.noise[1] == doctest::Approx(0.03));  // no spread
  CHECK(d.noise[2] == doctest::Approx(0.03));  // two samples: too few for a spread
  CHECK(d.noise_known);
  o.sizes = {128, 2048};
  CHECK_FALSE(prepare_fit_data(s, p, o).noise_known);
  o.model_error = -1;
  CHECK_THROWS_WITH_AS(prepare_fit_data(s, p, o), doctest::Contains("model_error = -1"),
                       std::invalid_argument);
}

TEST_CASE("fit step: candidate_grid lists the structures the fitting sizes allow") {
  const platform p = platform::aws_lambda();
  const sweep s =
      rows({{128, {100, 100, 100}}, {1024, {20, 20, 20}}, {3538, {9, 9, 9}}});
  fit_options o;
  o.sizes = {128, 1024};
  fit_grid g = candidate_grid(prepare_fit_data(s, p, o), p, o);
  // Largest share 1024/1769 = 0.579: knees below 1.5 x 0.579 = 0.868, i.e. 0.1 .. 0.8
  // (11 values), and no threaded candidate; no Max Memory Used, so no gc_cpu.
  int io = 0, thr = 0, knee = 0, gc = 0;
  for (const auto& k : g.knobs) {
    io += k.structure == fit_structure::io_cpu;
    thr += k.structure == fit_structure::threaded_cpu;
    knee += k.structure == fit_structure::scaled_io;
    gc += k.structure == fit_structure::gc_cpu;
  }
  CHECK(io == 1);
  CHECK(thr == 0);
  CHECK(knee == 11);
  CHECK(gc == 0);
  CHECK(g.baseline == fit_structure::io_cpu);
  CHECK(g.gc_gate == "gc_cpu not tried: no Max Memory Used recorded");
  // Up to 3538 MB (3 visible vCPUs): threads 2 and 3.
  o.sizes = {};
  o.structure = fit_structure::threaded_cpu;
  g = candidate_grid(prepare_fit_data(s, p, o), p, o);
  REQUIRE(g.knobs.size() == 2);
  CHECK(g.knobs[0].threads == 2);
  CHECK(g.knobs[1].threads == 3);
}

TEST_CASE("fit step: solve_candidate recovers exact io and cpu work") {
  platform p = platform::aws_lambda();
  p.throttle = throttling::smooth;
  Eigen::VectorXd m(3), y(3), sigma = Eigen::VectorXd::Constant(3, 0.03);
  m << 128, 1024, 1769;
  for (Eigen::Index i = 0; i < 3; ++i) y[i] = 50 + 400 / (m[i] / 1769);
  const fit_solution r = solve_candidate({fit_structure::io_cpu, 1, 1}, p, m, y, sigma);
  CHECK(r.x[0] == doctest::Approx(50));
  CHECK(r.x[1] == doctest::Approx(400));
  CHECK(r.chi2 == doctest::Approx(0).epsilon(1e-12));
  const profile w = candidate_profile({fit_structure::io_cpu, 1, 1}, r.x);
  CHECK(w.total(component_kind::io) == doctest::Approx(50));
}

TEST_CASE(
    "fit step: score_candidates admits only the baseline without noise estimate") {
  const platform p = platform::aws_lambda();
  sweep s;
  // All at or below one vCPU (above it amdahl would be the baseline).
  for (double m : {128.0, 512.0, 1024.0}) {
    sweep_row r;
    r.memory_mb = m;
    r.duration_ms = 1000 / std::min(m / 1769, 1.0);
    r.per_size = true;
    s.rows.push_back(r);
  }
  const fit_options o;
  const fit_data d = prepare_fit_data(s, p, o);
  CHECK_FALSE(d.noise_known);
  const fit_grid g = candidate_grid(d, p, o);
  const fit_scores sc = score_candidates(d, g, p, o);
  CHECK(sc.candidates[sc.best].structure == fit_structure::io_cpu);
  for (const auto& c : sc.candidates)
    CHECK((c.structure == fit_structure::io_cpu) == std::isfinite(c.score));
  const std::string why = explain_choice(d, g, sc, o);
  CHECK(why.rfind("io_cpu: no per-invocation samples", 0) == 0);
}

TEST_CASE("fit step: cold part, per-size report and bootstrap") {
  platform p = platform::aws_lambda();
  p.throttle = throttling::smooth;
  // Warm 1000 ms of cpu at 1769 MB (one vCPU), 1000 x 1769/1024 at 1024 MB. A cold row
  // at 1024 MB adds 150 ms of first-call CPU at one vCPU: 150 x 1769/1024 ms.
  const double w1024 = 1000.0 * 1769 / 1024;
  sweep s = rows({{1024, {w1024, w1024, w1024}}, {1769, {1000, 1000, 1000}}});
  sweep_row c;
  c.memory_mb = 1024;
  c.duration_ms = w1024 + 150.0 * 1769 / 1024;
  c.init_ms = 200;
  c.is_cold = true;
  c.max_memory_used_mb = 70;
  s.rows.push_back(c);
  fit_options o;
  o.bootstrap = 10;
  const fit_data d = prepare_fit_data(s, p, o);
  fit_result f;
  f.profile.components = {component::io(0), component::cpu(1000)};
  fit_cold_part(s, d, p, f.profile, f.diagnostics);
  CHECK(f.profile.init_ms == 200);
  CHECK(f.profile.first_call_cpu_ms == doctest::Approx(150));
  CHECK(f.profile.peak_memory_mb == 70);
  CHECK(f.profile.cv == 0);
  per_size_report(d, p, f);
  CHECK(f.predicted_ms[0] == doctest::Approx(w1024));
  CHECK(f.mape == doctest::Approx(0).epsilon(1e-9));
  CHECK(std::isnan(f.mape_holdout));
  // Identical samples: every resample gives the same fit, so the band is the
  // prediction.
  bootstrap_fit(d, {fit_structure::io_cpu, 1, 1}, p, o, f);
  CHECK(f.bootstrap_profiles.size() == 10);
  CHECK(f.param_sd[1] == doctest::Approx(0).epsilon(1e-9));
  CHECK(f.spread_lo_ms[0] == doctest::Approx(w1024));
  CHECK(f.spread_hi_ms[1] == doctest::Approx(1000));
}
