// SPDX-License-Identifier: MIT
#include "lambdasim/recommend.hpp"

#include <algorithm>
#include <atomic>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>

#include "detail/parallel.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/lmi_compare.hpp"
#include "lambdasim/predict.hpp"

namespace lambdasim {

namespace {
// The messages of an impossible constraint (the fleet form records them per profile).
constexpr std::string_view no_size_reaches = "no memory size on the grid";
constexpr std::string_view no_configuration = "no configuration meets it";
// The longest simulated period: a 31-day month (simulated_hours' upper bound and the
// clamp of the period of Poisson traffic).
constexpr double max_simulated_hours = 24 * 31;
}  // namespace

namespace {
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_v = std::numeric_limits<double>::infinity();

std::string fmt(double x, int digits = 4) {
  std::ostringstream s;
  s.precision(digits);
  s << x;
  return s.str();
}
std::string fmt_usd(double x) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(x < 0.01 ? 8 : 2);
  s << "$" << x;
  return s.str();
}
/// 20050 -> "20,050"
std::string fmt_count(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
    s.insert(static_cast<std::size_t>(i), ",");
  return s;
}
std::string fmt_ms(double x) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(x < 100 ? 1 : 0);
  s << x << " ms";
  return s.str();
}
}  // namespace

std::string_view to_string(recommend_strategy s) {
  return enum_name(s);
}

recommend_strategy recommend_strategy_from_string(std::string_view name) {
  return enum_from_name<recommend_strategy>(name);
}

std::string_view to_string(latency_method m) {
  return enum_name(m);
}

std::string_view to_string(constraint c) {
  return enum_name(c);
}

std::string_view constraint_words(constraint c) {
  switch (c) {
    case constraint::none:
      return "feasible";
    case constraint::memory:
      return "below peak memory + headroom";
    case constraint::max_warm_ms:
      return "slower than max_warm_ms";
    case constraint::max_latency_ms:
      return "over the latency limit";
    case constraint::budget_usd:
      return "over budget";
  }
  return "?";
}

