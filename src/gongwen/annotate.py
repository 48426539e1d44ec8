"""What each metric means in its report: the indicator it states, its period and its status.

:func:`annotate` runs after the extractors, per document (``gongwen.parse`` calls it): it reads the
document's region and frame (:mod:`gongwen.regions`, :mod:`gongwen.periods`) once, then each metric's
clause (:mod:`gongwen.indicators`) and sentence, and returns the metrics with ``indicator``, ``status``,
``period`` and ``period_text`` filled in.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from gongwen.indicators import (
    ClauseHead,
    IndicatorMatch,
    Measure,
    carries,
    carry,
    indicator_of,
    indicator_of_head,
    match_head,
    may_state_one,
    opening_phrase,
    read_head,
)
from gongwen.model import Document, Metric
from gongwen.periods import Frame, Resolver, frame_of, last_break, sentence_start
from gongwen.regions import region_of

__all__ = ["annotate", "document_frame"]

_HEAD = 600  # the first characters of a document, where its dateline and preamble are
_CLAUSE_REACH = 40
_CLAUSE_MARKS = regex.compile(r"[,;:。!?\n]")
_CLAUSE_BACK = regex.compile(r"[,;:。!?\n]", regex.REVERSE)
_LIST_SPLIT = regex.compile(r"[、和与及]")
_LIST_GLUE = "、和与及,以及 "
_AVERAGE_WORDS = ("年均", "平均每年", "年平均")
_FROM = regex.compile(r"(?:从|由)\s*$")


def document_frame(text: str, folded: str, document: Document) -> tuple[str | None, Frame]:
    """The region and the frame of a document."""
    end = min(document.span.end, document.span.start + _HEAD)
    head = text[document.span.start : end]
    title = document.title
    folded_head = folded[document.span.start : end]
    return region_of(title, head, folded_head=folded_head), frame_of(title, folded_head)


@attrs.define
class _State:
    """What the metrics before the current one in its sentence said."""

    sentence: int = -1
    matches: list[IndicatorMatch] = attrs.Factory(list)
    last: IndicatorMatch | None = None  # the indicator of the sentence's last figure that could state one
    pending: list[IndicatorMatch | str] = attrs.Factory(list)  # the rest of a 分别 list


def _clause_start(folded: str, lo: int, start: int) -> int:
    return last_break(folded, _CLAUSE_BACK, max(lo, start - _CLAUSE_REACH), start)


def _numbers_after(metrics: Sequence[Metric], index: int, folded: str) -> int:
    """How many metrics follow ``metrics[index]`` in its clause (the rest of a 分别 list)."""
    count = 0
    end = metrics[index].span.end
    for metric in metrics[index + 1 :]:
        between = folded[end : metric.span.start]
        if len(between) > 4 or _CLAUSE_MARKS.search(between.replace("\n", "")):
            break
        count += 1
        end = metric.span.end
    return count


def _indicator(
    metrics: Sequence[Metric],
    index: int,
    head: ClauseHead,
    folded: str,
    clause_start: int,
    region: str | None,
    state: _State,
) -> IndicatorMatch | None:
    metric = metrics[index]
    glue = head.text.strip(_LIST_GLUE)
    if state.pending and not glue:
        item = state.pending.pop(0)
        if isinstance(item, IndicatorMatch):
            return indicator_of(metric, "", region=region, previous=item)
        return _item(item, metric, head, region)
    state.pending = []
    if head.respectively:
        items = [part for part in _LIST_SPLIT.split(head.text) if part]
        if len(items) == 1 and "城乡" in items[0]:  # 城乡居民人均可支配收入分别增长4.5%、6.3%
            items = [items[0].replace("城乡", "城镇", 1), items[0].replace("城乡", "农村", 1)]
        if len(items) > 1:
            items = _share_phrase(items, metric, head, region)
            state.pending = list(items[1:])
            return _item(items[0], metric, head, region)
        if not glue:  # 城镇居民…9803元,农民…3419元,分别增长11.6%和10.3%
            count = _numbers_after(metrics, index, folded) + 1
            listed = state.matches[-count:] if len(state.matches) >= count else []
            if listed:
                state.pending = list(listed[1:])
                return indicator_of(metric, "", region=region, previous=listed[0])
            return None
    found = indicator_of_head(head, metric, region=region, previous=state.last)
    if found is None and state.last is None and carries(head):
        # 地区生产总值跨越3个千亿元台阶,|达到|1.5万亿元: the clause before names what this one reaches
        before = folded[max(state.sentence, clause_start - _CLAUSE_REACH) : clause_start]
        clauses = _CLAUSE_MARKS.split(before)
        phrase = opening_phrase(clauses[-2] if len(clauses) > 1 and not clauses[-1] else clauses[-1], region)
        if phrase is not None:
            found = carry(phrase, metric, head)
    return found


def _share_phrase(items: list[str], metric: Metric, head: ClauseHead, region: str | None) -> list[str]:
    """城镇居民、农村居民人均可支配收入: the last item's phrase completes the items before it."""
    last = match_head(attrs.evolve(head, text=items[-1]), metric, region)
    if not isinstance(last, IndicatorMatch):
        return items
    phrase = last.phrase
    out = []
    for item in items[:-1]:
        if _item(item, metric, head, region) is not None:
            out.append(item)
            continue
        overlap = next((k for k in range(min(len(item), len(phrase)), 0, -1) if phrase.startswith(item[-k:])), 0)
        out.append(item + phrase[overlap:])
    return [*out, items[-1]]


def _item(text: str, metric: Metric, head: ClauseHead, region: str | None) -> IndicatorMatch | None:
    found = match_head(attrs.evolve(head, text=text), metric, region)
    return found if isinstance(found, IndicatorMatch) else None


def annotate(
    text: str, folded: str, document: Document, metrics: Sequence[Metric], *, region: str | None, frame: Frame
) -> list[Metric]:
    """``metrics`` (one document's, in text order) with indicator, status and resolved period."""
    lo = document.span.start
    state = _State()
    resolver = Resolver(folded, lo, frame)
    out = []
    for index, metric in enumerate(metrics):
        start = metric.span.start
        sentence = sentence_start(folded, lo, start)
        if sentence != state.sentence:
            state = _State(sentence)
        clause_start = _clause_start(folded, lo, start)
        if index and metrics[index - 1].span.end > clause_start:
            clause_start = metrics[index - 1].span.end
        clause = folded[clause_start:start]
        found = None
        average = any(word in clause for word in _AVERAGE_WORDS)
        if may_state_one(metric):  # 3个千亿元台阶 between a phrase and its figure does not break the carry
            head = read_head(clause)
            found = _indicator(metrics, index, head, folded, clause_start, region, state)
            state.last = found
            if found is not None:
                state.matches.append(found)
        level = found.indicator.measure is Measure.LEVEL if found is not None else metric.direction is None
        resolution = resolver(
            start,
            titles=tuple(reversed(metric.section)),
            level=level,
            average=average,
            base=bool(_FROM.search(clause)),
            sentence=sentence,
        )
        indicator = None if found is None else found.indicator.id
        period = None if resolution.period is None else str(resolution.period)
        period_text = resolution.period_text or metric.period_text
        if indicator is None and resolution.status is None and period is None and period_text == metric.period_text:
            out.append(metric)  # nothing to add: most figures of a report that is not a plan or a review
            continue
        out.append(
            attrs.evolve(
                metric, indicator=indicator, status=resolution.status, period=period, period_text=period_text
            )
        )
    return out
