// SPDX-License-Identifier: MIT
#include "lambdasim/lmi.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <string>

#include "detail/arrival_stream.hpp"
#include "detail/json_reader.hpp"
#include "detail/random.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

namespace {

constexpr std::string_view lmi_origin = "models/lmi-aws.json";

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string number_text(double x) {
  return detail::format_number(x);
}

}  // namespace

// ---------------------------------------------------------------- the model (facts)

lmi_model lmi_model::from_json(std::string_view text, std::string_view origin) {
  using detail::object_reader;
  const auto j = detail::parse_json(text, origin);
  object_reader r(j, std::string(origin), "");
  detail::read_model_header(r);
  r.allow("about");
  lmi_model m;
  m.name = r.string("name");
  m.region = r.string("region");
  m.source = r.string("source");
  m.effective_date = r.string("effective_date");
  auto positive = [](object_reader& o, std::string_view key) {
    const double v = o.number(key);
    if (!(v > 0)) o.fail(key, "must be > 0");
    return v;
  };
  auto fraction = [](object_reader& o, std::string_view key) {
    const double v = o.number(key);
    if (!(v >= 0 && v < 1)) o.fail(key, "must be within [0, 1)");
    return v;
  };
  {
    auto p = r.object("pricing");
    p.allow("source");
    p.allow("effective_date");
    m.management_fee_fraction = fraction(p, "management_fee_fraction");
    m.requests_usd_per_million = p.number("requests_usd_per_million");
    if (!(m.requests_usd_per_million >= 0))
      p.fail("requests_usd_per_million", "must be >= 0");
    m.month_hours = positive(p, "month_hours");
    p.finish();
  }
  {
    auto s = r.object("savings_plans");
    s.allow("source");
    s.allow("effective_date");
    m.lambda_sp_max_discount = fraction(s, "lambda_compute_max_discount");
    m.lambda_sp_min_published_discount =
        fraction(s, "lambda_compute_min_published_discount");
    m.ec2_max_discount = fraction(s, "ec2_max_discount");
    s.finish();
  }
  {
    auto l = r.object("limits");
    l.allow("source");
    l.allow("effective_date");
    m.default_min_instances = l.integer("default_min_instances");
    m.default_min_environments = l.integer("default_min_environments");
    if (m.default_min_instances < 0) l.fail("default_min_instances", "must be >= 0");
    if (m.default_min_environments < 0)
      l.fail("default_min_environments", "must be >= 0");
    m.memory_per_vcpu_gib_min = positive(l, "memory_per_vcpu_gib_min");
    m.memory_per_vcpu_gib_max = positive(l, "memory_per_vcpu_gib_max");
    m.environment_memory_gib_min = positive(l, "environment_memory_gib_min");
    m.environment_memory_gib_max = positive(l, "environment_memory_gib_max");
    m.environment_vcpu_min = positive(l, "environment_vcpu_min");
    m.environment_vcpu_max = positive(l, "environment_vcpu_max");
    m.concurrency_per_environment_max = l.integer("concurrency_per_environment_max");
    if (m.concurrency_per_environment_max < 1)
      l.fail("concurrency_per_environment_max", "must be >= 1");
    m.scaling_doubling_s = positive(l, "scaling_doubling_s");
    l.finish();
  }
  {
    auto c = r.object("concurrency_per_vcpu");
    c.allow("source");
    c.allow("effective_date");
    const auto& obj = j.at("concurrency_per_vcpu");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (it.key() == "source" || it.key() == "effective_date") continue;
      const int v = c.integer(it.key());
      if (v < 1) c.fail(it.key(), "must be >= 1");
      m.concurrency_per_vcpu.emplace_back(it.key(), v);
    }
    c.finish();
  }
  {
    auto a = r.object("assumptions");
    a.allow("source");
    a.allow("effective_date");
    for (const char* why :
         {"memory_per_vcpu_gib_why", "os_reserve_why", "cpu_target_why",
          "startup_lag_why", "billing_why", "scaling_interval_why",
          "scale_in_cooldown_why", "runtime_why"})
      a.allow(why);
    m.memory_per_vcpu_gib = positive(a, "memory_per_vcpu_gib");
    m.os_reserve_vcpu = a.number("os_reserve_vcpu");
    m.os_reserve_gib = a.number("os_reserve_gib");
    m.cpu_target = positive(a, "cpu_target");
    m.startup_lag_s = a.number("startup_lag_s");
    m.billing_granularity_s = positive(a, "billing_granularity_s");
    m.billing_minimum_s = a.number("billing_minimum_s");
    m.scaling_interval_s = positive(a, "scaling_interval_s");
    m.scale_in_cooldown_s = a.number("scale_in_cooldown_s");
    m.runtime = a.string("runtime");
    a.finish();
  }
  {
    auto t = r.object("instance_types");
    t.allow("source");
    t.allow("effective_date");
    const auto& arr = t.get("types");
    if (!arr.is_array() || arr.empty()) t.fail("types", "expected a non-empty array");
    for (std::size_t i = 0; i < arr.size(); ++i) {
      object_reader e(arr[i], std::string(origin),
                      t.pointer_to("types") + "/" + std::to_string(i));
      ec2_instance_type it;
      it.name = e.string("name");
      try {
        it.arch = architecture_from_string(e.string("arch"));
      } catch (const std::invalid_argument& err) {
        e.fail("arch", err.what());
      }
      it.vcpu = positive(e, "vcpu");
      it.memory_gib = positive(e, "memory_gib");
      it.on_demand_usd_per_hour = positive(e, "on_demand_usd_per_hour");
      it.source = e.string("source");
      it.confidence = e.string("confidence");
      e.finish();
      for (const auto& other : m.instance_types)
        if (other.name == it.name)
          e.fail("name", "duplicate instance type '" + it.name + "'");
      m.instance_types.push_back(std::move(it));
    }
    t.finish();
  }
  r.finish();
  return m;
}

