"""gongwen.formats: reading HTML pages, PDF files and Word documents, and parsing what they hold.

The fixtures are built at test time (``renderers.py``) around the sample report bundled with gongwen:
a portal page with navigation, toolbar, meta lines and footer; PDFs made with reportlab's CID font, with
running headers and page numbers, broken at the margin or every 36 characters; a Word file with
``Title`` and ``Heading N`` styles. Each must parse like the plain text: same title, the headings (title,
level, parent) and the metrics (value, unit) found, every span indexing ``Report.text``.
"""

from __future__ import annotations

import collections
import html
import io
import json
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gongwen
from gongwen.batch import find_files, parse_many, write_tables
from gongwen.cli import main
from gongwen.errors import MissingExtraError, UnsupportedFormatError
from gongwen.formats import SourceFormat, detect_format, matches_pattern, parse_source, read, read_bytes
from gongwen.formats.evidence import apply_evidence, clean_title
from gongwen.formats.source import Source
from gongwen.model import Report
from renderers import render_docx, render_html, render_pdf

TITLE = "区教育局2006年工作总结"
BODY = resources.files("gongwen").joinpath("data").joinpath("sample_report.txt").read_text("utf-8")
PLAIN = f"{TITLE}\n{BODY}"
SHARE = 0.95  # of the plain text's headings and metrics that each format must give back


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("formats")
    (root / "page.html").write_bytes(render_html(TITLE, BODY))
    return {
        "html": root / "page.html",
        "pdf": render_pdf(TITLE, BODY, root / "width.pdf"),
        "pdf_chars": render_pdf(TITLE, BODY, root / "chars.pdf", wrap="chars"),
        "docx": render_docx(TITLE, BODY, root / "styled.docx"),
        "docx_numbered": render_docx(TITLE, BODY, root / "numbered.docx", numbered=True),
    }


@pytest.fixture(scope="module")
def plain() -> Report:
    return gongwen.parse(PLAIN)


def heading_keys(report: Report) -> collections.Counter[tuple[str, int, str | None]]:
    def parent(index: int | None) -> str | None:
        return None if index is None else report.headings[index].title

    return collections.Counter((h.title, h.level, parent(h.parent)) for h in report.headings)


def metric_keys(report: Report) -> collections.Counter[tuple[Any, ...]]:
    return collections.Counter((m.value, m.low, m.high, m.unit) for m in report.metrics)


def share(wanted: collections.Counter[Any], found: collections.Counter[Any]) -> float:
    return sum((wanted & found).values()) / max(1, sum(wanted.values()))


def assert_spans_index_text(report: Report) -> None:
    text = report.text
    for document in report.documents:
        assert 0 <= document.span.start <= document.span.end <= len(text)
        if document.title_span is not None:
            assert document.title_span.of(text).strip() == document.title
    for heading in report.headings:
        assert heading.span.of(text).startswith(heading.marker)
        if heading.title_span is not None:
            assert heading.title_span.of(text) == heading.title
    for metric in report.metrics:
        assert metric.span.of(text) == metric.text
    for noise in report.noise:
        assert noise.span.of(text) == noise.text


@pytest.mark.parametrize("kind", ["html", "pdf", "pdf_chars", "docx", "docx_numbered"])
def test_each_format_parses_like_the_plain_text(kind: str, files: dict[str, Path], plain: Report) -> None:
    report = parse_source(read(files[kind]))
    assert report.source is not None and report.text == report.source.text
    assert report.source_format == kind.split("_")[0]
    assert report.documents[0].title == plain.documents[0].title == TITLE
    assert share(heading_keys(plain), heading_keys(report)) >= SHARE
    assert share(metric_keys(plain), metric_keys(report)) >= SHARE
    assert_spans_index_text(report)


# ---------------------------------------------------------------------------------------------------------
# HTML


def test_html_keeps_the_article_and_drops_the_portal(files: dict[str, Path]) -> None:
    source = read(files["html"])
    assert source.format is SourceFormat.HTML
    assert source.title == TITLE  # the site name is split off the <title>
    assert source.date == "2024-12-28"
    assert source.text.split("\n", 1)[0] == TITLE
    for furniture in (
        "网站首页",
        "无障碍浏览",
        "您的位置",
        "浏览次数",
        "字号",
        "关闭窗口",
        "备案号",
        "技术支持",
        "相关链接",
    ):
        assert furniture not in source.text, furniture
    # headings marked up as <h2>/<h3> stay on lines of their own
    assert "\n一、切实加强了党建和思想政治工作\n" in source.text


