// SPDX-License-Identifier: MIT
// libFuzzer target: a Power Tuning visualization URL decodes or throws
// std::invalid_argument; whatever decodes re-encodes and decodes to the same curve.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <lambdasim/sweep_loaders.hpp>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  lambdasim::powertuning_curve c;
  try {
    c = lambdasim::decode_visualization(text);
  } catch (const std::invalid_argument&) {
    return 0;
  }
  const auto again =
      lambdasim::decode_visualization(lambdasim::encode_visualization(c));
  // NaN payloads compare unequal; compare bit patterns via the float32 encoding
  // instead.
  if (again.memory_mb != c.memory_mb) std::abort();
  if (lambdasim::encode_visualization(again) != lambdasim::encode_visualization(c))
    std::abort();
  return 0;
}
