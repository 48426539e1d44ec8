"""Comparisons with another place or body (高于全国0.4个百分点): the basis is the compared thing, the
direction comes from the verb, and the subject is the indicator named before the verb, never the basis.
Sentences written the way 政府工作报告 and 统计公报 compare a region with the country or the province."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from gongwen import Direction
from test_metrics import the_metric


class Compared(NamedTuple):
    sentence: str
    text: str
    direction: Direction | None
    basis: str | None
    subject: str | None


UP, DOWN = Direction.UP, Direction.DOWN

COMPARISONS = [
    Compared("全市规模以上工业增加值增速高于全国0.4个百分点。", "0.4个百分点", UP, "全国", "规模以上工业增加值增速"),
    Compared("地区生产总值增长6.2%,快于全国1.0个百分点。", "1.0个百分点", UP, "全国", "地区生产总值"),
    Compared("城镇调查失业率低于全省平均0.6个百分点。", "0.6个百分点", DOWN, "全省", "城镇调查失业率"),
    Compared("农村居民人均可支配收入增速高出全国平均水平1.3个百分点。", "1.3个百分点", UP, "全国",
             "农村居民人均可支配收入增速"),
    Compared("居民消费价格涨幅比全国低0.2个百分点。", "0.2个百分点", DOWN, "全国", "居民消费价格涨幅"),
    Compared("研发经费投入强度比全省平均水平高0.35个百分点。", "0.35个百分点", UP, "全省", "研发经费投入强度"),
    Compared("固定资产投资增速慢于全市0.8个百分点。", "0.8个百分点", DOWN, "全市", "固定资产投资增速"),
    Compared("森林覆盖率领先全国平均水平12个百分点。", "12个百分点", UP, "全国", "森林覆盖率"),
    Compared("一般公共预算收入增长8.1%,增幅高于全省2.3个百分点。", "2.3个百分点", UP, "全省", "一般公共预算收入"),
    Compared("消费品零售总额增速比全省平均增速高0.7个百分点。", "0.7个百分点", UP, "全省", "消费品零售总额增速"),
    Compared("常住人口城镇化率74.8%,与同期全国平均水平相比高出9.6个百分点。", "9.6个百分点", UP, "全国",
             "常住人口城镇化率"),
    Compared("增速高于全国0.4个百分点、全省0.2个百分点。", "0.2个百分点", UP, "全省", "增速"),
    Compared("增速分别快于全国、全省1.2和0.5个百分点。", "0.5个百分点", UP, "全国、全省", "增速"),
    # a time basis keeps its usual spelling
    Compared("服务业增加值占比比上年高1.1个百分点。", "1.1个百分点", UP, "比上年", "服务业增加值占比"),
    Compared("单位地区生产总值能耗比上年同期低3.2%。", "3.2%", DOWN, "比上年同期", "单位地区生产总值能耗"),
    Compared("出口增速高于上年同期2.5个百分点。", "2.5个百分点", UP, "比上年同期", "出口增速"),
    # 领先 and 落后 without 于 are adjectives unless a whole place follows
    Compared("淘汰落后产能30万吨。", "30万吨", None, None, "产能"),
    Compared("全市行业领先企业达到3家。", "3家", None, None, "行业领先企业"),
    Compared("常住人口城镇化率比2012年末提高4.8个百分点。", "4.8个百分点", UP, "比2012年末", "常住人口城镇化率"),
    Compared("人口出生率6.8‰,比上年下降0.75个千分点。", "0.75个千分点", DOWN, "比上年", "人口出生率"),
    Compared("粮食产量与上年相比,下降3%。", "3%", DOWN, "与上年相比", "粮食产量"),
    # a bound is a qualifier, not a comparison
    Compared("城镇调查失业率控制在5.5%以内。", "5.5%以内", None, None, "城镇调查失业率"),
    Compared("粮食产量不低于500万吨。", "不低于500万吨", None, None, "粮食产量"),
]


@pytest.mark.parametrize("ex", COMPARISONS, ids=lambda ex: ex.text)
def test_comparison(ex: Compared) -> None:
    m = the_metric(ex.sentence, ex.text)
    assert (m.direction, m.basis) == (ex.direction, ex.basis)
    assert m.subject == ex.subject
    assert m.subject != m.basis or m.basis is None
