// SPDX-License-Identifier: MIT
// The fit: NNLS, recovery of known parameters from noisy synthetic sweeps, structure
// choice, cold part and peak memory; the check.
#include <doctest/doctest.h>

#include <cmath>
#include <lambdasim/check.hpp>
#include <lambdasim/fit.hpp>
#include <lambdasim/predict.hpp>
#include <lambdasim/sweep_loaders.hpp>
#include <random>

#include "test_support.hpp"

using namespace lambdasim;

namespace {
// Standard normal by Box-Muller from the raw engine (independent of the library).
double normal(std::mt19937_64& rng) {
  const double u1 = (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
  const double u2 = (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
  return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
}

// Max Memory Used is used_mb + (i % 7): 40 MB leaves a 128 MB function without memory
// pressure (under half of it), so gc_cpu is not the baseline.
sweep synthetic(const profile& w, const platform& p, const std::vector<double>& sizes,
                int n, double sigma, std::uint64_t seed, double used_mb = 40) {
  std::mt19937_64 rng(seed);
  sweep s;
  for (double m : sizes)
    for (int i = 0; i < n; ++i) {
      sweep_row r;
      r.memory_mb = m;
      r.duration_ms = warm_ms(w, p, m) * std::exp(sigma * normal(rng));
      r.max_memory_used_mb = used_mb + (i % 7);
      s.rows.push_back(r);
    }
  return s;
}
}  // namespace

TEST_CASE("nnls_small against hand solutions") {
  // Unconstrained solution x = (1, -1) is infeasible; with x2 = 0, x1 = b.a1/|a1|^2
  // = 1.
  Eigen::MatrixXd a = Eigen::MatrixXd::Identity(2, 2);
  Eigen::VectorXd b(2);
  b << 1, -1;
  const auto x = detail::nnls_small(a, b);
  CHECK(x[0] == doctest::Approx(1));
  CHECK(x[1] == 0);
  // Feasible: exact.
  Eigen::MatrixXd a2(3, 2);
  a2 << 1, 14, 1, 1.75, 1, 1;
  Eigen::VectorXd b2 = a2 * Eigen::Vector2d(100, 50);
  const auto x2 = detail::nnls_small(a2, b2);
  CHECK(x2[0] == doctest::Approx(100));
  CHECK(x2[1] == doctest::Approx(50));
}

TEST_CASE("uniform_index is unbiased and in range") {
  std::mt19937_64 rng(1);
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) ++counts[detail::uniform_index(rng, 3)];
  for (int c : counts) CHECK(std::abs(c - 10000) < 400);  // ~4.6 sigma of binomial
  CHECK_THROWS_AS(detail::uniform_index(rng, 0), std::invalid_argument);
}

TEST_CASE(
    "fit recovers io and cpu from a noisy synthetic sweep within its uncertainty") {
  const auto ref = test_support::read_json("reference/sweeps.json")["fit_recovery"];
  const platform p = platform::aws_lambda();
  profile truth;
  truth.components = {component::io(ref["io_ms"].get<double>()),
                      component::cpu(ref["cpu_ms"].get<double>())};
  const auto s =
      synthetic(truth, p, ref["memory_mb"].get<std::vector<double>>(),
                ref["invocations"].get<int>(), ref["sigma"].get<double>(), 7);
  fit_options o;
  o.seed = 3;
  const auto f = fit(s, p, o);
  CHECK(f.structure == fit_structure::io_cpu);
  REQUIRE(f.param_names[0] == "io_ms");
  REQUIRE(f.param_names[1] == "cpu_ms");
  for (int k : {0, 1}) {
    const double truth_k =
        k == 0 ? ref["io_ms"].get<double>() : ref["cpu_ms"].get<double>();
    const double sd = f.param_sd[k];
    CHECK(sd > 0);
    CHECK(std::abs(f.param_values[k] - truth_k) <= 3 * sd + 0.02 * truth_k);
  }
  CHECK(f.mape < 0.02);
  CHECK(f.profile.peak_memory_mb == 46);  // 40 + 6
  CHECK(f.reason.find("gc_cpu not tried: Max Memory Used 46 MB at 128 MB") !=
        std::string::npos);
  CHECK(f.profile.cv == doctest::Approx(ref["sigma"].get<double>()).epsilon(0.3));
  // The band brackets the prediction.
  for (Eigen::Index i = 0; i < f.memory_mb.size(); ++i) {
    CHECK(f.band_lo_ms[i] <= f.predicted_ms[i] + 1e-9);
    CHECK(f.band_hi_ms[i] >= f.predicted_ms[i] - 1e-9);
  }
  // Reproducible: same seed, same bootstrap.
  const auto g = fit(s, p, o);
  CHECK(g.param_sd[1] == f.param_sd[1]);
}

TEST_CASE("fit chooses scaled_io for I/O that saturates below one vCPU") {
  const platform p = platform::named("aws-lambda-2020");
  profile truth;
  truth.components = {component::io(30), component::scaled_io(700, 0.5)};
  std::vector<double> sizes;
  for (double m = 128; m <= 3008; m += 320) sizes.push_back(m);
  const auto s = synthetic(truth, p, sizes, 30, 0.03, 11);
  fit_options o;
  o.bootstrap = 20;
  const auto f = fit(s, p, o);
  CHECK(f.structure == fit_structure::scaled_io);
  CHECK(f.profile.components.at(2).knee_vcpu == doctest::Approx(0.5));
  CHECK(f.profile.total(component_kind::scaled_io) ==
        doctest::Approx(700).epsilon(0.05));
  CHECK(f.reason.find("scaled_io") == 0);
  // Three sizes with a plain CPU-bound truth: the simplest structure is kept (amdahl,
  // tried because 3,008 MB is above one vCPU, does not lower chi^2 by its 2 x 2 extra).
  profile cpu_only;
  cpu_only.components = {component::cpu(500)};
  const auto s2 = synthetic(cpu_only, p, {128, 1024, 3008}, 30, 0.03, 5);
  const auto f2 = fit(s2, p, o);
  CHECK(f2.structure == fit_structure::io_cpu);
}

TEST_CASE("under memory pressure gc_cpu is the baseline and recovers the gc work") {
  // A runtime using 100..106 MB: at 128 MB the heap is under twice the live data.
  const platform p = platform::aws_lambda();
  profile truth;
  truth.components = {component::io(1200), component::cpu(300), component::gc(150)};
  std::vector<double> sizes;
  for (double m = 128; m <= 2048; m += 128) sizes.push_back(m);
  const auto s = synthetic(truth, p, sizes, 10, 0.03, 21, 100);
  fit_options o;
  o.bootstrap = 100;
  o.seed = 2;
  const auto f = fit(s, p, o);
  CHECK(f.structure == fit_structure::gc_cpu);
  CHECK(f.reason.find("memory pressure (Max Memory Used 106 MB at 128 MB)") !=
        std::string::npos);
  REQUIRE(f.param_names[3] == "gc_ms");
  const double want[] = {1200, 300, 0, 150};
  for (int k : {0, 1, 3}) {
    CAPTURE(k);
    CHECK(f.param_sd[k] > 0);
    CHECK(std::abs(f.param_values[k] - want[k]) <= 3 * f.param_sd[k] + 0.02 * want[k]);
  }
  // Three sizes predict the other nine within the noise; plain io + cpu cannot: it has
  // to put the 128 MB excess into the 1/s term, which then overshoots 256..768 MB.
  fit_options three = o;
  three.sizes = {128, 1024, 2048};
  three.bootstrap = 0;
  const auto g = fit(s, p, three);
  CHECK(g.structure == fit_structure::gc_cpu);
  CHECK(g.mape_holdout < 0.03);
  three.structure = fit_structure::io_cpu;
  const auto plain = fit(s, p, three);
  CHECK(plain.mape_holdout > 0.08);
  // The hand calculation of the truth at 256 MB: io + cpu/s + gc * 1024/256 / s with
  // s = 256/1769 (smooth throttling; CFS differs by the phase of each term's last
  // period).
  platform smooth = p;
  smooth.throttle = throttling::smooth;
  const double s256 = 256.0 / 1769.0;
  CHECK(warm_ms(truth, smooth, 256) ==
        doctest::Approx(1200 + 300 / s256 + 150 * 4 / s256).epsilon(1e-12));
}

TEST_CASE("under memory pressure without gc work the gc term fits to about zero") {
  const platform p = platform::aws_lambda();
  profile truth;
  truth.components = {component::io(120), component::cpu(800)};
  const auto s =
      synthetic(truth, p, {128, 256, 512, 1024, 1769, 3008}, 40, 0.05, 7, 90);
  fit_options o;
  o.seed = 3;
  const auto f = fit(s, p, o);
  // The gc term is bounded by its uncertainty; io and cpu are recovered as without it.
  CHECK(f.param_values[3] <= 3 * f.param_sd[3] + 1.0);
  CHECK(std::abs(f.param_values[0] - 120) <= 3 * f.param_sd[0] + 0.02 * 120);
  CHECK(std::abs(f.param_values[1] - 800) <= 3 * f.param_sd[1] + 0.02 * 800);
  // Forcing it without pressure is allowed; gc_pressure is validated.
  fit_options forced;
  forced.bootstrap = 0;
  forced.structure = fit_structure::gc_cpu;
  CHECK(fit(synthetic(truth, p, {128, 1024, 3008}, 5, 0.05, 1), p, forced).structure ==
        fit_structure::gc_cpu);
  forced.gc_pressure = 1.5;
  CHECK_THROWS_WITH_AS(fit(s, p, forced), "gc_pressure = 1.5: must be in [0, 1]",
                       std::invalid_argument);
  CHECK(fit_structure_from_string("gc_cpu") == fit_structure::gc_cpu);
}

TEST_CASE(
    "fit on some sizes predicts the others; per-size aggregates without samples") {
  const platform p = platform::aws_lambda();
  // AWS Operator Guide prime example: durations halve with memory (pure CPU).
  const auto s = load_powertuning(
      test_support::data_path("powertuning/aws_docs_prime_example.json"));
  fit_options o;
  o.sizes = {128, 256, 1024};
  const auto f = fit(s, p, o);
  CHECK(f.structure == fit_structure::io_cpu);  // 3 sizes, noise unknown: simplest
  CHECK(f.used_in_fit == std::vector<bool>{true, true, false, true});
  CHECK(std::isnan(f.param_sd[1]));  // no samples, no bootstrap
  CHECK(f.bootstrap_profiles.empty());
  // not a diagnostic: only a band that needs the samples says so
  CHECK(f.diagnostics.empty());
  Eigen::VectorXd m(1), lo(1), hi(1);
  m << 512;
  CHECK_THROWS_WITH_AS(prediction_band(f, p, m, 0.05, 0.95, lo, hi),
                       doctest::Contains("no per-invocation samples"),
                       std::invalid_argument);
  CHECK(f.mape_holdout == doctest::Approx(std::abs(f.rel_error[2])));
  o.sizes = {128, 300};
  CHECK_THROWS_WITH_AS(fit(s, p, o), doctest::Contains("sizes = 300"),
                       std::invalid_argument);
  o.sizes = {128};
  CHECK_THROWS_WITH_AS(fit(s, p, o), doctest::Contains("at least two"),
                       std::invalid_argument);
  CHECK_THROWS_AS(fit(sweep{}, p), std::invalid_argument);
  o.sizes = {};
  o.model_error = 0;
  CHECK_THROWS_WITH_AS(fit(s, p, o), doctest::Contains("model_error = 0"),
                       std::invalid_argument);
}

TEST_CASE("fit: cold part from cold rows") {
  // Warm: cpu 1000 ms at 1769 MB (one vCPU) -> 1000 ms; cold rows add Init 250 ms and
  // 100 ms of first-call CPU at one vCPU, 100 / (1024/1769) ms at 1024 MB. Smooth
  // throttling so the hand calculation C / min(s, 1) is exact.
  platform p = platform::aws_lambda();
  p.throttle = throttling::smooth;
  sweep s;
  for (double m : {1024.0, 1769.0, 3008.0}) {
    const double warm = 1000.0 / std::min(m / 1769.0, 1.0);
    for (int i = 0; i < 5; ++i) {
      sweep_row r;
      r.memory_mb = m;
      r.duration_ms = warm;
      s.rows.push_back(r);
    }
    sweep_row c;
    c.memory_mb = m;
    c.duration_ms = warm + 100.0 / std::min(m / 1769.0, 1.0);
    c.init_ms = 250;
    c.is_cold = true;
    s.rows.push_back(c);
  }
  const auto f = fit(s, p);
  CHECK(f.profile.init_ms == 250);
  CHECK(f.profile.first_call_cpu_ms == doctest::Approx(100));
  CHECK(f.profile.total(component_kind::cpu) == doctest::Approx(1000).epsilon(1e-6));
}

TEST_CASE("check: pass, fail, band and report") {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::cpu(1000)};
  sweep s;
  // 1769 MB: predicted 1000; observed 1000 -> error 0. 3538 MB: predicted 1000 (one
  // thread), observed 800 -> +25 %.
  for (double d : {990.0, 1000.0, 1010.0})
    s.rows.push_back({.memory_mb = 1769, .duration_ms = d});
  for (double d : {790.0, 800.0, 810.0})
    s.rows.push_back({.memory_mb = 3538, .duration_ms = d});
  auto r = check(w, s, p, {.rtol = 0.1});
  CHECK_FALSE(r.passed);
  CHECK(r.failures == 1);
  CHECK(r.rel_error[0] == doctest::Approx(0));
  CHECK(r.rel_error[1] == doctest::Approx(0.25));
  CHECK(r.in_band == std::vector<bool>{true, false});
  CHECK(r.report().find("FAIL: 1 of 2 sizes outside rtol 0.1") != std::string::npos);
  r = check(w, s, p, {.rtol = 0.3});
  CHECK(r.passed);
  CHECK(r.report().find("PASS") != std::string::npos);
  CHECK_THROWS_WITH_AS(check(w, s, p, {.rtol = 0}), doctest::Contains("rtol = 0"),
                       std::invalid_argument);
}

