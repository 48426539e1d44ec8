"""Heading styles are a table of named rules; a user adds one without editing the library."""

from __future__ import annotations

import pytest

from gongwen import HeadingRule, RegistryError, parse, register_heading_style, unregister_heading_style
from gongwen.headings import Inline, heading_rules, label_title, read_number

pytestmark = pytest.mark.usefixtures("registries")

QI = HeadingRule("qi_cn", r"其(?P<num>[一二三四五六七八九十]+)[、,]")
TEXT = (
    "一、主要成绩\n其一、教育投入持续增加。全年投入经费55.57万元。\n其二、办学条件明显改善。新建校舍两所。\n"
    "二、存在问题\n经费仍然不足。"
)


def outline(text: str) -> list[tuple[int, str, str, int | None, str]]:
    return [(h.level, h.style, h.marker, h.number, h.title) for h in parse(text).headings]


def test_without_the_rule_qi_lines_are_body_text() -> None:
    assert [title for *_, title in outline(TEXT)] == ["主要成绩", "存在问题"]


def test_a_registered_style_is_found_levelled_and_numbered() -> None:
    register_heading_style(QI, before="cn_dun")
    assert outline(TEXT) == [
        (1, "cn_dun", "一、", 1, "主要成绩"),
        (2, "qi_cn", "其一、", 1, "教育投入持续增加"),
        (2, "qi_cn", "其二、", 2, "办学条件明显改善"),
        (1, "cn_dun", "二、", 2, "存在问题"),
    ]
    sections = [s.path for s in parse(TEXT).walk()]
    assert ("主要成绩", "办学条件明显改善") in sections


def test_a_registered_style_continues_inline_like_the_built_in_ones() -> None:
    register_heading_style(QI)
    text = "一、做法\n其一、抓学习。其二、抓落实。"
    found = [(h.marker, h.inline) for h in parse(text).headings]
    assert found == [("一、", False), ("其一、", False), ("其二、", True)]


def test_the_rule_is_tried_before_the_style_it_names() -> None:
    register_heading_style(QI, before="cn_dun")
    names = [r.style for r in heading_rules()]
    assert names.index("qi_cn") == names.index("cn_dun") - 1


def test_unregister_restores_the_table() -> None:
    before = [r.style for r in heading_rules()]
    register_heading_style(QI)
    unregister_heading_style("qi_cn")
    assert [r.style for r in heading_rules()] == before
    assert [title for *_, title in outline(TEXT)] == ["主要成绩", "存在问题"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: register_heading_style(HeadingRule("cn_dun", r"x")), "already registered"),
        (lambda: register_heading_style(QI, before="no_such_style"), "no heading style"),
        (lambda: unregister_heading_style("no_such_style"), "no registered heading style"),
    ],
    ids=["duplicate", "unknown-before", "unknown-unregister"],
)
def test_registry_errors_say_what_is_wrong(call: object, message: str) -> None:
    with pytest.raises(RegistryError, match=message) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, ValueError)


def test_a_custom_number_reader() -> None:
    letters = HeadingRule("latin", r"(?P<num>[A-E])[.、]", inline=Inline.NEVER, number=lambda s: ord(s) - 64)
    register_heading_style(letters)
    assert outline("A.总体情况\nB.具体措施") == [(1, "latin", "A.", 1, "总体情况"), (1, "latin", "B.", 2, "具体措施")]


@pytest.mark.parametrize(
    ("marker", "number"),
    [("一", 1), ("十二", 12), ("3", 3), ("③", 3), ("⑵", 2), ("", None), ("甲", None)],
)
def test_read_number(marker: str, number: int | None) -> None:
    assert read_number(marker) == number


@pytest.mark.parametrize(
    ("line", "title"),
    [("存在问题:", "存在问题"), ("  不足:", "不足"), ("建议:  ", "建议"), ("下一步打算:", "下一步打算")],
)
def test_labels(line: str, title: str) -> None:
    span = label_title(line)
    assert span is not None and line[span[0] : span[1]] == title


@pytest.mark.parametrize(
    "line",
    [
        "各位代表:",
        "主要有以下几点:",
        "具体如下:",
        "教育系统信访工作主要表现在以下几个方面:",
        "分别是:",
        "2024年:",
        "一、基本情况:",
    ],
)
def test_not_labels(line: str) -> None:
    assert label_title(line) is None


@pytest.mark.parametrize(("marker", "number"), [("㈠", 1), ("㈣", 4), ("㈩", 10), ("⒈", 1), ("⒛", 20), ("⑽", 10)])
def test_read_number_of_enclosed_forms(marker: str, number: int) -> None:
    assert read_number(marker) == number


# (line, style, marker, number, title): the enclosed and half-width forms real reports use
STYLE_VARIANTS = [
    ("㈠加快产业转型升级", "cn_paren", "㈠", 1, "加快产业转型升级"),
    ("㈡、深化改革开放", "cn_paren", "㈡、", 2, "深化改革开放"),
    ("㈩ 其他工作", "cn_paren", "㈩", 10, "其他工作"),
    ("⑴健全机构", "arabic_paren", "⑴", 1, "健全机构"),
    ("⒇完善台账", "arabic_paren", "⒇", 20, "完善台账"),
    ("1)建立台账", "arabic_paren", "1)", 1, "建立台账"),
    ("2）定期通报", "arabic_paren", "2）", 2, "定期通报"),
    ("⒈工业生产", "arabic_dot", "⒈", 1, "工业生产"),
    ("１２．完善制度", "arabic_dot", "１２．", 12, "完善制度"),
    ("（十）其他", "cn_paren", "（十）", 10, "其他"),
    ("第二部份 决算情况说明", "part", "第二部份", 2, "决算情况说明"),
    ("第一部分:基本情况", "part", "第一部分:", 1, "基本情况"),
    ("第 一 部 分 单位概况", "part", "第 一 部 分", 1, "单位概况"),
    ("第 3 章 附则", "part", "第 3 章", 3, "附则"),
]


@pytest.mark.parametrize(("line", "style", "marker", "number", "title"), STYLE_VARIANTS)
def test_style_variants(line: str, style: str, marker: str, number: int, title: str) -> None:
    assert outline(line) == [(1, style, marker, number, title)]


@pytest.mark.parametrize(
    "line",
    [
        "2)",  # nothing after the marker but the end of the line is no heading of this style
        "(2023)年度报告",
        "3)的结果",
    ],
)
def test_half_paren_needs_a_title(line: str) -> None:
    assert [h for h in parse(line).headings if h.style == "arabic_paren"] == []


@pytest.mark.parametrize(
    "line",
    [
        "重点抓好以下八个方面工作:",
        "主要抓好五个方面:",
        "重点抓好:",
        "具体采取三项措施:",
        "做好四件事:",
        "【字号:",
        "[打印]:",
    ],
)
def test_lead_ins_and_furniture_are_not_labels(line: str) -> None:
    assert label_title(line) is None


@pytest.mark.parametrize("line", ["主要做法:", "存在问题:", "工作措施:", "下一步工作打算:", "亮点:"])
def test_labels_stay_labels(line: str) -> None:
    assert label_title(line) is not None
