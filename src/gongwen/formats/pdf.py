"""PDF files: the text page by page with pdfplumber, page furniture dropped and layout line breaks undone.

Kept: every line of text on every page, in reading order (top to bottom), and the page each character
came from (:attr:`Source.page_starts`). Dropped: running headers and footers (a line at the top or the
bottom of a page that recurs, digits aside, on at least half of the pages, unless set in larger type than
the body, as the title on the first page is) and page numbers (``- 3 -``,
``第3页 共10页``, ``3/10``, a bare ``3`` at the foot of a page). Joined: a line that runs to the right margin
continues on the next line (also across a page break) unless the next line is indented (a new paragraph)
or the line ends a sentence and the next one starts with a heading marker, so that 55.57万元 broken as
``55.`` / ``57万元`` reads as one number again, and headings, which end short of the margin, stay on lines
of their own.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from gongwen.errors import UnsupportedFormatError
from gongwen.formats.evidence import clean_title
from gongwen.formats.source import Source, SourceFormat, import_extra

__all__ = ["read_pdf"]


@attrs.frozen
class Line:
    """One line of a page as laid out: its text, left and right edges, the size of its characters and the
    middle of its page (``None`` when unknown)."""

    text: str
    x0: float
    x1: float
    size: float
    middle: float | None = None


# A page number alone on a line: 3 · - 3 - · — 3 — · 第3页 · 第3页 共10页 · 3/10 · Page 3 of 10.
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[,,/]?\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–_·•]*$"
    r"|^\s*[Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$"
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# A line that ends a sentence (or a clause that a heading may follow)
_SENTENCE_END = re.compile(r"[。!?;:!?;:…」』”]\s*$")
# The start of a heading line: 一、 (一) (一) 1、 1. 1. (1) ① 第一部分 第一、 (not 一是, which runs on
# inside paragraphs far more often than it starts a line)
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、,,.．]|[((]\s*[一二三四五六七八九十\d]{1,3}\s*[))]|\d{1,2}\s*[、.．](?!\d)"
    r"|[①-⑳]|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|、|,))"
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# How many lines at the top and at the bottom of a page may be furniture.
_EDGE_LINES = 2
_TITLE_SIZE = 1.15  # type this much larger than the body's is a title's, not a running header's
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_FILE_NAME = re.compile(r"\.(?:docx?|wps|pdf|xlsx?|txt)\s*$|^Microsoft Word\s*-", re.IGNORECASE)


def _page_lines(page: Any) -> list[Line]:
    lines = []
    middle = float(page.width) / 2
    for found in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        text = found.get("text", "")
        if not text.strip():
            continue
        sizes = [c.get("size", 0.0) for c in found.get("chars", ()) if not str(c.get("text", " ")).isspace()]
        size = statistics.median(sizes) if sizes else 10.0
        lines.append(Line(text.strip(), float(found["x0"]), float(found["x1"]), float(size), middle))
    return lines


def _key(line: Line) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", line.text))


def _drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without running headers, footers and page numbers."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for lines in pages:
        tops.update({_key(line) for line in lines[:_EDGE_LINES]})
        bottoms.update({_key(line) for line in lines[-_EDGE_LINES:]})
    needed = max(2, (len(pages) + 1) // 2)
    sizes = [line.size for lines in pages for line in lines]
    # a line in larger type than the body is a title, even where a running header repeats its words
    largest = (statistics.median(sizes) if sizes else 0.0) * _TITLE_SIZE
    kept = []
    for lines in pages:
        head = len(lines[:_EDGE_LINES])
        tail = max(head, len(lines) - _EDGE_LINES)
        out = []
        for index, line in enumerate(lines):
            at_top, at_bottom = index < head, index >= tail
            if (at_top or at_bottom) and _PAGE_NUMBER.match(line.text):
                continue
            repeated = (at_top and tops[_key(line)] >= needed) or (at_bottom and bottoms[_key(line)] >= needed)
            if repeated and line.size <= largest:
                continue
            out.append(line)
        kept.append(out)
    return kept


@attrs.frozen
class Layout:
    """Where the body's lines start and end: the left margin, the right margin full lines reach, the font
    size, and for text broken every N characters (not at the margin) that N."""

    left: float
    right: float
    size: float
    full_length: int | None = None

    def full(self, line: Line) -> bool:
        """Whether the line runs to the margin (or to the fixed length), so that the text goes on below.

        A centred line (a title: set in from the left margin, its middle on the page's middle) is never
        full, however long it is.
        """
        if (
            line.middle is not None
            and line.x0 > self.left + 1.2 * self.size
            and abs((line.x0 + line.x1) / 2 - line.middle) < 0.4 * self.size
        ):
            return False
        if line.x1 >= self.right - 1.5 * max(self.size, line.size):
            return True
        return self.full_length is not None and len(line.text) >= self.full_length


def _layout(pages: Sequence[Sequence[Line]]) -> Layout:
    lines = [line for lines in pages for line in lines]
    if not lines:
        return Layout(0.0, 0.0, 10.0)
    size = statistics.median(line.size for line in lines) or 10.0
    left = float(Counter(round(line.x0) for line in lines).most_common(1)[0][0])
    rights = sorted(line.x1 for line in lines)
    right = rights[min(len(rights) - 1, int(len(rights) * 0.95))]
    # Text broken every N characters: many lines of exactly the longest common length, ending at
    # widely different places (digits and Latin letters are narrower than Chinese characters).
    lengths = Counter(len(line.text) for line in lines if len(line.text) >= 8)
    full_length = None
    if lengths:
        length, count = lengths.most_common(1)[0]
        ends = [line.x1 for line in lines if len(line.text) == length]
        longer = sum(c for n, c in lengths.items() if n > length)
        if count >= max(3, len(lines) // 5) and longer <= count // 10 and max(ends) - min(ends) > 2 * size:
            full_length = length
    return Layout(left, right, size, full_length)


def _joins(prev: Line, nxt: Line, layout: Layout) -> bool:
    """Whether ``nxt`` continues ``prev`` (a line the layout broke), by where the lines end and start."""
    if not layout.full(prev):
        return False  # ends short of the margin: a paragraph's or a heading's last line
    if nxt.x0 > layout.left + 1.2 * layout.size:
        return False  # indented: a new paragraph
    return not (_SENTENCE_END.search(prev.text) and _HEADING_START.match(nxt.text))


def _glue(prev: str, nxt: str) -> str:
    """What goes between two joined lines: a space between two Latin words, else nothing."""
    if prev and nxt and _ASCII_LETTER.match(prev[-1]) and _ASCII_LETTER.match(nxt[0]):
        return " "
    return ""


def _assemble(pages: list[list[Line]]) -> tuple[str, list[int]]:
    layout = _layout(pages)
    parts: list[str] = []
    length = 0
    starts: list[int] = []
    prev: Line | None = None
    for lines in pages:
        page_start = None
        for line in lines:
            if prev is None:
                sep = ""
            elif _joins(prev, line, layout):
                sep = _glue(prev.text, line.text)
            else:
                sep = "\n"
            parts.append(sep)
            length += len(sep)
            if page_start is None:
                page_start = length
            parts.append(line.text)
            length += len(line.text)
            prev = line
        starts.append(length if page_start is None else page_start)
    return "".join(parts), starts


def _metadata(meta: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    def text(key: str) -> str | None:
        value = meta.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return value.strip() or None if isinstance(value, str) else None

    title = text("Title")
    if title is not None and _FILE_NAME.search(title):
        title = None  # "Microsoft Word - 文档1.docx" names the file, not the report
    date = None
    found = _PDF_DATE.match(text("CreationDate") or "")
    if found is not None:
        date = "-".join(p for p in found.groups() if p)
    return clean_title(title), date, text("Author")


def read_pdf(data: bytes, *, name: str = "<bytes>") -> Source:
    """The text of a PDF file, page by page, without page furniture (needs ``pip install 'gongwen[pdf]'``)."""
    pdfplumber = import_extra("pdfplumber", "PDF files")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
            meta = dict(pdf.metadata or {})
    except Exception as exc:  # pdfminer raises many kinds of error for a damaged or encrypted file
        raise UnsupportedFormatError(
            f"{name}: cannot read this PDF ({type(exc).__name__}: {exc}); if it is encrypted or damaged, "
            "save it again from a PDF viewer, or extract its text with another tool and parse the .txt"
        ) from exc
    if pages and not any(pages):
        raise UnsupportedFormatError(
            f"{name}: this PDF has no text layer (a scanned image?): run OCR on it first, then parse the text"
        )
    text, starts = _assemble(_drop_furniture(pages))
    title, date, author = _metadata(meta)
    return Source(
        text=text,
        format=SourceFormat.PDF,
        path=name,
        title=title,
        date=date,
        author=author,
        page_starts=starts,
    )
