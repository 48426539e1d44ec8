"""The tables gongwen makes, in one place: their columns and types, for frames, batch files and Dask.

The same rows appear as :meth:`Report.metrics_frame() <gongwen.model.Report.metrics_frame>` and
:meth:`~gongwen.model.Report.headings_frame`, as the ``documents``, ``headings``, ``metrics``,
``failures`` and ``warnings`` tables of ``gongwen batch`` (csv, jsonl, parquet), and as the frames of
:mod:`gongwen.integrations.dask`. :data:`TABLES` says, for each table, its columns in order and the
type of each:

========  ===========================  =========================  ==========================  ===========
type      pandas                       parquet                    csv                         jsonl
========  ===========================  =========================  ==========================  ===========
int       ``Int64`` (nullable)         ``int64``                  digits; empty for missing   number/null
bool      ``boolean`` (nullable)       ``bool``                   ``True`` / ``False``        true/false
text      ``object`` (``str``/None)    ``string``                 as is; empty for missing    string/null
decimal   ``object`` (``Decimal``)     ``decimal128(p, s)``       exact digits (``0.1``)      string
========  ===========================  =========================  ==========================  ===========

Quantities (``value``, ``low``, ``high``) are never floats: in Parquet their scale ``s`` is the
largest number of decimal places of any value in the file (``0.333333`` → 6) and ``p`` holds the
largest. CSV files are UTF-8 without a byte-order mark. :func:`read_table` and :func:`read_metrics` load
a table file back with these types, ``Decimal`` values exactly as written.
"""

from __future__ import annotations

import csv
import enum
import functools
import importlib.util
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from gongwen.errors import GongwenError

if TYPE_CHECKING:
    from gongwen.model import Report

__all__ = [
    "TABLES",
    "Column",
    "ColumnType",
    "read_metrics",
    "read_table",
    "report_rows",
    "table_columns",
    "table_dtypes",
    "to_arrow",
    "to_frame",
]

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")


class ColumnType(enum.Enum):
    """What a column holds."""

    INT = "int"
    BOOL = "bool"
    TEXT = "text"
    DECIMAL = "decimal"


@attrs.frozen
class Column:
    """One column of a table: its name, its type and whether it may be missing (None)."""

    name: str
    type: ColumnType
    nullable: bool = False


_I, _B, _T, _D = ColumnType.INT, ColumnType.BOOL, ColumnType.TEXT, ColumnType.DECIMAL
_LEAD = (Column("file", _T), Column("document", _I))

TABLES: Mapping[str, tuple[Column, ...]] = {
    "documents": (
        *_LEAD,
        Column("start", _I),
        Column("end", _I),
        Column("title", _T, True),
        Column("subtitle", _T, True),
        Column("speaker", _T, True),
        Column("region", _T, True),
        Column("headings", _I),
        Column("metrics", _I),
    ),
    "headings": (
        *_LEAD,
        Column("section", _T),
        Column("index", _I),
        Column("start", _I),
        Column("end", _I),
        Column("line", _I),
        Column("style", _T),
        Column("marker", _T),
        Column("number", _I, True),
        Column("level", _I),
        Column("title", _T),
        Column("inline", _B),
        Column("parent", _I, True),
        Column("page", _I, True),
    ),
    "metrics": (
        *_LEAD,
        Column("section", _T),
        Column("start", _I),
        Column("end", _I),
        Column("text", _T),
        Column("value", _D, True),
        Column("low", _D, True),
        Column("high", _D, True),
        Column("unit", _T),
        Column("kind", _T),
        Column("qualifier", _T),
        Column("magnitude", _T, True),
        Column("subject", _T, True),
        Column("redacted", _B),
        Column("direction", _T, True),
        Column("basis", _T, True),
        Column("period", _T, True),
        Column("heading", _I, True),
        Column("extractor", _T),
        Column("indicator", _T, True),
        Column("status", _T, True),
        Column("period_text", _T, True),
        Column("page", _I, True),
    ),
    "failures": (Column("file", _T), Column("error", _T), Column("message", _T)),
    "warnings": (Column("file", _T), Column("warning", _T), Column("count", _I), Column("message", _T)),
}


@functools.cache
def table_columns() -> Mapping[str, tuple[str, ...]]:
    """The column names of each table (``documents``, ``headings``, ``metrics``, ``failures``,
    ``warnings``), in order."""
    return {table: tuple(c.name for c in columns) for table, columns in TABLES.items()}


_PANDAS_DTYPES = {_I: "Int64", _B: "boolean", _T: "object", _D: "object"}


