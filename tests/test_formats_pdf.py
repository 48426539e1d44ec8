"""gongwen.formats.pdf: page furniture, lines broken by the layout joined again, and the page of each offset.

Synthetic pages of :class:`Line` objects (text, left and right edges, type size) test the rules one by
one; ``test_formats.py`` runs them on real PDFs made with reportlab.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen.errors import UnsupportedFormatError
from gongwen.formats import SourceFormat, read, read_bytes
from gongwen.formats.pdf import Line, _assemble, _drop_furniture
from gongwen.formats.source import Source


def line(text: str, x1: float = 523.0, x0: float = 72.0) -> Line:
    return Line(text, x0, x1, 12.0)


# (lines of one page as laid out, the text they give)
JOINS = [
    # a line that runs to the margin goes on below, also inside a number
    (
        [line("去年,我镇教育方面的投入总计55."), line("57万元,比上年增长7.4%。", x1=300)],
        "去年,我镇教育方面的投入总计55.57万元,比上年增长7.4%。",
    ),
    # a heading ends short of the margin: it keeps its line
    (
        [line("一、基本情况", x1=150), line("全镇幅员面积144.5平方公里。", x1=300)],
        "一、基本情况\n全镇幅员面积144.5平方公里。",
    ),
    # a full line that ends a sentence, then a heading marker: a new line
    (
        [line("为我区教育事业提供了可靠的组织保证和人才保证。"), line("二、存在问题", x1=150)],
        "为我区教育事业提供了可靠的组织保证和人才保证。\n二、存在问题",
    ),
    # an indented line starts a paragraph
    (
        [line("这个文件建立了方面的机制,共11项制度"), line("通过落实这些制度", x0=96, x1=200)],
        "这个文件建立了方面的机制,共11项制度\n通过落实这些制度",
    ),
    # two Latin words keep a space between them
    ([line("the Global Development"), line("Initiative", x1=150)], "the Global Development Initiative"),
]


@pytest.mark.parametrize(("lines", "expected"), JOINS)
def test_pdf_lines_broken_by_the_layout_are_joined(lines: list[Line], expected: str) -> None:
    filler = [line("一" * 30), line("二" * 10, x1=200)] * 3  # the rest of the page: where full lines end
    text, starts = _assemble([lines, filler])
    assert text.startswith(expected + "\n")
    assert starts == [0, text.index("一" * 30)]


def test_pdf_line_joined_across_a_page_break_belongs_to_both_pages() -> None:
    pages = [[line("一、基本情况", x1=150), line("全镇有初级中学2所,在校学生有8")], [line("45人。", x1=120)]]
    text, starts = _assemble(pages)
    assert text == "一、基本情况\n全镇有初级中学2所,在校学生有845人。"
    assert starts == [0, text.index("45人")]
    source = Source(text, SourceFormat.PDF, page_starts=starts)
    assert source.page_at(text.index("8")) == 1 and source.page_at(text.index("45")) == 2


def test_pdf_furniture_is_recognised_by_recurrence_and_shape() -> None:
    body = ["全年地区生产总值1234亿元。", "粮食总产量56万吨。", "城镇新增就业7890人。", "一、农业"]
    pages = [
        [line("某某县统计局", x1=150), line(text, x1=300), line(f"第{n}页 共4页", x1=200)]
        for n, text in enumerate(body, start=1)
    ]
    pages[0].insert(1, line("2024年国民经济和社会发展统计公报", x1=300))
    kept = _drop_furniture(pages)
    assert [[x.text for x in page] for page in kept] == [["2024年国民经济和社会发展统计公报", body[0]]] + [
        [text] for text in body[1:]
    ]


def test_pdf_title_in_large_type_stays_where_a_running_header_repeats_it() -> None:
    header = "2024年部门决算说明"
    pages = [[line(header, x1=200), Line(header, 200.0, 380.0, 18.0), line("一、部门基本情况", x1=200)]]
    pages += [[line(header, x1=200), line(f"第{n}段正文的内容写在这里。", x1=300)] for n in range(2, 5)]
    kept = _drop_furniture(pages)
    assert [x.text for x in kept[0]] == [header, "一、部门基本情况"]
    assert all(header not in x.text for page in kept[1:] for x in page)


def test_pdf_without_text_says_to_run_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnsupportedFormatError, match="OCR"):
        read(path)


def test_damaged_pdf_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedFormatError, match="cannot read this PDF"):
        read_bytes(b"%PDF-1.4\n garbage", name="bad.pdf")


_LINE_TEXT = st.text(alphabet="一二三、。,55.7万元ab (1)", min_size=1, max_size=30).filter(str.strip)
_LINES = st.builds(
    Line,
    _LINE_TEXT.map(str.strip),
    st.sampled_from([72.0, 72.0, 72.0, 96.0]),
    st.floats(min_value=100.0, max_value=523.0),
    st.sampled_from([12.0, 12.0, 9.0]),
)


@given(st.lists(st.lists(_LINES, max_size=8), min_size=1, max_size=5))
def test_pdf_assembly_keeps_every_character_and_knows_every_page(pages: list[list[Line]]) -> None:
    text, starts = _assemble(pages)
    assert text.replace("\n", "").replace(" ", "") == "".join(x.text for page in pages for x in page).replace(" ", "")
    assert len(starts) == len(pages) and starts[0] == 0 and starts == sorted(starts)
    source = Source(text, SourceFormat.PDF, page_starts=starts)
    for number, (page, start) in enumerate(zip(pages, starts, strict=True), start=1):
        if page:
            assert text.startswith(page[0].text, start)
            assert source.page_at(start) == number


def test_pdf_centred_title_as_wide_as_the_text_is_not_joined_to_the_next_line() -> None:
    title = Line("教育局讲话心得体会报告 教育局讲话心得体会报告范文(六篇)", 99.9, 495.4, 12.0, 297.6)
    body = [line("一" * 36, x1=504.0), line("二" * 10, x1=200.0)] * 3
    text, _ = _assemble([[title, line("- 上传日期:2023-01-12 |", x1=230.0), *body]])
    assert text.startswith(title.text + "\n- 上传日期")
