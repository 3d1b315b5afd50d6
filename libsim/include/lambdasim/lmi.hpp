// SPDX-License-Identifier: MIT
/// @file lmi.hpp
/// Lambda Managed Instances (LMI): the third way to run a function. Execution
/// environments on EC2 instances that Lambda manages, each serving many requests at
/// once on its vCPUs; billed per instance-hour at EC2 prices (discountable) plus a
/// management fee of a fraction of the On-Demand price (never discounted) plus
/// requests.
///
/// The facts (prices, limits, defaults) are models/lmi-aws.json; figures the sources
/// leave open (memory per vCPU, OS reserve, CPU target, start-up lag, billing
/// granularity, scaling interval, scale-in cooldown) are option defaults read from its
/// "assumptions" and named in every result (lmi_model::assumptions()).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lambdasim/billing.hpp"
#include "lambdasim/log_histogram.hpp"
#include "lambdasim/simulate.hpp"
#include "lambdasim/traffic.hpp"
#include "lambdasim/workload.hpp"

namespace lambdasim {

/// One EC2 instance type LMI can run on, with its On-Demand price.
struct ec2_instance_type {
  std::string name;  ///< e.g. "m7g.xlarge"
  architecture arch = architecture::arm64;
  double vcpu = 0;
  double memory_gib = 0;
  double on_demand_usd_per_hour = 0;
  std::string source;
  std::string confidence;  ///< H, M or L as in data/managed_instances/FACTS.md
};

/// The LMI facts of one region (models/lmi-aws.json). No built-in defaults: every value
/// comes from the model file.
struct lmi_model {
  std::string name, region, source, effective_date;
  // pricing
  double management_fee_fraction = 0;  ///< of the EC2 On-Demand price
  double requests_usd_per_million = 0;
  double month_hours = 0;  ///< hours in a billing month (AWS: 730)
  // Savings Plans
  double lambda_sp_max_discount = 0;  ///< Compute SP on Lambda duration and PC
  double lambda_sp_min_published_discount = 0;
  double ec2_max_discount = 0;  ///< EC2 Instance SP / RIs
  // limits
  int default_min_instances = 0;
  int default_min_environments = 0;
  double memory_per_vcpu_gib_min = 0, memory_per_vcpu_gib_max = 0;
  double environment_memory_gib_min = 0, environment_memory_gib_max = 0;
  double environment_vcpu_min = 0, environment_vcpu_max = 0;
  int concurrency_per_environment_max = 0;
  double scaling_doubling_s = 0;  ///< capacity at most doubles in this time
  std::vector<std::pair<std::string, int>> concurrency_per_vcpu;  ///< by runtime
  // assumptions (option defaults; see docs/lmi.md)
  double memory_per_vcpu_gib = 0;
  double os_reserve_vcpu = 0, os_reserve_gib = 0;
  double cpu_target = 0;
  double startup_lag_s = 0;
  double billing_granularity_s = 0, billing_minimum_s = 0;
  double scaling_interval_s = 0;
  double scale_in_cooldown_s = 0;
  std::string runtime;
  std::vector<ec2_instance_type> instance_types;

