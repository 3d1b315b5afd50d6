#!/usr/bin/env bash
# Regenerates bindings/python/lambdasim/_core.pyi from a developer build of _core.
# Run after changing any bind_*.cpp; the test suite's stubtest fails when stubs drift.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/py}
py=${PYTHON:-python3}
[ -x .venv/bin/python ] && py=.venv/bin/python
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAMBDASIM_BUILD_PYTHON=ON \
  -DLAMBDASIM_BUILD_TESTS=OFF -DPython_EXECUTABLE="$($py -c 'import sys; print(sys.executable)')" >/dev/null
cmake --build "$build" --target _core
out=$(mktemp -d)
PYTHONPATH="$build/python" "$py" -m pybind11_stubgen lambdasim._core -o "$out" >/dev/null
# mypy-clean: pybind11 __eq__ takes object, and unhashable classes set __hash__ to None.
sed -e "s/^__version__: str = .*/__version__: str/" \
    -e "s/def __eq__(self, arg0: [A-Za-z]*) -> bool:/def __eq__(self, other: object) -> bool:/" \
    -e "s/__hash__: typing.ClassVar\[None\] = None/__hash__: typing.ClassVar[None]  # type: ignore[assignment]/" \
    "$out/lambdasim/_core.pyi" \
  > bindings/python/lambdasim/_core.pyi
rm -rf "$out"
echo "wrote bindings/python/lambdasim/_core.pyi"
