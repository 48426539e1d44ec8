"""The entry points: :func:`parse` turns one text into a :class:`~gongwen.model.Report`, and
:func:`extract_metrics` finds the metrics of a text or one of its documents."""

from __future__ import annotations

import bisect
import os
import warnings
from collections.abc import Sequence

import attrs

from gongwen.annotate import annotate, document_frame
from gongwen.context import Context
from gongwen.errors import GongwenWarning, InputTypeError, require_text
from gongwen.extractors import Extractor, run_extractors
from gongwen.model import Document, Heading, Metric, Report, Span
from gongwen.outline import build_outline, find_candidates, split_documents
from gongwen.page import PageView, page_view

__all__ = ["extract_metrics", "parse"]


def parse(text: str, *, extractors: Sequence[Extractor | str] | None = None) -> Report:
    """Parse a report (or a scraped page of several): documents, noise, outline and metrics.

    ``extractors`` are the metric extractors to run, as objects or registered names (default: every
    registered one, i.e. the built-in ``"metrics"`` plus yours). Offsets in the result index ``text``
    exactly as passed in.
    """
    page = page_view(text)  # folded, its lines and its noise found once, read by every step
    text, folded, noise = page.text, page.folded, page.noise
    _warn_if_a_file_name(text, folded)
    candidates = find_candidates(text, page=page)
    documents = split_documents(text, candidates=candidates, page=page)
    outline = build_outline(text, documents, candidates, page=page)
    metrics: list[Metric] = []
    annotated: list[Document] = []
    for document in outline.documents:
        context = _context(page, document, outline.headings)
        found = [_place(metric, document) for metric in run_extractors(context, extractors)]
        # what each metric means in its report: indicator, status and period (gongwen.annotate)
        region, frame = document_frame(text, folded, document)
        metrics.extend(annotate(text, folded, document, found, region=region, frame=frame))
        annotated.append(document if region is None else attrs.evolve(document, region=region))
    return Report(text=text, documents=annotated, noise=noise, headings=outline.headings, metrics=metrics)


# A file name is one line of at most this many characters (the usual PATH_MAX).
_PATH_MAX = 4096


def _warn_if_a_file_name(text: str, folded: str) -> None:
    """Warn where ``text`` is one line that names an existing file: ``parse("report.txt")`` parses the name."""
    if len(text) > _PATH_MAX or not text.strip() or "\n" in folded:
        return
    try:
        is_file = os.path.isfile(text)
    except (OSError, ValueError):  # a name the system cannot look up is no file
        return
    if is_file:
        warnings.warn(
            f"parse() got {text!r}, the name of an existing file, and parses that string as the report's text; "
            "to parse the file, read it first: gongwen.parse(gongwen.read_text(path)) "
            "(or gongwen.batch.parse_file(path) for its table rows)",
            GongwenWarning,
            stacklevel=3,
        )


def extract_metrics(
    text_or_document: str | Document,
    text: str | None = None,
    *,
    extractors: Sequence[Extractor | str] | None = None,
) -> tuple[Metric, ...]:
    """The metrics of a text, or of one :class:`~gongwen.model.Document` of ``text``
    (``extract_metrics(report.documents[1], report.text)``), each linked to its section."""
    if isinstance(text_or_document, Document):
        if text is None:
            raise InputTypeError("pass the text the document belongs to: extract_metrics(document, text)")
        page = page_view(text)
        full, folded = page.text, page.folded
        document = text_or_document
        context = _context(page, document, _headings_of(document))
        found = [_place(m, document) for m in run_extractors(context, extractors)]
        region, frame = document_frame(full, folded, document)
        return tuple(annotate(full, folded, document, found, region=region, frame=frame))
    return parse(require_text(text_or_document), extractors=extractors).metrics


def _headings_of(document: Document) -> list[Heading]:
    return [s.heading for s in (document.root.walk() if document.root else ()) if s.heading is not None]


def _context(page: PageView, document: Document, headings: Sequence[Heading]) -> Context:
    """What the extractors read of one document: its span, minus noise, heading markers and its title."""
    noise = page.noise
    span = document.span
    # noise is in text order and never nested, so its ends are in order too
    first = bisect.bisect_right(noise, span.start, key=lambda n: n.span.end)
    last = bisect.bisect_left(noise, span.end, key=lambda n: n.span.start)
    skip = [n.span for n in noise[first:last]]
    # headings are in text order, so each document's are a run of them
    first = bisect.bisect_left(headings, document.index, key=_document_of)
    last = bisect.bisect_right(headings, document.index, key=_document_of)
    for heading in headings[first:last]:
        if span.contains(heading.span):
            skip.append(Span(heading.span.start, heading.span.start + len(heading.marker)))
    if document.title_span is not None:
        skip.append(document.title_span)  # 范文(六篇) counts articles of the page, not a quantity of a report
    # the dateline and speaker lines (十四届人大三次会议, 2025年1月20日) hold no quantity of the report
    skip.extend(span for span in (document.subtitle_span, document.speaker_span) if span is not None)
    return Context(page.text, page.folded, span, tuple(skip), document.index, document.root, page=page)


def _document_of(heading: Heading) -> int:
    return heading.document


def _place(metric: Metric, document: Document) -> Metric:
    """The metric with its document and the innermost section that holds it.

    The built-in extractor places its metrics itself (from :meth:`Context.section_at`); a metric that is
    already where it belongs is returned as it is.
    """
    section = document.root.at(metric.span.start) if document.root else None
    path = () if section is None else section.path
    heading = None if section is None or section.heading is None else section.heading.index
    if metric.document == document.index and metric.section == path and metric.heading == heading:
        return metric
    return attrs.evolve(metric, document=document.index, section=path, heading=heading)
