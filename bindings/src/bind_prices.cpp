// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/prices.hpp>

void bind_prices(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<architecture>("architecture");
  add_enum_names<package_type>("package_type");
  py::class_<billing_rules>(
      m, "BillingRules",
      "Billing rules (the \"billing_rules\" object of a price document, schema of "
      "models/prices-aws-lambda.json): no built-in defaults, the values come from the "
      "document. A price_table carries its own (AWS's unless its document states "
      "others).")
      .def_static("aws", &billing_rules::aws, py::return_value_policy::copy,
                  "The compiled-in AWS rules. Raises if models/ is inconsistent")
      .def_property_readonly(
          "granularity",
          [](const billing_rules& r) {
            py::list out;
            for (const auto& s : r.granularity)
              out.append(py::make_tuple(s.from, s.ms));
            return out;
          },
          "Granularity: ascending from")
      .def_readwrite("init_billed_for_all_from",
                     &billing_rules::init_billed_for_all_from,
                     "INIT billed for every package from then")
      .def_readwrite("provisioned_increment_s", &billing_rules::provisioned_increment_s,
                     "Enabled time rounded up to this")
      .def_readwrite("free_tier_requests", &billing_rules::free_tier_requests,
                     "Free tier requests: per month")
      .def_readwrite("free_tier_gb_s", &billing_rules::free_tier_gb_s,
                     "Free tier (GB-seconds): per month")
      .def_readwrite("storage_free_mb", &billing_rules::storage_free_mb,
                     "Ephemeral storage included in the price")
      .def_readwrite("storage_min_mb", &billing_rules::storage_min_mb,
                     "Smallest configurable ephemeral storage (MB), the free amount.")
      .def_readwrite("storage_max_mb", &billing_rules::storage_max_mb,
                     "Largest configurable ephemeral storage (MB).")
      .def("granularity_ms", &billing_rules::granularity_ms, "date"_a,
           "Billing granularity on a date (\"YYYY-MM-DD\"). Raises ValueError for a "
           "malformed date")
      .def(
          "init_billed",
          [](const billing_rules& r, const std::string& date,
             const std::string& package, bool custom_runtime) {
            return r.init_billed(date, package_type_from_string(package),
                                 custom_runtime);
          },
          "date"_a, "package"_a, "custom_runtime"_a,
          "Whether the INIT phase of an on-demand cold start is billed on date (\"\" = "
          "the current rule): always from init_billed_for_all_from on; before, only "
          "for container images and custom (OS-only) runtimes.");

  py::class_<price_tier>(
      m, "PriceTier",
      "Duration price for monthly usage up to up_to_gb_s (infinity for the last tier).")
      .def(py::init<>())
      .def_readwrite("up_to_gb_s", &price_tier::up_to_gb_s,
                     "The tier applies up to this many GB-seconds a month.")
      .def_readwrite("usd_per_gb_s", &price_tier::usd_per_gb_s,
                     "Price of one GB-second in the tier (USD).")
      .def("__repr__", [](const price_tier& t) {
        return "PriceTier(up_to_gb_s=" + detail::format_number(t.up_to_gb_s) +
               ", usd_per_gb_s=" + detail::format_number(t.usd_per_gb_s) + ")";
      });
  py::class_<price_table>(
      m, "PriceTable",
      "Prices of one region and architecture. Optional prices are absent where models/ "
      "has no public source for them; a bill that needs an absent price throws.")
      .def(py::init<>())
      .def_static(
          "aws",
          [](const std::string& region, const std::string& arch) {
            return price_table::aws(region, architecture_from_string(arch));
          },
          "region"_a, "arch"_a,
          "The AWS price table of a region and architecture (compiled-in models/ "
          "data). Raises ValueError for an unknown region, listing the known ones")
      .def_static("aws_regions", &price_table::aws_regions,
                  "Regions with AWS price data, sorted.")
      .def_static(
          "from_json",
          [](const std::string& text, const std::string& region,
             const std::string& arch, const std::string& origin) {
            return price_table::from_json(text, region, architecture_from_string(arch),
                                          origin);
          },
          "text"_a, "region"_a, "arch"_a, "origin"_a = "<json>",
          "A price table from a document in the schema of "
          "models/prices-aws-lambda.json (for negotiated or unlisted prices): the "
          "table of region and arch, with the document's \"billing_rules\" when it has "
          "them (else AWS's). Raises with origin and JSON pointer for a malformed "
          "document; std::invalid_argument for a region or arch it lacks, listing its "
          "regions")
      .def_static(
          "load",
          [](const std::string& path, const std::string& region,
             const std::string& arch) {
            return price_table::load(path, region, architecture_from_string(arch));
          },
          "path"_a, "region"_a, "arch"_a,
          "The same from a file. Raises naming the path")
      .def_readwrite("region", &price_table::region,
                     "AWS region priced, e.g. us-east-1.")
      .def_property(
          "arch", [](const price_table& t) { return std::string(to_string(t.arch)); },
          [](price_table& t, const std::string& a) {
            t.arch = architecture_from_string(a);
          },
          "Architecture: x86_64 or arm64.")
      .def_readwrite("duration_tiers", &price_table::duration_tiers,
                     "Ascending up_to_gb_s, last is +inf")
      .def_readwrite("requests_usd_per_million", &price_table::requests_usd_per_million,
                     "Price of a million requests (USD).")
      .def_readwrite(
          "duration_tiers_complete", &price_table::duration_tiers_complete,
          "False when the source gives only the first tier (every GB-s priced at it)")
      .def_readwrite("ephemeral_storage_usd_per_gb_s",
                     &price_table::ephemeral_storage_usd_per_gb_s,
                     "USD per GB-s of ephemeral storage above the free amount")
      .def_readwrite(
          "provisioned_usd_per_gb_s", &price_table::provisioned_usd_per_gb_s,
          "Provisioned concurrency: USD per GB-s enabled, and per GB-s executing on it")
      .def_readwrite(
          "provisioned_duration_usd_per_gb_s",
          &price_table::provisioned_duration_usd_per_gb_s,
          "Provisioned concurrency: USD per GB-s enabled, and per GB-s executing on it")
      .def_readwrite("snapstart_cache_usd_per_gb_s",
                     &price_table::snapstart_cache_usd_per_gb_s,
                     "SnapStart: USD per GB-s a snapshot is cached, per GB restored")
      .def_readwrite("snapstart_restore_usd_per_gb",
                     &price_table::snapstart_restore_usd_per_gb,
                     "SnapStart: USD per GB-s a snapshot is cached, per GB restored")
      .def_readwrite("source", &price_table::source,
                     "Where the figures come from (models/)")
      .def_readwrite("effective_date", &price_table::effective_date,
                     "Effective date: \"YYYY-MM-DD\"")
      .def_readwrite("rules", &price_table::rules,
                     "The billing rules these prices come with: free tier, storage "
                     "range, granularity, INIT and provisioned increment. A document's "
                     "own \"billing_rules\" when it has them, else AWS's "
                     "(models/prices-aws-lambda.json).")
      .def("duration_usd", &price_table::duration_usd, "gb_s"_a, "offset_gb_s"_a = 0.0,
           "Duration charge (USD) of gb_s GB-seconds in a month, tiers applied on top "
           "of offset_gb_s GB-s the rest of the account already used (same region and "
           "arch): cost(offset + gb_s) - cost(offset). Raises ValueError unless both "
           "are finite and >= 0")
      .def("first_tier_usd_per_gb_s", &price_table::first_tier_usd_per_gb_s,
           "Price of the first duration tier (USD per GB-s): what one invocation costs "
           "at the margin for an account below the first tier boundary.")
      .def("validate", &price_table::validate,
           "Raises ValueError naming the inconsistent field")
      .def(py::pickle(
          // every field, as a tuple (price tables have no JSON form of their own)
          [](const price_table& t) {
            py::list tiers;
            for (const auto& x : t.duration_tiers)
              tiers.append(py::make_tuple(x.up_to_gb_s, x.usd_per_gb_s));
            return py::make_tuple(
                t.region, std::string(to_string(t.arch)), tiers,
                t.requests_usd_per_million, t.duration_tiers_complete,
                t.ephemeral_storage_usd_per_gb_s, t.provisioned_usd_per_gb_s,
                t.provisioned_duration_usd_per_gb_s, t.snapstart_cache_usd_per_gb_s,
                t.snapstart_restore_usd_per_gb, t.source, t.effective_date);
          },
          [](const py::tuple& s) {
            if (s.size() != 12)
              throw std::invalid_argument("PriceTable pickle: 12 fields expected");
            price_table t;
            t.region = s[0].cast<std::string>();
            t.arch = architecture_from_string(s[1].cast<std::string>());
            for (const auto& x : s[2].cast<py::list>()) {
              const auto pair = x.cast<std::pair<double, double>>();
              t.duration_tiers.push_back({pair.first, pair.second});
            }
            t.requests_usd_per_million = s[3].cast<double>();
            t.duration_tiers_complete = s[4].cast<bool>();
            t.ephemeral_storage_usd_per_gb_s = s[5].cast<std::optional<double>>();
            t.provisioned_usd_per_gb_s = s[6].cast<std::optional<double>>();
            t.provisioned_duration_usd_per_gb_s = s[7].cast<std::optional<double>>();
            t.snapstart_cache_usd_per_gb_s = s[8].cast<std::optional<double>>();
            t.snapstart_restore_usd_per_gb = s[9].cast<std::optional<double>>();
            t.source = s[10].cast<std::string>();
            t.effective_date = s[11].cast<std::string>();
            return t;
          }))
      .def("__repr__", [](const price_table& t) {
        return "PriceTable(region='" + t.region + "', arch='" +
               std::string(to_string(t.arch)) + "', first_tier_usd_per_gb_s=" +
               detail::format_number(
                   t.duration_tiers.empty() ? 0 : t.duration_tiers[0].usd_per_gb_s) +
               ", requests_usd_per_million=" +
               detail::format_number(t.requests_usd_per_million) + ")";
      });
  m.def("billed_ms", py::vectorize(&billed_ms), "duration_ms"_a, "granularity_ms"_a,
        "Billed duration: duration rounded up to the granularity (1 ms on AWS since "
        "2020-12-01, 100 ms before). Durations within 1e-9 ms of a step count as on "
        "it, so 1100.0000000001 ms bills 1100 ms, not 1101. Raises ValueError unless "
        "duration_ms >= 0 and granularity_ms > 0");
  m.def("gb_seconds", py::vectorize(&gb_seconds), "billed_ms"_a, "memory_mb"_a,
        "GB-seconds of one invocation: billed_ms / 1000 * memory_mb / 1024.");
}