const lmi_model& lmi_model::aws() {
  static const lmi_model m =
      from_json(detail::embedded_model("lmi-aws.json"), std::string(lmi_origin));
  return m;
}

const ec2_instance_type& lmi_model::instance(std::string_view name) const {
  for (const auto& t : instance_types)
    if (t.name == name) return t;
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& t : instance_types)
    near.emplace_back(edit_distance(name, t.name), t.name);
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string list;
  for (std::size_t i = 0; i < std::min<std::size_t>(3, near.size()); ++i)
    list += (i ? ", " : "") + near[i].second;
  detail::throw_invalid("instance_type", name,
                        "unknown instance type in " + std::string(lmi_origin) +
                            " (nearest: " + list + "; " +
                            std::to_string(instance_types.size()) + " types known)");
}

int lmi_model::runtime_concurrency_per_vcpu(std::string_view runtime) const {
  std::string known;
  for (const auto& [name, v] : concurrency_per_vcpu) {
    if (name == runtime) return v;
    known += (known.empty() ? "" : ", ") + name;
  }
  detail::throw_invalid("runtime", runtime, "expected one of " + known);
}

namespace {
struct assumed {
  double memory_per_vcpu_gib, os_reserve_vcpu, os_reserve_gib, cpu_target,
      startup_lag_s, scaling_interval_s, scale_in_cooldown_s;
  std::string runtime;
};

std::vector<std::string> assumption_lines(const lmi_model& m, const assumed& a) {
  auto mark = [](double used, double dflt) {
    return used == dflt ? std::string(" [default]") : std::string(" [set]");
  };
  return {
      "memory_per_vcpu_gib = " + number_text(a.memory_per_vcpu_gib) +
          mark(a.memory_per_vcpu_gib, m.memory_per_vcpu_gib) +
          " (sources conflict: 4 in AWS-authored guidance, 2 in Serverless Framework "
          "docs)",
      "os_reserve = " + number_text(a.os_reserve_vcpu) + " vCPU and " +
          number_text(a.os_reserve_gib) + " GiB per instance" +
          mark(a.os_reserve_vcpu + a.os_reserve_gib,
               m.os_reserve_vcpu + m.os_reserve_gib) +
          " (not published; the aws-samples calculator's figure)",
      "cpu_target = " + number_text(a.cpu_target) + mark(a.cpu_target, m.cpu_target) +
          " (not published; about 50 % headroom)",
      "startup_lag_s = " + number_text(a.startup_lag_s) +
          mark(a.startup_lag_s, m.startup_lag_s) + " (not published)",
      "billing per " + number_text(m.billing_granularity_s) + " s with a " +
          number_text(m.billing_minimum_s) + " s minimum (not published; EC2's rule)",
      "scaling_interval_s = " + number_text(a.scaling_interval_s) +
          ", scale_in_cooldown_s = " + number_text(a.scale_in_cooldown_s) +
          mark(a.scaling_interval_s + a.scale_in_cooldown_s,
               m.scaling_interval_s + m.scale_in_cooldown_s) +
          " (not published)",
      "runtime = " + a.runtime + (a.runtime == m.runtime ? " [default]" : " [set]") +
          " for the default concurrency per vCPU",
      "routing to the environment with the fewest requests in flight (not published)",
      "instance and environment replacement (about 12 h / 4 h) not modelled",
      "the profile's work is used as measured: no speed ratio between the architecture "
      "it "
      "was measured on and the instance type's",
  };
}
}  // namespace

std::vector<std::string> lmi_model::assumptions() const {
  return assumption_lines(
      *this, {memory_per_vcpu_gib, os_reserve_vcpu, os_reserve_gib, cpu_target,
              startup_lag_s, scaling_interval_s, scale_in_cooldown_s, runtime});
}

