// SPDX-License-Identifier: MIT
// libFuzzer target: price_table::from_json, the public loader of price documents in the
// schema of models/prices-aws-lambda.json. Any input gives a table or throws an
// std::invalid_argument (config_error for a malformed document); anything else is a
// bug.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "lambdasim/prices.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto arch : {lambdasim::architecture::x86_64, lambdasim::architecture::arm64}) {
    try {
      const auto t = lambdasim::price_table::from_json(text, "us-east-1", arch, "fuzz");
      (void)t.duration_usd(1e6, 0);
    } catch (const std::invalid_argument&) {
    }
  }
  return 0;
}