TEST_CASE("fit records the architecture the sweep was measured on") {
  const platform p = platform::aws_lambda();
  // Four sizes of a plain io + cpu curve (io 50, cpu 400 ms at one vCPU), by hand:
  // T(m) = 50 + 400 x 1,769 / m below one vCPU.
  auto csv = [](const std::string& arch_cells) {
    std::string text = "memory_mb,duration_ms,arch\n";
    const double m[] = {256, 512, 1024, 1769};
    for (int i = 0; i < 4; ++i) {
      const double t = 50 + 400 * 1769 / m[i];
      std::string a = arch_cells.substr(static_cast<std::size_t>(i) * 6, 6);
      while (!a.empty() && a.back() == ' ') a.pop_back();
      text += std::to_string(m[i]) + "," + std::to_string(t) + "," + a + "\n";
    }
    return text;
  };
  fit_options o;
  o.bootstrap = 0;
  SUBCASE("from a CSV arch column (a remark after the name is allowed)") {
    const sweep s = csv_from_text(csv("arm64 arm64 arm64 arm64 "));
    REQUIRE(s.meta.architectures == std::vector<std::string>{"arm64"});
    CHECK(s.meta.architecture_origin == "column 'arch'");
    const fit_result f = fit(s, p, o);
    CHECK(f.profile.architecture == "arm64");
    CHECK(f.reason.find("measured on arm64 (from the file: column 'arch')") !=
          std::string::npos);
  }
  SUBCASE("arch= when the file does not say; x86_64 with a note otherwise") {
    const std::string plain =
        "memory_mb,duration_ms\n256,2814.2\n512,1432.1\n1024,741.1\n";
    const sweep s = csv_from_text(plain);
    CHECK(s.meta.architectures.empty());
    const fit_result d = fit(s, p, o);
    CHECK(d.profile.architecture == "x86_64");
    CHECK(d.reason.find("measured on x86_64 (the file does not say; arch= sets it)") !=
          std::string::npos);
    o.arch = "arm64";
    const fit_result a = fit(s, p, o);
    CHECK(a.profile.architecture == "arm64");
    CHECK(a.diagnostics.empty());
    // arch= over a file that says otherwise: the given one, with a diagnostic
    const fit_result g = fit(csv_from_text(csv("x86_64x86_64x86_64x86_64")), p, o);
    CHECK(g.profile.architecture == "arm64");
    REQUIRE(g.diagnostics.size() == 1);
    CHECK(g.diagnostics[0].find("the file says x86_64") != std::string::npos);
    o.arch = "sparc";
    CHECK_THROWS_WITH_AS(fit(s, p, o), "arch = 'sparc': expected x86_64 or arm64",
                         std::invalid_argument);
  }
  SUBCASE("rows of both architectures: a note when loading, an error in the fit") {
    const sweep s = csv_from_text(csv("arm64 x86_64arm64 x86_64"));
    CHECK(s.meta.architectures == std::vector<std::string>{"arm64", "x86_64"});
    REQUIRE(s.diagnostics.size() == 1);
    CHECK(s.diagnostics[0].find("holds rows of both x86_64 and arm64") !=
          std::string::npos);
    CHECK_THROWS_WITH_AS(fit(s, p, o),
                         doctest::Contains("arch = 'arm64, x86_64': the sweep's rows "
                                           "were recorded on more than one "
                                           "architecture (column 'arch')"),
                         std::invalid_argument);
    // a filter keeps one
    csv_options c;
    c.where = {{"arch", "arm64"}};
    const sweep one = csv_from_text(csv("arm64 x86_64arm64 x86_64"), "<csv>", c);
    CHECK(one.meta.architectures == std::vector<std::string>{"arm64"});
    CHECK(one.diagnostics.empty());
  }
  SUBCASE("from a REPORT metrics series path") {
    const sweep s = load_report_metrics(
        test_support::data_path("report_logs/lambda_benchmark_328c27e.json"),
        "rust/arm64");
    CHECK(s.meta.architectures == std::vector<std::string>{"arm64"});
    CHECK(fit(s, p, o).profile.architecture == "arm64");
  }
}

