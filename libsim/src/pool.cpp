// SPDX-License-Identifier: MIT
#include "lambdasim/pool.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "detail/json_reader.hpp"
#include "lambdasim/error.hpp"

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

// ---------------------------------------------------------------- keep-alive,
// recycling

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
        "keep_alive: idle_s, warm and trials must be non-empty and of equal size "
        "(got " +
        std::to_string(idle_s.size()) + ", " + std::to_string(warm.size()) + ", " +
        std::to_string(trials.size()) + ")");
  for (std::size_t i = 0; i < idle_s.size(); ++i) {
    if (!(idle_s[i] > 0) || !std::isfinite(idle_s[i]))
      detail::throw_invalid(indexed("keep_alive.idle_s", i), idle_s[i],
                            "must be > 0 and finite");
    if (i > 0 && !(idle_s[i] > idle_s[i - 1]))
      detail::throw_invalid(indexed("keep_alive.idle_s", i), idle_s[i], "must ascend");
    if (!(trials[i] > 0) || !std::isfinite(trials[i]))
      detail::throw_invalid(indexed("keep_alive.trials", i), trials[i], "must be > 0");
    if (!(warm[i] >= 0 && warm[i] <= trials[i]))
      detail::throw_invalid(indexed("keep_alive.warm", i), warm[i],
                            "must be within 0..trials");
  }
  // Pool adjacent violators: the weighted least-squares non-increasing fit to
  // warm/trials.
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
    if (!(idle_s[i] > 0) || !std::isfinite(idle_s[i]) ||
        (i > 0 && !(idle_s[i] > idle_s[i - 1])))
      detail::throw_invalid(indexed("keep_alive.idle_s", i), idle_s[i],
                            "must be > 0 and ascend");
    const double prev = i ? survival[i - 1] : 1.0;
    if (!(survival[i] >= 0 && survival[i] <= prev))
      detail::throw_invalid(indexed("keep_alive.survival", i), survival[i],
                            "must be within 0..1 and non-increasing");
  }
  if (survival.back() != 0)
    detail::throw_invalid(indexed("keep_alive.survival", survival.size() - 1),
                          survival.back(), "must be 0 (the keep-alive must end)");
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
    detail::throw_invalid("recycling.early_per_s", early_per_s,
                          "must be >= 0 and finite");
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
        m.keep_alive = keep_alive_model::empirical(
            numbers(k, "idle_s"), numbers(k, "warm"), numbers(k, "trials"));
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
    p += density * (std::exp(-rate_per_s * x0) - std::exp(-rate_per_s * x1)) /
         rate_per_s;
    x0 = x1;
    s0 = s1;
  }
  return p;
}

double cold_probability(double rate_per_s, double keep_alive_s) {
  return cold_probability(rate_per_s, keep_alive_model::fixed(keep_alive_s));
}

}  // namespace lambdasim
