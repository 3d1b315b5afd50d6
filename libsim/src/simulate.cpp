// SPDX-License-Identifier: MIT
#include "lambdasim/simulate.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/predict.hpp"

namespace lambdasim {

namespace {
// "name[i]" built by appending (GCC 12 -O3 warns falsely on "[" + std::string)
std::string indexed(std::string_view name, std::size_t i) {
  std::string s(name);
  s += '[';
  s += std::to_string(i);
  s += ']';
  return s;
}
}  // namespace

// ---------------------------------------------------------------- keep-alive, recycling

keep_alive_model keep_alive_model::fixed(double seconds) {
  keep_alive_model k;
  k.fixed_s = seconds;
  if (!(seconds > 0) || !std::isfinite(seconds))
    detail::throw_invalid("keep_alive_s", seconds, "must be > 0 and finite");
  return k;
}

keep_alive_model keep_alive_model::empirical(const std::vector<double>& idle_s,
                                             const std::vector<double>& warm,
                                             const std::vector<double>& trials) {
  if (idle_s.empty() || warm.size() != idle_s.size() || trials.size() != idle_s.size())
    throw std::invalid_argument(
        "keep_alive: idle_s, warm and trials must be non-empty and of equal size (got " +
        std::to_string(idle_s.size()) + ", " + std::to_string(warm.size()) + ", " +
        std::to_string(trials.size()) + ")");
  for (std::size_t i = 0; i < idle_s.size(); ++i) {
    if (!(idle_s[i] > 0) || !std::isfinite(idle_s[i]))
      detail::throw_invalid(indexed("keep_alive.idle_s", i), idle_s[i], "must be > 0 and finite");
    if (i > 0 && !(idle_s[i] > idle_s[i - 1]))
      detail::throw_invalid(indexed("keep_alive.idle_s", i), idle_s[i], "must ascend");
    if (!(trials[i] > 0) || !std::isfinite(trials[i]))
      detail::throw_invalid(indexed("keep_alive.trials", i), trials[i], "must be > 0");
    if (!(warm[i] >= 0 && warm[i] <= trials[i]))
      detail::throw_invalid(indexed("keep_alive.warm", i), warm[i], "must be within 0..trials");
  }
  // Pool adjacent violators: the weighted least-squares non-increasing fit to warm/trials.
  struct block {
    double value, weight;
    std::size_t n;
  };
  std::vector<block> blocks;
  for (std::size_t i = 0; i < idle_s.size(); ++i) {
    blocks.push_back({warm[i] / trials[i], trials[i], 1});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].value < blocks.back().value) {
      block b = blocks.back();
      blocks.pop_back();
      block& a = blocks.back();
      a.value = (a.value * a.weight + b.value * b.weight) / (a.weight + b.weight);
      a.weight += b.weight;
      a.n += b.n;
    }
  }
  keep_alive_model k;
  k.idle_s = idle_s;
  for (const auto& b : blocks) k.survival.insert(k.survival.end(), b.n, b.value);
  if (k.survival.back() != 0)
    detail::throw_invalid(indexed("keep_alive.warm", idle_s.size() - 1), warm.back(),
                          "the last idle time must find every instance cold (the "
                          "keep-alive must end)");
  k.validate();
  return k;
}

void keep_alive_model::validate() const {
  if (fixed_s != 0) {
    if (!(fixed_s > 0) || !std::isfinite(fixed_s))
      detail::throw_invalid("keep_alive_s", fixed_s, "must be > 0 and finite");
    return;
  }
  if (idle_s.empty() || idle_s.size() != survival.size())
    throw std::invalid_argument(
        "keep_alive: a fixed keep-alive > 0 or a survival table (idle_s, survival of "
        "equal, non-zero size) is required");
  for (std::size_t i = 0; i < idle_s.size(); ++i) {
    if (!(idle_s[i] > 0) || !std::isfinite(idle_s[i]) || (i > 0 && !(idle_s[i] > idle_s[i - 1])))
      detail::throw_invalid(indexed("keep_alive.idle_s", i), idle_s[i], "must be > 0 and ascend");
    const double prev = i ? survival[i - 1] : 1.0;
    if (!(survival[i] >= 0 && survival[i] <= prev))
      detail::throw_invalid(indexed("keep_alive.survival", i), survival[i],
                            "must be within 0..1 and non-increasing");
  }
  if (survival.back() != 0)
    detail::throw_invalid(indexed("keep_alive.survival", survival.size() - 1), survival.back(), "must be 0 (the keep-alive must end)");
}

