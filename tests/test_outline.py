"""The outline: heading styles, inline headings, levels and parents, documents (GUIDELINES §1 and §3).

Tables of real heading lines (most taken from the seed reports) per style, lines that must not be
headings, small texts for the level and document rules, whole-report golden tests on the two reports the
package bundles, and hypothesis properties of :func:`gongwen.parser.parse` on arbitrary text.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import HeadingStyle, InputTypeError, Report
from gongwen.outline import find_candidates, parse_outline, split_documents
from gongwen.parser import parse
from gongwen.textview import fold, visible
from strategies import report_text

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).parents[1] / ".." / "shared"

S = HeadingStyle


def _sample(name: str) -> str:
    return resources.files("gongwen").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _summary(report: Report) -> list[tuple[str, str, int | None, int, str, bool]]:
    return [(h.style, h.marker, h.number, h.level, h.title, h.inline) for h in report.headings]


# --------------------------------------------------------------------------------------------------
# one heading line per case, by style
# --------------------------------------------------------------------------------------------------


class HeadingLine(NamedTuple):
    line: str
    style: str
    marker: str
    number: int | None
    title: str


HEADING_LINES: dict[str, list[HeadingLine]] = {
    "part": [
        HeadingLine("第一部分 单位概况", S.PART, "第一部分", 1, "单位概况"),
        HeadingLine("第二章 总则", S.PART, "第二章", 2, "总则"),
        HeadingLine("第三节 教学管理", S.PART, "第三节", 3, "教学管理"),
        HeadingLine("第一部分、概况", S.PART, "第一部分、", 1, "概况"),
        HeadingLine("第十二章 附则", S.PART, "第十二章", 12, "附则"),
    ],
    "cn_dun": [
        HeadingLine("一、切实加强了党建和思想政治工作", S.CN_DUN, "一、", 1, "切实加强了党建和思想政治工作"),
        HeadingLine("二、 近年来在教育方面的投入", S.CN_DUN, "二、", 2, "近年来在教育方面的投入"),
        HeadingLine("一,基本情况", S.CN_DUN, "一,", 1, "基本情况"),
        HeadingLine("一，基本情况", S.CN_DUN, "一，", 1, "基本情况"),
        HeadingLine("一．基本情况", S.CN_DUN, "一．", 1, "基本情况"),
        HeadingLine("一. 基本情况", S.CN_DUN, "一.", 1, "基本情况"),
        HeadingLine("一 、基本情况", S.CN_DUN, "一 、", 1, "基本情况"),
        HeadingLine("十二、其他", S.CN_DUN, "十二、", 12, "其他"),
        HeadingLine("四、工作業績方面", S.CN_DUN, "四、", 4, "工作業績方面"),
    ],
    "cn_paren": [
        HeadingLine("(一)对优秀教师进行表彰", S.CN_PAREN, "(一)", 1, "对优秀教师进行表彰"),
        HeadingLine("（一）提高认识，加强领导", S.CN_PAREN, "（一）", 1, "提高认识，加强领导"),
        HeadingLine(
            "(二)、市政府的网站——市长信箱转来信访件情况",
            S.CN_PAREN,
            "(二)、",
            2,
            "市政府的网站——市长信箱转来信访件情况",
        ),
        HeadingLine("( 三 )加强管理", S.CN_PAREN, "( 三 )", 3, "加强管理"),
        HeadingLine("(十一)其他工作", S.CN_PAREN, "(十一)", 11, "其他工作"),
    ],
    "arabic_dun": [
        HeadingLine(
            "1、深入开展了保持共产党员先进性教育活动。", S.ARABIC_DUN, "1、", 1, "深入开展了保持共产党员先进性教育活动"
        ),
        HeadingLine("12、加强领导", S.ARABIC_DUN, "12、", 12, "加强领导"),
        HeadingLine("1、有三個單位的計劃沒有按時上交。", S.ARABIC_DUN, "1、", 1, "有三個單位的計劃沒有按時上交"),
        HeadingLine("3 、加强管理", S.ARABIC_DUN, "3 、", 3, "加强管理"),
    ],
    "arabic_dot": [
        HeadingLine("1.群众(师生)来信来访总体情况", S.ARABIC_DOT, "1.", 1, "群众(师生)来信来访总体情况"),
        HeadingLine("1．加强领导", S.ARABIC_DOT, "1．", 1, "加强领导"),
        HeadingLine("2. 领导接访,强化责任", S.ARABIC_DOT, "2.", 2, "领导接访,强化责任"),
        HeadingLine("12.完善制度", S.ARABIC_DOT, "12.", 12, "完善制度"),
        HeadingLine(". 群众(师生)来信来访反映问题情况", S.ARABIC_DOT, ".", None, "群众(师生)来信来访反映问题情况"),
    ],
    "arabic_paren": [
        HeadingLine("(1)健全中心组学习制度", S.ARABIC_PAREN, "(1)", 1, "健全中心组学习制度"),
        HeadingLine("（1）健全制度", S.ARABIC_PAREN, "（1）", 1, "健全制度"),
        HeadingLine(
            "(4)按新《会计法》标准,强化学校财务管理和财务人员纪律教育;",
            S.ARABIC_PAREN,
            "(4)",
            4,
            "按新《会计法》标准,强化学校财务管理和财务人员纪律教育",
        ),
        HeadingLine("⑵实行统一使用专用票据", S.ARABIC_PAREN, "⑵", 2, "实行统一使用专用票据"),
        HeadingLine("(12)其他", S.ARABIC_PAREN, "(12)", 12, "其他"),
    ],
    "circled": [
        HeadingLine("①加强领导", S.CIRCLED, "①", 1, "加强领导"),
        HeadingLine("② 完善制度", S.CIRCLED, "②", 2, "完善制度"),
        HeadingLine("⑩其他", S.CIRCLED, "⑩", 10, "其他"),
    ],
    "cn_shi": [
        HeadingLine("一是加强领导", S.CN_SHI, "一是", 1, "加强领导"),
        HeadingLine(
            "一是进一步巩固治理中小学乱收费的成果。具体采取五项措施:",
            S.CN_SHI,
            "一是",
            1,
            "进一步巩固治理中小学乱收费的成果",
        ),
        HeadingLine(
            "三是巩固校务公开、政务公开的成果。组织机构健全", S.CN_SHI, "三是", 3, "巩固校务公开、政务公开的成果"
        ),
    ],
    "di_cn": [
        HeadingLine("第一、进一步建立和完善思想政治工作网络", S.DI_CN, "第一、", 1, "进一步建立和完善思想政治工作网络"),
        HeadingLine("第二,扎实开展社会主义荣辱观教育活动。", S.DI_CN, "第二,", 2, "扎实开展社会主义荣辱观教育活动"),
    ],
    "label": [
        HeadingLine("存在问题:", S.LABEL, "", None, "存在问题"),
        HeadingLine("不足：", S.LABEL, "", None, "不足"),
        HeadingLine("建議:", S.LABEL, "", None, "建議"),
        HeadingLine("優點:", S.LABEL, "", None, "優點"),
        HeadingLine("存在的问题及建议：", S.LABEL, "", None, "存在的问题及建议"),
        HeadingLine("下一步打算:", S.LABEL, "", None, "下一步打算"),
    ],
    "title cut": [
        HeadingLine("一、加强学习:我们组织了学习。", S.CN_DUN, "一、", 1, "加强学习"),
        HeadingLine("二、严肃纪律;制定了制度。", S.CN_DUN, "二、", 2, "严肃纪律"),
        HeadingLine("三、强化考核。考核很严。", S.CN_DUN, "三、", 3, "强化考核"),
        HeadingLine("一、基本情况：", S.CN_DUN, "一、", 1, "基本情况"),
        HeadingLine("一、基本情况  ", S.CN_DUN, "一、", 1, "基本情况"),
        HeadingLine("(一)提高认识。正文(二)不是标题", S.CN_PAREN, "(一)", 1, "提高认识"),
    ],
}
ALL_HEADING_LINES = [(group, case) for group, cases in HEADING_LINES.items() for case in cases]


@pytest.mark.parametrize(("group", "case"), ALL_HEADING_LINES, ids=[f"{g}:{c.line[:16]}" for g, c in ALL_HEADING_LINES])
def test_heading_line(group: str, case: HeadingLine) -> None:
    report = parse(case.line)
    assert len(report.headings) == 1, _summary(report)
    (heading,) = report.headings
    assert heading.style == case.style
    assert heading.marker == case.marker
    assert heading.number == case.number
    assert heading.title == case.title
    assert heading.level == 1
    assert heading.parent is None
    assert heading.inline is False
    assert heading.line == 0
    assert heading.document == 0
    text = case.line
    assert text[heading.span.start : heading.span.end].startswith(heading.marker)
    assert heading.span.start == len(text) - len(text.lstrip(" \t"))
    assert heading.title_span is not None
    assert heading.title_span.of(text) == heading.title
    if heading.title:
        assert heading.span.end == heading.title_span.end


@pytest.mark.parametrize(("group", "case"), ALL_HEADING_LINES, ids=[f"{g}:{c.line[:16]}" for g, c in ALL_HEADING_LINES])
def test_heading_line_is_a_candidate(group: str, case: HeadingLine) -> None:
    (candidate,) = [c for c in find_candidates(case.line) if not c.inline]
    assert candidate.style == case.style
    assert candidate.number == case.number
    assert candidate.marker.of(case.line) == case.marker
    assert candidate.title.of(case.line) == case.title


def test_heading_line_with_indent() -> None:
    text = "正文。\n    （二）暢通渠道"
    (heading,) = parse(text).headings
    assert heading.marker == "（二）"
    assert heading.span.start == text.index("（")
    assert heading.line == 1


# --------------------------------------------------------------------------------------------------
# lines that are not headings
# --------------------------------------------------------------------------------------------------

NOT_HEADINGS = [
    # dates and numbers at a line start
    "5.12的大地震让我们更加团结。",
    "2024年是关键之年。",
    "2024年教师节,对上一学年度教育工作先进集体和先进个人进行表彰。",
    "1.08万册图书已经上架。",
    "1.5万元用于奖励。",
    "3.5%的增长来自新建学校。",
    "12月份召开会议。",
    "100%的学校完成了任务。",
    "20xx年,我们以科学发展观为指导。",
    "1、2、3三个年级全部达标。",
    "十一五期间,我县新建学校12所。",
    "一是否可行还要研究。",
    "第一名由实验小学获得。",
    # lines that end in a colon but are no labels
    "在全县范围内开展了一系列的教育活动并取得了显著成效主要做法如下:",
    "我们认为:",
    "具体如下:",
    "现总结如下：",
    "存在问题:我们发现还有不足",
    "主要表现为:",
    # numbered items inside a running sentence (not after 。;!?)
    "正文,包括(1)制度,(2)纪律。",
    "11项制度是:(1)健全中心组学习制度,(2)健全党组织日常学习制度,(3)健全“三会一课”制度",
    "我们抓了三件事,一是学习,二是纪律。",
    # a series inside a paragraph enumerates its points: not headings
    "主要做法:一是加强学习;二是严肃纪律;三是强化考核。",
    "着重组织好三大活动:一是在全区青少年学生中开展教育实践活动;二是在全区教师中开展主题教育活动;",
    # noise is never a heading
    "- 8页",
    "59位用户关注",
    "",
    "\n\n",
]


@pytest.mark.parametrize("text", NOT_HEADINGS, ids=[repr(t[:20]) for t in NOT_HEADINGS])
def test_not_a_heading(text: str) -> None:
    assert parse(text).headings == ()


def test_series_inside_a_paragraph_under_a_heading() -> None:
    text = "一、总体情况\n我们开展了工作:一是学习;二是纪律;三是考核。\n二、存在问题"
    assert _summary(parse(text)) == [
        (S.CN_DUN, "一、", 1, 1, "总体情况", False),
        (S.CN_DUN, "二、", 2, 1, "存在问题", False),
    ]


# --------------------------------------------------------------------------------------------------
# inline headings
# --------------------------------------------------------------------------------------------------

INLINE = [
    (
        "现总结如下:一、加强学习。二、严肃纪律。",
        [(S.CN_DUN, "一、", 1, 1, "加强学习", True), (S.CN_DUN, "二、", 2, 1, "严肃纪律", True)],
    ),
    (
        "一、加强学习。我们做了很多工作。二、严肃纪律。",
        [(S.CN_DUN, "一、", 1, 1, "加强学习", False), (S.CN_DUN, "二、", 2, 1, "严肃纪律", True)],
    ),
    (
        "一是加强学习,提高认识。\n二是严肃纪律。三是强化考核。",
        [
            (S.CN_SHI, "一是", 1, 1, "加强学习,提高认识", False),
            (S.CN_SHI, "二是", 2, 1, "严肃纪律", False),
            (S.CN_SHI, "三是", 3, 1, "强化考核", True),
        ],
    ),
    (
        "一是加强学习。二是严肃纪律。",
        [(S.CN_SHI, "一是", 1, 1, "加强学习", False), (S.CN_SHI, "二是", 2, 1, "严肃纪律", True)],
    ),
    (
        "一、总体情况\n1、加强学习。2、严肃纪律。",
        [
            (S.CN_DUN, "一、", 1, 1, "总体情况", False),
            (S.ARABIC_DUN, "1、", 1, 2, "加强学习", False),
            (S.ARABIC_DUN, "2、", 2, 2, "严肃纪律", True),
        ],
    ),
    (
        "一、总体情况\n第一、进一步。第二、扎实。",
        [
            (S.CN_DUN, "一、", 1, 1, "总体情况", False),
            (S.DI_CN, "第一、", 1, 2, "进一步", False),
            (S.DI_CN, "第二、", 2, 2, "扎实", True),
        ],
    ),
    (
        # seed 000, line 63: ⑵ after a ; continues (1) at the line start
        "(1)区教育局、财政局、物价局三家联合向各校下达收费项目及标准;⑵实行统一使用专用票据;"
        "⑶统一使用市教委印制的收费卡,自觉接受监督;\n(4)按新《会计法》标准,强化学校财务管理;",
        [
            (S.ARABIC_PAREN, "(1)", 1, 1, "区教育局、财政局、物价局三家联合向各校下达收费项目及标准", False),
            (S.ARABIC_PAREN, "⑵", 2, 1, "实行统一使用专用票据", True),
            (S.ARABIC_PAREN, "⑶", 3, 1, "统一使用市教委印制的收费卡,自觉接受监督", True),
            (S.ARABIC_PAREN, "(4)", 4, 1, "按新《会计法》标准,强化学校财务管理", False),
        ],
    ),
    (
        "一、总体情况\n正文说明;⑴实行统一使用教材;⑵实行统一。",
        [
            (S.CN_DUN, "一、", 1, 1, "总体情况", False),
            (S.ARABIC_PAREN, "⑴", 1, 2, "实行统一使用教材", True),
            (S.ARABIC_PAREN, "⑵", 2, 2, "实行统一", True),
        ],
    ),
    ("一、甲。\n真好!二、乙", [(S.CN_DUN, "一、", 1, 1, "甲", False), (S.CN_DUN, "二、", 2, 1, "乙", True)]),
    # an inline item that continues nothing is body text
    ("一、总体情况\n正文。2、严肃纪律。", [(S.CN_DUN, "一、", 1, 1, "总体情况", False)]),
    ("一、总体情况\n正文说明;⑵实行统一使用教材。", [(S.CN_DUN, "一、", 1, 1, "总体情况", False)]),
    ("我们做了三件事。一是学习;二是纪律。", []),
]


@pytest.mark.parametrize(("text", "expected"), INLINE, ids=[repr(t[:24]) for t, _ in INLINE])
def test_inline_headings(text: str, expected: list[tuple[Any, ...]]) -> None:
    report = parse(text)
    assert _summary(report) == expected
    for heading in report.headings:
        assert text[heading.span.start : heading.span.end].startswith(heading.marker)
        if heading.inline:
            before = text[: heading.span.start].rstrip(" \t\u3000")
            assert before[-1:] in ("。", ";", "；", "!", "！", "?", "？", ":", "：")


# --------------------------------------------------------------------------------------------------
# levels and parents
# --------------------------------------------------------------------------------------------------


def _tree(report: Report) -> list[tuple[str, int, str | None]]:
    """(title, level, parent title) of every heading."""
    by_index = {h.index: h for h in report.headings}
    return [(h.title, h.level, None if h.parent is None else by_index[h.parent].title) for h in report.headings]


LEVELS = [
    (
        "gb order 一、 > (一) > 1. > (1)",
        "总结\n一、基本情况\n(一)学校概况\n1.在校学生\n(1)小学\n(2)初中\n2.教师\n(二)经费\n二、主要做法\n(一)加强领导\n三、存在问题",
        [
            ("基本情况", 1, None),
            ("学校概况", 2, "基本情况"),
            ("在校学生", 3, "学校概况"),
            ("小学", 4, "在校学生"),
            ("初中", 4, "在校学生"),
            ("教师", 3, "学校概况"),
            ("经费", 2, "基本情况"),
            ("主要做法", 1, None),
            ("加强领导", 2, "主要做法"),
            ("存在问题", 1, None),
        ],
    ),
    (
        "a document that starts at (一) has (一) at level 1",
        "(一)教育教学质量显著提升\n正文。\n(二)校安工程建设不断推进\n1、加强\n2、推进\n(三)探索职教集团化发展模式",
        [
            ("教育教学质量显著提升", 1, None),
            ("校安工程建设不断推进", 1, None),
            ("加强", 2, "校安工程建设不断推进"),
            ("推进", 2, "校安工程建设不断推进"),
            ("探索职教集团化发展模式", 1, None),
        ],
    ),
    (
        "labels: a section's 不足: beside its items, the report's 存在问题: at the top",
        "一、主要成绩\n1、甲。\n2、乙。\n不足:\n1、丙。\n2、丁。\n二、主要做法\n1、戊。\n存在问题:\n1、己。\n下一步打算:\n1、庚。",
        [
            ("主要成绩", 1, None),
            ("甲", 2, "主要成绩"),
            ("乙", 2, "主要成绩"),
            ("不足", 2, "主要成绩"),
            ("丙", 3, "不足"),
            ("丁", 3, "不足"),
            ("主要做法", 1, None),
            ("戊", 2, "主要做法"),
            ("存在问题", 1, None),
            ("己", 2, "存在问题"),
            ("下一步打算", 1, None),
            ("庚", 2, "下一步打算"),
        ],
    ),
    (
        "seed 002: 優點/不足/建議 under 四、 (traditional)",
        "四、工作業績方面\n優點:\n1、甲\n不足:\n1、乙\n建議:\n1、丙\n五、其他",
        [
            ("工作業績方面", 1, None),
            ("優點", 2, "工作業績方面"),
            ("甲", 3, "優點"),
            ("不足", 2, "工作業績方面"),
            ("乙", 3, "不足"),
            ("建議", 2, "工作業績方面"),
            ("丙", 3, "建議"),
            ("其他", 1, None),
        ],
    ),
    (
        "一是under 1、 sits below 1、 although 一是 was used higher up earlier",
        "一、甲\n一是加强。\n二、乙\n1、丙\n一是丁。\n二是戊。\n三、己",
        [
            ("甲", 1, None),
            ("加强", 2, "甲"),
            ("乙", 1, None),
            ("丙", 2, "乙"),
            ("丁", 3, "丙"),
            ("戊", 3, "丙"),
            ("己", 1, None),
        ],
    ),
    (
        "1、 directly under 三、 is at level 2 although 1、 sat under a label before",
        "一、甲\n不足:\n1、乙\n二、丙\n1、丁",
        [("甲", 1, None), ("不足", 2, "甲"), ("乙", 3, "不足"), ("丙", 1, None), ("丁", 2, "丙")],
    ),
    (
        "a style on the path returns to its place",
        "一、甲\n(一)乙\n1、丙\n(二)丁\n二、戊",
        [("甲", 1, None), ("乙", 2, "甲"), ("丙", 3, "乙"), ("丁", 2, "甲"), ("戊", 1, None)],
    ),
    (
        "parts hold their own 一、",
        "第一部分 成绩\n一、甲\n二、乙\n第二部分 打算\n一、丙",
        [("成绩", 1, None), ("甲", 2, "成绩"), ("乙", 2, "成绩"), ("打算", 1, None), ("丙", 2, "打算")],
    ),
    (
        "seed 004: 第一、 under 3、 under 一、",
        "一、切实加强了党建和思想政治工作\n1、深入开展了教育活动。\n"
        "2、扎实开展了主题教育活动。 3、加强学校思想政治工作。"
        "今年,主要抓了两个方面的工作:\n第一、进一步建立和完善思想政治工作网络。第二、扎实开展社会主义荣辱观教育活动。\n"
        "二、大力加强领导班子和干部队伍建设",
        [
            ("切实加强了党建和思想政治工作", 1, None),
            ("深入开展了教育活动", 2, "切实加强了党建和思想政治工作"),
            ("扎实开展了主题教育活动", 2, "切实加强了党建和思想政治工作"),
            ("加强学校思想政治工作", 2, "切实加强了党建和思想政治工作"),
            ("进一步建立和完善思想政治工作网络", 3, "加强学校思想政治工作"),
            ("扎实开展社会主义荣辱观教育活动", 3, "加强学校思想政治工作"),
            ("大力加强领导班子和干部队伍建设", 1, None),
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), LEVELS, ids=[name for name, _, _ in LEVELS])
def test_levels_and_parents(name: str, text: str, expected: list[tuple[str, int, str | None]]) -> None:
    report = parse(text)
    assert _tree(report) == expected
    _check_report(text, report)


# --------------------------------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------------------------------


class Split(NamedTuple):
    text: str
    documents: list[tuple[str, str | None]]  # (first characters of the document, title)
    heading_documents: list[int]


SPLITS = [
    Split(
        "区教育局工作总结的存在问题篇一\n20xx年,我区教育工作取得成绩。\n一、甲\n二、乙\n"
        "区教育局工作总结的存在问题篇二\n20xx年,我局明确提出。\n一、丙\n二、丁",
        [
            ("区教育局工作总结的存在问题篇一", "区教育局工作总结的存在问题篇一"),
            ("区教育局工作总结的存在问题篇二", "区教育局工作总结的存在问题篇二"),
        ],
        [0, 0, 1, 1],
    ),
    Split(
        "【篇一】\n正文。\n一、甲\n【篇二】\n正文。\n一、乙",
        [("【篇一】", "【篇一】"), ("【篇二】", "【篇二】")],
        [0, 1],
    ),
    Split(
        "对于教育局讲话心得体会报告一\n正文。\n一、甲\n二、乙\n对于教育局讲话心得体会报告二\n正文。\n一、丙",
        [
            ("对于教育局讲话心得体会报告一", "对于教育局讲话心得体会报告一"),
            ("对于教育局讲话心得体会报告二", "对于教育局讲话心得体会报告二"),
        ],
        [0, 0, 1],
    ),
    Split(
        # numbering restarts after 三、 and a closing paragraph, with a new preamble: a new report
        "一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n总之,我们取得了成绩。\n"
        "2024年以来,我镇教育工作稳步推进。\n一、丁\n二、戊",
        [("一、甲", None), ("2024年以来", None)],
        [0, 0, 0, 1, 1],
    ),
    Split(
        "區教育局工作總結的存在問題篇一\n20xx年,我區教育工作。\n一、基本情況\n二、存在問題\n"
        "區教育局工作總結的存在問題篇二\n一、甲",
        [
            ("區教育局工作總結的存在問題篇一", "區教育局工作總結的存在問題篇一"),
            ("區教育局工作總結的存在問題篇二", "區教育局工作總結的存在問題篇二"),
        ],
        [0, 0, 1],
    ),
    Split("镇教育工作总结\n一、甲\n二、乙", [("镇教育工作总结", "镇教育工作总结")], [0, 0]),
    Split("全镇有学校2所。\n一、甲\n二、乙", [("全镇有学校2所。", None)], [0, 0]),
    # 一、 again after 二、 inside a part is not a new report
    Split("第一部分 成绩\n一、甲\n二、乙\n三、丙\n第二部分 打算\n一、丁\n二、戊", [("第一部分", None)], [0] * 7),
    # (一) restarting under another 一、 is not a new report either
    Split("一、甲\n(一)乙\n(二)丙\n二、丁\n(一)戊", [("一、甲", None)], [0] * 5),
]


@pytest.mark.parametrize("case", SPLITS, ids=[repr(c.text[:20]) for c in SPLITS])
def test_documents(case: Split) -> None:
    report = parse(case.text)
    got = [
        (case.text[d.span.start : d.span.start + len(start)], d.title)
        for d, (start, _) in zip(report.documents, case.documents, strict=False)
    ]
    assert len(report.documents) == len(case.documents)
    assert got == case.documents
    assert [h.document for h in report.headings] == case.heading_documents
    assert report.documents[0].span.start == 0
    assert report.documents[-1].span.end == len(case.text)
    for first, second in zip(report.documents, report.documents[1:], strict=False):
        assert first.span.end == second.span.start  # the documents tile the text
    for index, document in enumerate(report.documents):
        assert document.index == index
        if document.title is not None:
            assert document.title_span is not None
            assert document.title_span.of(case.text) == document.title
    # every heading lies in its document, and each document's levels start again at 1
    for heading in report.headings:
        assert report.documents[heading.document].span.contains(heading.span)
    for document in report.documents:
        own = [h for h in report.headings if h.document == document.index]
        if own:
            assert own[0].level == 1


def test_split_documents_directly() -> None:
    text = "【篇一】\n正文。\n一、甲\n【篇二】\n正文。\n一、乙"
    documents = split_documents(text)
    assert [(d.span.start, d.title) for d in documents] == [(0, "【篇一】"), (13, "【篇二】")]
    outline = parse_outline(text)
    assert [h.document for h in outline.headings] == [0, 1]


def test_parse_outline_of_one_document() -> None:
    text = "【篇一】\n正文。\n一、甲\n二、乙\n【篇二】\n正文。\n一、丙\n(一)丁"
    report = parse(text)
    outline = parse_outline(report.documents[1], text)
    assert [(h.title, h.level, h.document) for h in outline.headings] == [("丙", 1, 0), ("丁", 2, 0)]
    with pytest.raises(TypeError):
        parse_outline(report.documents[1])


# --------------------------------------------------------------------------------------------------
# traditional characters work the same
# --------------------------------------------------------------------------------------------------

SIMPLIFIED_AND_TRADITIONAL = [
    (
        "（一）提高认识，加强领导\n（二）畅通渠道\n1．加强\n2．推进",
        "（一）提高認識，加強領導\n（二）暢通渠道\n1．加強\n2．推進",
    ),
    ("一、基本情况\n不足:\n1、甲\n存在问题:\n1、乙", "一、基本情況\n不足:\n1、甲\n存在問題:\n1、乙"),
    (
        "一、甲\n二、乙\n三、丙\n总之,很好。\n2024年以来,我区教育工作。\n一、丁",
        "一、甲\n二、乙\n三、丙\n總之,很好。\n2024年以來,我區教育工作。\n一、丁",
    ),
    ("一是加强学习。二是严肃纪律。", "一是加強學習。二是嚴肅紀律。"),
]


@pytest.mark.parametrize(
    ("simplified", "traditional"), SIMPLIFIED_AND_TRADITIONAL, ids=[s[:12] for s, _ in SIMPLIFIED_AND_TRADITIONAL]
)
def test_traditional_characters(simplified: str, traditional: str) -> None:
    assert len(simplified) == len(traditional)
    a, b = parse(simplified), parse(traditional)

    def shape(report: Report) -> list[tuple[Any, ...]]:
        return [
            (h.span, h.style, h.number, h.level, h.parent, h.inline, h.document, len(h.title), len(h.marker))
            for h in report.headings
        ]

    assert shape(a) == shape(b)
    assert [d.span for d in a.documents] == [d.span for d in b.documents]
    assert [h.title for h in b.headings] == [h.title_span.of(traditional) for h in b.headings if h.title_span]


# --------------------------------------------------------------------------------------------------
# golden tests: the two reports the package bundles, against their gold annotations
# --------------------------------------------------------------------------------------------------

HEADING_KEYS = ("start", "end", "line", "style", "marker", "number", "level", "title", "inline", "document")

# Headings the library finds that the gold file leaves out (GUIDELINES §3 would count them):
# seed 004, line 21: "…结合。三是认真践行“师德承诺”…" continues 一是 (line 20) and 二是 (line 21), so the
# inline 三是 is a heading by the rules; the annotator missed it.
KNOWN_GOLD_OMISSIONS: dict[str, set[int]] = {"004_ccd42c020bd3c178": {3586}}

GOLDEN = [("sample_report.txt", "004_ccd42c020bd3c178"), ("sample_collection.txt", "001_2bc70dae05c9ef0a")]


def _gold(name: str) -> dict[str, Any]:
    with open(DATA / f"{name}.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _compare_with_gold(text: str, gold: dict[str, Any], omitted: set[int]) -> None:
    report = parse(text)
    assert [(d.span.start, d.title) for d in report.documents] == [(d["start"], d["title"]) for d in gold["documents"]]
    ours = [
        {key: value for key, value in h.to_dict().items() if key in HEADING_KEYS}
        for h in report.headings
        if h.span.start not in omitted
    ]
    theirs = [{key: h[key] for key in HEADING_KEYS} for h in gold["headings"]]
    assert len(ours) == len(theirs)
    for mine, expected in zip(ours, theirs, strict=True):
        assert mine == expected
    assert [(n.span.start, n.span.end) for n in report.noise] == [(n["start"], n["end"]) for n in gold["noise"]]


@pytest.mark.parametrize(("sample", "gold_name"), GOLDEN, ids=[g for _, g in GOLDEN])
def test_golden(sample: str, gold_name: str) -> None:
    text = _sample(sample)
    gold = _gold(gold_name)
    assert gold["file"].startswith(gold_name)
    _compare_with_gold(text, gold, KNOWN_GOLD_OMISSIONS.get(gold_name, set()))


def test_golden_known_omission_is_a_real_heading() -> None:
    """The one heading gold 004 leaves out: inline 三是 continuing 一是/二是, at level 3 under 7、."""
    text = _sample("sample_report.txt")
    report = parse(text)
    (extra,) = [h for h in report.headings if h.span.start == 3586]
    assert (extra.style, extra.marker, extra.number, extra.level, extra.inline, extra.line) == (
        S.CN_SHI,
        "三是",
        3,
        3,
        True,
        21,
    )
    assert extra.title == "认真践行“师德承诺”,全面开展千湾万户家访活动"
    assert report.headings[extra.parent].marker == "7、"  # type: ignore[index]
    assert text[extra.span.start - 1] == "。"


def test_golden_collection_has_six_reports_after_its_page_title() -> None:
    report = parse(_sample("sample_collection.txt"))
    titles = [d.title for d in report.documents]
    assert titles[1:] == [f"对于教育局吴忠禄讲话心得体会报告{n}" for n in "一二三四五六"]
    counts = [sum(1 for h in report.headings if h.document == d.index) for d in report.documents]
    assert counts == [0, 13, 9, 35, 7, 12, 23]


def _seed_pairs() -> list[tuple[Path, Path]]:
    corpus = SHARED / "corpus"
    return [(seed, corpus / "gold" / f"{seed.stem}.json") for seed in sorted((corpus / "seeds").glob("*.txt"))]


# Where the library and a gold file disagree on noise and gold is at fault: seed 002 marks one of its
# three "的." watermark dots (offset 15432) as noise but not the other two; the rules give no way to
# tell them apart, so that span is not held against the library.
KNOWN_GOLD_NOISE_EXTRAS: dict[str, set[tuple[int, int]]] = {"002_a0d6047a88b45207": {(15432, 15433)}}


def test_corpus() -> None:
    """Every seed of the shared corpus against its gold file (skipped where ../shared is absent)."""
    pairs = [(seed, gold) for seed, gold in _seed_pairs() if gold.exists()]
    if not pairs:
        pytest.skip(f"no corpus at {SHARED.resolve()}")
    for seed, gold_path in pairs:
        text = open(seed, encoding="utf-8").read()  # noqa: SIM115 - exactly as GUIDELINES reads it
        with open(gold_path, encoding="utf-8") as handle:
            gold = json.load(handle)
        extras = KNOWN_GOLD_NOISE_EXTRAS.get(seed.stem, set())
        gold["noise"] = [n for n in gold["noise"] if (n["start"], n["end"]) not in extras]
        _compare_with_gold(text, gold, KNOWN_GOLD_OMISSIONS.get(seed.stem, set()))


# --------------------------------------------------------------------------------------------------
# the section tree
# --------------------------------------------------------------------------------------------------

SMALL_REPORT = (
    "镇教育工作总结\n今年工作如下。\n一、基本情况\n全镇有学校2所。\n"
    "二、主要做法\n(一)加强领导\n正文甲。\n(二)完善制度\n正文乙。\n"
)


def test_section_tree() -> None:
    text = SMALL_REPORT
    report = parse(text)
    (document,) = report.documents
    root = document.root
    assert root is not None
    assert root.heading is None
    assert root.level == 0
    assert root.title is None
    assert root.path == ()
    assert root.body == "镇教育工作总结\n今年工作如下。"
    assert [s.title for s in document.sections] == ["基本情况", "主要做法"]

    sections = list(report.walk())
    assert [s.path for s in sections] == [
        ("基本情况",),
        ("主要做法",),
        ("主要做法", "加强领导"),
        ("主要做法", "完善制度"),
    ]
    assert [s.level for s in sections] == [1, 1, 2, 2]
    assert [s.body for s in sections] == ["全镇有学校2所。", "", "正文甲。", "正文乙。"]
    basic, practice, lead, rules = sections
    assert [c.title for c in practice.children] == ["加强领导", "完善制度"]
    assert basic.children == ()
    assert basic.span.of(text) == "一、基本情况\n全镇有学校2所。\n"
    assert practice.span.of(text) == "二、主要做法\n(一)加强领导\n正文甲。\n(二)完善制度\n正文乙。\n"
    assert practice.span.contains(lead.span)
    assert practice.span.contains(rules.span)
    assert lead.span.end == rules.span.start
    assert list(root.walk())[1:] == sections
    for section in sections:
        assert section.heading is not None
        assert section.span.start == section.heading.span.start
        assert section.body_span.of(text).strip() == section.body


def test_section_to_dict_is_nested() -> None:
    report = parse(SMALL_REPORT)
    outline = report.to_dict()["outline"]
    assert len(outline) == 1
    second = outline[0][1]
    assert second["title"] == "主要做法"
    assert [c["title"] for c in second["children"]] == ["加强领导", "完善制度"]
    json.dumps(report.to_dict(), ensure_ascii=False)


def test_empty_document_has_an_empty_tree() -> None:
    report = parse("")
    (document,) = report.documents
    assert document.span.start == document.span.end == 0
    assert document.title is None
    assert document.sections == ()
    assert list(report.walk()) == []
    assert report.headings == ()


def test_only_noise() -> None:
    text = "- 8页\n59位用户关注\n您可能关注的文档\n- 一、加强领导(五篇)"
    report = parse(text)
    assert report.headings == ()
    assert [n.kind for n in report.noise] == ["pages", "followers", "related", "related"]
    assert len(report.documents) == 1
    assert report.documents[0].title is None


@pytest.mark.parametrize("value", [None, b"\xe4\xb8\x80\xe3\x80\x81", bytearray(b"x"), 5, ["一、甲"]])
def test_bad_input(value: object) -> None:
    for function in (parse, find_candidates, parse_outline, split_documents):
        with pytest.raises(TypeError) as info:
            function(value)  # type: ignore[arg-type]
        assert isinstance(info.value, InputTypeError)
        message = str(info.value)
        assert "str" in message
        assert type(value).__name__ in message
        if isinstance(value, (bytes, bytearray)):
            assert "decode" in message


# --------------------------------------------------------------------------------------------------
# regressions: bugs found by these tests and fixed
# --------------------------------------------------------------------------------------------------


def test_crlf_line_endings_parse_like_lf() -> None:
    lf = (
        "对于教育局讲话心得体会报告一\n正文。\n一、主要成绩\n不足:\n1、甲\n存在问题:\n1、乙\n"
        "对于教育局讲话心得体会报告二\n正文。\n一、丙"
    )
    crlf = lf.replace("\n", "\r\n")
    a, b = parse(lf), parse(crlf)
    assert [(d.title, len(d.title or "")) for d in b.documents] == [(d.title, len(d.title or "")) for d in a.documents]
    assert _summary(b) == _summary(a)


GRADE_LISTS = [
    ("一、基本情况\n一、二年级学生全部入学。\n二、主要做法", ["基本情况", "主要做法"]),
    ("一、学校概况\n2、3年级的学生参加了比赛。\n二、主要做法", ["学校概况", "主要做法"]),
]


@pytest.mark.parametrize(("text", "titles"), GRADE_LISTS, ids=["一、二年级", "2、3年级"])
def test_grade_pairs_at_a_line_start_are_not_headings(text: str, titles: list[str]) -> None:
    assert [h.title for h in parse(text).headings] == titles


def _unknown_digit(char: str) -> bool:
    return bool(regex.match(r"\d", char)) and not char.isdecimal()


def _digit_python_cannot_read() -> str | None:
    """A character that the ``regex`` module calls a digit but this Python's ``int()`` cannot read."""
    for code in range(0x10000, 0x20000):
        char = chr(code)
        if _unknown_digit(char):
            return char
    return None


