// SPDX-License-Identifier: MIT
/// @file prices.hpp
/// Prices and billing rules (from models/prices-aws-lambda.json, or a negotiated price
/// document in its schema) and the per-invocation arithmetic: billed duration,
/// GB-seconds and dollars. The monthly bill is bill.hpp.
#pragma once

#include <array>
#include <utility>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

enum class architecture { x86_64, arm64 };
template <>
struct enum_traits<architecture> {
  static constexpr std::string_view field = "arch";
  static constexpr std::array<std::pair<architecture, std::string_view>, 2> names{
      {{architecture::x86_64, "x86_64"}, {architecture::arm64, "arm64"}}};
};

std::string_view to_string(architecture a);
/// @throws std::invalid_argument for anything but "x86_64" or "arm64"
architecture architecture_from_string(std::string_view name);

/// How the function is deployed; decides whether INIT was billed before the date on
/// which AWS started billing it for everyone.
enum class package_type {
  zip,    ///< .zip archive
  image,  ///< container image (INIT always billed)
};
template <>
struct enum_traits<package_type> {
  static constexpr std::string_view field = "package";
  static constexpr std::array<std::pair<package_type, std::string_view>, 2> names{
      {{package_type::zip, "zip"}, {package_type::image, "image"}}};
};
std::string_view to_string(package_type p);
/// @throws std::invalid_argument for anything but "zip" or "image"
package_type package_type_from_string(std::string_view name);

/// From date `from` ("YYYY-MM-DD") on, durations are billed in steps of `ms`.
struct granularity_step {
  std::string from;
  double ms = 0;
};

/// Billing rules (the "billing_rules" object of a price document, schema of
/// models/prices-aws-lambda.json): no built-in defaults, the values come from the
/// document. A price_table carries its own (AWS's unless its document states others).
struct billing_rules {
  std::vector<granularity_step> granularity;  ///< ascending `from`
  std::string init_billed_for_all_from;  ///< INIT billed for every package from then
  double provisioned_increment_s = 0;    ///< enabled time rounded up to this
  double free_tier_requests = 0;         ///< per month
  double free_tier_gb_s = 0;             ///< per month
  double storage_free_mb = 0;            ///< ephemeral storage included in the price
  double storage_min_mb = 0;
  double storage_max_mb = 0;

  /// The compiled-in AWS rules. @throws config_error if models/ is inconsistent
  static const billing_rules& aws();
  /// Billing granularity on a date ("YYYY-MM-DD").
  /// @throws std::invalid_argument for a malformed date
  double granularity_ms(std::string_view date) const;
  /// Whether the INIT phase of an on-demand cold start is billed on `date` ("" = the
  /// current rule): always from init_billed_for_all_from on; before, only for container
  /// images and custom (OS-only) runtimes.
  bool init_billed(std::string_view date, package_type package,
                   bool custom_runtime) const;
};

/// Duration price for monthly usage up to `up_to_gb_s` (infinity for the last tier).
struct price_tier {
  double up_to_gb_s = 0;
  double usd_per_gb_s = 0;
};

/// Prices of one region and architecture. Optional prices are absent where models/ has
/// no public source for them; a bill that needs an absent price throws.
struct price_table {
  std::string region;
  architecture arch = architecture::x86_64;
  std::vector<price_tier> duration_tiers;  ///< ascending up_to_gb_s, last is +inf
  double requests_usd_per_million = 0;
  /// false when the source gives only the first tier (every GB-s priced at it)
  bool duration_tiers_complete = true;
  /// USD per GB-s of ephemeral storage above the free amount
  std::optional<double> ephemeral_storage_usd_per_gb_s;
  /// provisioned concurrency: USD per GB-s enabled, and per GB-s executing on it
  std::optional<double> provisioned_usd_per_gb_s;
  std::optional<double> provisioned_duration_usd_per_gb_s;
  /// SnapStart: USD per GB-s a snapshot is cached, per GB restored
  std::optional<double> snapstart_cache_usd_per_gb_s;
  std::optional<double> snapstart_restore_usd_per_gb;
  std::string source;          ///< where the figures come from (models/)
  std::string effective_date;  ///< "YYYY-MM-DD"
  /// The billing rules these prices come with: free tier, storage range, granularity,
  /// INIT and provisioned increment. A document's own "billing_rules" when it has them,
  /// else AWS's (models/prices-aws-lambda.json).
  billing_rules rules = billing_rules::aws();

  /// The AWS price table of a region and architecture (compiled-in models/ data).
  /// @throws std::invalid_argument for an unknown region, listing the known ones
  static price_table aws(std::string_view region, architecture arch);
  /// Regions with AWS price data, sorted.
  static std::vector<std::string> aws_regions();
  /// A price table from a document in the schema of models/prices-aws-lambda.json (for
  /// negotiated or unlisted prices): the table of `region` and `arch`, with the
  /// document's "billing_rules" when it has them (else AWS's).
  /// @throws config_error with origin and JSON pointer for a malformed document;
  ///         std::invalid_argument for a region or arch it lacks, listing its regions
  static price_table from_json(std::string_view text, std::string_view region,
                               architecture arch, std::string_view origin = "<json>");
  /// The same from a file. @throws config_error naming the path
  static price_table load(const std::string& path, std::string_view region,
                          architecture arch);

  /// Price of the first duration tier (USD per GB-s): what one invocation costs at the
  /// margin for an account below the first tier boundary.
  double first_tier_usd_per_gb_s() const;
  /// Duration charge (USD) of `gb_s` GB-seconds in a month, tiers applied on top of
  /// `offset_gb_s` GB-s the rest of the account already used (same region and arch):
  /// cost(offset + gb_s) - cost(offset).
  /// @throws std::invalid_argument unless both are finite and >= 0
  double duration_usd(double gb_s, double offset_gb_s = 0) const;
  /// @throws std::invalid_argument naming the inconsistent field
  void validate() const;
};

/// Billed duration: duration rounded up to the granularity (1 ms on AWS since
/// 2020-12-01, 100 ms before). Durations within 1e-9 ms of a step count as on it,
/// so 1100.0000000001 ms bills 1100 ms, not 1101.
/// @throws std::invalid_argument unless duration_ms >= 0 and granularity_ms > 0
double billed_ms(double duration_ms, double granularity_ms);

/// GB-seconds of one invocation: billed_ms / 1000 * memory_mb / 1024.
double gb_seconds(double billed_ms, double memory_mb);

/// Cost of one invocation at the first-tier price: duration charge + request charge.
double invocation_cost_usd(double billed_ms, double memory_mb,
                           const price_table& prices);

}  // namespace lambdasim
