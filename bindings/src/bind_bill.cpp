// SPDX-License-Identifier: MIT
#include "pybind11.hpp"

#include "profiles_arg.hpp"

#include <lambdasim/bill.hpp>

namespace {
using namespace lambdasim;
using profiles_arg::columns_of;
using profiles_arg::grid_copy;
using profiles_arg::profiles_of;

py::dict bill_dict(fleet_bill_curve_result&& r) {
  py::dict d;
  const char* names[] = {"requests",        "gb_s",           "compute_usd",
                         "requests_usd",    "init_usd",       "storage_usd",
                         "provisioned_usd", "snapstart_usd",  "total_usd",
                         "billable_gb_s",   "warm_billed_ms", "powertuning_usd"};
  d["memory_mb"] = py::cast(std::move(r.memory_mb));
  const auto cols = r.columns();
  for (std::size_t k = 0; k < cols.size(); ++k)
    d[names[k]] = py::cast(std::move(*cols[k]));
  d["feasible"] = py::cast(std::move(r.feasible));
  return d;
}
}  // namespace

void bind_bill(py::module_& m) {
  using namespace lambdasim;
  py::class_<bill_options>(m, "BillOptions",
                           "What the month looks like. C++ owns the defaults; Python "
                           "and the CLI only override.")
      .def(py::init<>())
      .def_readwrite("requests_per_month", &bill_options::requests_per_month,
                     "Requests per month.")
      .def_readwrite("cold_fraction", &bill_options::cold_fraction,
                     "Fraction of on-demand requests that are cold starts, [0, 1]")
      .def_readwrite("provisioned_concurrency", &bill_options::provisioned_concurrency,
                     "Provisioned concurrency: instances kept warm.")
      .def_readwrite("provisioned_hours", &bill_options::provisioned_hours,
                     "Hours per month the provisioned instances are enabled")
      .def_readwrite("provisioned_request_fraction",
                     &bill_options::provisioned_request_fraction,
                     "Fraction of requests executed on provisioned instances when "
                     "provisioned_concurrency > 0")
      .def_readwrite("free_tier", &bill_options::free_tier,
                     "Apply the monthly free tier (not with provisioned concurrency)")
      .def_readwrite(
          "storage_mb", &bill_options::storage_mb,
          "Configured ephemeral storage (default: AWS's free amount, from models/)")
      .def_readwrite(
          "date", &bill_options::date,
          "Billing rules in force on this date (\"YYYY-MM-DD\"): granularity and INIT. "
          "Empty: the platform's billing granularity and the current INIT rule.")
      .def_property(
          "package",
          [](const bill_options& o) { return std::string(to_string(o.package)); },
          [](bill_options& o, const std::string& p) {
            o.package = package_type_from_string(p);
          },
          "Deployment package: zip or image (image INIT is always billed).")
      .def_readwrite("custom_runtime", &bill_options::custom_runtime,
                     "OS-only runtime (provided.al2023...): INIT always billed")
      .def_readwrite(
          "snapstart", &bill_options::snapstart,
          "SnapStart: cold starts restore a snapshot instead of running INIT.")
      .def_readwrite("snapstart_restore_ms", &bill_options::snapstart_restore_ms,
                     "Billed restore duration (incl. hooks) per cold start")
      .def_readwrite("snapstart_cache_hours", &bill_options::snapstart_cache_hours,
                     "Hours per month the snapshot is cached")
      .def_readwrite(
          "account_gb_s_offset", &bill_options::account_gb_s_offset,
          "GB-s the rest of the account uses this month in the same region and "
          "architecture: the function's GB-s are priced on the tiers above it.")
      .def_readwrite("savings_plan_discount", &bill_options::savings_plan_discount,
                     "Compute Savings Plan discount on duration (execution and INIT) "
                     "and provisioned concurrency, a fraction within [0, the published "
                     "maximum] (models/lmi-aws.json \"savings_plans\": 12 % no upfront "
                     "to 17 % all upfront); requests are not discounted.")
      .def("validate", py::overload_cast<>(&bill_options::validate, py::const_),
           "Checked against rules (the storage range); validate() checks against AWS's "
           "rules. Raises ValueError naming the field and the value");

  py::class_<monthly_bill>(
      m, "MonthlyBill",
      "One month's bill, itemised (USD) with the quantities behind each line.")
      .def(py::init<>())
      .def_readonly("requests", &monthly_bill::requests,
                    "All requests (on-demand + provisioned)")
      .def_readonly("gb_s", &monthly_bill::gb_s,
                    "Billed duration GB-s (on-demand incl. INIT and restore, plus "
                    "provisioned executing), before the free tier")
      .def_readonly("compute_usd", &monthly_bill::compute_usd,
                    "On-demand execution duration (after free tier, tiered)")
      .def_readonly("requests_usd", &monthly_bill::requests_usd,
                    "Request charge (after free tier)")
      .def_readonly("init_usd", &monthly_bill::init_usd,
                    "Billed INIT of on-demand cold starts")
      .def_readonly("storage_usd", &monthly_bill::storage_usd,
                    "Ephemeral storage above the free amount")
      .def_readonly("provisioned_usd", &monthly_bill::provisioned_usd,
                    "Provisioned concurrency: enabled + executing")
      .def_readonly("snapstart_usd", &monthly_bill::snapstart_usd,
                    "SnapStart cache + restore (restore duration included)")
      .def_readonly("total_usd", &monthly_bill::total_usd, "Total (USD).")
      .def_readonly("memory_mb", &monthly_bill::memory_mb, "Memory size (MB).")
      .def_readonly("on_demand_requests", &monthly_bill::on_demand_requests,
                    "Requests served on demand (not by provisioned instances).")
      .def_readonly("provisioned_requests", &monthly_bill::provisioned_requests,
                    "Requests served by provisioned instances.")
      .def_readonly("cold_starts", &monthly_bill::cold_starts,
                    "Number of cold starts: on-demand cold starts")
      .def_readonly("billable_requests", &monthly_bill::billable_requests,
                    "After the free tier")
      .def_readonly("on_demand_gb_s", &monthly_bill::on_demand_gb_s,
                    "Execution + INIT + restore, before the free tier")
      .def_readonly("billable_gb_s", &monthly_bill::billable_gb_s,
                    "On_demand_gb_s after the free tier")
      .def_readonly("init_gb_s", &monthly_bill::init_gb_s,
                    "Init (GB-seconds): billed INIT GB-s")
      .def_readonly("provisioned_gb_s", &monthly_bill::provisioned_gb_s,
                    "Executing on provisioned instances")
      .def_readonly("provisioned_enabled_gb_s", &monthly_bill::provisioned_enabled_gb_s,
                    "GB-seconds of provisioned concurrency enabled.")
      .def_readonly("storage_gb_s", &monthly_bill::storage_gb_s,
                    "Extra storage GB x billed seconds")
      .def_readonly("snapstart_cache_gb_s", &monthly_bill::snapstart_cache_gb_s,
                    "GB-seconds of SnapStart snapshot cache.")
      .def_readonly("snapstart_restore_gb", &monthly_bill::snapstart_restore_gb,
                    "GB of SnapStart restores.")
      .def_readonly("warm_billed_ms", &monthly_bill::warm_billed_ms,
                    "Warm billed (ms): one warm invocation")
      .def_readonly("cold_billed_ms", &monthly_bill::cold_billed_ms,
                    "One on-demand cold start incl. billed INIT / restore")
      .def_readonly("granularity_ms", &monthly_bill::granularity_ms,
                    "Billing granularity applied (ms).")
      .def_readonly("init_billed", &monthly_bill::init_billed,
                    "True when INIT was billed under the rules in force.")
      .def_readonly("powertuning_usd", &monthly_bill::powertuning_usd,
                    "Power Tuning's averagePrice of one warm invocation at this size "
                    "(its formula and regional base price), for comparison with Power "
                    "Tuning results.");

  py::class_<bill_curve_result>(
      m, "BillCurveResult",
      "One bill per memory size (columns). Sizes below the profile's peak_memory_mb "
      "are infeasible: feasible is false and every money and GB-s column is NaN there.")
      .def_readonly("memory_mb", &bill_curve_result::memory_mb, "Memory size (MB).")
      .def_readonly("requests", &bill_curve_result::requests, "Number of requests.")
      .def_readonly("gb_s", &bill_curve_result::gb_s, "Billed GB-seconds.")
      .def_readonly("compute_usd", &bill_curve_result::compute_usd,
                    "On-demand duration charge per size (USD).")
      .def_readonly("requests_usd", &bill_curve_result::requests_usd,
                    "Request charge (USD).")
      .def_readonly("init_usd", &bill_curve_result::init_usd,
                    "Billed INIT of on-demand cold starts per size (USD).")
      .def_readonly("storage_usd", &bill_curve_result::storage_usd,
                    "Ephemeral storage charge per size (USD).")
      .def_readonly("provisioned_usd", &bill_curve_result::provisioned_usd,
                    "Provisioned concurrency charge (USD).")
      .def_readonly("snapstart_usd", &bill_curve_result::snapstart_usd,
                    "SnapStart cache and restore charge per size (USD).")
      .def_readonly("total_usd", &bill_curve_result::total_usd, "Total (USD).")
      .def_readonly("billable_gb_s", &bill_curve_result::billable_gb_s,
                    "GB-seconds billed after the free tier, per size.")
      .def_readonly("warm_billed_ms", &bill_curve_result::warm_billed_ms,
                    "Billed duration of a warm invocation per size (ms).")
      .def_readonly("powertuning_usd", &bill_curve_result::powertuning_usd,
                    "Cost of one invocation as AWS Lambda Power Tuning computes it, "
                    "per size (USD).")
      .def_readonly(
          "feasible", &bill_curve_result::feasible,
          "True where the configuration meets every constraint (memory, limits).");

  m.def(
      "compute_bill",
      [](const profile& w, const platform& p, const price_table& prices,
         double memory_mb, const bill_options& o) {
        py::gil_scoped_release g;
        return compute_bill(w, p, prices, memory_mb, o);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "options"_a,
      "The month's bill of profile w at memory_mb. Raises ValueError for invalid "
      "options, a size off the platform's grid or below the profile's peak_memory_mb, "
      "or a price the table lacks (e.g. provisioned concurrency in a region without "
      "that price)");
  m.def(
      "bill_curve",
      [](const profile& w, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, const bill_options& o) {
        if (!memory_mb) {
          py::gil_scoped_release g;
          return bill_curve(w, p, prices, o);
        }
        auto x = as_vector(*memory_mb, "memory_mb");
        py::gil_scoped_release g;
        return bill_curve(w, p, prices, x, o);
      },
      "profile"_a, "platform"_a, "prices"_a, "memory_mb"_a, "options"_a,
      "The month's bill at each memory size (batch): one BillCurveResult row per size. "
      "Raises as compute_bill (options are checked once, before any size)");

  // Many profiles in one call (the columns are filled in C++: no Python loop).
  m.def(
      "bill_curve_profiles",
      [](const py::sequence& profiles, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, const bill_options& o, int threads) {
        const std::vector<profile> copies = profiles_of(profiles);
        const Eigen::VectorXd grid = grid_copy(p, memory_mb);
        fleet_bill_curve_result r;
        {
          py::gil_scoped_release g;
          r = bill_curve(std::span<const profile>(copies), p, prices, grid, o, threads);
        }
        py::dict d = bill_dict(std::move(r));
        py::list names;
        for (const auto& w : copies) names.append(w.name);
        d["name"] = names;
        return d;
      },
      "profiles"_a, "platform"_a, "prices"_a, "memory_mb"_a, "options"_a,
      "threads"_a = 0,
      "Bill curves of a sequence of Profiles: a dict of numpy columns, 2-D (profiles "
      "x sizes) except memory_mb.");
  m.def(
      "bill_curve_columns",
      [](const py::dict& columns, const platform& p, const price_table& prices,
         std::optional<array_d> memory_mb, const bill_options& o, int threads) {
        std::vector<array_d> keep;
        const profile_columns t = columns_of(columns, keep);
        const Eigen::VectorXd grid = grid_copy(p, memory_mb);
        fleet_bill_curve_result r;
        {
          py::gil_scoped_release g;
          r = bill_curve(t, p, prices, grid, o, threads);
        }
        return bill_dict(std::move(r));
      },
      "columns"_a, "platform"_a, "prices"_a, "memory_mb"_a, "options"_a,
      "threads"_a = 0,
      "Bill curves of profiles given as columns (PROFILE_COLUMNS): a dict of numpy "
      "columns, 2-D (profiles x sizes) except memory_mb.");
}