void recommend_options::validate() const {
  if (!(weight >= 0 && weight <= 1))
    detail::throw_invalid("weight", weight, "must be in [0, 1]");
  if (architectures.empty())
    detail::throw_invalid("architectures", "[]", "at least one architecture required");
  for (std::size_t i = 0; i < architectures.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (architectures[i] == architectures[j])
        detail::throw_invalid("architectures", to_string(architectures[i]),
                              "listed twice");
  if (speed_ratio && !(*speed_ratio > 0 && std::isfinite(*speed_ratio)))
    detail::throw_invalid("speed_ratio", *speed_ratio, "must be > 0 and finite");
  if (compute.empty())
    detail::throw_invalid("compute", "[]", "at least one option required");
  for (const compute_kind k : compute)
    if (k == compute_kind::lmi && !lmi)  // LMI is weighed by detail::recommend_lmi
      detail::throw_invalid("compute", to_string(k),
                            "needs lmi: an LMI configuration with its instance_type");
  if (max_provisioned < 0)
    detail::throw_invalid("max_provisioned", max_provisioned, "must be >= 0");
  if (!(requests_per_month >= 0) || std::isinf(requests_per_month))
    detail::throw_invalid("requests_per_month", requests_per_month,
                          "must be finite and >= 0");
  if (arrival_pattern) arrival_pattern->validate();
  const bool traffic = requests_per_month > 0 || arrival_pattern;
  if (arrival_pattern && requests_per_month > 0)
    detail::throw_invalid(
        "requests_per_month", requests_per_month,
        "give either requests_per_month or arrival_pattern, not both");
  if (max_provisioned > 0 && !traffic)
    detail::throw_invalid("max_provisioned", max_provisioned,
                          "provisioned concurrency needs requests_per_month > 0");
  if (max_warm_ms && !(*max_warm_ms > 0))
    detail::throw_invalid("max_warm_ms", *max_warm_ms, "must be > 0");
  if (max_latency_ms && !(*max_latency_ms > 0))
    detail::throw_invalid("max_latency_ms", *max_latency_ms, "must be > 0");
  if (!(percentile > 0 && percentile < 100))
    detail::throw_invalid("percentile", percentile, "must be in (0, 100)");
  if (budget_usd && !(*budget_usd >= 0))
    detail::throw_invalid("budget_usd", *budget_usd, "must be >= 0");
  if (budget_usd && !traffic)
    detail::throw_invalid("budget_usd", *budget_usd,
                          "a monthly budget needs requests_per_month > 0");
  if (!(headroom >= 0) || std::isinf(headroom))
    detail::throw_invalid("headroom", headroom, "must be finite and >= 0");
  if (current_memory_mb && !(*current_memory_mb > 0))
    detail::throw_invalid("current_memory_mb", *current_memory_mb, "must be > 0");
  if (current_provisioned_concurrency < 0)
    detail::throw_invalid("current_provisioned_concurrency",
                          current_provisioned_concurrency, "must be >= 0");
  if (current_provisioned_concurrency > 0 && !traffic)
    detail::throw_invalid("current_provisioned_concurrency",
                          current_provisioned_concurrency,
                          "needs requests_per_month > 0");
  if (!(band_relative >= 0 && band_relative < 1))
    detail::throw_invalid("band_relative", band_relative, "must be in [0, 1)");
  if (band_lo_ms.size() != band_hi_ms.size())
    detail::throw_invalid(
        "band_hi_ms", static_cast<double>(band_hi_ms.size()),
        "must have band_lo_ms's size " + std::to_string(band_lo_ms.size()));
  if (band_lo_ms.size() > 0 && band_relative > 0)
    detail::throw_invalid("band_relative", band_relative,
                          "give either band_relative or band arrays, not both");
  if (runners_up < 0) detail::throw_invalid("runners_up", runners_up, "must be >= 0");
  if (!(closed_form_max_load > 0))
    detail::throw_invalid("closed_form_max_load", closed_form_max_load, "must be > 0");
  if (simulated_sizes < 2)
    detail::throw_invalid("simulated_sizes", simulated_sizes, "must be >= 2");
  if (!(simulated_hours > 0 && simulated_hours <= max_simulated_hours))
    detail::throw_invalid(
        "simulated_hours", simulated_hours,
        "must be in (0, " + detail::format_number(max_simulated_hours) + "]");
  if (!(simulated_requests >= 0) || std::isinf(simulated_requests))
    detail::throw_invalid("simulated_requests", simulated_requests,
                          "must be finite and >= 0");
}

// ---------------------------------------------------------------- closed forms

double mixture_percentile(double q, double warm, double cold, double pc, double cv) {
  if (!(q > 0 && q < 1)) detail::throw_invalid("q", q, "must be in (0, 1)");
  if (!(pc >= 0 && pc <= 1))
    detail::throw_invalid("cold_fraction", pc, "must be in [0, 1]");
  if (!(cv >= 0) || std::isinf(cv))
    detail::throw_invalid("cv", cv, "must be finite and >= 0");
  if (!(warm > 0) || std::isinf(warm))
    detail::throw_invalid("warm_ms", warm, "must be > 0");
  if (!(cold >= warm) || std::isinf(cold))
    detail::throw_invalid("cold_ms", cold, "must be >= warm_ms and finite");
  if (cv == 0) return (1 - pc) >= q ? warm : cold;  // two point masses
  const double s2 = std::log1p(cv * cv);
  const double sigma = std::sqrt(s2), mu = -s2 / 2;  // factor of mean 1
  const boost::math::lognormal_distribution<double> fw(mu + std::log(warm), sigma);
  const boost::math::lognormal_distribution<double> fc(mu + std::log(cold), sigma);
  const double a = quantile(fw, q);
  if (pc == 0) return a;
  const double b = quantile(fc, q);
  if (pc == 1 || b <= a) return b;
  // F(a) <= q <= F(b): cold is stochastically larger, so the root lies in [a, b].
  auto f = [&](double x) { return (1 - pc) * cdf(fw, x) + pc * cdf(fc, x) - q; };
  std::uintmax_t iters = 200;
  const auto r = boost::math::tools::toms748_solve(
      f, a, b, boost::math::tools::eps_tolerance<double>(40), iters);
  return (r.first + r.second) / 2;
}

double overflow_fraction(double rate, double mean_ms, int n) {
  if (!(rate >= 0) || std::isinf(rate))
    detail::throw_invalid("rate_per_s", rate, "must be >= 0");
  if (!(mean_ms >= 0) || std::isinf(mean_ms))
    detail::throw_invalid("mean_ms", mean_ms, "must be >= 0");
  if (n < 0) detail::throw_invalid("provisioned", n, "must be >= 0");
  if (n == 0) return 1;
  const double a = rate * mean_ms / 1000;  // offered load (Erlang)
  // Erlang B by its stable recursion B(k) = a B(k-1) / (k + a B(k-1)), B(0) = 1.
  double b = 1;
  for (int k = 1; k <= n; ++k) b = a * b / (k + a * b);
  return b;
}

namespace {
/// E[exp(-k C)] for C ~ U[a, b] (b == a: a point).
double mean_exp_uniform(double k, double a, double b) {
  const double x = k * (b - a);
  if (x < 1e-12) return std::exp(-k * a) * (1 - x / 2);
  return std::exp(-k * a) * -std::expm1(-x) / x;
}
}  // namespace

double single_instance_cold_fraction(double rate, const pool_model& pool,
                                     double handover) {
  if (!(rate >= 0) || std::isinf(rate))
    detail::throw_invalid("rate_per_s", rate, "must be >= 0");
  if (!(handover >= 0 && handover <= 1))
    detail::throw_invalid("handover", handover, "must be in [0, 1]");
  const double p_ka = cold_probability(rate, pool.keep_alive);
  const recycling_model& rec = pool.recycling;
  if (rate == 0 || p_ka >= 1) return p_ka;
  if (!rec.enabled() && handover == 0) return p_ka;
  // Renewal over the instance's tenure: it serves the i-th later request if every idle
  // gap stayed within a fresh keep-alive ((1 - p_ka)^i), early recycling did not strike
  // ((rate / (rate + early))^i), no other instance took over as the most recently used
  // ((1 - handover)^i) and its age, a Gamma(i, rate) sum of gaps, is below its maximum
  // lifetime C: P(Gamma(i, r) <= C) = P(Poisson(r C) >= i). With g the product of the
  // first three factors,
  //   E[requests per tenure | C] = sum_i g^i P(Poisson(r C) >= i)
  //                              = (1 - g exp(-r C (1 - g))) / (1 - g),
  // and 1 / (1 - g) without a maximum lifetime. Tenures end by a cold start or by a
  // handover (about `handover` per request), so cold starts per request are
  // 1 / E[requests per tenure] - handover.
  const double g = (1 - p_ka) * rate / (rate + rec.early_per_s) * (1 - handover);
  const double u = 1 - g;
  double expected;
  if (rec.max_lifetime_max_s <= 0) {
    expected = 1 / u;
  } else if (u <= 0) {
    expected = 1 + rate * (rec.max_lifetime_min_s + rec.max_lifetime_max_s) / 2;
  } else {
    const double k = rate * u;
    expected =
        (1 - g * mean_exp_uniform(k, rec.max_lifetime_min_s, rec.max_lifetime_max_s)) /
        u;
  }
  return std::clamp(1 / expected - handover, p_ka, 1.0);
}

double closed_form_cold_fraction(double rate, double mean_ms, int n,
                                 const pool_model& pool) {
  // Instances in order of preference form a cascade of loss systems: instance k serves
  // the arrivals that find the first k - 1 busy and it idle, a fraction
  // B(k - 1) - B(k) of all (Erlang B, exact for Poisson arrivals). The first n are
  // provisioned (always warm); an on-demand instance k is cold for a request with the
  // single-instance fraction at the rate it serves.
  double b_prev = overflow_fraction(rate, mean_ms, n);
  if (b_prev == 0) return 0;
  const double a = rate * mean_ms / 1000;
  double cold = 0;
  for (int k = n + 1; k < n + 100000 && b_prev > 1e-12; ++k) {
    const double b = a * b_prev / (k + a * b_prev);
    const double served = b_prev - b;
    // The first on-demand instance is the most recently used one until a request it
    // cannot take starts (or reuses) another, which then takes over: B(k) / served per
    // request it serves. The others serve rarely; their tenures end by keep-alive.
    const double handover = k == n + 1 ? std::min(b / served, 1.0) : 0.0;
    cold += served * single_instance_cold_fraction(rate * served, pool, handover);
    b_prev = b;
  }
  return cold;
}

// ---------------------------------------------------------------- the recommendation

namespace {

double month_s() {
  return mean_month_hours * 3600;
}

/// The profile on architecture `a`: profile::on_architecture with the speed ratio.
profile on_arch(const profile& w, architecture a, double ratio) {
  return w.on_architecture(to_string(a),
                           architecture_from_string(w.architecture) == a ? 1.0 : ratio);
}

/// The month's bill options of a candidate.
bill_options month_options(const bill_options& base, double requests,
                           double od_cold_fraction, int n, double pc_request_fraction) {
  bill_options b = base;
  b.requests_per_month = requests;
  b.cold_fraction = std::clamp(od_cold_fraction, 0.0, 1.0);
  b.provisioned_concurrency = n;
  if (n > 0) {
    b.provisioned_hours = mean_month_hours;
    b.provisioned_request_fraction = std::clamp(pc_request_fraction, 0.0, 1.0);
    b.free_tier = false;  // not with provisioned concurrency (AWS)
  } else {
    b.provisioned_hours = 0;
    b.provisioned_request_fraction = 1;
  }
  return b;
}

struct group {
  architecture arch;
  int provisioned;
  profile w;
  price_table prices;
  curve_result c;
  // per size: cold fraction of all requests, fraction served by provisioned, method
  Eigen::VectorXd cold_fraction, pc_fraction;
  latency_method method = latency_method::warm_only;
};

/// How group g's cold fraction (all requests) and provisioned share are modelled: the
/// closed form is filled in here; under simulation, the sizes to simulate are returned
/// (a few spread over the grid, log-spaced; the rest is interpolated by
/// interpolate_traffic).
std::vector<Eigen::Index> plan_traffic(group& g, const recommend_options& o,
                                       const pool_model& pool, double rate) {
  const Eigen::Index n = g.c.memory_mb.size();
  g.cold_fraction = Eigen::VectorXd::Zero(n);
  g.pc_fraction = Eigen::VectorXd::Zero(n);
  if (!(rate > 0)) {
    g.method = latency_method::warm_only;
    return {};
  }
  bool closed = !o.arrival_pattern;
  if (closed)
    for (Eigen::Index i = 0; i < n && closed; ++i) {
      const double od_rate =
          rate * overflow_fraction(rate, g.c.warm_ms[i], g.provisioned);
      closed = od_rate * g.c.cold_ms[i] / 1000 < o.closed_form_max_load;
    }
  if (closed) {
    g.method = latency_method::closed_form;
    for (Eigen::Index i = 0; i < n; ++i) {
      g.cold_fraction[i] =
          closed_form_cold_fraction(rate, g.c.warm_ms[i], g.provisioned, pool);
      g.pc_fraction[i] =
          g.provisioned > 0 ? 1 - overflow_fraction(rate, g.c.warm_ms[i], g.provisioned)
                            : 0;
    }
    return {};
  }
  g.method = latency_method::simulation;
  // only sizes that can run (the simulator refuses sizes below peak_memory_mb)
  Eigen::Index first = 0;
  while (first < n && !g.c.feasible[first]) ++first;
  if (first == n) return {};  // nothing feasible: the memory constraint excludes all
  const int k = std::min<int>(o.simulated_sizes, static_cast<int>(n - first));
  std::vector<Eigen::Index> at;
  const double lo = std::log(g.c.memory_mb[first]), hi = std::log(g.c.memory_mb[n - 1]);
  for (int j = 0; j < k; ++j) {
    const double target = k == 1 ? lo : lo + (hi - lo) * j / (k - 1);
    Eigen::Index best = first;
    for (Eigen::Index i = first + 1; i < n; ++i)
      if (std::abs(std::log(g.c.memory_mb[i]) - target) <
          std::abs(std::log(g.c.memory_mb[best]) - target))
        best = i;
    if (at.empty() || at.back() != best) at.push_back(best);
  }
  return at;
}

/// Group g's per-size cold fraction and provisioned share from the simulated sizes
/// `at` (cold fraction cf, provisioned share pf), interpolated in log(memory): the
/// cold fraction varies slowly with the duration.
void interpolate_traffic(group& g, const std::vector<Eigen::Index>& at,
                         const std::vector<double>& cf, const std::vector<double>& pf) {
  if (at.empty()) return;
  std::vector<double> xs;
  for (Eigen::Index i : at) xs.push_back(std::log(g.c.memory_mb[i]));
  for (Eigen::Index i = 0; i < g.c.memory_mb.size(); ++i) {
    const double x = std::log(g.c.memory_mb[i]);
    std::size_t j = 0;
    while (j + 2 < xs.size() && x > xs[j + 1]) ++j;
    if (xs.size() == 1) {
      g.cold_fraction[i] = cf[0];
      g.pc_fraction[i] = pf[0];
      continue;
    }
    const double t = std::clamp((x - xs[j]) / (xs[j + 1] - xs[j]), 0.0, 1.0);
    g.cold_fraction[i] = cf[j] + t * (cf[j + 1] - cf[j]);
    g.pc_fraction[i] = pf[j] + t * (pf[j + 1] - pf[j]);
  }
}

/// One simulation the traffic models need: group g at grid index i. Two jobs whose
/// simulations would draw from the same inputs (simulate() reads of the profile only
/// its warm and cold durations at the size, its cv and its peak memory; the seed,
/// arrivals and platform are shared) are run once: same_as points at the first.
struct sim_job {
  std::size_t g;
  Eigen::Index i;
  double warm_ms, cold_ms, cv, peak_mb, memory_mb;
  int provisioned;
  std::size_t same_as;
  double cold_fraction = 0, provisioned_share = 0;
  bool same_inputs(const sim_job& b) const {
    return warm_ms == b.warm_ms && cold_ms == b.cold_ms && cv == b.cv &&
           peak_mb == b.peak_mb && memory_mb == b.memory_mb &&
           provisioned == b.provisioned;
  }
};

/// The traffic model of every group: closed forms where they hold, else the simulator
/// at a few sizes per group, every distinct simulation once, over every core (each is
/// seeded the same, so the result depends neither on the thread count nor on which
/// group a shared simulation is counted for). progress(done, total) in simulated
/// requests: once with done = 0 before the first simulation, then after each.
void traffic_models(std::vector<group>& groups, const platform& p,
                    const recommend_options& o, const pool_model& pool, double rate,
                    const recommend_progress& progress) {
  std::vector<std::vector<Eigen::Index>> at(groups.size());
  for (std::size_t k = 0; k < groups.size(); ++k)
    at[k] = plan_traffic(groups[k], o, pool, rate);
  std::vector<sim_job> jobs;
  std::vector<std::size_t> distinct;
  for (std::size_t k = 0; k < groups.size(); ++k)
    for (Eigen::Index i : at[k]) {
      const group& g = groups[k];
      sim_job j{k,
                i,
                warm_ms(g.w, p, g.c.memory_mb[i]),
                cold_ms(g.w, p, g.c.memory_mb[i]),
                g.w.cv,
                g.w.peak_memory_mb,
                g.c.memory_mb[i],
                g.provisioned,
                jobs.size()};
      for (std::size_t d : distinct)
        if (jobs[d].same_inputs(j)) {
          j.same_as = d;
          break;
        }
      if (j.same_as == jobs.size()) distinct.push_back(jobs.size());
      jobs.push_back(j);
    }
  if (distinct.empty()) return;

  const double period_s =
      std::clamp(o.simulated_requests / rate, o.simulated_hours * 3600,
                 max_simulated_hours * 3600);
  const arrivals a =
      o.arrival_pattern ? *o.arrival_pattern : arrivals::poisson(rate, period_s);
  const auto per_job = static_cast<std::uint64_t>(std::llround(a.expected_requests()));
  const std::uint64_t total = per_job * distinct.size();
  std::mutex m;
  std::uint64_t done = 0;
  std::atomic<bool> stop{false};
  if (progress) progress(0, total);
  // Simulations differ in cost (small sizes and few provisioned instances keep more
  // instances busy), so each thread takes the next one as it finishes its last.
  const int threads = detail::resolve_threads(0);
  std::atomic<std::size_t> next_job{0};
  detail::parallel_blocks(
      static_cast<std::size_t>(threads), threads, 1, [&](std::size_t, std::size_t) {
        for (std::size_t d = next_job++; d < distinct.size() && !stop; d = next_job++) {
          sim_job& j = jobs[distinct[d]];
          simulate_options so;
          so.memory_mb = j.memory_mb;
          so.provisioned_concurrency = j.provisioned;
          so.seed = o.seed;
          so.timeline_bins = 0;
          so.threads = 1;
          simulation_result r;
          try {
            r = simulate(groups[j.g].w, p, a, so);
          } catch (...) {
            stop = true;  // the other blocks stop at their next job
            throw;
          }
          const double served = static_cast<double>(r.served);
          j.cold_fraction =
              served > 0 ? static_cast<double>(r.cold_starts) / served : 0;
          j.provisioned_share =
              served > 0 ? static_cast<double>(r.provisioned_served) / served : 0;
          if (progress) {
            std::lock_guard<std::mutex> lock(m);
            done += per_job;
            try {
              progress(std::min(done, total), total);
            } catch (...) {
              stop = true;  // e.g. Ctrl-C: the other blocks stop at their next job
              throw;
            }
          }
        }
      });

  std::size_t next = 0;
  for (std::size_t k = 0; k < groups.size(); ++k) {
    std::vector<double> cf, pf;
    for (std::size_t q = 0; q < at[k].size(); ++q, ++next) {
      const sim_job& j = jobs[jobs[next].same_as];
      cf.push_back(j.cold_fraction);
      pf.push_back(j.provisioned_share);
    }
    interpolate_traffic(groups[k], at[k], cf, pf);
  }
}

struct row {
  std::size_t g;
  Eigen::Index i;
  recommend_candidate c;
  constraint excluded = constraint::none;
};

}  // namespace

recommendation recommend(const profile& w_in, const platform& p,
                         const recommend_options& o,
                         const recommend_progress& progress) {
  o.validate();
  w_in.validate();
  p.validate();
  const pool_model pool = pool_model::named(p.name);
  const Eigen::VectorXd grid = o.memory_mb.size() > 0 ? o.memory_mb : p.memory_grid();
  for (Eigen::Index i = 0; i < grid.size(); ++i) {
    p.check_memory(grid[i]);
    if (i > 0 && !(grid[i] > grid[i - 1]))
      detail::throw_invalid("memory_mb", grid[i],
                            "sizes must be ascending, without repeats");
  }
  if (o.band_lo_ms.size() > 0 && o.band_lo_ms.size() != grid.size())
    detail::throw_invalid(
        "band_lo_ms", static_cast<double>(o.band_lo_ms.size()),
        "must have one value per memory size (" + std::to_string(grid.size()) + ")");
  const double requests = o.arrival_pattern
                              ? o.arrival_pattern->mean_rate_per_s() * month_s()
                              : o.requests_per_month;
  const double rate = requests / month_s();
  const bool monthly = requests > 0;
  const double q = o.percentile / 100;

  recommendation out;
  out.strategy = o.strategy;
  out.weight = o.weight;
  out.percentile = o.percentile;
  out.requests_per_month = requests;
  out.speed_ratio = o.speed_ratio.value_or(1.0);
  // The profile as measured, on the architecture the options say (or its own).
  const architecture own_arch =
      o.profile_architecture.value_or(architecture_from_string(w_in.architecture));
  profile w = w_in;
  w.architecture = std::string(to_string(own_arch));
  const bool other_arch = std::any_of(o.architectures.begin(), o.architectures.end(),
                                      [&](architecture a) { return a != own_arch; });
  if (other_arch && !o.speed_ratio)
    out.caveats.push_back("the profile was measured on " +
                          std::string(to_string(own_arch)) +
                          "; no speed ratio was given, so " +
                          std::string(to_string(own_arch == architecture::x86_64
                                                    ? architecture::arm64
                                                    : architecture::x86_64)) +
                          " is assumed to run its CPU work at the same speed (ratio "
                          "1.0). Measure one size on "
                          "both architectures, or pass speed_ratio.");

  // Every candidate holds a row of the table (about 550 bytes measured: 1,022,550
  // candidates took 0.6 GB), so the grid times the concurrency options is bounded
  // before anything is allocated: max_provisioned = 1e9 was killed for memory.
  {
    const bool has_pc = std::find(o.compute.begin(), o.compute.end(),
                                  compute_kind::provisioned) != o.compute.end();
    const double levels = 1.0 + (has_pc ? static_cast<double>(o.max_provisioned) : 0.0);
    const double n = levels * static_cast<double>(o.architectures.size()) *
                     static_cast<double>(grid.size());
    if (n > static_cast<double>(recommend_max_candidates))
      throw std::invalid_argument(
          "max_provisioned = " + std::to_string(o.max_provisioned) + ": " +
          detail::format_number(n) + " configurations (" +
          detail::format_number(levels) + " concurrency options x " +
          std::to_string(o.architectures.size()) + " architectures x " +
          std::to_string(grid.size()) + " sizes) exceed " +
          std::to_string(recommend_max_candidates) +
          "; give fewer sizes (memory_mb, e.g. 128:10240:64) or fewer "
          "provisioned levels");
  }
  // Groups: architecture x concurrency option.
  std::vector<int> pcs;
  if (std::find(o.compute.begin(), o.compute.end(), compute_kind::on_demand) !=
      o.compute.end())
    pcs.push_back(0);
  if (std::find(o.compute.begin(), o.compute.end(), compute_kind::provisioned) !=
      o.compute.end())
    for (int n = 1; n <= o.max_provisioned; ++n) pcs.push_back(n);
  if (pcs.empty())
    detail::throw_invalid("compute", "provisioned",
                          "needs max_provisioned > 0 (or add on_demand)");
  std::vector<group> groups;
  for (architecture a : o.architectures) {
    const profile wa = on_arch(w, a, out.speed_ratio);
    const price_table prices = price_table::aws(o.region, a);
    const curve_result c = curve(wa, p, prices, grid);
    for (int n : pcs)
      groups.push_back({a, n, wa, prices, c, {}, {}, latency_method::warm_only});
  }
  // With provisioned levels and simulated traffic this is where the time goes.
  traffic_models(groups, p, o, pool, rate, progress);

  // Band of the profile's architecture, carried to the other by the duration ratio.
  auto band = [&](const group& g, Eigen::Index i, double warm) {
    if (o.band_relative > 0)
      return std::pair{warm * (1 - o.band_relative), warm * (1 + o.band_relative)};
    if (o.band_lo_ms.size() > 0) {
      const double base = warm_ms(w_in, p, grid[i]);
      const double k = base > 0 ? warm / base : 1;
      (void)g;
      return std::pair{o.band_lo_ms[i] * k, o.band_hi_ms[i] * k};
    }
    return std::pair{warm, warm};
  };

  const double min_mb = w_in.peak_memory_mb * (1 + o.headroom);
  auto make = [&](group& g, Eigen::Index i) {
    recommend_candidate c;
    c.memory_mb = g.c.memory_mb[i];
    c.arch = g.arch;
    c.provisioned_concurrency = g.provisioned;
    c.compute = g.provisioned > 0 ? compute_kind::provisioned : compute_kind::on_demand;
    c.warm_ms = g.c.warm_ms[i];
    c.cold_ms = g.c.cold_ms[i];
    c.cost_usd = g.c.cost_usd[i];
    c.cold_fraction = g.cold_fraction[i];
    c.method = g.method;
    std::tie(c.band_lo_ms, c.band_hi_ms) = band(g, i, c.warm_ms);
    c.latency_ms = mixture_percentile(q, c.warm_ms, std::max(c.cold_ms, c.warm_ms),
                                      c.cold_fraction, g.w.cv);
    c.monthly_usd = nan_v;
    return c;
  };
  auto price_month = [&](group& g, Eigen::Index i, recommend_candidate& c) {
    if (!monthly || !g.c.feasible[i]) return monthly_bill{};
    const double pc_share = g.pc_fraction[i];
    const double od_share = 1 - pc_share;
    const double od_cold = od_share > 0 ? c.cold_fraction / od_share : 0;
    const monthly_bill b =
        compute_bill(g.w, p, g.prices, c.memory_mb,
                     month_options(o.bill, requests, od_cold, g.provisioned, pc_share));
    c.monthly_usd = b.total_usd;
    return b;
  };

  std::vector<row> rows;
  rows.reserve(static_cast<std::size_t>(grid.size()) * groups.size());
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    group& g = groups[gi];
    for (Eigen::Index i = 0; i < grid.size(); ++i) {
      row r{gi, i, make(g, i), constraint::none};
      if (!g.c.feasible[i] || r.c.memory_mb < min_mb) {
        r.excluded = constraint::memory;
      } else {
        price_month(g, i, r.c);
      }
      rows.push_back(std::move(r));
    }
  }
  auto cost_of = [&](const recommend_candidate& c) {
    return monthly ? c.monthly_usd : c.cost_usd;
  };
  const std::string cost_words = monthly ? "monthly cost" : "cost per warm invocation";
  auto describe = [&](const recommend_candidate& c) {
    std::string s = fmt(c.memory_mb, 6) + " MB " + std::string(to_string(c.arch));
    if (c.provisioned_concurrency > 0)
      s += " with " + std::to_string(c.provisioned_concurrency) + " provisioned";
    return s;
  };

  // Constraints in order; an empty set names the constraint and the best value reached.
  {
    bool any = false;
    for (const row& r : rows) any = any || r.excluded == constraint::none;
    if (!any) {
      std::string msg = std::string(no_size_reaches) + " (largest " +
                        fmt(grid[grid.size() - 1], 6) +
                        " MB) reaches peak_memory_mb = " + fmt(w_in.peak_memory_mb, 6) +
                        " MB plus headroom " + fmt(o.headroom * 100) + " % (" +
                        fmt(min_mb, 6) + " MB)";
      detail::throw_invalid("headroom", o.headroom, msg);
    }
  }
  struct check {
    constraint c;
    std::optional<double> limit;
    const char* field;
  };
  for (const check& k :
       {check{constraint::max_warm_ms, o.max_warm_ms, "max_warm_ms"},
        check{constraint::max_latency_ms, o.max_latency_ms, "max_latency_ms"},
        check{constraint::budget_usd, o.budget_usd, "budget_usd"}}) {
    if (!k.limit) continue;
    auto value = [&](const recommend_candidate& c) {
      return k.c == constraint::max_warm_ms      ? c.warm_ms
             : k.c == constraint::max_latency_ms ? c.latency_ms
                                                 : c.monthly_usd;
    };
    double best = inf_v;
    const recommend_candidate* best_c = nullptr;
    bool any = false;
    for (row& r : rows) {
      if (r.excluded != constraint::none) continue;
      const double v = value(r.c);
      if (v < best) {
        best = v;
        best_c = &r.c;
      }
      if (v > *k.limit)
        r.excluded = k.c;
      else
        any = true;
    }
    if (!any) {
      std::string what = k.c == constraint::max_warm_ms
                             ? "the fastest warm duration is " + fmt_ms(best)
                         : k.c == constraint::max_latency_ms
                             ? "the lowest p" + fmt(o.percentile) +
                                   " latency (cold starts included, " +
                                   fmt(requests, 6) + " requests a month) is " +
                                   fmt_ms(best)
                             : "the cheapest month costs " + fmt_usd(best);
      detail::throw_invalid(k.field, *k.limit,
                            std::string(no_configuration) + ": " + what + " (" +
                                describe(*best_c) +
                                ") among those meeting the constraints before it");
    }
  }

  // The feasible set and the strategy.
  std::vector<std::size_t> feas;
  for (std::size_t j = 0; j < rows.size(); ++j)
    if (rows[j].excluded == constraint::none) feas.push_back(j);
  out.feasible_count = feas.size();

  auto tie_key = [&](const row& r) {
    return std::tuple{r.c.memory_mb, static_cast<int>(r.g),
                      r.c.provisioned_concurrency};
  };
  // Choose by strategy s over the index set `set`.
  auto choose = [&](recommend_strategy s, const std::vector<std::size_t>& set) {
    double cmax = 0, dmax = 0;
    for (std::size_t j : set) {
      cmax = std::max(cmax, cost_of(rows[j].c));
      dmax = std::max(dmax, rows[j].c.warm_ms);
    }
    auto score = [&](const row& r) -> std::tuple<double, double, double> {
      const double c = cost_of(r.c), d = r.c.warm_ms;
      switch (s) {
        case recommend_strategy::cost:
          return {c, d, 0};
        case recommend_strategy::speed:
          return {d, c, 0};
        case recommend_strategy::balanced: {
          const double v = o.weight * (cmax > 0 ? c / cmax : 0) +
                           (1 - o.weight) * (dmax > 0 ? d / dmax : 0);
          return {v, c, d};
        }
        case recommend_strategy::knee:
          return {0, c, d};  // handled below
      }
      return {0, 0, 0};
    };
    if (s == recommend_strategy::knee) {
      // Pareto front of (cost, warm duration): sort by cost, keep strictly faster.
      std::vector<std::size_t> byc = set;
      std::sort(byc.begin(), byc.end(), [&](std::size_t a, std::size_t b) {
        const double ca = cost_of(rows[a].c), cb = cost_of(rows[b].c);
        if (ca != cb) return ca < cb;
        if (rows[a].c.warm_ms != rows[b].c.warm_ms)
          return rows[a].c.warm_ms < rows[b].c.warm_ms;
        return tie_key(rows[a]) < tie_key(rows[b]);
      });
      std::vector<std::size_t> front;
      double dbest = inf_v;
      for (std::size_t j : byc)
        if (rows[j].c.warm_ms < dbest) {
          front.push_back(j);
          dbest = rows[j].c.warm_ms;
        }
      const double c0 = cost_of(rows[front.front()].c),
                   c1 = cost_of(rows[front.back()].c);
      const double d0 = rows[front.front()].c.warm_ms,
                   d1 = rows[front.back()].c.warm_ms;
      std::size_t best = front.front();
      double best_v = -inf_v;
      for (std::size_t j : front) {  // ascending cost: the first maximum is the cheaper
        const double x = c1 > c0 ? (cost_of(rows[j].c) - c0) / (c1 - c0) : 0;
        const double y = d0 > d1 ? (rows[j].c.warm_ms - d1) / (d0 - d1) : 0;
        const double v =
            1 - x - y;  // distance below the chord x + y = 1, up to sqrt(2)
        if (v > best_v + 1e-12) {
          best_v = v;
          best = j;
        }
      }
      return best;
    }
    std::size_t best = set.front();
    for (std::size_t j : set) {
      const auto a = score(rows[j]), b = score(rows[best]);
      if (a < b || (a == b && tie_key(rows[j]) < tie_key(rows[best]))) best = j;
    }
    return best;
  };

  const std::size_t chosen = choose(o.strategy, feas);
  out.chosen = rows[chosen].c;
  {
    group& g = groups[rows[chosen].g];
    out.chosen_bill = price_month(g, rows[chosen].i, out.chosen);
    out.chosen.bill = out.chosen_bill;
    out.method = out.chosen.method;
  }

  // What decided it: the same strategy with only the memory constraint.
  std::vector<std::size_t> mem_ok;
  for (std::size_t j = 0; j < rows.size(); ++j)
    if (rows[j].excluded == constraint::none ||
        rows[j].excluded == constraint::max_warm_ms ||
        rows[j].excluded == constraint::max_latency_ms ||
        rows[j].excluded == constraint::budget_usd)
      mem_ok.push_back(j);
  const std::size_t free_choice = choose(o.strategy, mem_ok);
  std::string objective;
  switch (o.strategy) {
    case recommend_strategy::cost:
      objective = "the lowest " + cost_words + " (ties to the faster)";
      break;
    case recommend_strategy::speed:
      objective = "the shortest warm duration (ties to the cheaper)";
      break;
    case recommend_strategy::balanced:
      objective = "the balanced score " + fmt(o.weight) + " x cost/max(cost) + " +
                  fmt(1 - o.weight) +
                  " x duration/max(duration) (Power Tuning's balanced strategy)";
      break;
    case recommend_strategy::knee:
      objective =
          "the knee of the cost-duration front (farthest below the chord from the "
          "cheapest to the fastest configuration)";
      break;
  }
  std::string reason = describe(out.chosen) + ": " + fmt_ms(out.chosen.warm_ms) +
                       " warm, " +
                       (monthly ? fmt_usd(out.chosen.monthly_usd) + " a month"
                                : fmt_usd(out.chosen.cost_usd * 1e6) + " per million");
  if (free_choice == chosen) {
    out.decided_by = constraint::none;
    reason += "; decided by the objective: " + objective + " over " +
              fmt_count(feas.size()) + " configurations meeting every constraint";
  } else {
    const row& f = rows[free_choice];
    out.decided_by = f.excluded;
    std::string why;
    switch (f.excluded) {
      case constraint::max_warm_ms:
        why = "its warm duration " + fmt_ms(f.c.warm_ms) +
              " exceeds max_warm_ms = " + fmt_ms(*o.max_warm_ms);
        break;
      case constraint::max_latency_ms:
        why = "its p" + fmt(o.percentile) + " latency " + fmt_ms(f.c.latency_ms) +
              " (cold starts included) exceeds max_latency_ms = " +
              fmt_ms(*o.max_latency_ms);
        break;
      case constraint::budget_usd:
        why = "its month " + fmt_usd(f.c.monthly_usd) + " exceeds the budget " +
              fmt_usd(*o.budget_usd);
        break;
      default:
        why = "it fails a constraint";
        break;
    }
    reason += "; decided by " + std::string(to_string(f.excluded)) + ": without it, " +
              objective + " would pick " + describe(f.c) + ", but " + why;
  }
  out.reason = reason;

  // Runners-up: the best under each other strategy, the best on each other architecture
  // and under each other concurrency option (same strategy), distinct, in that order.
  {
    std::vector<std::pair<std::size_t, std::string>> cand;
    const std::pair<recommend_strategy, const char*> others[] = {
        {recommend_strategy::cost, "cheapest"},
        {recommend_strategy::speed, "fastest"},
        {recommend_strategy::balanced, "balanced"},
        {recommend_strategy::knee, "knee"}};
    for (const auto& [s, name] : others)
      if (s != o.strategy) cand.emplace_back(choose(s, feas), name);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      const group& g = groups[gi];
      if (g.arch == out.chosen.arch &&
          g.provisioned == out.chosen.provisioned_concurrency)
        continue;
      std::vector<std::size_t> sub;
      for (std::size_t j : feas)
        if (rows[j].g == gi) sub.push_back(j);
      if (sub.empty()) continue;
      std::string role =
          g.arch != out.chosen.arch ? "best " + std::string(to_string(g.arch)) : "";
      if (g.provisioned != out.chosen.provisioned_concurrency)
        role += std::string(role.empty() ? "" : ", ") +
                (g.provisioned > 0 ? std::to_string(g.provisioned) + " provisioned"
                                   : "on demand");
      cand.emplace_back(choose(o.strategy, sub), role);
    }
    for (const auto& [j, role] : cand) {
      if (static_cast<int>(out.runners_up.size()) >= o.runners_up) break;
      if (j == chosen) continue;
      bool dup = false;
      for (const auto& r : out.runners_up)
        dup = dup || (r.memory_mb == rows[j].c.memory_mb && r.arch == rows[j].c.arch &&
                      r.provisioned_concurrency == rows[j].c.provisioned_concurrency);
      if (dup) continue;
      recommend_candidate c = rows[j].c;
      c.role = role;
      c.bill = price_month(groups[rows[j].g], rows[j].i, c);
      c.within_uncertainty = c.band_lo_ms <= out.chosen.band_hi_ms &&
                             out.chosen.band_lo_ms <= c.band_hi_ms &&
                             (c.band_hi_ms > c.band_lo_ms ||
                              out.chosen.band_hi_ms > out.chosen.band_lo_ms);
      out.within_uncertainty = out.within_uncertainty || c.within_uncertainty;
      out.runners_up.push_back(std::move(c));
    }
    if (out.within_uncertainty)
      out.caveats.push_back(
          "the warm-duration band of the choice overlaps that of a runner-up: the "
          "choice is "
          "within the model's uncertainty");
  }

  // Table and Pareto front (cost measure against the latency percentile, feasible
  // only).
  {
    recommend_table& t = out.candidates;
    const auto n = static_cast<Eigen::Index>(rows.size());
    t.memory_mb.resize(n);
    t.provisioned_concurrency.resize(n);
    for (Eigen::VectorXd* v : {&t.warm_ms, &t.cold_ms, &t.cost_usd, &t.monthly_usd,
                               &t.latency_ms, &t.cold_fraction})
      v->resize(n);
    t.pareto = bool_vector::Constant(n, false);
    t.arch.reserve(rows.size());
    t.compute.reserve(rows.size());
    t.excluded_by.reserve(rows.size());
    for (Eigen::Index k = 0; k < n; ++k) {
      const row& r = rows[static_cast<std::size_t>(k)];
      t.memory_mb[k] = r.c.memory_mb;
      t.arch.push_back(r.c.arch);
      t.compute.push_back(r.c.compute);
      t.provisioned_concurrency[k] = r.c.provisioned_concurrency;
      t.warm_ms[k] = r.c.warm_ms;
      t.cold_ms[k] = r.c.cold_ms;
      t.cost_usd[k] = r.c.cost_usd;
      t.monthly_usd[k] = r.c.monthly_usd;
      t.latency_ms[k] = r.c.latency_ms;
      t.cold_fraction[k] = r.c.cold_fraction;
      t.excluded_by.push_back(r.excluded);
    }
    std::vector<std::size_t> byc = feas;
    std::sort(byc.begin(), byc.end(), [&](std::size_t a, std::size_t b) {
      const double ca = cost_of(rows[a].c), cb = cost_of(rows[b].c);
      if (ca != cb) return ca < cb;
      return rows[a].c.latency_ms < rows[b].c.latency_ms;
    });
    double lbest = inf_v;
    for (std::size_t j : byc)
      if (rows[j].c.latency_ms < lbest) {
        t.pareto[static_cast<Eigen::Index>(j)] = true;
        lbest = rows[j].c.latency_ms;
      }
  }

  // Method.
  {
    bool sim = false, closed = false;
    for (const group& g : groups) {
      sim = sim || g.method == latency_method::simulation;
      closed = closed || g.method == latency_method::closed_form;
    }
    if (!monthly)
      out.method_detail = "no traffic given: latency is the warm duration's p" +
                          fmt(o.percentile) + " (lognormal, cv = " + fmt(w_in.cv) +
                          "); cold starts not included";
    else {
      out.method_detail =
          "p" + fmt(o.percentile) +
          " of all requests from the lognormal mixture of warm and cold "
          "durations (cv = " +
          fmt(w_in.cv) + ", Boost.Math quantiles)";
      if (closed)
        out.method_detail +=
            "; cold fraction in closed form (instances as a cascade of Erlang loss "
            "systems, "
            "provisioned first; on-demand instances cold by keep-alive, recycling and "
            "handover) where the expected on-demand "
            "concurrency is below " +
            fmt(o.closed_form_max_load) +
            " (tests: within 5 % of the simulator's cold fraction)";
      if (sim)
        out.method_detail +=
            std::string(closed ? ";" : ";") + " cold fraction from the simulator at " +
            std::to_string(o.simulated_sizes) +
            " sizes per option, interpolated in log(memory), where the load is higher"
            " or an arrival pattern is given";
    }
  }

  // Lambda Managed Instances against the Lambda choice (lmi_compare.cpp).
  if (std::find(o.compute.begin(), o.compute.end(), compute_kind::lmi) !=
      o.compute.end())
    detail::recommend_lmi(out, w_in, o);

  // The current configuration.
  if (o.current_memory_mb) {
    const architecture ca = o.current_architecture.value_or(own_arch);
    try {
      p.check_memory(*o.current_memory_mb);
    } catch (const std::invalid_argument& e) {
      // name the option, not the grid's field: "current_memory_mb = 5: ..."
      throw std::invalid_argument("current_" + std::string(e.what()));
    }
    group g{ca,
            o.current_provisioned_concurrency,
            on_arch(w, ca, out.speed_ratio),
            price_table::aws(o.region, ca),
            {},
            {},
            {},
            latency_method::warm_only};
    Eigen::VectorXd one(1);
    one[0] = *o.current_memory_mb;
    g.c = curve(g.w, p, g.prices, one);
    std::vector<group> current{std::move(g)};
    traffic_models(current, p, o, pool, rate, {});
    g = std::move(current.front());
    recommend_candidate c = make(g, 0);
    if (g.c.feasible[0]) c.bill = price_month(g, 0, c);
    c.role = "current";
    recommend_change ch;
    ch.current = c;
    const double c0 = cost_of(c), c1 = cost_of(out.chosen);
    ch.cost_change = c0 > 0 ? c1 / c0 - 1 : nan_v;
    ch.duration_change = out.chosen.warm_ms / c.warm_ms - 1;
    ch.latency_change = out.chosen.latency_ms / c.latency_ms - 1;
    ch.monthly_usd_change = monthly ? out.chosen.monthly_usd - c.monthly_usd : nan_v;
    if (!g.c.feasible[0])
      out.caveats.push_back(
          "the current " + fmt(*o.current_memory_mb, 6) +
          " MB is below the profile's peak_memory_mb (out of memory)");
    out.change = ch;
  }
  return out;
}

