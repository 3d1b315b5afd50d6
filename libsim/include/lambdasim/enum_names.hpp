// SPDX-License-Identifier: MIT
/// @file enum_names.hpp
/// One table per enum of its names, from which to_string, *_from_string, the error text
/// of a bad name ("arch = 'sparc': expected x86_64 or arm64") and the lists the
/// bindings give the command line as `choices` are all derived. An enum E opts in by
/// specialising enum_traits<E> next to its declaration:
///
///     template <> struct enum_traits<architecture> {
///       static constexpr std::string_view field = "arch";  // the option that takes it
///       static constexpr std::array<std::pair<architecture, std::string_view>, 2>
///       names{
///           {{architecture::x86_64, "x86_64"}, {architecture::arm64, "arm64"}}};
///     };
///
/// The first name of a value is its canonical name; later ones are accepted aliases.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lambdasim/error.hpp"

namespace lambdasim {

template <class E>
struct enum_traits;  // specialised per enum: field, names

/// The canonical name of a value ("?" for a value outside the table).
template <class E>
constexpr std::string_view enum_name(E value) {
  for (const auto& [v, n] : enum_traits<E>::names)
    if (v == value) return n;
  return "?";
}

/// The canonical names, in table order (aliases left out).
template <class E>
std::vector<std::string> enum_names() {
  std::vector<std::string> out;
  const auto& t = enum_traits<E>::names;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool first = true;
    for (std::size_t j = 0; j < i; ++j) first = first && t[j].first != t[i].first;
    if (first) out.emplace_back(t[i].second);
  }
  return out;
}

/// "a, b or c": the canonical names as a requirement text.
template <class E>
std::string enum_choices_text() {
  const auto names = enum_names<E>();
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i)
    s += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return s;
}

/// The value of a name or alias.
/// @throws std::invalid_argument "<field> = '<name>': expected a, b or c"
template <class E>
E enum_from_name(std::string_view name,
                 std::string_view field = enum_traits<E>::field) {
  for (const auto& [v, n] : enum_traits<E>::names)
    if (n == name) return v;
  detail::throw_invalid(field, name, "expected " + enum_choices_text<E>());
}

}  // namespace lambdasim
