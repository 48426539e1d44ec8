"""Line ends and invisible characters.

Every line end Python knows (``\\r`` alone as old Mac exports write it, ``\\r\\n``, U+2028, U+2029, U+0085,
VT, FF, the file/group/record separators) reads as ``\\n``: a text parses exactly like its ``\\n`` twin,
with offsets still into the original. Zero-width and control characters are invisible: they never stay in
a heading title, and a number they split is read whole (the span covering them) or not at all, never as
another number.
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gongwen import find_numbers, parse
from gongwen.model import Report
from gongwen.textview import INVISIBLE, LINE_SEPARATORS, fold, visible
from strategies import report_text

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
SEEDS = Path("/work/shared/corpus/seeds")


def _texts() -> list[Any]:
    bundled = resources.files("gongwen") / "data"
    params = [pytest.param((bundled / name).read_text("utf-8"), id=name[:-4]) for name in ("sample_report.txt",)]
    if SEEDS.is_dir():
        params += [pytest.param(p.read_text("utf-8"), id=p.name[:3]) for p in sorted(SEEDS.glob("*.txt"))]
    return params


def _as_newlines(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\r\n", "\n").translate({ord(c): "\n" for c in LINE_SEPARATORS})
    if isinstance(value, dict):
        return {key: _as_newlines(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_newlines(item) for item in value]
    return value


def same_length_view(report: Report) -> Any:
    """Everything the report says, with every line end written ``\\n`` (the twin texts differ only there)."""
    sections = [(s.title, s.level, s.path, s.span, s.body_span, s.body) for s in report.walk()]
    return _as_newlines({"report": report.to_dict(), "sections": [list(map(str, s)) for s in sections]})


def content_view(report: Report) -> Any:
    """What the report says without offsets (``\\r\\n`` makes the text longer than its ``\\n`` twin)."""
    data = report.to_dict()
    for table in ("documents", "noise", "headings", "metrics"):
        for row in data[table]:
            for key in ("start", "end"):
                row.pop(key, None)
    data.pop("outline")
    data["sections"] = [[s.title, s.level, list(s.path), s.body] for s in report.walk()]
    return _as_newlines(data)


def twin(text: str, separator: str) -> str:
    return text.replace("\n", separator)


@pytest.mark.parametrize("separator", LINE_SEPARATORS, ids=[f"U+{ord(c):04X}" for c in LINE_SEPARATORS])
@pytest.mark.parametrize("text", _texts())
def test_a_report_with_other_line_ends_parses_like_its_newline_twin(text: str, separator: str) -> None:
    other = twin(text, separator)
    report = parse(other)
    assert same_length_view(report) == same_length_view(parse(text))
    for heading in report.headings:
        assert heading.title_span is not None and visible(heading.title_span.of(other)) == heading.title
    for metric in report.metrics:
        assert other[metric.span.start : metric.span.end] == metric.text


@pytest.mark.parametrize("text", _texts())
def test_a_crlf_report_parses_like_its_newline_twin(text: str) -> None:
    other = twin(text, "\r\n")
    report = parse(other)
    assert content_view(report) == content_view(parse(text))
    for metric in report.metrics:
        assert other[metric.span.start : metric.span.end] == metric.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=report_text, separator=st.sampled_from(LINE_SEPARATORS))
def test_any_report_like_text_parses_like_its_newline_twin(text: str, separator: str) -> None:
    text = "".join(c for c in text if c not in LINE_SEPARATORS)  # the twin has \n and nothing else
    assert same_length_view(parse(twin(text, separator))) == same_length_view(parse(text))


# A PDF line break inside a number or unit (12.\n3%, 8316万\n元) is read across a \n, not across \r\n:
# files are read with \r\n made \n (gongwen.read_text), so only a str built by hand has \r\n there.
_BROKEN_NUMBER = regex.compile(r"[0-9.万亿点]\n|\n[0-9元]")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=report_text)
def test_any_report_like_text_with_crlf_parses_like_its_newline_twin(text: str) -> None:
    text = "".join(c for c in text if c not in LINE_SEPARATORS)
    assume(not _BROKEN_NUMBER.search(text))
    assert content_view(parse(twin(text, "\r\n"))) == content_view(parse(text))


def test_old_mac_line_ends_keep_the_headings() -> None:
    text = "一、基本情况\r全年投入12万元。\r二、存在问题\r经费不足。"
    report = parse(text)
    assert [(h.title, h.line, h.level) for h in report.headings] == [("基本情况", 0, 1), ("存在问题", 2, 1)]
    assert [m.text for m in report.metrics] == ["12万元"]


def test_u2028_between_lines_keeps_the_headings() -> None:
    text = "一、基本情况\u2028全年投入12万元。\u2028二、存在问题\u2028经费不足。"
    assert [h.title for h in parse(text).headings] == ["基本情况", "存在问题"]


def test_fold_maps_line_ends_and_invisible_characters() -> None:
    assert fold("a\r\nb\rc\u2028d\x85e\x0bf\x0cg") == "a\r\nb\nc\nd\ne\nf\ng"  # \r\n stays one line end
    assert fold("5\u200b5\x00万\ufeff") == "5 5 万 "
    assert all(fold(c) == " " for c in INVISIBLE)


# --- invisible characters in titles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("一、存在问题\x00\n经费不足。", "存在问题"),
        ("一、存在\x00问题\n经费不足。", "存在问题"),
        ("一、\x00存在问题\x07\n经费不足。", "存在问题"),
        ("一、存在\u200b问题\n经费不足。", "存在问题"),
        ("一、存在问题\u200b\u200b\n经费不足。", "存在问题"),
        ("\ufeff一、存在问题\n经费不足。", "存在问题"),
        ("一、存在问题\x1b[0m\n经费不足。", "存在问题[0m"),
    ],
)
def test_no_control_or_zero_width_character_stays_in_a_title(text: str, title: str) -> None:
    headings = parse(text).headings
    assert [h.title for h in headings] == [title]
    assert headings[0].title_span is not None
    assert visible(headings[0].title_span.of(text)) == title


@settings(max_examples=150, deadline=None)
@given(text=report_text, invisible=st.lists(st.sampled_from(sorted(INVISIBLE)), min_size=1, max_size=3))
def test_titles_never_hold_invisible_characters(text: str, invisible: list[str]) -> None:
    sprinkled = "".join(c + invisible[i % len(invisible)] if i % 3 == 0 else c for i, c in enumerate(text))
    report = parse(sprinkled)
    for heading in report.headings:
        assert not INVISIBLE & set(heading.title)
    for document in report.documents:
        assert document.title is None or not INVISIBLE & set(document.title)


# --- invisible characters in numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("投入5\u200b5.57万元。", []),  # split: not read at all (never 5.57万元)
        ("投入55\u200b.57万元。", []),
        ("投入55.\u200b57万元。", []),
        ("投入5.5\u200b7万元。", []),
        ("投入五十\u200b五万元。", []),
        ("共有12\u200b3\u200b4人。", []),
        ("投入55.57\u200b万元。", [("55.57\u200b万元", Decimal("555700"))]),  # read whole
        ("学校12\u200b所。", [("12\u200b所", Decimal("12"))]),
        ("增长5\u200b%。", [("5\u200b%", Decimal("5"))]),
        ("投入\u200b5万元。", [("5万元", Decimal("50000"))]),  # beside a word: nothing split
        ("投入5万元\u200b。", [("5万元", Decimal("50000"))]),
        ("第\u200b5名", []),  # still an ordinal
    ],
)
def test_a_number_split_by_an_invisible_character(text: str, expected: list[tuple[str, Decimal]]) -> None:
    assert [(m.text, m.value) for m in parse(text).metrics] == expected


_NUMBERS = st.sampled_from(["55.57", "1234", "1,234", "12", "3.5", "0.5", "五十五", "一百二十", "两", "2024"])
_UNITS = st.sampled_from(["万元", "元", "人", "%", "所", "个", "亿元", ""])
_WORDS = st.sampled_from(["全年投入", "共有", "增长", "其中", "", "比上年", "达到"])
_INVISIBLE = st.sampled_from([*ZERO_WIDTH, "\x00", "\u200e", "\x07"])


@settings(max_examples=300, deadline=None)
@given(
    before=_WORDS,
    number=_NUMBERS,
    unit=_UNITS,
    after=st.sampled_from(["。", ",", "", "和", "以上", "5"]),
    invisible=st.lists(_INVISIBLE, min_size=1, max_size=10),
    place=st.integers(0, 10),
    elsewhere=st.integers(-1, 30),
)
def test_an_invisible_character_never_makes_another_number(
    before: str, number: str, unit: str, after: str, invisible: list[str], place: int, elsewhere: int
) -> None:
    written = number + unit
    cut = place % (len(written) + 1)
    text = before + written[:cut] + "".join(invisible) + written[cut:] + after
    if elsewhere >= 0:  # one more, anywhere
        at = elsewhere % (len(text) + 1)
        text = text[:at] + invisible[0] + text[at:]
    plain = visible(text)
    expected = {(m.value, m.low, m.high, m.unit) for m in parse(plain).metrics}
    for metric in parse(text).metrics:
        assert (metric.value, metric.low, metric.high, metric.unit) in expected, (text, metric.text)
        assert text[metric.span.start : metric.span.end] == metric.text
    numbers = {m.value for m in find_numbers(plain)}
    for mention in find_numbers(text):
        assert mention.value in numbers, (text, mention.text)