def table_dtypes(table: str) -> dict[str, str]:
    """pandas dtypes of a table's columns: nullable ``Int64``/``boolean``; ``object`` for text and for the
    exact ``Decimal`` quantities."""
    return {c.name: _PANDAS_DTYPES[c.type] for c in _table(table)}


def _table(table: str) -> tuple[Column, ...]:
    try:
        return TABLES[table]
    except KeyError:
        raise GongwenError(f"no table {table!r}: the tables are {', '.join(TABLES)}") from None


# ---------------------------------------------------------------------------------------------------------
# Rows


def report_rows(report: Report, *, file: str = "") -> dict[str, list[dict[str, Any]]]:
    """One Report as rows of the ``documents``, ``headings`` and ``metrics`` tables.

    Every row starts with ``file`` (as given), ``document`` (its index in the report) and, for headings
    and metrics, ``section``: the titles of the sections from the top of the outline down to the item,
    joined by `` > `` (for a heading, down to and including its own title). The other columns are the
    item's fields as in ``to_dict()``; quantities are exact decimal strings (JSON-ready).
    """
    paths: dict[int, str] = {}
    for section in report.walk():
        if section.heading is not None:
            paths[section.heading.index] = " > ".join(section.path)
    heading_counts = {d.index: 0 for d in report.documents}
    metric_counts = {d.index: 0 for d in report.documents}
    headings = []
    for heading, row in zip(report.headings, report.headings_table(), strict=True):
        heading_counts[heading.document] = heading_counts.get(heading.document, 0) + 1
        lead = {
            "file": file,
            "document": heading.document,
            "section": paths.get(heading.index, heading.title),
        }
        headings.append(lead | {k: v for k, v in row.items() if k not in lead} | {"page": row.get("page")})
    metrics = []
    for metric, row in zip(report.metrics, report.metrics_table(), strict=True):
        metric_counts[metric.document] = metric_counts.get(metric.document, 0) + 1
        lead = {"file": file, "document": metric.document, "section": row.get("section", "")}
        metrics.append(lead | {k: v for k, v in row.items() if k not in lead} | {"page": row.get("page")})
    documents = [
        {
            "file": file,
            "document": d.index,
            "start": d.span.start,
            "end": d.span.end,
            "title": d.title,
            "subtitle": d.subtitle,
            "speaker": d.speaker,
            "region": d.region,
            "headings": heading_counts.get(d.index, 0),
            "metrics": metric_counts.get(d.index, 0),
        }
        for d in report.documents
    ]
    return {"documents": documents, "headings": headings, "metrics": metrics}


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)


def _bool(value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _text(value: Any, nullable: bool) -> str | None:
    if value is None or (nullable and value == ""):
        return None if nullable else ""
    if isinstance(value, list | tuple):
        return " > ".join(str(v) for v in value)
    return str(value)


def _typed(column: Column, values: Iterable[Any]) -> list[Any]:
    if column.type is _D:
        return [_decimal(v) for v in values]
    if column.type is _I:
        return [_int(v) for v in values]
    if column.type is _B:
        return [_bool(v) for v in values]
    return [_text(v, column.nullable) for v in values]


# ---------------------------------------------------------------------------------------------------------
# pandas and Arrow


def import_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise GongwenError("this needs pandas: pip install pandas (the 'pandas' extra of gongwen)") from exc
    return pandas


def to_frame(table: str, rows: Sequence[Mapping[str, Any]]) -> Any:
    """Rows of ``table`` as a pandas DataFrame with the schema's columns and dtypes (``Decimal`` quantities).

    The rows may hold the JSON-ready values of :func:`report_rows` (decimal strings) or typed values.
    """
    pandas = import_pandas()
    data = {}
    for column in _table(table):
        values = _typed(column, (row.get(column.name) for row in rows))
        data[column.name] = pandas.Series(values, dtype=_PANDAS_DTYPES[column.type])
    return pandas.DataFrame(data, columns=[c.name for c in _table(table)])


def require_pyarrow() -> Any:
    """``pyarrow``, or a clear error saying what to install."""
    try:
        if importlib.util.find_spec("pyarrow") is None:
            raise ImportError("pyarrow")
        import pyarrow
    except ImportError as exc:
        raise GongwenError(
            "--format parquet needs pandas and pyarrow: pip install 'gongwen[pandas]' pyarrow "
            "(or use --format csv or jsonl)"
        ) from exc
    return pyarrow


def _decimal_type(pyarrow: Any, values: Iterable[Decimal | None]) -> Any:
    """The narrowest ``decimal128(p, s)`` (``decimal256`` past 38 digits) that holds every value exactly."""
    whole, scale = 1, 0
    for value in values:
        if value is None:
            continue
        _sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int), "quantities are finite"
        whole = max(whole, len(digits) + exponent)
        scale = max(scale, -exponent)
    precision = max(1, whole + scale)
    if precision <= 38:
        return pyarrow.decimal128(precision, scale)
    return pyarrow.decimal256(precision, scale)


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> Any:
    """Rows of ``table`` as a ``pyarrow.Table``: ``int64``, ``bool``, ``string`` and exact decimals, with
    the pandas metadata that makes ``pandas.read_parquet`` give the dtypes of :func:`to_frame` back."""
    pyarrow = require_pyarrow()
    frame = to_frame(table, rows)
    fields = []
    for column in _table(table):
        if column.type is _D:
            kind = _decimal_type(pyarrow, frame[column.name])
        else:
            kind = {_I: pyarrow.int64(), _B: pyarrow.bool_(), _T: pyarrow.string()}[column.type]
        fields.append(pyarrow.field(column.name, kind, nullable=True))
    return pyarrow.Table.from_pandas(frame, schema=pyarrow.schema(fields), preserve_index=False)


