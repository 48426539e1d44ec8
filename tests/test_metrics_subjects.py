"""The subject of a metric names the indicator (GUIDELINES §4): the longest noun phrase before the number
that names one, never half a verb (提高到61.2% is not 提), never the basis of a comparison, never the place
or the time. Sentences written the way 政府工作报告 and 统计公报 state their figures."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from test_metrics import the_metric


class Named(NamedTuple):
    sentence: str
    text: str
    subject: str | None


SUBJECTS = [
    # a change word with 到 or 至 leaves no half of itself behind
    Named("常住人口城镇化率提升至63.5%。", "63.5%", "常住人口城镇化率"),
    Named("全年粮食总产量增至126万吨。", "126万吨", "粮食总产量"),
    Named("研发经费投入强度提高到2.8%。", "2.8%", "研发经费投入强度"),
    Named("城镇调查失业率下降到5.1%。", "5.1%", "城镇调查失业率"),
    Named("公共算力平台升级到3000P。", "3000P", "公共算力平台"),
    # a link word is not cut out of a word (营收, 人均)
    Named("全年营收达120亿元。", "120亿元", "营收"),
    Named("农民持续增收,人均达到2.1万元。", "2.1万元", "人均"),
    # the topic of the sentence names a change after a comma
    Named("居民人均可支配收入,提高到4.2万元。", "4.2万元", "居民人均可支配收入"),
    # the basis of a comparison is no subject
    Named("全省生产总值增长6%,增速比全国高0.8个百分点。", "0.8个百分点", "增速"),
    Named("规模以上工业增加值增长7.2%,快于全省1.1个百分点。", "1.1个百分点", "规模以上工业增加值"),
    Named("一般公共预算收入完成420亿元,同口径增长6.3%。", "6.3%", "一般公共预算收入"),
    # the longest name of an indicator
    Named("年末全市常住人口580万人。", "580万人", "常住人口"),
    Named("单位地区生产总值能耗下降2.5%左右。", "2.5%左右", "单位地区生产总值能耗"),
    Named("全年新增发电装机容量180万千瓦。", "180万千瓦", "发电装机容量"),
    Named("每万人口发明专利拥有量达到15.2件。", "15.2件", "每万人口发明专利拥有量"),
    Named("全年港口货物吞吐量1.2亿吨,集装箱吞吐量85万标箱。", "85万标箱", "集装箱吞吐量"),
    Named("基本养老保险参保人数达到320万人。", "320万人", "基本养老保险参保人数"),
    Named("全县初中辍学率控制在0.5%以内。", "0.5%以内", "初中辍学率"),
    Named("学前教育毛入园率达到92%。", "92%", "学前教育毛入园率"),
    # status words open a name; who pays is not what is measured
    Named("全县在园幼儿2.1万人。", "2.1万人", "在园幼儿"),
    Named("全市在校小学生12万人。", "12万人", "在校小学生"),
    Named("国家投资1.2亿元。", "1.2亿元", "投资"),
    # a sum paid per period names what is paid after it
    Named("对困难学生每年1000元补助。", "1000元", "补助"),
    Named("女职工每月20元卫生费按时发放。", "20元", "卫生费"),
    # an indicator before a verb of reaching is the subject, not the verb
    Named("地区生产总值迈上5000亿元台阶。", "5000亿元", "地区生产总值"),
    Named("全市财政总收入跨越300亿元大关。", "300亿元", "财政总收入"),
    Named("进出口总额创历史新高,达到1200亿元。", "1200亿元", "进出口总额"),
    Named("某某集团捐资200万元。", "200万元", "捐资"),  # a donor is no indicator: the verb names the sum
    # after a semicolon, a new item of a list names its own topic
    Named("地区生产总值达5600亿元;全市财政收入迈过千亿大关,达1330亿元。", "1330亿元", "财政收入"),
    Named("地区生产总值达5600亿元;财政收入增长8%。", "8%", "财政收入"),
    # a lone verb names nothing: no subject rather than half a word
    Named("提高到61.2%。", "61.2%", None),
]


@pytest.mark.parametrize("ex", SUBJECTS, ids=lambda ex: ex.text)
def test_subject(ex: Named) -> None:
    m = the_metric(ex.sentence, ex.text)
    assert m.subject == ex.subject
    assert m.subject is None or len(m.subject) > 1
    assert m.subject != m.basis or m.basis is None


@pytest.mark.parametrize(
    ("sentence", "text", "basis"),
    [
        ("年末常住人口580万人,比上年末增加3.2万人。", "3.2万人", "比上年末"),
        ("一般公共预算收入同口径增长6.3%。", "6.3%", "同口径"),
    ],
)
def test_basis_words(sentence: str, text: str, basis: str) -> None:
    m = the_metric(sentence, text)
    assert m.basis == basis
    assert m.subject != basis