double keep_alive_model::quantile(double u) const {
  if (is_fixed()) return fixed_s;
  // S is linear from (x0, s0) to (x1, s1), starting at (0, 1); find where S = u.
  double x0 = 0, s0 = 1;
  for (std::size_t i = 0; i < idle_s.size(); ++i) {
    const double x1 = idle_s[i], s1 = survival[i];
    if (u >= s1 && s1 < s0) {
      if (u >= s0) return x0;
      return x0 + (x1 - x0) * (s0 - u) / (s0 - s1);
    }
    x0 = x1;
    s0 = s1;
  }
  return x0;
}

double keep_alive_model::mean_s() const {
  if (is_fixed()) return fixed_s;
  // E[K] = integral of S: trapezoids of the piecewise-linear survival
  double m = 0, x0 = 0, s0 = 1;
  for (std::size_t i = 0; i < idle_s.size(); ++i) {
    m += (idle_s[i] - x0) * (s0 + survival[i]) / 2;
    x0 = idle_s[i];
    s0 = survival[i];
  }
  return m;
}

recycling_model recycling_model::fixed(double max_lifetime_s) {
  if (!(max_lifetime_s >= 0) || !std::isfinite(max_lifetime_s))
    detail::throw_invalid("max_lifetime_s", max_lifetime_s,
                          "must be >= 0 and finite (0 turns recycling off)");
  recycling_model r;
  r.max_lifetime_min_s = r.max_lifetime_max_s = max_lifetime_s;
  return r;
}

void recycling_model::validate() const {
  if (!(early_per_s >= 0) || !std::isfinite(early_per_s))
    detail::throw_invalid("recycling.early_per_s", early_per_s, "must be >= 0 and finite");
  if (!(max_lifetime_min_s >= 0) || !std::isfinite(max_lifetime_min_s))
    detail::throw_invalid("recycling.max_lifetime_min_s", max_lifetime_min_s,
                          "must be >= 0 and finite");
  if (!(max_lifetime_max_s >= max_lifetime_min_s) || !std::isfinite(max_lifetime_max_s))
    detail::throw_invalid("recycling.max_lifetime_max_s", max_lifetime_max_s,
                          "must be finite and >= max_lifetime_min_s");
  if (max_lifetime_max_s > 0 && !(max_lifetime_min_s > 0))
    detail::throw_invalid("recycling.max_lifetime_min_s", max_lifetime_min_s,
                          "must be > 0 when a maximum lifetime is set");
}

// ---------------------------------------------------------------- pool model (JSON)

pool_model pool_model::from_json(std::string_view text, std::string_view origin) {
  using detail::object_reader;
  const auto j = detail::parse_json(text, origin);
  object_reader r(j, std::string(origin), "");
  detail::read_model_header(r);
  pool_model m;
  m.name = r.string("name");
  auto numbers = [](object_reader& o, std::string_view key) {
    const auto& v = o.get(key);
    if (!v.is_array()) o.fail(key, "expected an array of numbers");
    std::vector<double> out;
    for (const auto& x : v) {
      if (!x.is_number()) o.fail(key, "expected an array of numbers, got " + x.dump());
      out.push_back(x.get<double>());
    }
    return out;
  };
  {
    auto k = r.object("keep_alive");
    k.allow("source");
    k.allow("notes");
    const std::string kind = k.string("kind");
    try {
      if (kind == "fixed") {
        m.keep_alive = keep_alive_model::fixed(k.number("seconds"));
      } else if (kind == "empirical") {
        m.keep_alive = keep_alive_model::empirical(numbers(k, "idle_s"), numbers(k, "warm"),
                                                   numbers(k, "trials"));
      } else {
        k.fail("kind", "'" + kind + "': expected fixed or empirical");
      }
    } catch (const config_error&) {
      throw;
    } catch (const std::invalid_argument& e) {
      detail::throw_config(origin, "/keep_alive", e.what());
    }
    k.finish();
  }
  {
    auto c = r.object("recycling");
    c.allow("source");
    c.allow("notes");
    c.allow("fit");
    m.recycling.early_per_s = c.number("early_recycle_per_hour") / 3600.0;
    auto lt = c.object("max_lifetime_s");
    m.recycling.max_lifetime_min_s = lt.number("min");
    m.recycling.max_lifetime_max_s = lt.number("max");
    lt.finish();
    try {
      m.recycling.validate();
    } catch (const std::invalid_argument& e) {
      detail::throw_config(origin, "/recycling", e.what());
    }
    c.finish();
  }
  r.finish();
  return m;
}

