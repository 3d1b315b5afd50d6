#!/usr/bin/env bash
# Idempotent set-up on a fresh Debian machine: apt packages for the C++ build, a virtual
# environment in .venv with the pinned Python dependencies, and lambdasim built and
# installed into it. Safe to run again: it installs only what is missing and rebuilds
# incrementally (scikit-build-core keeps build/<wheel_tag>).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(g++ ninja-build libeigen3-dev libboost-dev nlohmann-json3-dev doctest-dev
              clang libclang-rt-14-dev libbenchmark-dev)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
C=requirements/constraints.txt
# Build tools and every run/test/notebook dependency, pinned.
.venv/bin/pip install -q -c "$C" scikit-build-core pybind11 pybind11-stubgen cmake ninja \
  numpy pandas matplotlib tqdm pytest mypy nbclient nbformat ipykernel "dask[distributed,dataframe]"
# lambdasim itself: no build isolation, so the pinned build tools above are used and the
# persistent build/<wheel_tag> directory makes re-runs incremental.
.venv/bin/pip install -q --no-build-isolation -c "$C" .
echo "setup: lambdasim $(.venv/bin/python -c 'import lambdasim; print(lambdasim.__version__)') ready in .venv"