def test_html_in_gbk_declared_by_its_meta_tag(tmp_path: Path) -> None:
    path = tmp_path / "gbk.htm"
    path.write_bytes(render_html(TITLE, BODY, charset="gb2312"))
    source = read(path)
    assert source.encoding == "gb18030"
    assert source.title == TITLE and "一、切实加强了党建和思想政治工作" in source.text


# ---------------------------------------------------------------------------------------------------------
# PDF


def test_pdf_drops_running_headers_and_page_numbers_and_knows_pages(files: dict[str, Path]) -> None:
    source = read(files["pdf"])
    assert source.format is SourceFormat.PDF and source.pages >= 3
    assert source.page_starts[0] == 0 and list(source.page_starts) == sorted(source.page_starts)
    assert "某某区教育局文件" not in source.text
    assert "- 1 -" not in source.text and "- 2 -" not in source.text
    assert source.page_at(0) == 1 and source.page_at(len(source.text)) == source.pages
    report = parse_source(source)
    pages = [report.page_of(h.span.start) for h in report.headings]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == source.pages
    data = report.to_dict()
    assert data["source"]["format"] == "pdf" and data["source"]["pages"] == source.pages
    assert all("page" in h for h in data["headings"]) and all("page" in m for m in data["metrics"])
    assert [row["page"] for row in report.metrics_table()] == [report.page_of(m.span.start) for m in report.metrics]


# ---------------------------------------------------------------------------------------------------------
# DOCX


def test_docx_heading_styles_are_kept_as_evidence(files: dict[str, Path]) -> None:
    source = read(files["docx"])
    assert source.format is SourceFormat.DOCX and source.title == TITLE
    hints = source.heading_hints
    assert hints[0].level == 0 and hints[0].style == "Title" and hints[0].span.of(source.text) == TITLE
    assert {h.style for h in hints[1:]} == {"Heading 1", "Heading 2", "Heading 3"}
    top = [h.span.of(source.text) for h in hints if h.level == 1]
    assert top == [
        "一、切实加强了党建和思想政治工作",
        "二、大力加强领导班子和干部队伍建设",
        "三、进一步加强了教师队伍管理",
    ]


def test_docx_numbers_drawn_by_word_are_written_into_the_text(files: dict[str, Path], plain: Report) -> None:
    import docx

    paragraphs = docx.Document(str(files["docx_numbered"])).paragraphs
    assert not any(p.text.startswith("一、") for p in paragraphs)  # Word draws it, the text does not hold it
    source = read(files["docx_numbered"])
    assert "\n一、切实加强了党建和思想政治工作\n1、深入开展了保持共产党员先进性教育活动。\n" in source.text
    assert "\n三、进一步加强了教师队伍管理\n" in source.text
    report = parse_source(source)
    assert [(h.marker, h.level) for h in report.headings] == [(h.marker, h.level) for h in plain.headings]


