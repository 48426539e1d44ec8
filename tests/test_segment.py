"""gongwen's word segmenter gives exactly what jieba's part-of-speech tokenizer gives (without its HMM)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from importlib import resources
from math import log
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import segment
from gongwen.errors import MissingDictionaryError
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


# Pieces of report clauses: subjects, verbs, units and glue, in the shapes reports use (written for this test).
_CLAUSE_PIECES = [
    *("全县", "我市", "全镇", "全区", "本年度", "上半年", "全年", "年末", "截至", "其中", "共有", "累计"),
    *("地区生产总值", "一般公共预算收入", "财政支出", "城镇居民", "人均可支配收入", "常住人口", "户籍"),
    *("粮食总产量", "规模以上工业", "增加值", "固定资产投资", "社会消费品零售总额", "进出口总额", "外贸"),
    *("新建", "改造", "完成", "实现", "达到", "增长", "下降", "同比", "比上年", "提高", "新增", "累计发放"),
    *("学校", "学生", "教师", "医疗", "卫生", "机构", "床位", "公里", "道路", "农村", "公路", "项目", "资金"),
    *("万元", "亿元", "万人", "个", "所", "家", "户", "吨", "平方米", "百分点", "%", "元", "人次", "亩"),
    *segment._TAG_FIXES,
    *segment._NOUN_SUFFIXES,
    *("GDP", "PM2.5", "5G", "A级", "3A", "12345", "2023", "0.5", "一", "二", "十", "百", "千", "万", "亿"),
    *("的", "和", "及", "与", "、", "，", "（", "）", " ", "\t", "　", "“", "”", "：", "《", "》", "-", "/"),
]


@st.composite
def _report_clauses(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_CLAUSE_PIECES + list(segment.indicator_words())), max_size=12))
    return "".join(pieces)


@settings(max_examples=500, deadline=None)
@given(_report_clauses())
def test_same_as_jieba_on_report_like_clauses(clause: str) -> None:
    assert segment.pos_cut(clause) == _reference(clause)


def test_the_table_is_jiebas_dictionary() -> None:
    """Every word, prefix, log probability and tag of the one table is what jieba's three tables hold."""
    tagger = _jieba()
    tagger.makesure_userdict_loaded()
    base = tagger.tokenizer
    table = segment._load()
    assert table.log_total == log(base.total)
    for word, frequency in base.FREQ.items():
        weight = log(frequency) - table.log_total if frequency else None
        tag = segment._TAG_FIXES.get(word, tagger.word_tag_tab.get(word, "x"))
        assert table.words[word] == (weight, tag), word
    extra = set(table.words) - set(base.FREQ)
    assert extra <= set(segment._TAG_FIXES)  # a corrected tag of a word jieba only has as a single character
    assert all(table.words[word][0] is None for word in extra)


def test_jieba_code_is_not_run() -> None:
    """The dictionary is read from jieba's package data; ``import jieba`` (and its HMM tables) never happens."""
    code = "import sys, gongwen.segment as s; s.pos_cut('全县总人口'); print('jieba' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_missing_or_broken_dictionary_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(MissingDictionaryError, match="pip install --force-reinstall jieba"):
        segment._read(["全县 3 n", "全县3n"])
    monkeypatch.setattr(segment.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MissingDictionaryError, match="pip install jieba"):
        segment._dictionary_file()


def test_a_small_dictionary() -> None:
    """jieba's rules on a dictionary of three lines: a later line of a word wins, every line counts in the
    total, prefixes are known but never cut as words, a tie goes to the longer word."""
    table = segment._read(["全县 5 n", "全县 10 ns", "总人口 20 n", "", "人 10 n"])
    total = 5 + 10 + 20 + 10 + len(segment.indicator_words()) * segment._INDICATOR_FREQUENCY
    assert table.log_total == log(total)
    assert table.words["全县"] == (log(10) - log(total), "ns")
    assert table.words["全"] == (None, "x")
    assert table.words["总人"] == (None, "x")
    assert table.cut("全县总人口") == [("全县", "ns"), ("总人口", "n")]
    assert table.cut("县人") == [("县", "x"), ("人", "n")]


def test_loaded_once_by_threads_that_ask_at_the_same_time(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    read = segment._read

    def counted(lines: Iterable[str]) -> segment._Dictionary:
        reads.append(1)
        return read(lines)

    monkeypatch.setattr(segment, "_dictionary", None)
    monkeypatch.setattr(segment, "_read", counted)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(segment.pos_cut, ["全县总人口"] * 16))
    assert reads == [1]
    assert set(results) == {(("全县", "n"), ("总人口", "n"))}