std::vector<std::string> lmi_assumptions(const lmi_config& c) {
  return assumption_lines(
      lmi_model::aws(),
      {c.memory_per_vcpu_gib, c.os_reserve_vcpu, c.os_reserve_gib, c.cpu_target,
       c.startup_lag_s, c.scaling_interval_s, c.scale_in_cooldown_s, c.runtime});
}

// ---------------------------------------------------------------- configuration

namespace {

double environment_memory(const lmi_config& c, const lmi_model& m) {
  if (c.environment_memory_gib > 0) return c.environment_memory_gib;
  return std::max(m.environment_memory_gib_min,
                  m.environment_vcpu_min * c.memory_per_vcpu_gib);
}

}  // namespace

void lmi_config::validate() const {
  (void)lmi_resolve(*this);
}

lmi_layout lmi_resolve(const lmi_config& c) {
  const lmi_model& m = lmi_model::aws();
  if (c.instance_type.empty())
    throw std::invalid_argument("instance_type is required (e.g. m7g.large)");
  lmi_layout l;
  l.instance = m.instance(c.instance_type);
  auto within = [](std::string_view field, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi))
      detail::throw_invalid(
          field, v, "must be within " + number_text(lo) + ".." + number_text(hi));
  };
  within("memory_per_vcpu_gib", c.memory_per_vcpu_gib, m.memory_per_vcpu_gib_min,
         m.memory_per_vcpu_gib_max);
  if (!(c.environment_memory_gib >= 0) || !std::isfinite(c.environment_memory_gib))
    detail::throw_invalid("environment_memory_gib", c.environment_memory_gib,
                          "must be >= 0 (0 = the smallest valid environment)");
  l.environment_memory_gib = environment_memory(c, m);
  within("environment_memory_gib", l.environment_memory_gib,
         m.environment_memory_gib_min, m.environment_memory_gib_max);
  l.environment_vcpu = l.environment_memory_gib / c.memory_per_vcpu_gib;
  if (!(l.environment_vcpu >= m.environment_vcpu_min - 1e-12 &&
        l.environment_vcpu <= m.environment_vcpu_max + 1e-12))
    detail::throw_invalid("environment_memory_gib", l.environment_memory_gib,
                          "gives " + number_text(l.environment_vcpu) + " vCPU at " +
                              number_text(c.memory_per_vcpu_gib) +
                              " GiB per vCPU; an environment has " +
                              number_text(m.environment_vcpu_min) + ".." +
                              number_text(m.environment_vcpu_max) + " vCPU");
  if (c.concurrency_per_environment < 0 ||
      c.concurrency_per_environment > m.concurrency_per_environment_max)
    detail::throw_invalid("concurrency_per_environment", c.concurrency_per_environment,
                          "must be within 1.." +
                              std::to_string(m.concurrency_per_environment_max) +
                              " (0 = the runtime default)");
  const int per_vcpu = m.runtime_concurrency_per_vcpu(c.runtime);
  int conc = c.concurrency_per_environment;
  if (conc == 0)
    conc = std::min(m.concurrency_per_environment_max,
                    std::max(1, static_cast<int>(
                                    std::floor(per_vcpu * l.environment_vcpu + 1e-9))));
  if (!(c.memory_per_request_mb >= 0) || !std::isfinite(c.memory_per_request_mb))
    detail::throw_invalid("memory_per_request_mb", c.memory_per_request_mb,
                          "must be >= 0 (0 = no memory bound)");
  if (c.memory_per_request_mb > 0) {
    const double fit =
        std::floor(l.environment_memory_gib * 1024 / c.memory_per_request_mb + 1e-9);
    if (fit < 1)
      detail::throw_invalid("memory_per_request_mb", c.memory_per_request_mb,
                            "exceeds the environment memory (" +
                                number_text(l.environment_memory_gib * 1024) + " MB)");
    conc = std::min(conc, static_cast<int>(fit));
  }
  l.concurrency = conc;
  if (c.min_environments < 0)
    detail::throw_invalid("min_environments", c.min_environments, "must be >= 0");
  if (c.max_environments < 0 ||
      (c.max_environments > 0 && c.max_environments < c.min_environments))
    detail::throw_invalid("max_environments", c.max_environments,
                          "must be 0 (no cap) or >= min_environments = " +
                              std::to_string(c.min_environments));
  if (c.min_instances < 0)
    detail::throw_invalid("min_instances", c.min_instances, "must be >= 0");
  if (!(c.cpu_target > 0 && c.cpu_target <= 1))
    detail::throw_invalid("cpu_target", c.cpu_target, "must be within (0, 1]");
  within("ec2_discount", c.ec2_discount, 0, m.ec2_max_discount);
  if (!(c.os_reserve_vcpu >= 0 && c.os_reserve_vcpu < l.instance.vcpu))
    detail::throw_invalid("os_reserve_vcpu", c.os_reserve_vcpu,
                          "must be >= 0 and below the instance's " +
                              number_text(l.instance.vcpu) + " vCPU");
  if (!(c.os_reserve_gib >= 0 && c.os_reserve_gib < l.instance.memory_gib))
    detail::throw_invalid("os_reserve_gib", c.os_reserve_gib,
                          "must be >= 0 and below the instance's " +
                              number_text(l.instance.memory_gib) + " GiB");
  if (!(c.startup_lag_s >= 0) || !std::isfinite(c.startup_lag_s))
    detail::throw_invalid("startup_lag_s", c.startup_lag_s, "must be >= 0 and finite");
  if (!(c.scaling_doubling_s > 0) || !std::isfinite(c.scaling_doubling_s))
    detail::throw_invalid("scaling_doubling_s", c.scaling_doubling_s,
                          "must be > 0 and finite");
  if (!(c.scaling_interval_s > 0) || !std::isfinite(c.scaling_interval_s))
    detail::throw_invalid("scaling_interval_s", c.scaling_interval_s,
                          "must be > 0 and finite");
  if (!(c.scale_in_cooldown_s >= 0) || !std::isfinite(c.scale_in_cooldown_s))
    detail::throw_invalid("scale_in_cooldown_s", c.scale_in_cooldown_s,
                          "must be >= 0 and finite");
  const double by_cpu =
      std::floor((l.instance.vcpu - c.os_reserve_vcpu) / l.environment_vcpu + 1e-9);
  const double by_mem = std::floor(
      (l.instance.memory_gib - c.os_reserve_gib) / l.environment_memory_gib + 1e-9);
  l.environments_per_instance = static_cast<int>(std::min(by_cpu, by_mem));
  if (l.environments_per_instance < 1)
    detail::throw_invalid("instance_type", c.instance_type,
                          "holds no environment of " + number_text(l.environment_vcpu) +
                              " vCPU and " + number_text(l.environment_memory_gib) +
                              " GiB after the OS reserve (" +
                              number_text(c.os_reserve_vcpu) + " vCPU, " +
                              number_text(c.os_reserve_gib) + " GiB)");
  l.management_usd_per_hour =
      l.instance.on_demand_usd_per_hour * m.management_fee_fraction;
  l.ec2_usd_per_hour = l.instance.on_demand_usd_per_hour * (1 - c.ec2_discount);
  return l;
}

