"""Word documents (``.docx``): the paragraphs with python-docx, and their heading styles as evidence.

Kept: every paragraph of the body, one per line, in document order (line breaks inside a paragraph
kept), and each table row as a line of its cells separated by tabs (a merged cell once); the
document's core properties (title, author, creation date). The number Word's automatic numbering draws
before a paragraph (一、 (一) 1. ①, see :mod:`gongwen.formats.numbering`) is written at the start of its
line, so that a heading numbered by Word keeps its marker. Evidence: the paragraphs styled ``Title`` /
``标题`` (level 0), ``Heading 1``…``Heading 9`` / ``标题 1``… (their level), or given an outline level,
in :attr:`Source.heading_hints`; the document's title is its ``Title`` paragraph, else its first
paragraph when that is styled as a heading and has no outline marker. Dropped: headers, footers,
footnotes, comments, text boxes, bullets.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from gongwen.errors import UnsupportedFormatError
from gongwen.formats.evidence import clean_title
from gongwen.formats.numbering import Numbering
from gongwen.formats.source import HeadingHint, Source, SourceFormat, import_extra
from gongwen.model import Span

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Style names that title a document, and that head a section at a level (English and Chinese Word).
_TITLE_STYLE = re.compile(r"^(?:title|标题)$", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_BODY_LEVEL = 9  # outline level 9 is body text
# The start of an outline marker, so that a first paragraph that is 一、… is not taken for the title.
_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、,.．]|[((]|\d{1,2}\s*[、.．]|第[一二三四五六七八九十\d]{1,3})"
)
_FIRST_LINES = 3  # the title is looked for among the first paragraphs


def _outline_level(element: Any) -> int | None:
    """The ``w:outlineLvl`` of a paragraph's or a style's properties (0-based), if set."""
    ppr = element.find(f"{_W}pPr")
    if ppr is None:
        return None
    found = ppr.find(f"{_W}outlineLvl")
    if found is None:
        return None
    try:
        return int(found.get(f"{_W}val", ""))
    except ValueError:
        return None


def _style_level(style: Any) -> tuple[int | None, str]:
    """The level a paragraph style gives (0 title, 1… headings, ``None`` body) and its name."""
    name = ""
    depth = 0
    while style is not None and depth < 10:  # follow ``basedOn`` a few steps, never round a loop
        name = name or (style.name or "")
        style_name = style.name or ""
        if _TITLE_STYLE.match(style_name):
            return 0, name
        heading = _HEADING_STYLE.match(style_name)
        if heading is not None:
            return int(heading.group(1)), name
        level = _outline_level(style.element)
        if level is not None:
            return (None if level >= _BODY_LEVEL else level + 1), name
        style = style.base_style
        depth += 1
    return None, name


def _paragraph_level(paragraph: Any) -> tuple[int | None, str]:
    own = _outline_level(paragraph._p)
    try:
        level, name = _style_level(paragraph.style)
    except (KeyError, ValueError, AttributeError):  # a style the document references but does not define
        level, name = None, ""
    if own is not None:
        return (None if own >= _BODY_LEVEL else own + 1), name or f"outline level {own + 1}"
    return level, name


def _blocks(document: Any) -> Iterator[tuple[str, Any]]:
    """The body's paragraphs and tables in document order (also inside content controls)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent: Any, depth: int) -> Iterator[tuple[str, Any]]:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                yield "p", Paragraph(child, document)
            elif tag == f"{_W}tbl":
                yield "tbl", Table(child, document)
            elif tag == f"{_W}sdt" and depth < 3:
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(content, depth + 1)

    yield from walk(document.element.body, 0)


def _row_lines(table: Any) -> Iterator[str]:
    from docx.table import _Cell

    for tr in table._tbl.tr_lst:
        cells: list[str] = []
        for tc in tr.tc_lst:
            text = " ".join(_Cell(tc, table).text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            yield "\t".join(cells)


def read_docx(data: bytes, *, name: str = "<bytes>") -> Source:
    """The paragraphs of a Word document and its heading styles (needs ``pip install 'gongwen[docx]'``)."""
    docx = import_extra("docx", "Word documents")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many kinds of error for a damaged package
        raise UnsupportedFormatError(
            f"{name}: not a readable Word (.docx) document ({exc}); save it again as .docx from Word or WPS"
        ) from exc
    lines: list[str] = []
    hints: list[HeadingHint] = []
    length = 0
    numbering = Numbering(document)
    for kind, block in _blocks(document):
        if kind == "p":
            label = numbering.label(block)  # counted even for an empty paragraph, as Word counts it
            text = block.text.replace("\r", "\n").rstrip()
            if not text.strip():
                continue
            text = label + text
            level, style = _paragraph_level(block)
            if level is not None:
                hints.append(HeadingHint(Span(length, length + len(text)), level, style))
            found = [text]
        else:
            found = list(_row_lines(block))
        for line in found:
            lines.append(line)
            length += len(line) + 1
    text = "\n".join(lines)
    properties = document.core_properties
    title = _title(text, hints) or clean_title(properties.title or None)
    created = properties.created
    return Source(
        text=text,
        format=SourceFormat.DOCX,
        path=name,
        title=title,
        date=None if created is None else created.date().isoformat(),
        author=(properties.author or "").strip() or None,
        heading_hints=hints,
    )


def _title(text: str, hints: list[HeadingHint]) -> str | None:
    """The ``Title`` paragraph, else the first paragraph when it is styled as a heading and has no marker."""
    for hint in hints:
        if hint.level == 0:
            return clean_title(hint.span.of(text))
    first_lines = text.split("\n", _FIRST_LINES)[:_FIRST_LINES]
    if hints and hints[0].span.start == 0 and first_lines and not _MARKER.match(first_lines[0]):
        return clean_title(hints[0].span.of(text))
    return None