pool_model pool_model::load(const std::string& path) {
  return from_json(detail::read_text_file(path), path);
}

pool_model pool_model::named(std::string_view platform_name) {
  const std::string file = "instance-pool-" + std::string(platform_name) + ".json";
  std::string_view text;
  try {
    text = detail::embedded_model(file);
  } catch (const std::invalid_argument&) {
    detail::throw_invalid("platform", platform_name,
                          "no instance-pool model (models/" + file +
                              "); give keep_alive and recycling explicitly");
  }
  return from_json(text, "models/" + file);
}

void simulate_options::validate() const {
  if (keep_alive) keep_alive->validate();
  if (recycling) recycling->validate();
  if (reserved_concurrency && *reserved_concurrency < 0)
    detail::throw_invalid("reserved_concurrency", *reserved_concurrency, "must be >= 0");
  if (initial_instances && *initial_instances < 0)
    detail::throw_invalid("initial_instances", *initial_instances, "must be >= 0");
  if (provisioned_concurrency < 0)
    detail::throw_invalid("provisioned_concurrency", provisioned_concurrency, "must be >= 0");
  if (reserved_concurrency && provisioned_concurrency > *reserved_concurrency)
    detail::throw_invalid("provisioned_concurrency", provisioned_concurrency,
                          "must not exceed reserved_concurrency = " +
                              std::to_string(*reserved_concurrency));
  if (replications < 1) detail::throw_invalid("replications", replications, "must be >= 1");
  if (threads < 0) detail::throw_invalid("threads", threads, "must be >= 0 (0 = all cores)");
  if (timeline_bins < 0 || timeline_bins > 1000000)
    detail::throw_invalid("timeline_bins", timeline_bins, "must be within 0..1000000");
  if (progress_every < 1)
    detail::throw_invalid("progress_every", static_cast<double>(progress_every), "must be >= 1");
  if (!(max_requests > 0)) detail::throw_invalid("max_requests", max_requests, "must be > 0");
}

double cold_probability(double rate_per_s, const keep_alive_model& k) {
  if (!(rate_per_s >= 0) || !std::isfinite(rate_per_s))
    detail::throw_invalid("rate_per_s", rate_per_s, "must be >= 0 and finite");
  k.validate();
  if (k.is_fixed()) return std::exp(-rate_per_s * k.fixed_s);
  if (rate_per_s == 0) return 1;
  // K has density (s0 - s1) / (x1 - x0) on each segment: integrate exp(-r k) over it.
  double p = 0, x0 = 0, s0 = 1;
  for (std::size_t i = 0; i < k.idle_s.size(); ++i) {
    const double x1 = k.idle_s[i], s1 = k.survival[i];
    const double density = (s0 - s1) / (x1 - x0);
    p += density * (std::exp(-rate_per_s * x0) - std::exp(-rate_per_s * x1)) / rate_per_s;
    x0 = x1;
    s0 = s1;
  }
  return p;
}

monthly_bill simulated_bill(const simulation_result& r, const profile& w, const platform& p,
                            const price_table& prices, bill_options o, double month_hours) {
  if (!(month_hours > 0 && month_hours <= 31 * 24))
    detail::throw_invalid("month_hours", month_hours, "must be within 0..744 (exclusive of 0)");
  const double periods = static_cast<double>(r.replications) * r.period_s / (month_hours * 3600);
  if (!(periods > 0)) detail::throw_invalid("period_s", r.period_s, "must be > 0");
  o.requests_per_month = static_cast<double>(r.served) / periods;
  const auto on_demand = static_cast<double>(r.served - r.provisioned_served);
  o.cold_fraction = on_demand > 0 ? static_cast<double>(r.cold_starts) / on_demand : 0;
  o.provisioned_concurrency = r.provisioned_concurrency;
  if (r.provisioned_concurrency > 0) {
    o.provisioned_hours = month_hours;
    o.provisioned_request_fraction =
        r.served ? static_cast<double>(r.provisioned_served) / static_cast<double>(r.served) : 0;
  } else {
    o.provisioned_hours = 0;
  }
  return compute_bill(w, p, prices, r.memory_mb, o);
}

