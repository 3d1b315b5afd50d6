// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include <lambdasim/lmi.hpp>

void bind_lmi(py::module_& m) {
  using namespace lambdasim;
  py::class_<ec2_instance_type>(
      m, "Ec2InstanceType",
      "One EC2 instance type LMI can run on, with its On-Demand price.")
      .def_readonly("name", &ec2_instance_type::name,
                    "Name, as given (free text): E.g. \"m7g.xlarge\"")
      .def_property_readonly(
          "arch",
          [](const ec2_instance_type& t) { return std::string(to_string(t.arch)); },
          "Architecture: x86_64 or arm64.")
      .def_readonly("vcpu", &ec2_instance_type::vcpu, "Vcpu of the Ec2InstanceType.")
      .def_readonly("memory_gib", &ec2_instance_type::memory_gib,
                    "Memory (GiB) of the Ec2InstanceType.")
      .def_readonly("on_demand_usd_per_hour",
                    &ec2_instance_type::on_demand_usd_per_hour,
                    "On demand (USD per hour) of the Ec2InstanceType.")
      .def_readonly("source", &ec2_instance_type::source,
                    "Where the data came from (file, run or sweep name).")
      .def_readonly("confidence", &ec2_instance_type::confidence,
                    "H, M or L as in data/managed_instances/FACTS.md");

  py::class_<lmi_model>(m, "LmiModel",
                        "The LMI facts of one region (models/lmi-aws.json). No "
                        "built-in defaults: every value comes from the model file.")
      .def_static(
          "aws", &lmi_model::aws, py::return_value_policy::copy,
          "The compiled-in AWS model. Raises if models/lmi-aws.json is malformed")
      .def_static("from_json", &lmi_model::from_json, "text"_a, "origin"_a = "<json>",
                  "Raises with origin and JSON pointer; unknown keys are an error")
      .def_readonly("name", &lmi_model::name, "Name, as given (free text).")
      .def_readonly("region", &lmi_model::region, "AWS region priced, e.g. us-east-1.")
      .def_readonly("source", &lmi_model::source,
                    "Where the data came from (file, run or sweep name).")
      .def_readonly("effective_date", &lmi_model::effective_date,
                    "Date the LMI facts were recorded (YYYY-MM-DD).")
      .def_readonly("management_fee_fraction", &lmi_model::management_fee_fraction,
                    "Of the EC2 On-Demand price")
      .def_readonly("requests_usd_per_million", &lmi_model::requests_usd_per_million,
                    "Price of a million requests (USD).")
      .def_readonly("month_hours", &lmi_model::month_hours,
                    "Hours in a billing month (AWS: 730)")
      .def_readonly("lambda_sp_max_discount", &lmi_model::lambda_sp_max_discount,
                    "Compute SP on Lambda duration and PC")
      .def_readonly("lambda_sp_min_published_discount",
                    &lmi_model::lambda_sp_min_published_discount,
                    "Smallest published Lambda Savings Plan discount, a fraction.")
      .def_readonly("ec2_max_discount", &lmi_model::ec2_max_discount,
                    "EC2 Instance SP / RIs")
      .def_readonly("default_min_instances", &lmi_model::default_min_instances,
                    "EC2 instances LMI keeps at all times by default.")
      .def_readonly("default_min_environments", &lmi_model::default_min_environments,
                    "Execution environments LMI keeps at all times by default.")
      .def_readonly("memory_per_vcpu_gib_min", &lmi_model::memory_per_vcpu_gib_min,
                    "Smallest memory per vCPU an environment may have (GiB).")
      .def_readonly("memory_per_vcpu_gib_max", &lmi_model::memory_per_vcpu_gib_max,
                    "Largest memory per vCPU an environment may have (GiB).")
      .def_readonly("environment_memory_gib_min",
                    &lmi_model::environment_memory_gib_min,
                    "Smallest execution environment memory (GiB).")
      .def_readonly("environment_memory_gib_max",
                    &lmi_model::environment_memory_gib_max,
                    "Largest execution environment memory (GiB).")
      .def_readonly("environment_vcpu_min", &lmi_model::environment_vcpu_min,
                    "Fewest vCPUs an execution environment may have.")
      .def_readonly("environment_vcpu_max", &lmi_model::environment_vcpu_max,
                    "Most vCPUs an execution environment may have.")
      .def_readonly("concurrency_per_environment_max",
                    &lmi_model::concurrency_per_environment_max,
                    "Most requests one LMI execution environment may run at once.")
      .def_readonly("scaling_doubling_s", &lmi_model::scaling_doubling_s,
                    "Capacity at most doubles in this time")
      .def_readonly("concurrency_per_vcpu", &lmi_model::concurrency_per_vcpu,
                    "Concurrency per vcpu: by runtime")
      .def_readonly("memory_per_vcpu_gib", &lmi_model::memory_per_vcpu_gib,
                    "Environment memory per vCPU (GiB).")
      .def_readonly("os_reserve_vcpu", &lmi_model::os_reserve_vcpu,
                    "vCPUs each instance keeps for the OS.")
      .def_readonly("os_reserve_gib", &lmi_model::os_reserve_gib,
                    "Memory each instance keeps for the OS (GiB).")
      .def_readonly("cpu_target", &lmi_model::cpu_target,
                    "Default autoscaling CPU target, in (0, 1].")
      .def_readonly("startup_lag_s", &lmi_model::startup_lag_s,
                    "Default delay before a new instance serves (seconds).")
      .def_readonly("billing_granularity_s", &lmi_model::billing_granularity_s,
                    "LMI instance time is billed in steps of this (seconds).")
      .def_readonly("billing_minimum_s", &lmi_model::billing_minimum_s,
                    "Shortest billed LMI instance time (seconds).")
      .def_readonly("scaling_interval_s", &lmi_model::scaling_interval_s,
                    "How often autoscaling decides (seconds).")
      .def_readonly("scale_in_cooldown_s", &lmi_model::scale_in_cooldown_s,
                    "Wait before scaling in (seconds).")
      .def_readonly("runtime", &lmi_model::runtime,
                    "Default runtime for the concurrency per vCPU.")
      .def_readonly("instance_types", &lmi_model::instance_types,
                    "The EC2 instance types LMI offers, with their prices.")
      .def("instance", &lmi_model::instance, "name"_a, py::return_value_policy::copy,
           "The instance type of that name. Raises ValueError naming it and listing "
           "the nearest known names")
      .def("runtime_concurrency_per_vcpu", &lmi_model::runtime_concurrency_per_vcpu,
           "runtime"_a,
           "Default concurrency per vCPU of a runtime. Raises ValueError for an "
           "unknown runtime, listing the known ones")
      .def("assumptions", &lmi_model::assumptions,
           "The assumptions in force, as \"name = value (why)\" lines, for results and "
           "docs.");

  py::class_<lmi_config>(
      m, "LmiConfig",
      "An LMI capacity provider and function configuration. Defaults come from "
      "lmi_model::aws() (limits and assumptions); 0 means \"derived\" where stated.")
      .def(py::init<>())
      .def_readwrite("instance_type", &lmi_config::instance_type,
                     "EC2 instance type, e.g. m7g.large: required, e.g. \"m7g.large\"")
      .def_readwrite("memory_per_vcpu_gib", &lmi_config::memory_per_vcpu_gib,
                     "Environment memory per vCPU (GiB).")
      .def_readwrite("environment_memory_gib", &lmi_config::environment_memory_gib,
                     "Memory of one execution environment (GiB). 0: the smallest valid "
                     "one, max(environment_memory_gib_min, environment_vcpu_min * "
                     "memory_per_vcpu_gib).")
      .def_readwrite(
          "concurrency_per_environment", &lmi_config::concurrency_per_environment,
          "Requests one environment runs at once. 0: the runtime's default per vCPU "
          "times the environment's vCPUs (at most the platform maximum).")
      .def_readwrite("runtime", &lmi_config::runtime, "For the concurrency default")
      .def_readwrite("memory_per_request_mb", &lmi_config::memory_per_request_mb,
                     "Memory each in-flight request needs (MB; Python runs one process "
                     "per request): the concurrency is at most environment memory / "
                     "this. 0: no memory bound.")
      .def_readwrite(
          "min_environments", &lmi_config::min_environments,
          "Execution environments kept at all times (the minimum footprint).")
      .def_readwrite("max_environments", &lmi_config::max_environments,
                     "Max environments: 0: no cap")
      .def_readwrite("min_instances", &lmi_config::min_instances,
                     "EC2 instances kept at all times (the minimum footprint).")
      .def_readwrite("cpu_target", &lmi_config::cpu_target,
                     "Autoscaling target, (0, 1]")
      .def_readwrite("ec2_discount", &lmi_config::ec2_discount,
                     "Savings Plan / RI discount on the EC2 part, [0, max]")
      .def_readwrite("os_reserve_vcpu", &lmi_config::os_reserve_vcpu,
                     "Os reserve vcpu: per instance")
      .def_readwrite("os_reserve_gib", &lmi_config::os_reserve_gib,
                     "Os reserve (GiB): per instance")
      .def_readwrite("startup_lag_s", &lmi_config::startup_lag_s,
                     "Startup lag (seconds): scale-out delay")
      .def_readwrite(
          "scaling_doubling_s", &lmi_config::scaling_doubling_s,
          "Time in which autoscaling can at most double the environments (seconds).")
      .def_readwrite("scaling_interval_s", &lmi_config::scaling_interval_s,
                     "How often autoscaling decides (seconds).")
      .def_readwrite("scale_in_cooldown_s", &lmi_config::scale_in_cooldown_s,
                     "Wait before scaling in (seconds).")
      .def("validate", &lmi_config::validate,
           "Raises ValueError naming the field and the value (also an unknown instance "
           "type or runtime, and a layout that fits no environment)");

  py::class_<lmi_layout>(m, "LmiLayout",
                         "What a configuration resolves to on its instance type.")
      .def_readonly("instance", &lmi_layout::instance,
                    "The EC2 instance type (Ec2InstanceType).")
      .def_readonly("environment_memory_gib", &lmi_layout::environment_memory_gib,
                    "Memory of one execution environment (GiB).")
      .def_readonly("environment_vcpu", &lmi_layout::environment_vcpu,
                    "Environment vcpu: environment_memory_gib / memory_per_vcpu_gib")
      .def_readonly("concurrency", &lmi_layout::concurrency,
                    "Per environment, after every bound")
      .def_readonly("environments_per_instance", &lmi_layout::environments_per_instance,
                    "Execution environments that fit on one instance.")
      .def_readonly("management_usd_per_hour", &lmi_layout::management_usd_per_hour,
                    "Management (USD per hour): fee per instance-hour")
      .def_readonly("ec2_usd_per_hour", &lmi_layout::ec2_usd_per_hour,
                    "EC2 part per instance-hour after the discount");
  m.def("lmi_resolve", &lmi_resolve, "config"_a,
        "Lmi resolve: raises lmi_config::validate");
  m.def("lmi_assumptions", &lmi_assumptions, "config"_a,
        "The assumptions in force for a configuration, one line each, marked [default] "
        "or [set] (the model's assumptions() with this configuration's values).");
  m.def("lmi_instances_for", &lmi_instances_for, "layout"_a, "config"_a,
        "environments"_a,
        "Instances needed for environments environments: max(min_instances, "
        "ceil(environments / environments_per_instance)).");

  py::class_<lmi_bill>(m, "LmiBill", "One month's LMI bill, itemised (USD).")
      .def(py::init<>())
      .def_readonly("instance_type", &lmi_bill::instance_type,
                    "EC2 instance type, e.g. m7g.large.")
      .def_readonly("instance_hours", &lmi_bill::instance_hours,
                    "Instance-hours in the month.")
      .def_readonly("requests", &lmi_bill::requests, "Number of requests.")
      .def_readonly(
          "ec2_discount", &lmi_bill::ec2_discount,
          "Discount applied to the EC2 part, a fraction (the fee is never discounted).")
      .def_readonly("on_demand_usd", &lmi_bill::on_demand_usd,
                    "The EC2 part before the discount")
      .def_readonly("instances_usd", &lmi_bill::instances_usd,
                    "The EC2 part after the discount")
      .def_readonly("management_usd", &lmi_bill::management_usd,
                    "Fee on the On-Demand price, never discounted")
      .def_readonly("requests_usd", &lmi_bill::requests_usd, "Request charge (USD).")
      .def_readonly("total_usd", &lmi_bill::total_usd, "Total (USD).");
  m.def("compute_lmi_bill", &compute_lmi_bill, "config"_a, "instance_hours"_a,
        "requests"_a,
        "The bill of instance_hours of c.instance_type and requests requests. Raises "
        "ValueError naming a negative or NaN quantity, or as validate()");

  py::class_<lmi_request_work>(
      m, "LmiRequestWork",
      "CPU and I/O of one request on LMI, from a profile: cpu and gc components are "
      "CPU (at one vCPU, single-threaded; gc at the environment's memory), io and "
      "scaled_io are waits (scaled_io at its knee or one vCPU, whichever is smaller).")
      .def_readonly("cpu_ms", &lmi_request_work::cpu_ms,
                    "CPU work at one full vCPU (ms).")
      .def_readonly("io_ms", &lmi_request_work::io_ms,
                    "I/O time, constant in memory (ms).");
  m.def("lmi_work_of", &lmi_work_of, "profile"_a, "config"_a,
        "The CPU and I/O work of one request of the profile in an LMI execution "
        "environment (LmiRequestWork). Raises ValueError for an invalid profile");

  py::class_<lmi_plan>(
      m, "LmiPlan",
      "Steady-state capacity plan: environments for requests_per_month at a peak of "
      "peak_to_mean times the mean rate, kept all month (autoscaling cannot follow "
      "bursts faster than it grows, so capacity for the peak is held).")
      .def_readonly("mean_rate_per_s", &lmi_plan::mean_rate_per_s,
                    "Mean request rate planned for (requests per second).")
      .def_readonly("peak_rate_per_s", &lmi_plan::peak_rate_per_s,
                    "Peak request rate planned for (requests per second).")
      .def_readonly("work", &lmi_plan::work,
                    "The work of one request in an environment (LmiRequestWork).")
      .def_readonly(
          "layout", &lmi_plan::layout,
          "What the configuration resolves to on its instance type (LmiLayout).")
      .def_readonly("environments", &lmi_plan::environments,
                    "Execution environments the plan needs.")
      .def_readonly("instances", &lmi_plan::instances, "Number of instances.")
      .def_readonly(
          "bound", &lmi_plan::bound,
          "What set the environment count: \"minimum\", \"cpu\" or \"concurrency\"")
      .def_readonly("cpu_utilisation", &lmi_plan::cpu_utilisation,
                    "CPU utilisation at the peak, of the planned environments.")
      .def_readonly("concurrency_utilisation", &lmi_plan::concurrency_utilisation,
                    "Concurrency utilisation at the peak, of the planned environments "
                    "(Little's law, no contention).")
      .def_readonly("bill", &lmi_plan::bill, "The month's bill of the plan (LmiBill).");
  m.def("plan_lmi", &plan_lmi, "profile"_a, "config"_a, "requests_per_month"_a,
        "peak_to_mean"_a = steady_peak_to_mean,
        "month_hours"_a = lmi_model::aws().month_hours,
        "The LMI capacity plan for a month of traffic: environments and instances for "
        "peak_to_mean times the mean rate, bound by CPU or concurrency, and its bill "
        "(LmiPlan). Raises ValueError unless requests_per_month >= 0, peak_to_mean >= "
        "1, month_hours in (0, 744]; or as validate()");

  py::class_<lmi_simulate_options>(m, "LmiSimulateOptions",
                                   "Options of an LMI simulation.")
      .def(py::init<>())
      .def_readwrite("seed", &lmi_simulate_options::seed,
                     "Random seed (an integer >= 0): the same seed gives the same "
                     "numbers on every machine.")
      .def_readwrite("initial_environments",
                     &lmi_simulate_options::initial_environments,
                     "Environments ready at t = 0. 0: the configuration's minimum.")
      .def_readwrite("autoscale", &lmi_simulate_options::autoscale,
                     "False: the initial environments, fixed")
      .def_readwrite("exponential_work", &lmi_simulate_options::exponential_work,
                     "Per-request work exponential with the profile's mean (queueing "
                     "checks, M/M/1) instead of lognormal with the profile's cv.")
      .def("validate", &lmi_simulate_options::validate,
           "Raises ValueError naming the field");

  py::class_<lmi_simulation_result>(m, "LmiSimulationResult",
                                    "What an LMI simulation gave. Latency is arrival "
                                    "to completion of served requests.")
      .def_readonly("requests", &lmi_simulation_result::requests, "Number of requests.")
      .def_readonly("served", &lmi_simulation_result::served,
                    "Requests served (not throttled).")
      .def_readonly("throttled", &lmi_simulation_result::throttled,
                    "Requests throttled at the concurrency limit.")
      .def_readonly("latency", &lmi_simulation_result::latency,
                    "Latency statistics of the served requests (LatencyStats, ms).")
      .def_readonly("latency_hist", &lmi_simulation_result::latency_hist,
                    "Histogram of the served requests' latencies (LogHistogram, ms).")
      .def_readonly("mean_environments", &lmi_simulation_result::mean_environments,
                    "Time average of ready environments")
      .def_readonly("peak_environments", &lmi_simulation_result::peak_environments,
                    "Most execution environments at once.")
      .def_readonly("mean_instances", &lmi_simulation_result::mean_instances,
                    "Mean number of instances over the period.")
      .def_readonly("peak_instances", &lmi_simulation_result::peak_instances,
                    "Largest number of instances at once.")
      .def_readonly("instance_seconds", &lmi_simulation_result::instance_seconds,
                    "Billed instance time over the period")
      .def_readonly("cpu_utilisation", &lmi_simulation_result::cpu_utilisation,
                    "Busy vCPU-s / ready environment vCPU-s")
      .def_readonly("mean_concurrency", &lmi_simulation_result::mean_concurrency,
                    "Time average of requests in flight")
      .def_readonly("peak_concurrency", &lmi_simulation_result::peak_concurrency,
                    "Most requests in flight at once")
      .def_readonly("period_s", &lmi_simulation_result::period_s,
                    "Simulated period (seconds).")
      .def_readonly("seed", &lmi_simulation_result::seed,
                    "Random seed (an integer >= 0): the same seed gives the same "
                    "numbers on every machine.")
      .def_readonly("work", &lmi_simulation_result::work, "Work at one full vCPU (ms).")
      .def_readonly(
          "layout", &lmi_simulation_result::layout,
          "What the configuration resolves to on its instance type (LmiLayout).")
      .def_readonly("config", &lmi_simulation_result::config,
                    "The LmiConfig simulated.")
      .def_readonly(
          "assumptions", &lmi_simulation_result::assumptions,
          "The assumptions in force, one line each, marked [default] or [set].")
      .def_readonly("interval_s", &lmi_simulation_result::interval_s,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_t_s", &lmi_simulation_result::timeline_t_s,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_environments",
                    &lmi_simulation_result::timeline_environments,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_pending", &lmi_simulation_result::timeline_pending,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_instances", &lmi_simulation_result::timeline_instances,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_arrivals", &lmi_simulation_result::timeline_arrivals,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_throttled", &lmi_simulation_result::timeline_throttled,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.")
      .def_readonly("timeline_cpu_utilisation",
                    &lmi_simulation_result::timeline_cpu_utilisation,
                    "Per scaling interval (interval_s): start time, ready and pending "
                    "environments at its end, instances, arrivals, throttles, CPU "
                    "utilisation of ready environments.");
  m.def(
      "simulate_lmi",
      [](const profile& w, const arrivals& a, const lmi_config& c,
         const lmi_simulate_options& o) {
        py::gil_scoped_release g;
        return simulate_lmi(w, a, c, o);
      },
      "profile"_a, "arrivals"_a, "config"_a,
      py::arg_v("options", lmi_simulate_options{}, "LmiSimulateOptions()"),
      "Discrete-event simulation of LMI: requests share their environment's vCPUs "
      "(processor sharing: n requests in their CPU phase on c vCPUs each progress at "
      "min(1, c/n)); I/O waits consume no CPU; a request goes to the ready environment "
      "with the fewest requests in flight, or is throttled when all are at their "
      "concurrency limit (never cold-started); every scaling interval, the environment "
      "count moves towards what CPU utilisation and concurrency need at the CPU "
      "target, growing at most by 2^(interval / doubling) (so never more than doubling "
      "per doubling time), new environments ready after the start-up lag, draining "
      "after the scale-in cooldown; instances hold the environments (the minimum "
      "footprint always). Per-request work varies by the profile's cv (lognormal, mean "
      "1). Seeded, reproducible bit for bit. Raises ValueError for an invalid profile, "
      "arrivals or option");
  m.def("simulated_lmi_bill", &simulated_lmi_bill, "result"_a,
        "month_hours"_a = lmi_model::aws().month_hours,
        "The month's bill of a simulation: instance time and served requests per "
        "period scaled to month_hours; throttled requests are not billed.");
}
