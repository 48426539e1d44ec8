"""The typed results gongwen returns: frozen, slotted ``attrs`` classes with offsets into the original text.

Every result carries a :class:`Span` whose ``start``/``end`` index the text the user passed in, unchanged
(Python ``str`` indices, ``end`` exclusive), so ``text[r.span.start:r.span.end] == r.text`` always holds.
Quantities are :class:`~decimal.Decimal`; kinds, styles and qualifiers are string enums, defined in
:mod:`gongwen.kinds` and re-exported here.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from gongwen.kinds import Direction, HeadingStyle, MetricKind, NoiseKind, Qualifier, Status

if TYPE_CHECKING:
    from gongwen.formats.source import Source

__all__ = [
    "Direction",
    "Document",
    "Heading",
    "HeadingStyle",
    "Metric",
    "MetricKind",
    "Noise",
    "NoiseKind",
    "NumberMention",
    "Qualifier",
    "Report",
    "Section",
    "Span",
    "Status",
]


def _to_decimal(value: object) -> Decimal:
    """``Decimal`` from a Decimal, int, str or float (a float through its shortest repr: 0.1 → 0.1)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _to_decimal_or_none(value: object) -> Decimal | None:
    return None if value is None else _to_decimal(value)


def _start_of(section: Section) -> int:
    return section.span.start


