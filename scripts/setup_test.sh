#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What the test command needs on top of scripts/setup.sh (idempotent): doctest, Google
# Benchmark, clang with its sanitizer and libFuzzer runtimes, clang-format; and in .venv
# pytest, mypy (stubtest), the notebook runner, pybind11-stubgen, ruff and dask
# (the lambdasim.dask test runs a LocalCluster), pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/apt_install.sh doctest-dev libbenchmark-dev clang libclang-rt-14-dev clang-format
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/pip install -q -c requirements/constraints.txt pytest mypy nbclient nbformat \
  ipykernel pybind11-stubgen ruff "dask[distributed,dataframe]"
