#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Formats the tree: clang-format (.clang-format) on the C++ of libsim/, bindings/, tests/
# and benchmarks/; ruff format and ruff check --fix on the Python. With --check it changes
# nothing and fails when a file is not formatted (the test command runs it so).
# Needs clang-format (Debian package) and ruff (pinned, .venv; scripts/setup_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
RUFF=${RUFF:-ruff}
command -v "$RUFF" >/dev/null || RUFF=.venv/bin/ruff
mapfile -t cxx < <(git ls-files -- 'libsim/*.hpp' 'libsim/*.cpp' 'bindings/*.hpp' \
  'bindings/*.cpp' 'tests/*.hpp' 'tests/*.cpp' 'benchmarks/*.hpp' 'benchmarks/*.cpp')
if [ "${1:-}" = --check ]; then
  clang-format --dry-run --Werror "${cxx[@]}"
  "$RUFF" check --quiet .
  "$RUFF" format --check --quiet . || { echo "format: run bash scripts/format.sh" >&2; exit 1; }
else
  clang-format -i "${cxx[@]}"
  "$RUFF" format --quiet .
  "$RUFF" check --quiet --fix .  # what it cannot fix it lists, and fails
fi
