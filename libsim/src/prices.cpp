// SPDX-License-Identifier: MIT
#include "lambdasim/prices.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "detail/json_reader.hpp"
#include "detail/price_model.hpp"
#include "lambdasim/error.hpp"

namespace lambdasim {

std::string_view to_string(architecture a) {
  return enum_name(a);
}

architecture architecture_from_string(std::string_view name) {
  return enum_from_name<architecture>(name);
}

namespace detail {

void check_date(std::string_view field, std::string_view d) {
  auto digits = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  const bool shape = d.size() == 10 && d[4] == '-' && d[7] == '-';
  const int month = shape ? digits(5, 2) : -1;
  const int day = shape ? digits(8, 2) : -1;
  if (!shape || digits(0, 4) < 0 || month < 1 || month > 12 || day < 1 || day > 31)
    throw_invalid(field, d, "expected a date YYYY-MM-DD");
}

void read_provenance(object_reader& r) {
  if (r.string("source").empty()) r.fail("source", "must not be empty");
  const std::string d = r.string("effective_date");
  try {
    check_date("effective_date", d);
  } catch (const std::invalid_argument& e) {
    r.fail("effective_date", e.what());
  }
}

void check_price_document(const json& j, const std::string& origin) {
  object_reader r(j, origin, "");
  if (r.integer("schema_version") != 1)
    r.fail("schema_version", "unsupported schema_version (expected 1)");
  r.allow("about");
  r.allow("billing_rules");  // read by read_billing_rules
  r.allow("powertuning");    // read by the Power Tuning functions
  const auto& regions = r.get("regions");
  if (!regions.is_object()) r.fail("regions", "expected an object");
  for (auto it = regions.begin(); it != regions.end(); ++it) {
    object_reader rr(*it, origin, "/regions/" + it.key());
    for (auto a = it->begin(); a != it->end(); ++a) {
      const auto archs = enum_names<architecture>();
      if (std::find(archs.begin(), archs.end(), a.key()) == archs.end())
        rr.fail(a.key(), "unknown architecture (expected " +
                             enum_choices_text<architecture>() + ")");
      rr.allow(a.key());
    }
    rr.finish();
  }
  if (r.has("regions_without_request_price")) {
    auto note = r.object("regions_without_request_price");
    read_provenance(note);
    note.finish();
  }
  r.finish();
}

const json& price_model() {
  static const json doc = [] {
    json j = parse_json(embedded_model("prices-aws-lambda.json"), price_model_origin);
    check_price_document(j, std::string(price_model_origin));
    return j;
  }();
  return doc;
}

}  // namespace detail

std::string_view to_string(package_type p) {
  return enum_name(p);
}

package_type package_type_from_string(std::string_view name) {
  return enum_from_name<package_type>(name);
}

namespace detail {
billing_rules read_billing_rules(const json& j, const std::string& origin) {
  detail::object_reader r(j, origin, "/billing_rules");
  billing_rules b;
  {
    auto g = r.object("granularity");
    detail::read_provenance(g);
    const auto& steps = g.get("steps");
    if (!steps.is_array() || steps.empty())
      g.fail("steps", "expected a non-empty array");
    for (std::size_t i = 0; i < steps.size(); ++i) {
      detail::object_reader s(steps[i], origin,
                              g.pointer_to("steps") + "/" + std::to_string(i));
      granularity_step step;
      step.from = s.string("from");
      step.ms = s.number("ms");
      s.finish();
      try {
        detail::check_date("from", step.from);
      } catch (const std::invalid_argument& e) {
        s.fail("from", e.what());
      }
      if (!(step.ms > 0)) s.fail("ms", "must be > 0");
      if (i > 0 && !(step.from > b.granularity.back().from))
        s.fail("from", "steps must be in ascending date order");
      b.granularity.push_back(step);
    }
    g.finish();
  }
  {
    auto in = r.object("init");
    detail::read_provenance(in);
    b.init_billed_for_all_from = in.string("billed_for_all_from");
    try {
      detail::check_date("billed_for_all_from", b.init_billed_for_all_from);
    } catch (const std::invalid_argument& e) {
      in.fail("billed_for_all_from", e.what());
    }
    in.finish();
  }
  {
    auto pc = r.object("provisioned_concurrency");
    detail::read_provenance(pc);
    b.provisioned_increment_s = pc.number("enabled_increment_s");
    if (!(b.provisioned_increment_s > 0)) pc.fail("enabled_increment_s", "must be > 0");
    pc.finish();
  }
  {
    auto f = r.object("free_tier");
    detail::read_provenance(f);
    b.free_tier_requests = f.number("requests");
    b.free_tier_gb_s = f.number("gb_s");
    if (!(b.free_tier_requests >= 0)) f.fail("requests", "must be >= 0");
    if (!(b.free_tier_gb_s >= 0)) f.fail("gb_s", "must be >= 0");
    f.finish();
  }
  {
    auto s = r.object("ephemeral_storage");
    detail::read_provenance(s);
    b.storage_free_mb = s.number("free_mb");
    b.storage_min_mb = s.number("min_mb");
    b.storage_max_mb = s.number("max_mb");
    if (!(b.storage_min_mb > 0 && b.storage_min_mb <= b.storage_free_mb &&
          b.storage_free_mb <= b.storage_max_mb))
      s.fail("free_mb", "need 0 < min_mb <= free_mb <= max_mb");
    s.finish();
  }
  r.finish();
  return b;
}
}  // namespace detail

const billing_rules& billing_rules::aws() {
  static const billing_rules rules =
      detail::read_billing_rules(detail::price_model().at("billing_rules"),
                                 std::string(detail::price_model_origin));
  return rules;
}

double billing_rules::granularity_ms(std::string_view date) const {
  detail::check_date("date", date);
  double g = granularity.front().ms;
  for (const auto& s : granularity)
    if (s.from <= date) g = s.ms;
  return g;
}

bool billing_rules::init_billed(std::string_view date, package_type package,
                                bool custom_runtime) const {
  if (date.empty()) return true;  // the current rule: billed for every package
  detail::check_date("date", date);
  if (date >= std::string_view(init_billed_for_all_from)) return true;
  return package == package_type::image || custom_runtime;
}

namespace {
const detail::json& price_document() {
  return detail::price_model();
}

price_table read_price_table(const detail::json& j, const std::string& origin,
                             const std::string& pointer, std::string region,
                             architecture a) {
  detail::object_reader r(j, origin, pointer);
  price_table t;
  t.region = std::move(region);
  t.arch = a;
  const auto& tiers = r.get("duration_tiers");
  if (!tiers.is_array()) r.fail("duration_tiers", "expected an array");
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    detail::object_reader tr(tiers[i], origin,
                             r.pointer_to("duration_tiers") + "/" + std::to_string(i));
    price_tier tier;
    const auto& up = tr.get("up_to_gb_s");
    tier.up_to_gb_s = up.is_null() ? std::numeric_limits<double>::infinity()
                                   : tr.number("up_to_gb_s");
    tier.usd_per_gb_s = tr.number("usd_per_gb_s");
    tr.finish();
    t.duration_tiers.push_back(tier);
  }
  t.requests_usd_per_million = r.number("requests_usd_per_million");
  const auto& complete = r.get("duration_tiers_complete");
  if (!complete.is_boolean())
    r.fail("duration_tiers_complete", "expected true or false");
  t.duration_tiers_complete = complete.get<bool>();
  auto optional_price = [&r](std::string_view key) -> std::optional<double> {
    if (!r.has(key)) return std::nullopt;
    return r.number(key);
  };
  t.ephemeral_storage_usd_per_gb_s = optional_price("ephemeral_storage_usd_per_gb_s");
  t.provisioned_usd_per_gb_s = optional_price("provisioned_usd_per_gb_s");
  t.provisioned_duration_usd_per_gb_s =
      optional_price("provisioned_duration_usd_per_gb_s");
  t.snapstart_cache_usd_per_gb_s = optional_price("snapstart_cache_usd_per_gb_s");
  t.snapstart_restore_usd_per_gb = optional_price("snapstart_restore_usd_per_gb");
  t.source = r.string("source");
  t.effective_date = r.string("effective_date");
  try {
    detail::check_date("effective_date", t.effective_date);
  } catch (const std::invalid_argument& e) {
    r.fail("effective_date", e.what());
  }
  r.finish();
  try {
    t.validate();
  } catch (const std::invalid_argument& e) {
    detail::throw_config(origin, pointer, e.what());
  }
  return t;
}
}  // namespace

