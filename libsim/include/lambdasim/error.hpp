// SPDX-License-Identifier: MIT
/// @file error.hpp
/// The exceptions lambdasim throws. All derive from std types, so pybind11 maps them
/// without translators: std::invalid_argument -> ValueError, std::out_of_range ->
/// IndexError, std::runtime_error -> RuntimeError.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace lambdasim {

/// A file or JSON document that cannot be read: names the file and the JSON pointer
/// (or line) and the offending value.
struct config_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// An iterative computation (a fit) that did not converge.
struct convergence_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace detail {
/// Shortest round-trip text of a number: 20000 -> "20000", 0.1 -> "0.1", NaN -> "nan".
std::string format_number(double x);

/// Throws std::invalid_argument("<field> = <value>: <requirement>").
[[noreturn]] void throw_invalid(std::string_view field, double value,
                                std::string_view requirement);
[[noreturn]] void throw_invalid(std::string_view field, std::string_view value,
                                std::string_view requirement);
}  // namespace detail

}  // namespace lambdasim
