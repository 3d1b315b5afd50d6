// SPDX-License-Identifier: MIT
// The compiled-in models/prices-aws-lambda.json, parsed once. Private to libsim.
#pragma once

#include "detail/json_reader.hpp"

namespace lambdasim::detail {

inline constexpr std::string_view price_model_origin = "models/prices-aws-lambda.json";

/// The parsed price document; its top level is checked strictly (schema_version 1, no
/// unknown keys). @throws config_error naming the file and JSON pointer
const json& price_model();

/// Checks that a rule object has a "source" string and an "effective_date" YYYY-MM-DD.
void read_provenance(object_reader& r);

/// @throws std::invalid_argument unless `date` is "YYYY-MM-DD" with month 1..12, day 1..31
void check_date(std::string_view field, std::string_view date);

}  // namespace lambdasim::detail
