"""HTML pages: the main text with trafilatura (navigation, toolbars, footers removed) and the page's metadata.

Kept: the article's paragraphs and headings, one block per line (so a heading stays on a line of its
own), tables one row per line; the page's title (its ``<title>`` or ``<h1>``, with a site name split
off), date, site name and author. Dropped: everything trafilatura judges boilerplate (menus,
breadcrumbs, toolbars, comment sections, footers) around the article. Inside the article every block of
the page is kept: trafilatura says where the article starts and ends, and the page's own lines between
those two are the text (trafilatura also drops short lines it takes for repeats, such as a second
``不足:`` heading, which a report needs). When the article's text does not start with its title, the
title is put on the first line, so that the parse finds it where the page shows it.
"""

from __future__ import annotations

import re
from typing import Any

from gongwen.formats.evidence import clean_title
from gongwen.formats.source import Source, SourceFormat, import_extra
from gongwen.io import decode_with_encoding, normalize_newlines

__all__ = ["decode_html", "page_lines", "read_html"]

# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# GB2312 and GBK pages routinely use characters only GB18030 (their superset) decodes
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+\n|\n{2,}")
_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Elements that start and end a line, that hold no text of the page, and that hold one table cell.
_BLOCKS = frozenset(
    {
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr"),
        *("thead", "tbody", "tfoot", "caption", "section", "article", "header", "footer", "nav", "aside"),
        *("main", "blockquote", "pre", "form", "figure", "figcaption", "address", "center", "hr", "fieldset"),
        *("details", "summary", "body"),
    }
)
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "select", "button"}
    | {"textarea"}
)
_CELLS = frozenset({"td", "th"})
# Where an article found by trafilatura is looked for among the page's lines: its first and last lines
# of at least this many characters, among its first and last few lines.
_ANCHOR_CHARS = 6
_ANCHOR_LINES = 5
_MAX_GROWTH = 1.3  # the page's lines between the anchors may be this much longer than trafilatura's text


def decode_html(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """The page's text and encoding: the charset its ``<meta>`` declares, else as :func:`gongwen.io.decode`."""
    found = _CHARSET.search(data[:4096])
    if found is not None:
        declared = found.group(1).decode("ascii").lower()
        encoding = _SUPERSET.get(declared, declared)
        try:
            return normalize_newlines(data.decode(encoding)), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: guess as for a text file
    return decode_with_encoding(data, name=name)


def _field(document: Any, name: str) -> str | None:
    value = getattr(document, name, None)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def page_lines(page: str) -> list[str]:
    """The text of every block of an HTML page, one line per block (``<br>`` breaks a line, table cells
    are separated by tabs, ``<pre>`` keeps its lines), scripts and styles left out."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(_XML_DECLARATION.sub("", page, count=1))
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    parts: list[str] = []
    skipping = 0
    pre = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIPPED or not tag:
                skipping += 1
                continue
            if tag in _BLOCKS or tag == "br":
                parts.append("\n")
            elif tag in _CELLS:
                parts.append("\t")
            pre += tag == "pre"
            if element.text:
                parts.append(element.text if pre else _SPACE.sub(" ", element.text))
            continue
        if skipping:
            skipping -= 1
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            pre -= tag == "pre"
        if element.tail and element is not root:
            parts.append(element.tail if pre else _SPACE.sub(" ", element.tail))
    lines = (line.strip(" \t\r\f\v\u00a0\u3000") for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _anchor(lines: list[str], wanted: list[str], start: int) -> int | None:
    """The index in ``lines`` of the first of ``wanted``'s leading lines that is long enough to be told
    apart, minus its position in ``wanted``: where ``wanted`` starts in ``lines``."""
    for position, line in enumerate(wanted[:_ANCHOR_LINES]):
        key = _squash(line)
        if len(key) < _ANCHOR_CHARS:
            continue
        for index in range(start, len(lines)):
            if _squash(lines[index]) == key:
                return max(start, index - position)
        return None
    return None


def _whole_article(page: str, text: str) -> str:
    """The page's own lines from the first to the last line of trafilatura's ``text`` (see above), or
    ``text`` when they cannot be found or would add much more than trafilatura dropped."""
    extracted = [line for line in text.split("\n") if line.strip()]
    lines = page_lines(page)
    first = _anchor(lines, extracted, 0)
    if first is None:
        return text
    reverse = lines[::-1]
    last = _anchor(reverse, extracted[::-1], 0)
    if last is None:
        return text
    end = len(lines) - last
    if end <= first:
        return text
    found = lines[first:end]
    if sum(map(len, found)) > _MAX_GROWTH * sum(map(len, extracted)) + 200:
        return text
    return "\n".join(found)


def read_html(data: bytes, *, name: str = "<bytes>") -> Source:
    """The main text and metadata of an HTML page (needs ``pip install 'gongwen[html]'``)."""
    trafilatura = import_extra("trafilatura", "HTML pages")
    page, encoding = decode_html(data, name=name)
    document = None
    if page.strip():
        document = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            deduplicate=False,
        )
    text = _field(document, "text") if document is not None else None
    if text is None and page.strip():
        text = "\n".join(page_lines(page))
    elif text is not None:
        text = _whole_article(page, text)
    text = _BLANKS.sub("\n", normalize_newlines(text or "")).strip("\n")
    title = clean_title(_field(document, "title")) if document is not None else None
    if title is not None and not _starts_with(text, title):
        text = f"{title}\n{text}" if text else title
    return Source(
        text=text,
        format=SourceFormat.HTML,
        path=name,
        title=title,
        date=_field(document, "date"),
        source=_field(document, "sitename"),
        author=_field(document, "author"),
        encoding=encoding,
    )


def _starts_with(text: str, title: str) -> bool:
    """Whether the title is one of the first lines of the text already (spaces ignored)."""
    wanted = _squash(title)
    return any(_squash(line) == wanted for line in text[:2000].split("\n")[:5])
