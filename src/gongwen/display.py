"""How a Report shows itself to a person: metric values as a reader writes them, and the notebook view.

:func:`format_value` writes a metric's value the way a report does (5.2万亿元, 55.57万元, 7.4%,
3,000–5,000元) for the terminal table and the notebook; the exact base-unit values stay in ``to_dict``,
``--json`` and the tables. :func:`report_html` is what a :class:`~gongwen.model.Report` shows in Jupyter:
a summary card, a collapsible outline and a metrics table that sorts by any column with plain HTML and
CSS (hidden radio buttons and the CSS ``order`` property: no script runs).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from gongwen.model import register_html_view

if TYPE_CHECKING:
    from gongwen.model import Document, Heading, Metric, Report, Section

__all__ = ["format_number", "format_qualifier", "format_value", "report_html", "section_label"]

_MAGNITUDE_FACTORS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}


def _magnitude_factor(magnitude: str | None) -> int:
    factor = 1
    for char in magnitude or "":
        factor *= _MAGNITUDE_FACTORS.get(char, 1)
    return factor


def format_number(value: Decimal) -> str:
    """A number as a reader writes it: no exponent, no trailing zeros, thousands grouped (55,983; 7.4)."""
    return format(value.normalize(), ",f")


def format_value(metric: Metric) -> str:
    """A metric's value as the report writes it, in the magnitude it was stated in.

    ``Metric(value=5200000000000, unit="元", magnitude="万亿")`` → ``5.2万亿元``; 555700 元 stated in 万 →
    ``55.57万元``; 7.4 % → ``7.4%``; a range 3000–5000 元 → ``3,000–5,000元``; a masked figure → ``masked``.
    """
    if metric.redacted:
        return "masked"
    factor = _magnitude_factor(metric.magnitude)
    scale = metric.magnitude if factor > 1 else ""

    def number(value: Decimal) -> str:
        return format_number(value / factor) if factor > 1 else format_number(value)

    if metric.value is not None:
        shown = number(metric.value)
    elif metric.low is not None and metric.high is not None:
        shown = f"{number(metric.low)}–{number(metric.high)}"
    elif metric.low is not None:
        shown = f"≥{number(metric.low)}"
    elif metric.high is not None:
        shown = f"≤{number(metric.high)}"
    else:
        return ""
    return f"{shown}{scale}{metric.unit}"


def section_label(headings: Sequence[Heading], index: int | None) -> tuple[str, str]:
    """Where a metric is, briefly: the markers of its section path and the innermost title
    (``("三、7、三是", "认真践行师德承诺")``); ``("", "")`` outside every section."""
    markers: list[str] = []
    title = ""
    while index is not None and 0 <= index < len(headings) and len(markers) < 32:
        markers.append(headings[index].marker)
        title = title or headings[index].title
        index = headings[index].parent
    return "".join(reversed(markers)), title


def format_qualifier(metric: Metric) -> str:
    """How exact the value is and which way it moved, when that is worth saying: ``approx``, ``more_than up``."""
    words = [] if metric.qualifier == "exact" else [str(metric.qualifier)]
    return " ".join([*words, *([str(metric.direction)] if metric.direction is not None else [])])


# ---------------------------------------------------------------------------------------------------------
# The notebook view

_STYLE = """<style>
.gw-report{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;
 font-size:13px;line-height:1.5;color:inherit;max-width:1100px}
.gw-card{border:1px solid rgba(127,127,127,.35);border-left:4px solid #c0392b;border-radius:8px;
 padding:12px 16px;margin:4px 0 10px;background:rgba(127,127,127,.06)}
