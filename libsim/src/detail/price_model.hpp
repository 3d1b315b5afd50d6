// SPDX-License-Identifier: MIT
// The compiled-in models/prices-aws-lambda.json, parsed once. Private to libsim.
#pragma once

#include <vector>

#include "detail/json_reader.hpp"
#include "lambdasim/prices.hpp"

namespace lambdasim::detail {

inline constexpr std::string_view price_model_origin = "models/prices-aws-lambda.json";

/// Checks the top level of a price document (schema_version 1, regions of x86_64/arm64
/// tables, no unknown keys). @throws config_error naming origin and JSON pointer
void check_price_document(const json& j, const std::string& origin);

/// The parsed price document; its top level is checked strictly (schema_version 1, no
/// unknown keys). @throws config_error naming the file and JSON pointer
const json& price_model();

/// Checks that a rule object has a "source" string and an "effective_date" YYYY-MM-DD.
void read_provenance(object_reader& r);

/// @throws std::invalid_argument unless `date` is "YYYY-MM-DD" with month 1..12,
/// day 1..31
void check_date(std::string_view field, std::string_view date);

/// Duration charge over [offset, offset + gb_s] on validated tiers (no checks: the hot
/// path of bill_curve; price_table::duration_usd is the checked form).
double tiered_usd(const std::vector<price_tier>& tiers, double gb_s,
                  double offset_gb_s);

}  // namespace lambdasim::detail
