"""The typed results gongwen returns: frozen, slotted ``attrs`` classes with offsets into the original text.

Every result carries a :class:`Span` whose ``start``/``end`` index the text the user passed in, unchanged
(Python ``str`` indices, ``end`` exclusive), so ``text[r.span.start:r.span.end] == r.text`` always holds.
Quantities are :class:`~decimal.Decimal`; kinds, styles and qualifiers are string enums.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

__all__ = [
    "Direction",
    "Document",
    "Heading",
    "HeadingStyle",
    "Metric",
    "MetricKind",
    "Noise",
    "NumberMention",
    "Qualifier",
    "Report",
    "Section",
    "Span",
]


class HeadingStyle(StrEnum):
    """The built-in heading styles (GUIDELINES §3). User-registered styles use their own names."""

    PART = "part"  # 第一部分 第二章 第三节
    CN_DUN = "cn_dun"  # 一、
    CN_PAREN = "cn_paren"  # (一)
    ARABIC_DUN = "arabic_dun"  # 1、
    ARABIC_DOT = "arabic_dot"  # 1.
    ARABIC_PAREN = "arabic_paren"  # (1) ⑵
    CIRCLED = "circled"  # ①
    CN_SHI = "cn_shi"  # 一是
    DI_CN = "di_cn"  # 第一、
    LABEL = "label"  # 存在问题:


class MetricKind(StrEnum):
    """What a metric measures. Custom extractors may use kinds of their own (any string)."""

    MONEY = "money"
    PERCENT = "percent"
    RATIO = "ratio"
    COUNT = "count"
    AREA = "area"
    LENGTH = "length"
    MASS = "mass"
    VOLUME = "volume"
    DURATION = "duration"
    AGE = "age"
    SCORE = "score"
    OTHER = "other"


class Qualifier(StrEnum):
    """How exact a stated quantity is: 约3000人 is ``APPROX``, 93万余元 ``MORE_THAN``, 近60万元 ``LESS_THAN``."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"


class Direction(StrEnum):
    """The direction of a stated change (增长7.4% is ``UP``, 下降3% is ``DOWN``)."""

    UP = "up"
    DOWN = "down"


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
        }


@attrs.frozen
class Document:
    """One report inside a text (a scraped page can hold several: 篇一 … 篇八)."""

    index: int
    span: Span
    title: str | None = None
    title_span: Span | None = None
    root: Section | None = None

    @property
    def sections(self) -> tuple[Section, ...]:
        """The top-level sections of this document's outline."""
        return () if self.root is None else self.root.children

    def __repr__(self) -> str:
        title = "" if self.title is None else f" {_cut(self.title)!r}"
        size = sum(1 for _ in self.root.walk()) - 1 if self.root is not None else 0
        return f"<Document {self.index}{title}: chars {self.span.start}-{self.span.end}, {size} sections>"

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.span.start, "end": self.span.end, "title": self.title}


@attrs.frozen(repr=False)
class Report:
    """Everything :func:`gongwen.parse` found in one text."""

    text: str = attrs.field(repr=False)
    documents: tuple[Document, ...] = attrs.field(converter=_documents)
    noise: tuple[Noise, ...] = attrs.field(converter=_noises, default=())
    headings: tuple[Heading, ...] = attrs.field(converter=_headings, default=())
    metrics: tuple[Metric, ...] = attrs.field(converter=_metrics, default=())

    def __repr__(self) -> str:
        return (
            f"<Report: {len(self.text)} characters, {len(self.documents)} documents, "
            f"{len(self.headings)} headings, {len(self.metrics)} metrics, {len(self.noise)} noise spans>"
        )

    def _repr_html_(self) -> str:
        from gongwen.display import report_html

        return report_html(self)

    def walk(self) -> Iterator[Section]:
        """Every section of every document, depth first, in text order (document roots excluded)."""
        for document in self.documents:
            for section in document.sections:
                yield from section.walk()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: documents, noise, flat headings, nested outline and metrics."""
        return {
            "documents": [d.to_dict() for d in self.documents],
            "noise": [n.to_dict() for n in self.noise],
            "headings": [h.to_dict() for h in self.headings],
            "outline": [
                [s.to_dict() for s in d.sections] for d in self.documents
            ],
            "metrics": [m.to_dict() for m in self.metrics],
        }

    def metrics_table(self) -> list[dict[str, Any]]:
        """One plain dict per metric, with its document and section path, ready for csv or a DataFrame."""
        rows = []
        for m in self.metrics:
            row = m.to_dict()
            row["section"] = " > ".join(m.section)
            rows.append(row)
        return rows

    def headings_table(self) -> list[dict[str, Any]]:
        """One plain dict per heading."""
        return [h.to_dict() for h in self.headings]

    def metrics_frame(self) -> Any:
        """The metrics as a pandas DataFrame (``pip install 'gongwen[pandas]'``).

        ``value``, ``low`` and ``high`` keep their exact :class:`~decimal.Decimal`; ``value_float`` is a
        float copy for convenience.
        """
        pandas = _import_pandas()
        rows = self.metrics_table()
        for row, metric in zip(rows, self.metrics, strict=True):
            row["value"], row["low"], row["high"] = metric.value, metric.low, metric.high
            row["value_float"] = None if metric.value is None else float(metric.value)
        return pandas.DataFrame(rows)

    def headings_frame(self) -> Any:
        """The headings as a pandas DataFrame (``pip install 'gongwen[pandas]'``)."""
        return _import_pandas().DataFrame(self.headings_table())


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from gongwen.errors import GongwenError

        raise GongwenError("this needs pandas: pip install 'gongwen[pandas]'") from exc
    return pandas