namespace {
std::vector<std::string> regions_of(const detail::json& doc) {
  std::vector<std::string> out;
  for (auto it = doc.at("regions").begin(); it != doc.at("regions").end(); ++it)
    out.push_back(it.key());
  return out;  // nlohmann::json objects iterate in sorted key order
}

price_table lookup(const detail::json& doc, const std::string& origin,
                   std::string_view region, architecture arch) {
  const auto& regions = doc.at("regions");
  auto it = regions.find(std::string(region));
  if (it == regions.end()) {
    std::string known;
    for (const auto& r : regions_of(doc)) known += (known.empty() ? "" : ", ") + r;
    detail::throw_invalid(
        "region", region,
        "no price data; known regions: " + (known.empty() ? "none" : known));
  }
  const std::string a(to_string(arch));
  if (!it->contains(a))
    detail::throw_invalid("arch", a, "no price data in region " + std::string(region));
  price_table t =
      read_price_table(it->at(a), origin, "/regions/" + std::string(region) + "/" + a,
                       std::string(region), arch);
  // The compiled-in document's rules are billing_rules::aws(), the member's default.
  if (&doc != &price_document() && doc.contains("billing_rules")) {
    t.rules = detail::read_billing_rules(doc.at("billing_rules"), origin);
  }
  return t;
}
}  // namespace

std::vector<std::string> price_table::aws_regions() {
  return regions_of(price_document());
}