int lmi_instances_for(const lmi_layout& l, const lmi_config& c, int environments) {
  const int need =
      (environments + l.environments_per_instance - 1) / l.environments_per_instance;
  return std::max(c.min_instances, need);
}

// ---------------------------------------------------------------- the bill

lmi_bill compute_lmi_bill(const lmi_config& c, double instance_hours, double requests) {
  const lmi_layout l = lmi_resolve(c);
  if (!(instance_hours >= 0) || !std::isfinite(instance_hours))
    detail::throw_invalid("instance_hours", instance_hours, "must be >= 0 and finite");
  if (!(requests >= 0) || !std::isfinite(requests))
    detail::throw_invalid("requests_per_month", requests, "must be >= 0 and finite");
  const lmi_model& m = lmi_model::aws();
  lmi_bill b;
  b.instance_type = c.instance_type;
  b.instance_hours = instance_hours;
  b.requests = requests;
  b.ec2_discount = c.ec2_discount;
  b.on_demand_usd = instance_hours * l.instance.on_demand_usd_per_hour;
  b.instances_usd = instance_hours * l.ec2_usd_per_hour;
  b.management_usd = instance_hours * l.management_usd_per_hour;
  b.requests_usd = requests / 1e6 * m.requests_usd_per_million;
  b.total_usd = b.instances_usd + b.management_usd + b.requests_usd;
  return b;
}

lmi_request_work lmi_work_of(const profile& w, const lmi_config& c) {
  w.validate();
  const double env_mb = environment_memory(c, lmi_model::aws()) * 1024;
  lmi_request_work out;
  for (const auto& comp : w.components) {
    switch (comp.kind) {
      case component_kind::cpu:
        out.cpu_ms += comp.work_ms;
        break;
      case component_kind::gc:
        out.cpu_ms += comp.work_ms * comp.ref_mb / env_mb;
        break;
      case component_kind::io:
        out.io_ms += comp.work_ms;
        break;
      case component_kind::scaled_io:
        // bandwidth min(s / knee, 1) at one vCPU's share s = 1
        out.io_ms += comp.work_ms / std::min(1.0 / comp.knee_vcpu, 1.0);
        break;
    }
  }
  return out;
}

