// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/prices.hpp>

void bind_prices(py::module_& m) {
  using namespace lambdasim;
  py::class_<billing_rules>(m, "BillingRules")
      .def_static("aws", &billing_rules::aws, py::return_value_policy::copy)
      .def_property_readonly("granularity",
                             [](const billing_rules& r) {
                               py::list out;
                               for (const auto& s : r.granularity)
                                 out.append(py::make_tuple(s.from, s.ms));
                               return out;
                             })
      .def_readwrite("init_billed_for_all_from",
                     &billing_rules::init_billed_for_all_from)
      .def_readwrite("provisioned_increment_s", &billing_rules::provisioned_increment_s)
      .def_readwrite("free_tier_requests", &billing_rules::free_tier_requests)
      .def_readwrite("free_tier_gb_s", &billing_rules::free_tier_gb_s)
      .def_readwrite("storage_free_mb", &billing_rules::storage_free_mb)
      .def_readwrite("storage_min_mb", &billing_rules::storage_min_mb)
      .def_readwrite("storage_max_mb", &billing_rules::storage_max_mb)
      .def("granularity_ms", &billing_rules::granularity_ms, "date"_a)
      .def(
          "init_billed",
          [](const billing_rules& r, const std::string& date,
             const std::string& package, bool custom_runtime) {
            return r.init_billed(date, package_type_from_string(package),
                                 custom_runtime);
          },
          "date"_a, "package"_a, "custom_runtime"_a);

  py::class_<price_tier>(m, "PriceTier")
      .def(py::init<>())
      .def_readwrite("up_to_gb_s", &price_tier::up_to_gb_s)
      .def_readwrite("usd_per_gb_s", &price_tier::usd_per_gb_s)
      .def("__repr__", [](const price_tier& t) {
        return "PriceTier(up_to_gb_s=" + detail::format_number(t.up_to_gb_s) +
               ", usd_per_gb_s=" + detail::format_number(t.usd_per_gb_s) + ")";
      });
  py::class_<price_table>(m, "PriceTable")
      .def(py::init<>())
      .def_static(
          "aws",
          [](const std::string& region, const std::string& arch) {
            return price_table::aws(region, architecture_from_string(arch));
          },
          "region"_a, "arch"_a)
      .def_static("aws_regions", &price_table::aws_regions)
      .def_static(
          "from_json",
          [](const std::string& text, const std::string& region,
             const std::string& arch, const std::string& origin) {
            return price_table::from_json(text, region, architecture_from_string(arch),
                                          origin);
          },
          "text"_a, "region"_a, "arch"_a, "origin"_a = "<json>")
      .def_static(
          "load",
          [](const std::string& path, const std::string& region,
             const std::string& arch) {
            return price_table::load(path, region, architecture_from_string(arch));
          },
          "path"_a, "region"_a, "arch"_a)
      .def_readwrite("region", &price_table::region)
      .def_property(
          "arch", [](const price_table& t) { return std::string(to_string(t.arch)); },
          [](price_table& t, const std::string& a) {
            t.arch = architecture_from_string(a);
          })
      .def_readwrite("duration_tiers", &price_table::duration_tiers)
      .def_readwrite("requests_usd_per_million", &price_table::requests_usd_per_million)
      .def_readwrite("duration_tiers_complete", &price_table::duration_tiers_complete)
      .def_readwrite("ephemeral_storage_usd_per_gb_s",
                     &price_table::ephemeral_storage_usd_per_gb_s)
      .def_readwrite("provisioned_usd_per_gb_s", &price_table::provisioned_usd_per_gb_s)
      .def_readwrite("provisioned_duration_usd_per_gb_s",
                     &price_table::provisioned_duration_usd_per_gb_s)
      .def_readwrite("snapstart_cache_usd_per_gb_s",
                     &price_table::snapstart_cache_usd_per_gb_s)
      .def_readwrite("snapstart_restore_usd_per_gb",
                     &price_table::snapstart_restore_usd_per_gb)
      .def_readwrite("source", &price_table::source)
      .def_readwrite("effective_date", &price_table::effective_date)
      .def_readwrite("rules", &price_table::rules)
      .def("duration_usd", &price_table::duration_usd, "gb_s"_a, "offset_gb_s"_a = 0.0)
      .def("first_tier_usd_per_gb_s", &price_table::first_tier_usd_per_gb_s)
      .def("validate", &price_table::validate)
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
  m.def("billed_ms", py::vectorize(&billed_ms), "duration_ms"_a, "granularity_ms"_a);
  m.def("gb_seconds", py::vectorize(&gb_seconds), "billed_ms"_a, "memory_mb"_a);
}
