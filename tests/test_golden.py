"""The golden identity check: ``parse(text).to_dict()`` on constructed pages, byte for byte.

Each ``tests/data/golden/NAME.txt`` (a page written for this test: ranges, comparisons, listed words,
ordinals, sessions, phases, kinds of unit, periods, money tables) has its expected JSON in
``tests/data/golden/NAME.json``. Any change to what a parse gives, however small, fails here: a change
of structure or speed must leave it green. When a change of behaviour is meant, regenerate the files and
review their diff::

    GONGWEN_UPDATE_GOLDEN=1 python -m pytest -q tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import gongwen

GOLDEN = Path(__file__).parent / "data" / "golden"
PAGES = sorted(GOLDEN.glob("*.txt"))
UPDATE = os.environ.get("GONGWEN_UPDATE_GOLDEN") == "1"


def render(text: str) -> str:
    """The JSON the golden files hold: the report's dictionary, keys sorted, one field a line."""
    return json.dumps(gongwen.parse(text).to_dict(), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def test_there_are_golden_pages() -> None:
    assert len(PAGES) >= 4
    assert all(page.with_suffix(".json").is_file() for page in PAGES) or UPDATE


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_parse_is_byte_identical_to_the_golden_json(page: Path) -> None:
    got = render(page.read_text(encoding="utf-8"))
    expected = page.with_suffix(".json")
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_golden_pages_hold_metrics_of_every_step(page: Path) -> None:
    """The pages exercise the reader: each has metrics, and together they hold every step's output."""
    assert gongwen.parse(page.read_text(encoding="utf-8")).metrics


def test_golden_pages_cover_the_steps() -> None:
    metrics = [m for page in PAGES for m in gongwen.parse(page.read_text(encoding="utf-8")).metrics]
    assert any(m.low is not None for m in metrics)  # a range
    assert any(m.direction is not None and m.basis for m in metrics)  # a change with its basis
    assert any(m.qualifier != "exact" for m in metrics)  # a qualifier
    assert any(m.period_text for m in metrics)  # a period
    assert any(m.subject for m in metrics)  # a subject
    assert {m.kind for m in metrics} >= {"money", "percent", "count", "area", "ratio"}