lmi_plan plan_lmi(const profile& w, const lmi_config& c, double requests_per_month,
                  double peak_to_mean, double month_hours) {
  if (!(requests_per_month >= 0) || !std::isfinite(requests_per_month))
    detail::throw_invalid("requests_per_month", requests_per_month,
                          "must be >= 0 and finite");
  if (!(peak_to_mean >= 1) || !std::isfinite(peak_to_mean))
    detail::throw_invalid("peak_to_mean", peak_to_mean, "must be >= 1 and finite");
  if (!(month_hours > 0 && month_hours <= 744))
    detail::throw_invalid("month_hours", month_hours, "must be within (0, 744]");
  lmi_plan p;
  p.layout = lmi_resolve(c);
  p.work = lmi_work_of(w, c);
  p.mean_rate_per_s = requests_per_month / (month_hours * 3600);
  p.peak_rate_per_s = p.mean_rate_per_s * peak_to_mean;
  // Environments so that the peak runs at the CPU target in both CPU and concurrency.
  const double cpu_vcpu = p.peak_rate_per_s * p.work.cpu_ms / 1000;
  const double in_flight = p.peak_rate_per_s * (p.work.cpu_ms + p.work.io_ms) / 1000;
  const double by_cpu =
      std::ceil(cpu_vcpu / (p.layout.environment_vcpu * c.cpu_target) - 1e-9);
  const double by_conc =
      std::ceil(in_flight / (p.layout.concurrency * c.cpu_target) - 1e-9);
  double envs = std::max(1.0, static_cast<double>(c.min_environments));
  p.bound = "minimum";
  if (by_cpu > envs) {
    envs = by_cpu;
    p.bound = "cpu";
  }
  if (by_conc > envs) {
    envs = by_conc;
    p.bound = "concurrency";
  }
  if (c.max_environments > 0 && envs > c.max_environments)
    detail::throw_invalid("max_environments", c.max_environments,
                          "too few for the peak: " + number_text(envs) +
                              " environments needed at the CPU target");
  if (!(envs < 1e9))
    detail::throw_invalid("requests_per_month", requests_per_month, "too large");
  p.environments = static_cast<int>(envs);
  p.instances = lmi_instances_for(p.layout, c, p.environments);
  p.cpu_utilisation = cpu_vcpu / (p.environments * p.layout.environment_vcpu);
  p.concurrency_utilisation = in_flight / (p.environments * p.layout.concurrency);
  p.bill = compute_lmi_bill(c, p.instances * month_hours, requests_per_month);
  return p;
}

// ---------------------------------------------------------------- the simulation

void lmi_simulate_options::validate() const {
  if (initial_environments < 0)
    detail::throw_invalid("initial_environments", initial_environments,
                          "must be >= 0 (0 = the minimum)");
}

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

enum class env_state { pending, ready, draining, gone };

struct environment {
  env_state state = env_state::pending;
  double vcpu = 1;
  int in_flight = 0;  // requests routed here, not yet complete (CPU or I/O phase)
  double v = 0;       // virtual time: CPU ms each CPU-phase request has received
  double last = 0;    // real time of the last update (s)
  std::uint64_t version = 0;
  // CPU-phase requests: (virtual finish time, request slot), min-heap
  std::vector<std::pair<double, std::uint32_t>> cpu;
  double busy_vcpu_s = 0;  // since the last scaling tick
};

struct request {
  double arrival;
  double io_ms;
  std::uint32_t env;
};

enum class ev_kind { cpu_done, io_done, ready, tick };
struct event {
  double t;
  ev_kind kind;
  std::uint32_t id;
  std::uint64_t version;
  std::uint64_t seq;
};
struct event_later {
  bool operator()(const event& a, const event& b) const {
    return a.t != b.t ? a.t > b.t : a.seq > b.seq;
  }
};

// Arrival sources (same definitions as the instance-pool simulator: a Poisson stream,
// a piecewise-constant rate by time change, or a recorded trace).
struct arrival_source {
  const arrivals& a;
  double t = 0;
  std::size_t k = 0, i = 0;
  bool next(detail::rng& r, double& out) {
    switch (a.kind) {
      case arrival_kind::poisson:
        if (!(a.rate_per_s > 0)) return false;
        t += r.exponential() / a.rate_per_s;
        if (t >= a.duration_s) return false;
        out = t;
        return true;
      case arrival_kind::piecewise:
        return detail::next_piecewise_arrival(r, a.rates_per_s, a.segment_s,
                                              a.duration_s, t, k, out);
      case arrival_kind::trace:
        if (i == a.times_s.size()) return false;
        out = a.times_s[i++];
        return true;
    }
    return false;
  }
};

class lmi_engine {
 public:
  lmi_engine(const lmi_config& c, const lmi_layout& l, const lmi_request_work& work,
             double cv, const lmi_simulate_options& o, double period,
             lmi_simulation_result& out)
      : c_(c), l_(l), work_(work), o_(o), period_(period), out_(out), rng_(o.seed) {
    if (cv > 0) {
      sigma_ = std::sqrt(std::log1p(cv * cv));
      mu_ = -0.5 * sigma_ * sigma_;
    }
    growth_ = std::exp2(c.scaling_interval_s / c.scaling_doubling_s);
    int initial =
        o.initial_environments > 0 ? o.initial_environments : c.min_environments;
    if (initial < 1) initial = 1;  // a version with no environment serves nothing
    if (c.max_environments > 0)
      initial = std::min(initial, std::max(1, c.max_environments));
    for (int i = 0; i < initial; ++i) {
      const auto id = add_env();
      envs_[id].state = env_state::ready;
      routable_.insert({0, id});
      ++ready_;
    }
    live_ = initial;
    instances_ = lmi_instances_for(l_, c_, live_);
    out_.peak_instances = instances_;
    out_.peak_environments = ready_;
    push(c.scaling_interval_s, ev_kind::tick, 0, 0);
  }

