"""The one-pass and capped forms of the look-backs give what the plain scans they replaced gave.

Each of these was a scan over an unbounded stretch of the text, repeated for each number, heading or list
(quadratic time on an adversarial page); the plain scan is kept here as the reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import Context, Span, find_noise, parse
from gongwen.extractors import resolve_overlaps
from gongwen.headings import Inline, inline_policy
from gongwen.levels import _SECTION_REACH, _SERIES_REACH, LevelState
from gongwen.metrics import _PERIOD, _Periods
from gongwen.model import Metric
from gongwen.noise import _link_lines
from gongwen.outline import Candidate
from gongwen.textview import fold
from strategies import numeral_text, report_text

_PERIOD_PIECES = ["年", "2024年", "2024年度", "去年", "比上年", "较去年", "今年", "投入", "12万元", "5%", "增长", "。",
                  ";", "\n", ",", "全市", "20xx年", "同年", "3", "人"]  # fmt: skip
period_text = st.lists(st.sampled_from(_PERIOD_PIECES), max_size=40).map("".join)


def _period(text: str, folded: str, lo: int, start: int) -> str | None:
    """The look-back per number that took quadratic time on a long sentence full of 年."""
    sentence_start = max(folded.rfind("。", lo, start), folded.rfind(";", lo, start), folded.rfind("\n", lo, start))
    if folded.rfind("年", sentence_start + 1, start) < 0:
        return None
    found = list(_PERIOD.finditer(folded, max(lo, sentence_start + 1), start))
    return text[found[-1].start() : found[-1].end()] if found else None


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(period_text, report_text))
def test_the_period_of_each_metric_is_the_last_in_its_sentence(text: str) -> None:
    # the reader's period words, before the panel's annotation resolves them (it may prefer 2024年 to 20xx年)
    report = parse(text)
    folded = fold(text)
    for document in report.documents:
        periods = _Periods(text, folded, document.span.start, document.span.end)
        for metric in report.metrics:
            if metric.document == document.index:
                expected = _period(text, folded, document.span.start, metric.span.start)
                assert periods.before(metric.span.start) == expected


@settings(max_examples=200, deadline=None)
@given(text=report_text, data=st.data())
def test_the_line_break_before_an_offset(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    context = Context.of(text, Span(start, end))
    for offset in range(start, end + 1):
        assert context.newline_before(offset) == context.folded.rfind("\n", start, offset)


# --- the link list under 您可能关注的文档 -----------------------------------------------------------------

_LINK_LINE = regex.compile(r"^[ \t]*-[ \t]+\S.*$", regex.MULTILINE)


def _links_by_search(folded: str, end: int) -> Iterator[tuple[int, int]]:
    """The search for the next link line anywhere below, once per list."""
    for link in _LINK_LINE.finditer(folded, end + 1):
        if folded[end : link.start()].strip():
            return
        yield link.span()
        end = link.end()


link_text = st.lists(
    st.sampled_from(["\n", " ", "\t", "- 链接", "-", "正文", "  - 一篇", "\n\n", "\u3000"]), max_size=20
)


@settings(max_examples=300, deadline=None)
@given(pieces=link_text)
def test_link_lines_are_those_a_search_finds(pieces: list[str]) -> None:
    folded = fold("您可能关注的文档" + "".join(pieces))
    end = len("您可能关注的文档")
    assert [m.span() for m in _link_lines(folded, end)] == list(_links_by_search(folded, end))


def test_many_link_lists_without_links() -> None:
    noise = find_noise("您可能关注的文档\n正文\n" * 3 + "您可能关注的文档\n- 一篇\n\n- 两篇\n正文")
    assert [n.text for n in noise if n.kind == "related"] == ["您可能关注的文档"] * 4 + ["- 一篇", "- 两篇"]


# --- overlapping metrics of several extractors --------------------------------------------------------


def _resolve_by_list(metrics: Sequence[tuple[int, Metric]]) -> list[Metric]:
    """Longest first, then rank, then text order, each checked against every span kept."""
    ranked = sorted(metrics, key=lambda item: (-(len(item[1].span)), item[0], item[1].span.start))
    kept: list[Metric] = []
    for _, metric in ranked:
        start, end = metric.span.start, metric.span.end
        if any(k.span.start < end and start < k.span.end for k in kept):
            continue
        kept.append(metric)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end))


spans = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 40), st.integers(0, 6)), min_size=1, max_size=25)


@settings(max_examples=300, deadline=None)
@given(items=spans)
def test_overlaps_resolve_as_a_check_against_every_kept_span(items: list[tuple[int, int, int]]) -> None:
    metrics = [
        (rank, Metric(span=Span(start, start + width), text="x" * width, value=1, unit="", kind="count"))
        for rank, start, width in items
    ]
    assert resolve_overlaps(metrics) == _resolve_by_list(metrics)


# --- an inline series that opens at 1 ------------------------------------------------------------------


def _accepts_by_scan(self: LevelState, cand: Candidate, candidates: Sequence[Candidate], index: int) -> bool:
    """:meth:`LevelState.accepts` as it was: a scan of the candidates after each inline 1 for its 2."""
    previous_seen = self.last_seen.get(cand.style)
    self.last_seen[cand.style] = cand
    depth = self._on_path(cand.style)
    if cand.bare:
        sibling = None if depth is None else self.path[depth]
        return sibling is not None and sibling.number is not None and cand.number == sibling.number + 1
    if not cand.inline:
        return True
    rule_inline = inline_policy(cand.style)
    if depth is not None:
        sibling = self.path[depth]
        continues = previous_seen is not None and previous_seen.marker.start == sibling.span.start
        if continues and sibling.number is not None and cand.number == sibling.number + 1:
            return True
    if rule_inline is Inline.SERIES or cand.number != 1:
        return False
    if depth is not None and depth >= len(self.path) - 1:
        return False
    reach = _SECTION_REACH.get(cand.style, _SERIES_REACH)
    for later in candidates[index + 1 :]:
        if later.marker.start - cand.marker.start > reach:
            break
        if later.style == cand.style and later.number == 2:
            return True
    return False


_SERIES_PIECES = ["。1、加强", "。2、完善", "。(一)做法", "。(二)成效", "一、基本情况\n", "二、问题\n", "正文", "\n",
                  "。(1)甲", "。(2)乙", "x" * 700]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.sampled_from(_SERIES_PIECES), max_size=30))
def test_an_inline_series_is_found_as_a_scan_finds_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast = parse(text, extractors=[])
    original = LevelState.accepts
    try:
        LevelState.accepts = _accepts_by_scan  # type: ignore[method-assign]
        slow = parse(text, extractors=[])
    finally:
        LevelState.accepts = original  # type: ignore[method-assign]
    assert fast.headings == slow.headings


def test_the_period_index_of_a_document_in_the_middle() -> None:
    text = "2023年总结\n篇一\n一、情况\n2024年全市投入12万元。\n篇二\n一、情况\n去年投入3万元;今年5万元。"
    report = parse(text)
    expected = [("12万元", "2024年"), ("3万元", "去年"), ("5万元", "今年")]
    assert [(m.text, m.period_text) for m in report.metrics] == expected


def test_an_empty_span_inside_a_kept_one_is_dropped() -> None:
    def metric(start: int, end: int) -> Metric:
        return Metric(span=Span(start, end), text="x" * (end - start), value=1, unit="", kind="count")

    kept = resolve_overlaps([(0, metric(0, 5)), (1, metric(3, 3)), (1, metric(5, 5)), (1, metric(0, 0))])
    assert [(m.span.start, m.span.end) for m in kept] == [(0, 0), (0, 5), (5, 5)]


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(numeral_text, report_text))
def test_the_possessive_numeral_patterns_match_as_the_greedy_ones(text: str) -> None:
    from gongwen import metrics, numerals

    folded = fold(text)
    greedy = metrics._CANDIDATE.pattern.replace("]+)*+", "]+)*")
    assert greedy != metrics._CANDIDATE.pattern
    assert [m.span() for m in re.finditer(greedy, folded)] == [m.span() for m in metrics._CANDIDATE.finditer(folded)]
    greedy_numeral = regex.compile(numerals._NUMERAL.pattern.replace("]+)*+", "]+)*"))
    assert [m.span() for m in greedy_numeral.finditer(folded)] == [m.span() for m in numerals._NUMERAL.finditer(folded)]
