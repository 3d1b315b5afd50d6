// SPDX-License-Identifier: MIT
// enum_names.hpp: the names of every named enum, as the command line's choices. Each
// header's bind file adds the enums it declares (add_enum_names, pybind11.hpp).
#include "pybind11.hpp"

std::vector<std::pair<std::string, std::vector<std::string>>>& enum_name_tables() {
  static std::vector<std::pair<std::string, std::vector<std::string>>> tables;
  return tables;
}

void bind_enum_names(py::module_& m) {
  m.def(
      "enum_names",
      [] {
        py::dict d;
        for (const auto& [key, names] : enum_name_tables()) d[key.c_str()] = names;
        return d;
      },
      "The canonical names of every named enum (C++ enum_traits tables), by enum: what "
      "the command line offers as choices.");
}
