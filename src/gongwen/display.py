"""How a Report shows itself in a notebook: the outline as a collapsible tree, the metrics as a table."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongwen.model import Report, Section

__all__ = ["report_html"]

_METRIC_COLUMNS = ("text", "value", "unit", "kind", "qualifier", "subject", "section")


def _section_html(section: Section) -> str:
    heading = section.heading
    label = "" if heading is None else escape(heading.marker + heading.title)
    if not section.children:
        return f"<li>{label}</li>"
    children = "".join(_section_html(child) for child in section.children)
    return f"<li><details open><summary>{label}</summary><ul>{children}</ul></details></li>"


def _value(row: dict[str, object]) -> str:
    if row["value"] is not None:
        return str(row["value"])
    if row["low"] is not None:
        return f"{row['low']}–{row['high']}"
    return "(masked)" if row["redacted"] else ""


def report_html(report: Report, *, max_metrics: int = 200) -> str:
    """An HTML view of ``report``: one collapsible outline per document, then the metrics table."""
    parts = ["<div class='gongwen-report'>"]
    for document in report.documents:
        title = escape(document.title or f"Document {document.index}")
        tree = "".join(_section_html(section) for section in document.sections)
        parts.append(f"<details open><summary><b>{title}</b></summary><ul>{tree}</ul></details>")
    rows = report.metrics_table()
    head = "".join(f"<th>{name}</th>" for name in _METRIC_COLUMNS)
    body = []
    for row in rows[:max_metrics]:
        cells = {**{name: row.get(name) for name in _METRIC_COLUMNS}, "value": _value(row)}
        body.append("<tr>" + "".join(f"<td>{escape(str(cells[n] or ''))}</td>" for n in _METRIC_COLUMNS) + "</tr>")
    more = f"<p>… and {len(rows) - max_metrics} more metrics</p>" if len(rows) > max_metrics else ""
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}</div>")
    return "".join(parts)
