"""The shortcuts that make a parse fast give exactly what the plain way gives.

Each test compares a fast path with the straightforward code it replaced (kept here as the reference):
the span index with a scan of every span, the follow test before reading a number with no test at all,
the quotation-mark index with a regular-expression search, the one-character numeral table with the
general reader, and the placement of metrics by the extractor with placement afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import Context, Span, parse
from gongwen import metrics as metrics_module
from gongwen.metrics import MetricExtractor
from gongwen.model import Metric
from gongwen.numerals import _ONE_CHARACTER, DIGITS, SMALL_UNITS, to_number
from gongwen.spanindex import SpanIndex
from gongwen.textview import fold
from strategies import report_text

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans=spans, start=st.integers(0, 80), width=st.integers(0, 10))
def test_span_index_agrees_with_a_scan(spans: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    expected = any(s < end and start < e for s, e in spans)
    assert SpanIndex(spans).overlaps(start, end) is expected
    assert SpanIndex(Span(s, e) for s, e in spans).overlaps(start, end) is expected


def test_span_index_with_nested_and_empty_spans() -> None:
    index = SpanIndex([(0, 100), (10, 12), (50, 50)])
    assert index.overlaps(60, 61)  # inside the long first span, after the short ones
    assert not index.overlaps(100, 120)
    assert len(index) == 3
    assert not SpanIndex([]).overlaps(0, 10)


def _sample() -> str:
    data = resources.files("gongwen").joinpath("data")
    return data.joinpath("sample_report.txt").read_text("utf-8") + data.joinpath("sample_collection.txt").read_text(
        "utf-8"
    )


def _without_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every number (no follow test) and look for quotes with plain searches."""
    everything = regex.compile("")
    original = metrics_module._UnitPatterns.of

    def permissive(table: tuple[metrics_module.Unit, ...]) -> metrics_module._UnitPatterns:
        return attrs.evolve(original(table), may_follow=everything)

    def quotes_by_search(self: metrics_module._Reader, reading: metrics_module.Reading) -> bool:
        folded, context = self.folded, self.context
        lo, hi = max(context.span.start, reading.start - 12), min(context.span.end, reading.end + 12)
        openings = list(metrics_module._QUOTE_OPEN_RE.finditer(folded, lo, reading.start))
        if not openings or metrics_module._QUOTE_CLOSE_RE.search(folded, openings[-1].end(), reading.start):
            return False
        closing = metrics_module._QUOTE_CLOSE_RE.search(folded, reading.end, hi)
        return closing is not None and not metrics_module._QUOTE_OPEN_RE.search(folded, reading.end, closing.start())

    monkeypatch.setattr(metrics_module._UnitPatterns, "of", permissive)
    monkeypatch.setattr(metrics_module._Reader, "_inside_quotes", quotes_by_search)
    metrics_module._compiled_tables.clear()


def _metrics(text: str) -> list[Metric]:
    return list(MetricExtractor()(Context.of(text)))


@pytest.fixture
def plain_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    metrics_module._compiled_tables.clear()


SEEDS = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "seeds"


def _reports() -> list[str]:
    """The bundled reports, and the seeds of the shared corpus where it is present."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return [_sample(), *(path.read_text(encoding="utf-8") for path in seeds)]


def test_shortcuts_change_nothing_on_real_reports(monkeypatch: pytest.MonkeyPatch, plain_reader: None) -> None:
    texts = _reports()
    fast = [parse(text).metrics for text in texts]
    assert len(fast[0]) > 100
    _without_shortcuts(monkeypatch)
    assert [parse(text).metrics for text in texts] == fast


@settings(max_examples=150, deadline=None)
@given(text=report_text)
def test_shortcuts_change_nothing_on_any_text(text: str) -> None:
    fast = _metrics(text)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _without_shortcuts(monkeypatch)
        plain = _metrics(text)
    metrics_module._compiled_tables.clear()
    assert plain == fast


@pytest.mark.parametrize("character", [*DIGITS, *SMALL_UNITS, *"0123456789"])
def test_one_character_numerals_are_read_as_the_reader_reads_them(character: str) -> None:
    table = dict(_ONE_CHARACTER)
    _ONE_CHARACTER.clear()
    try:
        try:
            expected: Decimal | None = to_number(character)
        except ValueError:
            expected = None
    finally:
        _ONE_CHARACTER.update(table)
    assert _ONE_CHARACTER.get(character) == expected
    if expected is not None:
        assert to_number(character) == expected


@pytest.mark.parametrize(
    ("surface", "value"),
    [("55.57万", "555700"), ("1.73亿", "173000000"), ("3万亿", "3000000000000"), ("0.5万", "5000")],
)
def test_scaled_numbers_read_directly(surface: str, value: str) -> None:
    assert metrics_module._number(surface) == Decimal(value) == to_number(surface)


def test_the_extractor_places_its_metrics_where_parse_would() -> None:
    report = parse(_sample())
    for metric in report.metrics:
        document = report.documents[metric.document]
        assert document.root is not None
        section = document.root.at(metric.span.start)
        assert metric.section == section.path
        assert metric.heading == (None if section.heading is None else section.heading.index)
        assert section.span.start <= metric.span.start < section.span.end


def test_section_at_and_context_section_at() -> None:
    text = "总结\n一、教学工作\n共有教师30人。\n(一)课堂\n开课12节。\n二、后勤\n投入5万元。"
    report = parse(text)
    root = report.documents[0].root
    assert root is not None
    offset = text.index("12节")
    assert root.at(offset).path == ("教学工作", "课堂")
    assert root.at(text.index("5万元")).path == ("后勤",)
    assert root.at(0).path == ()
    context = Context(text, fold(text), Span(0, len(text)), root=root)
    assert context.section_at(offset) == root.at(offset)
    assert Context.of(text).section_at(offset) is None
