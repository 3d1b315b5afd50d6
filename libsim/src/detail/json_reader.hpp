// SPDX-License-Identifier: MIT
// Strict JSON reading for every loader: errors name the origin (file) and the JSON
// pointer, and unknown keys are rejected. Private to libsim.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lambdasim::detail {

using json = nlohmann::json;

/// Reads a whole file. @throws config_error naming the path.
std::string read_text_file(const std::string& path);
/// Writes a whole file. @throws config_error naming the path.
void write_text_file(const std::string& path, std::string_view text);

/// Parses text. @throws config_error "<origin>: invalid JSON: ..."
json parse_json(std::string_view text, std::string_view origin);

/// Reads the members of one JSON object. Call finish() last: it rejects keys that were
/// never asked for.
class object_reader {
 public:
  /// @throws config_error unless j is an object
  object_reader(const json& j, std::string origin, std::string pointer);

  bool has(std::string_view key) const;
  const json& get(std::string_view key);  ///< required member
  double number(std::string_view key);    ///< required finite number
  double number_or(std::string_view key, double fallback);
  int integer(std::string_view key);  ///< required integer
  int integer_or(std::string_view key, int fallback);
  std::string string(std::string_view key);
  std::string string_or(std::string_view key, std::string fallback);
  /// Marks a key as known without reading it (documentation keys such as "source").
  void allow(std::string_view key);
  /// A child object's reader, pointer extended.
  object_reader object(std::string_view key);
  /// JSON pointer of a member, e.g. "/components/0/work_ms".
  std::string pointer_to(std::string_view key) const;
  const std::string& origin() const { return origin_; }
  const std::string& pointer() const { return pointer_; }

  /// @throws config_error for the first member never read or allowed
  void finish() const;
  [[noreturn]] void fail(std::string_view key, std::string_view message) const;

 private:
  const json* j_;
  std::string origin_;
  std::string pointer_;
  std::vector<std::string> seen_;
};

/// The header of a models/ document: schema_version must be 1; "source",
/// "effective_date" and "notes" are documentation and allowed.
/// @throws config_error for another schema_version
void read_model_header(object_reader& r);

/// @throws config_error "<origin>: <pointer>: <message>"
[[noreturn]] void throw_config(std::string_view origin, std::string_view pointer,
                               std::string_view message);

/// The compiled-in copy of models/<name> (e.g. "aws-lambda.json").
/// @throws std::invalid_argument for an unknown name
std::string_view embedded_model(std::string_view name);
/// The file names of every compiled-in model (e.g. "aws-lambda.json").
std::vector<std::string_view> embedded_model_names();

}  // namespace lambdasim::detail
