// SPDX-License-Identifier: MIT
// The regression check (check.hpp): a profile against a recorded sweep.
#include "pybind11.hpp"

#include <lambdasim/check.hpp>

void bind_check(py::module_& m) {
  using namespace lambdasim;
  py::class_<check_options>(
      m, "CheckOptions",
      "How a check judges drift (docs/accuracy.md, \"The regression check\"). By "
      "default the whole curve: the shift is the median over sizes of ln(observed / "
      "predicted), its interval comes from the sizes' own scatter around it (Student t "
      "on the robust spread) and the profile's own level error, and the check fails "
      "when the interval lies wholly beyond +-shift_tolerance. Single sizes outside "
      "their band are warnings. With rtol set, the per-size rule of earlier releases "
      "applies instead: every size within rtol.")
      .def(py::init<>())
      .def_readwrite(
          "rtol", &check_options::rtol,
          "Per-size rule: largest accepted |predicted - observed| / observed at every "
          "size. NaN (default): judge by the shift of the whole curve.")
      .def_readwrite("shift_tolerance", &check_options::shift_tolerance,
                     "Largest accepted relative shift of the whole curve. The level of "
                     "an unchanged function's curve moves by up to about 10 % between "
                     "runs a month apart (issue 12).")
      .def_readwrite("profile_error", &check_options::profile_error,
                     "Relative error of the profile's own level (a fitted profile "
                     "carries its fit's model_error, 3 %): added in quadrature to the "
                     "shift's standard error, since the runs a profile was fitted to "
                     "drift as much as the run it is checked against.")
      .def_readwrite(
          "level", &check_options::level,
          "Two-sided level of the shift's interval and of the per-size bands.")
      .def_property(
          "aggregate",
          [](const check_options& o) { return std::string(to_string(o.aggregate)); },
          [](check_options& o, const std::string& s) {
            o.aggregate = aggregation_from_string(s);
          },
          "How each size's durations are summarised: median, trimmed_mean or mean.");

  py::class_<check_result>(m, "CheckResult", "One entry per recorded size, ascending.")
      .def(py::init<>())
      .def_readonly("memory_mb", &check_result::memory_mb, "Memory size (MB).")
      .def_readonly("predicted_ms", &check_result::predicted_ms,
                    "Warm duration of the profile")
      .def_readonly("observed_ms", &check_result::observed_ms,
                    "Observed (ms): the size's aggregate")
      .def_readonly("p5_ms", &check_result::p5_ms,
                    "Recorded band (NaN when the sweep does not say)")
      .def_readonly("p95_ms", &check_result::p95_ms, "95th percentile latency (ms).")
      .def_readonly("deviation", &check_result::deviation,
                    "observed / predicted - 1: positive when slower than predicted "
                    "(one convention with shift)")
      .def_readonly("rel_error", &check_result::rel_error,
                    "(predicted - observed) / observed, kept for compatibility "
                    "(prefer deviation)")
      .def_property_readonly(
          "in_band", [](const check_result& r) { return bool_array(r.in_band); },
          "P5 <= predicted <= p95 (false when unknown)")
      .def_property_readonly(
          "within_tolerance",
          [](const check_result& r) { return bool_array(r.within_tolerance); },
          "Per-size rule (all true when rtol is NaN)")
      .def_readonly("rtol", &check_result::rtol, "NaN: the shift rule judged")
      .def_property_readonly(
          "outside_band",
          [](const check_result& r) { return bool_array(r.outside_band); },
          "Outside predicted x exp(shift +- t s): beyond the scatter of the other "
          "sizes (a warning under the shift rule).")
      .def_readonly(
          "shift", &check_result::shift,
          "The whole curve's relative shift exp(median ln(observed / predicted)) - 1, "
          "its interval at level, and the smallest shift beyond the tolerance this "
          "sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).")
      .def_readonly("shift_lo", &check_result::shift_lo,
                    "Lower end of the interval of the whole curve's shift (relative).")
      .def_readonly("shift_hi", &check_result::shift_hi,
                    "Upper end of the interval of the whole curve's shift (relative).")
      .def_readonly(
          "shift_tolerance", &check_result::shift_tolerance,
          "The whole curve's relative shift exp(median ln(observed / predicted)) - 1, "
          "its interval at level, and the smallest shift beyond the tolerance this "
          "sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).")
      .def_readonly(
          "detectable_shift", &check_result::detectable_shift,
          "The whole curve's relative shift exp(median ln(observed / predicted)) - 1, "
          "its interval at level, and the smallest shift beyond the tolerance this "
          "sweep detects with 95 % power (tolerance + 2 t SE; infinite with one size).")
      .def_readonly("rule", &check_result::rule, "Rule: \"shift\" or \"per_size\"")
      .def_readonly(
          "warnings", &check_result::warnings,
          "Single sizes outside their band and other soft findings, one line each.")
      .def_readonly("max_abs_deviation", &check_result::max_abs_deviation,
                    "Largest |observed / predicted - 1| over the sizes.")
      .def_readonly("max_abs_rel_error", &check_result::max_abs_rel_error,
                    "Largest |rel_error| over the sizes (compatibility).")
      .def_readonly("failures", &check_result::failures,
                    "Sizes outside rtol (per-size rule) or outside their band")
      .def_readonly("passed", &check_result::passed,
                    "True when the sweep matches the profile under the rule applied.")
      .def("report", &check_result::report,
           "A readable table: one line per size, failing sizes marked, then a summary "
           "line.");

  m.def(
      "check",
      [](const profile& w, const sweep& s, const platform& p, const check_options& o) {
        return released([&] { return check(w, s, p, o); });
      },
      "profile"_a, "sweep"_a, "platform"_a,
      py::arg_v("options", check_options{}, "CheckOptions()"),
      "Compares a profile's predictions with a recorded sweep: the whole curve's shift "
      "against shift_tolerance (or each size against rtol), with per-size warnings "
      "(CheckResult). Raises ValueError for an invalid profile, an empty sweep, rtol "
      "set and not > 0, shift_tolerance or profile_error < 0, level outside (0, 1), or "
      "a recorded size off the platform's grid");
}