double cold_probability(double rate_per_s, double keep_alive_s) {
  return cold_probability(rate_per_s, keep_alive_model::fixed(keep_alive_s));
}

// ---------------------------------------------------------------- the simulation

namespace detail {
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  auto mix = [](std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  return mix(mix(seed) ^ index);
}
}  // namespace detail

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

/// Ziggurat tables (Marsaglia & Tsang 2000, 256 layers) for a decreasing density f on
/// [0, inf): layer i is a rectangle of width x[i] between f(x[i]) and f(x[i+1]); every
/// layer (the base including the tail beyond r) has area v.
struct ziggurat {
  double x[257];
  double f[257];
  template <class F, class Finv>
  ziggurat(double r, double v, F density, Finv inverse) {
    x[0] = v / density(r);
    x[1] = r;
    for (int i = 1; i < 256; ++i) {
      const double y = v / x[i] + density(x[i]);
      x[i + 1] = y < 1 ? inverse(y) : 0;
    }
    x[256] = 0;
    for (int i = 0; i <= 256; ++i) f[i] = density(x[i]);
    f[0] = 0;  // only used as the lower bound of layer 0's wedge, which is never tested
  }
};

const ziggurat& normal_table() {
  static const ziggurat z(
      3.6541528853610088, 4.92867323399e-3, [](double t) { return std::exp(-0.5 * t * t); },
      [](double y) { return std::sqrt(-2 * std::log(y)); });
  return z;
}
const ziggurat& exponential_table() {
  static const ziggurat z(
      7.69711747013104972, 3.949659822581572e-3, [](double t) { return std::exp(-t); },
      [](double y) { return -std::log(y); });
  return z;
}

/// Our own distributions on mt19937_64 (std::*_distribution differ between libraries).
/// Exponential and normal variates by the ziggurat method: one 64-bit draw and a table
/// look-up for about 99 % of them.
struct rng {
  std::mt19937_64 g;
  const ziggurat& zn = normal_table();
  const ziggurat& ze = exponential_table();
  explicit rng(std::uint64_t seed) : g(seed) {}
  /// [0, 1) with 53 random bits
  double uniform() { return static_cast<double>(g() >> 11) * 0x1.0p-53; }
  /// Exp(1)
  double exponential() {
    double shift = 0;
    while (true) {
      const std::uint64_t b = g();
      const auto i = static_cast<int>(b & 255);
      const double x = static_cast<double>(b >> 11) * 0x1.0p-53 * ze.x[i];
      if (x < ze.x[i + 1]) return shift + x;
      if (i == 0) {  // the tail beyond r is r + Exp(1) (memoryless)
        shift += ze.x[1];
        continue;
      }
      if (ze.f[i] + uniform() * (ze.f[i + 1] - ze.f[i]) < std::exp(-x)) return shift + x;
    }
  }
  /// N(0, 1)
  double normal() {
    while (true) {
      const std::uint64_t b = g();
      const auto i = static_cast<int>(b & 255);
      const bool negative = (b >> 8) & 1;
      const double x = static_cast<double>(b >> 11) * 0x1.0p-53 * zn.x[i];
      if (x < zn.x[i + 1]) return negative ? -x : x;
      if (i == 0) {  // tail beyond r (Marsaglia 1964)
        const double r = zn.x[1];
        double a, c;
        do {
          a = -std::log(1.0 - uniform()) / r;
          c = -std::log(1.0 - uniform());
        } while (2 * c < a * a);
        return negative ? -(r + a) : r + a;
      }
      if (zn.f[i] + uniform() * (zn.f[i + 1] - zn.f[i]) < std::exp(-0.5 * x * x))
        return negative ? -x : x;
    }
  }
};

