// SPDX-License-Identifier: MIT
// The cold part of a fit (issue 12): one quantity along the curve when some sizes
// recorded only cold starts, the first call's work estimated by inverting the
// predictor (CFS), from sizes at or below one vCPU, and from the fitting sizes only.
// Expected values are hand calculations or the known truth of a synthetic sweep.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/fit.hpp>
#include <lambdasim/predict.hpp>

using namespace lambdasim;

namespace {
sweep_row row(double m, double d, bool cold = false, double init = NAN) {
  sweep_row r;
  r.memory_mb = m;
  r.duration_ms = d;
  r.is_cold = cold;
  r.init_ms = init;
  return r;
}
fit_options no_bootstrap() {
  fit_options o;
  o.bootstrap = 0;
  return o;
}
}  // namespace

TEST_CASE(
    "cold part: a stray warm row does not put a warm duration between cold ones") {
  // 128 and 512 MB recorded only cold starts; 256 MB three cold ones and one warm.
  sweep s;
  for (double d : {1000.0, 1010.0, 990.0}) s.rows.push_back(row(128, d, true, 150));
  for (double d : {600.0, 610.0, 590.0}) s.rows.push_back(row(256, d, true, 150));
  s.rows.push_back(row(256, 200));
  for (double d : {400.0, 410.0, 390.0}) s.rows.push_back(row(512, d, true, 150));
  const sweep_summary sum = s.summarize();
  // By hand: the cold rows' medians 1000, 600, 400 (not the warm 200 at 256 MB).
  CHECK(sum.duration_ms[0] == 1000);
  CHECK(sum.duration_ms[1] == 600);
  CHECK(sum.duration_ms[2] == 400);
  CHECK(sum.warm_only == std::vector<bool>{false, false, false});
  // With warm rows at every size the warm rows are the curve, as before.
  sweep w = s;
  w.rows.push_back(row(128, 300));
  w.rows.push_back(row(512, 120));
  const sweep_summary ws = w.summarize();
  CHECK(ws.duration_ms[0] == 300);
  CHECK(ws.duration_ms[1] == 200);
  CHECK(ws.duration_ms[2] == 120);
  CHECK(ws.warm_only == std::vector<bool>{true, true, true});
  // The fit follows the cold curve and does not add the first call twice: no size has
  // both kinds of aggregate, so first_call_cpu_ms stays 0 and cold = init + curve.
  const fit_result f = fit(s, platform::aws_lambda(), no_bootstrap());
  CHECK(f.profile.first_call_cpu_ms == 0);
  CHECK(f.profile.init_ms == 150);
  CHECK(f.observed_ms[1] == 600);
  bool said = false;
  for (const auto& m : f.diagnostics)
    said = said || m.rfind("some sizes have only cold starts", 0) == 0;
  CHECK(said);
}

TEST_CASE("cold part: first-call work recovered under CFS, from sizes up to one vCPU") {
  // Truth: warm io 100 ms + cpu 200 ms; INIT 150 ms; 4 ms of first-call CPU, short
  // against a period's quota at 512 MB and up (0.289 x 20 ms = 5.8 ms), so it is not
  // throttled there. Above one vCPU the first call runs on 2 threads.
  const platform p = platform::aws_lambda();
  profile truth;
  truth.components = {component::io(100), component::cpu(200)};
  truth.init_ms = 150;
  truth.first_call_cpu_ms = 4;
  sweep s;
  for (double m : {128.0, 512.0, 1024.0, 3008.0}) {
    const double warm = warm_ms(truth, p, m);
    for (double f : {0.99, 1.0, 1.01}) s.rows.push_back(row(m, f * warm));
    const double share = p.cpu_share(m);
    const double first =
        share <= 1 ? cpu_time_ms(4, share, 1, p) : cpu_time_ms(4, share, 2, p);
    s.rows.push_back(row(m, warm + first, true, 150));
  }
  // The excess by hand at 512 MB: the 4 ms fit in the period's quota, so 4 ms; the
  // estimate of earlier releases, excess x min(s, 1) = 4 x 512/1769 = 1.16 ms, fell
  // short.
  CHECK(cpu_time_ms(4, 512 / 1769.0, 1, p) == doctest::Approx(4));
  const fit_result f = fit(s, p, no_bootstrap());
  CHECK(f.profile.init_ms == 150);
  CHECK(f.profile.first_call_cpu_ms == doctest::Approx(4).epsilon(1e-6));
  // Cold durations at sizes not fitted, up to one vCPU, as the truth's.
  for (double m : {256.0, 768.0, 1536.0})
    CHECK(cold_ms(f.profile, p, m) - warm_ms(f.profile, p, m) ==
          doctest::Approx(cold_ms(truth, p, m) - warm_ms(truth, p, m)).epsilon(1e-6));
  // Only the fitting sizes: fitted on 128 and 1024 MB, the cold rows elsewhere (here
  // made 10x slower to start) do not enter.
  sweep t = s;
  for (auto& r : t.rows)
    if (r.is_cold && (r.memory_mb == 512 || r.memory_mb == 3008)) r.init_ms *= 10;
  fit_options two = no_bootstrap();
  two.sizes = {128, 1024};
  const fit_result g = fit(t, p, two);
  CHECK(g.profile.init_ms == 150);
  CHECK(g.profile.first_call_cpu_ms == doctest::Approx(4).epsilon(1e-6));
}
