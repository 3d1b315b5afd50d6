// SPDX-License-Identifier: MIT
#include "detail/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "lambdasim/error.hpp"

namespace lambdasim::detail {

void throw_config(std::string_view origin, std::string_view pointer,
                  std::string_view message) {
  std::string msg(origin);
  if (!pointer.empty()) msg += ": " + std::string(pointer);
  msg += ": " + std::string(message);
  throw config_error(msg);
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw config_error(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw config_error(path + ": read error");
  return ss.str();
}

void write_text_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw config_error(path + ": cannot open file for writing");
  out << text;
  if (!out) throw config_error(path + ": write error");
}

json parse_json(std::string_view text, std::string_view origin) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double (1e9999;
    // found by tests/fuzz/fuzz_profile_json)
    throw config_error(std::string(origin) + ": invalid JSON: " + e.what());
  }
}

object_reader::object_reader(const json& j, std::string origin, std::string pointer)
    : j_(&j), origin_(std::move(origin)), pointer_(std::move(pointer)) {
  if (!j.is_object())
    throw_config(origin_, pointer_.empty() ? "/" : pointer_,
                 std::string("expected a JSON object, got ") + j.type_name());
}

std::string object_reader::pointer_to(std::string_view key) const {
  return pointer_ + "/" + std::string(key);
}

bool object_reader::has(std::string_view key) const {
  return j_->contains(std::string(key));
}

void object_reader::allow(std::string_view key) {
  seen_.emplace_back(key);
}

void object_reader::fail(std::string_view key, std::string_view message) const {
  throw_config(origin_, pointer_to(key), message);
}

const json& object_reader::get(std::string_view key) {
  seen_.emplace_back(key);
  auto it = j_->find(std::string(key));
  if (it == j_->end()) fail(key, "required key is missing");
  return *it;
}

double object_reader::number(std::string_view key) {
  const json& v = get(key);
  if (!v.is_number()) fail(key, std::string("expected a number, got ") + v.dump());
  double x = v.get<double>();
  if (!std::isfinite(x)) fail(key, "expected a finite number");
  return x;
}

double object_reader::number_or(std::string_view key, double fallback) {
  if (!has(key)) {
    allow(key);
    return fallback;
  }
  return number(key);
}

int object_reader::integer(std::string_view key) {
  const json& v = get(key);
  if (!v.is_number_integer() &&
      !(v.is_number_float() && std::floor(v.get<double>()) == v.get<double>()))
    fail(key, std::string("expected an integer, got ") + v.dump());
  double x = v.get<double>();
  if (std::abs(x) > 2147483647.0) fail(key, "integer out of range: " + v.dump());
  return static_cast<int>(x);
}

int object_reader::integer_or(std::string_view key, int fallback) {
  if (!has(key)) {
    allow(key);
    return fallback;
  }
  return integer(key);
}

std::string object_reader::string(std::string_view key) {
  const json& v = get(key);
  if (!v.is_string()) fail(key, std::string("expected a string, got ") + v.dump());
  return v.get<std::string>();
}

std::string object_reader::string_or(std::string_view key, std::string fallback) {
  if (!has(key)) {
    allow(key);
    return fallback;
  }
  return string(key);
}

object_reader object_reader::object(std::string_view key) {
  return object_reader(get(key), origin_, pointer_to(key));
}

void read_model_header(object_reader& r) {
  if (r.integer("schema_version") != 1)
    r.fail("schema_version", "only version 1 is known");
  r.allow("source");
  r.allow("effective_date");
  r.allow("notes");
}

void object_reader::finish() const {
  for (auto it = j_->begin(); it != j_->end(); ++it) {
    if (std::find(seen_.begin(), seen_.end(), it.key()) == seen_.end())
      throw_config(origin_, pointer_to(it.key()), "unknown key '" + it.key() + "'");
  }
}

}  // namespace lambdasim::detail
