"""Kinds of their own for power, energy, computing power and rates (GUIDELINES §4: Latin symbols are given
as the Chinese unit, as km is 公里). Sentences written the way 政府工作报告 and 统计公报 state them."""

from __future__ import annotations

import pytest

from gongwen import MetricKind
from test_metrics import Example, check_example, metrics_of, table

KINDS = table(
    # power: 千瓦 with its magnitude (万千瓦), 兆瓦, 吉瓦, and their Latin symbols
    Example("新增新能源装机容量320万千瓦。", "320万千瓦", "3200000", "千瓦", "power"),
    Example("建成分布式光伏电站45兆瓦。", "45兆瓦", "45", "兆瓦", "power"),
    Example("海上风电并网规模突破2.5GW。", "突破2.5GW", "2.5", "吉瓦", "power", "more_than"),
    Example("新建储能电站200MW。", "200MW", "200", "兆瓦", "power"),
    Example("公共充电桩单桩功率提升至120kW。", "120kW", "120", "千瓦", "power"),
    Example("全年新增变电容量300万千伏安。", "300万千伏安", "3000000", "千伏安", "power"),
    # energy: 千瓦时 with its magnitude (亿千瓦时), 吉瓦时, 度电, and the Latin symbols
    Example("全社会用电量达到612.5亿千瓦时,增长6.1%。", "612.5亿千瓦时", "61250000000", "千瓦时", "energy"),
    Example("新型储能可调容量1.8GWh。", "1.8GWh", "1.8", "吉瓦时", "energy"),
    Example("绿电交易电量35万kWh。", "35万kWh", "350000", "千瓦时", "energy"),
    Example("年节约用电约80万度电。", "约80万度电", "800000", "千瓦时", "energy", "approx"),
    Example("年发电量4.2吉瓦时。", "4.2吉瓦时", "4.2", "吉瓦时", "energy"),
    Example("全年全社会用电量3.5亿度,增长6.2%。", "3.5亿度", "350000000", "千瓦时", "energy"),
    Example("新建储能电站100MW·h。", "100MW·h", "100", "兆瓦时", "energy"),
    Example("全年发电量45亿千瓦·时。", "45亿千瓦·时", "4500000000", "千瓦时", "energy"),
    # computing power
    Example("全省算力总规模达到12EFlops。", "12EFlops", "12", "EFLOPS", "computing"),
    Example("新建智算中心算力达1.5Eflops。", "1.5Eflops", "1.5", "EFLOPS", "computing"),
    Example("智能算力规模达到800P。", "800P", "800", "PFLOPS", "computing"),
    Example("建成500P智能算力。", "500P", "500", "PFLOPS", "computing"),
    Example("超算中心峰值性能200PFlops。", "200PFlops", "200", "PFLOPS", "computing"),
    # rates: a quantity per unit of time
    Example("建成年产30万吨/年乙烯项目。", "30万吨/年", "300000", "吨/年", "rate"),
    Example("污水处理规模新增5万吨/日。", "5万吨/日", "50000", "吨/日", "rate"),
    Example("引水工程设计流量12立方米/秒。", "12立方米/秒", "12", "立方米/秒", "rate"),
    Example("港口新增吞吐能力80万标箱/年。", "80万标箱/年", "800000", "标箱/年", "rate"),
    Example("城际铁路设计时速160公里/小时。", "160公里/小时", "160", "公里/小时", "rate"),
)


@pytest.mark.parametrize("ex", KINDS)
def test_kind(ex: Example) -> None:
    check_example(ex)


def test_the_new_kinds_are_in_the_enum() -> None:
    assert {"power", "energy", "computing", "rate"} <= {kind.value for kind in MetricKind}


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("为福利院购置3P空调4台。", "3P"),  # P without 算力 is no computing power
        ("开通P2P网贷整治专线。", "2P"),
        ("年度考核结果为优秀。", "度"),
        ("夏季最高气温38度。", "38度"),  # 度 without 电 is no energy
        ("三度获评全国文明城市。", "三度"),
    ],
)
def test_not_these_kinds(sentence: str, text: str) -> None:
    start = sentence.index(text)
    end = start + len(text)
    assert [m.text for m in metrics_of(sentence) if m.span.start < end and start < m.span.end] == []
