"""The panel (gongwen.panel) and the command ``gongwen panel``.

The golden test reads ``tests/data/panel_report.txt``, a 政府工作报告 written for this test (a review
part with a 十四五 paragraph, a 十五五 part, a targets part and a work plan that restates a target), and
asserts its panel cell by cell.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gongwen
from gongwen.cli import main
from gongwen.model import Status
from gongwen.panel import COLUMNS, PanelInputError, panel_rows

DATA = Path(__file__).parent / "data"
REPORT = DATA / "panel_report.txt"

# (indicator, period, status, value, low, high, unit, qualifier, text)
GOLDEN = [
    # 2025: the review part
    ("gdp", "2025", "actual", "3200000000000", None, None, "元", "exact", "3.2万亿元"),
    ("gdp_growth", "2025", "actual", "5.3", None, None, "%", "exact", "5.3%"),
    ("general_budget_revenue", "2025", "actual", "215000000000", None, None, "元", "exact", "2150亿元"),
    ("general_budget_revenue_growth", "2025", "actual", "2.8", None, None, "%", "exact", "2.8%"),
    ("industrial_value_added_growth", "2025", "actual", "6.4", None, None, "%", "exact", "6.4%"),
    ("retail_sales_growth", "2025", "actual", "4.9", None, None, "%", "exact", "4.9%"),
    ("fixed_asset_investment_growth", "2025", "actual", "2.1", None, None, "%", "exact", "2.1%"),
    ("new_urban_jobs", "2025", "actual", "586000", None, None, "人", "exact", "58.6万人"),
    ("urban_unemployment_rate", "2025", "actual", "5.1", None, None, "%", "exact", "5.1%"),
    ("cpi_growth", "2025", "actual", "-0.2", None, None, "%", "exact", "0.2%"),  # 下降0.2%: signed
    ("urban_per_capita_disposable_income_growth", "2025", "actual", "4.8", None, None, "%", "exact", "4.8%"),
    ("rural_per_capita_disposable_income_growth", "2025", "actual", "6.2", None, None, "%", "exact", "6.2%"),
    ("grain_output", "2025", "actual", "13260000", None, None, "吨", "exact", "1326万吨"),
    # 过去五年: the base of the change, the average over the span, levels at its end
    ("gdp", "2020", "actual", "2300000000000", None, None, "元", "exact", "2.3万亿元"),
    ("gdp_growth", "2021-2025", "actual", "5.6", None, None, "%", "exact", "5.6%"),
    ("urbanization_rate", "2025", "actual", "63.5", None, None, "%", "exact", "63.5%"),
    ("life_expectancy", "2025", "actual", "79.2", None, None, "岁", "exact", "79.2岁"),
    # 十五五: an average over the span, levels by its last year
    ("gdp_growth", "2026-2030", "target", "5", None, None, "%", "approx", "5%左右"),
    ("rd_share", "2030", "target", "3", None, None, "%", "exact", "3%"),
    ("urbanization_rate", "2030", "target", "68", None, None, "%", "exact", "68%"),
    # 2026: the targets part (its 地区生产总值 target is restated in the work plan: the first statement wins)
    ("gdp_growth", "2026", "target", None, "4.5", "5", "%", "exact", "4.5%—5%"),
    ("general_budget_revenue_growth", "2026", "target", "3", None, None, "%", "exact", "3%"),
    ("new_urban_jobs", "2026", "target", "550000", None, None, "人", "at_least", "55万人以上"),
    ("urban_unemployment_rate", "2026", "target", "5.5", None, None, "%", "approx", "5.5%左右"),
    ("cpi_growth", "2026", "target", "2", None, None, "%", "approx", "2%左右"),
    ("grain_output", "2026", "target", "13000000", None, None, "吨", "at_least", "1300万吨以上"),
    ("energy_intensity_reduction", "2026", "target", "2.5", None, None, "%", "approx", "2.5%左右"),
    ("pm25_concentration", "2026", "target", "30", None, None, "微克/立方米", "at_most", "30微克/立方米以内"),
    ("fixed_asset_investment_growth", "2026", "target", "3", None, None, "%", "at_least", "3%以上"),
]
_CELL = ("indicator", "period", "status", "value", "low", "high", "unit", "qualifier", "text")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return panel_rows(str(REPORT))


def test_golden_panel_cell_by_cell(rows: list[dict[str, object]]) -> None:
    got = [tuple(row[name] for name in _CELL) for row in rows]
    assert got == GOLDEN


def test_golden_rows_name_their_report_and_evidence(rows: list[dict[str, object]]) -> None:
    text = REPORT.read_text(encoding="utf-8")
    for row in rows:
        assert list(row)[: len(COLUMNS)] == list(COLUMNS)
        assert (row["file"], row["document"], row["region"]) == (str(REPORT), 0, "青川省")
        assert row["title"] == "2026年青川省政府工作报告"
        start, end = row["start"], row["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert text[start:end] == row["text"]


def test_sub_regions_sectors_and_totals_make_no_rows(rows: list[dict[str, object]]) -> None:
    texts = {row["text"] for row in rows}
    assert not texts & {"7.1%", "3.5%", "9.8%", "31%"}  # 临江市, 第一产业, a share, a five-year total


def test_filters(rows: list[dict[str, object]]) -> None:
    targets = panel_rows(str(REPORT), indicators="gdp_growth,cpi_growth", status="target")
    assert [(r["indicator"], r["period"]) for r in targets] == [
        ("gdp_growth", "2026-2030"),
        ("gdp_growth", "2026"),
        ("cpi_growth", "2026"),
    ]
    assert panel_rows(str(REPORT), indicators=["gdp"], status="actual") == [r for r in rows if r["indicator"] == "gdp"]
    with pytest.raises(PanelInputError, match="target"):
        panel_rows(str(REPORT), status="plan")
    with pytest.raises(gongwen.GongwenError, match="unknown indicator"):
        panel_rows(str(REPORT), indicators="gdp_grwth")
    with pytest.raises(PanelInputError, match="must be a file"):
        panel_rows([42])  # type: ignore[list-item]


def test_inputs_folders_reports_and_pairs(tmp_path: Path) -> None:
    text = REPORT.read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.txt").write_text(text.replace("青川省", "白水省"), encoding="utf-8")
    rows = panel_rows(tmp_path, indicators="gdp_growth", status="actual")
    # in the order of find_files (and gongwen batch): a folder's files, then its subfolders
    assert [(Path(str(r["file"])).name, r["region"], r["period"]) for r in rows] == [
        ("two.txt", "白水省", "2025"),
        ("two.txt", "白水省", "2021-2025"),
        ("one.txt", "青川省", "2025"),
        ("one.txt", "青川省", "2021-2025"),
    ]
    report = gongwen.parse(text)
    assert [r["file"] for r in panel_rows(report, indicators="gdp")] == [None, None]
    assert {r["file"] for r in panel_rows([("mine", report)], indicators="gdp")} == {"mine"}


def test_dataframe() -> None:
    pytest.importorskip("pandas")
    frame = gongwen.panel(str(REPORT), indicators=["gdp_growth"])
    assert list(frame.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert list(frame["period"]) == ["2025", "2021-2025", "2026-2030", "2026"]
    empty = gongwen.panel(str(REPORT), indicators=["life_expectancy"], status="target")
    assert empty.empty and list(empty.columns[: len(COLUMNS)]) == list(COLUMNS)


def test_cli_csv_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["panel", str(REPORT), "--indicators", "gdp_growth,cpi_growth", "--status", "target"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["indicator"], r["period"], r["value"], r["low"], r["high"]) for r in table] == [
        ("gdp_growth", "2026-2030", "5", "", ""),
        ("gdp_growth", "2026", "", "4.5", "5"),
        ("cpi_growth", "2026", "2", "", ""),
    ]
    assert list(table[0])[: len(COLUMNS)] == list(COLUMNS)
    out = tmp_path / "panel.jsonl"
    assert main(["panel", str(REPORT), "--format", "jsonl", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(GOLDEN) and lines[0]["indicator"] == "gdp"


def test_cli_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    assert main(["panel", str(REPORT), "--format", "parquet"]) == 2
    assert "--out" in capsys.readouterr().err
    out = tmp_path / "panel.parquet"
    assert main(["panel", str(REPORT), "--format", "parquet", "--out", str(out)]) == 0
    assert len(pandas.read_parquet(out)) == len(GOLDEN)


def test_cli_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["panel", "no/such/report.txt"]) == 1
    assert "no/such/report.txt" in capsys.readouterr().err


_PANEL_WORDS = [
    "2026年某某市政府工作报告\n", "——2026年1月10日在某某市第十届人民代表大会第三次会议上\n", "一、2025年工作回顾\n",
    "二、2026年主要预期目标\n", "过去五年,", "“十四五”时期", "今年", "去年", "年均增长", "地区生产总值", "增长",
    "5.2%", "3.2万亿元", "左右", "以内", "分别增长", "4.6%和2.3%", "、", "城镇、农村居民人均可支配收入", "从", "增加到",
    "上半年,", "临川市", "居民消费价格涨幅", "城镇调查失业率", "下降", "总量达到", "1300万吨以上", "粮食产量",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PANEL_WORDS), st.sampled_from(["。", ",", "\n", ";"])), max_size=40))
def test_any_report_gives_well_formed_cells(parts: list[str]) -> None:
    text = "".join(parts)
    report = gongwen.parse(text)
    ids = {entry.id for entry in gongwen.indicators.indicators()}
    for m in report.metrics:
        assert m.indicator is None or m.indicator in ids
        assert m.period is None or re.fullmatch(r"[0-9]{4}(-[0-9]{4})?", m.period)
        assert m.status in (None, Status.TARGET, Status.ACTUAL)
    keys = [(r["document"], r["indicator"], r["period"], r["status"]) for r in panel_rows(report)]
    assert len(keys) == len(set(keys))  # one row per cell
    for row in panel_rows(report):
        assert text[row["start"] : row["end"]] == row["text"]


def test_extract_metrics_of_a_document_reads_the_same() -> None:
    text = REPORT.read_text(encoding="utf-8")
    report = gongwen.parse(text)
    again = gongwen.extract_metrics(report.documents[0], text)
    assert [(m.indicator, m.period, m.status) for m in again] == [
        (m.indicator, m.period, m.status) for m in report.metrics
    ]