struct context {
  double warm_ms, cold_ms;
  double mu, sigma;  // lognormal factor exp(mu + sigma z), mean 1
  keep_alive_model keep_alive;
  recycling_model recycling;
  std::size_t reserved;  // cap on running requests
  int provisioned;
  int initial;
  double k_min;  // shortest possible keep-alive: idle up to it is always warm
  double period_s;
  int bins;
  double bin_s, inv_bin_s;
  std::uint64_t progress_every;
};

struct instance {
  double created;
  double death;     // recycled at this time (inf: never)
  double deadline;  // idle until then, then reclaimed
  double last_end;  // end of the last request
  bool drawn;       // deadline drawn for this idle period (else only last_end + k_min known)
};

struct busy_entry {
  double end;
  std::uint32_t idx;
};
struct later {
  bool operator()(const busy_entry& a, const busy_entry& b) const {
    return a.end > b.end;  // ties pop in the heap's own (deterministic) order
  }
};

struct partial {
  std::uint64_t requests = 0, cold = 0, throttled = 0, prov = 0, recycled = 0, expired = 0;
  log_histogram warm, coldh;
  double busy_s = 0, inst_s = 0;
  int peak_conc = 0, peak_inst = 0;
  std::vector<double> tl_arr, tl_cold, tl_thr, tl_busy;
};

struct shared_progress {
  const progress_callback* cb;
  std::atomic<std::uint64_t> done{0};
  std::atomic<bool> stop{false};
  std::mutex m;
  std::exception_ptr error;
};

class replication {
 public:
  replication(const context& c, std::uint64_t seed, partial& out, shared_progress& sp)
      : c_(c), r_(seed), out_(out), sp_(sp) {
    if (c.bins > 0) {
      const auto n = static_cast<std::size_t>(c.bins);
      out.tl_arr.assign(n, 0);
      out.tl_cold.assign(n, 0);
      out.tl_thr.assign(n, 0);
      out.tl_busy.assign(n, 0);
    }
    for (int i = 0; i < c.provisioned; ++i) {
      pool_.push_back({0, inf, inf, 0, true});
      prov_idle_.push_back(static_cast<std::uint32_t>(i));
    }
    for (int i = 0; i < c.initial; ++i) {
      const double life = lifetime();
      pool_.push_back({0, life, inf, 0, true});
      release(static_cast<std::uint32_t>(pool_.size() - 1), 0);
      out.peak_inst = std::max(out.peak_inst, c.provisioned + i + 1);
    }
  }

  template <class Source>
  void run(Source& src) {
    double t;
    std::uint64_t since = 0;
    while (src.next(r_, t)) {
      arrive(t);
      if (++since == c_.progress_every) {
        since = 0;
        report(c_.progress_every);
        if (sp_.stop.load(std::memory_order_relaxed)) return;
      }
    }
    if (since) report(since);
    finish();
  }

 private:
  void report(std::uint64_t n) {
    const auto done = sp_.done.fetch_add(n) + n;
    if (!*sp_.cb) return;
    std::lock_guard<std::mutex> lock(sp_.m);
    if (sp_.stop) return;
    try {
      (*sp_.cb)(done);
    } catch (...) {
      sp_.error = std::current_exception();
      sp_.stop = true;
    }
  }

  /// Time from a cold start to recycling: min(Exp(early), Uniform(min, max)).
  double lifetime() {
    double life = inf;
    if (c_.recycling.early_per_s > 0) life = r_.exponential() / c_.recycling.early_per_s;
    if (c_.recycling.max_lifetime_max_s > 0)
      life = std::min(life, c_.recycling.max_lifetime_min_s +
                                (c_.recycling.max_lifetime_max_s -
                                 c_.recycling.max_lifetime_min_s) *
                                    r_.uniform());
    return life;
  }

  double factor() { return c_.sigma > 0 ? std::exp(c_.mu + c_.sigma * r_.normal()) : 1.0; }

  void account(double from, double to) {
    const double a = std::max(from, 0.0), b = std::min(to, c_.period_s);
    if (b > a) out_.inst_s += b - a;
  }

  void retire(std::uint32_t idx, double when) {
    account(pool_[idx].created, when);
    free_.push_back(idx);
  }

