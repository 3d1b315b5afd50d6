// SPDX-License-Identifier: MIT
// Recorded sweeps (sweep.hpp): rows, metadata, the per-size summary. Their loaders are
// bound in bind_sweep_loaders.cpp and bind_powertuning.cpp.
#include "pybind11.hpp"

#include <lambdasim/sweep.hpp>

namespace {
using namespace lambdasim;

// The rows as a dict of 1-D arrays (columns), one element per row.
py::dict rows_as_columns(const sweep& s) {
  const auto n = static_cast<py::ssize_t>(s.rows.size());
  py::dict d;
  auto col = [&](const char* name, double sweep_row::*f) {
    py::array_t<double> a(n);
    auto* out = a.mutable_data();
    for (py::ssize_t i = 0; i < n; ++i) out[i] = s.rows[static_cast<std::size_t>(i)].*f;
    d[name] = a;
  };
  col("memory_mb", &sweep_row::memory_mb);
  col("duration_ms", &sweep_row::duration_ms);
  col("billed_ms", &sweep_row::billed_ms);
  col("init_ms", &sweep_row::init_ms);
  col("restore_ms", &sweep_row::restore_ms);
  col("max_memory_used_mb", &sweep_row::max_memory_used_mb);
  col("cost_usd", &sweep_row::cost_usd);
  col("n", &sweep_row::n);
  py::array_t<bool> cold(n), per_size(n);
  for (py::ssize_t i = 0; i < n; ++i) {
    cold.mutable_data()[i] = s.rows[static_cast<std::size_t>(i)].is_cold;
    per_size.mutable_data()[i] = s.rows[static_cast<std::size_t>(i)].per_size;
  }
  d["is_cold"] = cold;
  d["per_size"] = per_size;
  return d;
}
}  // namespace

void bind_sweep(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<aggregation>("aggregation");
  py::class_<sweep_metadata>(
      m, "SweepMetadata",
      "Where a sweep came from and how it was recorded (Power Tuning execution input).")
      .def(py::init<>())
      .def_readwrite("source", &sweep_metadata::source,
                     "File (and run or series) it was read from")
      .def_readwrite("format", &sweep_metadata::format,
                     "Powertuning, report, report_metrics, csv, aws_docs")
      .def_readwrite("strategy", &sweep_metadata::strategy,
                     "Power Tuning strategy, when known")
      .def_readwrite("region", &sweep_metadata::region,
                     "AWS region priced, e.g. us-east-1.")
      .def_readwrite("num", &sweep_metadata::num,
                     "Power Tuning invocations per size, 0 if unknown")
      .def_readwrite("date", &sweep_metadata::date,
                     "Recording date, YYYY-MM-DD, when the format carries one (the "
                     "earliest REPORT timestamp or CSV timestamp); empty when unknown. "
                     "fit() chooses the platform in force that day.")
      .def_readwrite("date_origin", &sweep_metadata::date_origin,
                     "Where date came from, in words.")
      .def_readwrite(
          "architectures", &sweep_metadata::architectures,
          "Architectures the rows were recorded on, as the file says (x86_64, arm64; "
          "empty when it does not say): a CSV arch or architecture column, a REPORT "
          "metrics series path (python311/arm64), a Power Tuning record's "
          "\"architecture\". Two names: rows of both, which fit() refuses.")
      .def_readwrite("architecture_origin", &sweep_metadata::architecture_origin,
                     "Where architectures came from, in words.");

  py::class_<sweep_summary>(m, "SweepSummary",
                            "One row per recorded size, ascending memory_mb.")
      .def(py::init<>())
      .def_readonly("memory_mb", &sweep_summary::memory_mb, "Memory size (MB).")
      .def_readonly("n", &sweep_summary::n,
                    "Invocations recorded at the size (0 = unknown)")
      .def_readonly("n_cold", &sweep_summary::n_cold, "Of which cold starts")
      .def_readonly("duration_ms", &sweep_summary::duration_ms,
                    "Aggregate of the warm rows (all rows if none is warm)")
      .def_readonly("p5_ms", &sweep_summary::p5_ms,
                    "5th/95th percentile of the same rows (NaN if unknown)")
      .def_readonly("p95_ms", &sweep_summary::p95_ms, "95th percentile latency (ms).")
      .def_readonly("billed_ms", &sweep_summary::billed_ms,
                    "Aggregate billed duration (NaN if unknown)")
      .def_readonly("init_ms", &sweep_summary::init_ms,
                    "Median Init Duration of cold rows (NaN if none)")
      .def_readonly("cold_duration_ms", &sweep_summary::cold_duration_ms,
                    "Median Duration of cold rows (NaN if none)")
      .def_readonly("max_memory_used_mb", &sweep_summary::max_memory_used_mb,
                    "Largest Max Memory Used (NaN if unknown)")
      .def_property_readonly(
          "warm_only", [](const sweep_summary& s) { return bool_array(s.warm_only); },
          "Per-size rows, or sizes with only cold rows: the aggregate includes cold "
          "starts.");

  py::class_<sweep>(m, "Sweep", "A recorded sweep.")
      .def(py::init<>())
      .def_readwrite(
          "meta", &sweep::meta,
          "Where the sweep came from and how it was recorded (SweepMetadata).")
      .def_readonly("diagnostics", &sweep::diagnostics,
                    "Soft issues met while loading (lines skipped, visualization not "
                    "decodable, ...).")
      .def_readonly("skipped_lines", &sweep::skipped_lines,
                    "Lines or records that were not REPORT records and were skipped "
                    "(REPORT logs).")
      .def("__len__", [](const sweep& s) { return s.rows.size(); })
      .def("columns", &rows_as_columns, "The rows as a dict of 1-D arrays.")
      .def("sizes", &sweep::sizes, "Distinct memory sizes, ascending.")
      .def("has_invocations", &sweep::has_invocations,
           "True when any row is a single invocation (so a bootstrap over samples is "
           "possible).")
      .def("select_sizes", &sweep::select_sizes, "memory_mb"_a,
           "Only the rows of the given sizes (each must be recorded). Raises "
           "ValueError naming a size that is not in the sweep")
      .def("validate", &sweep::validate,
           "Raises ValueError naming the row and field (memory <= 0, NaN or negative "
           "duration, n < 0)")
      .def(
          "summarize",
          [](const sweep& s, const std::string& aggregation) {
            const auto a = aggregation_from_string(aggregation);
            return released([&] { return s.summarize(a); });
          },
          "aggregation"_a = std::string(to_string(aggregation::median)),
          "The per-size summary. Raises ValueError if the sweep has no rows or is "
          "invalid")
      .def("__repr__", [](const sweep& s) {
        return "Sweep(source='" + s.meta.source + "', format='" + s.meta.format +
               "', rows=" + std::to_string(s.rows.size()) +
               ", sizes=" + std::to_string(s.sizes().size()) + ")";
      });
}