double provisioned_break_even(const profile& w, const platform& p,
                              const price_table& prices, double memory_mb, int n,
                              const bill_options& base) {
  if (n < 1) detail::throw_invalid("provisioned", n, "must be >= 1");
  const pool_model pool = pool_model::named(p.name);
  const double warm = warm_ms(w, p, memory_mb);
  auto diff = [&](double requests) {
    const double rate = requests / month_s();
    const double od_cold = closed_form_cold_fraction(rate, warm, 0, pool);
    bill_options b0 = month_options(base, requests, od_cold, 0, 0);
    const double f = overflow_fraction(rate, warm, n);
    const double cold = closed_form_cold_fraction(rate, warm, n, pool);
    bill_options b1 = month_options(base, requests, f > 0 ? cold / f : 0, n, 1 - f);
    return compute_bill(w, p, prices, memory_mb, b1).total_usd -
           compute_bill(w, p, prices, memory_mb, b0).total_usd;
  };
  // Scan in 2 % steps for the first sign change (the window where provisioned is
  // cheaper can be narrow: past it, overflow to on demand costs more), then bisect.
  double lo = 1e3;
  if (diff(lo) <= 0) return lo;
  for (double hi = lo * 1.02; hi <= 1e12; hi *= 1.02) {
    if (diff(hi) <= 0) {
      for (int it = 0; it < 100 && hi - lo > 1e-9 * hi; ++it) {
        const double mid = (lo + hi) / 2;
        (diff(mid) <= 0 ? hi : lo) = mid;
      }
      return (lo + hi) / 2;
    }
    lo = hi;
  }
  return nan_v;
}

