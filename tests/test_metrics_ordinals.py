"""Ordinals, sessions and phases of a named body or project are not counts (GUIDELINES §4), while the
same classifiers after a verb or a tally still count: 开展三次调研, 举办培训班三期, 建成二期工程共3个."""

from __future__ import annotations

import pytest

from test_metrics import metrics_of


def overlapping(sentence: str, phrase: str) -> list[str]:
    start = sentence.index(phrase)
    end = start + len(phrase)
    return [m.text for m in metrics_of(sentence) if m.span.start < end and start < m.span.end]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        # sessions of a congress or committee within its term
        ("市十六届人大三次会议以来,共办理代表建议236件。", "三次"),
        ("省政协十三届二次会议期间,委员提交提案800余件。", "二次"),
        ("县十八届人大常委会五次全体会议审议通过。", "五次"),
        ("区十四届人大二次会议审议通过了计划报告。", "二次"),
        # phases of a named project or facility
        ("国家会议中心二期建成投用。", "二期"),
        ("某某港二期开工建设,三期前期工作加快推进。", "二期"),
        ("某某港二期开工建设,三期前期工作加快推进。", "三期"),
        ("白龙港三期污水处理设施建成运行。", "三期"),
        ("某某新城二期安置房交付使用。", "二期"),
        ("地铁3期建设规划获批。", "3期"),
        ("建成二期工程共3个。", "二期"),
        # ordinals
        ("全年第三次召开专题会议。", "三次"),
        ("第二期培训班于5月开班。", "二期"),
        ("第一、二批试点县全部通过验收。", "二批"),  # 第 covers every item of the list
        ("在全省比赛中获得第1、2名。", "2名"),
    ],
)
def test_not_a_count(sentence: str, phrase: str) -> None:
    assert overlapping(sentence, phrase) == []


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("局领导带队开展三次调研。", "三次"),
        ("全年召开两次常委会会议。", "两次"),
        ("举办新型职业农民培训班三期,培训800人。", "三期"),
        ("几年来共举办68期培训。", "68期"),
        ("开展二期创业培训。", "二期"),
        ("编印工作简报12期。", "12期"),
        ("建成二期工程共3个。", "3个"),
        ("市人大常委会共召开会议6次。", "6次"),
        ("本届以来共召开三次会议。", "三次"),  # a term without its number is no session's name
        ("全镇三期培训班全部结业。", "三期"),
    ],
)
def test_still_a_count(sentence: str, text: str) -> None:
    assert text in [m.text for m in metrics_of(sentence)]