@pytest.mark.parametrize(
    ("number", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (12, "chineseCounting", "十二"),
        (2, "chineseCountingThousand", "二"),
        (4, "decimalEnclosedCircle", "④"),
        (2, "decimalEnclosedParen", "⑵"),
        (15, "decimalFullWidth", "１５"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (7, "somethingNew", "7"),
    ],
)
def test_word_number_formats(number: int, fmt: str, expected: str) -> None:
    from gongwen.formats.numbering import format_number

    assert format_number(number, fmt) == expected


def test_docx_tables_are_read_row_by_row_in_document_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、收支情况")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "金额"
    table.cell(1, 0).text, table.cell(1, 1).text = "教育支出", "55.57万元"
    document.add_paragraph("二、存在问题")
    path = tmp_path / "table.docx"
    document.save(str(path))
    source = read(path)
    assert source.text == "一、收支情况\n项目\t金额\n教育支出\t55.57万元\n二、存在问题"
    assert source.title is None  # no Title style, first paragraph not styled as a heading
    report = parse_source(source)
    assert [m.text for m in report.metrics] == ["55.57万元"]


def test_docx_bold_sentence_styled_as_a_heading_is_not_the_title(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("今年以来,我局认真贯彻落实上级部署,各项工作取得明显成效。", level=1)
    document.add_paragraph("一、基本情况")
    path = tmp_path / "bold.docx"
    document.save(str(path))
    assert read(path).title is None


# ---------------------------------------------------------------------------------------------------------
# Detection, titles, evidence


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", "report.txt", SourceFormat.PDF),  # the extension lies
        (b"%PDF-1.7\n...", "report", SourceFormat.PDF),
        ("<!DOCTYPE html><html><body>一、</body></html>".encode(), "report.txt", SourceFormat.HTML),
        (b"\xef\xbb\xbf  <html lang='zh'><head>", "saved", SourceFormat.HTML),
        ("一、总体情况\n".encode(), "report.pdf", SourceFormat.TXT),
        ("一、总体情况\n".encode(), "report.html", SourceFormat.TXT),
        ("<p>一、总体情况</p>".encode(), "report.HTM", SourceFormat.HTML),
        ("一、总体情况\n".encode("gbk"), "report.txt", SourceFormat.TXT),
        (docx_bytes(), "draft", SourceFormat.DOCX),
    ],
)
def test_detect_format(data: bytes, name: str, expected: SourceFormat) -> None:
    assert detect_format(data, name) is expected


def test_old_binary_word_document_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"save it as \.docx"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), name="old.doc")


def test_rtf_saved_as_doc_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedFormatError, match="Rich Text"):
        read_bytes(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}", name="report.doc")


def test_zip_that_is_not_a_word_document_is_a_clear_error() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnsupportedFormatError, match="not a readable Word"):
        read_bytes(buffer.getvalue(), name="x.docx")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2025年政府工作报告_某某市人民政府门户网站", "2025年政府工作报告"),
        ("区教育局2006年工作总结-某某区人民政府网", "区教育局2006年工作总结"),
        ("政府工作报告 - 某某县政府", "政府工作报告"),
        ("某某镇2024年工作总结 | 政务公开", "某某镇2024年工作总结"),
        ("政府工作报告——2025年1月20日在某某市第十届人民代表大会第五次会议上", "政府工作报告"),
        ("2024-12-28 统计公报", "2024-12-28 统计公报"),  # a date's hyphens do not cut
        ("某某区人民政府网", None),
        ("www.example.gov.cn", None),
        ("今年以来,我局各项工作取得明显成效。", None),
        ("  ", None),
        ("(anonymous)", None),
        ("Untitled-1", None),
        (None, None),
    ],
)
def test_clean_title(title: str | None, expected: str | None) -> None:
    assert clean_title(title) == expected


FURNITURE_ABOVE = "首页 > 政务公开\n区教育局工作总结\n一、基本情况\n全镇有初级中学2所。\n二、存在问题\n"


def test_evidence_replaces_furniture_chosen_as_the_title() -> None:
    text_only = gongwen.parse(FURNITURE_ABOVE).documents[0]
    report = parse_source(Source(FURNITURE_ABOVE, SourceFormat.HTML, title="区教育局工作总结-某某网"))
    document = report.documents[0]
    assert document.title == "区教育局工作总结"
    assert document.title_span is not None and document.title_span.of(report.text) == "区教育局工作总结"
    if text_only.title == document.title:
        pytest.skip("the text rules already find this title")


def test_evidence_keeps_the_text_title_when_the_format_title_is_not_in_the_text() -> None:
    text = "2024年工作总结\n一、基本情况\n全镇有初级中学2所。\n"
    report = parse_source(Source(text, SourceFormat.PDF, title="Untitled Report Draft"))
    assert report.documents[0].title == "2024年工作总结"


def test_evidence_never_imposes_a_title_the_text_does_not_show() -> None:
    text = "一、基本情况\n全镇有初级中学2所。\n二、存在问题\n"
    bare = gongwen.parse(text)
    assert bare.documents[0].title is None
    report = apply_evidence(bare, Source(text, SourceFormat.DOCX, title="某某镇教育工作总结"))
    assert report.documents == bare.documents and report.headings == bare.headings
    assert report.source is not None and report.source.title == "某某镇教育工作总结"


