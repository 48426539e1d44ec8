"""An HTML page as lines of text, block by block, and the article's lines among them.

trafilatura is good at telling the article from the portal around it, but its text is not the page's:
it drops short lines it takes for repeats (the second ``不足:`` of a report, a heading), renders layout
tables as ``| … |`` rows and loses the ``<br>`` breaks inside them. So gongwen renders the page itself,
one line per block (:func:`page_lines`), and takes from it the run of lines that trafilatura's text
covers (:func:`article_lines`): from its first to its last long line found in that text, widened by the
lines right next to them that trafilatura kept too, within the same part of a layout table (so that a
menu in the next cell, which trafilatura may keep with the article, stays out).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["article_lines", "headlines", "page_blocks", "page_lines", "parse_page"]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_SPACE = re.compile(r"\s+")
_PIPES = re.compile(r"[\s|]+")  # trafilatura writes table cells between | … |
# Elements that start and end a line, that hold no text of the page, and that hold one table cell.
_BLOCKS = frozenset(
    {
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr"),
        *("thead", "tbody", "tfoot", "caption", "section", "article", "header", "footer", "nav", "aside"),
        *("main", "blockquote", "pre", "form", "figure", "figcaption", "address", "center", "hr", "fieldset"),
        *("details", "summary", "body"),
    }
)
_BREAKING = _BLOCKS | {"br"}
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "select", "button"}
    | {"textarea"}
)
_CELLS = frozenset({"td", "th"})
_REGION = "\x00"  # marks where a layout table's cell starts or ends, between lines
# An article's first and last lines are found in trafilatura's text when at least this long (a menu
# item, a site name or a date is shorter, and may occur in the article too).
_ANCHOR_CHARS = 12
_MAX_GROWTH = 1.3  # the page's lines may be this much longer than trafilatura's text (plus a little)
# Elements that show a page's headline: headings, and elements whose class or id says "title".
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3"})
_HEADLINE_CLASS = re.compile(r"title|headline|biaoti|tit\b", re.IGNORECASE)
_MAX_HEADLINES = 200


def parse_page(page: str) -> Any:
    """The page's element tree (lxml), comments and processing instructions removed; ``None`` if unparsable."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(_XML_DECLARATION.sub("", page, count=1))
    except (etree.ParserError, ValueError):
        return None
    if not isinstance(root.tag, str):
        return None  # a page that is only a comment or a processing instruction
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return root


def _is_container(cell: Any) -> bool:
    """A table cell that holds paragraphs or line breaks: a piece of page layout, not a data cell."""
    return any(isinstance(d.tag, str) and d.tag.lower() in _BREAKING for d in cell.iterdescendants())


def page_lines(root: Any) -> list[str]:
    """The text of every block of a page, one line per block: ``<br>`` breaks a line, a data table's
    cells are separated by tabs (a layout table's cells are blocks), ``<pre>`` keeps its lines; scripts,
    styles and the head are left out."""
    return [line for line, _ in page_blocks(root)]


def _clean(text: str, pre: int) -> str:
    text = text.replace(_REGION, "")
    return text if pre else _SPACE.sub(" ", text)


def page_blocks(root: Any) -> list[tuple[str, int]]:
    """:func:`page_lines` with the region of each line: the regions are the parts of a layout table
    (a cell that holds paragraphs or line breaks is one, and so is what lies between such cells)."""
    if root is None:
        return []
    from lxml import etree

    parts: list[str] = []
    skipping = 0
    pre = 0
    blocks: list[bool] = []  # for each open cell: whether it is a block
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIPPED or not tag:
                skipping += 1
                continue
            if tag in _CELLS:
                blocks.append(_is_container(element))
                parts.append(f"\n{_REGION}\n" if blocks[-1] else "\t")
            elif tag in _BREAKING:
                parts.append("\n")
            pre += tag == "pre"
            if element.text:
                parts.append(_clean(element.text, pre))
            continue
        if skipping:
            skipping -= 1
        else:
            if tag in _CELLS and blocks.pop():
                parts.append(f"\n{_REGION}\n")
            elif tag in _BLOCKS:
                parts.append("\n")
            pre -= tag == "pre"
        if element.tail and element is not root:
            parts.append(_clean(element.tail, pre))
    found = []
    region = 0
    for raw in "".join(parts).split("\n"):
        if raw == _REGION:
            region += 1
            continue
        line = raw.strip(" \t\r\f\v\u00a0\u3000")
        if line:
            found.append((line, region))
    return found


def headlines(root: Any) -> list[str]:
    """The texts a page shows as headlines: its ``<h1>``–``<h3>`` and elements classed as titles."""
    if root is None:
        return []
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        marked = _HEADLINE_CLASS.search(f"{element.get('class', '')} {element.get('id', '')}")
        if element.tag.lower() in _HEADLINE_TAGS or marked:
            text = _SPACE.sub(" ", element.text_content()).strip()
            if text:
                found.append(text)
                if len(found) >= _MAX_HEADLINES:
                    break
    return found


def _key(line: str) -> str:
    return _PIPES.sub("", line)


def article_lines(blocks: list[tuple[str, int]], text: str) -> list[str] | None:
    """The run of lines (of :func:`page_blocks`) that trafilatura's ``text`` covers (see above), widened
    only within the regions of its first and last lines; ``None`` when it cannot be found or would add
    much more than trafilatura dropped."""
    covered = _key(text)
    lines = [line for line, _ in blocks]
    regions = [region for _, region in blocks]
    keys = [_key(line) for line in lines]

    def anchor(index: int) -> bool:
        return len(keys[index]) >= _ANCHOR_CHARS and keys[index] in covered

    # scanned from either end, so only the lines around the article are searched for
    first = next((i for i in range(len(lines)) if anchor(i)), None)
    if first is None:
        return None
    last = next(i for i in range(len(lines) - 1, first - 1, -1) if anchor(i))
    position = covered.find(keys[first])
    while (
        first > 0
        and regions[first - 1] == regions[first]
        and keys[first - 1]
        and covered.endswith(keys[first - 1], 0, position)
    ):
        first -= 1
        position -= len(keys[first])
    position = covered.rfind(keys[last]) + len(keys[last])
    while (
        last + 1 < len(lines)
        and regions[last + 1] == regions[last]
        and keys[last + 1]
        and covered.startswith(keys[last + 1], position)
    ):
        last += 1
        position += len(keys[last])
    found = lines[first : last + 1]
    if sum(map(len, map(_key, found))) > _MAX_GROWTH * len(covered) + 200:
        return None
    return found
