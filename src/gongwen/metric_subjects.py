"""The subject step of the metric reader: what a number measures, with what the metric before tells.

:func:`gongwen.subjects.find_subject` finds the shortest phrase before a number that names what it
measures. :class:`SubjectReader` adds what the metrics before it in the same sentence say: after 分别 the
number pairs with a metric listed before (接待游客4500万人次,实现旅游收入520亿元,分别增长15%和18%); a share
(占13.33%) or a bare later item (在职教师分别为483人、371人) measures the previous subject; a new item of a
list after ; names its own topic; a subject named once before two numbers (辖20个村委会42个村民小组) gives
way to the words after the second.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gongwen.context import Context
from gongwen.metric_numbers import CANDIDATE
from gongwen.model import Metric, Span
from gongwen.subjects import find_subject, soft_break, subject_after, topic_before

__all__ = ["SubjectReader"]

_RESPECTIVELY_REACH = 40  # how far a 分别 list reaches on either side of one of its numbers
_CLAUSE_MARKS = frozenset(",;。:!?")
# A share right after 占 (吉水县24件(占13.33%)) or a ratio to something (经费支出…与国内生产总值之比为2.64%)
# measures the metric before it; 占总支出的20% names its own subject, 占总支出.
_SHARE = regex.compile(r"(?:各占|占|占总量的|占全部的|之比为?|之比是)$")


class SubjectReader:
    """The subjects of the metrics of one document (a :class:`~gongwen.context.Context`)."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.text = context.text
        self.folded = context.folded

    def subject(self, start: int, end: int, kind: str, last_end: int, recent: Sequence[Metric]) -> Span | None:
        """The subject of the number at ``start:end``; ``last_end`` is where the metric before ends and
        ``recent`` the last few metrics, the previous one last."""
        folded, context = self.folded, self.context
        previous = recent[-1] if recent else None
        subject_span = find_subject(context, start, end, kind, floor=last_end)
        if previous is None or not self.same_sentence(previous.span.end, start):
            return subject_span or topic_before(context, start, floor=last_end)  # 居民收入,提升至5万元
        if subject_span is None:
            subject_span = self._respectively(start, recent)
        named_previous = subject_span is not None and subject_span == previous.subject_span
        if named_previous and subject_span is not None and subject_span.start >= previous.span.end:
            return subject_after(folded, end, context.span.end) or subject_span  # 辖20个村委会42个村民小组
        if subject_span is None and ";" in folded[previous.span.end : start]:
            # 地区生产总值5600亿元;财政收入迈过千亿大关,达1330亿元: a new item of the list names its own topic
            topic = topic_before(context, start, floor=last_end)
            if topic is not None:
                return topic
        if subject_span is None or _SHARE.search(folded, max(0, start - 6), start):
            return previous.subject_span  # 在职教师分别为483人、371人; 吉水县24件(占13.33%)
        return subject_span

    def _respectively(self, start: int, recent: Sequence[Metric]) -> Span | None:
        """After 分别, the subject of the metric this number pairs with: in 接待游客4500万人次,实现旅游收入
        520亿元,分别增长15%和18%, 15% measures 游客 and 18% 旅游收入."""
        folded = self.folded
        lo = max(self.context.span.start, start - _RESPECTIVELY_REACH)
        hi = min(self.context.span.end, start + _RESPECTIVELY_REACH)
        if folded.find("分别", lo, start) < 0:
            return None
        clause_start = start
        while clause_start > lo and not self._ends_clause(clause_start - 1):
            clause_start -= 1
        position = folded.find("分别", clause_start, start)
        if position < 0 or position - clause_start > 1:
            return None  # no 分别, or the clause names its own subject before it (达标率分别达到100%、99.5%)
        clause_end = start
        while clause_end < hi and not self._ends_clause(clause_end):
            clause_end += 1
        listed = sum(1 for _ in CANDIDATE.finditer(folded, position, clause_end))
        before = [m for m in recent if m.span.end <= position and self.same_sentence(m.span.end, start)]
        after = sum(1 for m in recent if m.span.start > position)  # this number's place in the list
        if listed < 2 or len(before) < listed or after >= listed:
            return None
        return before[after - listed].subject_span

    def text_of(self, span: Span) -> str:
        """The subject's text; where it runs across lines, without the line breaks and the page furniture
        between them (一般公共预\n算支出 → 一般公共预算支出)."""
        text = self.text[span.start : span.end]
        if "\n" not in self.folded[span.start : span.end]:  # any line end: \r, U+2028 …
            return text
        skipped = self.context.skipped
        return "".join(
            char for i, char in enumerate(text, span.start) if not char.isspace() and not skipped(i, i + 1)
        )

    def _ends_clause(self, offset: int) -> bool:
        """Whether the character at ``offset`` ends a clause: , ; 。 and the like, or a line break that is not
        a PDF one."""
        char = self.folded[offset]
        return char in _CLAUSE_MARKS or (char == "\n" and not soft_break(self.context, offset))

    def same_sentence(self, start: int, end: int) -> bool:
        """Whether no sentence ends between ``start`` and ``end`` (a PDF line break does not end one)."""
        between = self.folded[start:end]
        if "。" in between or "!" in between or "?" in between:
            return False
        newline = between.find("\n")
        while newline >= 0:
            if not soft_break(self.context, start + newline):
                return False
            newline = between.find("\n", newline + 1)
        return True
