"""gongwen.schema: one table schema for Report frames, batch tables (csv, jsonl, parquet) and Dask."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.batch import read_metrics, read_table, write_tables
from gongwen.errors import GongwenError
from gongwen.model import Heading, Metric, Span
from gongwen.parser import parse
from gongwen.schema import TABLES, ColumnType, report_rows, table_columns, table_dtypes, to_arrow, to_frame

pandas = pytest.importorskip("pandas")

# 0.1 is not a float; 16.4亿 is 1640000000 exactly (a float round trip gives 1639999999.9999998 in some
# tools); 三分之一 is 0.333333 (six places); a range and a masked number have no value.
EXACT = (
    "关于2023年工作情况的报告\n一、基本情况\n全县总人口16.4亿人,占比0.1%,三分之一的学校完成改造。\n"
    "(一)经费\n投入资金55.57万元,增长3—5个百分点,其中10__万元用于校舍。\n二、存在问题\n"
)
VALUES = {Decimal("1640000000"), Decimal("0.1"), Decimal("0.333333"), Decimal("555700")}
FORMATS = ["csv", "jsonl", "parquet"]


def test_the_schema_names_every_field_of_the_results() -> None:
    heading = Heading(
        index=0, span=Span(0, 0), line=0, style="", marker="", number=None, level=1, title="", inline=False, document=0
    )
    metric = Metric(span=Span(0, 0), text="", value=None, unit="", kind="other")
    lead = ("file", "document", "section")
    columns = table_columns()
    # then the page of a PDF (empty for other formats)
    assert columns["headings"] == (*lead, *(k for k in heading.to_dict() if k not in lead), "page")
    assert columns["metrics"] == (*lead, *(k for k in metric.to_dict() if k not in lead), "page")
    assert table_dtypes("metrics")["value"] == "object" and table_dtypes("headings")["parent"] == "Int64"
    with pytest.raises(GongwenError, match="no table 'nope'"):
        table_dtypes("nope")


def test_report_frames_have_the_batch_columns_and_dtypes() -> None:
    report = parse(EXACT)
    metrics = report.metrics_frame(file="r.txt")
    assert tuple(metrics.columns) == table_columns()["metrics"]
    assert dict(metrics.dtypes.astype(str)) == table_dtypes("metrics")
    assert set(metrics["file"]) == {"r.txt"}
    assert set(metrics["value"].dropna()) >= VALUES
    assert all(isinstance(v, Decimal) for v in metrics["value"].dropna())
    headings = report.headings_frame()
    assert dict(headings.dtypes.astype(str)) == table_dtypes("headings")
    assert headings["parent"].isna().sum() == 2  # <NA>, not float NaN
    assert list(headings["number"]) == [1, 1, 2]


@pytest.mark.parametrize("fmt", FORMATS)
def test_batch_tables_load_back_exactly(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "r.txt"
    source.write_text(EXACT, encoding="utf-8")
    out = tmp_path / "out"
    write_tables([source], out, workers=1, format=fmt)
    expected = parse(EXACT).metrics_frame(file=str(source))
    loaded = read_metrics(out)
    assert dict(loaded.dtypes.astype(str)) == table_dtypes("metrics")
    assert loaded.equals(expected) or _rows(loaded) == _rows(expected)
    assert [str(v) for v in loaded["value"].dropna()] == [str(v) for v in expected["value"].dropna()]
    assert set(loaded["value"].dropna()) >= VALUES
    headings = read_table(out / f"headings.{fmt}")
    assert _rows(headings) == _rows(parse(EXACT).headings_frame(file=str(source)))
    if fmt == "csv":
        assert (out / "metrics.csv").read_bytes().startswith(b"file,document,section,")  # no byte-order mark
        plain = pandas.read_csv(out / "metrics.csv", dtype=table_dtypes("metrics"), keep_default_na=False)
        assert set(plain["value"]) >= {"1640000000", "0.1", "0.333333"}  # strings with the documented dtypes


def test_parquet_decimals_have_a_scale_that_holds_every_value(tmp_path: Path) -> None:
    pyarrow = pytest.importorskip("pyarrow")
    import pyarrow.parquet as parquet

    rows = report_rows(parse(EXACT), file="r.txt")["metrics"]
    table = to_arrow("metrics", rows)
    assert table.schema.field("value").type == pyarrow.decimal128(16, 6)
    assert table.schema.field("heading").type == pyarrow.int64()
    parquet.write_table(table, tmp_path / "metrics.parquet")
    assert str(pandas.read_parquet(tmp_path / "metrics.parquet")["heading"].dtype) == "Int64"


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.integers(0, 12).flatmap(
            lambda places: st.decimals(min_value=-(10**15), max_value=10**15, places=places)
        ),
        max_size=8,
    )
)
def test_any_decimals_round_trip_through_parquet(tmp_path_factory: Any, values: list[Decimal]) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as parquet

    rows = [{"file": "f", "value": v, "text": "", "unit": "", "kind": "other"} for v in values]
    path = tmp_path_factory.mktemp("p") / "metrics.parquet"
    parquet.write_table(to_arrow("metrics", rows), path)
    assert list(read_metrics(path)["value"]) == values


def test_read_table_refuses_what_is_not_a_table(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"metrics\.csv"):
        read_metrics(tmp_path)
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(GongwenError, match="table="):
        read_table(tmp_path / "notes.csv")
    with pytest.raises(GongwenError, match="columns this version of gongwen does not write"):
        read_table(tmp_path / "notes.csv", "metrics")


def test_every_column_has_a_type() -> None:
    for columns in TABLES.values():
        assert all(isinstance(column.type, ColumnType) for column in columns)
    assert tuple(to_frame("warnings", []).columns) == ("file", "warning", "count", "message")


def _rows(frame: Any) -> list[tuple[Any, ...]]:
    frame = frame.astype(object)
    return [tuple(None if pandas.isna(v) else v for v in row) for row in frame.itertuples(index=False, name=None)]