  /// An instance finished a request at `end`.
  void release(std::uint32_t idx, double end) {
    if (static_cast<int>(idx) < c_.provisioned) {
      prov_idle_.push_back(idx);
      return;
    }
    instance& in = pool_[idx];
    if (end >= in.death) {  // recycled while busy: gone once the request is done
      if (end <= c_.period_s) ++out_.recycled;
      retire(idx, end);
      return;
    }
    // The keep-alive of this idle period is drawn only when the instance is looked at
    // after k_min of idleness (independent of everything else, so the same distribution).
    in.last_end = end;
    in.drawn = c_.keep_alive.is_fixed();
    in.deadline = end + c_.k_min;
    idle_.push_back(idx);
  }

  void draw_deadline(instance& in) {
    if (!in.drawn) {
      in.deadline = in.last_end + c_.keep_alive.quantile(r_.uniform());
      in.drawn = true;
    }
  }

  /// Removes an idle instance that is gone at time t (expired or recycled).
  void reclaim(std::uint32_t idx) {
    instance& in = pool_[idx];
    draw_deadline(in);
    const double when = std::min(in.deadline, in.death);
    if (when <= c_.period_s) {
      if (in.death < in.deadline)
        ++out_.recycled;
      else
        ++out_.expired;
    }
    retire(idx, when);
  }

  void arrive(double t) {
    ++out_.requests;
    while (!busy_.empty() && busy_.front().end <= t) {
      const busy_entry e = busy_.front();
      std::pop_heap(busy_.begin(), busy_.end(), later{});
      busy_.pop_back();
      release(e.idx, e.end);
    }
    const std::size_t bin =
        c_.bins ? std::min(static_cast<std::size_t>(t * c_.inv_bin_s),
                           static_cast<std::size_t>(c_.bins - 1))
                : 0;
    if (c_.bins) out_.tl_arr[bin] += 1;

    std::uint32_t idx = 0;
    bool warm = false;
    if (!prov_idle_.empty()) {
      idx = prov_idle_.back();
      prov_idle_.pop_back();
      warm = true;
      ++out_.prov;
    } else {
      while (!idle_.empty()) {  // most recently used first
        const std::uint32_t top = idle_.back();
        idle_.pop_back();
        instance& in = pool_[top];
        if (t > in.deadline && !in.drawn) draw_deadline(in);
        if (t > in.deadline || t >= in.death) {
          reclaim(top);
          continue;
        }
        idx = top;
        warm = true;
        break;
      }
    }
    if (!warm && busy_.size() >= c_.reserved) {
      ++out_.throttled;
      if (c_.bins) out_.tl_thr[bin] += 1;
      return;
    }
    double d_ms;
    if (warm) {
      d_ms = c_.warm_ms * factor();
      out_.warm.add(d_ms);
    } else {
      // every idle instance is gone (the stack is empty): live = running + this one
      const instance in{t, t + lifetime(), inf, t, true};
      if (free_.empty()) {
        idx = static_cast<std::uint32_t>(pool_.size());
        pool_.push_back(in);
      } else {
        idx = free_.back();
        free_.pop_back();
        pool_[idx] = in;
      }
      ++out_.cold;
      if (c_.bins) out_.tl_cold[bin] += 1;
      d_ms = c_.cold_ms * factor();
      out_.coldh.add(d_ms);
      out_.peak_inst = std::max(out_.peak_inst, static_cast<int>(busy_.size()) + 1 +
                                                    static_cast<int>(prov_idle_.size()) +
                                                    0);
    }
    const double d_s = d_ms * 1e-3;
    out_.busy_s += d_s;
    if (c_.bins) out_.tl_busy[bin] += d_s;
    busy_.push_back({t + d_s, idx});
    std::push_heap(busy_.begin(), busy_.end(), later{});
    out_.peak_conc = std::max(out_.peak_conc, static_cast<int>(busy_.size()));
  }

