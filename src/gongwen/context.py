"""What an extractor reads: the text, its normalised view, the document's span and what to skip."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from gongwen.model import Section, Span
from gongwen.page import PageView
from gongwen.spanindex import SpanIndex
from gongwen.textview import fold

__all__ = ["Context"]

_NEWLINE = re.compile("\n")


def _sorted_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(spans, key=_start_end))  # a key: attrs' generated ordering builds tuples per comparison


def _start_end(span: Span) -> tuple[int, int]:
    return span.start, span.end


@attrs.frozen
class Context:
    """One document to extract from.

    ``text`` is the whole original text and ``folded`` its same-length normalised view (half-width,
    simplified), so a match found in ``folded`` is a span of ``text``. ``span`` is the part to read (a
    document). ``skip`` are spans where nothing may be extracted (page noise, heading markers).
    """

    text: str
    folded: str
    span: Span
    skip: tuple[Span, ...] = attrs.field(default=(), converter=_sorted_spans)
    document: int = 0
    #: The document's section tree, if known: :meth:`section_at` finds where an offset lies.
    root: Section | None = None
    #: The text's page view, if the parse made one: its line starts answer :meth:`newline_before`.
    page: PageView | None = attrs.field(default=None, kw_only=True, repr=False, eq=False)
    _index: SpanIndex = attrs.field(init=False, repr=False, eq=False)
    _newlines: list[int] | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", SpanIndex(self.skip))

    @classmethod
    def of(cls, text: str, span: Span | None = None, skip: Sequence[Span] = (), document: int = 0) -> Context:
        """A context over ``text`` (or the ``span`` of it)."""
        return cls(text, fold(text), Span(0, len(text)) if span is None else span, tuple(skip), document)

    def section_at(self, offset: int) -> Section | None:
        """The innermost section that holds ``offset`` (the document's root if no heading's section does),
        or ``None`` if the context has no section tree."""
        return None if self.root is None else self.root.at(offset)

    def skipped(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span to skip."""
        return self._index.overlaps(start, end)

    def newline_before(self, offset: int) -> int:
        """The offset of the last line break of the span before ``offset``, or -1 if there is none (as
        ``folded.rfind("\\n", span.start, offset)``, but the span's line breaks are found once, so that
        asking for each of many numbers costs a binary search, not a scan back over a long line)."""
        if self.page is not None:  # the line starts of the whole text: one past each line break
            starts = self.page.line_starts
            line = bisect.bisect_right(starts, min(offset, self.span.end)) - 1
            newline = starts[line] - 1 if line > 0 else -1
            return newline if newline >= self.span.start else -1
        newlines = self._newlines
        if newlines is None:
            newlines = [m.start() for m in _NEWLINE.finditer(self.folded, self.span.start, self.span.end)]
            object.__setattr__(self, "_newlines", newlines)
        before = bisect.bisect_left(newlines, offset)
        return newlines[before - 1] if before else -1