_NEW_DIGIT = _digit_python_cannot_read()


@pytest.mark.skipif(_NEW_DIGIT is None, reason="regex and Python agree on the Unicode digits here")
def test_parse_survives_unicode_digits_python_does_not_know() -> None:
    assert _NEW_DIGIT is not None
    parse(f"{_NEW_DIGIT}加强领导")


# --------------------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------------------


def _check_report(text: str, report: Report) -> None:
    size = len(text)
    by_index = {h.index: h for h in report.headings}
    for position, heading in enumerate(report.headings):
        assert heading.index == position
        assert 0 <= heading.span.start <= heading.span.end <= size
        assert text[heading.span.start : heading.span.end].startswith(heading.marker)
        assert heading.level >= 1
        assert 0 <= heading.document < len(report.documents)
        assert report.documents[heading.document].span.contains(heading.span)
        assert heading.line == fold(text).count("\n", 0, heading.span.start)  # any line end (\r, U+2028 …)
        if heading.parent is None:
            assert heading.level == 1
        else:
            parent = by_index[heading.parent]
            assert parent.index < heading.index
            assert parent.level == heading.level - 1
            assert parent.document == heading.document
        if heading.title_span is not None:
            assert visible(heading.title_span.of(text)) == heading.title
        # nothing inside noise is a heading: no marker starts in a noise span (a title may begin with a
        # watermark, as gold 000 keeps "3、范文top100积极推行…")
        assert not any(n.span.start <= heading.span.start < n.span.end for n in report.noise)
    starts = [h.span.start for h in report.headings]
    assert starts == sorted(starts)
    assert report.documents
    assert report.documents[0].span.start == 0
    assert report.documents[-1].span.end == size
    for document in report.documents:
        assert 0 <= document.span.start <= document.span.end <= size
        if document.root is not None:
            for section in document.root.walk():
                assert document.span.contains(section.span)
                assert section.span.contains(section.body_span)
    for section in report.walk():
        assert 0 <= section.span.start <= section.span.end <= size
        for child in section.children:
            assert section.span.contains(child.span)
            assert child.level == section.level + 1
            assert child.path[:-1] == section.path
    for noise in report.noise:
        assert text[noise.span.start : noise.span.end] == noise.text