  void run(const arrivals& a) {
    arrival_source src{a};
    double next_arrival = 0;  // read only while src.next() returned true
    bool more = src.next(rng_, next_arrival);
    while (true) {
      const double te = events_.empty() ? inf : events_.front().t;
      if (more && next_arrival <= te) {
        advance(next_arrival);
        arrive(next_arrival);
        more = src.next(rng_, next_arrival);
        continue;
      }
      if (events_.empty()) break;
      std::pop_heap(events_.begin(), events_.end(), event_later{});
      const event e = events_.back();
      events_.pop_back();
      if (e.kind == ev_kind::tick && e.t > period_ + 1e-9) continue;  // none beyond it
      advance(e.t);
      switch (e.kind) {
        case ev_kind::cpu_done:
          if (envs_[e.id].version == e.version) cpu_done(e.id, e.t);
          break;
        case ev_kind::io_done:
          complete(e.id, e.t);
          break;
        case ev_kind::ready:
          make_ready(e.id);
          break;
        case ev_kind::tick:
          tick(e.t);
          break;
      }
    }
    // Account for time up to the end of the period (instances are billed for it).
    if (now_ < period_) advance(period_);
  }

 private:
  std::uint32_t add_env() {
    environment e;
    e.vcpu = l_.environment_vcpu;
    e.last = now_;
    envs_.push_back(std::move(e));
    return static_cast<std::uint32_t>(envs_.size() - 1);
  }

  void push(double t, ev_kind k, std::uint32_t id, std::uint64_t version) {
    events_.push_back({t, k, id, version, seq_++});
    std::push_heap(events_.begin(), events_.end(), event_later{});
  }

  /// Time-integrated quantities up to t (instances only change at events).
  void advance(double t) {
    const double upto = std::min(t, period_);
    if (upto > now_) {
      const double dt = upto - now_;
      out_.instance_seconds += instances_ * dt;
      env_seconds_ += ready_ * dt;
      flight_seconds_ += in_flight_ * dt;
      ready_vcpu_s_tick_ += ready_ * l_.environment_vcpu * dt;
      now_ = upto;
    }
  }

  double rate(const environment& e) const {
    const auto n = static_cast<double>(e.cpu.size());
    return n > 0 ? std::min(1.0, e.vcpu / n) : 0;
  }

  void update(environment& e, double t) {
    const double dt = t - e.last;
    if (dt > 0 && !e.cpu.empty()) {
      e.v += rate(e) * dt * 1000;  // ms of CPU per request
      const double busy = std::min(static_cast<double>(e.cpu.size()), e.vcpu) * dt;
      e.busy_vcpu_s += busy;
      busy_vcpu_s_ += busy;
    }
    e.last = t;
  }

  void reschedule(std::uint32_t id, double t) {
    environment& e = envs_[id];
    ++e.version;
    if (e.cpu.empty()) return;
    const double dv = std::max(0.0, e.cpu.front().first - e.v);
    push(t + dv / 1000 / rate(e), ev_kind::cpu_done, id, e.version);
  }

  void set_in_flight(std::uint32_t id, int delta) {
    environment& e = envs_[id];
    const bool routable = e.state == env_state::ready;
    if (routable) routable_.erase({e.in_flight, id});
    e.in_flight += delta;
    in_flight_ += delta;
    if (routable) routable_.insert({e.in_flight, id});
  }

