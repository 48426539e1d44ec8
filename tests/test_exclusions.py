"""The exclusion rules as a table: each built-in rule is tried only on the units it can drop.

``exclusions._SCOPE`` says which units each rule can drop (期 for ``project_phase``, a score for
``clock_time`` …); the reader skips a rule on a reading of any other unit. These tests check that the
skip changes nothing: every rule, tried on every reading, drops no reading its scope leaves out.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings

from gongwen import Context, exclusions, metrics
from gongwen.exclusions import EXCLUSIONS, Exclusion, rules_for
from gongwen.metric_numbers import Reading
from gongwen.model import MetricKind
from gongwen.units import DEFAULT_UNITS, Unit
from strategies import report_text

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "seeds"


def _texts() -> list[str]:
    data = resources.files("gongwen").joinpath("data")
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    bundled = [data.joinpath(name).read_text("utf-8") for name in ("sample_report.txt", "sample_collection.txt")]
    return [*bundled, *(path.read_text(encoding="utf-8") for path in seeds)]


def _readings(text: str) -> Iterator[tuple[str, Reading, Context]]:
    """Every reading with a unit the reader makes of ``text``, before any rule is applied."""
    context = Context.of(text)
    reader = metrics._Reader(context, DEFAULT_UNITS, [], EXCLUSIONS, "metrics")
    position = context.span.start
    while (match := metrics.CANDIDATE.search(context.folded, position, context.span.end)) is not None:
        reading = reader.numbers.read(match)
        position = match.end() if reading is None else reading.end
        if reading is not None and reading.unit is not None:
            yield context.folded, reading, context


def _skipped(unit: Unit) -> list[Exclusion]:
    applied = rules_for(EXCLUSIONS, unit)
    return [rule for rule in EXCLUSIONS if rule not in applied]


def _check(text: str) -> int:
    checked = 0
    for folded, reading, context in _readings(text):
        assert reading.unit is not None
        for rule in _skipped(reading.unit):
            assert not rule(folded, reading, context), (rule.__name__, folded[reading.start : reading.end])
            checked += 1
    return checked


def test_a_skipped_rule_never_drops_a_reading_of_a_real_report() -> None:
    assert sum(_check(text) for text in _texts()) > 1000


@settings(max_examples=150, deadline=None)
@given(text=report_text)
def test_a_skipped_rule_never_drops_a_reading_of_any_text(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("unit", "tried", "skipped"),
    [
        (Unit("期", "期", MetricKind.COUNT), "project_phase", "session_of_a_body"),
        (Unit("次", "次", MetricKind.COUNT), "session_of_a_body", "project_phase"),
        (Unit("年", "年", MetricKind.DURATION), "year_not_duration", "rank"),
        (Unit("分", "分", MetricKind.SCORE), "clock_time", "frequency"),
        (Unit("万元", "元", MetricKind.MONEY), "listed_ordinal", "unit_starts_a_word"),
    ],
)
def test_rules_for_a_unit(unit: Unit, tried: str, skipped: str) -> None:
    names = [rule.__name__ for rule in rules_for(EXCLUSIONS, unit)]
    assert tried in names
    assert skipped not in names
    assert names == [rule.__name__ for rule in EXCLUSIONS if rule.__name__ in names]  # in the table's order


def test_a_rule_of_ones_own_is_tried_on_every_unit() -> None:
    def mine(folded: str, reading: Reading, context: Context) -> bool:
        return False

    for unit in DEFAULT_UNITS:
        assert rules_for((*EXCLUSIONS, mine), unit)[-1] is mine
    assert set(exclusions._SCOPE) <= set(EXCLUSIONS)


# A day of the month named alone is a date; with a word that makes it a span, a number of days.
DAYS = [
    ("新华社受权于12日全文播发政府工作报告。", []),
    ("会议于23日上午开幕。", []),
    ("截至15日,全市累计接种疫苗2万人。", ["2万人"]),
    ("5月20日起施行。", []),
    ("活动为期5日,共接待游客3万人次。", ["5日", "3万人次"]),
    ("连续3日降雨。", ["3日"]),
    ("展会历时3日。", ["3日"]),
    ("30日内办结。", ["30日内"]),
    ("平均每件用时8日。", ["8日"]),
    ("办理时限为5日。", ["5日"]),
    ("会期3日。", ["3日"]),
    ("共计45日。", ["45日"]),
    ("全年空气质量优良天数达到320天。", ["320天"]),
]


@pytest.mark.parametrize(("sentence", "expected"), DAYS)
def test_a_day_of_the_month_is_a_date_not_days(sentence: str, expected: list[str]) -> None:
    from gongwen import parse

    assert [m.text for m in parse(sentence).metrics] == expected