def test_evidence_ignores_a_pdf_title() -> None:
    text = "首页\n区教育局工作总结\n一、基本情况\n全镇有初级中学2所。\n"
    bare = gongwen.parse(text)
    report = parse_source(Source(text, SourceFormat.PDF, title="区教育局工作总结"))
    assert report.documents == bare.documents


def test_html_page_lines_keep_blocks_breaks_cells_and_pre() -> None:
    from gongwen.formats.htmlblocks import page_lines, parse_page

    page = (
        "<?xml version='1.0' encoding='utf-8'?><html><head><title>t</title><style>p{}</style></head><body>"
        "<div>一、基本情况<br>全镇有学校<b>2</b>所。</div><script>var a=1;</script>"
        "<table><tr><td>项目</td><td>金额</td></tr></table><pre>不足:\n1、管理</pre><!-- c -->尾</body></html>"
    )
    assert page_lines(parse_page(page)) == ["一、基本情况", "全镇有学校2所。", "项目\t金额", "不足:", "1、管理", "尾"]


def test_html_keeps_short_repeated_lines_inside_the_article() -> None:
    body = (
        "一、教学管理\n各校能按要求制定计划,较为突出的有三小、一小、四小学校。\n不足:\n"
        "1、有些学校的计划太笼统。\n二、教研工作\n"
        "各校课题研究有序开展,做得相对比较好的是三小、四小、六小学校。\n不足:\n"
        "1、有三个单位的课题管理制度没有建立。\n三、下步打算\n继续加强管理,进一步提高教育教学质量。"
    )
    source = read_bytes(render_html("某某学区教学工作总结", body), name="page.html")
    assert source.text.count("不足:") == 2
    assert [h.title for h in parse_source(source).headings if h.style == "label"] == ["不足", "不足"]


# ---------------------------------------------------------------------------------------------------------
# Extras, batch, command line


