"""The headline indicators of many reports as one table: one row per (file, document, indicator, period,
status).

:func:`panel_rows` returns plain dicts, :func:`panel` a pandas DataFrame (``pip install 'gongwen[pandas]'``),
and ``gongwen panel INPUT...`` writes the table as csv, jsonl or parquet. The first columns are always
:data:`COLUMNS`; ``value``, ``low`` and ``high`` are decimal strings in the base unit, a growth rate signed
(下降0.2% is ``-0.2``). Where a report states the same cell twice, the statement in a part of the report
that reports (for an actual) or plans (for a target) it wins, then the first in the text.

Rows are kept only for figures of the region's own indicators (:mod:`gongwen.indicators`) with a resolved
period (a figure of 上半年 or 1—11月 has none); a growth over a span counts where it is an average
(年均增长), not a cumulative change (五年增长30%).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from gongwen import formats
from gongwen.errors import GongwenError
from gongwen.files import find_files, read_report
from gongwen.indicators import Measure, get_indicator
from gongwen.model import Direction, Metric, Report, Status
from gongwen.periods import section_status
from gongwen.schema import import_pandas

__all__ = ["COLUMNS", "PanelInputError", "panel", "panel_rows", "rows_frame"]

#: The columns every panel row starts with, in this order.
COLUMNS: tuple[str, ...] = (
    "file", "document", "region", "title", "indicator", "period", "status", "value", "low", "high", "unit",
    "qualifier", "text", "start", "end",
)  # fmt: skip
_EXTRA = ("name", "period_text", "subject", "section")
_AVERAGE_WORDS = ("年均", "平均每年", "年平均")


class PanelInputError(GongwenError, ValueError):
    """An input to the panel is neither a path, a folder, a glob pattern nor a :class:`Report`."""


Input = str | os.PathLike[str] | Report | tuple[str, Report]


def _reports(inputs: Iterable[Input], pattern: str) -> Iterator[tuple[str | None, Report]]:
    for item in inputs:
        if isinstance(item, Report):
            yield None, item
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Report):
            yield str(item[0]), item[1]
        elif isinstance(item, (str, os.PathLike)):
            for path in find_files([item], pattern=pattern):
                name = os.fspath(path)
                yield name, read_report(path, name=name, encoding=None, errors="strict").report
        else:
            raise PanelInputError(
                "a panel input must be a file or folder path, a glob pattern or a gongwen Report, "
                f"got {type(item).__name__}"
            )


def _signed(metric: Metric, measure: Measure) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The value and range, a fall made negative for a growth rate (and a rise for a reduction)."""
    value, low, high = metric.value, metric.low, metric.high
    flip = (measure is Measure.GROWTH and metric.direction is Direction.DOWN) or (
        measure is Measure.REDUCTION and metric.direction is Direction.UP
    )
    if not flip:
        return value, low, high
    if value is not None and value < 0:
        return value, low, high  # 增长-3.2%: the sign is already there
    return _negate(value), _negate(high), _negate(low)


def _negate(value: Decimal | None) -> Decimal | None:
    return None if value is None else -value


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _rank(metric: Metric) -> tuple[int, int]:
    """Where a statement of a cell stands: in the part that reports or plans it first, then in text order."""
    part = section_status(tuple(reversed(metric.section)))
    return (0 if part is not None and part is metric.status else 1), metric.span.start


def _is_cell(metric: Metric, measure: Measure, report: Report) -> bool:
    if metric.indicator is None or metric.redacted or metric.period is None:
        return False  # no indicator, a masked number, or no year (上半年, or a report that never says when)
    if measure is not Measure.LEVEL and metric.period is not None and "-" in metric.period:
        lead = report.text[max(0, metric.span.start - 8) : metric.span.start]
        return any(word in lead for word in _AVERAGE_WORDS)  # an average over the span, not a total change
    return True


