# SPDX-License-Identifier: MIT
"""The README runs as written: its Python block, each of its command lines, its links and
its layout section (the README is the first thing a user tries)."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from lambdasim.cli import main

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text()


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.DOTALL)


def command_lines() -> list[str]:
    return [
        line
        for block in blocks("bash")
        for line in block.splitlines()
        if line.startswith("lambdasim ")
    ]


def test_quick_start_commands_are_the_ci_entry_point():
    quick = blocks("bash")[0]
    assert "bash scripts/demo.sh" in quick
    assert "bash scripts/test.sh" in quick
    # .ci/run must run the README's test command.
    assert "bash scripts/test.sh" in (REPO / ".ci" / "run").read_text()


def test_python_example_runs_and_gives_the_hand_values():
    ns: dict = {}
    exec(compile(blocks("python")[0], "README.md", "exec"), ns)  # noqa: S102
    ls = ns["ls"]
    # 800 ms CPU at one full vCPU (1,769 MB) plus 120 ms I/O.
    assert ls.curve(ns["p"]).at(1769)["warm_ms"] == pytest.approx(920.0)
    # Three m6g.large all month: 3 x $0.077/h x 730 h, plus the 15 % management fee.
    assert ls.lmi_bill("m6g.large", instances=3).total_usd == pytest.approx(
        3 * 0.077 * 730 * 1.15, abs=0.01
    )
    assert ns["f"].profile.components  # the fit gave a profile
    assert ns["r"].memory_mb in range(128, 10241)


@pytest.mark.parametrize("line", command_lines())
def test_command_line_example_exits_0(line, tmp_path, monkeypatch, capsys):
    for name in ("examples", "data"):
        (tmp_path / name).symlink_to(REPO / name)
    monkeypatch.chdir(tmp_path)
    if line.startswith("lambdasim check"):  # it reads the profile that fit writes
        fit = next(c for c in command_lines() if c.startswith("lambdasim fit"))
        assert main(shlex.split(fit)[1:]) == 0
    assert main(shlex.split(line)[1:]) == 0
    assert capsys.readouterr().out.strip()


def test_bill_example_against_the_hand_calculation(capsys):
    # examples/api.json at 2,048 MB: 800 ms CPU (one thread) + 120 ms I/O = 920 ms warm.
    # 4 M requests x 0.92 s x 2 GB = 7,360,000 GB-s, plus 1 % cold x 250 ms INIT x 2 GB =
    # 20,000 GB-s, at $0.0000166667; 4 M requests at $0.20 per million.
    line = next(c for c in command_lines() if c.startswith("lambdasim bill"))
    argv = shlex.split(line)[1:] + ["--format", "json"]
    argv[argv.index("examples/api.json")] = str(REPO / "examples" / "api.json")
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["compute_usd"] == pytest.approx(7_360_000 * 0.0000166667, rel=1e-9)
    assert out["init_usd"] == pytest.approx(20_000 * 0.0000166667, rel=1e-9)
    assert out["total_usd"] == pytest.approx(7_380_000 * 0.0000166667 + 0.80, rel=1e-9)


def test_links_stay_inside_the_repository():
    links = re.findall(r"\]\(([^)]+)\)", README)
    assert links
    for link in links:
        assert "://" not in link, link
        assert (REPO / link.split("#")[0]).exists(), link


def test_layout_matches_the_tree():
    layout = README.split("## Layout", 1)[1].split("```")[1]
    listed = {
        name.strip().rstrip("/")
        for line in layout.splitlines()
        if line and not line.startswith(" ")
        for name in line.split("  ")[0].split(",")
    }
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    top = {path.split("/")[0] for path in tracked if "/" in path}
    assert listed == top, listed ^ top


@pytest.mark.parametrize(
    "page", sorted((REPO / "docs").glob("*.md")), ids=lambda p: p.name
)
def test_doc_links_resolve_from_their_page(page):
    """A relative link in docs/X.md resolves from docs/ (``../models/...``): three
    pointed at docs/models/, which does not exist."""
    for link in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
        if "://" in link or link.startswith("#"):
            continue
        assert (page.parent / link.split("#")[0]).exists(), link


def test_doc_examples_on_the_example_profile_exit_0(tmp_path, monkeypatch, capsys):
    """Commands in docs/ that use examples/api.json run from the repository root
    (docs/simulation.md's trace example asked 128 MB of a profile needing 180 MB)."""
    for name in ("examples", "data"):
        (tmp_path / name).symlink_to(REPO / name)
    monkeypatch.chdir(tmp_path)
    lines = []
    for page in sorted((REPO / "docs").glob("*.md")):
        text = page.read_text().replace("\\\n", " ")
        lines += [
            line
            for line in text.splitlines()
            if line.startswith("lambdasim ") and " examples/api.json " in line
        ]
    assert len(lines) >= 2
    for line in lines:
        assert main(shlex.split(line)[1:]) == 0, line
        assert capsys.readouterr().out.strip()


def test_module_map_matches_the_tree():
    """docs/vocabulary.md's module map: one row per public header, and every file it
    names (sources, bind files, doctest files) exists; every bind_*.cpp and test_*.cpp
    of the tree is in it."""
    text = (REPO / "docs" / "vocabulary.md").read_text()
    table = text.split("## Module map", 1)[1].split("\n\n")[2]
    rows = [r.split("|")[1:-1] for r in table.splitlines()[2:]]
    headers = [re.findall(r"`([\w/]+\.hpp)`", r[0])[0] for r in rows]
    public = sorted(p.name for p in (REPO / "libsim/include/lambdasim").glob("*.hpp"))
    assert (
        sorted(headers)
        == sorted(set(headers))
        == [h for h in public if h != "version.hpp"]
    )
    named = {name for r in rows for name in re.findall(r"`(\w+\.cpp)`", "|".join(r))}
    where = {
        "bind_": REPO / "bindings/src",
        "test_": REPO / "tests/cpp",
    }
    for name in named:
        folder = next((d for p, d in where.items() if name.startswith(p)), None)
        folder = folder or REPO / "libsim/src"
        assert (folder / name).is_file(), name
    for folder, prefix in ((where["bind_"], "bind_"), (where["test_"], "test_")):
        tree = {p.name for p in folder.glob(f"{prefix}*.cpp")}
        assert tree - {"bind_pickle.cpp"} <= named, tree - named