@pytest.mark.parametrize(
    ("module", "kind", "extra"),
    [("trafilatura", "html", "html"), ("pdfplumber", "pdf", "pdf"), ("docx", "docx", "docx")],
)
def test_a_missing_extra_names_the_pip_install(
    module: str, kind: str, extra: str, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
    with pytest.raises(MissingExtraError, match=rf"pip install 'gongwen\[{extra}\]'") as caught:
        read(files[kind])
    assert isinstance(caught.value, gongwen.GongwenError) and isinstance(caught.value, ImportError)


def test_importing_gongwen_imports_no_format_library() -> None:
    import subprocess

    code = "import sys, gongwen; print(sorted(m for m in ('trafilatura', 'pdfplumber', 'docx') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_pattern_lists_and_case() -> None:
    assert matches_pattern("REPORT.PDF", gongwen.formats.DEFAULT_PATTERN)
    assert matches_pattern("a.docx", "*.pdf, *.docx") and not matches_pattern("a.doc", "*.pdf,*.docx")
    assert not matches_pattern("notes.md", gongwen.formats.DEFAULT_PATTERN)


@pytest.fixture(scope="module")
def mixed(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    for kind in ("html", "pdf", "docx"):
        (root / files[kind].name).write_bytes(files[kind].read_bytes())
    (root / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (root / "notes.md").write_text(PLAIN, encoding="utf-8")
    return root


def test_batch_over_a_mixed_folder(mixed: Path, tmp_path: Path) -> None:
    names = [p.name for p in find_files([mixed])]
    assert names == ["page.html", "plain.txt", "styled.docx", "width.pdf"]
    summary = write_tables([mixed], tmp_path / "out", workers=1, format="jsonl")
    assert summary.parsed == 4 and summary.failed == 0
    rows = [json.loads(x) for x in (tmp_path / "out" / "headings.jsonl").read_text("utf-8").splitlines()]
    by_file = collections.Counter(Path(r["file"]).name for r in rows)
    assert set(by_file) == {"page.html", "plain.txt", "styled.docx", "width.pdf"}
    assert len(set(by_file.values())) == 1  # the same headings from every format
    pages = {r["page"] for r in rows if r["file"].endswith(".pdf")}
    assert min(pages) == 1 and max(pages) >= 3
    assert {r["page"] for r in rows if not r["file"].endswith(".pdf")} == {None}
    only_pdf = write_tables([mixed], tmp_path / "pdf", workers=1, pattern="*.pdf")
    assert only_pdf.found == 1


def test_parse_many_reads_every_format(mixed: Path) -> None:
    paths = sorted(p for p in mixed.iterdir() if p.suffix != ".md")
    reports = list(parse_many(paths, workers=1))
    assert [r.source_format for r in reports] == ["html", None, "docx", "pdf"]  # .txt as before: no source
    assert len({len(r.headings) for r in reports}) == 1


def test_cli_parses_a_pdf_to_json_with_pages(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(files["pdf"])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"]["format"] == "pdf" and data["documents"][0]["title"] == TITLE
    assert data["headings"][0]["page"] == 1


def test_cli_parse_of_a_docx_prints_its_outline(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--outline-only", "--color", "never", str(files["docx"])]) == 0
    assert "切实加强了党建和思想政治工作" in capsys.readouterr().out


def test_cli_reports_a_missing_extra(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    assert main(["parse", str(files["pdf"])]) == 1
    assert "pip install 'gongwen[pdf]'" in capsys.readouterr().err


def test_cli_reads_a_page_from_standard_input(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(files["html"].read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["parse", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"]["format"] == "html" and data["documents"][0]["title"] == TITLE


def test_html_old_style_table_layout_with_line_breaks(plain: Report) -> None:
    lines = "<br>\n".join(html.escape(x) for x in PLAIN.split("\n"))
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
        "<title>某某区人民政府-工作总结</title></head><body><table width='100%'>"
        "<tr><td colspan='2'><a href='/'>首页</a> | <a href='/a'>政务公开</a> | <a href='/b'>办事指南</a></td></tr>"
        "<tr><td width='200'><a href='/x'>通知公告</a><br><a href='/y'>工作动态</a></td>"
        f"<td><font size='3'>{lines}</font></td></tr>"
        "<tr><td colspan='2'>版权所有:某某区人民政府 地址:某某路1号</td></tr></table></body></html>"
    )
    report = parse_source(read_bytes(page.encode("gb18030"), name="old.htm"))
    assert share(heading_keys(plain), heading_keys(report)) == 1.0
    assert share(metric_keys(plain), metric_keys(report)) == 1.0
    assert report.text.startswith(PLAIN)  # no menu from the next cell, no title only in <title>
    assert report.documents[0].title == TITLE


def test_html_title_shown_only_in_the_title_tag_is_not_added() -> None:
    page = "<html><head><title>某某镇2024年工作总结_某某镇人民政府</title></head><body>"
    page += "".join(f"<p>{x}</p>" for x in ["一、基本情况", "全镇有初级中学2所,教师733人,在校学生845人。"] * 3)
    source = read_bytes((page + "</body></html>").encode(), name="p.html")
    assert source.title == "某某镇2024年工作总结"
    assert source.text.startswith("一、基本情况")
    assert parse_source(source).documents[0].title is None


_PAGE_PIECES = [
    *("<html>", "<body>", "<p>", "</p>", "<br>", "<td>", "<table>", "<tr>", "<pre>", "</pre>", "<h1>", "</h1>"),
    *("<!--", "-->", "<script>", "</script>", "<title>", '<div class="title">', "</div>", "&nbsp;", "\n", "<", ">"),
    *("<?xml version='1.0'?>", "<meta charset='gbk'>", "一、基本情况", "全镇有学校2所。", "二、存在问题", "标题_网"),
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_PIECES), max_size=40).map("".join))
def test_any_page_reads_or_fails_clearly_and_spans_stay_valid(page: str) -> None:
    try:
        source = read_bytes(page.encode("utf-8"), name="page.html")
    except gongwen.GongwenError:
        return
    assert_spans_index_text(parse_source(source))


def test_a_page_trafilatura_cannot_take_apart_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    source = read_bytes("<html><body><p>一、基本情况</p><p>全镇有学校2所。</p></body></html>".encode(), name="p.html")
    assert source.text == "一、基本情况\n全镇有学校2所。" and source.title is None
