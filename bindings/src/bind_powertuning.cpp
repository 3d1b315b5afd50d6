// SPDX-License-Identifier: MIT
// AWS Lambda Power Tuning (powertuning.hpp): its outputs read as sweeps (static methods
// of Sweep, bind_sweep.cpp), its visualization URL, and its statistics and prices
// computed as Power Tuning does.
#include "pybind11.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include <lambdasim/powertuning.hpp>
#include <lambdasim/sweep_loaders.hpp>

void bind_powertuning(py::module_& m) {
  using namespace lambdasim;
  add_enum_names<powertuning_source>("powertuning_source");
  auto cls = py::reinterpret_borrow<py::class_<sweep>>(m.attr("Sweep"));
  cls.def_static(
         "from_powertuning",
         [](const std::filesystem::path& path, const std::string& source) {
           return load_powertuning(path.string(),
                                   powertuning_source_from_string(source));
         },
         "path"_a, "source"_a = std::string(to_string(load_options{}.source)),
         "Reads AWS Lambda Power Tuning output holding one run: its stats, or its "
         "visualization URL decoded (source: auto, stats or visualization).")
      .def_static(
          "powertuning_runs",
          [](const std::filesystem::path& path, const std::string& source) {
            return load_powertuning_runs(path.string(),
                                         powertuning_source_from_string(source));
          },
          "path"_a, "source"_a = std::string(to_string(load_options{}.source)),
          "The runs of a Power Tuning output that holds several (an array), one Sweep "
          "each.")
      .def_static(
          "powertuning_from_json",
          [](const std::string& text, const std::string& origin,
             const std::string& source) {
            return powertuning_from_json(text, origin,
                                         powertuning_source_from_string(source));
          },
          "text"_a, "origin"_a = "<json>",
          "source"_a = std::string(to_string(load_options{}.source)),
          "Exactly one run. Raises if the document holds several (use *_runs)");

  m.def(
      "decode_visualization",
      [](const std::string& url) {
        const auto c = decode_visualization(url);
        py::dict d;
        d["memory_mb"] = py::array_t<double>(
            static_cast<py::ssize_t>(c.memory_mb.size()), c.memory_mb.data());
        d["duration_ms"] = py::array_t<double>(
            static_cast<py::ssize_t>(c.duration_ms.size()), c.duration_ms.data());
        d["cost_usd"] = py::array_t<double>(static_cast<py::ssize_t>(c.cost_usd.size()),
                                            c.cost_usd.data());
        return d;
      },
      "url"_a,
      "Decodes a visualization URL (or just the part after '#'): three base64 fields "
      "separated by ';': little-endian int16 sizes, float32 durations, float32 costs. "
      "Raises ValueError naming the field when it is not valid base64, its length is "
      "not a multiple of the element size, or the counts differ");
  m.def(
      "encode_visualization",
      [](const std::vector<double>& memory_mb, const std::vector<double>& duration_ms,
         const std::vector<double>& cost_usd) {
        return encode_visualization({memory_mb, duration_ms, cost_usd});
      },
      "memory_mb"_a, "duration_ms"_a, "cost_usd"_a,
      "The inverse: \"https://lambda-power-tuning.show/#<sizes>;<durations>;<costs>\". "
      "Values are rounded to int16 / float32 as Power Tuning does. Raises ValueError "
      "for sizes outside int16 or mismatched lengths");

  m.def(
      "powertuning_base_usd_per_ms",
      [](const std::string& region, const std::string& arch) {
        return powertuning_base_usd_per_ms(region, architecture_from_string(arch));
      },
      "region"_a, "arch"_a,
      "Power Tuning's base price (USD per ms at its minRAM, 128 MB) for a region and "
      "architecture from models/; like Power Tuning, a region it does not list gets "
      "its \"default\" price.");
  m.def("powertuning_power_values_mb", &powertuning_power_values_mb,
        "Power Tuning's default powerValues (the sizes it tries when an execution "
        "names none) from models/.");
  m.def("powertuning_min_ram_mb", &powertuning_min_ram_mb,
        "Power Tuning's minRAM (128 MB) from models/.");
  m.def(
      "powertuning_trimmed_mean",
      [](const array_d& values, double discard_top_bottom) {
        auto x = as_vector(values, "values");
        py::gil_scoped_release g;
        return powertuning_trimmed_mean(x, discard_top_bottom);
      },
      "values"_a, "discard_top_bottom"_a,
      "Power Tuning's trimmed mean (utils.computeAverageDuration): sort ascending, "
      "drop k = trunc(n * discard_top_bottom) values at each end, sum the rest in "
      "ascending order, divide by n - 2k. Empty input gives 0, as in Power Tuning. "
      "Raises ValueError unless discard_top_bottom is in [0, 0.4] (Power Tuning clamps "
      "to that range; lambdasim refuses instead) and every value is finite");
  m.def(
      "powertuning_price", &powertuning_price, "average_billed_ms"_a, "memory_mb"_a,
      "base_usd_per_ms"_a,
      "Power Tuning's utils.computePrice: ceil(average_billed_ms) * base * (memory / "
      "minRAM), evaluated in that order (so the double result equals Power Tuning's). "
      "Raises ValueError unless average_billed_ms >= 0, memory_mb > 0, base >= 0");
  py::class_<powertuning_stats>(
      m, "PowertuningStats",
      "Power Tuning's statistics of one size, from per-invocation REPORT values.")
      .def(py::init<>())
      .def_readonly("average_duration_ms", &powertuning_stats::average_duration_ms,
                    "Trimmed mean of duration (Duration + Init + Restore)")
      .def_readonly("average_billed_ms", &powertuning_stats::average_billed_ms,
                    "Trimmed mean of billed duration")
      .def_readonly("average_price_usd", &powertuning_stats::average_price_usd,
                    "AveragePrice (the output's cost at the chosen size)")
      .def_readonly("total_cost_usd", &powertuning_stats::total_cost_usd,
                    "TotalCost: every invocation priced and summed");
  m.def(
      "powertuning_statistics",
      [](const array_d& duration_ms, const array_d& billed_ms, double memory_mb,
         double base_usd_per_ms, double discard_top_bottom) {
        auto d = as_vector(duration_ms, "duration_ms");
        auto b = as_vector(billed_ms, "billed_ms");
        py::gil_scoped_release g;
        return powertuning_statistics(d, b, memory_mb, base_usd_per_ms,
                                      discard_top_bottom);
      },
      "duration_ms"_a, "billed_ms"_a, "memory_mb"_a, "base_usd_per_ms"_a,
      "discard_top_bottom"_a,
      "Power Tuning's statistics of a run (its averages and costs per size, computed "
      "as Power Tuning does). Raises ValueError on a size mismatch, a negative or "
      "non-finite value, or a discard_top_bottom outside [0, 0.4]");
}