@settings(max_examples=200, deadline=None)
@given(report_text)
def test_parse_never_crashes_on_report_like_text(text: str) -> None:
    _check_report(text, parse(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8").filter(lambda c: not _unknown_digit(c)), max_size=80))
def test_parse_never_crashes_on_any_text(text: str) -> None:
    _check_report(text, parse(text))


# --------------------------------------------------------------------------------------------------
# government work reports and PDF text
# --------------------------------------------------------------------------------------------------

WORK_REPORT = """政府工作报告
——2024年1月20日在市第十六届人民代表大会第四次会议上
各位代表:
现在,我代表市人民政府,向大会报告工作,请予审议。
一、2023年工作回顾
过去的一年,全市地区生产总值突破1万亿元。
一是经济运行稳中向好。二是改革开放持续深化。
二、2024年工作安排
(一)着力扩大有效需求。
1.促进消费持续恢复。
2.扩大有效投资。
3、4月份开展专项行动。
一、二季度经济平稳。
(二)加快建设现代化产业体系。
- 3 -
"""


def test_a_government_work_report() -> None:
    report = parse(WORK_REPORT)
    assert [(h.level, h.marker, h.title) for h in report.headings] == [
        (1, "一、", "2023年工作回顾"),
        (2, "一是", "经济运行稳中向好"),
        (2, "二是", "改革开放持续深化"),
        (1, "二、", "2024年工作安排"),
        (2, "(一)", "着力扩大有效需求"),
        (3, "1.", "促进消费持续恢复"),
        (3, "2.", "扩大有效投资"),
        (2, "(二)", "加快建设现代化产业体系"),
    ]
    assert [d.title for d in report.documents] == ["政府工作报告"]
    assert [n.text for n in report.noise] == ["- 3 -"]


def test_a_utf8_byte_order_mark_does_not_hide_the_first_heading() -> None:
    report = parse("\ufeff一、总体情况\n二、主要做法")
    assert [(h.marker, h.span.start) for h in report.headings] == [("一、", 1), ("二、", 8)]


def test_a_collection_numbered_with_parenthesised_items_splits_at_each_preamble() -> None:
    text = (
        "近年来,我镇认真贯彻上级精神,现将工作总结如下:\n(一)加强领导\n正文。\n(二)完善制度\n正文。\n"
        "根据县委要求,我局认真开展工作,现将有关情况汇报如下:\n(一)高度重视\n正文。\n(二)狠抓落实\n正文。"
    )
    documents = parse(text).documents
    assert [text.count("\n", 0, d.span.start) for d in documents] == [0, 5]


def test_parenthesised_items_under_numbered_sections_are_not_new_reports() -> None:
    text = "(一)甲\n(二)乙\n一、总体情况\n(一)丙\n(二)丁\n二、问题\n(一)戊"
    assert len(parse(text).documents) == 1
    parts = "第一部分 单位概况\n一、职责\n二、机构\n第二部分 决算情况\n一、收支总体情况\n二、收入情况"
    assert len(parse(parts).documents) == 1
