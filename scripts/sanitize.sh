#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The one clang build behind three checks (idempotent, incremental): tests/consumer built
# against the source tree with add_subdirectory(), with libsim's doctest suite and the
# libFuzzer targets switched on, everything under ASan + UBSan. The library is compiled once
# (with libFuzzer's coverage instrumentation, which the ASan runtime also serves for the
# doctest binary), then
#   ctest --test-dir build/sanitize      the consumer and the doctest suite under ASan+UBSan
#   bash scripts/fuzz.sh SECONDS         each parser under libFuzzer (it calls this script)
# Usage: bash scripts/sanitize.sh   (BUILD=dir to build elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build/sanitize}
cmake -S tests/consumer -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS=-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
  -DCONSUMER_MODE=add_subdirectory -DLAMBDASIM_SOURCE_DIR="$PWD" \
  -DLAMBDASIM_BUILD_TESTS=ON -DLAMBDASIM_BUILD_FUZZERS=ON ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}"