  /// The compiled-in AWS model. @throws config_error if models/lmi-aws.json is
  /// malformed
  static const lmi_model& aws();
  /// @throws config_error with origin and JSON pointer; unknown keys are an error
  static lmi_model from_json(std::string_view text, std::string_view origin = "<json>");
  /// The instance type of that name.
  /// @throws std::invalid_argument naming it and listing the nearest known names
  const ec2_instance_type& instance(std::string_view name) const;
  /// Default concurrency per vCPU of a runtime.
  /// @throws std::invalid_argument for an unknown runtime, listing the known ones
  int runtime_concurrency_per_vcpu(std::string_view runtime) const;
  /// The assumptions in force, as "name = value (why)" lines, for results and docs.
  std::vector<std::string> assumptions() const;
};

/// An LMI capacity provider and function configuration. Defaults come from
/// lmi_model::aws() (limits and assumptions); 0 means "derived" where stated.
struct lmi_config {
  std::string instance_type;  ///< required, e.g. "m7g.large"
  double memory_per_vcpu_gib = lmi_model::aws().memory_per_vcpu_gib;
  /// Memory of one execution environment (GiB). 0: the smallest valid one,
  /// max(environment_memory_gib_min, environment_vcpu_min * memory_per_vcpu_gib).
  double environment_memory_gib = 0;
  /// Requests one environment runs at once. 0: the runtime's default per vCPU times the
  /// environment's vCPUs (at most the platform maximum).
  int concurrency_per_environment = 0;
  std::string runtime = lmi_model::aws().runtime;  ///< for the concurrency default
  /// Memory each in-flight request needs (MB; Python runs one process per request):
  /// the concurrency is at most environment memory / this. 0: no memory bound.
  double memory_per_request_mb = 0;
  int min_environments = lmi_model::aws().default_min_environments;
  int max_environments = 0;  ///< 0: no cap
  int min_instances = lmi_model::aws().default_min_instances;
  double cpu_target = lmi_model::aws().cpu_target;  ///< autoscaling target, (0, 1]
  double ec2_discount = 0;  ///< Savings Plan / RI discount on the EC2 part, [0, max]
  double os_reserve_vcpu = lmi_model::aws().os_reserve_vcpu;  ///< per instance
  double os_reserve_gib = lmi_model::aws().os_reserve_gib;    ///< per instance
  double startup_lag_s = lmi_model::aws().startup_lag_s;      ///< scale-out delay
  double scaling_doubling_s = lmi_model::aws().scaling_doubling_s;
  double scaling_interval_s = lmi_model::aws().scaling_interval_s;
  double scale_in_cooldown_s = lmi_model::aws().scale_in_cooldown_s;