// ---------------------------------------------------------------- many profiles

namespace {
bool impossible_constraint(const std::string& msg) {
  return msg.find(no_size_reaches) != std::string::npos ||
         msg.find(no_configuration) != std::string::npos;
}

template <class Profile>
fleet_recommendation recommend_many(std::size_t rows, const platform& p,
                                    const recommend_options& o, int threads,
                                    Profile&& profile_of) {
  const int t = detail::resolve_threads(threads);
  o.validate();
  p.validate();
  fleet_recommendation out;
  out.results.resize(rows);
  out.errors.resize(rows);
  // One recommendation takes milliseconds: one profile per block is worth a thread.
  detail::parallel_blocks(rows, t, 1, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      try {
        out.results[i] = recommend(profile_of(i), p, o);
      } catch (const std::invalid_argument& err) {
        if (!impossible_constraint(err.what()))
          throw std::invalid_argument("profiles[" + std::to_string(i) +
                                      "]: " + err.what());
        out.errors[i] = err.what();
      }
    }
  });
  return out;
}
}  // namespace

fleet_recommendation recommend(std::span<const profile> profiles, const platform& p,
                               const recommend_options& o, int threads) {
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    try {
      profiles[i].validate();
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("profiles[" + std::to_string(i) + "]." + e.what());
    }
  }
  return recommend_many(profiles.size(), p, o, threads,
                        [&](std::size_t i) -> const profile& { return profiles[i]; });
}

fleet_recommendation recommend(const profile_columns& profiles, const platform& p,
                               const recommend_options& o, int threads) {
  profiles.validate();
  return recommend_many(profiles.rows, p, o, threads,
                        [&](std::size_t i) { return profiles.row(i); });
}

}  // namespace lambdasim
