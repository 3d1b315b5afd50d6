# SPDX-License-Identifier: MIT
"""docs/choosing.md: the worked example's table agrees with ls.recommend, and its hand
formulas agree with the table."""

from __future__ import annotations

import math
import re

import lambdasim as ls
import pytest

ROW = r"^\| (cost|speed|balanced|knee) \| (\d+) MB \| ([\d,]+) ms \| \$([\d.]+) \|$"


def _rows(text):
    rows = re.findall(ROW, text, flags=re.MULTILINE)
    assert len(rows) == 4
    return {s: (int(m), float(w.replace(",", "")), float(c)) for s, m, w, c in rows}


@pytest.fixture(scope="module")
def tables(repo):
    """The hand-checked table (smooth CPU share) and the default (CFS) model's table."""
    text = (repo / "docs" / "choosing.md").read_text()
    hand, default = text.split("| default model |", 1)
    return _rows(hand), _rows(default)


@pytest.fixture(scope="module")
def table(tables):
    return tables[0]


@pytest.fixture(scope="module")
def default_table(tables):
    return tables[1]


def _check(r, row):
    memory, warm, per_million = row
    assert r.memory_mb == memory
    assert round(r.warm_ms) == warm
    assert round(r.cost_usd * 1e6, 2) == per_million


PROFILE = {
    "name": "api-handler",
    "cpu_ms": 800,
    "io_ms": 120,
    "init_ms": 250,
    "peak_memory_mb": 180,
}


@pytest.mark.parametrize("strategy", ["cost", "speed", "balanced", "knee"])
def test_doc_tables_match_the_library(table, default_table, strategy):
    p = ls.Profile(**PROFILE)
    smooth = ls.Platform.aws_lambda()
    smooth.throttling = "smooth"
    _check(ls.recommend(p, smooth, strategy=strategy, arch="x86_64"), table[strategy])
    _check(ls.recommend(p, strategy=strategy, arch="x86_64"), default_table[strategy])


def test_doc_hand_formulas(table):
    price, request = 0.0000166667, 0.2e-6  # us-east-1 x86_64, the doc's figures

    def cost(m, billed_ms):
        return billed_ms / 1000 * m / 1024 * price + request

    m, warm, usd = table["cost"]
    assert m == math.ceil(180 * 1.2)
    assert warm == math.ceil(800 * 1769 / m + 120)
    assert round(cost(m, warm) * 1e6, 2) == usd
    m, warm, usd = table["speed"]
    assert (m, warm) == (1769, 920)
    assert round(cost(m, warm) * 1e6, 2) == usd
    # the knee's continuous approximation is within 2 % of the exact grid optimum
    m_knee = table["knee"][0]
    approx = math.sqrt(1415200 * (1769 - 216) / (1415200 / 216 - 800))
    assert abs(approx / m_knee - 1) < 0.02
