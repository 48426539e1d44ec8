"""What the format says, weighed against what the text says: the one step after the parse that uses it.

A page's ``<title>``, an ``<h1>`` or a Word ``Title`` style is strong evidence for the document's title,
but markup lies too: ``<title>`` carries the site's name (``…-某某区人民政府网``, ``…_门户网站``), and Word
users style bold body sentences as headings. So:

* :func:`clean_title` splits a site name, a dateline or a URL off a title the markup gives, and rejects a
  "title" that is a sentence or only a site name;
* :func:`apply_evidence` keeps the text's own choice when it agrees with the format, and takes the
  format's title when the text found none or picked a line above it (page furniture: a breadcrumb, a
  site name, a toolbar), provided the title is a line of the text near the top of the first document
  (an HTML reader puts it there): a title that the text does not show is never imposed on it. Only
  HTML and Word titles count; a PDF's ``/Title`` is too often a file name or a template's leftover.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from gongwen.formats.source import Source, SourceFormat
from gongwen.model import Document, Span

if TYPE_CHECKING:
    from gongwen.model import Report

__all__ = ["apply_evidence", "clean_title"]

# Where a title the markup gives is cut: 报告_某某网, 报告 | 某某网, 报告 - 某某网, 报告——2025年1月在…上.
_SEPARATOR = re.compile(r"\s*(?:[|｜_]|——+|\s[-–—]+\s|(?<=[^\d\s-])[-–—](?=[^\d\s-]))\s*")
# Parts that name a site, a channel or an issuer, not the report (generic words, no names).
_SITE = re.compile(
    r"(?:网|网站|门户|官网|首页|主页|频道|栏目|平台|政务公开|信息公开|政府信息公开|人民政府|政府|[Pp]ortal)$"
    r"|www\.|\.(?:gov|com|net|org|cn)\b"
)
# A dateline or venue under a title: 2025年1月20日在某某市第十届人民代表大会第五次会议上.
_DATELINE = re.compile(r"^\d{4}\s*年.{0,40}(?:会议|大会)上?$|^\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?$")
_SENTENCE_END = re.compile(r"[。!?;!?;]$")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_MIN_CHINESE = 2  # a report's title is written in Chinese: "Untitled", "(anonymous)", "report 3" are not titles
_SPACE = re.compile(r"\s+")
_TITLED = frozenset({SourceFormat.HTML, SourceFormat.DOCX})
_MAX_TITLE = 60
# How far into a document a title line is looked for: lines, and characters.
_TITLE_LINES = 12
_TITLE_CHARS = 3000


def clean_title(title: str | None) -> str | None:
    """The report's title in a title the markup gives: site names, datelines and URLs split off.

    >>> clean_title("2025年政府工作报告_某某市人民政府门户网站")
    '2025年政府工作报告'
    >>> clean_title("某某区人民政府网") is None
    True
    """
    if title is None:
        return None
    title = _SPACE.sub(" ", title).strip()
    parts = [p.strip() for p in _SEPARATOR.split(title) if p and p.strip()]
    kept = [p for p in parts if not _SITE.search(p) and not _DATELINE.match(p)]
    if not kept:
        return None
    best = kept[0]
    if len(best) > _MAX_TITLE or _SENTENCE_END.search(best):
        return None  # a sentence, not a title
    if len(_CHINESE.findall(best)) < _MIN_CHINESE:
        return None
    return best


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _title_line(text: str, document: Document, title: str) -> Span | None:
    """The span of the line of ``document`` that is ``title`` (spaces ignored), among its first lines."""
    wanted = _squash(title)
    start = document.span.start
    limit = min(document.span.end, start + _TITLE_CHARS)
    for _ in range(_TITLE_LINES):
        if start >= limit:
            break
        end = text.find("\n", start, limit)
        end = limit if end < 0 else end
        line = text[start:end]
        if _squash(line) == wanted:
            lead = len(line) - len(line.lstrip())
            return Span(start + lead, start + len(line.rstrip()))
        start = end + 1
    return None


def apply_evidence(report: Report, source: Source) -> Report:
    """The report with ``source`` attached and the format's title weighed against the text's (see above)."""
    report = attrs.evolve(report, source=source)
    title = clean_title(source.title) if source.format in _TITLED else None
    if title is None or not report.documents:
        return report
    first = report.documents[0]
    if first.title is not None and _squash(first.title) == _squash(title):
        return report
    span = _title_line(report.text, first, title)
    if span is None:
        return report  # the format's title is not a line of the text: the text decides
    if first.title_span is not None and first.title_span.start > span.start:
        return report  # the text chose a line below the format's title: the text decides
    document = attrs.evolve(first, title=span.of(report.text), title_span=span)
    return attrs.evolve(report, documents=(document, *report.documents[1:]))
