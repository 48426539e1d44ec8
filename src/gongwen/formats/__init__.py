"""Reading reports in the formats they are published in: ``.txt``, ``.html``/``.htm``, ``.pdf``, ``.docx``.

:func:`read` returns a :class:`~gongwen.formats.source.Source`: the text gongwen parses (the extraction)
and what the format knows about it (title, date, source, author, PDF pages, Word heading styles);
:func:`parse_source` parses it into a :class:`~gongwen.model.Report` whose spans index that text and
which records where it came from (``report.source_format``, ``report.page_of(offset)``).

The format is taken from the file's content where that is unambiguous (``%PDF-``, a Word zip package,
an HTML document start) and from its extension otherwise, so a PDF saved as ``.txt`` or a page saved
without an extension is still read right. HTML, PDF and Word need extras
(``pip install 'gongwen[html]'``, ``[pdf]``, ``[docx]``, or ``[all]``), imported only when such a file
is read: importing gongwen does no work.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from gongwen.errors import UnsupportedFormatError
from gongwen.formats.source import HeadingHint, Source, SourceFormat

if TYPE_CHECKING:
    from gongwen.extractors import Extractor
    from gongwen.model import Report

__all__ = [
    "DEFAULT_PATTERN",
    "EXTENSIONS",
    "HeadingHint",
    "Source",
    "SourceFormat",
    "detect_format",
    "detect_path",
    "matches_pattern",
    "parse_source",
    "read",
    "read_bytes",
]

# The file extensions each format is found by (``gongwen batch`` takes these from folders by default).
EXTENSIONS: dict[str, SourceFormat] = {
    ".txt": SourceFormat.TXT,
    ".text": SourceFormat.TXT,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".xhtml": SourceFormat.HTML,
    ".shtml": SourceFormat.HTML,
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
}
# The file names ``gongwen batch`` takes from a folder by default: several patterns, comma-separated.
DEFAULT_PATTERN = "*.txt,*.htm,*.html,*.shtml,*.pdf,*.docx"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old binary .doc/.xls/.wps
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title|body)\b",
    re.IGNORECASE | re.DOTALL,
)


def detect_format(data: bytes, name: str = "") -> SourceFormat:
    """The format of a file's bytes: by content where it is unambiguous, else by the name's extension.

    >>> detect_format(b"%PDF-1.4 ...", "report.txt")
    <SourceFormat.PDF: 'pdf'>
    >>> detect_format("一、总体情况".encode(), "report.html")
    <SourceFormat.TXT: 'txt'>
    """
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in head and name.lower().endswith(".pdf")):
        return SourceFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        return SourceFormat.DOCX  # a zip package: read_docx says so if it is not a Word document
    if head.startswith(_OLE):
        raise UnsupportedFormatError(
            f"{name or 'this file'}: an old binary Word/WPS document (.doc): gongwen reads .docx; "
            "save it as .docx (or as text) from Word, WPS or LibreOffice first"
        )
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            f"{name or 'this file'}: a Rich Text (RTF) document: gongwen reads .docx; "
            "save it as .docx (or as text) from Word, WPS or LibreOffice first"
        )
    if _HTML_START.match(head):
        return SourceFormat.HTML
    suffix = PurePath(name).suffix.lower()
    found = EXTENSIONS.get(suffix, SourceFormat.TXT)
    if found in (SourceFormat.PDF, SourceFormat.DOCX):
        return SourceFormat.TXT  # the extension says PDF or Word, the bytes say otherwise: try them as text
    if found is SourceFormat.HTML and b"<" not in head:
        return SourceFormat.TXT  # an .html file without a single tag is text
    return found


def detect_path(path: str | os.PathLike[str]) -> SourceFormat:
    """The format of a file, from its first bytes and its name (see :func:`detect_format`)."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    return detect_format(head, os.fspath(path))


def _reader(fmt: SourceFormat) -> Callable[..., Source]:
    if fmt is SourceFormat.HTML:
        from gongwen.formats.html import read_html

        return read_html
    if fmt is SourceFormat.PDF:
        from gongwen.formats.pdf import read_pdf

        return read_pdf
    if fmt is SourceFormat.DOCX:
        from gongwen.formats.docx import read_docx

        return read_docx
    from gongwen.formats.text import read_txt

    return read_txt


def read_bytes(data: bytes, *, name: str = "<bytes>", format: SourceFormat | str | None = None) -> Source:
    """A :class:`Source` from a file's bytes; ``format`` (``"pdf"`` …) overrides detection by content and ``name``."""
    fmt = detect_format(data, name) if format is None else SourceFormat(format)
    return _reader(fmt)(bytes(data), name=name)


def read(path: str | os.PathLike[str], *, format: SourceFormat | str | None = None) -> Source:
    """Read a ``.txt``, ``.html``/``.htm``, ``.pdf`` or ``.docx`` file into a :class:`Source`.

    Raises :class:`OSError` when the file cannot be read, :class:`~gongwen.errors.MissingExtraError`
    when its format needs an extra that is not installed (the message names the ``pip install``),
    :class:`~gongwen.errors.UnsupportedFormatError` for a file gongwen cannot read (an old ``.doc``, a
    scanned PDF without text) and :class:`~gongwen.errors.ReportDecodeError` for undecodable text.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    return read_bytes(data, name=os.fspath(path), format=format)


def parse_source(source: Source, *, extractors: Sequence[Extractor | str] | None = None) -> Report:
    """Parse a :class:`Source` (from :func:`read`): a Report of its text, with the format's evidence applied.

    The Report's ``text`` is ``source.text`` and every span indexes it; ``report.source`` is the source,
    ``report.source_format`` its format and ``report.page_of(offset)`` the page of an offset (PDF). The
    format's title is used where the text has none or chose page furniture above it.
    """
    from gongwen.formats.evidence import apply_evidence
    from gongwen.parser import parse

    return apply_evidence(parse(source.text, extractors=extractors), source)


def matches_pattern(name: str, pattern: str) -> bool:
    """Whether a file name matches one of the comma-separated glob patterns (case-insensitively)."""
    import fnmatch

    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, part.strip().lower()) for part in pattern.split(",") if part.strip())