price_table price_table::aws(std::string_view region, architecture arch) {
  // Read once per (region, arch), then copied: reading the table from the parsed
  // document costs microseconds, a copy well under one.
  static std::mutex mutex;
  static std::map<std::pair<std::string, architecture>, price_table, std::less<>> cache;
  std::pair<std::string, architecture> key{std::string(region), arch};
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  price_table t =
      lookup(price_document(), std::string(detail::price_model_origin), region, arch);
  const std::lock_guard<std::mutex> lock(mutex);
  cache.emplace(std::move(key), t);
  return t;
}

price_table price_table::from_json(std::string_view text, std::string_view region,
                                   architecture arch, std::string_view origin) {
  const std::string o(origin);
  const detail::json doc = detail::parse_json(text, o);
  detail::check_price_document(doc, o);
  return lookup(doc, o, region, arch);
}

price_table price_table::load(const std::string& path, std::string_view region,
                              architecture arch) {
  return from_json(detail::read_text_file(path), region, arch, path);
}

double detail::tiered_usd(const std::vector<price_tier>& tiers, double gb_s,
                          double offset_gb_s) {
  // Walk the tiers over [offset, offset + gb_s]: each GB-s at the price of its tier.
  const double lo = offset_gb_s;
  const double hi = offset_gb_s + gb_s;
  double usd = 0;
  double start = 0;
  for (const auto& t : tiers) {
    const double a = std::max(lo, start);
    const double b = std::min(hi, t.up_to_gb_s);
    if (b > a) usd += (b - a) * t.usd_per_gb_s;
    start = t.up_to_gb_s;
    if (start >= hi) break;
  }
  return usd;
}

double price_table::duration_usd(double gb_s, double offset_gb_s) const {
  if (!(gb_s >= 0) || std::isinf(gb_s))
    detail::throw_invalid("gb_s", gb_s, "must be finite and >= 0");
  if (!(offset_gb_s >= 0) || std::isinf(offset_gb_s))
    detail::throw_invalid("account_gb_s_offset", offset_gb_s,
                          "must be finite and >= 0");
  validate();
  return detail::tiered_usd(duration_tiers, gb_s, offset_gb_s);
}

double price_table::first_tier_usd_per_gb_s() const {
  validate();
  return duration_tiers.front().usd_per_gb_s;
}

void price_table::validate() const {
  if (duration_tiers.empty())
    throw std::invalid_argument("duration_tiers: at least one tier required");
  for (std::size_t i = 0; i < duration_tiers.size(); ++i) {
    const std::string f = "duration_tiers[" + std::to_string(i) + "]";
    const auto& t = duration_tiers[i];
    if (!(t.usd_per_gb_s >= 0) || std::isinf(t.usd_per_gb_s))
      detail::throw_invalid(f + ".usd_per_gb_s", t.usd_per_gb_s,
                            "must be finite and >= 0");
    if (!(t.up_to_gb_s > (i ? duration_tiers[i - 1].up_to_gb_s : 0)))
      detail::throw_invalid(f + ".up_to_gb_s", t.up_to_gb_s,
                            "tiers must ascend from > 0");
  }
  if (!std::isinf(duration_tiers.back().up_to_gb_s))
    detail::throw_invalid("duration_tiers[last].up_to_gb_s",
                          duration_tiers.back().up_to_gb_s,
                          "the last tier must be unbounded (null)");
  if (!(requests_usd_per_million >= 0) || std::isinf(requests_usd_per_million))
    detail::throw_invalid("requests_usd_per_million", requests_usd_per_million,
                          "must be finite and >= 0");
  const std::pair<const char*, const std::optional<double>*> optional_prices[] = {
      {"ephemeral_storage_usd_per_gb_s", &ephemeral_storage_usd_per_gb_s},
      {"provisioned_usd_per_gb_s", &provisioned_usd_per_gb_s},
      {"provisioned_duration_usd_per_gb_s", &provisioned_duration_usd_per_gb_s},
      {"snapstart_cache_usd_per_gb_s", &snapstart_cache_usd_per_gb_s},
      {"snapstart_restore_usd_per_gb", &snapstart_restore_usd_per_gb}};
  for (const auto& [name, v] : optional_prices)
    if (v->has_value() && (!(**v >= 0) || std::isinf(**v)))
      detail::throw_invalid(name, **v, "must be finite and >= 0");
}

double billed_ms(double duration_ms, double granularity_ms) {
  if (!(duration_ms >= 0) || std::isinf(duration_ms))
    detail::throw_invalid("duration_ms", duration_ms, "must be finite and >= 0");
  if (!(granularity_ms > 0) || std::isinf(granularity_ms))
    detail::throw_invalid("granularity_ms", granularity_ms, "must be finite and > 0");
  // Model arithmetic leaves ~1e-13 relative noise (1000 * 1769 / 1769); do not bill a
  // whole extra step for it.
  const double steps = std::ceil(duration_ms / granularity_ms - 1e-9);
  return std::max(steps, 0.0) * granularity_ms;
}

double gb_seconds(double billed, double memory_mb) {
  return billed / 1000.0 * memory_mb / 1024.0;
}

double invocation_cost_usd(double billed, double memory_mb, const price_table& prices) {
  return gb_seconds(billed, memory_mb) * prices.first_tier_usd_per_gb_s() +
         prices.requests_usd_per_million / 1e6;
}

}  // namespace lambdasim
