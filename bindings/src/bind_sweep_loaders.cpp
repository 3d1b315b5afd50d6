// SPDX-License-Identifier: MIT
// The sweep loaders (sweep_loaders.hpp): any format by detection, CloudWatch REPORT
// lines, REPORT metrics JSON and CSV, as static methods of Sweep (bind_sweep.cpp).
#include "pybind11.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include <lambdasim/powertuning.hpp>
#include <lambdasim/sweep_loaders.hpp>

void bind_sweep_loaders(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<sweep_format>("sweep_format");
  {
    const load_options o;
    py::dict d;
    d["format"] = o.format;
    d["select"] = o.select;
    d["source"] = std::string(to_string(o.source));
    m.attr("SWEEP_LOAD_DEFAULTS") = d;
  }
  auto cls = py::reinterpret_borrow<py::class_<sweep>>(m.attr("Sweep"));
  cls.def_static(
         "load",
         [](const std::filesystem::path& path, const std::string& format,
            const std::string& select, const std::string& source,
            const std::vector<std::pair<std::string, std::string>>& columns,
            const std::vector<std::pair<std::string, std::string>>& where) {
           load_options o;
           o.format = format;
           o.select = select;
           o.source = powertuning_source_from_string(source);
           o.csv.columns = columns;
           o.csv.where = where;
           return released([&] { return load_sweep(path.string(), o); });
         },
         "path"_a, "format"_a = load_options{}.format,
         "select"_a = load_options{}.select,
         "source"_a = std::string(to_string(load_options{}.source)),
         "columns"_a = std::vector<std::pair<std::string, std::string>>{},
         "where"_a = std::vector<std::pair<std::string, std::string>>{},
         "Reads a sweep from a file of any supported format, or from a Power Tuning "
         "visualization URL given instead of a path "
         "(\"https://lambda-power-tuning.show/#...\"; a file holding only that URL "
         "works too). Format detection never hides a parse error: a JSON document "
         "that does not parse (truncated, a NaN literal) reports that error. A CSV "
         "that seems to mix several functions (one per-size row twice; a "
         "function-name column with several values) is loaded with a note in "
         "diagnostics. Raises naming the file and the line or JSON pointer")
      .def_static(
          "from_report_log",
          [](const std::filesystem::path& path) { return load_report(path.string()); },
          "path"_a,
          "Reads CloudWatch REPORT lines (text or JSON) from a file; Init Duration "
          "marks a cold start, Restore Duration is SnapStart's.")
      .def_static(
          "report_from_text", &report_from_text, "text"_a, "origin"_a = "<text>",
          "REPORT lines, text (\"REPORT RequestId: ...<TAB>Duration: 469.40 "
          "ms<TAB>...\", tab- or space-separated; a line that starts with "
          "\"Duration:\" is a REPORT body without its prefix) or JSON ({\"type\": "
          "\"platform.report\", \"record\": {\"metrics\": {...}}}). Init Duration "
          "marks a cold start; Restore Duration is SnapStart's. Other lines are "
          "skipped and counted in skipped_lines. Raises \"<origin>:<line>: ...\" for a "
          "truncated or malformed REPORT line")
      .def_static(
          "from_report_metrics",
          [](const std::filesystem::path& path, const std::string& series) {
            return load_report_metrics(path.string(), series);
          },
          "path"_a, "series"_a = "",
          "Reads one series of a per-invocation REPORT metrics JSON file (series such "
          "as python311/x86_64; empty when there is one).")
      .def_static(
          "report_metrics_series",
          [](const std::filesystem::path& path) {
            return load_report_metrics_series(path.string());
          },
          "path"_a,
          "The series of a REPORT metrics JSON file, e.g. ['dotnet6/arm64', ...].")
      .def_static(
          "from_csv",
          [](const std::filesystem::path& path,
             const std::vector<std::pair<std::string, std::string>>& columns,
             const std::vector<std::pair<std::string, std::string>>& where) {
            csv_options o;
            o.columns = columns;
            o.where = where;
            return released([&] { return load_csv(path.string(), o); });
          },
          "path"_a, "columns"_a = std::vector<std::pair<std::string, std::string>>{},
          "where"_a = std::vector<std::pair<std::string, std::string>>{},
          "Reads a CSV sweep (one row per invocation, or one per size with an n "
          "column); columns= maps canonical names to headers, where= keeps the rows "
          "whose column equals the value.")
      .def_static(
          "csv_from_text",
          [](const std::string& text, const std::string& origin,
             const std::vector<std::pair<std::string, std::string>>& columns,
             const std::vector<std::pair<std::string, std::string>>& where) {
            csv_options o;
            o.columns = columns;
            o.where = where;
            return csv_from_text(text, origin, o);
          },
          "text"_a, "origin"_a = "<csv>",
          "columns"_a = std::vector<std::pair<std::string, std::string>>{},
          "where"_a = std::vector<std::pair<std::string, std::string>>{},
          "A CSV sweep from text (as from_csv).");
}
