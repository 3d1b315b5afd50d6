#!/usr/bin/env bash
# Every test suite: set-up (idempotent), the C++ build with warnings as errors and its
# doctest suite, the find_package and add_subdirectory consumers, an ASan+UBSan build of
# the C++ tests, every parser under libFuzzer for a short bounded time, then pytest
# (binding contract, CLI, stubs, doctests, accuracy table, notebooks) last.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
JOBS=${JOBS:-$(nproc)}
step() { printf '\n=== %s\n' "$*"; }

step "C++ build (warnings are errors) and doctest"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$JOBS"
ctest --preset ci -j "$JOBS"

step "C++ consumers: find_package(lambdasim) and add_subdirectory"
cmake --install build/ci >/dev/null
for mode in find_package add_subdirectory; do
  rm -rf "build/consumer-$mode"
  if [ "$mode" = find_package ]; then where="-DCMAKE_PREFIX_PATH=$PWD/build/ci-install"
  else where="-DLAMBDASIM_SOURCE_DIR=$PWD"; fi
  ctest --build-and-test tests/consumer "build/consumer-$mode" \
    --build-generator Ninja --build-options "-DCONSUMER_MODE=$mode" "$where" \
    --test-command ctest --output-on-failure
done

step "C++ tests under ASan + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$JOBS"
ctest --preset asan -j "$JOBS"

# --- fuzzing (issue 4): every parser under libFuzzer + ASan + UBSan, 20 s each ---------
step "libFuzzer targets, 20 s each (bash scripts/fuzz.sh 600 runs each for 10 minutes)"
if command -v clang++ >/dev/null; then
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
else
  echo "clang++ not found: fuzzing skipped" >&2; exit 1
fi

step "pytest"
python -m pytest
