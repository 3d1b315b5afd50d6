// SPDX-License-Identifier: MIT
#include "detail/csv.hpp"

namespace lambdasim::detail {

bool split_csv_record(std::string_view line, std::vector<std::string>& out) {
  out.clear();
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cell));
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  out.push_back(std::move(cell));
  return !quoted;
}

std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> out;
  split_csv_record(line, out);
  return out;
}

}  // namespace lambdasim::detail