def _rows_of(
    file: str | None, report: Report, wanted: frozenset[str] | None, status: str | None
) -> list[dict[str, Any]]:
    cells: dict[tuple[int, str, str | None, str | None], Metric] = {}
    for metric in report.metrics:
        if metric.indicator is None or (wanted is not None and metric.indicator not in wanted):
            continue
        if status is not None and (metric.status is None or str(metric.status) != status):
            continue
        if not _is_cell(metric, get_indicator(metric.indicator).measure, report):
            continue
        key = (metric.document, metric.indicator, metric.period, None if metric.status is None else str(metric.status))
        kept = cells.get(key)
        if kept is None or _rank(metric) < _rank(kept):
            cells[key] = metric
    rows = []
    documents = {d.index: d for d in report.documents}
    for metric in sorted(cells.values(), key=lambda m: m.span.start):
        entry = get_indicator(metric.indicator or "")
        value, low, high = _signed(metric, entry.measure)
        document = documents.get(metric.document)
        rows.append(
            {
                "file": file,
                "document": metric.document,
                "region": None if document is None else document.region,
                "title": None if document is None else document.title,
                "indicator": metric.indicator,
                "period": metric.period,
                "status": None if metric.status is None else str(metric.status),
                "value": _text(value),
                "low": _text(low),
                "high": _text(high),
                "unit": metric.unit,
                "qualifier": str(metric.qualifier),
                "text": metric.text,
                "start": metric.span.start,
                "end": metric.span.end,
                "name": entry.name,
                "period_text": metric.period_text,
                "subject": metric.subject,
                "section": " > ".join(metric.section),
            }
        )
    return rows


def panel_rows(
    reports_or_paths: Input | Iterable[Input],
    indicators: Sequence[str] | str | None = None,
    status: Status | str | None = None,
    *,
    pattern: str = formats.DEFAULT_PATTERN,
) -> list[dict[str, Any]]:
    """The panel as plain dicts (columns :data:`COLUMNS`, then ``name``, ``period_text``, ``subject`` and
    ``section``).

    ``reports_or_paths``: files, folders (every ``pattern`` file under them), glob patterns, parsed
    :class:`Report` objects or ``(name, report)`` pairs. ``indicators`` keeps only those ids (a list or
    ``"gdp_growth,cpi_growth"``); ``status`` only ``"target"`` or ``"actual"`` rows.
    """
    inputs: Iterable[Input]
    if isinstance(reports_or_paths, (str, os.PathLike, Report)):
        inputs = [reports_or_paths]
    elif isinstance(reports_or_paths, tuple) and len(reports_or_paths) == 2 and isinstance(reports_or_paths[1], Report):
        inputs = [(str(reports_or_paths[0]), reports_or_paths[1])]
    else:
        inputs = reports_or_paths
    if isinstance(indicators, str):
        indicators = [part.strip() for part in indicators.split(",") if part.strip()]
    wanted = None
    if indicators is not None:
        wanted = frozenset(get_indicator(i).id for i in indicators)
    if status is not None:
        try:
            status = str(Status(status))
        except ValueError:
            raise PanelInputError(f"status must be 'target' or 'actual', got {status!r}") from None
    rows: list[dict[str, Any]] = []
    for file, report in _reports(inputs, pattern):
        rows.extend(_rows_of(file, report, wanted, status))
    return rows


def panel(
    reports_or_paths: Input | Iterable[Input],
    indicators: Sequence[str] | str | None = None,
    status: Status | str | None = None,
    *,
    pattern: str = formats.DEFAULT_PATTERN,
) -> Any:
    """The panel as a pandas DataFrame (``pip install 'gongwen[pandas]'``); see :func:`panel_rows`."""
    return rows_frame(panel_rows(reports_or_paths, indicators, status, pattern=pattern))


def rows_frame(rows: Sequence[dict[str, Any]]) -> Any:
    """Panel rows as a pandas DataFrame with the panel's columns (also when there are no rows)."""
    return import_pandas().DataFrame(list(rows), columns=[*COLUMNS, *_EXTRA])
