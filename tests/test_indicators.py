"""The indicator catalogue (gongwen.indicators): which headline indicator a metric states.

Every sentence is constructed in the shapes 政府工作报告 write their review and targets paragraphs in
(no sentence is copied from a report). Each table row names a sentence, the metric's text and the
indicator it must state, or ``None`` where the figure is a sub-region's, a sector's or another
indicator's.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import gongwen
from gongwen import indicators
from gongwen.errors import RegistryError
from gongwen.indicators import Measure, get_indicator, read_head, register_indicator, unregister_indicator


class Case(NamedTuple):
    sentence: str
    text: str
    indicator: str | None


def indicator(sentence: str, text: str) -> str | None:
    for metric in gongwen.parse(sentence).metrics:
        if metric.text == text:
            return metric.indicator
    raise AssertionError(f"no metric {text!r} in {sentence!r}")


_PLAN = "规上工业增加值增长6.5%,固定资产投资增长4%,社会消费品零售总额增长5.5%。"

TARGETS = [
    Case("今年主要预期目标是:经济增长5%左右,城镇调查失业率5.5%以内。", "5%左右", "gdp_growth"),
    Case("今年主要预期目标是:经济增长5%左右,城镇调查失业率5.5%以内。", "5.5%以内", "urban_unemployment_rate"),
    Case("居民消费价格涨幅2%左右;城镇新增就业45万人以上。", "2%左右", "cpi_growth"),
    Case("居民消费价格涨幅2%左右;城镇新增就业45万人以上。", "45万人以上", "new_urban_jobs"),
    Case("全市生产总值增长5.5%左右,地方一般公共预算收入增长3%。", "5.5%左右", "gdp_growth"),
    Case("全市生产总值增长5.5%左右,地方一般公共预算收入增长3%。", "3%", "general_budget_revenue_growth"),
    Case(_PLAN, "6.5%", "industrial_value_added_growth"),
    Case(_PLAN, "4%", "fixed_asset_investment_growth"),
    Case(_PLAN, "5.5%", "retail_sales_growth"),
    Case("外贸进出口增长3%,实际使用外资增长6%。", "3%", "foreign_trade_growth"),
    Case("粮食产量稳定在720万吨以上。", "720万吨以上", "grain_output"),
    Case("单位地区生产总值能耗降低2.5%左右,细颗粒物(PM2.5)平均浓度控制在32微克/立方米以内。", "2.5%左右",
         "energy_intensity_reduction"),
    Case("单位地区生产总值能耗降低2.5%左右,细颗粒物(PM2.5)平均浓度控制在32微克/立方米以内。", "32微克/立方米以内",
         "pm25_concentration"),
    Case("全社会研发经费投入强度达到2.8%,常住人口城镇化率达到62%。", "2.8%", "rd_share"),
    Case("全社会研发经费投入强度达到2.8%,常住人口城镇化率达到62%。", "62%", "urbanization_rate"),
    Case("全社会研发经费支出相当于全市生产总值的比例达到4.2%左右。", "4.2%左右", "rd_share"),
    Case("人均预期寿命提高到80岁。", "80岁", "life_expectancy"),
    Case("经济增长预期目标为5%左右。", "5%左右", "gdp_growth"),
    Case("居民消费价格上涨控制在3%左右。", "3%左右", "cpi_growth"),
]  # fmt: skip

REVIEWS = [
    Case("预计全年地区生产总值达到4.2万亿元、增长5.2%。", "4.2万亿元", "gdp"),
    Case("预计全年地区生产总值达到4.2万亿元、增长5.2%。", "5.2%", "gdp_growth"),
    Case("全年实现生产总值7200亿元,增长6.1%。", "7200亿元", "gdp"),
    Case("全年实现生产总值7200亿元,增长6.1%。", "6.1%", "gdp_growth"),
    Case("一般公共预算收入完成512亿元,同比增长4.3%。", "512亿元", "general_budget_revenue"),
    Case("一般公共预算收入完成512亿元,同比增长4.3%。", "4.3%", "general_budget_revenue_growth"),
    Case("国内生产总值增长5%,总量达到130万亿元。", "130万亿元", "gdp"),
    Case("城镇调查失业率平均为5.1%,居民消费价格下降0.1%。", "5.1%", "urban_unemployment_rate"),
    Case("城镇调查失业率平均为5.1%,居民消费价格下降0.1%。", "0.1%", "cpi_growth"),
    Case("社会消费品零售总额、固定资产投资分别增长4.6%和2.3%。", "4.6%", "retail_sales_growth"),
    Case("社会消费品零售总额、固定资产投资分别增长4.6%和2.3%。", "2.3%", "fixed_asset_investment_growth"),
    Case("城镇居民人均可支配收入4.8万元,农村居民人均可支配收入2.1万元,分别增长4.5%和6.6%。", "4.8万元",
         "urban_per_capita_disposable_income"),
    Case("城镇居民人均可支配收入4.8万元,农村居民人均可支配收入2.1万元,分别增长4.5%和6.6%。", "6.6%",
         "rural_per_capita_disposable_income_growth"),
    Case("城镇、农村居民人均可支配收入分别增长4.5%和6.6%。", "4.5%", "urban_per_capita_disposable_income_growth"),
    Case("全体居民人均可支配收入增长5.3%。", "5.3%", "per_capita_disposable_income_growth"),
    Case("全省地区生产总值从3万亿元增加到4.2万亿元,年均增长5.8%。", "3万亿元", "gdp"),
    Case("全省地区生产总值从3万亿元增加到4.2万亿元,年均增长5.8%。", "4.2万亿元", "gdp"),
    Case("全省地区生产总值从3万亿元增加到4.2万亿元,年均增长5.8%。", "5.8%", "gdp_growth"),
    Case("PM2.5平均浓度降至28微克/立方米。", "28微克/立方米", "pm25_concentration"),
    Case("城镇调查失业率下降到4.9%。", "4.9%", "urban_unemployment_rate"),
    Case("粮食总产量达到1350万吨。", "1350万吨", "grain_output"),
    Case("城镇新增就业6.2万人。", "6.2万人", "new_urban_jobs"),
]  # fmt: skip

NOT_THE_REGIONS = [
    # a sub-region's figure
    Case("临川市地区生产总值增长6.8%。", "6.8%", None),
    Case("中心城区生产总值增长7%。", "7%", None),
    # a sector's
    Case("第一产业增加值增长3.1%,第二产业增加值增长5.6%。", "3.1%", None),
    Case("第一产业增加值增长3.1%,第二产业增加值增长5.6%。", "5.6%", None),
    Case("服务业增加值增长6%。", "6%", None),
    Case("数字经济增长12%。", "12%", None),
    Case("民间投资增长3%。", "3%", None),
    # another population's rate
    Case("全市户籍人口城镇化率达到55%,常住人口城镇化率达到71.3%。", "55%", None),
    Case("全市户籍人口城镇化率达到55%,常住人口城镇化率达到71.3%。", "71.3%", "urbanization_rate"),
    # a share, a ratio to GDP, a contribution
    Case("第三产业增加值占地区生产总值比重达到56%。", "56%", None),
    Case("数字经济核心产业增加值占地区生产总值比重达到10%。", "10%", None),
    Case("消费对经济增长的贡献率达到60%。", "60%", None),
    # a comparison in points, another indicator
    Case("地区生产总值增速高于全国0.6个百分点。", "0.6个百分点", None),
    Case("城镇调查失业率下降0.2个百分点。", "0.2个百分点", None),
    Case("人均地区生产总值增长5.9%。", "5.9%", "gdp_per_capita_growth"),
    Case("全省地区生产总值达到4万亿元,人均地区生产总值9.1万元。", "9.1万元", "gdp_per_capita"),
]  # fmt: skip


@pytest.mark.parametrize("case", TARGETS + REVIEWS + NOT_THE_REGIONS, ids=lambda c: f"{c.sentence[:10]}|{c.text}")
def test_indicator(case: Case) -> None:
    assert indicator(case.sentence, case.text) == case.indicator


def test_the_region_itself_may_be_named() -> None:
    text = "2026年青川省政府工作报告\n2025年,青川省地区生产总值增长5.4%,临川市地区生产总值增长6.8%。"
    report = gongwen.parse(text)
    assert report.documents[0].region == "青川省"
    found = {m.text: m.indicator for m in report.metrics}
    assert found == {"5.4%": "gdp_growth", "6.8%": None}


def test_catalogue_names_the_ids_of_the_issue() -> None:
    ids = {entry.id for entry in indicators.indicators()}
    required = {
        "gdp", "gdp_growth", "general_budget_revenue", "general_budget_revenue_growth", "urban_unemployment_rate",
        "new_urban_jobs", "cpi_growth", "per_capita_disposable_income", "per_capita_disposable_income_growth",
        "fixed_asset_investment_growth", "retail_sales_growth", "industrial_value_added_growth",
        "foreign_trade_growth", "grain_output", "pm25_concentration", "energy_intensity_reduction", "rd_share",
        "urbanization_rate", "life_expectancy",
    }  # fmt: skip
    assert required <= ids
    assert get_indicator("urban_unemployment_rate").measure is Measure.LEVEL
    assert get_indicator("gdp_growth").measure is Measure.GROWTH
    assert get_indicator("rural_per_capita_disposable_income").name.startswith("农村")


def test_read_head_takes_the_tail_off() -> None:
    head = read_head("经济增长预期目标为")
    assert (head.text, head.change) == ("经济", True)
    head = read_head("城镇调查失业率下降到")
    assert (head.text, head.change, head.level_after_change) == ("城镇调查失业率", True, True)
    head = read_head("规模以上工业增加值")
    assert (head.text, head.change) == ("规模以上工业增加值", False)
    assert read_head("地区生产总值年均增长").average


def test_register_indicator() -> None:
    sentence = "医疗卫生机构床位达到5.2万张。"
    assert indicator(sentence, "5.2万张") is None
    register_indicator("hospital_beds", "医疗卫生机构床位", kind="count", units=["张"], measure="level",
                       phrases=["医疗卫生机构床位", "床位"])  # fmt: skip
    try:
        assert indicator(sentence, "5.2万张") == "hospital_beds"
        assert indicator("全市医疗卫生机构床位达到5.2万张。", "5.2万张") == "hospital_beds"
    finally:
        unregister_indicator("hospital_beds")
    assert indicator(sentence, "5.2万张") is None


def test_registry_errors() -> None:
    with pytest.raises(RegistryError, match="level, growth or reduction"):
        register_indicator("x", "x", kind="count", units=["人"], measure="size", phrases=["x"])
    with pytest.raises(RegistryError, match="no registered indicator"):
        unregister_indicator("never_registered")
    with pytest.raises(RegistryError, match="unknown indicator"):
        get_indicator("no_such_id")


CARRIES = [
    # a clause that names nothing continues the figure before it, or the phrase its sentence opened with
    Case("全省地区生产总值跨越两个千亿元台阶,达到1.5万亿元。", "1.5万亿元", "gdp"),
    Case("全省地区生产总值5.3万亿元,增长5.1%,其中第一产业增加值3000亿元,增长3%。", "5.1%", "gdp_growth"),
    Case("全省地区生产总值5.3万亿元,增长5.1%,其中第一产业增加值3000亿元,增长3%。", "3%", None),
    Case("临川市地区生产总值7000亿元,增长7%。", "7%", None),
    # list markers and dashes before a phrase name nothing
    Case("——地区生产总值增长5.5%左右。", "5.5%左右", "gdp_growth"),
    Case("一是地区生产总值增长5%。", "5%", "gdp_growth"),
    Case("(一)地区生产总值增长5%。", "5%", "gdp_growth"),
]


@pytest.mark.parametrize("case", CARRIES, ids=lambda c: f"{c.sentence[:10]}|{c.text}")
def test_carry_and_markers(case: Case) -> None:
    assert indicator(case.sentence, case.text) == case.indicator


COUNTY_SHAPES = [
    Case("全县地区生产总值增长12.6%达92.9亿元,第一产业增长9.1%达21.2亿元。", "92.9亿元", "gdp"),
    Case("全县地区生产总值增长12.6%达92.9亿元,第一产业增长9.1%达21.2亿元。", "21.2亿元", None),
    Case("城乡常住居民人均可支配收入分别增长7%和8%,分别达43000元和18000元。", "8%",
         "rural_per_capita_disposable_income_growth"),
    Case("城乡常住居民人均可支配收入分别增长7%和8%,分别达43000元和18000元。", "43000元",
         "urban_per_capita_disposable_income"),
    Case("城、乡居民人均可支配收入分别为32694元、15527元。", "15527元", "rural_per_capita_disposable_income"),
    Case("全社会固定资产投资完成55亿元,同比下降4.4%。", "55亿元", "fixed_asset_investment"),
    Case("全社会固定资产投资完成55亿元,同比下降4.4%。", "4.4%", "fixed_asset_investment_growth"),
    Case("明年力争地区生产总值增长8%,明年力争增长8%。", "8%", "gdp_growth"),
]  # fmt: skip


@pytest.mark.parametrize("case", COUNTY_SHAPES, ids=lambda c: f"{c.sentence[:10]}|{c.text}")
def test_county_shapes(case: Case) -> None:
    assert indicator(case.sentence, case.text) == case.indicator


def test_a_traditional_report_names_its_own_region() -> None:
    text = "2026年廣東省政府工作報告\n2025年,廣東省地區生產總值增長4%,廣東地區生產總值達到14萬億元。"
    report = gongwen.parse(text)
    assert report.documents[0].region == "廣東省"
    assert [m.indicator for m in report.metrics] == ["gdp_growth", "gdp"]
