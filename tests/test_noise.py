"""Page furniture: :func:`gongwen.noise.find_noise` on real lines of scraped report pages (GUIDELINES §2)."""

from __future__ import annotations

import itertools
from importlib import resources
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import InputTypeError, Noise, Span
from gongwen.noise import _whole_line, find_noise, inside, noise_patterns
from strategies import report_text


class Line(NamedTuple):
    """A text and the (kind, text) of every noise span in it, in order."""

    text: str
    expected: list[tuple[str, str]]


# Lines as they occur in the seed pages (001: a collection of 六篇, 003: a document site, 000/002: watermarks).
FROM_SEEDS = [
    Line("- 上传日期:2023-01-12 07:32:14 |", [("upload", "- 上传日期:2023-01-12 07:32:14 |")]),
    Line("- ZTFB |", [("uploader", "- ZTFB |")]),
    Line("- 8页", [("pages", "- 8页")]),
    Line("- 2021-04-13 发布 |", [("upload", "- 2021-04-13 发布 |")]),
    Line("- 37.5 KB |", [("size", "- 37.5 KB |")]),
    Line("- 5页", [("pages", "- 5页")]),
    Line(
        "申明敬告: 本站不保证该用户上传的文档完整性,不预览、不比对内容而直接下载产生的反悔问题本站不予受理。",
        [
            (
                "disclaimer",
                "申明敬告: 本站不保证该用户上传的文档完整性,不预览、不比对内容而直接下载产生的反悔问题本站不予受理。",
            )
        ],
    ),
    Line("文档介绍", [("intro", "文档介绍")]),
    Line("59位用户关注", [("followers", "59位用户关注")]),
    Line("59位用户关注\n96位用户关注", [("followers", "59位用户关注"), ("followers", "96位用户关注")]),
    Line("为开拓教育工会工作的新局面,作出新的贡献。XX镇教育工会 查看更多", [("more", "查看更多")]),
    Line(
        "因篇幅问题不能全部显示,请点此查看更多更全内容",
        [("truncated", "因篇幅问题不能全部显示,请点此查看更多更全内容")],
    ),
    Line("本地特色的一個活動名稱。\n文 章超 市\n", [("watermark", "文 章超 市")]),
    Line("以提高教育行政管理效能( 勵志天下 )為目標", [("watermark", "( 勵志天下 )")]),
    Line("為相關部門提供決策依據,請記住我站域名", [("watermark", "請記住我站域名")]),
    Line("3、范文top100积极推行“三转二”改革。", [("watermark", "范文top100")]),
    Line("加强管理范文网制度建设", [("watermark", "管理范文网")]),
]

# The same furniture written with other spacing, full-width punctuation or traditional characters.
VARIANTS = [
    Line("- 8 页 |", [("pages", "- 8 页 |")]),
    Line("  - 8页  ", [("pages", "- 8页")]),
    Line("- 120页", [("pages", "- 120页")]),
    Line("- 1.2 MB", [("size", "- 1.2 MB")]),
    Line("- 512KB", [("size", "- 512KB")]),
    Line("- 上传日期：2023-01-12", [("upload", "- 上传日期：2023-01-12")]),
    Line("- 发布时间:2020-5-1", [("upload", "- 发布时间:2020-5-1")]),
    Line("申明敬告：本站不保证", [("disclaimer", "申明敬告：本站不保证")]),
    Line("正文。59位用户关注", [("followers", "59位用户关注")]),
    Line("查看更多更全内容", [("more", "查看更多更全内容")]),
    Line("文章超市", [("watermark", "文章超市")]),
    Line("教育行政管理效能（ 励志天下 ）的提高", [("watermark", "（ 励志天下 ）")]),
    Line("本文来源:www.abc.com", [("watermark", "本文来源:www.abc.com")]),
    Line("- 8页\n正文。59位用户关注", [("pages", "- 8页"), ("followers", "59位用户关注")]),
    # page numbers of PDF extractions
    Line("正文\n— 3 —\n正文", [("page_number", "— 3 —")]),
    Line("正文\n第 5 页 共 20 页\n正文", [("page_number", "第 5 页 共 20 页")]),
    Line("正文\n6/20\n正文", [("page_number", "6/20")]),
]

