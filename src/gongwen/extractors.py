"""Pluggable metric extractors: a protocol, a registry by name, and a data-driven pattern extractor.

An extractor is any object with a ``name`` and a call from a :class:`~gongwen.context.Context` (one
document) to metrics. The built-in :class:`~gongwen.metrics.MetricExtractor` is registered as
``"metrics"``; add yours with :func:`register_extractor` or pass it to :func:`gongwen.parse`::

    beds = PatternExtractor.from_spec({"name": "beds", "kind": "beds", "unit": "张", "subject": "床位"})
    report = gongwen.parse(text, extractors=[beds, "metrics"])

When two extractors claim overlapping text, the longer span wins, then the extractor listed first (by default
the registered ones before the built-in ``"metrics"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs
import regex

from gongwen.context import Context
from gongwen.errors import NotANumeralError, RegistryError
from gongwen.metrics import MetricExtractor
from gongwen.model import Metric, Qualifier, Span
from gongwen.numerals import to_number
from gongwen.subjects import find_subject

__all__ = [
    "Extractor",
    "PatternExtractor",
    "extractor_names",
    "get_extractor",
    "register_extractor",
    "resolve_overlaps",
    "run_extractors",
    "unregister_extractor",
]


@runtime_checkable
class Extractor(Protocol):
    """What :func:`gongwen.parse` calls for each document."""

    name: str

    def __call__(self, context: Context) -> Iterable[Metric]: ...


# The registry, by name. The built-in extractor is an empty attrs instance: creating it does no work.
_registry: dict[str, Extractor] = {"metrics": MetricExtractor()}


def _builtins() -> dict[str, Extractor]:
    return _registry


def register_extractor(extractor: Extractor, *, replace: bool = False) -> Extractor:
    """Make ``extractor`` run in every :func:`gongwen.parse` (after those registered before it).

    Registered extractors run before the built-in ``"metrics"``, so where one of yours and the built-in
    claim the same span, yours wins. Returns the extractor.
    """
    if not isinstance(extractor, Extractor):
        raise RegistryError(
            f"{extractor!r} is not an extractor: it needs a 'name' and a __call__(context) returning metrics"
        )
    registry = _builtins()
    if extractor.name in registry and not replace:
        raise RegistryError(f"an extractor named {extractor.name!r} is registered; pass replace=True to swap it")
    registry[extractor.name] = extractor
    return extractor


def unregister_extractor(name: str) -> None:
    """Remove a registered extractor (the built-in ``"metrics"`` too, if you mean it)."""
    registry = _builtins()
    if name not in registry:
        raise RegistryError(f"no extractor named {name!r}; registered: {sorted(registry)}")
    del registry[name]


def get_extractor(name: str) -> Extractor:
    """The registered extractor called ``name``."""
    registry = _builtins()
    try:
        return registry[name]
    except KeyError:
        raise RegistryError(f"no extractor named {name!r}; registered: {sorted(registry)}") from None


def extractor_names() -> tuple[str, ...]:
    """The names of the registered extractors, in the order they run: yours, then the built-in one."""
    registry = _builtins()
    return tuple(sorted(registry, key=lambda name: name == "metrics"))


def resolve_overlaps(metrics: Iterable[tuple[int, Metric]]) -> list[Metric]:
    """Keep non-overlapping metrics: longest span first, then lowest extractor rank, then text order."""
    items = list(metrics)
    in_order = sorted(items, key=lambda item: (item[1].span.start, item[1].span.end))
    reach = -1
    for _, metric in in_order:
        if metric.span.start < reach:
            break
        reach = metric.span.end
    else:  # the common case: nothing overlaps
        return [metric for _, metric in in_order]
    ranked = sorted(items, key=lambda item: (-(len(item[1].span)), item[0], item[1].span.start))
    taken = _Taken(in_order[0][1].span.start, max(metric.span.end for _, metric in in_order))
    kept: list[Metric] = []
    for _, metric in ranked:
        if taken.add(metric.span.start, metric.span.end):
            kept.append(metric)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end))


class _Taken:
    """The spans kept so far (none overlapping another), as marks on the characters of ``[lo, hi)``: checking
    and adding a span costs its length, so resolving n metrics is linear, not quadratic (40,000 metrics of
    two extractors)."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo = lo
        self.covered = bytearray(hi - lo)  # 1 where a kept span covers the character
        self.starts = bytearray(hi - lo + 1)  # 1 where a kept span starts
        self.empty = bytearray(hi - lo + 1)  # 1 where a kept empty span sits

    def add(self, start: int, end: int) -> bool:
        """Keep ``[start, end)`` if it overlaps no kept span (an empty span overlaps one it sits strictly
        inside), and say whether it was kept."""
        first, last = start - self.lo, end - self.lo
        if first == last:  # an empty span
            if first < len(self.covered) and self.covered[first] and not self.starts[first]:
                return False
            self.empty[first] = 1
            return True
        if self.covered.find(1, first, last) >= 0 or self.empty.find(1, first + 1, last) >= 0:
            return False
        self.covered[first:last] = b"\x01" * (last - first)
        self.starts[first] = 1
        return True