  void finish() {
    // drain in completion order, then reclaim whatever is idle
    while (!busy_.empty()) {
      const busy_entry e = busy_.front();
      std::pop_heap(busy_.begin(), busy_.end(), later{});
      busy_.pop_back();
      release(e.idx, e.end);
    }
    for (auto idx : idle_) reclaim(idx);
    idle_.clear();
    out_.inst_s += static_cast<double>(c_.provisioned) * c_.period_s;
    out_.peak_inst = std::max(out_.peak_inst, c_.provisioned);
  }

  const context& c_;
  rng r_;
  partial& out_;
  shared_progress& sp_;
  std::vector<instance> pool_;
  std::vector<std::uint32_t> free_, idle_, prov_idle_;
  std::vector<busy_entry> busy_;
};

struct poisson_source {
  double rate, end, t = 0;
  bool next(rng& r, double& out) {
    if (!(rate > 0)) return false;
    t += r.exponential() / rate;
    if (t >= end) return false;
    out = t;
    return true;
  }
};

struct piecewise_source {
  const std::vector<double>& rates;
  double seg, end, t = 0;
  std::size_t k = 0;
  bool next(rng& r, double& out) {
    if (t >= end) return false;
    // time change: Exp(1) worth of integrated rate, walked through the segments
    double e = r.exponential();
    const std::size_t n = rates.size();
    while (true) {
      const double seg_end = static_cast<double>(k + 1) * seg;
      const double rate = rates[k % n];
      if (rate > 0) {
        const double dt = e / rate;
        if (t + dt < seg_end) {
          t += dt;
          break;
        }
        e -= rate * (seg_end - t);
      }
      t = seg_end;
      ++k;
      if (t >= end) return false;
    }
    if (t >= end) return false;
    out = t;
    return true;
  }
};

struct trace_source {
  const std::vector<double>& times;
  std::size_t i = 0;
  bool next(rng&, double& out) {
    if (i == times.size()) return false;
    out = times[i++];
    return true;
  }
};

latency_stats stats_of(const log_histogram& h) {
  latency_stats s;
  s.count = h.count();
  s.mean_ms = h.mean();
  s.min_ms = h.min();
  s.max_ms = h.max();
  s.p50_ms = h.quantile(0.5);
  s.p90_ms = h.quantile(0.9);
  s.p99_ms = h.quantile(0.99);
  s.p999_ms = h.quantile(0.999);
  return s;
}

}  // namespace