RELATED = [
    Line(
        "您可能关注的文档\n- 不好好吃饭的孩子心得体会和方法(九篇)\n- 最新护肤品不吸收的心得体会范本(通用12篇)",
        [
            ("related", "您可能关注的文档"),
            ("related", "- 不好好吃饭的孩子心得体会和方法(九篇)"),
            ("related", "- 最新护肤品不吸收的心得体会范本(通用12篇)"),
        ],
    ),
    # a blank line between the heading and its list is still the list
    Line("您可能关注的文档\n\n- 甲文档", [("related", "您可能关注的文档"), ("related", "- 甲文档")]),
    # the list stops at the first line that is not a "- " link
    Line(
        "您可能关注的文档\n- 甲文档\n正文继续。\n- 加强领导,提高认识",
        [("related", "您可能关注的文档"), ("related", "- 甲文档")],
    ),
    Line("猜你喜欢\n- 甲\n- 乙", [("related", "猜你喜欢"), ("related", "- 甲"), ("related", "- 乙")]),
    Line("相关推荐", [("related", "相关推荐")]),
    Line("您可能关注的文档", [("related", "您可能关注的文档")]),  # at the very end of the text
]

ALL_LINES = FROM_SEEDS + VARIANTS + RELATED


@pytest.mark.parametrize("case", ALL_LINES, ids=[repr(c.text[:30]) for c in ALL_LINES])
def test_find_noise(case: Line) -> None:
    found = find_noise(case.text)
    assert [(n.kind, n.text) for n in found] == case.expected
    for noise in found:
        assert isinstance(noise, Noise)
        assert case.text[noise.span.start : noise.span.end] == noise.text
        assert noise.text == noise.text.strip()  # spans are trimmed


# Lines of report text that look a little like furniture but are not.
NOT_NOISE = [
    "全镇有初级中学2所,总人口55983人。",
    "一、切实加强了党建和思想政治工作",
    "我们的8页报告已经上报。",
    "印发了8页的宣传材料",
    "超市文章",
    "查看更多的资料请点击这里",  # 查看更多 only counts at the end of a line
    "正文文档介绍了什么",  # 文档介绍 only counts as a whole line
    "有59位用户",
    "申明敬告",  # without its colon and text
    # a line starting with "- " that does not follow 您可能关注的文档 is body text (a list item)
    "- 加强领导,提高认识",
    "正文\n- 甲文档\n- 乙文档",
    "- 8页纸的报告",
    "- 2021年工作总结",
    "占比为1/5。",  # a fraction in a sentence, not a page number
]


@pytest.mark.parametrize("text", NOT_NOISE, ids=[repr(t[:30]) for t in NOT_NOISE])
def test_not_noise(text: str) -> None:
    assert find_noise(text) == ()


def test_noise_offsets_in_a_page() -> None:
    page = "教育局讲话心得体会报告\n- 上传日期:2023-01-12 07:32:14 |\n- ZTFB |\n- 8页\n正文第一段。\n"
    found = find_noise(page)
    assert [n.kind for n in found] == ["upload", "uploader", "pages"]
    assert found[0].span == Span(12, 40)
    assert [n.span.start for n in found] == [page.index("- 上传"), page.index("- ZTFB"), page.index("- 8页")]
    assert all(page[n.span.start : n.span.end] == n.text for n in found)


def test_noise_is_in_text_order_and_does_not_overlap() -> None:
    page = "59位用户关注\n您可能关注的文档\n- 甲(五篇)\n- 乙\n文 章超 市\n- 8页\n查看更多"
    found = find_noise(page)
    starts = [n.span.start for n in found]
    assert starts == sorted(starts)
    for first, second in itertools.pairwise(found):
        assert first.span.end <= second.span.start


def test_noise_to_dict() -> None:
    (noise,) = find_noise("正文。59位用户关注")
    assert noise.to_dict() == {"start": 3, "end": 10, "kind": "followers", "text": "59位用户关注"}