def run_extractors(context: Context, extractors: Sequence[Extractor | str] | None = None) -> list[Metric]:
    """Run the extractors (default: every registered one) on one document and resolve overlaps."""
    names = extractor_names() if extractors is None else extractors
    chosen = [get_extractor(e) if isinstance(e, str) else e for e in names]
    found: list[tuple[int, Metric]] = []
    for rank, extractor in enumerate(chosen):
        for metric in extractor(context):
            if metric.extractor != extractor.name:
                metric = attrs.evolve(metric, extractor=extractor.name)
            found.append((rank, metric))
    return resolve_overlaps(found)


# How far back a pattern extractor looks for its subject word in the clause before a number.
_MENTION_REACH = 200
_VALUE = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?[万亿]?|[零〇一二三四五六七八九十百千万亿两]+"


def _as_pattern(spec: Mapping[str, Any]) -> str:
    unit = regex.escape(spec["unit"])
    return rf"(?P<value>{_VALUE})(?P<unit>{unit})"


@attrs.frozen
class PatternExtractor:
    """A metric extractor declared as data.

    * With ``unit`` (and optionally ``subject``): every number followed by that unit — in a clause that
      mentions ``subject`` before the number, if given, is a metric of ``kind``.
    * With ``pattern``: a regular expression (matched on the normalised text) whose named groups
      ``value`` (required), ``unit`` and ``subject`` give the fields.
    """

    name: str
    kind: str
    unit: str = ""
    subject: str | None = None
    pattern: str | None = None
    compiled: regex.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.pattern is None and not self.unit:
            raise RegistryError(f"pattern extractor {self.name!r} needs a 'unit' or a 'pattern'")
        source = self.pattern if self.pattern is not None else _as_pattern({"unit": self.unit})
        try:
            compiled = regex.compile(source)
        except regex.error as exc:
            raise RegistryError(f"pattern extractor {self.name!r}: bad pattern {source!r}: {exc}") from exc
        if "value" not in compiled.groupindex:
            raise RegistryError(f"pattern extractor {self.name!r}: the pattern needs a (?P<value>...) group")
        object.__setattr__(self, "compiled", compiled)

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any]) -> PatternExtractor:
        """Build one from a plain mapping, e.g. loaded from JSON or YAML:
        ``{"name": "beds", "kind": "beds", "unit": "张", "subject": "床位"}``."""
        known = {"name", "kind", "unit", "subject", "pattern"}
        unknown = set(spec) - known
        if unknown:
            raise RegistryError(f"unknown keys {sorted(unknown)} in extractor spec; use {sorted(known)}")
        if "kind" not in spec:
            raise RegistryError("an extractor spec needs a 'kind'")
        return cls(
            name=spec.get("name") or spec["kind"],
            kind=spec["kind"],
            unit=spec.get("unit", ""),
            subject=spec.get("subject"),
            pattern=spec.get("pattern"),
        )

    def __call__(self, context: Context) -> Iterator[Metric]:
        text, folded = context.text, context.folded
        for match in self.compiled.finditer(folded, context.span.start, context.span.end):
            start, end = match.span()
            if start == end or context.skipped(start, end):
                continue
            try:
                value = to_number(match.group("value"))
            except NotANumeralError:
                continue
            subject_span = _group_span(match, "subject")
            if subject_span is None:
                subject_span = find_subject(context, start, end, self.kind)
            if self.subject is not None and not _mentions(folded, context, start, self.subject):
                continue
            unit_span = _group_span(match, "unit")
            unit = self.unit or ("" if unit_span is None else unit_span.of(folded))
            yield Metric(
                span=Span(start, end),
                text=text[start:end],
                value=value,
                unit=unit,
                kind=self.kind,
                qualifier=Qualifier.EXACT,
                subject=self.subject if subject_span is None else subject_span.of(text),
                subject_span=subject_span,
                document=context.document,
                extractor=self.name,
            )


def _group_span(match: regex.Match[str], name: str) -> Span | None:
    if name not in match.re.groupindex or match.start(name) < 0:
        return None
    return Span(match.start(name), match.end(name))


def _mentions(folded: str, context: Context, start: int, word: str) -> bool:
    """Whether ``word`` occurs in the clause before ``start`` (since the last , ; 。 or line break, and not
    more than ``_MENTION_REACH`` characters back)."""
    lo = max(context.span.start, start - _MENTION_REACH)
    clause_start = max(folded.rfind(p, lo, start) for p in ",;。\n")
    return word in folded[max(lo, clause_start + 1) : start]

