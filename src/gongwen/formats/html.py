"""HTML pages: the main text with trafilatura (navigation, toolbars, footers removed) and the page's metadata.

Kept: the article's paragraphs and headings, one block per line (so a heading stays on a line of its
own), data tables one row per line; the page's title (its ``<title>`` or ``<h1>``, with a site name
split off), date, site name and author. Dropped: everything trafilatura judges boilerplate (menus,
breadcrumbs, toolbars, comment sections, footers) around the article. Inside the article every block of
the page is kept (:mod:`gongwen.formats.htmlblocks`). When the article's text does not start with its
title and the page shows the title as a headline (``<h1>``, an element classed as a title; not only in
``<title>``), the title is put on the first line, so that the parse finds it where the page shows it.
"""

from __future__ import annotations

import re
from typing import Any

from gongwen.formats.evidence import clean_title
from gongwen.formats.htmlblocks import article_lines, headlines, page_blocks, parse_page
from gongwen.formats.source import Source, SourceFormat, import_extra
from gongwen.io import decode_with_encoding, normalize_newlines

__all__ = ["decode_html", "read_html"]

# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# GB2312 and GBK pages routinely use characters only GB18030 (their superset) decodes
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+\n|\n{2,}")
_SPACE = re.compile(r"\s+")


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


def read_html(data: bytes, *, name: str = "<bytes>") -> Source:
    """The main text and metadata of an HTML page (needs ``pip install 'gongwen[html]'``)."""
    trafilatura = import_extra("trafilatura", "HTML pages")
    page, encoding = decode_html(data, name=name)
    document = None
    if page.strip():
        try:
            document = trafilatura.bare_extraction(
                page,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                favor_precision=True,
                deduplicate=False,
            )
        except Exception:  # a page trafilatura cannot take apart is read whole, not lost
            document = None
    root = parse_page(page) if page.strip() else None
    blocks = page_blocks(root)
    text = _field(document, "text") if document is not None else None
    if text is None:
        text = "\n".join(line for line, _ in blocks)  # trafilatura found no article: the whole page
    else:
        found = article_lines(blocks, text)
        if found is not None:
            text = "\n".join(found)
    text = _BLANKS.sub("\n", normalize_newlines(text)).strip("\n")
    title = clean_title(_field(document, "title")) if document is not None else None
    if title is not None and not _starts_with(text, title) and _shown(title, root):
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


def _shown(title: str, root: Any) -> bool:
    """Whether the page shows ``title`` as a headline (an ``<h1>``, an element classed as a title), not
    only in its ``<title>``: then the reader sees it above the article."""
    wanted = _squash(title)
    return any(wanted in (shown := _squash(text)) and len(shown) <= 2 * len(wanted) for text in headlines(root))


def _starts_with(text: str, title: str) -> bool:
    """Whether the title is one of the first lines of the text already (spaces ignored)."""
    wanted = _squash(title)
    return any(_squash(line) == wanted for line in text[:2000].split("\n")[:5])
