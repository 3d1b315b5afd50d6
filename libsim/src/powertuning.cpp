// SPDX-License-Identifier: MIT
#include "lambdasim/powertuning.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "detail/price_model.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

namespace {
struct powertuning_model {
  double min_ram_mb = 0;
  std::vector<double> power_values_mb;  // its default powerValues
  std::map<std::string, std::map<std::string, double>>
      base;  // arch -> region -> USD/ms
};

const powertuning_model& model() {
  static const powertuning_model m = [] {
    const std::string origin(detail::price_model_origin);
    detail::object_reader r(detail::price_model().at("powertuning"), origin,
                            "/powertuning");
    detail::read_provenance(r);
    powertuning_model out;
    out.min_ram_mb = r.number("min_ram_mb");
    if (!(out.min_ram_mb > 0)) r.fail("min_ram_mb", "must be > 0");
    const auto& pv = r.get("power_values_mb");
    if (!pv.is_array() || pv.empty())
      r.fail("power_values_mb", "expected a non-empty array of sizes in MB");
    for (const auto& v : pv) {
      if (!v.is_number() || !(v.get<double>() >= out.min_ram_mb))
        r.fail("power_values_mb", "expected sizes in MB, each at least min_ram_mb");
      out.power_values_mb.push_back(v.get<double>());
    }
    r.allow("power_values_source");
    detail::object_reader b = r.object("base_usd_per_ms");
    for (const std::string& arch : enum_names<architecture>()) {
      detail::object_reader a = b.object(arch);
      const auto& j = b.get(arch);
      for (auto it = j.begin(); it != j.end(); ++it) {
        const double v = a.number(it.key());
        if (!(v > 0)) a.fail(it.key(), "must be > 0");
        out.base[arch][it.key()] = v;
      }
      if (!out.base[arch].count("default"))
        a.fail("default", "required key is missing");
      a.finish();
    }
    b.finish();
    r.finish();
    return out;
  }();
  return m;
}

std::vector<double> sorted_checked(const Eigen::Ref<const Eigen::VectorXd>& v,
                                   std::string_view field) {
  std::vector<double> out(v.data(), v.data() + v.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!(out[i] >= 0) || std::isinf(out[i]))
      detail::throw_invalid(std::string(field) + "[" + std::to_string(i) + "]", out[i],
                            "must be finite and >= 0");
  std::sort(out.begin(), out.end());
  return out;
}

void check_discard(double d) {
  if (!(d >= 0 && d <= 0.4))
    detail::throw_invalid("discard_top_bottom", d,
                          "must be in [0, 0.4] (Power Tuning clamps to that range)");
}

// The trimmed mean of an ascending vector, as Power Tuning's reduce computes it.
double trimmed_mean_sorted(const std::vector<double>& s, double discard) {
  if (s.empty()) return 0;
  // parseInt(n * discardTopBottom, 10): truncation of the product in double arithmetic
  const auto k =
      static_cast<std::size_t>(std::trunc(static_cast<double>(s.size()) * discard));
  const std::size_t kept = s.size() - 2 * k;
  double sum = 0;
  for (std::size_t i = k; i < s.size() - k; ++i) sum += s[i];
  return sum / static_cast<double>(kept);
}
}  // namespace

double powertuning_min_ram_mb() {
  return model().min_ram_mb;
}

std::vector<double> powertuning_power_values_mb() {
  return model().power_values_mb;
}

double powertuning_base_usd_per_ms(std::string_view region, architecture arch) {
  const auto& table = model().base.at(std::string(to_string(arch)));
  auto it = table.find(std::string(region));
  return it != table.end() ? it->second : table.at("default");
}

double powertuning_trimmed_mean(const Eigen::Ref<const Eigen::VectorXd>& values,
                                double discard_top_bottom) {
  check_discard(discard_top_bottom);
  return trimmed_mean_sorted(sorted_checked(values, "values"), discard_top_bottom);
}

double powertuning_price(double average_billed_ms, double memory_mb, double base) {
  if (!(average_billed_ms >= 0) || std::isinf(average_billed_ms))
    detail::throw_invalid("average_billed_ms", average_billed_ms,
                          "must be finite and >= 0");
  if (!(memory_mb > 0) || std::isinf(memory_mb))
    detail::throw_invalid("memory_mb", memory_mb, "must be finite and > 0");
  if (!(base >= 0) || std::isinf(base))
    detail::throw_invalid("base_usd_per_ms", base, "must be finite and >= 0");
  // Math.ceil(duration) * minCost * (value / minRAM), left to right
  return std::ceil(average_billed_ms) * base * (memory_mb / powertuning_min_ram_mb());
}

powertuning_stats powertuning_statistics(
    const Eigen::Ref<const Eigen::VectorXd>& duration_ms,
    const Eigen::Ref<const Eigen::VectorXd>& billed, double memory_mb, double base,
    double discard_top_bottom) {
  check_discard(discard_top_bottom);
  if (duration_ms.size() != billed.size())
    detail::throw_invalid(
        "billed_ms.size", static_cast<double>(billed.size()),
        "must equal duration_ms.size = " + std::to_string(duration_ms.size()));
  const std::vector<double> d = sorted_checked(duration_ms, "duration_ms");
  const std::vector<double> b = sorted_checked(billed, "billed_ms");
  powertuning_stats s;
  s.average_duration_ms = trimmed_mean_sorted(d, discard_top_bottom);
  s.average_billed_ms = trimmed_mean_sorted(b, discard_top_bottom);
  s.average_price_usd = powertuning_price(s.average_billed_ms, memory_mb, base);
  // computeTotalCost runs on the array computeAverageDuration sorted in place
  for (double x : b) s.total_cost_usd += powertuning_price(x, memory_mb, base);
  return s;
}

}  // namespace lambdasim
