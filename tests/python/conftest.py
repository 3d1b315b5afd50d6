# SPDX-License-Identifier: MIT
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def accuracy() -> ModuleType:
    """benchmarks/accuracy.py, imported as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "accuracy", REPO / "benchmarks" / "accuracy.py"
    )
    assert spec and spec.loader
    acc = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = acc  # dataclasses look their module up
    try:
        spec.loader.exec_module(acc)
    finally:
        del sys.modules["accuracy"]
    return acc


@pytest.fixture(scope="session")
def reference() -> dict:
    """Hand-computed expected values shared with the C++ suite (data/reference)."""
    return json.loads((REPO / "data" / "reference" / "model.json").read_text())


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    p = tmp_path / "profile.json"
    p.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "name": "api",
                "components": [
                    {"kind": "cpu", "work_ms": 1000, "threads": 1},
                    {"kind": "io", "ms": 100},
                ],
                "init_ms": 200,
                "first_call_cpu_ms": 0,
                "peak_memory_mb": 0,
                "cv": 0,
            }
        )
    )
    return p
