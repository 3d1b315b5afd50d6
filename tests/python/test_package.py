# SPDX-License-Identifier: MIT
"""Stubs match the extension, docstring examples run, notebooks execute."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import lambdasim
import pytest

REPO = Path(__file__).resolve().parents[2]


def test_stubs_match_extension():
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy.stubtest",
            "lambdasim._core",
            "--ignore-missing-stub",
            "--allowlist",
            str(REPO / "tests" / "python" / "stubtest-allowlist.txt"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def _modules():
    yield lambdasim
    for m in pkgutil.walk_packages(lambdasim.__path__, "lambdasim."):
        if m.name != "lambdasim.__main__":
            yield importlib.import_module(m.name)


def test_docstring_examples():
    failed = attempted = 0
    for module in _modules():
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        failed += result.failed
        attempted += result.attempted
    assert attempted >= 3
    assert failed == 0


NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes(path, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.get("outputs"), f"{path.name}: commit notebooks stripped"
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
