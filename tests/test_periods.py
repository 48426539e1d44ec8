"""Periods, statuses (gongwen.periods) and regions (gongwen.regions) of the figures of a report.

Each case is a body put under a title and a dateline (a 政府工作报告 delivered in January 2026, so 今年 is
2026 and the report looks back at 2025), with the metric's text and the period and status it must get.
The sentences are constructed in the shapes real reports use.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import gongwen
from gongwen.model import Status
from gongwen.periods import Frame, Period, frame_of, section_status
from gongwen.regions import region_of

HEAD = "2026年某某市政府工作报告\n——2026年1月10日在某某市第十七届人民代表大会第五次会议上\n各位代表:\n"


class Case(NamedTuple):
    body: str
    text: str
    period: str | None
    status: str | None


def metric(body: str, text: str, head: str = HEAD) -> gongwen.Metric:
    for m in gongwen.parse(head + body).metrics:
        if m.text == text:
            return m
    raise AssertionError(f"no metric {text!r}")


SENTENCE_CUES = [
    Case("2025年,全市地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    Case("去年全市城镇新增就业3.1万人。", "3.1万人", "2025", "actual"),
    Case("过去一年,一般公共预算收入增长3.3%。", "3.3%", "2025", "actual"),
    Case("今年主要预期目标是:地区生产总值增长5%左右。", "5%左右", "2026", "target"),
    Case("今年全市城镇调查失业率控制在5.5%以内。", "5.5%以内", "2026", "target"),
    Case("到2030年,常住人口城镇化率达到70%。", "70%", "2030", "target"),
    Case("2021—2025年,地区生产总值年均增长6%。", "6%", "2021-2025", "actual"),
    Case("“十四五”时期,全市地区生产总值年均增长5.9%。", "5.9%", "2021-2025", "actual"),
    Case("“十四五”时期,全市地区生产总值达到8600亿元。", "8600亿元", "2025", "actual"),  # a level at the end
    Case("过去五年,全市地区生产总值年均增长5.7%。", "5.7%", "2021-2025", "actual"),
    Case("“十五五”时期,全市地区生产总值年均增长5%左右。", "5%左右", "2026-2030", "target"),
    # a basis is not the period: 比上年, 较2020年
    Case("2025年,一般公共预算收入比上年增长4%。", "4%", "2025", "actual"),
    Case("2025年全市地区生产总值较2020年增长32%。", "32%", "2025", "actual"),
    # the figure a change starts from: 从…增加到…
    Case("过去五年,全市地区生产总值从6000亿元增加到8600亿元。", "6000亿元", "2020", "actual"),
    Case("过去五年,全市地区生产总值从6000亿元增加到8600亿元。", "8600亿元", "2025", "actual"),
    # a paragraph that opens with its period dates the sentences after
    Case("2025年,我们攻坚克难。全市地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    Case("过去五年,我们砥砺奋进。全市地区生产总值年均增长5.7%。", "5.7%", "2021-2025", "actual"),
]

SECTION_CUES = [
    Case("一、2025年工作回顾\n全市地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    Case("一、过去一年的工作\n全市地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    Case("二、2026年主要预期目标\n地区生产总值增长5%左右。", "5%左右", "2026", "target"),
    Case("二、2026年重点工作\n(一)扩大有效投资\n确保固定资产投资增长3%。", "3%", "2026", "target"),
    Case("三、主要预期目标\n地区生产总值增长5%左右。", "5%左右", "2026", "target"),
    Case("一、2025年和“十四五”工作回顾\n全市地区生产总值年均增长5.9%。", "5.9%", "2021-2025", "actual"),
    Case("一、2025年和“十四五”工作回顾\n全市地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    # the sentence's own cue wins over the section's
    Case("一、2025年工作回顾\n过去五年,全市地区生产总值年均增长5.7%。", "5.7%", "2021-2025", "actual"),
]

WORD_CUES = [
    # no year anywhere: the status words decide, the frame gives the year
    Case("预计全市地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    Case("力争地区生产总值增长5.5%。", "5.5%", "2026", "target"),
    Case("一般公共预算收入完成480亿元。", "480亿元", "2025", "actual"),
    Case("全市地区生产总值增长5.2%。", "5.2%", None, None),  # nothing says when, nor what it is
]


@pytest.mark.parametrize("case", SENTENCE_CUES + SECTION_CUES + WORD_CUES, ids=lambda c: f"{c.body[:12]}|{c.text}")
def test_period_and_status(case: Case) -> None:
    m = metric(case.body, case.text)
    assert (m.period, None if m.status is None else str(m.status)) == (case.period, case.status)


def test_period_text_keeps_the_words() -> None:
    assert metric("过去五年,全市地区生产总值年均增长5.7%。", "5.7%").period_text == "过去五年"
    assert metric("一、2025年工作回顾\n全市地区生产总值增长5.2%。", "5.2%").period_text == "2025年"
    m = metric("去年全市城镇新增就业3.1万人。", "3.1万人", head="")
    assert (m.period, m.period_text) == (None, "去年")  # no report year: the words stay, unresolved


def test_a_bulletin_reports_its_year() -> None:
    head = "2024年某某市国民经济和社会发展统计公报\n某某市统计局\n2025年3月20日\n"
    m = metric("初步核算,全年全市地区生产总值8702.3亿元,比上年增长5.7%。", "8702.3亿元", head=head)
    assert (m.indicator, m.period, m.status) == ("gdp", "2024", Status.ACTUAL)
    m = metric("年末全市常住人口612.5万人,常住人口城镇化率71.2%。", "71.2%", head=head)
    assert (m.indicator, m.period, m.status) == ("urbanization_rate", "2024", Status.ACTUAL)


def test_a_summary_describes_its_own_year() -> None:
    head = "某某县教育局2024年工作总结\n"
    m = metric("今年全县新建校舍2.2万平方米。", "2.2万平方米", head=head)
    assert (m.period, m.status) == ("2024", Status.ACTUAL)
    m = metric("明年力争新建校舍3万平方米。", "3万平方米", head=head)
    assert (m.period, m.status) == ("2025", Status.TARGET)


def test_frame() -> None:
    assert frame_of("2026年某某省政府工作报告", "——2026年1月20日在某某省第十四届人民代表大会第四次会议上") == Frame(
        2026, True
    )
    spelled = "政府工作报告\n——二〇二六年一月二十日在某某市第九届人民代表大会"
    assert frame_of("政府工作报告", spelled) == Frame(2026, True)
    assert frame_of("2024年某某局工作总结", "") == Frame(2024, False, True)
    # a bulletin published in 2025 is of the year its title names
    assert frame_of("2024年某某市国民经济和社会发展统计公报", "某某市统计局\n2025年3月20日") == Frame(2024, False, True)
    assert frame_of(None, "各位代表:") == Frame(None, False)
    assert str(Period(2021, 2025)) == "2021-2025" and str(Period(2026, 2026)) == "2026"


def test_section_status() -> None:
    assert section_status(("(一)着力扩大内需", "一、2025年工作回顾")) is Status.ACTUAL
    assert section_status(("三、2026年经济社会发展总体要求和主要预期目标",)) is Status.TARGET
    assert section_status(("(二)推进重点项目建设",)) is None  # 重点项目 is no plan's title
    assert section_status(("2024年工作总结和2025年工作计划",)) is None


@pytest.mark.parametrize(
    ("title", "head", "region"),
    [
        ("2026年广西壮族自治区政府工作报告", "", "广西壮族自治区"),
        ("北京市2026年政府工作报告", "", "北京市"),
        ("某某县教育局2024年工作总结", "", "某某县教育局"),
        ("某某省某某市某某区人民政府工作报告", "", "某某省某某市某某区"),
        ("政府工作报告", "政府工作报告\n——2026年1月20日在某某市第十六届人民代表大会第五次会议上", "某某市"),
        ("政府工作报告", "各位代表:\n现在,我代表国务院,向大会报告政府工作", "国务院"),
        ("政府工作报告", "各位代表:\n现在,我代表市人民政府,向大会报告工作", None),
        ("2024年全市教育工作总结", "", None),
        ("社区2024年工作总结", "", None),
        (None, "", None),
    ],
)
def test_region(title: str | None, head: str, region: str | None) -> None:
    assert region_of(title, head) == region


def test_part_of_a_year_has_no_period() -> None:
    m = metric("上半年,全市地区生产总值增长5.3%。", "5.3%")
    assert (m.indicator, m.period, m.period_text) == ("gdp_growth", None, "上半年")
    m = metric("1—11月,规模以上工业增加值增长6%。", "6%")
    assert (m.period, m.period_text) == (None, "1—11月")
    report = gongwen.parse(HEAD + "上半年,全市地区生产总值增长5.3%。2025年,全市地区生产总值增长5.2%。")
    assert [(r["period"], r["value"]) for r in gongwen.panel_rows(report)] == [("2025", "5.2")]


def test_a_news_page_is_dated_by_its_publication() -> None:
    head = "今年发展主要预期目标发布\n2026-03-05 10:40 来源:某某网\n"
    assert frame_of("关于政府工作报告的报道", head) == Frame(2026, True)
    assert frame_of("某某见闻", head) == Frame(None, False)  # not about a 政府工作报告: no frame from a page date


def test_a_page_line_break_inside_a_sentence() -> None:
    body = (
        "过去一年，全市经济运行稳中有进，主要指标好于预期，全市地区生\n产总值达到4200亿元、增长5.4%，一般公共预算收入\n"
        "增长3.1%。"
    )
    report = gongwen.parse(HEAD + body)
    got = [(m.text, m.indicator, m.period, m.period_text) for m in report.metrics]
    assert got == [
        ("4200亿元", "gdp", "2025", "过去一年"),
        ("5.4%", "gdp_growth", "2025", "过去一年"),
        ("3.1%", "general_budget_revenue_growth", "2025", "过去一年"),
    ]


def test_a_review_sentence_with_a_plan_word_stays_actual() -> None:
    m = metric("一、2025年工作回顾\n我们将科技创新摆在突出位置,研发经费投入强度达到2.6%。", "2.6%")
    assert (m.indicator, m.period, m.status) == ("rd_share", "2025", Status.ACTUAL)


def test_no_region_from_a_sentence() -> None:
    head = "根据县委的安排,我乡成立了领导小组,做好各项工作的总结。\n"
    assert region_of(None, head) is None
    assert region_of(None, "某某县2024年工作总结\n") == "某某县"


def test_a_report_delivered_in_december_reviews_its_own_year() -> None:
    head = "政府工作报告\n——2018年12月25日在某某县第十七届人民代表大会第三次会议上\n"
    assert frame_of("政府工作报告", head) == Frame(2018, False)
    m = metric("一、2018年工作回顾\n全年预计实现地区生产总值170.98亿元,增长8%。", "8%", head=head)
    assert (m.indicator, m.period, m.status) == ("gdp_growth", "2018", Status.ACTUAL)
    m = metric("二、2019年工作安排\n明年力争地区生产总值增长8.5%。", "8.5%", head=head)
    assert (m.indicator, m.period, m.status) == ("gdp_growth", "2019", Status.TARGET)


def test_region_of_a_traditional_page() -> None:
    assert region_of("2025年廣東省政府工作報告", "") == "廣東省"
    assert region_of(None, "政府工作報告\n——2025年3月5日在第十四屆全國人民代表大會第三次會議上") == "国务院"


STATUS_WORDS = [
    # a strong word of the sentence outweighs its section; a weak one does not
    Case("一、2025年工作回顾\n年初确定的预期目标是地区生产总值增长5.5%。", "5.5%", "2025", "target"),
    Case("二、2026年重点工作\n确保完成年度目标,地区生产总值增长5%。", "5%", "2026", "target"),
    Case("一、2025年工作回顾\n圆满完成年度目标,地区生产总值增长5.2%。", "5.2%", "2025", "actual"),
    Case("二、2026年重点工作\n一般公共预算收入完成3%的增长。", "3%", "2026", "target"),
]


@pytest.mark.parametrize("case", STATUS_WORDS, ids=lambda c: f"{c.body[:14]}|{c.text}")
def test_status_words_and_sections(case: Case) -> None:
    m = metric(case.body, case.text)
    assert (m.period, None if m.status is None else str(m.status)) == (case.period, case.status)


SPANS = [
    Case("三年来,全市地区生产总值年均增长6.2%。", "6.2%", "2023-2025", "actual"),
    Case("过去两年,全市地区生产总值年均增长5.1%。", "5.1%", "2024-2025", "actual"),
    Case("“十四五”以来,全市地区生产总值年均增长5.5%。", "5.5%", "2021-2025", "actual"),
]


@pytest.mark.parametrize("case", SPANS, ids=lambda c: f"{c.body[:10]}|{c.text}")
def test_spans_of_years(case: Case) -> None:
    m = metric(case.body, case.text)
    assert (m.period, None if m.status is None else str(m.status)) == (case.period, case.status)


def test_a_plan_so_far() -> None:
    head = "2024年某某市政府工作报告\n——2024年1月10日在某某市第十七届人民代表大会第三次会议上\n"
    m = metric("“十四五”以来,全市地区生产总值年均增长5.5%。", "5.5%", head=head)
    assert (m.period, m.status) == ("2021-2023", Status.ACTUAL)


def test_a_long_targets_sentence_keeps_its_cue() -> None:
    items = ";".join(f"第{i}项指标保持稳定" for i in range(30))
    body = f"今年主要预期目标是:{items};城镇调查失业率5.5%左右。"
    assert len(body) > 300
    m = metric(body, "5.5%左右")
    assert (m.indicator, m.period, m.status) == ("urban_unemployment_rate", "2026", Status.TARGET)


def test_a_review_that_made_sure() -> None:
    m = metric("一、2025年工作回顾\n我们扛稳粮食安全责任,确保粮食产量稳定在1300万吨以上。", "1300万吨以上")
    assert (m.indicator, m.period, m.status) == ("grain_output", "2025", Status.ACTUAL)
    m = metric("确保粮食产量稳定在1300万吨以上。", "1300万吨以上")  # no section: the word decides
    assert (m.period, m.status) == ("2026", Status.TARGET)
