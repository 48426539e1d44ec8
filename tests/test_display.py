"""A Report shows itself briefly in a console, and in a notebook as a summary card, a collapsible
outline and a sortable metrics table; metric values read as a report writes them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen import parse, read_text, sample_path
from gongwen.display import format_number, format_qualifier, format_value, report_html, section_label
from gongwen.model import Direction, Metric, Qualifier, Span

TEXT = "一、基本情况\n全镇有初级中学2所,总人口55983人。\n(一)学校\n小学4所。\n二、问题<b>\n经费不足。"


def metric(value: str | None, unit: str, magnitude: str | None = None, **extra: object) -> Metric:
    return Metric(Span(0, 1), "x", value, unit, "count", magnitude=magnitude, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shown", "value", "unit", "magnitude", "extra"),
    [
        ("5.2万亿元", "5200000000000", "元", "万亿", {}),
        ("55.57万元", "555700", "元", "万", {}),
        ("19,300万元", "193000000", "元", "万", {}),
        ("1.39亿斤", "139000000", "斤", "亿", {}),
        ("7.4%", "7.4", "%", None, {}),
        ("-3.2%", "-3.2", "%", None, {}),
        ("2.2个百分点", "2.2", "个百分点", None, {}),
        ("55,983人", "55983", "人", None, {}),
        ("0.5", "0.5", "", None, {}),
        ("3,000–5,000元", None, "元", None, {"low": "3000", "high": "5000"}),
        ("3–5万元", None, "元", "万", {"low": "30000", "high": "50000"}),
        ("≥20人", None, "人", None, {"low": "20"}),
        ("masked", None, "人", None, {"redacted": True}),
        ("", None, "人", None, {}),
    ],
)
def test_format_value_writes_values_as_a_report_does(
    shown: str, value: str | None, unit: str, magnitude: str | None, extra: dict[str, object]
) -> None:
    assert format_value(metric(value, unit, magnitude, **extra)) == shown


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=4))
def test_format_number_reads_back_exactly(value: Decimal) -> None:
    shown = format_number(value)
    assert "E" not in shown and Decimal(shown.replace(",", "")) == value
    assert not ("." in shown and shown.endswith("0"))


def test_format_qualifier_and_section_label() -> None:
    assert format_qualifier(metric("1", "人")) == ""
    assert format_qualifier(metric("1", "%", qualifier=Qualifier.APPROX, direction=Direction.UP)) == "approx up"
    report = parse(TEXT)
    assert section_label(report.headings, 1) == ("一、(一)", "学校")
    assert section_label(report.headings, None) == ("", "")


def test_repr_is_one_short_line() -> None:
    text = repr(parse(TEXT))
    assert text.startswith("<Report: ") and "\n" not in text
    assert "3 headings" in text and "3 metrics" in text


def test_html_has_a_card_a_collapsible_outline_and_a_sortable_table() -> None:
    html = parse(TEXT)._repr_html_()
    assert "gw-card" in html and "<b>3</b> metrics" in html and "<b>1</b> document<" in html
    assert html.count("<details") >= 3  # outline, the document, the section with a child
    assert "一、</span>基本情况" in html and "(一)</span>学校" in html
    assert "<table class='gw-table'>" in html and "55983人" in html and "55,983人" in html and "总人口" in html
    assert "gw-badge gw-k-count" in html
    # sortable without a script: a hidden radio button per column and direction, the first one checked
    assert "<script" not in html
    radios = re.findall(r"<input type='radio'[^>]*>", html)
    assert len(radios) == 14 and "checked" in radios[0] and all("checked" not in r for r in radios[1:])
    rows = re.findall(r"<tr style='([^']*)'>", html)
    assert len(rows) == 3 and "--a2:" in rows[0] and "--d2:" in rows[0]


def test_html_sort_orders() -> None:
    text = "一、情况\n投入55.57万元,学生约3000名,教师10__名。"
    html = report_html(parse(text))
    rows = [dict(v.split(":") for v in row.split(";")) for row in re.findall(r"<tr style='([^']*)'>", html)]
    assert [r["--a2"] for r in rows] == ["1", "0", "2"]  # by value, ascending: 3000, 555700, masked last
    assert [r["--d2"] for r in rows] == ["0", "1", "2"]  # descending: the masked figure still last


def test_html_escapes_the_text() -> None:
    html = parse(TEXT)._repr_html_()
    assert "问题&lt;b&gt;" in html
    assert "<b>\n" not in html


def test_html_uses_subtitle_and_speaker_when_the_document_has_them() -> None:
    import attrs

    report = parse(TEXT)

    @attrs.frozen
    class Titled:
        index: int = 0
        title: str | None = "政府工作报告"
        subtitle: str | None = "——2026年1月在市人民代表大会上"
        speaker: str | None = "市长 某某"
        sections: tuple[object, ...] = ()

    html = report_html(attrs.evolve(report, documents=[Titled()]))  # type: ignore[list-item]
    assert "政府工作报告" in html and "——2026年1月在市人民代表大会上 · 市长 某某" in html


def test_html_of_an_empty_report() -> None:
    html = parse("")._repr_html_()
    assert "(no metrics)" in html and "<b>0</b> metrics" in html


def test_html_caps_the_rows_and_says_so() -> None:
    report = parse(TEXT + "\n" + TEXT)
    html = report_html(report, max_metrics=2, max_headings=2)
    assert len(re.findall(r"<tr style=", html)) == 2 and "4 more metrics not shown" in html
    assert "基本情况" in html and "(一)</span>学校" in html and "二、</span>问题" not in html
    assert "4 more headings not shown" in html and html.count("· 3 headings") == 1  # the second document left out
    assert "not shown" not in report_html(report)


def test_importing_the_model_does_not_import_the_view() -> None:
    code = "import sys, gongwen; gongwen.parse('一、情况'); print('gongwen.display' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


CHROMIUM = next(
    (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None
)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium")
def test_the_view_renders_in_a_real_browser(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    report = parse(read_text(sample_path()))
    page = tmp_path / "report.html"
    page.write_text(f"<!doctype html><meta charset='utf-8'><body>{report._repr_html_()}</body>", encoding="utf-8")
    png = tmp_path / "report.png"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600"]
    subprocess.run([*command, f"--screenshot={png}", page.as_uri()], capture_output=True, timeout=120, check=True)
    with image.open(png) as shot:
        assert shot.size == (1200, 1600)
        colours = shot.convert("RGB").getcolors(maxcolors=1 << 16)
    # a styled page: many colours (badges, level colours, text), not a blank or an error page
    assert colours is None or len(colours) > 50
