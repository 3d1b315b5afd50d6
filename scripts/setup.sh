#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Idempotent set-up on a fresh Debian machine, only what the demo needs: the apt packages
# of the C++ build, a virtual environment in .venv with the pinned build tools and run-time
# dependencies, and lambdasim built and installed into it. The test command adds its own
# needs on top (scripts/setup_test.sh). Safe to run again: it installs only what is missing
# and rebuilds incrementally (scikit-build-core keeps build/<wheel_tag>).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/apt_install.sh g++ ninja-build libeigen3-dev libboost-dev nlohmann-json3-dev

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
C=requirements/constraints.txt
# Build tools and the run-time dependencies, pinned.
.venv/bin/pip install -q -c "$C" scikit-build-core pybind11 cmake ninja \
  numpy pandas matplotlib tqdm
# The distribution was called `lambdasim` before it became `lambdasim-aws`: an old install
# in .venv would shadow the new one.
if .venv/bin/pip show -q lambdasim >/dev/null 2>&1; then .venv/bin/pip uninstall -q -y lambdasim; fi
# lambdasim itself: no build isolation, so the pinned build tools above are used and the
# persistent build/<wheel_tag> directory makes re-runs incremental.
.venv/bin/pip install -q --no-build-isolation -c "$C" .
echo "setup: lambdasim $(.venv/bin/python -c 'import lambdasim; print(lambdasim.__version__)') ready in .venv"
