#!/usr/bin/env bash
# Every test suite: set-up (idempotent: the demo's set-up plus the test tools), format
# checks, the C++ build with warnings as errors and its doctest suite, the find_package
# consumer against that build's install, one clang ASan+UBSan build serving the
# add_subdirectory consumer, the doctest suite and every parser under libFuzzer for a short
# bounded time, then pytest (binding contract, CLI, stubs, doctests, accuracy table,
# notebooks) last. libsim is compiled three times: the wheel, the ci build, the clang build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup_test.sh
export PATH="$PWD/.venv/bin:$PATH"
JOBS=${JOBS:-$(nproc)}
step() { printf '\n=== %s (%s)\n' "$*" "$(date -u +%T)"; }

step "Format (clang-format, ruff check, ruff format; bash scripts/format.sh rewrites)"
bash scripts/format.sh --check

step "C++ build (warnings are errors) and doctest"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$JOBS"
ctest --preset ci -j "$JOBS"

step "C++ consumer: find_package(lambdasim) against the installed ci build"
cmake --install build/ci >/dev/null
rm -rf build/consumer-find_package
ctest --build-and-test tests/consumer build/consumer-find_package \
  --build-generator Ninja \
  --build-options -DCONSUMER_MODE=find_package "-DCMAKE_PREFIX_PATH=$PWD/build/ci-install" \
  --test-command ctest --output-on-failure

step "clang ASan+UBSan build: add_subdirectory consumer and doctest suite"
bash scripts/sanitize.sh
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --test-dir build/sanitize -j "$JOBS" \
  --output-on-failure

# --- fuzzing (issue 4): every parser under libFuzzer + ASan + UBSan, 20 s each ---------
step "libFuzzer targets, 20 s each (bash scripts/fuzz.sh 600 runs each for 10 minutes)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

step "pytest"
python -m pytest