.gw-title{font-size:18px;font-weight:600;margin:0}
.gw-sub{opacity:.75;margin-top:2px}
.gw-counts{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
.gw-count{border-radius:6px;padding:3px 10px;background:rgba(127,127,127,.12)}
.gw-count b{font-size:15px;font-variant-numeric:tabular-nums;margin-right:4px}
.gw-report details>summary{cursor:pointer;font-weight:600;margin:6px 0}
.gw-report ul{list-style:none;margin:0;padding-left:18px;border-left:1px dotted rgba(127,127,127,.45)}
.gw-report li{margin:1px 0}
.gw-report li>details>summary{font-weight:400;margin:0}
.gw-m1{color:#c0392b;font-weight:600}.gw-m2{color:#2471a3;font-weight:600}.gw-m3{color:#1e8449}
.gw-m4{color:#b9770e}.gw-m5{color:#7d3c98}
.gw-none{opacity:.6;font-style:italic}
.gw-sort{display:none}
.gw-table{display:grid;grid-template-columns:repeat(7,auto);border-collapse:collapse;width:max-content;
 max-width:100%;overflow-x:auto}
.gw-table thead,.gw-table tbody,.gw-table tr{display:contents}
.gw-table th,.gw-table td{padding:3px 10px;border-bottom:1px solid rgba(127,127,127,.2);text-align:left;
 white-space:nowrap}
.gw-table th{position:sticky;top:0;background:rgba(127,127,127,.15);font-weight:600}
.gw-table td.gw-num,.gw-table th.gw-num{text-align:right;font-variant-numeric:tabular-nums}
.gw-table td.gw-wrap{white-space:normal;min-width:6em;max-width:16em}
.gw-table td.gw-section{max-width:26em;overflow:hidden;text-overflow:ellipsis}
.gw-section b{font-weight:600;margin-right:4px}
.gw-table label{cursor:pointer;user-select:none}
.gw-table .gw-arrow{opacity:.35;font-size:10px;margin-left:2px}
.gw-badge{display:inline-block;border-radius:9px;padding:0 7px;font-size:11px;color:#fff;background:#7f8c8d}
.gw-k-money{background:#b9770e}.gw-k-percent{background:#2471a3}.gw-k-count{background:#1e8449}
.gw-k-ratio{background:#7d3c98}.gw-k-area,.gw-k-length,.gw-k-volume,.gw-k-mass{background:#117a65}
.gw-k-duration,.gw-k-age{background:#a04000}
.gw-dim{opacity:.6}.gw-more{opacity:.7;font-style:italic}
.gw-report tr{--r:var(--a0)}
"""

# column name, header, right-aligned
_COLUMNS = (
    ("#", "#", True),
    ("text", "text", False),
    ("value", "value", True),
    ("kind", "kind", False),
    ("qualifier", "qualifier", False),
    ("subject", "subject", False),
    ("section", "section", False),
)

_KNOWN_KINDS = frozenset(
    ("money", "percent", "count", "ratio", "area", "length", "volume", "mass", "duration", "age", "score", "other")
)

_ids = itertools.count()


def _sort_css() -> str:
    """The rules that reorder the rows when a column's hidden radio button is checked."""
    rules = []
    for column in range(len(_COLUMNS)):
        rules.append(f".gw-s{column}a:checked~.gw-table tr{{--r:var(--a{column})}}")
        rules.append(f".gw-s{column}d:checked~.gw-table tr{{--r:var(--d{column})}}")
        rules.append(f".gw-s{column}a:checked~.gw-table .gw-l{column}a{{opacity:1}}")
        rules.append(f".gw-s{column}d:checked~.gw-table .gw-l{column}d{{opacity:1}}")
        rules.append(f".gw-table th:nth-child({column + 1}){{order:{column - len(_COLUMNS)}}}")
        rules.append(f".gw-table td:nth-child({column + 1}){{order:calc(var(--r) * 8 + {column})}}")
    return "\n".join(rules) + "\n</style>"


_CSS = _STYLE + _sort_css()


def _ranks(metrics: Sequence[Metric], key: Callable[[Metric], tuple[bool, Any]], descending: bool) -> list[int]:
    """Each metric's row when sorted by ``key`` (``(missing, value)``): the missing last either way, ties
    in text order."""
    keys = [key(metric) for metric in metrics]
    if descending:
        order = sorted(range(len(keys)), key=lambda i: (not keys[i][0], keys[i][1]), reverse=True)
    else:
        order = sorted(range(len(keys)), key=keys.__getitem__)
    ranks = [0] * len(keys)
    for rank, index in enumerate(order):
        ranks[index] = rank
    return ranks


def _number(metric: Metric) -> tuple[bool, Decimal]:
    value = metric.value if metric.value is not None else metric.low if metric.low is not None else metric.high
    return value is None, value or Decimal(0)


_KEYS: tuple[Callable[[Metric], tuple[bool, Any]], ...] = (
    lambda m: (False, m.span.start),
    lambda m: (False, m.text),
    _number,
    lambda m: (False, str(m.kind)),
    lambda m: (not format_qualifier(m), format_qualifier(m)),
    lambda m: (not m.subject, m.subject or ""),
    lambda m: (m.heading is None, m.heading or 0),
)


def _metrics_html(metrics: Sequence[Metric], headings: Sequence[Heading], uid: str, limit: int | None) -> str:
    shown = list(metrics[:limit] if limit is not None else metrics)
    ranks = [(_ranks(shown, key, False), _ranks(shown, key, True)) for key in _KEYS]
    radios = "".join(
        f"<input type='radio' class='gw-sort gw-s{c}{d}' name='{uid}' id='{uid}-{c}{d}'{checked}>"
        for c in map(str, range(len(_COLUMNS)))
        for d in "ad"
        for checked in [" checked" if c + d == "0a" else ""]
    )
    head = "".join(
        f"<th{' class=gw-num' if right else ''}><label for='{uid}-{c}a' title='sort ascending'>{escape(title)}</label>"
        f"<label for='{uid}-{c}a' class='gw-arrow gw-l{c}a'>▲</label>"
        f"<label for='{uid}-{c}d' class='gw-arrow gw-l{c}d' title='sort descending'>▼</label></th>"
        for c, (_, title, right) in enumerate(_COLUMNS)
    )
    rows = []
    for i, metric in enumerate(shown):
        kind = str(metric.kind)
        markers, title = section_label(headings, metric.heading)
        badge = f"gw-k-{kind}" if kind in _KNOWN_KINDS else "gw-k-custom"
        cells = (
            f"<td class='gw-num gw-dim'>{i + 1}</td>",
            f"<td>{escape(metric.text)}</td>",
            f"<td class='gw-num' title='{escape(_exact(metric))}'>{escape(format_value(metric))}</td>",
            f"<td><span class='gw-badge {badge}'>{escape(kind)}</span></td>",
            f"<td class='gw-dim'>{escape(format_qualifier(metric))}</td>",
            f"<td class='gw-wrap'>{escape(metric.subject or '')}</td>",
            f"<td class='gw-section' title='{escape(' > '.join(metric.section))}'><b>{escape(markers)}</b>"
            f"<span class='gw-dim'>{escape(title)}</span></td>",
        )
        variables = ";".join(f"--a{c}:{up[i]};--d{c}:{down[i]}" for c, (up, down) in enumerate(ranks))
        rows.append(f"<tr style='{variables}'>{''.join(cells)}</tr>")
    more = ""
    if len(shown) < len(metrics):
        more = (
            f"<p class='gw-more'>{len(metrics) - len(shown)} more metrics not shown: "
            "report.metrics_frame() or report.metrics_table() has them all.</p>"
        )
    table = f"<table class='gw-table'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return radios + table + more


def _exact(metric: Metric) -> str:
    """The exact base-unit value, shown on hover."""
    if metric.value is not None:
        return f"{format(metric.value, 'f')} {metric.unit}".strip()
    if metric.low is not None or metric.high is not None:
        low = "" if metric.low is None else format(metric.low, "f")
        high = "" if metric.high is None else format(metric.high, "f")
        return f"{low}–{high} {metric.unit}".strip()
    return ""


def _section_html(section: Section, limit: int) -> str:
    heading = section.heading
    if heading is None or heading.index >= limit:
        return ""
    level = min(max(heading.level, 1), 5)
    label = f"<span class='gw-m{level}'>{escape(heading.marker)}</span>{escape(heading.title)}"
    if not section.children:
        return f"<li>{label}</li>"
    children = "".join(_section_html(child, limit) for child in section.children)
    return f"<li><details open><summary>{label}</summary><ul>{children}</ul></details></li>"


def _document_html(document: Document, headings: int, limit: int) -> str:
    title = escape(" ".join((document.title or "").split()) or f"Document {document.index}")
    tree = "".join(_section_html(section, limit) for section in document.sections)
    body = f"<ul>{tree}</ul>" if tree else "<p class='gw-none'>(no headings)</p>"
    count = f"{headings:,} heading{'' if headings == 1 else 's'}"
    return f"<details open><summary>{title} <span class='gw-dim'>· {count}</span></summary>{body}</details>"


def _plural(count: int, word: str) -> str:
    return f"<span class='gw-count'><b>{count:,}</b>{word}{'' if count == 1 else 's'}</span>"


def _card(report: Report) -> str:
    first = report.documents[0] if report.documents else None
    title = " ".join(((first.title if first else None) or "Report").split())
    lines = [" ".join(str(getattr(first, name, None) or "").split()) for name in ("subtitle", "speaker") if first]
    sub = " · ".join(line for line in lines if line)
    if len(report.documents) > 1:
        sub = " · ".join(filter(None, (sub, f"and {len(report.documents) - 1} more documents")))
    counts = "".join(
        (
            _plural(len(report.text), " character"),
            _plural(len(report.documents), " document"),
            _plural(len(report.headings), " heading"),
            _plural(len(report.metrics), " metric"),
            _plural(len(report.noise), " noise span"),
        )
    )
    sub_html = f"<div class='gw-sub'>{escape(sub)}</div>" if sub else ""
    counts_html = f"<div class='gw-counts'>{counts}</div>"
    return f"<div class='gw-card'><p class='gw-title'>{escape(title)}</p>{sub_html}{counts_html}</div>"


def report_html(report: Report, *, max_metrics: int | None = 1000, max_headings: int | None = 2000) -> str:
    """An HTML view of ``report``: a summary card, the outline (collapsible, one tree per document) and
    the metrics table, sortable by clicking a column's header (▲ ascending, ▼ descending). At most
    ``max_metrics`` metrics and ``max_headings`` headings are shown (``None``: all); a note says how many
    more there are."""
    uid = f"gw{next(_ids)}"
    per_document: dict[int, int] = {}
    for heading in report.headings:
        per_document[heading.document] = per_document.get(heading.document, 0) + 1
    limit = len(report.headings) if max_headings is None else max_headings
    last = len(report.documents)  # the last document shown
    if limit < len(report.headings):
        last = report.headings[limit - 1].document if limit > 0 else -1
    shown = [d for d in report.documents if d.index <= last]
    outline = "".join(_document_html(d, per_document.get(d.index, 0), limit) for d in shown)
    if limit < len(report.headings):
        outline += f"<p class='gw-more'>{len(report.headings) - limit:,} more headings not shown.</p>"
    metrics = (
        _metrics_html(report.metrics, report.headings, uid, max_metrics)
        if report.metrics
        else "<p class='gw-none'>(no metrics)</p>"
    )
    return (
        f"<div class='gw-report'>{_CSS}{_card(report)}"
        f"<details open class='gw-outline'><summary>Outline</summary>{outline}</details>"
        f"<details open class='gw-metrics'><summary>Metrics ({len(report.metrics):,})</summary>{metrics}</details>"
        "</div>"
    )


register_html_view(report_html)  # a Report in a notebook shows itself with report_html
