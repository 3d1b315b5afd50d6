// SPDX-License-Identifier: MIT
// Shared helpers for the doctest suite: paths to data/ and small CSV/JSON readers that
// are independent of the library's own loaders.
#pragma once

#include <algorithm>
#include <cmath>
#include <fstream>
#include <lambdasim/workload.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

inline std::string data_path(const std::string& rel) {
  return std::string(LAMBDASIM_DATA_DIR) + "/" + rel;
}

inline nlohmann::json read_json(const std::string& rel) {
  std::ifstream in(data_path(rel));
  if (!in) throw std::runtime_error("missing test data " + rel);
  return nlohmann::json::parse(in);
}

/// A file of data/ as bytes.
inline std::string read_file(const std::string& rel) {
  std::ifstream in(data_path(rel), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Float32 precision: a double that went through float agrees to ~6e-8 relative.
inline bool same_f32(double a, double b) {
  return std::abs(a - b) <= 1.2e-7 * std::max(std::abs(a), std::abs(b));
}

/// The message of the std::invalid_argument f throws ("<no exception>" if none).
inline std::string message_of(auto&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "<no exception>";
}

/// A profile of one CPU component of work_ms.
inline lambdasim::profile cpu_profile(double work_ms) {
  lambdasim::profile w;
  w.components = {lambdasim::component::cpu(work_ms)};
  return w;
}

/// A plain CSV (no quoted commas) as columns of strings keyed by header.
inline std::map<std::string, std::vector<std::string>> read_csv(
    const std::string& rel) {
  std::ifstream in(data_path(rel));
  if (!in) throw std::runtime_error("missing test data " + rel);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  {
    std::stringstream ss(line);
    std::string h;
    while (std::getline(ss, h, ',')) header.push_back(h);
  }
  std::map<std::string, std::vector<std::string>> cols;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::string v;
    for (std::size_t i = 0; i < header.size() && std::getline(ss, v, ','); ++i)
      cols[header[i]].push_back(v);
  }
  return cols;
}

/// A CSV with RFC 4180 quoted fields ("2,Intel(R) ..."), as columns keyed by header.
inline std::map<std::string, std::vector<std::string>> read_quoted_csv(
    const std::string& rel) {
  std::ifstream in(data_path(rel));
  if (!in) throw std::runtime_error("missing test data " + rel);
  auto split = [](const std::string& line) {
    std::vector<std::string> out(1);
    bool q = false;
    for (char c : line) {
      if (c == '"')
        q = !q;
      else if (c == ',' && !q)
        out.emplace_back();
      else if (c != '\r')
        out.back() += c;
    }
    return out;
  };
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  std::map<std::string, std::vector<std::string>> cols;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = split(line);
    for (std::size_t i = 0; i < header.size() && i < f.size(); ++i)
      cols[header[i]].push_back(f[i]);
  }
  return cols;
}

}  // namespace test_support
