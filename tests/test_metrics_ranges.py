"""Ranges (GUIDELINES §4): a magnitude written on the second number only, approximate Chinese ranges, and
the two properties every range keeps: ``low <= high``, and every value in its canonical form (no trailing
zeros, no exponent: ``Decimal("25000")``, never ``Decimal("25000.0")``). Sentences are written the way
政府工作报告 and 统计公报 write these figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import parse
from test_metrics import Example, check_example, metrics_of, table

RANGES = table(
    # the magnitude of the second number covers the first
    Example("对返乡创业人员给予4至6千元一次性补贴。", "4至6千元", None, "元", "money", low="4000", high="6000"),
    Example("每个示范村奖补2~4百万元。", "2~4百万元", None, "元", "money", low="2000000", high="4000000"),
    Example("预计新增城镇就业2.5~3万人。", "2.5~3万人", None, "人", "count", low="25000", high="30000"),
    Example("单个项目补助50—100万元。", "50—100万元", None, "元", "money", low="500000", high="1000000"),
    Example("力争引进高层次人才3到5千人。", "3到5千人", None, "人", "count", low="3000", high="5000"),
    Example("年均增长1.5~2.5亿元左右。", "1.5~2.5亿元左右", None, "元", "money", "approx", low="150000000",
            high="250000000"),
    # a first number that carries its own magnitude keeps it
    Example("奖励标准为5千至1万元。", "5千至1万元", None, "元", "money", low="5000", high="10000"),
    # the shared reading is refused where it would put the first above the second
    Example("每批安排九至一百人参训。", "九至一百人", None, "人", "count", low="9", high="100"),
    # approximate ranges of two neighbouring Chinese digits, with or without a magnitude
    Example("全年新增就业七八万人。", "七八万人", None, "人", "count", low="70000", high="80000"),
    Example("每户每年增收三五百元。", "三五百元", None, "元", "money", low="300", high="500"),
    Example("每个工作专班四五十人。", "四五十人", None, "人", "count", low="40", high="50"),
    Example("每个县培育一两个龙头企业。", "一两个", None, "个", "count", low="1", high="2"),
    Example("带动周边三四十万人就业。", "三四十万人", None, "人", "count", low="300000", high="400000"),
    Example("每村建设两三个服务站点。", "两三个", None, "个", "count", low="2", high="3"),
    Example("参训人员多为六七十岁。", "六七十岁", None, "岁", "age", low="60", high="70"),
    Example("每户补贴二三十万元。", "二三十万元", None, "元", "money", low="200000", high="300000"),
    Example("合作社覆盖三到五成农户。", "三到五成", None, "%", "percent", low="30", high="50"),
    Example("返还比例为百分之五到百分之十。", "百分之五到百分之十", None, "%", "percent", low="5", high="10"),
    Example("贷款规模0.5~1亿元。", "0.5~1亿元", None, "元", "money", low="50000000", high="100000000"),
    Example("占比10~15%。", "10~15%", None, "%", "percent", low="10", high="15"),
)


@pytest.mark.parametrize("ex", RANGES)
def test_range(ex: Example) -> None:
    check_example(ex)


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        # a descending pair is no range: 由8%至5% is a change from one value to the other
        ("综合能耗占比由8%至5%。", ["8%", "5%"]),
        ("补助10至5人。", ["5人"]),
        # names and sequences of digits are not approximate ranges
        ("“十四五”期间全面完成。", []),
        ("一二三产业融合发展。", []),
        ("一至三年级学生全部免费。", []),
    ],
)
def test_no_range(sentence: str, texts: list[str]) -> None:
    found = metrics_of(sentence)
    assert [m.text for m in found] == texts
    assert all(m.low is None and m.high is None for m in found)


def _canonical(value: Decimal | None) -> bool:
    """Whether ``value`` is written with no trailing zero after the point and no exponent."""
    if value is None:
        return True
    text = str(value)
    return "E" not in text and not ("." in text and text.endswith("0")) and not text.endswith(".")


_DECIMALS = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1)


@settings(max_examples=150, deadline=None)
@given(
    first=_DECIMALS,
    second=_DECIMALS,
    separator=st.sampled_from(["至", "到", "~", "—", "-", "～"]),
    magnitude=st.sampled_from(["", "百", "千", "万", "百万", "亿", "万亿"]),
    unit=st.sampled_from(["元", "人", "吨", "%", "平方米", "千瓦", "万千瓦时"]),
)
def test_every_range_is_ordered_and_canonical(
    first: Decimal, second: Decimal, separator: str, magnitude: str, unit: str
) -> None:
    if unit == "%" and magnitude:
        magnitude = ""
    sentence = f"全年计划完成{first}{separator}{second}{magnitude}{unit}。"
    for m in metrics_of(sentence):
        if m.low is not None or m.high is not None:
            assert m.low is not None and m.high is not None and m.low <= m.high, (sentence, m)
        assert _canonical(m.value) and _canonical(m.low) and _canonical(m.high), (sentence, m)


@settings(max_examples=60, deadline=None)
@given(
    a=st.integers(min_value=1, max_value=8),
    magnitude=st.sampled_from(["", "十", "百", "千", "万", "十万", "百万"]),
    unit=st.sampled_from(["人", "个", "元", "家"]),
)
def test_any_approximate_chinese_range(a: int, magnitude: str, unit: str) -> None:
    digits = "一两三四五六七八九"
    sentence = f"全县新增{digits[a - 1]}{digits[a]}{magnitude}{unit}。"
    scale = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6}[magnitude]
    found = metrics_of(sentence)
    assert [(m.low, m.high) for m in found] == [(Decimal(a * scale), Decimal((a + 1) * scale))]
    assert all(_canonical(m.low) and _canonical(m.high) for m in found)


@settings(max_examples=150, deadline=None)
@given(
    number=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2),
    form=st.sampled_from(
        ["{n}万元", "{n}亿元", "{n}万余元", "{n}成", "{n}万千瓦", "{n}亿千瓦时", "{n}万吨/年", "约{n}万人"]
    ),
)
def test_every_value_is_canonical(number: Decimal, form: str) -> None:
    if form == "{n}成" and number >= 10:
        number = number / 100
    sentence = "全年完成" + form.format(n=number) + "。"
    for m in metrics_of(sentence):
        assert _canonical(m.value) and _canonical(m.low) and _canonical(m.high), (sentence, m)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("全年完成200多万元。", "2000000"),
        ("覆盖3.5成农户。", "35"),
        ("投入2.50万元。", "25000"),
    ],
)
def test_products_are_canonical(sentence: str, value: str) -> None:
    found = [m for m in metrics_of(sentence) if m.value is not None]
    assert [str(m.value) for m in found] == [value]


# A number that PDF extraction broke between its digits, at the end of a wrapped line.
BROKEN = [
    ("2025年收入预算总计1256.3万元,比上年增加12\n3.5万元,增长10.9%。", "12\n3.5万元", "1235000"),
    ("全年全市一般公共预算收入完成情况良好,累计完成45\n67万元,较上年有所增长。", "45\n67万元", "45670000"),
]


@pytest.mark.parametrize(("text", "span", "value"), BROKEN)
def test_a_number_broken_between_its_digits_is_read_whole(text: str, span: str, value: str) -> None:
    metrics = {m.text: m for m in parse(text).metrics}
    assert span in metrics and str(metrics[span].value) == value


def test_a_short_line_ending_in_a_number_is_not_joined() -> None:
    # a table row or a list item: the line before is not a wrapped one
    assert [m.text for m in parse("合计 12\n3.5万元用于校舍。").metrics] == ["3.5万元"]