TEST_CASE("fit: sustained load fits under smooth throttling") {
  // 10 ms of CPU per operation, no I/O, measured as a throughput: the time per
  // operation is the work over the share (smooth). By hand at 128 MB: 10 x 1,769 / 128
  // = 138.203 ms; under CFS one 10 ms call at 128 MB (quota 20 x 128 / 1,769 = 1.447 ms
  // per 20 ms period) takes 6 whole periods + 1.318 ms = 121.3 ms when it starts on a
  // period boundary, less when its first period's quota is unused (cfs: 112.6 ms).
  const platform p = platform::aws_lambda();
  std::string text = "memory_mb,duration_ms\n";
  for (double m : {128.0, 256.0, 512.0, 1024.0})
    text += std::to_string(m) + "," + std::to_string(10 * 1769 / m) + "\n";
  const sweep s = csv_from_text(text);
  fit_options o;
  o.bootstrap = 0;
  o.structure = fit_structure::io_cpu;
  o.load = sweep_load::sustained;
  const fit_result f = fit(s, p, o);
  CHECK(f.profile.total(component_kind::cpu) == doctest::Approx(10).epsilon(1e-6));
  CHECK(f.profile.total(component_kind::io) == doctest::Approx(0).epsilon(1e-6));
  CHECK(f.predicted_ms[0] == doctest::Approx(138.203).epsilon(1e-5));
  CHECK(f.mape < 1e-6);
  CHECK(f.reason.find("sustained load: smooth throttling") != std::string::npos);
  CHECK(f.profile.platform == "aws-lambda");
  // The default reads the same durations as single invocations under CFS: no io + cpu
  // curve passes through them (the CFS time of 10 ms at 128 MB is 112.6 ms, not 138.2).
  o.load = sweep_load::per_invocation;
  const fit_result c = fit(s, p, o);
  CHECK(c.mape > 0.01);
  CHECK(c.reason.find("sustained") == std::string::npos);
  CHECK(enum_from_name<sweep_load>("sustained") == sweep_load::sustained);
  CHECK_THROWS_WITH_AS(enum_from_name<sweep_load>("steady"),
                       "load = 'steady': expected per_invocation or sustained",
                       std::invalid_argument);
}

