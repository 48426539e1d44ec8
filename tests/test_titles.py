"""Which line titles a report (GUIDELINES §1), and its subtitle (dateline) and speaker lines:
:mod:`gongwen.titles` as :func:`gongwen.parse` uses it. The page heads are written for these tests."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from gongwen import parse
from gongwen.textview import fold
from gongwen.titles import find_title, is_salutation, is_speaker, names_report, title_words

BODY = (
    "\n各位代表:\n现在,我代表人民政府向大会报告工作,请予审议。\n一、过去一年的工作\n全年完成投资120亿元。\n"
    "二、今年的任务"
)


class Head(NamedTuple):
    """The head of a page (furniture, title, byline) and what the first document should get."""

    head: str
    title: str | None
    subtitle: str | None = None
    speaker: str | None = None


HEADS = [
    # the report's own title, with its dateline and speaker in either order
    Head("2025年政府工作报告\n——2025年1月20日在某某市第十七届人民代表大会第五次会议上\n某某市市长 某某",
         "2025年政府工作报告", "——2025年1月20日在某某市第十七届人民代表大会第五次会议上", "某某市市长 某某"),
    Head("政府工作报告\n省长 某某某\n(2025年1月18日在某某省第十四届人民代表大会第三次会议上)",
         "政府工作报告", "(2025年1月18日在某某省第十四届人民代表大会第三次会议上)", "省长 某某某"),
    Head("政府工作报告\n—2025年1月21日在某某区第十七届人民代表大会第四次会议上\n某某区人民政府区长 某某某",
         "政府工作报告", "—2025年1月21日在某某区第十七届人民代表大会第四次会议上", "某某区人民政府区长 某某某"),
    # a dateline broken over two lines by the page
    Head("2025年某某区政府工作报告\n2025年3月21日在某某区第十九届\n人民代表大会第四次会议上\n"
         "某某区人民政府代区长 某某", "2025年某某区政府工作报告",
         "2025年3月21日在某某区第十九届\n人民代表大会第四次会议上", "某某区人民政府代区长 某某"),
    # site suffixes are dropped, and the title span covers what is kept
    Head("政府工作报告-某某网", "政府工作报告"),
    Head("2024年政府工作报告_某某县人民政府", "2024年政府工作报告"),
    Head("某某市2025年政府工作报告(全文) - 某某新闻网", "某某市2025年政府工作报告(全文)"),
    Head("2024年度部门决算说明|某某政府网", "2024年度部门决算说明"),
    Head("2024年乡镇农业农村工作总结.docx", "2024年乡镇农业农村工作总结"),
    # furniture above it is skipped; a column name in a breadcrumb gives way to the full title
    Head("下载\n中华网\n注册\n2025年某某省政府工作报告", "2025年某某省政府工作报告"),
    Head("某某省人民政府\n政务公开\n政府工作报告\n2025年某某省政府工作报告", "2025年某某省政府工作报告"),
    # a repeated title: the first is the title, the repeat is passed over on the way to the byline
    Head("政府工作报告_某某区人民政府\n某某区人民政府\n政府工作报告\n——2025年1月8日在某某区人民代表大会上\n区长 某某某",
         "政府工作报告", "——2025年1月8日在某某区人民代表大会上", "区长 某某某"),
    Head("(某某)2025年某某区人民政府政府工作报告\n2025年政府工作报告", "(某某)2025年某某区人民政府政府工作报告"),
    # a statistics bulletin: the issuing offices are passed over, the date is the dateline
    Head("某某市2024年国民经济和社会发展统计公报\n某某市统计局\n国家统计局某某调查队\n2025年3月28日",
         "某某市2024年国民经济和社会发展统计公报", "2025年3月28日"),
    # a short first line that names no report is still the title (GUIDELINES §1)
    Head("某某镇2024年教育工作回顾与展望", "某某镇2024年教育工作回顾与展望"),
    # a speech titled with a comma, its speaker below
    Head("凝心聚力,砥砺前行——在全市经济工作会议上的讲话\n某某市委书记 某某",
         "凝心聚力,砥砺前行——在全市经济工作会议上的讲话", None, "某某市委书记 某某"),
    # a sentence that merely mentions a report is no title
    Head("今年以来,我镇认真贯彻上级部署,各项工作稳步推进,现将工作总结如下", None),
    # no title: furniture only, a dateline or a speaker is never the title
    Head("——2025年1月20日在某某市第十七届人民代表大会第五次会议上\n市长 某某", None,
         "——2025年1月20日在某某市第十七届人民代表大会第五次会议上", "市长 某某"),
    Head("中华网\n注册", None),
    Head("国务院总理 某某", None, None, "国务院总理 某某"),
    # a news headline that mentions the report gives way to the report's own title over its dateline
    Head("某某省2025年政府工作报告全文发布\n2025-01-20 08:30:12 来源:某某日报\n政府工作报告\n"
         "——2025年1月14日在某某省第十四届人民代表大会第三次会议上\n某某省省长 某某某",
         "政府工作报告", "——2025年1月14日在某某省第十四届人民代表大会第三次会议上", "某某省省长 某某某"),
    # a portal's index table names the title as a key-value line; the page's own title line comes first
    Head("2025年某某市政府工作报告_某某市人民政府门户网站\n无障碍浏览 长者模式\n  • 标题:2025年某某市政府工作报告\n"
         "2025年某某市政府工作报告", "2025年某某市政府工作报告"),
    # a sharing site's file line and keywords above the report's own title are furniture
    Head("类型2024年某某镇工作总结.docx\n关 键  词:\n某某镇 工作总结\n资源描述:\n2024年某某镇工作总结",
         "2024年某某镇工作总结"),
]


@pytest.mark.parametrize("case", HEADS, ids=[repr(h.head[:24]) for h in HEADS])
def test_title_subtitle_speaker(case: Head) -> None:
    text = case.head + BODY
    (document, *_) = parse(text).documents
    assert (document.title, document.subtitle, document.speaker) == (case.title, case.subtitle, case.speaker)
    for value, span in (
        (document.title, document.title_span),
        (document.subtitle, document.subtitle_span),
        (document.speaker, document.speaker_span),
    ):
        assert (value is None) == (span is None)
        if span is not None:
            assert text[span.start : span.end] == value


def test_no_title_when_the_page_starts_with_its_body() -> None:
    text = "今年以来,我镇认真贯彻上级部署,各项工作稳步推进,现总结如下:\n一、主要工作\n二、存在问题"
    assert parse(text).documents[0].title is None


def test_a_text_of_one_line_has_no_title() -> None:
    assert parse("2025年政府工作报告").documents[0].title is None


def test_subtitle_and_speaker_are_not_metrics() -> None:
    text = "政府工作报告\n——2025年1月20日在某某市第十七届人民代表大会第五次会议上\n市长 某某\n全市新增就业3.2万人。"
    report = parse(text)
    assert [m.text for m in report.metrics] == ["3.2万人"]
    assert report.to_dict()["documents"][0]["subtitle"].startswith("——2025年")
    assert report.to_dict()["documents"][0]["speaker"] == "市长 某某"


def test_collections_get_the_byline_of_each_report() -> None:
    text = (
        "对于教育局讲话心得体会报告一\n——在全县教育工作会议上的讲话\n正文。\n一、甲\n二、乙\n"
        "对于教育局讲话心得体会报告二\n正文。\n一、丙"
    )
    documents = parse(text).documents
    assert [(d.title, d.subtitle) for d in documents] == [
        ("对于教育局讲话心得体会报告一", "——在全县教育工作会议上的讲话"),
        ("对于教育局讲话心得体会报告二", None),
    ]


TITLE_LINES = ["2025年政府工作报告", "镇教育工会工作总结", "某某局2024年度部门决算说明", "2024年统计公报",
               "在全县经济工作会议上的讲话", "关于2024年预算执行情况的报告"]
NOT_TITLE_LINES = ["中华网", "各位代表:", "首页", "一年来,我们取得了新成绩。"]


@pytest.mark.parametrize("line", TITLE_LINES)
def test_names_report(line: str) -> None:
    assert names_report(line)


@pytest.mark.parametrize("line", NOT_TITLE_LINES)
def test_names_no_report(line: str) -> None:
    assert not names_report(line)


SPEAKERS = ["国务院总理 某某", "省长 某某某", "某某市人民政府市长 某某", "某某县人民政府代县长 某 某"]
NOT_SPEAKERS = ["市长", "各位代表:", "某某市市长某某在会上强调", "市长 某某说,今年要抓好三件事。"]


@pytest.mark.parametrize("line", SPEAKERS)
def test_is_speaker(line: str) -> None:
    assert is_speaker(fold(line))


@pytest.mark.parametrize("line", NOT_SPEAKERS)
def test_is_no_speaker(line: str) -> None:
    assert not is_speaker(fold(line))


@pytest.mark.parametrize("line", ["各位代表:", "各位代表、各位委员:", "同志们:", "尊敬的各位领导、各位代表:"])
def test_is_salutation(line: str) -> None:
    assert is_salutation(fold(line))


def test_is_no_salutation() -> None:
    assert not is_salutation("代表们热议政府工作报告")


def test_find_title_reads_a_bounded_head() -> None:
    head = "\n".join(["导航,首页"] * 100) + "\n2025年政府工作报告\n各位代表:"
    parts = find_title(head, fold(head), 0, len(head), in_noise=lambda start, end: False)
    assert parts.title is None  # the title is past the lines a head may have


def test_title_words_are_data() -> None:
    words = title_words()
    assert {"report", "site", "office", "salutation"} <= set(words)
    assert "报告" in words["report"] and "市长" in words["office"]


def test_a_portal_index_table_above_the_title() -> None:
    text = (
        "返回顶部\n某某县人民政府工作规则\n  • 索引号:\n    0000000000/2024-001005\n  • 发文机构:\n    县政府网站\n"
        "  • 内容概述:\n某某县人民政府工作规则\n第一章 总则\n一、根据有关规定,结合本县实际,制定本规则。\n"
        "二、县政府工作。"
    )
    report = parse(text)
    assert report.documents[0].title == "某某县人民政府工作规则"
    span = report.documents[0].title_span
    assert span is not None and (span.start, span.end) == (text.index("某某县"), text.index("某某县") + 11)


def test_a_news_page_headline_gives_way_to_the_report_title_over_its_dateline() -> None:
    text = (
        "某某社受权播发《政府工作报告》\n来源:某某社 2025-03-12 17:54:03\n"
        "某某社北京3月12日电 某某社受权于12日全文播发在大会上所作的《政府工作报告》,全文如下。\n"
        "政府工作报告\n——2025年3月5日在第十四届全国人民代表大会第三次会议上\n国务院总理 某某\n" + BODY
    )
    (document, *_) = parse(text).documents
    assert (document.title, document.speaker) == ("政府工作报告", "国务院总理 某某")
    assert document.title_span is not None and document.title_span.start == text.index("政府工作报告\n")