def test_extra_patterns() -> None:
    text = "正文。更多精彩请关注公众号\n正文"
    assert find_noise(text) == ()
    (noise,) = find_noise(text, extra=[("ad", r"更多精彩请关注公众号")])
    assert (noise.kind, noise.text) == ("ad", "更多精彩请关注公众号")


def test_noise_patterns_are_data() -> None:
    pairs = noise_patterns()
    kinds = {kind for kind, _ in pairs}
    assert {"upload", "size", "pages", "followers", "related", "watermark", "truncated"} <= kinds
    assert all(pattern for _, pattern in pairs)


def test_inside() -> None:
    found = find_noise("正文。59位用户关注")
    assert inside(found, 3, 4)
    assert inside(found, 0, 5)
    assert not inside(found, 0, 3)
    assert not inside(found, 10, 12)


def test_bundled_samples() -> None:
    data = resources.files("gongwen").joinpath("data")
    report = data.joinpath("sample_report.txt").read_text(encoding="utf-8")
    (noise,) = find_noise(report)
    assert noise.kind == "truncated"
    assert (noise.span.start, noise.span.end) == (3749, 3772)

    collection = data.joinpath("sample_collection.txt").read_text(encoding="utf-8")
    found = find_noise(collection)
    assert len(found) == 34
    assert [n.kind for n in found[:4]] == ["upload", "uploader", "pages", "related"]
    assert all(n.kind == "related" for n in found[3:])


@pytest.mark.parametrize("value", [None, b"- 8\xe9\xa1\xb5", 8])
def test_wrong_type(value: object) -> None:
    with pytest.raises(InputTypeError) as info:
        find_noise(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert type(value).__name__ in str(info.value)


def test_empty() -> None:
    assert find_noise("") == ()
    assert find_noise("\n\n  \n") == ()


def _check(text: str) -> None:
    found = find_noise(text)
    previous_end = 0
    for noise in found:
        assert 0 <= noise.span.start < noise.span.end <= len(text)
        assert text[noise.span.start : noise.span.end] == noise.text
        assert noise.span.start >= previous_end
        previous_end = noise.span.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_noise_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(report_text)
def test_find_noise_never_crashes_on_pages(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("pattern", "whole_line"),
    [
        (r"^\s*第\s*\d{1,4}\s*页\s*$", True),
        (r"^(?:您可能关注的文档|相关文档)\s*$", True),  # an alternation inside a group
        (r"^[|]\s*广告$", True),  # | in a set
        (r"^[]|]\s*$", True),  # ] first in a set is a member
        (r"^\|广告$", True),  # an escaped |
        (r"^广告:.*$|赞助", False),  # the second alternative is not anchored
        (r"查看更多\s*$", False),
    ],
)
def test_which_patterns_are_whole_line(pattern: str, whole_line: bool) -> None:
    assert _whole_line(pattern) is whole_line


def test_a_line_pattern_does_not_run_over_blank_lines() -> None:
    # ^\s* once ran on over every blank line below each line start: quadratic in the number of blank
    # lines (benchmarks/bench_pathological.py times it); held to its line it finds the same noise
    text = "正文。\n" + "\n" * 3000 + "  - 8页  \n\n\n第 5 页 共 20 页\n" + "\n" * 3000 + "正文。"
    assert [(n.kind, n.text) for n in find_noise(text)] == [("pages", "- 8页"), ("page_number", "第 5 页 共 20 页")]


def test_extra_patterns_with_their_own_groups_and_anchors() -> None:
    # whole-line patterns share one scan; their own named groups and alternations keep their meaning
    extra = [
        ("banner", r"^\s*(?P<site>某某文库)\s*$"),
        ("ad", r"^广告:.*$|赞助"),  # the second alternative is not anchored
    ]
    text = "正文一。\n某某文库\n广告:买书\n正文二赞助了3万元。"
    found = [(n.kind, n.text) for n in find_noise(text, extra=extra)]
    assert found == [("banner", "某某文库"), ("ad", "广告:买书"), ("ad", "赞助")]
