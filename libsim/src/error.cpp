// SPDX-License-Identifier: MIT
#include "lambdasim/error.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace lambdasim::detail {

std::string format_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x);  // shortest round-trip form
  return std::string(buf, res.ptr);
}

void throw_invalid(std::string_view field, double value, std::string_view requirement) {
  throw std::invalid_argument(std::string(field) + " = " + format_number(value) + ": " +
                              std::string(requirement));
}

void throw_invalid(std::string_view field, std::string_view value,
                   std::string_view requirement) {
  throw std::invalid_argument(std::string(field) + " = '" + std::string(value) +
                              "': " + std::string(requirement));
}

}  // namespace lambdasim::detail
