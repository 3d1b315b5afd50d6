// SPDX-License-Identifier: MIT
/// @file platform.hpp
/// The platform: memory range, CPU share rule, visible vCPUs, throttling and billing
/// granularity. Every figure comes from a JSON file in models/ (see
/// platform::aws_lambda()); nothing here hard-codes AWS numbers.
#pragma once

#include <array>
#include <utility>

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

/// How CPU time below the share is delivered.
enum class throttling {
  smooth,  ///< fluid share: t = C / s
  cfs,     ///< CFS bandwidth control, expected over a uniformly random period phase
  cfs_aligned,  ///< CFS staircase with the task starting at a period boundary (Lin et
                ///< al.)
};
template <>
struct enum_traits<throttling> {
  static constexpr std::string_view field = "throttling";
  static constexpr std::array<std::pair<throttling, std::string_view>, 3> names{
      {{throttling::smooth, "smooth"},
       {throttling::cfs, "cfs"},
       {throttling::cfs_aligned, "cfs_aligned"}}};
};

std::string_view to_string(throttling t);
/// @throws std::invalid_argument for a name other than smooth, cfs, cfs_aligned
throttling throttling_from_string(std::string_view name);

/// From `from_mb` upwards (until the next tier), the function sees `vcpus` CPUs.
struct vcpu_tier {
  int from_mb = 0;
  int vcpus = 0;
};

/// A serverless platform's resource rules. There are no built-in defaults: values
/// come from models/*.json (aws_lambda(), from_json(), load()).
struct platform {
  std::string name;
  int min_memory_mb = 0;
  int max_memory_mb = 0;
  int memory_step_mb = 0;
  double mb_per_vcpu = 0;                ///< memory that buys one full vCPU of CPU time
  double max_vcpu = 0;                   ///< cap on the CPU share
  std::vector<vcpu_tier> visible_vcpus;  ///< ascending from_mb, first == min_memory_mb
  throttling throttle = throttling::cfs;
  double cfs_period_ms = 0;
  double billing_granularity_ms = 0;

  /// The current AWS Lambda platform (models/aws-lambda.json, compiled in).
  static platform aws_lambda();
  /// A platform by model name: "aws-lambda" or "aws-lambda-2020".
  /// @throws std::invalid_argument naming the platform and listing the known names
  static platform named(std::string_view name);
  /// The names of the compiled-in platform models, sorted ("aws-lambda", ...).
  static const std::vector<std::string>& names();
  /// The one way every layer (CLI, Python) turns what a user wrote into a platform: a
  /// compiled-in model name (names()), else a path to a platform JSON file (a name with
  /// '/' or ending in ".json").
  /// @throws std::invalid_argument "platform = '<spec>': ..." listing the known names
  /// for
  ///         anything else; config_error naming the file for an unreadable or bad file
  static platform resolve(std::string_view name_or_path);

  /// @throws std::invalid_argument naming the first inconsistent field
  void validate() const;

  /// @throws std::invalid_argument unless memory_mb is on the grid min..max step
  void check_memory(double memory_mb) const;
  /// CPU share in vCPUs, s(m) = min(m / mb_per_vcpu, max_vcpu). Checks memory_mb.
  double cpu_share(double memory_mb) const;
  /// Number of CPUs the function sees (bounds parallel threads). Checks memory_mb.
  int visible_vcpu_count(double memory_mb) const;
  /// Every allowed memory size, ascending (10,113 sizes for AWS Lambda).
  Eigen::VectorXd memory_grid() const;
  /// Parses "128,512,1769" or an inclusive range "128:10240:64"; checks every size.
  /// @throws std::invalid_argument naming the spec and the bad part
  Eigen::VectorXd parse_memory_spec(std::string_view spec) const;

  /// @throws config_error with origin and JSON pointer on bad or unknown keys
  static platform from_json(std::string_view text, std::string_view origin = "<json>");
  /// @throws config_error if the file cannot be read or parsed
  static platform load(const std::string& path);
  std::string to_json() const;
};

}  // namespace lambdasim
