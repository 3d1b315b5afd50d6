// SPDX-License-Identifier: MIT
// libFuzzer target: any input must parse or throw a std::invalid_argument
// (config_error) naming the problem; never crash, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include <lambdasim/platform.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    lambdasim::platform::from_json(text, "fuzz").to_json();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
