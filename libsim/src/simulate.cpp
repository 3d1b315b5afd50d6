// SPDX-License-Identifier: MIT
#include "lambdasim/simulate.hpp"

#include <algorithm>
#include <atomic>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

#include "detail/arrival_stream.hpp"
#include "detail/json_reader.hpp"
#include "detail/random.hpp"
#include "lambdasim/error.hpp"
#include "lambdasim/predict.hpp"

namespace lambdasim {

void simulate_options::validate() const {
  if (keep_alive) keep_alive->validate();
  if (recycling) recycling->validate();
  if (reserved_concurrency && *reserved_concurrency < 0)
    detail::throw_invalid("reserved_concurrency", *reserved_concurrency,
                          "must be >= 0");
  if (initial_instances && *initial_instances < 0)
    detail::throw_invalid("initial_instances", *initial_instances, "must be >= 0");
  if (provisioned_concurrency < 0)
    detail::throw_invalid("provisioned_concurrency", provisioned_concurrency,
                          "must be >= 0");
  if (reserved_concurrency && provisioned_concurrency > *reserved_concurrency)
    detail::throw_invalid("provisioned_concurrency", provisioned_concurrency,
                          "must not exceed reserved_concurrency = " +
                              std::to_string(*reserved_concurrency));
  if (replications < 1)
    detail::throw_invalid("replications", replications, "must be >= 1");
  if (threads < 0)
    detail::throw_invalid("threads", threads, "must be >= 0 (0 = all cores)");
  if (timeline_bins < 0 || timeline_bins > 1000000)
    detail::throw_invalid("timeline_bins", timeline_bins, "must be within 0..1000000");
  if (progress_every < 1)
    detail::throw_invalid("progress_every", static_cast<double>(progress_every),
                          "must be >= 1");
  if (!(max_requests > 0))
    detail::throw_invalid("max_requests", max_requests, "must be > 0");
  if (!(cold_fraction_level > 0 && cold_fraction_level < 1))
    detail::throw_invalid("cold_fraction_level", cold_fraction_level,
                          "must be in (0, 1)");
}

proportion_interval clopper_pearson(std::uint64_t x, std::uint64_t n, double level) {
  if (!(level > 0 && level < 1))
    detail::throw_invalid("level", level, "must be in (0, 1)");
  if (x > n)
    detail::throw_invalid("x", static_cast<double>(x),
                          "must be <= n = " + std::to_string(n));
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (n == 0) return {nan, nan};
  const double alpha = 1 - level;
  const auto xd = static_cast<double>(x);
  const auto nd = static_cast<double>(n);
  proportion_interval out{0, 1};
  if (x > 0) out.lo = boost::math::ibeta_inv(xd, nd - xd + 1, alpha / 2);
  if (x < n) out.hi = boost::math::ibeta_inv(xd + 1, nd - xd, 1 - alpha / 2);
  return out;
}

monthly_bill simulated_bill(const simulation_result& r, const profile& w,
                            const platform& p, const price_table& prices,
                            bill_options o, double month_hours) {
  if (!(month_hours > 0 && month_hours <= 31 * 24))
    detail::throw_invalid("month_hours", month_hours,
                          "must be within 0..744 (exclusive of 0)");
  const double periods =
      static_cast<double>(r.replications) * r.period_s / (month_hours * 3600);
  if (!(periods > 0)) detail::throw_invalid("period_s", r.period_s, "must be > 0");
  o.requests_per_month = static_cast<double>(r.served) / periods;
  const auto on_demand = static_cast<double>(r.served - r.provisioned_served);
  o.cold_fraction = on_demand > 0 ? static_cast<double>(r.cold_starts) / on_demand : 0;
  o.provisioned_concurrency = r.provisioned_concurrency;
  if (r.provisioned_concurrency > 0) {
    o.provisioned_hours = month_hours;
    o.provisioned_request_fraction =
        r.served
            ? static_cast<double>(r.provisioned_served) / static_cast<double>(r.served)
            : 0;
  } else {
    o.provisioned_hours = 0;
  }
  return compute_bill(w, p, prices, r.memory_mb, o);
}

// ---------------------------------------------------------------- the simulation

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using detail::rng;

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
  bool drawn;  // deadline drawn for this idle period (else only last_end + k_min known)
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
  std::uint64_t requests = 0, cold = 0, throttled = 0, prov = 0, recycled = 0,
                expired = 0;
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
    if (c_.recycling.early_per_s > 0)
      life = r_.exponential() / c_.recycling.early_per_s;
    if (c_.recycling.max_lifetime_max_s > 0)
      life = std::min(
          life, c_.recycling.max_lifetime_min_s + (c_.recycling.max_lifetime_max_s -
                                                   c_.recycling.max_lifetime_min_s) *
                                                      r_.uniform());
    return life;
  }

  double factor() {
    return c_.sigma > 0 ? std::exp(c_.mu + c_.sigma * r_.normal()) : 1.0;
  }

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
    // after k_min of idleness (independent of everything else, so the same
    // distribution).
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
    const std::size_t bin = c_.bins
                                ? std::min(static_cast<std::size_t>(t * c_.inv_bin_s),
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
      out_.peak_inst =
          std::max(out_.peak_inst, static_cast<int>(busy_.size()) + 1 +
                                       static_cast<int>(prov_idle_.size()) + 0);
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
    return detail::next_piecewise_arrival(r, rates, seg, end, t, k, out);
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

simulation_result simulate(const profile& w, const platform& p, const arrivals& a,
                           const simulate_options& opt,
                           const progress_callback& progress) {
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
        " min to simulate): above max_requests = " +
        detail::format_number(opt.max_requests) +
        "; shorten the period, lower the rate or raise max_requests");
  }
  p.check_memory(opt.memory_mb);
  if (w.peak_memory_mb > 0 && opt.memory_mb < w.peak_memory_mb)
    detail::throw_invalid("memory_mb", opt.memory_mb,
                          "below the profile's peak_memory_mb = " +
                              detail::format_number(w.peak_memory_mb) +
                              " (out of memory)");
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
  c.reserved = opt.reserved_concurrency
                   ? static_cast<std::size_t>(*opt.reserved_concurrency)
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
  std::size_t nthreads = opt.threads > 0
                             ? static_cast<std::size_t>(opt.threads)
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
  r.timeline_arrivals = r.timeline_cold_starts = r.timeline_throttled =
      r.timeline_busy_s = Eigen::VectorXd::Zero(nb);
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
  r.cold_fraction =
      r.served ? static_cast<double>(r.cold_starts) / static_cast<double>(r.served)
               : std::numeric_limits<double>::quiet_NaN();
  const proportion_interval ci =
      clopper_pearson(r.cold_starts, r.served, opt.cold_fraction_level);
  r.cold_fraction_lo = ci.lo;
  r.cold_fraction_hi = ci.hi;
  r.cold_fraction_level = opt.cold_fraction_level;
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
