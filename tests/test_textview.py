"""The normalised view: same length as the text, half-width, simplified."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import parse
from gongwen.textview import _SIMPLIFIED, _TRADITIONAL, fold, to_simplified


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("５５．５７万元", "55.57万元"),
        ("（一）加强领导：", "(一)加强领导:"),
        ("全年糧食總產量", "全年粮食总产量"),
        ("漁業產值增長", "渔业产值增长"),
        ("鋼鐵、煤炭行業化解過剩產能", "钢铁、煤炭行业化解过剩产能"),
        ("醫療衛生機構", "医疗卫生机构"),
        ("連續三年", "连续三年"),
        ("教師晉升高一級職稱", "教师晋升高一级职称"),
        ("萬億元", "万亿元"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_to_simplified_maps_only_characters() -> None:
    assert to_simplified("全年糧食總產量(GDP)") == "全年粮食总产量(GDP)"


def test_the_traditional_table_is_one_to_one_and_final() -> None:
    assert len(_TRADITIONAL) == len(_SIMPLIFIED)
    assert len(set(_TRADITIONAL)) == len(_TRADITIONAL), "a traditional character listed twice"
    assert not set(_TRADITIONAL) & set(_SIMPLIFIED), "a simplified form that is itself mapped again"
    assert all(t != s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fold_keeps_the_length_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


def test_a_traditional_bulletin_reads_like_a_simplified_one() -> None:
    traditional = "一、綜合\n全年糧食總產量1.39萬億斤,比上年增長1.3%。漁業產值增長3.2%。"
    simplified = "一、综合\n全年粮食总产量1.39万亿斤,比上年增长1.3%。渔业产值增长3.2%。"
    read = [(m.value, m.unit, m.subject and fold(m.subject)) for m in parse(traditional).metrics]
    assert read == [(m.value, m.unit, m.subject) for m in parse(simplified).metrics]
    assert [m.subject for m in parse(traditional).metrics] == ["糧食總產量", "糧食總產量", "漁業產值"]
