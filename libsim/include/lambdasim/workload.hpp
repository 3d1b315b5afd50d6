// SPDX-License-Identifier: MIT
/// @file workload.hpp
/// A workload profile: one invocation split into CPU-bound and I/O-bound components
/// (work measured at one full vCPU) plus a cold-start cost.
#pragma once

#include <array>
#include <utility>

#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/enum_names.hpp"

namespace lambdasim {

enum class component_kind {
  cpu,        ///< work_ms of CPU on up to `threads` threads
  io,         ///< work_ms of waiting no memory setting changes
  scaled_io,  ///< work_ms of I/O whose bandwidth grows with the share up to knee_vcpu
  gc,         ///< memory-management CPU: work_ms at ref_mb, in proportion to 1 / memory
};
template <>
struct enum_traits<component_kind> {
  static constexpr std::string_view field = "kind";
  static constexpr std::array<std::pair<component_kind, std::string_view>, 4> names{
      {{component_kind::cpu, "cpu"},
       {component_kind::io, "io"},
       {component_kind::scaled_io, "scaled_io"},
       {component_kind::gc, "gc"}}};
};

std::string_view to_string(component_kind k);
/// @throws std::invalid_argument for an unknown kind
component_kind component_kind_from_string(std::string_view name);

/// Largest work or wait time a profile accepts (ms, about 32 years): beyond it a
/// duration at the smallest CPU share would overflow to infinity.
inline constexpr double max_work_ms = 1e12;

/// One line of the duration equation.
struct component {
  component_kind kind = component_kind::cpu;
  double work_ms = 0;    ///< CPU ms at one vCPU (cpu), wait ms (io), I/O ms at the knee
  int threads = 1;       ///< cpu only
  double knee_vcpu = 1;  ///< scaled_io only: share at which the I/O saturates
  double ref_mb = 1024;  ///< gc only: memory size at which the CPU work is work_ms

  // (Overloads rather than default arguments: the knobs' defaults are the members'
  // initialisers above, written once.)
  static component cpu(double work_ms);
  static component cpu(double work_ms, int threads);
  static component io(double ms);
  static component scaled_io(double work_ms);
  static component scaled_io(double work_ms, double knee_vcpu);
  /// Garbage collection and other memory-management CPU: the collector runs once per
  /// heap-full of allocation, so its work falls in proportion to the memory size,
  /// work_ms x ref_mb / m, run on one thread like `cpu`.
  static component gc(double work_ms);
  static component gc(double work_ms, double ref_mb);

  /// @throws std::invalid_argument naming the field (work_ms < 0 or NaN, threads < 1,
  ///         knee_vcpu <= 0, ref_mb <= 0)
  void validate() const;
  bool operator==(const component&) const = default;
};

/// A workload profile. Sizes below peak_memory_mb are infeasible (out of memory).
struct profile {
  std::string name;
  std::vector<component> components;
  double init_ms = 0;            ///< INIT phase; does not scale with memory
  double first_call_cpu_ms = 0;  ///< lazy CPU work of the first invocation
  double peak_memory_mb = 0;     ///< 0 = unknown (every size feasible)
  double cv = 0;  ///< relative variability of a warm duration (lognormal)
  /// Architecture the profile was measured on: "x86_64" (default) or "arm64". Pricing
  /// it on the other needs a speed ratio (on_architecture).
  std::string architecture = "x86_64";
  /// Platform model the profile was fitted on (e.g. "aws-lambda-2020"; empty: unknown).
  std::string platform;
  /// Sweep the profile was fitted to (file and series; empty: written by hand).
  std::string source;

  /// @throws std::invalid_argument naming the field, e.g. "components[1].work_ms = -5:
  /// ...";
  ///         also for a profile without components and a time above max_work_ms
  void validate() const;
  /// Sum of the work of components of one kind (ms).
  double total(component_kind k) const;
  bool operator==(const profile&) const = default;

  /// Profile JSON (schema_version 1): {"schema_version": 1, "name": ..., "components":
  /// [{"kind": "cpu", "work_ms": 1000, "threads": 1}, {"kind": "io", "ms": 100},
  /// {"kind": "scaled_io", "work_ms": 50, "knee_vcpu": 0.5},
  /// {"kind": "gc", "work_ms": 30, "ref_mb": 1024}], "init_ms": ...,
  /// "first_call_cpu_ms": ..., "peak_memory_mb": ..., "cv": ..., "architecture":
  /// "x86_64", "platform": "", "source": ""}; unknown keys are an error; the last three
  /// are optional (files written before them load as x86_64, platform and source
  /// unknown).
  /// @throws config_error with origin and JSON pointer
  static profile from_json(std::string_view text, std::string_view origin = "<json>");
  static profile load(const std::string& path);
  /// The same function on another architecture: CPU work (cpu, gc, first-call CPU)
  /// divided by `speed_ratio` (how many times faster the CPU work runs there, the
  /// convention of recommend_options::speed_ratio); I/O and INIT unchanged.
  /// @throws std::invalid_argument for an unknown architecture or a ratio not > 0
  profile on_architecture(std::string_view arch, double speed_ratio) const;
  std::string to_json() const;
  void save(const std::string& path) const;
};

/// The documented speed ratio of a runtime moving from `from` to `to`
/// (models/architecture-speed.json, which records arm64 duration / x86_64 duration):
/// how many times faster CPU work runs on `to`, for profile::on_architecture. A runtime
/// without data gives 1.0 and sets `note` (when given) to say so.
/// @throws std::invalid_argument for an unknown architecture
double architecture_speed_ratio(std::string_view runtime, std::string_view from,
                                std::string_view to, std::string* note = nullptr);

}  // namespace lambdasim