namespace detail {
std::vector<double> sample_exponential(std::uint64_t seed, std::size_t n) {
  rng r(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = r.exponential();
  return v;
}
std::vector<double> sample_normal(std::uint64_t seed, std::size_t n) {
  rng r(seed);
  std::vector<double> v(n);
  for (auto& x : v) x = r.normal();
  return v;
}
}  // namespace detail

simulation_result simulate(const profile& w, const platform& p, const arrivals& a,
                           const simulate_options& opt, const progress_callback& progress) {
  w.validate();
  p.validate();
  a.validate();
  opt.validate();
  if (const double expected = a.expected_requests() * opt.replications;
      expected > opt.max_requests) {
    const double minutes = expected / simulated_requests_per_s / 60;
    throw std::invalid_argument(
        "expected requests = " + detail::format_number(std::round(expected)) +
        " (about " + detail::format_number(std::round(minutes)) +
        " min to simulate): above max_requests = " + detail::format_number(opt.max_requests) +
        "; shorten the period, lower the rate or raise max_requests");
  }
  p.check_memory(opt.memory_mb);
  if (w.peak_memory_mb > 0 && opt.memory_mb < w.peak_memory_mb)
    detail::throw_invalid("memory_mb", opt.memory_mb,
                          "below the profile's peak_memory_mb = " +
                              detail::format_number(w.peak_memory_mb) + " (out of memory)");
  context c;
  c.warm_ms = warm_ms(w, p, opt.memory_mb);
  c.cold_ms = cold_ms(w, p, opt.memory_mb);
  const double s2 = std::log1p(w.cv * w.cv);
  c.sigma = std::sqrt(s2);
  c.mu = -s2 / 2;
  if (!opt.keep_alive || !opt.recycling) {
    const pool_model pm = pool_model::named(p.name);
    c.keep_alive = opt.keep_alive ? *opt.keep_alive : pm.keep_alive;
    c.recycling = opt.recycling ? *opt.recycling : pm.recycling;
  } else {
    c.keep_alive = *opt.keep_alive;
    c.recycling = *opt.recycling;
  }
  c.reserved = opt.reserved_concurrency ? static_cast<std::size_t>(*opt.reserved_concurrency)
                                        : std::numeric_limits<std::size_t>::max();
  c.provisioned = opt.provisioned_concurrency;
  c.initial = opt.initial_instances ? *opt.initial_instances : a.warm_at_start;
  c.period_s = a.period_s();
  c.bins = opt.timeline_bins;
  c.bin_s = c.bins ? c.period_s / c.bins : 0;
  c.inv_bin_s = c.bins ? c.bins / c.period_s : 0;
  c.k_min = c.keep_alive.quantile(1.0);
  c.progress_every = opt.progress_every;

  const auto reps = static_cast<std::size_t>(opt.replications);
  std::vector<partial> parts(reps);
  shared_progress sp;
  sp.cb = &progress;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    try {
      for (std::size_t i = next++; i < reps && !sp.stop; i = next++) {
        replication rep(c, detail::stream_seed(opt.seed, i), parts[i], sp);
        switch (a.kind) {
          case arrival_kind::poisson: {
            poisson_source s{a.rate_per_s, a.duration_s};
            rep.run(s);
            break;
          }
          case arrival_kind::piecewise: {
            piecewise_source s{a.rates_per_s, a.segment_s, a.duration_s};
            rep.run(s);
            break;
          }
          case arrival_kind::trace: {
            trace_source s{a.times_s};
            rep.run(s);
            break;
          }
        }
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(sp.m);
      if (!sp.error) sp.error = std::current_exception();
      sp.stop = true;
    }
  };
  std::size_t nthreads = opt.threads > 0 ? static_cast<std::size_t>(opt.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  nthreads = std::min(nthreads, reps);
  if (nthreads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < nthreads; ++i) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  if (sp.error) std::rethrow_exception(sp.error);

  // merge in replication order, so sums do not depend on the thread count
  simulation_result r;
  log_histogram all;
  const int nb = c.bins;
  r.timeline_arrivals = r.timeline_cold_starts = r.timeline_throttled = r.timeline_busy_s =
      Eigen::VectorXd::Zero(nb);
  for (const auto& q : parts) {
    r.requests += q.requests;
    r.cold_starts += q.cold;
    r.throttled += q.throttled;
    r.provisioned_served += q.prov;
    r.recycled += q.recycled;
    r.expired += q.expired;
    r.warm_hist.merge(q.warm);
    r.cold_hist.merge(q.coldh);
    r.busy_seconds += q.busy_s;
    r.instance_seconds += q.inst_s;
    r.peak_concurrency = std::max(r.peak_concurrency, q.peak_conc);
    r.peak_instances = std::max(r.peak_instances, q.peak_inst);
    for (int i = 0; i < nb; ++i) {
      const auto k = static_cast<std::size_t>(i);
      r.timeline_arrivals[i] += q.tl_arr[k];
      r.timeline_cold_starts[i] += q.tl_cold[k];
      r.timeline_throttled[i] += q.tl_thr[k];
      r.timeline_busy_s[i] += q.tl_busy[k];
    }
  }
  all.merge(r.warm_hist);
  all.merge(r.cold_hist);
  r.served = r.requests - r.throttled;
  r.cold_fraction = r.served ? static_cast<double>(r.cold_starts) / static_cast<double>(r.served)
                             : std::numeric_limits<double>::quiet_NaN();
  r.warm = stats_of(r.warm_hist);
  r.cold = stats_of(r.cold_hist);
  r.all = stats_of(all);
  const double total_time = c.period_s * static_cast<double>(reps);
  r.mean_concurrency = r.busy_seconds / total_time;
  r.mean_instances = r.instance_seconds / total_time;
  r.period_s = c.period_s;
  r.replications = opt.replications;
  r.warm_ms = c.warm_ms;
  r.cold_ms = c.cold_ms;
  r.memory_mb = opt.memory_mb;
  r.provisioned_concurrency = opt.provisioned_concurrency;
  r.seed = opt.seed;
  r.keep_alive = c.keep_alive;
  r.recycling = c.recycling;
  r.bin_s = c.bin_s;
  return r;
}

}  // namespace lambdasim