TEST_CASE("band: one run per size carries the documented run scatter") {
  const platform p = platform::aws_lambda();
  profile w;
  w.components = {component::io(100), component::cpu(800)};
  const std::vector<double> sizes = {128,  256,  384,  512,  768,  1024,
                                     1536, 2048, 3008, 4096, 6144, 10240};
  fit_options o;
  o.bootstrap = 0;
  o.structure = fit_structure::io_cpu;
  o.sizes = {128, 1024, 10240};
  // By hand: noise hypot(0.03, 0.10) = 0.104403 at every size (no samples), so at a
  // fitting size the band is the prediction x exp(+-1.644854 x 0.104403) = x 1.187355.
  {
    sweep s = synthetic(w, p, sizes, 1, 0.0, 1);
    const fit_result f = fit(s, p, o);
    CHECK(f.noise[0] == doctest::Approx(0.104403).epsilon(1e-5));
    CHECK(f.band_hi_ms[0] / f.predicted_ms[0] ==
          doctest::Approx(1.187355).epsilon(1e-6));
    o.run_scatter = 0;  // the model error alone, as before
    CHECK(fit(s, p, o).noise[0] == doctest::Approx(0.03));
    o.run_scatter = -1;
    CHECK_THROWS_WITH_AS(fit(s, p, o), doctest::Contains("run_scatter = -1"),
                         std::invalid_argument);
    o.run_scatter = fit_options{}.run_scatter;
  }
  // Sizes with samples keep their measured noise (no run scatter added).
  CHECK(fit(synthetic(w, p, sizes, 5, 0.0, 2), p, o).noise[0] == doctest::Approx(0.03));
  // Coverage in synthetic worlds of one run per size scattering by 7 % (lognormal):
  // the nominal 90 % band covers 80-95 % of the held-out sizes.
  int in = 0, total = 0;
  for (std::uint64_t seed = 10; seed < 210; ++seed) {
    const fit_result f = fit(synthetic(w, p, sizes, 1, 0.07, seed), p, o);
    for (Eigen::Index i = 0; i < f.memory_mb.size(); ++i) {
      if (f.used_in_fit[static_cast<std::size_t>(i)]) continue;
      ++total;
      in += f.observed_ms[i] >= f.band_lo_ms[i] && f.observed_ms[i] <= f.band_hi_ms[i];
    }
  }
  const double coverage = static_cast<double>(in) / total;
  MESSAGE("one-run coverage at 7 % scatter: " << coverage);
  CHECK(coverage >= 0.80);
  CHECK(coverage <= 0.95);
}
