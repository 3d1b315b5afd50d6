// SPDX-License-Identifier: MIT
// libFuzzer target: the strict JSON reader that the price table (and every loader) uses,
// driven the way models/prices-aws-lambda.json is read: an object of regions, each an
// object of architectures with tiers. Any input parses or throws config_error.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "detail/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lambdasim::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const json j = parse_json(text, "fuzz");
    object_reader r(j, "fuzz", "");
    r.allow("source");
    (void)r.string_or("effective_date", "");
    if (r.has("regions")) {
      object_reader regions = r.object("regions");
      for (const auto& [region, v] : j.at("regions").items()) {
        object_reader reg = regions.object(region);
        for (const char* arch : {"x86_64", "arm64"}) {
          if (!reg.has(arch)) continue;
          object_reader a = reg.object(arch);
          (void)a.number_or("requests_usd_per_million", 0);
          (void)a.integer_or("free_tier_requests", 0);
          if (a.has("duration_tiers")) {
            const json& tiers = a.get("duration_tiers");
            if (!tiers.is_array()) a.fail("duration_tiers", "expected an array");
            for (std::size_t i = 0; i < tiers.size(); ++i) {
              object_reader t(tiers[i], "fuzz", a.pointer_to("duration_tiers") + "/" + std::to_string(i));
              (void)t.number("usd_per_gb_s");
              (void)t.number_or("up_to_gb_s", 0);
              t.finish();
            }
          }
          a.finish();
        }
        reg.finish();
      }
    }
    r.finish();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
