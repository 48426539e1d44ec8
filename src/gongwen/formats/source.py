"""What a file holds once read: :class:`Source`, the text gongwen parses plus what the format knows.

A :class:`Source` is the text extracted from a ``.txt``, ``.html``, ``.pdf`` or ``.docx`` file (the text
that :func:`gongwen.parse_source` parses, and that every offset of its Report indexes), the format it
came from, the metadata the format states (title, date, source, author), for a PDF the offset where
each page starts, and for a Word document the heading styles and outline levels of its paragraphs.
"""

from __future__ import annotations

import bisect
import importlib
from enum import StrEnum
from types import ModuleType
from typing import Any

import attrs

from gongwen.errors import MissingExtraError
from gongwen.model import Span

__all__ = ["HeadingHint", "Source", "SourceFormat", "import_extra"]


class SourceFormat(StrEnum):
    """The file formats gongwen reads."""

    TXT = "txt"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


def _ints(items: Any) -> tuple[int, ...]:
    return tuple(int(i) for i in items)


def _hints(items: Any) -> tuple[HeadingHint, ...]:
    return tuple(items)


@attrs.frozen
class HeadingHint:
    """A paragraph the format marks as a title or heading: a Word ``Title``/``Heading 2``/``标题 2`` style
    or an outline level. ``level`` 0 is the document title, 1 the top heading level; ``span`` indexes
    :attr:`Source.text` (the paragraph's text)."""

    span: Span
    level: int
    style: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.span.start, "end": self.span.end, "level": self.level, "style": self.style}


@attrs.frozen(repr=False)
class Source:
    """The text of one file, as gongwen parses it, and what its format says about it.

    ``text`` is the extraction: for HTML the main text (navigation, toolbars and footers removed), for PDF
    the pages' text with running headers, footers and page numbers dropped and broken lines joined, for
    DOCX the paragraphs (and table rows) one per line. ``page_starts`` (PDF only) holds the offset in
    ``text`` where each page begins (``page_starts[0] == 0``); ``heading_hints`` (DOCX only) the
    paragraphs styled as title or headings.
    """

    text: str
    format: SourceFormat = attrs.field(converter=SourceFormat)
    path: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    encoding: str | None = None
    page_starts: tuple[int, ...] = attrs.field(converter=_ints, default=())
    heading_hints: tuple[HeadingHint, ...] = attrs.field(converter=_hints, default=())

    def __repr__(self) -> str:
        pages = f", {len(self.page_starts)} pages" if self.page_starts else ""
        return f"<Source {self.format}: {self.path or '-'}, {len(self.text)} characters{pages}>"

    @property
    def pages(self) -> int:
        """The number of pages (0 when the format has none)."""
        return len(self.page_starts)

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) that holds ``offset`` of :attr:`text`, or ``None`` when the format has no pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def metadata(self) -> dict[str, Any]:
        """The format, path, metadata and page count, JSON-ready (no text)."""
        return {
            "format": str(self.format),
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "author": self.author,
            "encoding": self.encoding,
            "pages": self.pages or None,
        }


# The extra that provides each optional module, for the message of a missing one.
_EXTRAS = {"trafilatura": "html", "pdfplumber": "pdf", "docx": "docx"}
_PACKAGES = {"trafilatura": "trafilatura", "pdfplumber": "pdfplumber", "docx": "python-docx"}


def import_extra(module: str, what: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming the ``pip install`` to run."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        extra = _EXTRAS.get(module, "all")
        raise MissingExtraError(
            f"reading {what} needs {_PACKAGES.get(module, module)}, which is not installed: "
            f"pip install 'gongwen[{extra}]' (or 'gongwen[all]' for every format)"
        ) from exc