def _sections(items: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _documents(items: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(items)


def _noises(items: Iterable[Noise]) -> tuple[Noise, ...]:
    return tuple(items)


def _headings(items: Iterable[Heading]) -> tuple[Heading, ...]:
    return tuple(items)


def _metrics(items: Iterable[Metric]) -> tuple[Metric, ...]:
    return tuple(items)


def _nonnegative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _decimal_str(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


# How a Report shows itself in a notebook: gongwen.display registers its view here when it is imported
# (the view takes the report it shows; the model never imports the view).
_html_views: list[Callable[[Report], str]] = []


def register_html_view(view: Callable[[Report], str]) -> None:
    """Show every :class:`Report` in a notebook as ``view(report)`` (HTML), in place of the one before."""
    _html_views[:] = [view]


# A repr stays short whatever the text: strings longer than this are cut, trees show their size.
_REPR_CHARS = 40


def _cut(text: str) -> str:
    return text if len(text) <= _REPR_CHARS else text[: _REPR_CHARS - 1] + "…"


def _short(value: object) -> str:
    """The repr of a string (or a tuple of strings) cut to :data:`_REPR_CHARS` characters each."""
    if isinstance(value, str):
        return repr(_cut(value))
    if isinstance(value, tuple):
        return repr(tuple(_cut(item) if isinstance(item, str) else item for item in value))
    return repr(value)


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the original text."""

    start: int = attrs.field(validator=_nonnegative)
    end: int = attrs.field()

    @end.validator
    def _check_end(self, _: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@attrs.frozen
class NumberMention:
    """A numeral found in running text: 55.57万 is ``value=Decimal("555700")``, ``magnitude="万"``."""

    span: Span
    text: str = attrs.field(repr=_short)
    value: Decimal = attrs.field(converter=_to_decimal)
    magnitude: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "value": _decimal_str(self.value),
            "magnitude": self.magnitude,
        }


@attrs.frozen
class Noise:
    """Page furniture (upload dates, page counts, 用户关注, related-document lists, watermarks)."""

    span: Span
    kind: str
    text: str = attrs.field(repr=_short)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.span.start, "end": self.span.end, "kind": self.kind, "text": self.text}


@attrs.frozen
class Heading:
    """One outline heading: a marker (``一、``, ``(1)``, ``一是``) plus its title.

    ``span`` runs from the marker's first character to the end of the title; ``level`` is the depth in
    the document's tree (1 = top); ``parent`` is the index of the parent heading in ``Report.headings``.
    """

    index: int
    span: Span
    line: int
    style: str
    marker: str
    number: int | None
    level: int
    title: str = attrs.field(repr=_short)
    inline: bool
    document: int
    parent: int | None = None
    title_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.span.start,
            "end": self.span.end,
            "line": self.line,
            "style": str(self.style),
            "marker": self.marker,
            "number": self.number,
            "level": self.level,
            "title": self.title,
            "inline": self.inline,
            "document": self.document,
            "parent": self.parent,
        }


@attrs.frozen
class Section:
    """A node of the outline tree: a heading, the body text under it, and its child sections.

    The root of each document is a section without a heading whose body is the preamble.
    ``span`` covers the heading and everything under it; ``body_span`` only the text between the heading's
    title and the first child heading (or the section's end).
    """

    heading: Heading | None
    span: Span
    body_span: Span
    body: str
    children: tuple[Section, ...] = attrs.field(converter=_sections, default=())
    path: tuple[str, ...] = attrs.field(converter=_strings, default=())

    @property
    def title(self) -> str | None:
        return None if self.heading is None else self.heading.title

    @property
    def level(self) -> int:
        return 0 if self.heading is None else self.heading.level

    def at(self, offset: int) -> Section:
        """The innermost section under this one (or this one) whose span holds ``offset``."""
        node = self
        while node.children:
            index = bisect.bisect_right(node.children, offset, key=_start_of) - 1
            if index < 0 or not offset < node.children[index].span.end:
                break
            node = node.children[index]
        return node

    def __repr__(self) -> str:
        name = "(preamble)" if self.heading is None else _cut(self.heading.marker + self.heading.title)
        return (
            f"<Section {name}: level {self.level}, chars {self.span.start}-{self.span.end}, "
            f"body {len(self.body)} chars, {len(self.children)} children>"
        )

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, depth first, in text order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": None if self.heading is None else self.heading.index,
            "title": self.title,
            "level": self.level,
            "start": self.span.start,
            "end": self.span.end,
            "body_start": self.body_span.start,
            "body_end": self.body_span.end,
            "children": [child.to_dict() for child in self.children],
        }


@attrs.frozen
class Metric:
    """A quantity the report states: number, unit, kind, qualifier, and what it measures.

    ``value`` is in the base unit with the magnitude applied (55.57万元 → ``Decimal("555700")``, unit
    ``"元"``); a range has ``value=None`` and ``low``/``high``; a masked number (10__, XX万元) has
    ``redacted=True`` and no value.

    ``period`` is the resolved year (``"2026"``) or span (``"2021-2025"``) the figure is of, and
    ``period_text`` the words that gave it (2025年, 去年, “十四五”时期, or a section title's); ``indicator``
    the id of the headline indicator it states (:mod:`gongwen.indicators`) and ``status`` whether it is a
    target or an actual (:mod:`gongwen.periods`). :func:`gongwen.parse` fills them in.
    """

    span: Span
    text: str = attrs.field(repr=_short)
    value: Decimal | None = attrs.field(converter=_to_decimal_or_none)
    unit: str
    kind: str
    qualifier: Qualifier = Qualifier.EXACT
    low: Decimal | None = attrs.field(default=None, converter=_to_decimal_or_none)
    high: Decimal | None = attrs.field(default=None, converter=_to_decimal_or_none)
    magnitude: str | None = None
    subject: str | None = attrs.field(default=None, repr=_short)
    subject_span: Span | None = None
    redacted: bool = False
    direction: Direction | None = None
    basis: str | None = None
    period: str | None = None
    document: int = 0
    section: tuple[str, ...] = attrs.field(converter=_strings, default=(), repr=_short)
    heading: int | None = None
    extractor: str = "builtin"
    indicator: str | None = None
    status: Status | None = attrs.field(default=None, converter=attrs.converters.optional(Status))
    period_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "value": _decimal_str(self.value),
            "low": _decimal_str(self.low),
            "high": _decimal_str(self.high),
            "unit": self.unit,
            "kind": str(self.kind),
            "qualifier": str(self.qualifier),
            "magnitude": self.magnitude,
            "subject": self.subject,
            "redacted": self.redacted,
            "direction": None if self.direction is None else str(self.direction),
            "basis": self.basis,
            "period": self.period,
            "document": self.document,
            "section": list(self.section),
            "heading": self.heading,
            "extractor": self.extractor,
            "indicator": self.indicator,
            "status": None if self.status is None else str(self.status),
            "period_text": self.period_text,
        }


@attrs.frozen
class Document:
    """One report inside a text (a scraped page can hold several: 篇一 … 篇八)."""

    index: int
    span: Span
    title: str | None = None
    title_span: Span | None = None
    root: Section | None = None
    #: The dateline under the title (``——2025年1月20日在……会议上``, ``(2025年1月18日在……)``).
    subtitle: str | None = None
    subtitle_span: Span | None = None
    #: The speaker line (``某某市市长 某某``, ``省长 某某``).
    speaker: str | None = None
    speaker_span: Span | None = None
    #: The issuing place or body (北京市, 某某县教育局) where the title, dateline or preamble states it.
    region: str | None = None

    @property
    def sections(self) -> tuple[Section, ...]:
        """The top-level sections of this document's outline."""
        return () if self.root is None else self.root.children

    def __repr__(self) -> str:
        title = "" if self.title is None else f" {_cut(self.title)!r}"
        size = sum(1 for _ in self.root.walk()) - 1 if self.root is not None else 0
        return f"<Document {self.index}{title}: chars {self.span.start}-{self.span.end}, {size} sections>"

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.span.start,
            "end": self.span.end,
            "title": self.title,
            "subtitle": self.subtitle,
            "speaker": self.speaker,
            "region": self.region,
        }


@attrs.frozen(repr=False)
class Report:
    """Everything :func:`gongwen.parse` found in one text."""

    text: str = attrs.field(repr=False)
    documents: tuple[Document, ...] = attrs.field(converter=_documents)
    noise: tuple[Noise, ...] = attrs.field(converter=_noises, default=())
    headings: tuple[Heading, ...] = attrs.field(converter=_headings, default=())
    metrics: tuple[Metric, ...] = attrs.field(converter=_metrics, default=())
    source: Source | None = attrs.field(default=None, repr=False)
    """The file the text was read from (:func:`gongwen.read`): its format, metadata and pages; ``None``
    for a text passed to :func:`gongwen.parse`."""

    @property
    def source_format(self) -> str | None:
        """``"txt"``, ``"html"``, ``"pdf"`` or ``"docx"`` for a report read from a file, else ``None``."""
        return None if self.source is None else str(self.source.format)

    def page_of(self, offset: int) -> int | None:
        """The page (from 1) of the source file that holds ``offset`` of :attr:`text` (PDF), else ``None``."""
        return None if self.source is None else self.source.page_at(offset)

    def _paged(self, row: dict[str, Any], start: int) -> dict[str, Any]:
        """``row`` with a ``page`` key when the source has pages (a PDF)."""
        page = self.page_of(start)
        if page is not None:
            row["page"] = page
        return row

    def __repr__(self) -> str:
        return (
            f"<Report: {len(self.text)} characters, {len(self.documents)} documents, "
            f"{len(self.headings)} headings, {len(self.metrics)} metrics, {len(self.noise)} noise spans>"
        )

    def _repr_html_(self) -> str | None:
        """The notebook view that :mod:`gongwen.display` registers (``import gongwen`` loads it in IPython);
        ``None``, the plain repr, where none is registered. The model does not import the view."""
        return _html_views[-1](self) if _html_views else None

    def walk(self) -> Iterator[Section]:
        """Every section of every document, depth first, in text order (document roots excluded)."""
        for document in self.documents:
            for section in document.sections:
                yield from section.walk()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: documents, noise, flat headings, nested outline and metrics.

        For a report read from a file, also ``source`` (format, path, title, date, source, author, pages);
        for a PDF, each heading and metric has its ``page``.
        """
        data = {
            "documents": [d.to_dict() for d in self.documents],
            "noise": [n.to_dict() for n in self.noise],
            "headings": [self._paged(h.to_dict(), h.span.start) for h in self.headings],
            "outline": [
                [s.to_dict() for s in d.sections] for d in self.documents
            ],
            "metrics": [self._paged(m.to_dict(), m.span.start) for m in self.metrics],
        }
        if self.source is not None:
            data["source"] = self.source.metadata()
        return data

    def metrics_table(self) -> list[dict[str, Any]]:
        """One plain dict per metric, with its document and section path (and its ``page`` for a PDF
        source), ready for csv or a DataFrame."""
        rows = []
        for m in self.metrics:
            row = m.to_dict()
            row["section"] = " > ".join(m.section)
            rows.append(self._paged(row, m.span.start))
        return rows

    def headings_table(self) -> list[dict[str, Any]]:
        """One plain dict per heading (with its ``page`` for a PDF source)."""
        return [self._paged(h.to_dict(), h.span.start) for h in self.headings]

    def metrics_frame(self, *, file: str = "") -> Any:
        """The metrics as a pandas DataFrame (``pip install 'gongwen[pandas]'``).

        The columns and dtypes are those of the ``metrics`` table of ``gongwen batch`` and of the Dask
        frames (:data:`gongwen.schema.TABLES`): ``file`` (as given), ``document``, ``section``, then the
        metric's fields; ``value``, ``low`` and ``high`` are exact :class:`~decimal.Decimal` objects
        (``frame.value.astype(float)`` where floats will do), integers nullable ``Int64``.
        """
        from gongwen.schema import report_rows, to_frame

        return to_frame("metrics", report_rows(self, file=file)["metrics"])

    def headings_frame(self, *, file: str = "") -> Any:
        """The headings as a pandas DataFrame (``pip install 'gongwen[pandas]'``), with the columns and
        dtypes of the ``headings`` table of ``gongwen batch``: ``number`` and ``parent`` are nullable
        ``Int64`` (missing is ``<NA>``, never a float NaN)."""
        from gongwen.schema import report_rows, to_frame

        return to_frame("headings", report_rows(self, file=file)["headings"])