  void arrive(double t) {
    ++out_.requests;
    ++tick_arrivals_;
    if (routable_.empty() || routable_.begin()->first >= l_.concurrency) {
      ++out_.throttled;
      ++tick_throttled_;
      return;
    }
    const std::uint32_t id = routable_.begin()->second;
    double f = 1;
    if (o_.exponential_work)
      f = rng_.exponential();
    else if (sigma_ > 0)
      f = std::exp(mu_ + sigma_ * rng_.normal());
    std::uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(reqs_.size());
      reqs_.push_back({});
    }
    reqs_[slot] = {t, work_.io_ms * f, id};
    set_in_flight(id, +1);
    out_.peak_concurrency = std::max(out_.peak_concurrency, in_flight_);
    const double cpu = work_.cpu_ms * f;
    if (cpu > 0) {
      environment& e = envs_[id];
      update(e, t);
      e.cpu.push_back({e.v + cpu, slot});
      std::push_heap(e.cpu.begin(), e.cpu.end(), std::greater<>{});
      reschedule(id, t);
    } else {
      after_cpu(slot, t);
    }
  }

  void after_cpu(std::uint32_t slot, double t) {
    if (reqs_[slot].io_ms > 0)
      push(t + reqs_[slot].io_ms / 1000, ev_kind::io_done, slot, 0);
    else
      complete(slot, t);
  }

  void cpu_done(std::uint32_t id, double t) {
    environment& e = envs_[id];
    update(e, t);
    // every request whose virtual finish time has been reached (ties finish together)
    // The front request is done by construction (this event was scheduled for it and
    // is current); rounding of t may leave its virtual finish a hair ahead of v.
    const double eps = 1e-9 * std::max(1.0, std::abs(e.v));
    std::vector<std::uint32_t> done;
    if (!e.cpu.empty()) e.v = std::max(e.v, e.cpu.front().first);
    while (!e.cpu.empty() && e.cpu.front().first <= e.v + eps) {
      std::pop_heap(e.cpu.begin(), e.cpu.end(), std::greater<>{});
      done.push_back(e.cpu.back().second);
      e.cpu.pop_back();
    }
    if (e.cpu.empty()) e.v = 0, e.cpu.clear();  // restart virtual time (precision)
    reschedule(id, t);
    for (auto slot : done) after_cpu(slot, t);
  }

  void complete(std::uint32_t slot, double t) {
    const request r = reqs_[slot];
    free_.push_back(slot);
    ++out_.served;
    out_.latency_hist.add((t - r.arrival) * 1000);
    set_in_flight(r.env, -1);
    environment& e = envs_[r.env];
    if (e.state == env_state::draining && e.in_flight == 0) {
      e.state = env_state::gone;
      --draining_;
      --live_;
      set_instances();
    }
  }

  void make_ready(std::uint32_t id) {
    environment& e = envs_[id];
    if (e.state != env_state::pending) return;  // cancelled while pending
    e.state = env_state::ready;
    e.last = now_;
    --pending_;
    ++ready_;
    routable_.insert({e.in_flight, id});
    out_.peak_environments = std::max(out_.peak_environments, ready_);
  }

  void set_instances() {
    instances_ = lmi_instances_for(l_, c_, live_);
    out_.peak_instances = std::max(out_.peak_instances, instances_);
  }

  void tick(double t) {
    // bring every environment's CPU accounting up to t
    for (std::uint32_t id = 0; id < envs_.size(); ++id)
      if (envs_[id].state != env_state::gone && envs_[id].state != env_state::pending)
        update(envs_[id], t);
    const double dt = c_.scaling_interval_s;
    const double capacity = ready_vcpu_s_tick_;
    const double util = capacity > 0 ? busy_vcpu_s_ / capacity : 0;
    const double mean_flight = (flight_seconds_ - flight_at_tick_) / dt;
    // record the interval
    tl_t_.push_back(t - dt);
    tl_arr_.push_back(static_cast<double>(tick_arrivals_));
    tl_thr_.push_back(static_cast<double>(tick_throttled_));
    tl_util_.push_back(util);
    total_busy_ += busy_vcpu_s_;
    total_capacity_ += capacity;

    if (o_.autoscale) {
      const int total = ready_ + pending_;
      double want =
          std::max(std::ceil(ready_ * util / c_.cpu_target - 1e-9),
                   std::ceil(mean_flight / (l_.concurrency * c_.cpu_target) - 1e-9));
      if (tick_throttled_ > 0) want = std::max(want, static_cast<double>(total) + 1);
      want = std::max(want, static_cast<double>(std::max(1, c_.min_environments)));
      if (c_.max_environments > 0)
        want = std::min(want, static_cast<double>(c_.max_environments));
      if (want > total) {
        if (!growing_) cap_ = total;
        growing_ = true;
        cap_ *= growth_;
        const int target = static_cast<int>(std::min(want, std::floor(cap_ + 1e-9)));
        for (int i = total; i < target; ++i) {
          const auto id = add_env();
          ++pending_;
          ++live_;
          if (c_.startup_lag_s > 0)
            push(t + c_.startup_lag_s, ev_kind::ready, id, 0);
          else
            make_ready(id);
        }
        low_since_ = -1;
      } else {
        growing_ = false;
        if (want < total) {
          if (low_since_ < 0) low_since_ = t - dt;
          if (t - low_since_ >= c_.scale_in_cooldown_s)
            shrink(total - static_cast<int>(want));
        } else {
          low_since_ = -1;
        }
      }
      set_instances();
    }
    tl_env_.push_back(ready_);
    tl_pend_.push_back(pending_);
    tl_inst_.push_back(instances_);
    tick_arrivals_ = tick_throttled_ = 0;
    busy_vcpu_s_ = 0;
    ready_vcpu_s_tick_ = 0;
    flight_at_tick_ = flight_seconds_;
    for (auto& e : envs_) e.busy_vcpu_s = 0;
    if (t + dt <= period_ + 1e-9) push(t + dt, ev_kind::tick, 0, 0);
  }

  void shrink(int n) {
    // pending environments first (never started), then the least busy ready ones
    for (std::uint32_t id = 0; id < envs_.size() && n > 0; ++id) {
      if (envs_[id].state == env_state::pending) {
        envs_[id].state = env_state::gone;
        --pending_;
        --live_;
        --n;
      }
    }
    while (n > 0 && ready_ > 1 && !routable_.empty()) {
      const auto [flight, id] = *routable_.begin();
      routable_.erase(routable_.begin());
      --ready_;
      --n;
      if (flight == 0) {
        envs_[id].state = env_state::gone;
        --live_;
      } else {
        envs_[id].state = env_state::draining;
        ++draining_;
      }
    }
  }

 public:
  void finish() {
    const double p = period_;
    out_.mean_environments = p > 0 ? env_seconds_ / p : 0;
    out_.mean_instances = p > 0 ? out_.instance_seconds / p : 0;
    out_.mean_concurrency = p > 0 ? flight_seconds_ / p : 0;
    out_.cpu_utilisation = total_capacity_ > 0 ? total_busy_ / total_capacity_ : 0;
    auto vec = [](const std::vector<double>& v) {
      return Eigen::Map<const Eigen::VectorXd>(v.data(),
                                               static_cast<Eigen::Index>(v.size()));
    };
    out_.timeline_t_s = vec(tl_t_);
    out_.timeline_environments = vec(tl_env_);
    out_.timeline_pending = vec(tl_pend_);
    out_.timeline_instances = vec(tl_inst_);
    out_.timeline_arrivals = vec(tl_arr_);
    out_.timeline_throttled = vec(tl_thr_);
    out_.timeline_cpu_utilisation = vec(tl_util_);
  }

 private:
  const lmi_config& c_;
  const lmi_layout& l_;
  lmi_request_work work_;
  const lmi_simulate_options& o_;
  double period_;
  lmi_simulation_result& out_;
  detail::rng rng_;  // the shared portable variates (detail/random.hpp)
  double mu_ = 0, sigma_ = 0, growth_ = 1, cap_ = 0;
  bool growing_ = false;
  double low_since_ = -1;
  std::vector<environment> envs_;
  std::vector<request> reqs_;
  std::vector<std::uint32_t> free_;
  std::vector<event> events_;
  std::uint64_t seq_ = 0;
  std::set<std::pair<int, std::uint32_t>> routable_;
  int ready_ = 0, pending_ = 0, draining_ = 0, live_ = 0, instances_ = 0,
      in_flight_ = 0;
  double now_ = 0, env_seconds_ = 0, flight_seconds_ = 0, flight_at_tick_ = 0;
  double busy_vcpu_s_ = 0, ready_vcpu_s_tick_ = 0, total_busy_ = 0, total_capacity_ = 0;
  std::uint64_t tick_arrivals_ = 0, tick_throttled_ = 0;
  std::vector<double> tl_t_, tl_env_, tl_pend_, tl_inst_, tl_arr_, tl_thr_, tl_util_;
};

}  // namespace

