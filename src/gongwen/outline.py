"""Documents and the heading hierarchy of every report in a text.

The pipeline, each step a pure function of the text:

1. :func:`find_candidates` (:mod:`gongwen.candidates`) tries every heading rule at each line start and
   after each 。;!? inside a line;
2. :func:`split_documents` (:mod:`gongwen.documents`) cuts the text into reports, at title lines (篇一,
   报告二), at attachments and end notes (附件1, 名词解释, 注释: :mod:`gongwen.attachments`) and where the
   top-level numbering restarts with a new preamble (not after a table of contents, not inside a new
   第二部分);
3. :func:`build_outline` keeps the real headings (inline markers must continue a series; lines above the
   title and stray first markers are furniture), gives each a level and a parent (GUIDELINES §3, in
   :mod:`gongwen.levels`), and builds the section tree.

:func:`parse_outline` runs all three. :class:`Candidate`, :func:`find_candidates` and :func:`split_documents`
are re-exported here.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from gongwen.candidates import Candidate, find_candidates
from gongwen.documents import split_documents
from gongwen.errors import InputTypeError
from gongwen.levels import LevelState, without_strays
from gongwen.model import Document, Heading, Section, Span
from gongwen.page import PageView, page_view
from gongwen.textview import fold, visible

__all__ = ["Candidate", "Outline", "build_outline", "find_candidates", "parse_outline", "split_documents"]


@attrs.frozen
class Outline:
    """The documents, headings and section trees of one text."""

    documents: tuple[Document, ...]
    headings: tuple[Heading, ...]


# Above the report's own title, this many heading-like lines are page furniture; more, and the title line
# is more likely a line of the report than the top of it.
_ABOVE_TITLE = 8


def _below_title(cands: list[Candidate], title: Span | None) -> list[Candidate]:
    """The candidates without the heading-like lines above the document's title (page furniture, never the
    root of its outline)."""
    if title is None:
        return cands
    first = bisect.bisect_left(cands, title.start, key=lambda c: c.marker.start)
    return cands[first:] if 0 < first <= _ABOVE_TITLE else cands


def build_outline(
    text: str,
    documents: Sequence[Document],
    candidates: Sequence[Candidate],
    *,
    page: PageView | None = None,
) -> Outline:
    """Keep the real headings among the candidates, give each a level and parent, and build section trees."""
    folded = fold(text) if page is None else page.folded
    headings: list[Heading] = []
    by_document: list[list[Heading]] = []
    ordered = sorted(candidates, key=lambda c: c.marker.start)
    position = 0
    for document in documents:
        chosen: list[Heading] = []
        state = LevelState(folded)
        doc_cands = []
        title = document.title_span
        while position < len(ordered) and ordered[position].marker.start < document.span.end:
            cand = ordered[position]
            position += 1
            if cand.marker.start >= document.span.start and not (
                title is not None and title.start <= cand.marker.start < title.end
            ):
                doc_cands.append(cand)
        doc_cands = without_strays(folded, document.span.start, _below_title(doc_cands, title))
        for index, cand in enumerate(doc_cands):
            if not state.accepts(cand, doc_cands, index):
                continue
            level, parent = state.place(cand)
            heading = Heading(
                index=len(headings),
                span=cand.span,
                line=cand.line,
                style=cand.style,
                marker=cand.marker.of(text),
                number=cand.number,
                level=level,
                title=visible(cand.title.of(text)),
                inline=cand.inline,
                document=document.index,
                parent=None if parent is None else parent.index,
                title_span=cand.title,
            )
            state.push(heading)
            headings.append(heading)
            chosen.append(heading)
        by_document.append(chosen)
    documents = [
        attrs.evolve(document, root=_tree(text, document, chosen))
        for document, chosen in zip(documents, by_document, strict=True)
    ]
    return Outline(tuple(documents), tuple(headings))


def _tree(text: str, document: Document, headings: Sequence[Heading]) -> Section:
    """The section tree of one document: a root without heading, then one node per heading."""
    doc_start, doc_end = document.span.start, document.span.end

    def build(index: int, path: tuple[str, ...]) -> tuple[Section, int]:
        heading = headings[index]
        own_path = (*path, heading.title)
        children = []
        cursor = index + 1
        while cursor < len(headings) and headings[cursor].level > heading.level:
            child, cursor = build(cursor, own_path)
            children.append(child)
        end = headings[cursor].span.start if cursor < len(headings) else doc_end
        body_end = headings[index + 1].span.start if index + 1 < len(headings) else doc_end
        body_end = min(body_end, end)
        body = Span(heading.span.end, max(heading.span.end, body_end))
        return Section(heading, Span(heading.span.start, end), body, body.of(text).strip(), children, own_path), cursor

    roots = []
    cursor = 0
    while cursor < len(headings):
        section, cursor = build(cursor, ())
        roots.append(section)
    preamble_end = headings[0].span.start if headings else doc_end
    preamble = Span(doc_start, preamble_end)
    return Section(None, Span(doc_start, doc_end), preamble, preamble.of(text).strip(), roots, ())


def parse_outline(text_or_document: str | Document, text: str | None = None) -> Outline:
    """The documents and headings of a text (or of one :class:`Document` of ``text``)."""
    if isinstance(text_or_document, Document):
        if text is None:
            raise InputTypeError("pass the text the document belongs to: parse_outline(document, text)")
        page = page_view(text)
        span = text_or_document.span
        inside = [c for c in find_candidates(page.text, page=page) if span.start <= c.marker.start < span.end]
        return build_outline(page.text, [attrs.evolve(text_or_document, index=0)], inside, page=page)
    page = page_view(text_or_document)
    candidates = find_candidates(page.text, page=page)
    documents = split_documents(page.text, candidates=candidates, page=page)
    return build_outline(page.text, documents, candidates, page=page)
