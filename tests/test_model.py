"""The result types: validation, immutability, Decimal conversion and their JSON shapes."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import (
    Direction,
    Document,
    Heading,
    HeadingStyle,
    Metric,
    MetricKind,
    Noise,
    NumberMention,
    Qualifier,
    Report,
    Section,
    Span,
)
from gongwen.parser import parse

# --------------------------------------------------------------------------------------------------
# Span
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 5), (3, 3), (7, 100)])
def test_span_valid(start: int, end: int) -> None:
    span = Span(start, end)
    assert (span.start, span.end) == (start, end)
    assert len(span) == end - start


@pytest.mark.parametrize(("start", "end", "message"), [(-1, 3, "start"), (-5, -1, "start"), (5, 3, "before")])
def test_span_invalid(start: int, end: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Span(start, end)


def test_span_of() -> None:
    text = "全镇有初级中学2所"
    assert Span(3, 7).of(text) == "初级中学"
    assert Span(0, 0).of(text) == ""


SPAN_RELATIONS = [
    # a, b, overlaps, a contains b
    (Span(0, 5), Span(2, 3), True, True),
    (Span(0, 5), Span(0, 5), True, True),
    (Span(0, 5), Span(5, 8), False, False),  # touching is not overlapping
    (Span(0, 5), Span(4, 8), True, False),
    (Span(3, 5), Span(0, 8), True, False),
    (Span(0, 5), Span(6, 8), False, False),
    # an empty span is a position: it overlaps a span strictly around it, not one it only touches
    (Span(2, 2), Span(0, 5), True, False),
    (Span(0, 5), Span(2, 2), True, True),
    (Span(5, 5), Span(0, 5), False, False),
    (Span(0, 5), Span(0, 0), False, True),
]


@pytest.mark.parametrize(("a", "b", "overlaps", "contains"), SPAN_RELATIONS)
def test_span_relations(a: Span, b: Span, overlaps: bool, contains: bool) -> None:
    assert a.overlaps(b) is overlaps
    assert b.overlaps(a) is overlaps
    assert a.contains(b) is contains


def test_span_order_and_equality() -> None:
    spans = [Span(5, 9), Span(0, 3), Span(0, 1), Span(2, 8)]
    assert sorted(spans) == [Span(0, 1), Span(0, 3), Span(2, 8), Span(5, 9)]
    assert Span(1, 2) == Span(1, 2)
    assert hash(Span(1, 2)) == hash(Span(1, 2))
    assert len({Span(1, 2), Span(1, 2), Span(1, 3)}) == 2


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_span_validation_property(a: int, b: int) -> None:
    if b >= a:
        assert len(Span(a, b)) == b - a
    else:
        with pytest.raises(ValueError):
            Span(a, b)


# --------------------------------------------------------------------------------------------------
# instances of every type
# --------------------------------------------------------------------------------------------------


def _heading(index: int = 0, parent: int | None = None) -> Heading:
    return Heading(
        index=index,
        span=Span(0, 6),
        line=0,
        style=HeadingStyle.CN_DUN,
        marker="一、",
        number=1,
        level=1 if parent is None else 2,
        title="基本情况",
        inline=False,
        document=0,
        parent=parent,
        title_span=Span(2, 6),
    )


def _metric(**changes: Any) -> Metric:
    fields: dict[str, Any] = {
        "span": Span(10, 17),
        "text": "55.57万元",
        "value": Decimal("555700"),
        "unit": "元",
        "kind": MetricKind.MONEY,
        "magnitude": "万",
        "subject": "投入",
        "section": ["基本情况"],
    }
    fields.update(changes)
    return Metric(**fields)


def _section() -> Section:
    heading = _heading()
    child_heading = attrs.evolve(_heading(1, parent=0), span=Span(7, 12), title="学校")
    child = Section(child_heading, Span(7, 20), Span(12, 20), "正文", (), ("基本情况", "学校"))
    return Section(heading, Span(0, 20), Span(6, 7), "", [child], ["基本情况"])


def _report() -> Report:
    text = "一、基本情况\n投入55.57万元。"
    heading = _heading()
    section = Section(heading, Span(0, len(text)), Span(6, len(text)), "投入55.57万元。", (), ("基本情况",))
    root = Section(None, Span(0, len(text)), Span(0, 0), "", (section,), ())
    document = Document(0, Span(0, len(text)), None, None, root)
    metric = _metric(span=Span(9, 16), text="55.57万元")
    noise = Noise(Span(0, 0), "pages", "")
    return Report(text, [document], [noise], [heading], [metric])


INSTANCES = {
    "Span": lambda: Span(1, 2),
    "NumberMention": lambda: NumberMention(Span(0, 6), "55.57万", Decimal("555700"), "万"),
    "Noise": lambda: Noise(Span(0, 4), "pages", "- 8页"),
    "Heading": _heading,
    "Section": _section,
    "Metric": _metric,
    "Document": lambda: Document(0, Span(0, 10), "报告一", Span(0, 3)),
    "Report": _report,
}


@pytest.mark.parametrize("name", list(INSTANCES))
def test_frozen(name: str) -> None:
    instance = INSTANCES[name]()
    field = attrs.fields(type(instance))[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(instance, field, None)
    with pytest.raises((FrozenInstanceError, AttributeError)):
        instance.not_a_field = 1  # type: ignore[attr-defined]


def test_frozen_result_of_parse() -> None:
    report = parse("一、基本情况\n全镇有学校2所。")
    with pytest.raises(FrozenInstanceError):
        report.headings[0].title = "x"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        report.documents[0].span.start = 3  # type: ignore[misc]
    assert isinstance(report.headings, tuple)
    assert isinstance(report.documents, tuple)


def test_evolve_makes_a_new_instance() -> None:
    heading = _heading()
    changed = attrs.evolve(heading, title="主要做法")
    assert changed.title == "主要做法"
    assert heading.title == "基本情况"


# --------------------------------------------------------------------------------------------------
# Decimal conversion
# --------------------------------------------------------------------------------------------------

METRIC_VALUES = [
    (Decimal("555700"), Decimal("555700")),
    (555700, Decimal("555700")),
    ("555700", Decimal("555700")),
    ("0.333333", Decimal("0.333333")),
    (0.1, Decimal("0.1")),  # through str(): no binary expansion
    (16.4e8, Decimal("1640000000")),
    (None, None),
]


@pytest.mark.parametrize(("given_value", "expected"), METRIC_VALUES, ids=[repr(v) for v, _ in METRIC_VALUES])
def test_metric_converts_to_decimal(given_value: object, expected: Decimal | None) -> None:
    metric = _metric(value=given_value, low=given_value, high=given_value)
    for value in (metric.value, metric.low, metric.high):
        if expected is None:
            assert value is None
        else:
            assert isinstance(value, Decimal)
            assert value == expected


def test_metric_range_and_defaults() -> None:
    metric = _metric(value=None, low=30000, high="40000")
    assert metric.value is None
    assert (metric.low, metric.high) == (Decimal(30000), Decimal(40000))
    assert metric.qualifier is Qualifier.EXACT
    assert metric.redacted is False
    assert metric.extractor == "builtin"
    assert metric.section == ("基本情况",)  # a list becomes a tuple


@pytest.mark.parametrize("given_value", [Decimal("555700"), 555700, "555700"])
def test_number_mention_converts_to_decimal(given_value: object) -> None:
    mention = NumberMention(Span(0, 6), "55.57万", given_value, "万")  # type: ignore[arg-type]
    assert isinstance(mention.value, Decimal)
    assert mention.value == Decimal(555700)


def test_number_mention_float_like_metric() -> None:
    mention = NumberMention(Span(0, 3), "0.1", 0.1)  # type: ignore[arg-type]
    assert mention.value == _metric(value=0.1).value == Decimal("0.1")


# --------------------------------------------------------------------------------------------------
# to_dict shapes
# --------------------------------------------------------------------------------------------------


def _json_round_trip(data: Any) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_number_mention_to_dict() -> None:
    mention = INSTANCES["NumberMention"]()
    data = mention.to_dict()
    assert data == {"start": 0, "end": 6, "text": "55.57万", "value": "555700", "magnitude": "万"}
    assert _json_round_trip(data) == data


def test_noise_to_dict() -> None:
    data = INSTANCES["Noise"]().to_dict()
    assert data == {"start": 0, "end": 4, "kind": "pages", "text": "- 8页"}
    assert _json_round_trip(data) == data


def test_heading_to_dict() -> None:
    data = _heading().to_dict()
    assert data == {
        "index": 0,
        "start": 0,
        "end": 6,
        "line": 0,
        "style": "cn_dun",
        "marker": "一、",
        "number": 1,
        "level": 1,
        "title": "基本情况",
        "inline": False,
        "document": 0,
        "parent": None,
    }
    assert type(data["style"]) is str
    assert _json_round_trip(data) == data


def test_section_to_dict_nests_children() -> None:
    data = _section().to_dict()
    assert data["heading"] == 0
    assert data["title"] == "基本情况"
    assert data["level"] == 1
    assert (data["start"], data["end"], data["body_start"], data["body_end"]) == (0, 20, 6, 7)
    (child,) = data["children"]
    assert child["title"] == "学校"
    assert child["heading"] == 1
    assert child["level"] == 2
    assert child["children"] == []
    assert _json_round_trip(data) == data


def test_section_properties() -> None:
    section = _section()
    assert section.title == "基本情况"
    assert section.level == 1
    assert [s.title for s in section.walk()] == ["基本情况", "学校"]
    assert isinstance(section.children, tuple)
    assert section.path == ("基本情况",)
    root = Section(None, Span(0, 5), Span(0, 5), "正文")
    assert (root.title, root.level, root.children, root.path) == (None, 0, (), ())


def test_metric_to_dict() -> None:
    data = _metric(qualifier=Qualifier.APPROX, direction=Direction.UP).to_dict()
    assert set(data) == {
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "unit",
        "kind",
        "qualifier",
        "magnitude",
        "subject",
        "redacted",
        "direction",
        "basis",
        "period",
        "document",
        "section",
        "heading",
        "extractor",
        "indicator",
        "status",
        "period_text",
    }
    assert data["value"] == "555700"
    assert data["low"] is None
    assert data["kind"] == "money"
    assert data["qualifier"] == "approx"
    assert data["direction"] == "up"
    assert data["section"] == ["基本情况"]
    assert _json_round_trip(data) == data


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("1640000000"), "1640000000"), (Decimal("1.64E+9"), "1640000000"), (Decimal("0.333333"), "0.333333")],
)
def test_metric_values_are_plain_decimal_strings(value: Decimal, text: str) -> None:
    assert _metric(value=value).to_dict()["value"] == text


def test_document_to_dict_and_sections() -> None:
    document = INSTANCES["Document"]()
    assert document.to_dict() == {
        "index": 0, "start": 0, "end": 10, "title": "报告一", "subtitle": None, "speaker": None, "region": None
    }
    assert document.sections == ()


def test_report_to_dict() -> None:
    report = _report()
    data = report.to_dict()
    assert set(data) == {"documents", "noise", "headings", "outline", "metrics"}
    assert data["documents"] == [
        {"index": 0, "start": 0, "end": len(report.text), "title": None, "subtitle": None, "speaker": None,
         "region": None}
    ]
    assert [h["title"] for h in data["headings"]] == ["基本情况"]
    assert [[s["title"] for s in document] for document in data["outline"]] == [["基本情况"]]
    assert data["metrics"][0]["value"] == "555700"
    assert _json_round_trip(data) == data
    assert [s.title for s in report.walk()] == ["基本情况"]


def test_report_tables_and_frames() -> None:
    report = _report()
    (row,) = report.metrics_table()
    assert row["section"] == "基本情况"
    assert row["value"] == "555700"
    assert report.headings_table() == [report.headings[0].to_dict()]
    pytest.importorskip("pandas")
    frame = report.metrics_frame()
    assert frame.loc[0, "value"] == Decimal("555700")
    assert isinstance(frame.loc[0, "value"], Decimal)
    assert "value_float" not in frame.columns  # one schema: the batch tables have no float copy
    assert list(report.headings_frame()["title"]) == ["基本情况"]


def test_parsed_report_to_dict_is_json() -> None:
    text = "镇教育工作总结\n一、基本情况\n全镇有初级中学2所,总人口55983人。\n(一)经费\n投入55.57万元。\n- 8页"
    report = parse(text)
    data = _json_round_trip(report.to_dict())
    assert [h["marker"] for h in data["headings"]] == ["一、", "(一)"]
    assert data["noise"] == [{"start": text.index("- 8页"), "end": len(text), "kind": "pages", "text": "- 8页"}]
    for heading in data["headings"]:
        assert text[heading["start"] : heading["end"]].startswith(heading["marker"])


def test_enums_are_strings() -> None:
    assert HeadingStyle.CN_DUN == "cn_dun"
    assert str(HeadingStyle.LABEL) == "label"
    assert MetricKind("money") is MetricKind.MONEY
    assert Qualifier("at_least") is Qualifier.AT_LEAST
    assert json.dumps([HeadingStyle.PART, Qualifier.APPROX, Direction.DOWN]) == '["part", "approx", "down"]'
    assert {s.value for s in HeadingStyle} == {
        "part",
        "cn_dun",
        "cn_paren",
        "arabic_dun",
        "arabic_dot",
        "arabic_paren",
        "circled",
        "cn_shi",
        "di_cn",
        "label",
    }
