"""Words shared across a list of numbers: the qualifier before the first item and the one after the last
cover every item, and the unit after the last covers the bare numbers before it. Sentences written the
way 政府工作报告 list paired targets and results."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from gongwen import Qualifier
from test_metrics import metrics_of


class Listed(NamedTuple):
    sentence: str
    expected: list[tuple[str, str, str, Qualifier]]  # text, value, unit, qualifier


EXACT, APPROX, MORE, LEAST = Qualifier.EXACT, Qualifier.APPROX, Qualifier.MORE_THAN, Qualifier.AT_LEAST
PP = "个百分点"

LISTS = [
    Listed("城乡居民医保参保率分别超97.5%和99%。", [("超97.5%", "97.5", "%", MORE), ("99%", "99", "%", MORE)]),
    Listed("城乡学校宽带覆盖率超过95%、88%。", [("超过95%", "95", "%", MORE), ("88%", "88", "%", MORE)]),
    Listed("城乡居民收入分别增长4%、6%左右。", [("4%", "4", "%", APPROX), ("6%左右", "6", "%", APPROX)]),
    Listed(
        "主要指标分别增长4%、5%和6%以上。",
        [("4%", "4", "%", LEAST), ("5%", "5", "%", LEAST), ("6%以上", "6", "%", LEAST)],
    ),
    Listed("相关比重分别提高12、18个百分点。", [("12", "12", PP, EXACT), ("18个百分点", "18", PP, EXACT)]),
    Listed("东西园区分别新增就业3、5万人。", [("3", "30000", "人", EXACT), ("5万人", "50000", "人", EXACT)]),
    Listed("两县分别投入1.2和0.8亿元。", [("1.2", "120000000", "元", EXACT), ("0.8亿元", "80000000", "元", EXACT)]),
    # a qualifier of one item stays its own where the list ends in another unit, or the items are not joined
    Listed("新增绿地约120公顷、步道35公里。", [("约120公顷", "120", "公顷", APPROX), ("35公里", "35", "公里", EXACT)]),
    Listed("增长5%左右,完成投资8%。", [("5%左右", "5", "%", APPROX), ("8%", "8", "%", EXACT)]),
    Listed("投资增长超过10%,消费增长6%。", [("超过10%", "10", "%", MORE), ("6%", "6", "%", EXACT)]),
]


@pytest.mark.parametrize("ex", LISTS, ids=lambda ex: ex.sentence[:14])
def test_shared_words(ex: Listed) -> None:
    got = [(m.text, str(m.value), m.unit, m.qualifier) for m in metrics_of(ex.sentence)]
    assert got == ex.expected


@pytest.mark.parametrize("sentence", ["2019、2020年连续获评先进。", "一、二、三产业协调发展。"])
def test_lists_of_names_hold_no_metric(sentence: str) -> None:
    assert metrics_of(sentence) == ()