lmi_simulation_result simulate_lmi(const profile& w, const arrivals& a,
                                   const lmi_config& c, const lmi_simulate_options& o) {
  w.validate();
  a.validate();
  o.validate();
  lmi_simulation_result r;
  r.layout = lmi_resolve(c);
  r.work = lmi_work_of(w, c);
  r.config = c;
  r.seed = o.seed;
  r.period_s = a.period_s();
  r.interval_s = c.scaling_interval_s;
  r.assumptions = lmi_assumptions(c);
  lmi_engine engine(c, r.layout, r.work, w.cv, o, r.period_s, r);
  engine.run(a);
  engine.finish();
  const log_histogram& h = r.latency_hist;
  r.latency.count = h.count();
  r.latency.mean_ms = h.mean();
  r.latency.min_ms = h.min();
  r.latency.max_ms = h.max();
  r.latency.p50_ms = h.quantile(0.5);
  r.latency.p90_ms = h.quantile(0.9);
  r.latency.p99_ms = h.quantile(0.99);
  r.latency.p999_ms = h.quantile(0.999);
  return r;
}

lmi_bill simulated_lmi_bill(const lmi_simulation_result& r, double month_hours) {
  if (!(month_hours > 0 && month_hours <= 744))
    detail::throw_invalid("month_hours", month_hours, "must be within (0, 744]");
  if (!(r.period_s > 0)) detail::throw_invalid("period_s", r.period_s, "must be > 0");
  const double scale = month_hours * 3600 / r.period_s;
  return compute_lmi_bill(r.config, r.instance_seconds / 3600 * scale,
                          static_cast<double>(r.served) * scale);
}

}  // namespace lambdasim
