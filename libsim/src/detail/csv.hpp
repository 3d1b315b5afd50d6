// SPDX-License-Identifier: MIT
/// @file detail/csv.hpp (libsim/src: not installed)
/// Splitting one CSV record (RFC 4180 quoting), shared by the sweep and trace loaders.
/// Internal: not part of the API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lambdasim::detail {

/// Splits one record into fields: commas separate, double quotes quote (a doubled quote
/// inside is one quote), carriage returns are dropped. Returns false on an unterminated
/// quote (the fields read so far are in out).
bool split_csv_record(std::string_view line, std::vector<std::string>& out);

/// The fields of one record; an unterminated quote leaves the rest of the line in the
/// last field (callers that must reject it use split_csv_record).
std::vector<std::string> split_csv_line(std::string_view line);

}  // namespace lambdasim::detail
