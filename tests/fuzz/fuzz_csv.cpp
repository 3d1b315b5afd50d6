// SPDX-License-Identifier: MIT
// libFuzzer target: any input must parse or throw a std::invalid_argument
// (config_error) naming the problem; never crash, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include <lambdasim/sweep_loaders.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    lambdasim::csv_options o;
    if (!text.empty() && text[0] == 'M')
      o.columns = {{"memory_mb", "Memory Size"}, {"duration_ms", "Duration"}};
    const auto s = lambdasim::csv_from_text(text, "fuzz", o);
    (void)s.summarize();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
