"""The outline of real reports as they are published (issue 10, GUIDELINES §1 and §3).

Constructed texts in the shapes real pages take — a 部门决算说明 with its table of contents and parts
whose 一、 restart, a 政府工作报告 with attachments, a glossary and notes at the end, a one-line report
from a PDF, headings broken over two lines, stray markers above the report — each asserting every
heading's level and parent and where the documents start. No text here is copied from a page.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import HeadingStyle, Report, parse
from gongwen.outline import find_candidates

S = HeadingStyle

Tree = list[tuple[str, str, int, str | None]]  # (marker, title, level, parent's title)


def tree(report: Report) -> Tree:
    by_index = {h.index: h for h in report.headings}
    return [
        (h.marker, h.title, h.level, None if h.parent is None else by_index[h.parent].title) for h in report.headings
    ]


def documents(text: str, report: Report) -> list[tuple[int, str | None]]:
    """(line where each document starts, its title)."""
    return [(text.count("\n", 0, d.span.start), d.title) for d in report.documents]


def check(text: str, report: Report) -> None:
    """The tree invariants: a parent comes first, one level up, in the same document."""
    by_index = {h.index: h for h in report.headings}
    for heading in report.headings:
        assert text[heading.span.start : heading.span.end].startswith(heading.marker)
        if heading.parent is None:
            assert heading.level == 1
        else:
            parent = by_index[heading.parent]
            assert parent.index < heading.index
            assert parent.level == heading.level - 1
            assert parent.document == heading.document
        assert report.documents[heading.document].span.contains(heading.span)
    for first, second in zip(report.documents, report.documents[1:], strict=False):
        assert first.span.end == second.span.start


ANY = "*"  # any title


class Case(NamedTuple):
    name: str
    text: str
    tree: Tree
    documents: list[tuple[int, str | None]]


FINAL_ACCOUNTS = """某某县农业农村局2024年度部门决算说明
目 录
第一部分 部门概况
一、主要职能
二、机构设置
第二部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
二、财政拨款支出决算情况说明
第三部分 名词解释
第一部分 部门概况
一、主要职能
(一)贯彻落实农业农村工作的方针政策。
(二)统筹研究全县乡村振兴重大问题。
二、机构设置
本部门内设股室6个,下属单位2个。
第二部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
2024年度收入总计1234.56万元,比上年增加12.3%。
二、财政拨款支出决算情况说明
1.一般公共服务支出98.7万元。
2.农林水支出1020.5万元。
第三部分 名词解释
1.财政拨款收入:指县级财政当年拨付的资金。
2.年末结转和结余:指本年度尚未完成的项目支出。
"""

# a 决算 page whose table of contents lost its parts: only stray 一、 items stand above 第一部分
STRAY_CONTENTS = """某某市政务服务中心2023年度部门决算公开说明
目 录
九、国有资本经营预算财政拨款收入支出决算情况说明
十二、其他需说明的事项
第一部分 单位概况
一、主要职能
负责全市政务服务工作。
二、机构设置及人员情况
实有人数11人。
第二部分 部门决算情况说明
一、收入支出决算总体情况说明
2023年度收入总计434.72万元。
"""

# a 预算说明 with a table of contents and no parts: the body's 一、 after the contents' 三、 is no new report
CONTENTS_WITHOUT_PARTS = """某某县教育局2025年部门预算说明
目录
一、部门主要职责
二、部门预算单位构成
三、收支预算总体情况
一、部门主要职责
本部门负责全县教育事业的管理。
二、部门预算单位构成
本部门预算由机关和5所学校的预算组成。
三、收支预算总体情况
2025年收入预算1200万元。
"""

WORK_REPORT = """2025年某某市政府工作报告
——2025年1月20日在某某市第十届人民代表大会第四次会议上
市长 某某
各位代表:
现在,我代表市人民政府向大会报告工作,请予审议。
一、2024年工作回顾
过去一年,全市经济运行稳中有进。
(一)产业发展提质增效。全年地区生产总值增长5.6%。
(二)城乡面貌持续改善。新建道路12公里。
二、2025年重点工作
今年政府工作的总体要求是稳中求进。重点抓好以下八个方面工作:
(一)加快构建现代产业体系。
1.壮大先进制造业。
2.提升服务业能级。
(
二)深化改革扩大开放。
(三)持续增进民生福祉。
三、加强政府自身建设
我们将坚持依法行政。
附件1
2025年全市十件民生实事
一、新建改扩建幼儿园10所
二、新增养老床位500张
附件2
《政府工作报告》名词解释
1.新质生产力:指创新起主导作用的先进生产力。
2.两重:指国家重大战略实施和重点领域安全能力建设。
3.2025年十件实事:指市政府确定的十件民生项目。
4.3+1服务站:指一种基层综合服务模式。
注释
［1］六稳:指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。
［2］六保:指保居民就业、保基本民生。
"""

CASES = [
    Case(
        "决算说明: contents, parts at level 1, 一、 restarting under each part, a glossary part",
        FINAL_ACCOUNTS,
        [
            ("第一部分", "部门概况", 1, None),
            ("一、", "主要职能", 2, "部门概况"),
            ("二、", "机构设置", 2, "部门概况"),
            ("第二部分", "2024年度部门决算情况说明", 1, None),
            ("一、", "收入支出决算总体情况说明", 2, "2024年度部门决算情况说明"),
            ("二、", "财政拨款支出决算情况说明", 2, "2024年度部门决算情况说明"),
            ("第三部分", "名词解释", 1, None),
            ("第一部分", "部门概况", 1, None),
            ("一、", "主要职能", 2, "部门概况"),
            ("(一)", "贯彻落实农业农村工作的方针政策", 3, "主要职能"),
            ("(二)", "统筹研究全县乡村振兴重大问题", 3, "主要职能"),
            ("二、", "机构设置", 2, "部门概况"),
            ("第二部分", "2024年度部门决算情况说明", 1, None),
            ("一、", "收入支出决算总体情况说明", 2, "2024年度部门决算情况说明"),
            ("二、", "财政拨款支出决算情况说明", 2, "2024年度部门决算情况说明"),
            ("1.", "一般公共服务支出98.7万元", 3, "财政拨款支出决算情况说明"),
            ("2.", "农林水支出1020.5万元", 3, "财政拨款支出决算情况说明"),
            ("第三部分", "名词解释", 1, None),
            ("1.", "财政拨款收入", 2, "名词解释"),
            ("2.", "年末结转和结余", 2, "名词解释"),
        ],
        [(0, "某某县农业农村局2024年度部门决算说明")],
    ),
    Case(
        "决算说明: stray contents items above 第一部分 do not put the parts under them",
        STRAY_CONTENTS,
        [
            ("九、", "国有资本经营预算财政拨款收入支出决算情况说明", 1, None),
            ("十二、", "其他需说明的事项", 1, None),
            ("第一部分", "单位概况", 1, None),
            ("一、", "主要职能", 2, "单位概况"),
            ("二、", "机构设置及人员情况", 2, "单位概况"),
            ("第二部分", "部门决算情况说明", 1, None),
            ("一、", "收入支出决算总体情况说明", 2, "部门决算情况说明"),
        ],
        [(0, "某某市政务服务中心2023年度部门决算公开说明")],
    ),
    Case(
        "预算说明: the body's 一、 after the table of contents is the same report",
        CONTENTS_WITHOUT_PARTS,
        [
            ("一、", "部门主要职责", 1, None),
            ("二、", "部门预算单位构成", 1, None),
            ("三、", "收支预算总体情况", 1, None),
            ("一、", "部门主要职责", 1, None),
            ("二、", "部门预算单位构成", 1, None),
            ("三、", "收支预算总体情况", 1, None),
        ],
        [(0, "某某县教育局2025年部门预算说明")],
    ),
    Case(
        "政府工作报告: a lead-in line, a heading split over two lines, attachments, glossary and notes",
        WORK_REPORT,
        [
            ("一、", "2024年工作回顾", 1, None),
            ("(一)", "产业发展提质增效", 2, "2024年工作回顾"),
            ("(二)", "城乡面貌持续改善", 2, "2024年工作回顾"),
            ("二、", "2025年重点工作", 1, None),
            ("(一)", "加快构建现代产业体系", 2, "2025年重点工作"),
            ("1.", "壮大先进制造业", 3, "加快构建现代产业体系"),
            ("2.", "提升服务业能级", 3, "加快构建现代产业体系"),
            ("(\n二)", "深化改革扩大开放", 2, "2025年重点工作"),
            ("(三)", "持续增进民生福祉", 2, "2025年重点工作"),
            ("三、", "加强政府自身建设", 1, None),
            ("一、", "新建改扩建幼儿园10所", 1, None),
            ("二、", "新增养老床位500张", 1, None),
            ("1.", "新质生产力", 1, None),
            ("2.", "两重", 1, None),
            ("3.", "2025年十件实事", 1, None),
            ("4.", "3+1服务站", 1, None),
        ],
        [
            (0, "2025年某某市政府工作报告"),
            (19, "2025年全市十件民生实事"),
            (23, "《政府工作报告》名词解释"),
            (29, "注释"),
        ],
    ),
    Case(
        "章 above 节, and a part never under a numbered item",
        "第一章 总则\n第一节 目的\n正文。\n第二节 范围\n正文。\n"
        "第二章 职责\n一、主任职责\n二、副主任职责\n第一节 分工\n正文。",
        [
            ("第一章", "总则", 1, None),
            ("第一节", "目的", 2, "总则"),
            ("第二节", "范围", 2, "总则"),
            ("第二章", "职责", 1, None),
            ("一、", "主任职责", 2, "职责"),
            ("二、", "副主任职责", 2, "职责"),
            ("第一节", "分工", 2, "职责"),
        ],
        [(0, None)],
    ),
    Case(
        "一、 sections with their own (一) and 1.",
        "一、主要成绩\n(一)经济平稳\n1.工业增长\n2.农业丰收\n(二)民生改善\n二、存在问题\n(一)增收难\n三、下步打算",
        [
            ("一、", "主要成绩", 1, None),
            ("(一)", "经济平稳", 2, "主要成绩"),
            ("1.", "工业增长", 3, "经济平稳"),
            ("2.", "农业丰收", 3, "经济平稳"),
            ("(二)", "民生改善", 2, "主要成绩"),
            ("二、", "存在问题", 1, None),
            ("(一)", "增收难", 2, "存在问题"),
            ("三、", "下步打算", 1, None),
        ],
        [(0, None)],
    ),
    Case(
        "㈠ ㈡、 as cn_paren and ⒈ as arabic_dot under 一、",
        "一、总体情况\n㈠经济运行\n⒈工业\n⒉农业\n㈡、社会事业\n二、存在问题",
        [
            ("一、", "总体情况", 1, None),
            ("㈠", "经济运行", 2, "总体情况"),
            ("⒈", "工业", 3, "经济运行"),
            ("⒉", "农业", 3, "经济运行"),
            ("㈡、", "社会事业", 2, "总体情况"),
            ("二、", "存在问题", 1, None),
        ],
        [(0, None)],
    ),
    Case(
        "⑴ and 1) items under (一)",
        "(一)加强领导\n⑴健全机构\n⑵明确责任\n(二)完善制度\n1)建立台账\n2)定期通报",
        [
            ("(一)", "加强领导", 1, None),
            ("⑴", "健全机构", 2, "加强领导"),
            ("⑵", "明确责任", 2, "加强领导"),
            ("(二)", "完善制度", 1, None),
            ("1)", "建立台账", 2, "完善制度"),
            ("2)", "定期通报", 2, "完善制度"),
        ],
        [(0, None)],
    ),
    Case(
        "a one-line report: 一、A (一)B 1、C。2、D。 by the tree rule",
        "某某镇2024年工作总结\n今年以来,我镇扎实推进各项工作,现总结如下:一、基本情况 (一)经济运行 1、农业稳定。"
        "全年粮食产量3万吨。2、工业提速。新增企业5家。(二)社会事业 1、教育。新建学校1所。2、卫生。"
        "二、存在问题。群众增收难度较大。",
        [
            ("一、", "基本情况", 1, None),
            ("(一)", "经济运行", 2, "基本情况"),
            ("1、", "农业稳定", 3, "经济运行"),
            ("2、", "工业提速", 3, "经济运行"),
            ("(二)", "社会事业", 2, "基本情况"),
            ("1、", "教育", 3, "社会事业"),
            ("2、", "卫生", 3, "社会事业"),
            ("二、", "存在问题", 1, None),
        ],
        [(0, "某某镇2024年工作总结")],
    ),
    Case(
        "a lone 1、 before the salutation is no root: the report's own 一、 stays at level 1",
        "1、\n各位代表:\n现在,我代表区人民政府报告工作。\n一、过去一年的工作\n(一)经济运行\n二、今年的主要任务",
        [
            ("一、", "过去一年的工作", 1, None),
            ("(一)", "经济运行", 2, "过去一年的工作"),
            ("二、", "今年的主要任务", 1, None),
        ],
        [(0, None)],
    ),
    Case(
        "a lone 一、 of the furniture before the report's own 一、",
        "一、分享\n各位代表:\n现在,我代表县人民政府报告工作。\n一、工作回顾\n(一)农业\n二、工作安排",
        [("一、", "工作回顾", 1, None), ("(一)", "农业", 2, "工作回顾"), ("二、", "工作安排", 1, None)],
        [(0, ANY)],
    ),
    Case(
        "a toolbar 【字号: is no label above the outline",
        "【字号:\n大 中 小】\n各位代表:\n一、回顾\n二、任务",
        [("一、", "回顾", 1, None), ("二、", "任务", 1, None)],
        [(0, ANY)],  # the title of a page with furniture is titles.py's business
    ),
    Case(
        "an excerpt that opens with one 一、 and its items keeps it",
        "一、总体情况\n1、经济平稳增长。\n2、民生持续改善。",
        [("一、", "总体情况", 1, None), ("1、", "经济平稳增长", 2, "总体情况"), ("2、", "民生持续改善", 2, "总体情况")],
        [(0, None)],
    ),
    Case(
        "an attachment named two lines below, past the unit that issued it",
        "一、工作情况\n正文。\n二、下步打算\n正文。\n附件3\n某某镇农业服务中心\n2024年单位预算情况说明\n一、收入预算\n二、支出预算",
        [
            ("一、", "工作情况", 1, None),
            ("二、", "下步打算", 1, None),
            ("一、", "收入预算", 1, None),
            ("二、", "支出预算", 1, None),
        ],
        [(0, None), (4, "2024年单位预算情况说明")],
    ),
    Case(
        "附件: with its name on the line, and 名词解释 alone",
        "一、甲\n二、乙\n附件:2025年重点项目清单\n1.某某道路工程\n2.某某学校\n名词解释\n1.两新:指设备更新和消费品以旧换新。",
        [
            ("一、", "甲", 1, None),
            ("二、", "乙", 1, None),
            ("1.", "某某道路工程", 1, None),
            ("2.", "某某学校", 1, None),
            ("1.", "两新", 1, None),
        ],
        [(0, None), (2, "2025年重点项目清单"), (5, "名词解释")],
    ),
    Case(
        "a download link and a sentence about an attachment start nothing; nor does a part's name",
        "一、甲\n附件:2024年部门预算公开表.xlsx\n附件所列项目按规定执行。\n第三部分\n名词解释\n1.财政拨款:指拨付的资金。",
        [("一、", "甲", 1, None), ("第三部分", "", 1, None), ("1.", "财政拨款", 2, "")],
        [(0, None)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_outline_of_real_shapes(case: Case) -> None:
    report = parse(case.text)
    assert tree(report) == case.tree
    got = documents(case.text, report)
    assert [line for line, _ in got] == [line for line, _ in case.documents]
    assert [title for (_, title), (_, want) in zip(got, case.documents, strict=True) if want != ANY] == [
        want for _, want in case.documents if want != ANY
    ]
    check(case.text, report)


def test_attachment_documents_start_their_own_tree() -> None:
    report = parse(WORK_REPORT)
    assert [h.document for h in report.headings] == [0] * 10 + [1, 1, 2, 2, 2, 2]
    notes = report.documents[3]
    assert notes.title_span is not None and notes.title_span.of(WORK_REPORT) == "注释"
    assert notes.sections == ()  # ［1］ entries are no headings


def test_a_bracketed_series_glued_to_a_title_opens_below_it() -> None:
    # a one-line report whose page dropped the line breaks: (一) right after 一、's title, with its (二) later
    text = "现总结如下:一、主要工作成效(一)经济发展稳中有进。投资12亿元。(二)民生保障持续加强。二、存在问题。"
    report = parse(text)
    assert [(h.marker, h.title, h.level) for h in report.headings] == [
        ("一、", "主要工作成效", 1),
        ("(一)", "经济发展稳中有进", 2),
        ("(二)", "民生保障持续加强", 2),
        ("二、", "存在问题", 1),
    ]
    # without an item 2 the bracket is a word of the title
    single = parse("一、关于做好(一)类项目的通知\n全年完成投资3亿元。")
    assert [h.title for h in single.headings] == ["关于做好(一)类项目的通知"]


def test_notes_written_with_a_colon_open_their_document() -> None:
    # a bulletin's 注释: (read as a label at first) opens the notes, not a section of the last part
    text = (
        "某某市统计公报\n一、综合\n全年地区生产总值320亿元。\n二、农业\n粮食产量18万吨。\n"
        "注释:\n［1］本公报数据为初步统计数。\n"
    )
    report = parse(text)
    assert [d.title for d in report.documents] == ["某某市统计公报", "注释"]
    assert [(h.title, h.document) for h in report.headings] == [("综合", 0), ("农业", 0)]


def test_decimal_looking_items_need_their_series() -> None:
    # 12.2025年… continues 11.; the same shape alone is a number, not a heading
    glossary = "名词解释\n10.甲:指某某。\n11.乙:指某某。\n12.2025年十件实事:指某某。\n13.3+1服务站:指某某。"
    assert [(h.marker, h.number, h.title) for h in parse(glossary).headings] == [
        ("10.", 10, "甲"),
        ("11.", 11, "乙"),
        ("12.", 12, "2025年十件实事"),
        ("13.", 13, "3+1服务站"),
    ]
    assert parse("1.2万人参加了培训。\n3.5%的增长。").headings == ()
    assert parse("一、甲\n1.乙\n3.5%的增长来自工业。").headings[-1].title == "乙"


def test_a_heading_split_over_two_lines_is_one_candidate() -> None:
    text = "正文。\n(\n四)加快城市更新\n正文。"
    (cand,) = find_candidates(text)
    assert (cand.style, cand.number, cand.line) == (S.CN_PAREN, 4, 1)
    assert cand.marker.of(text) == "(\n四)"
    assert cand.title.of(text) == "加快城市更新"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead-in that announces the points is no label: the (一)… stay under their section
        (
            "二、工作安排\n重点抓好八个方面工作:\n(一)稳增长\n(二)促改革",
            [("二、", "工作安排", 1, None), ("(一)", "稳增长", 2, "工作安排"), ("(二)", "促改革", 2, "工作安排")],
        ),
        (
            "二、工作安排\n重点抓好:\n(一)稳增长",
            [("二、", "工作安排", 1, None), ("(一)", "稳增长", 2, "工作安排")],
        ),
        # a real label still opens its part
        (
            "一、成绩\n1、甲\n存在问题:\n1、乙",
            [
                ("一、", "成绩", 1, None),
                ("1、", "甲", 2, "成绩"),
                ("", "存在问题", 1, None),
                ("1、", "乙", 2, "存在问题"),
            ],
        ),
    ],
)
def test_lead_in_lines(text: str, expected: Tree) -> None:
    assert tree(parse(text)) == expected


# --------------------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------------------

_PIECES = [
    "第一部分 概况\n",
    "第二部分 情况说明\n",
    "第一章 总则\n",
    "第一节 目的\n",
    "一、甲\n",
    "二、乙\n",
    "三、丙\n",
    "(一)丁\n",
    "(二)戊\n",
    "㈠己\n",
    "㈡、庚\n",
    "1.辛\n",
    "2.壬\n",
    "12.2025年实事\n",
    "⑴癸\n",
    "1)子\n",
    "(\n四)丑\n",
    "正文。\n",
    "各位代表:\n",
    "重点抓好以下五项工作:\n",
    "附件1\n",
    "附件2:重点项目清单\n",
    "名词解释\n",
    "注释\n",
    "［1］某某:指某某。\n",
    "目 录\n",
    "现总结如下:一、寅 (一)卯 1、辰。2、巳。\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_every_tree_is_well_formed(text: str) -> None:
    report = parse(text)
    check(text, report)
    assert report.documents[0].span.start == 0
    assert report.documents[-1].span.end == len(text)
    for document in report.documents:
        own = [h for h in report.headings if h.document == document.index]
        if own:
            assert own[0].level == 1
        if document.title_span is not None:
            assert document.title_span.of(text) == document.title
    for heading in report.headings:
        if heading.style == S.PART:  # a part is never under a numbered item
            by_index = {h.index: h for h in report.headings}
            parent = None if heading.parent is None else by_index[heading.parent]
            assert parent is None or parent.style == S.PART


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # a notice lists its attachments; they follow under 附件1 / 附件2 lines of their own
        ("关于印发方案的通知\n各单位:\n现印发给你们。\n附件:1.实施方案\n2.任务清单\n附件1\n实施方案\n一、目标", [0, 5]),
        # 附件 as the last word of a page, and 附件下载
        ("一、甲\n正文。\n附件\n", [0]),
        ("一、甲\n正文。\n附件下载\n", [0]),
        # 名词解释 listed in a table of contents before the parts of the body
        ("目录\n一、概况\n二、说明\n名词解释\n第一部分 概况\n一、职责", [0]),
        # 附件 with its content straight below: the word itself is the title
        ("一、甲\n正文。\n附件\n一、乙\n二、丙", [0, 2]),
    ],
)
def test_what_opens_an_attachment(text: str, starts: list[int]) -> None:
    report = parse(text)
    assert [text.count("\n", 0, d.span.start) for d in report.documents] == starts
    check(text, report)


def test_a_report_run_into_one_line_keeps_its_sections_far_apart() -> None:
    body = "全年完成投资十亿元,同比增长百分之五。" * 150  # ~3000 characters a section
    text = (
        "各位代表:现在我代表县政府报告工作。一、过去一年工作回顾。"
        + body
        + "(一)经济发展。"
        + body
        + "1、工业。"
        + body
        + "2、农业。"
        + body
        + "(二)社会事业。"
        + body
        + "二、今年工作安排。"
        + body
    )
    assert tree(parse(text)) == [
        ("一、", "过去一年工作回顾", 1, None),
        ("(一)", "经济发展", 2, "过去一年工作回顾"),
        ("1、", "工业", 3, "经济发展"),
        ("2、", "农业", 3, "经济发展"),
        ("(二)", "社会事业", 2, "过去一年工作回顾"),
        ("二、", "今年工作安排", 1, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # items that start again at 1 under a label are no strays
        (
            "存在问题:\n1、资金不足。\n下一步打算:\n1、加大投入。",
            [
                ("", "存在问题", 1, None),
                ("1、", "资金不足", 2, "存在问题"),
                ("", "下一步打算", 1, None),
                ("1、", "加大投入", 2, "下一步打算"),
            ],
        ),
        (
            "1、基本情况\n不足:\n1、资金不足。",
            [("1、", "基本情况", 1, None), ("", "不足", 2, "基本情况"), ("1、", "资金不足", 3, "不足")],
        ),
        # a first marker after a sentence is the report's own
        (
            "今年以来,工作稳步推进。\n1、甲\n一、乙\n二、丙",
            [("1、", "甲", 1, None), ("一、", "乙", 2, "甲"), ("二、", "丙", 2, "甲")],
        ),
    ],
)
def test_what_is_no_stray(text: str, expected: Tree) -> None:
    assert tree(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("一、甲\n附件1\n《2025年全县十件民生实事》\n一、乙", "《2025年全县十件民生实事》"),
        ("一、甲\n附件一:重点项目清单\n1.乙", "重点项目清单"),
        ("一、甲\n附 件 2\n某某县发展和改革局\n2025年重点项目计划表\n1.乙", "2025年重点项目计划表"),
        ("一、甲\n附件3\n某某镇人民政府\n一、乙", "附件3"),  # no line below names a document
        ("一、甲\n注 释:\n［1］两新:指设备更新和消费品以旧换新。", "注 释"),
    ],
)
def test_attachment_titles(text: str, title: str) -> None:
    report = parse(text)
    assert [d.title for d in report.documents][1:] == [title]
    check(text, report)


@pytest.mark.parametrize(
    ("text", "documents_expected"),
    [
        # an attachment printed without its 附件 line: the line that names it opens it
        (
            "一、工作回顾\n正文。\n二、工作安排\n正文。\n三、自身建设\n正文。\n2025年全市十件民生实事\n一、幼儿园\n二、养老床位",
            [(0, None), (6, "2025年全市十件民生实事")],
        ),
        # a closing formula is no name: the new report starts at its 一、
        (
            "一、甲\n正文。\n二、乙\n正文。\n特此报告\n一、丙\n二、丁",
            [(0, None), (5, None)],
        ),
    ],
)
def test_a_restart_under_a_line_that_names_a_document(
    text: str, documents_expected: list[tuple[int, str | None]]
) -> None:
    report = parse(text)
    assert documents(text, report) == documents_expected
    check(text, report)


def test_attachments_listed_in_a_table_of_contents_open_nothing() -> None:
    text = (
        "某某局2024年度部门决算\n目录\n第一部分 部门概况\n第二部分 决算情况说明\n附件1:绩效自评报告\n附件2:决算公开表\n"
        "第一部分 部门概况\n一、主要职能\n正文。\n第二部分 决算情况说明\n一、收入情况\n正文。\n"
        "附件1\n2024年度部门整体支出绩效自评报告\n一、部门概况\n二、自评结论"
    )
    report = parse(text)
    assert documents(text, report) == [(0, "某某局2024年度部门决算"), (12, "2024年度部门整体支出绩效自评报告")]
    check(text, report)