# ---------------------------------------------------------------------------------------------------------
# Cells of csv and jsonl files


def csv_cell(value: Any) -> Any:
    """A value as written in a csv cell: missing is empty, a list is joined by `` > ``."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | tuple):
        return " > ".join(str(v) for v in value)
    return value


def json_value(value: Any) -> Any:
    """A value as written in a jsonl record: decimals as exact strings."""
    return format(value, "f") if isinstance(value, Decimal) else value


# ---------------------------------------------------------------------------------------------------------
# Reading tables back


def _canonical(value: Decimal | None) -> Decimal | None:
    """A decimal read from a fixed-scale Parquet column without its padding zeros (0.100000 → 0.1)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _records(path: Path, table: str) -> list[dict[str, Any]]:
    suffix = path.suffix.lstrip(".")
    if suffix == "csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:  # -sig: files of gongwen < 0.2 had a BOM
            return list(csv.DictReader(handle))
    if suffix == "jsonl":
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    if suffix == "parquet":
        require_pyarrow()
        import pyarrow.parquet as parquet

        records: list[dict[str, Any]] = parquet.read_table(path).to_pylist()
        decimals = [c.name for c in _table(table) if c.type is _D]
        for record in records:
            for name in decimals:
                record[name] = _canonical(record.get(name))
        return records
    raise GongwenError(f"{path}: not a table gongwen writes (.csv, .jsonl or .parquet)")


def _resolve(path: str | os.PathLike[str], table: str | None) -> tuple[Path, str]:
    found = Path(path)
    if found.is_dir():
        name = table or "metrics"
        for fmt in FORMATS:
            candidate = found / f"{name}.{fmt}"
            if candidate.exists():
                return candidate, name
        raise FileNotFoundError(f"{found} holds no {name}.csv, {name}.jsonl or {name}.parquet")
    name = table or found.name.split(".", 1)[0]
    if name not in TABLES:
        raise GongwenError(f"{found}: say which table it is (table=...): one of {', '.join(TABLES)}")
    return found, name


def read_table(path: str | os.PathLike[str], table: str | None = None) -> Any:
    """Load a table written by ``gongwen batch`` (csv, jsonl or parquet) as a typed pandas DataFrame.

    ``path`` is the table's file, or the batch's folder (then ``table`` names the table; default
    ``metrics``). ``table`` defaults to the file's name (``headings.csv`` → ``headings``). Integers are
    ``Int64``, flags ``boolean``, quantities exact :class:`~decimal.Decimal` (never floats), missing text
    ``None``. Unknown columns raise: the file was not written by this schema.
    """
    found, name = _resolve(path, table)
    records = _records(found, name)
    if records:
        extra = set(records[0]) - set(table_columns()[name])
        if extra:
            raise GongwenError(
                f"{found} has columns this version of gongwen does not write ({', '.join(sorted(extra))}); "
                "read it with pandas directly"
            )
    return to_frame(name, records)


def read_metrics(path: str | os.PathLike[str]) -> Any:
    """The ``metrics`` table of a batch (its folder, or the file itself) as a typed DataFrame with exact
    ``Decimal`` values: ``read_table(path, "metrics")``.

    >>> read_metrics("tables/")["value"].sum()    # doctest: +SKIP
    Decimal('1234567.89')
    """
    return read_table(path, "metrics")