  /// @throws std::invalid_argument naming the field and the value (also an unknown
  ///         instance type or runtime, and a layout that fits no environment)
  void validate() const;
};

/// The assumptions in force for a configuration, one line each, marked [default] or
/// [set] (the model's assumptions() with this configuration's values).
std::vector<std::string> lmi_assumptions(const lmi_config& c);

/// What a configuration resolves to on its instance type.
struct lmi_layout {
  ec2_instance_type instance;
  double environment_memory_gib = 0;
  double environment_vcpu = 0;  ///< environment_memory_gib / memory_per_vcpu_gib
  int concurrency = 0;          ///< per environment, after every bound
  int environments_per_instance = 0;
  double management_usd_per_hour = 0;  ///< fee per instance-hour
  double ec2_usd_per_hour = 0;  ///< EC2 part per instance-hour after the discount
};

/// @throws as lmi_config::validate
lmi_layout lmi_resolve(const lmi_config& c);
/// Instances needed for `environments` environments: max(min_instances,
/// ceil(environments / environments_per_instance)).
int lmi_instances_for(const lmi_layout& l, const lmi_config& c, int environments);

/// One month's LMI bill, itemised (USD).
struct lmi_bill {
  std::string instance_type;
  double instance_hours = 0;
  double requests = 0;
  double ec2_discount = 0;
  double on_demand_usd = 0;   ///< the EC2 part before the discount
  double instances_usd = 0;   ///< the EC2 part after the discount
  double management_usd = 0;  ///< fee on the On-Demand price, never discounted
  double requests_usd = 0;
  double total_usd = 0;
};

/// The bill of `instance_hours` of c.instance_type and `requests` requests.
/// @throws std::invalid_argument naming a negative or NaN quantity, or as validate()
lmi_bill compute_lmi_bill(const lmi_config& c, double instance_hours, double requests);

/// CPU and I/O of one request on LMI, from a profile: cpu and gc components are CPU
/// (at one vCPU, single-threaded; gc at the environment's memory), io and scaled_io are
/// waits (scaled_io at its knee or one vCPU, whichever is smaller).
struct lmi_request_work {
  double cpu_ms = 0;
  double io_ms = 0;
};
/// @throws std::invalid_argument for an invalid profile
lmi_request_work lmi_work_of(const profile& w, const lmi_config& c);

/// Steady-state capacity plan: environments for `requests_per_month` at a peak of
/// `peak_to_mean` times the mean rate, kept all month (autoscaling cannot follow bursts
/// faster than it grows, so capacity for the peak is held).
struct lmi_plan {
  double mean_rate_per_s = 0;
  double peak_rate_per_s = 0;
  lmi_request_work work;
  lmi_layout layout;
  int environments = 0;
  int instances = 0;
  /// what set the environment count: "minimum", "cpu" or "concurrency"
  std::string bound;
  double cpu_utilisation = 0;          ///< at the peak, of the planned environments
  double concurrency_utilisation = 0;  ///< at the peak (Little's law, no contention)
  lmi_bill bill;
};
/// Peak-to-mean ratio of steady traffic: the default wherever a ratio is taken.
inline constexpr double steady_peak_to_mean = 1;

/// @throws std::invalid_argument unless requests_per_month >= 0, peak_to_mean >= 1,
///         month_hours in (0, 744]; or as validate()
lmi_plan plan_lmi(const profile& w, const lmi_config& c, double requests_per_month,
                  double peak_to_mean = steady_peak_to_mean,
                  double month_hours = lmi_model::aws().month_hours);

/// Options of an LMI simulation.
struct lmi_simulate_options {
  std::uint64_t seed = 0;
  /// Environments ready at t = 0. 0: the configuration's minimum.
  int initial_environments = 0;
  bool autoscale = true;  ///< false: the initial environments, fixed
  /// Per-request work exponential with the profile's mean (queueing checks, M/M/1)
  /// instead of lognormal with the profile's cv.
  bool exponential_work = false;
  /// @throws std::invalid_argument naming the field
  void validate() const;
};

/// What an LMI simulation gave. Latency is arrival to completion of served requests.
struct lmi_simulation_result {
  std::uint64_t requests = 0, served = 0, throttled = 0;
  latency_stats latency;
  log_histogram latency_hist;
  double mean_environments = 0;  ///< time average of ready environments
  int peak_environments = 0;
  double mean_instances = 0;
  int peak_instances = 0;
  double instance_seconds = 0;  ///< billed instance time over the period
  double cpu_utilisation = 0;   ///< busy vCPU-s / ready environment vCPU-s
  double mean_concurrency = 0;  ///< time average of requests in flight
  int peak_concurrency = 0;     ///< most requests in flight at once
  double period_s = 0;
  std::uint64_t seed = 0;
  lmi_request_work work;
  lmi_layout layout;
  lmi_config config;
  std::vector<std::string> assumptions;
  /// Per scaling interval (interval_s): start time, ready and pending environments at
  /// its end, instances, arrivals, throttles, CPU utilisation of ready environments.
  double interval_s = 0;
  Eigen::VectorXd timeline_t_s, timeline_environments, timeline_pending,
      timeline_instances, timeline_arrivals, timeline_throttled,
      timeline_cpu_utilisation;
};

/// Discrete-event simulation of LMI: requests share their environment's vCPUs
/// (processor sharing: n requests in their CPU phase on c vCPUs each progress at
/// min(1, c/n)); I/O waits consume no CPU; a request goes to the ready environment with
/// the fewest requests in flight, or is throttled when all are at their concurrency
/// limit (never cold-started); every scaling interval, the environment count moves
/// towards what CPU utilisation and concurrency need at the CPU target, growing at most
/// by 2^(interval / doubling) (so never more than doubling per doubling time), new
/// environments ready after the start-up lag, draining after the scale-in cooldown;
/// instances hold the environments (the minimum footprint always). Per-request work
/// varies by the profile's cv (lognormal, mean 1). Seeded, reproducible bit for bit.
/// @throws std::invalid_argument for an invalid profile, arrivals or option
lmi_simulation_result simulate_lmi(const profile& w, const arrivals& a,
                                   const lmi_config& c,
                                   const lmi_simulate_options& o = {});

/// The month's bill of a simulation: instance time and served requests per period
/// scaled to month_hours; throttled requests are not billed.
lmi_bill simulated_lmi_bill(const lmi_simulation_result& r,
                            double month_hours = lmi_model::aws().month_hours);

}  // namespace lambdasim
