// SPDX-License-Identifier: MIT
// py::pickle for plain result structs from the list of their members (adapt only: the
// state is the members themselves, so a round trip gives an equal object).
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "pybind11.hpp"

namespace pickle_detail {

// Enums travel as their integer (alone, in a vector or optional): they are bound as
// names elsewhere, not as Python enum types.
template <class V>
struct enum_vector : std::false_type {};
template <class E, class A>
struct enum_vector<std::vector<E, A>> : std::bool_constant<std::is_enum_v<E>> {};
template <class V>
struct enum_optional : std::false_type {};
template <class E>
struct enum_optional<std::optional<E>> : std::bool_constant<std::is_enum_v<E>> {};

template <class V>
py::object to_state(const V& v) {
  if constexpr (std::is_enum_v<V>) {
    return py::int_(static_cast<long long>(v));
  } else if constexpr (enum_vector<V>::value) {
    py::list l;
    for (auto e : v) l.append(static_cast<long long>(e));
    return std::move(l);
  } else if constexpr (enum_optional<V>::value) {
    return v ? py::object(py::int_(static_cast<long long>(*v)))
             : py::object(py::none());
  } else if constexpr (std::is_same_v<V, std::vector<bool>>) {
    return py::cast(v);
  } else {
    return py::cast(v, py::return_value_policy::copy);
  }
}

template <class V>
void from_state(const py::handle& h, V& v) {
  if constexpr (std::is_enum_v<V>) {
    v = static_cast<V>(h.cast<long long>());
  } else if constexpr (enum_vector<V>::value) {
    v.clear();
    for (const auto& x : h.cast<py::list>())
      v.push_back(static_cast<typename V::value_type>(x.cast<long long>()));
  } else if constexpr (enum_optional<V>::value) {
    if (h.is_none())
      v.reset();
    else
      v = static_cast<typename V::value_type>(h.cast<long long>());
  } else {
    v = h.cast<V>();
  }
}

}  // namespace pickle_detail

/// Pickling of T by value: the state is a tuple of the given members, in order.
template <class T, class... M>
auto pickle_fields(const char* name, M T::*... members) {
  return py::pickle(
      [members...](const T& o) {
        return py::make_tuple(pickle_detail::to_state(o.*members)...);
      },
      [name, members...](const py::tuple& t) {
        if (t.size() != sizeof...(M))
          throw std::invalid_argument(
              std::string(name) + " pickle: " + std::to_string(sizeof...(M)) +
              " fields expected, got " + std::to_string(t.size()));
        T o{};
        std::size_t i = 0;
        (pickle_detail::from_state(t[i++], o.*members), ...);
        return o;
      });
}
