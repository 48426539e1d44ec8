"""gongwen's word segmenter gives exactly what jieba's part-of-speech tokenizer gives (without its HMM)."""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import segment
from gongwen.textview import fold, to_simplified


@cache
def _jieba() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.initialize()
    for word in segment.indicator_words():
        base.add_word(word, freq=100_000, tag="n")
    return jieba.posseg.POSTokenizer(base)


def _flag(word: str, flag: str) -> str:
    """jieba's tag with gongwen's corrections: 率 alone is a noun, 收入 is a noun-verb, 晋升 a verb."""
    if word in segment._NOUN_SUFFIXES:
        return "n"
    return segment._TAG_FIXES.get(word, flag)


def _reference(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, _flag(pair.word, pair.flag)) for pair in _jieba().cut(text, HMM=False))


def _sample_text() -> str:
    data = resources.files("gongwen").joinpath("data")
    raw = data.joinpath("sample_report.txt").read_text("utf-8") + data.joinpath("sample_collection.txt").read_text(
        "utf-8"
    )
    return to_simplified(fold(raw))


@pytest.mark.parametrize(
    ("clause", "words"),
    [
        ("全镇总人口", (("全镇", "n"), ("总人口", "n"))),
        (
            "我镇教育方面的投入总计",
            (("我", "r"), ("镇", "n"), ("教育", "vn"), ("方面", "n"), ("的", "uj"), ("投入", "vn"), ("总计", "n")),
        ),
        ("初中毕业率", (("初中", "n"), ("毕业", "n"), ("率", "n"))),  # 率 alone is a noun here; 初中 a school
        ("门票收入同比", (("门票", "n"), ("收入", "vn"), ("同比", "j"))),  # jieba tags 收入 "v"
        ("惠及学生", (("惠及", "v"), ("学生", "n"))),  # jieba tags 惠及 "ns", a place
        (
            "城乡居民基本养老保险参保人数",
            (("城乡居民", "n"), ("基本养老保险参保人数", "n")),  # an indicator name of the catalogue
        ),
        ("GDP达到", (("GDP", "eng"), ("达到", "v"))),
        ("共 计", (("共", "d"), (" ", "x"), ("计", "n"))),
    ],
)
def test_real_clauses(clause: str, words: tuple[tuple[str, str], ...]) -> None:
    assert segment.pos_cut(clause) == words
    assert _reference(clause) == words


def test_every_clause_of_the_bundled_reports() -> None:
    text = _sample_text()
    clauses = [c for c in text.replace("。", ",").replace("\n", ",").split(",") if c]
    assert len(clauses) > 500
    for clause in clauses:
        assert segment.pos_cut(clause) == _reference(clause), clause


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_same_as_jieba_on_any_window_or_string(data: st.DataObject) -> None:
    text = _sample_text()
    start = data.draw(st.integers(0, len(text) - 1))
    window = text[start : start + data.draw(st.integers(1, 40))]
    assert segment.pos_cut(window) == _reference(window)
    odd = data.draw(st.text(max_size=20))
    assert segment.pos_cut(odd) == _reference(odd)
