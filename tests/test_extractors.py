"""Pluggable extractors: PatternExtractor specs, the Extractor protocol, the registry, overlaps, units.

Every test here may register something, so each runs under the ``registries`` fixture (conftest.py),
which puts the extractor, unit and heading-style registries back as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import gongwen
from gongwen import (
    Context,
    Extractor,
    Metric,
    MetricExtractor,
    PatternExtractor,
    RegistryError,
    Span,
    Unit,
    extractor_names,
    get_extractor,
    register_extractor,
    register_unit,
    to_number,
    unregister_extractor,
)
from gongwen.extractors import resolve_overlaps, run_extractors

pytestmark = pytest.mark.usefixtures("registries")

BEDS_TEXT = "全县医疗卫生机构床位3200张。"
DOC_TEXT = "全县新增床位1200张,乡镇卫生院床位使用率达85%。采购课桌椅800张。"  # docs/extractors.md


def beds() -> PatternExtractor:
    return PatternExtractor.from_spec({"name": "beds", "kind": "beds", "unit": "张", "subject": "床位"})


def check_invariants(text: str, metrics: tuple[Metric, ...] | list[Metric]) -> None:
    for m in metrics:
        assert 0 <= m.span.start <= m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
        for number in (m.value, m.low, m.high):
            assert number is None or isinstance(number, Decimal)


def parse(text: str, **options: Any) -> gongwen.Report:
    """gongwen.parse, checking every metric it returns."""
    report = gongwen.parse(text, **options)
    check_invariants(text, report.metrics)
    return report


def rows(report: gongwen.Report) -> list[tuple[str, str, str]]:
    return [(m.text, str(m.kind), m.extractor) for m in report.metrics]


# --- PatternExtractor from a spec -----------------------------------------------------------------


def test_a_spec_with_unit_and_subject_yields_metrics_of_its_kind() -> None:
    report = parse(BEDS_TEXT, extractors=[beds()])
    [m] = report.metrics
    assert (m.text, m.value, m.unit, m.kind, m.extractor) == ("3200张", Decimal(3200), "张", "beds", "beds")
    assert m.subject is not None and "床位" in m.subject
    assert m.span == Span(10, 15) and m.document == 0


def test_a_spec_needs_its_subject_in_the_sentence() -> None:
    # 课桌椅800张 is in a sentence without 床位
    assert rows(parse(DOC_TEXT, extractors=[beds()])) == [("1200张", "beds", "beds")]


def test_a_spec_reads_chinese_numbers_and_magnitudes() -> None:
    text = "全县新增床位两千张,社会办医床位1.2万张。"
    assert [(m.text, m.value) for m in parse(text, extractors=[beds()]).metrics] == [
        ("两千张", Decimal(2000)),
        ("1.2万张", Decimal(12000)),
    ]


def test_the_name_defaults_to_the_kind() -> None:
    extractor = PatternExtractor.from_spec({"kind": "beds", "unit": "张"})
    assert extractor.name == "beds"
    assert extractor == PatternExtractor(name="beds", kind="beds", unit="张")


def test_the_documented_example() -> None:
    # docs/extractors.md: name beds first to let it win the tie on 1200张
    assert rows(parse(DOC_TEXT, extractors=[beds(), "metrics"])) == [
        ("1200张", "beds", "beds"),
        ("85%", "percent", "metrics"),
        ("800张", "count", "metrics"),
    ]


def test_a_pattern_with_named_groups() -> None:
    gdp = PatternExtractor(
        name="gdp", kind="money", pattern=r"(?P<subject>地区生产总值)(?P<value>[\d.]+亿)(?P<unit>元)"
    )
    text = "全市地区生产总值16.4亿元,增长7.4%。"
    report = parse(text, extractors=["metrics", gdp])
    first, second = report.metrics
    assert (first.text, first.value, first.unit, first.kind, first.subject, first.extractor) == (
        "地区生产总值16.4亿元", Decimal("1640000000"), "元", "money", "地区生产总值", "gdp",
    )  # fmt: skip
    assert first.subject_span == Span(2, 8)
    # the whole match is the span, so it is longer than the built-in reading of 16.4亿元 and wins
    assert (second.text, second.extractor, second.direction) == ("7.4%", "metrics", gongwen.Direction.UP)


def test_a_pattern_matches_the_normalised_text_but_reports_the_original() -> None:
    text = "全市地區生產總值16.4億元。"
    gdp = PatternExtractor.from_spec(
        {"name": "gdp", "kind": "money", "pattern": r"地区生产总值(?P<value>[\d.]+亿)(?P<unit>元)"}
    )
    [m] = parse(text, extractors=[gdp]).metrics
    assert m.text == "地區生產總值16.4億元" and m.value == Decimal("1640000000") and m.unit == "元"


def test_a_pattern_value_that_is_not_a_number_is_skipped() -> None:
    odd = PatternExtractor.from_spec({"kind": "odd", "pattern": r"(?P<value>一心一意)"})
    assert parse("我们一心一意谋发展。", extractors=[odd]).metrics == ()


class BadSpec(NamedTuple):
    spec: dict[str, Any]
    message: str


BAD_SPECS = [
    BadSpec({"name": "beds", "unit": "张"}, "needs a 'kind'"),
    BadSpec({"kind": "beds", "unit": "张", "units": "张"}, "unknown keys ['units']"),
    BadSpec({"kind": "beds", "unit": "张", "regex": "x"}, "unknown keys ['regex']"),
    BadSpec({"kind": "beds", "pattern": "(?P<value>\\d+"}, "bad pattern"),
    BadSpec({"kind": "beds", "pattern": "[0-9"}, "bad pattern"),
    BadSpec({"kind": "beds", "pattern": r"\d+张"}, "(?P<value>...)"),
    BadSpec({"kind": "beds", "pattern": r"(?P<number>\d+)张"}, "(?P<value>...)"),
    BadSpec({"kind": "beds"}, "needs a 'unit' or a 'pattern'"),
    BadSpec({"kind": "beds", "unit": ""}, "needs a 'unit' or a 'pattern'"),
]


@pytest.mark.parametrize("bad", BAD_SPECS, ids=lambda b: b.message)
def test_bad_specs_raise_registry_error(bad: BadSpec) -> None:
    with pytest.raises(RegistryError) as raised:
        PatternExtractor.from_spec(bad.spec)
    assert bad.message in str(raised.value)
    assert isinstance(raised.value, ValueError)


# --- the Extractor protocol -----------------------------------------------------------------------


class IncomePerHead:
    """A hand-written extractor: 人均可支配收入 followed by an amount in 元 (docs/extractors.md)."""

    name = "income"
    pattern = regex.compile(r"(?P<who>城镇|农村)?(?:常住)?居民人均可支配收入(?:达到?|为)?(?P<value>[\d.,]+万?)元")

    def __call__(self, context: Context) -> Iterator[Metric]:
        for match in self.pattern.finditer(context.folded, context.span.start, context.span.end):
            start, end = match.span("value")[0], match.end()
            if context.skipped(start, end):
                continue
            yield Metric(
                span=Span(start, end),
                text=context.text[start:end],
                value=to_number(match.group("value")),
                unit="元",
                kind="money",
                subject=context.text[match.start() : match.start("value")].rstrip("达到为"),
                document=context.document,
            )


INCOME_TEXT = "一、经济运行\n城镇居民人均可支配收入达到4.2万元,农村居民人均可支配收入21,691元,分别增长5.1%和6.6%。"


def test_a_hand_written_class_is_an_extractor() -> None:
    assert isinstance(IncomePerHead(), Extractor)
    assert isinstance(MetricExtractor(), Extractor)
    assert isinstance(beds(), Extractor)


def test_a_hand_written_extractor_runs_in_parse() -> None:
    report = parse(INCOME_TEXT, extractors=[IncomePerHead(), "metrics"])
    got = [(m.text, m.value, m.kind, m.subject, m.section, m.extractor) for m in report.metrics]
    assert got == [
        ("4.2万元", Decimal(42000), "money", "城镇居民人均可支配收入", ("经济运行",), "income"),
        ("21,691元", Decimal(21691), "money", "农村居民人均可支配收入", ("经济运行",), "income"),
        ("5.1%", Decimal("5.1"), "percent", "城镇居民人均可支配收入", ("经济运行",), "metrics"),
        ("6.6%", Decimal("6.6"), "percent", "农村居民人均可支配收入", ("经济运行",), "metrics"),
    ]
    assert all(m.heading == 0 for m in report.metrics)


def test_the_metrics_get_the_extractor_name_whatever_they_say() -> None:
    class Liar:
        name = "liar"

        def __call__(self, context: Context) -> list[Metric]:
            start = context.folded.index("3200")
            return [Metric(Span(start, start + 5), context.text[start : start + 5], 3200, "张", "beds",
                           extractor="someone else")]  # fmt: skip

    [m] = parse(BEDS_TEXT, extractors=[Liar()]).metrics
    assert m.extractor == "liar" and m.value == Decimal(3200)


def test_an_extractor_sees_one_document_at_a_time_and_skips_noise_and_markers() -> None:
    seen: list[Context] = []

    class Spy:
        name = "spy"

        def __call__(self, context: Context) -> list[Metric]:
            seen.append(context)
            return []

    text = "一、基本情况\n全镇共有小学4所。\n59位用户关注\n二、教师\n全镇有教师3人。\n"
    report = parse(text, extractors=[Spy()])
    assert len(seen) == len(report.documents) == 1
    context = seen[0]
    assert context.text == text and len(context.folded) == len(text)
    assert context.span == report.documents[0].span
    assert context.skipped(text.index("59位"), text.index("59位") + 3)
    assert context.skipped(0, 1)  # the 一、 marker
    assert not context.skipped(text.index("4所"), text.index("4所") + 2)


def test_a_plain_function_is_not_an_extractor() -> None:
    def reader(context: Context) -> list[Metric]:
        return []

    assert not isinstance(reader, Extractor)
    with pytest.raises(RegistryError, match="needs a 'name'"):
        register_extractor(reader)  # type: ignore[arg-type]


# --- the registry -------------------------------------------------------------------------------


def test_the_builtin_is_registered_as_metrics() -> None:
    assert extractor_names() == ("metrics",)
    assert isinstance(get_extractor("metrics"), MetricExtractor)


def test_register_runs_the_extractor_in_every_parse() -> None:
    extractor = beds()
    assert register_extractor(extractor) is extractor
    assert extractor_names() == ("beds", "metrics")
    assert get_extractor("beds") is extractor
    # a registered extractor runs before the built-in one, so it wins the tie on 1200张 …
    assert rows(parse(DOC_TEXT))[0] == ("1200张", "beds", "beds")
    # … unless the built-in is named first
    assert rows(parse(DOC_TEXT, extractors=["metrics", "beds"]))[0] == ("1200张", "count", "metrics")


def test_a_registered_extractor_wins_where_its_span_is_longer() -> None:
    longer = PatternExtractor.from_spec({"name": "beds", "kind": "beds", "pattern": r"床位(?P<value>\d+)张"})
    register_extractor(longer)
    [m] = parse(BEDS_TEXT).metrics
    assert (m.text, m.kind, m.extractor) == ("床位3200张", "beds", "beds")


def test_registering_a_name_twice_raises_unless_replace() -> None:
    register_extractor(beds())
    other = PatternExtractor.from_spec({"name": "beds", "kind": "beds", "unit": "床"})
    with pytest.raises(RegistryError, match="replace=True") as raised:
        register_extractor(other)
    assert isinstance(raised.value, ValueError)
    assert get_extractor("beds") == beds()
    assert register_extractor(other, replace=True) is other
    assert get_extractor("beds") is other
    assert extractor_names() == ("beds", "metrics")


def test_unregister() -> None:
    register_extractor(beds())
    unregister_extractor("beds")
    assert extractor_names() == ("metrics",)
    assert rows(parse(BEDS_TEXT)) == [("3200张", "count", "metrics")]


def test_unregister_the_builtin() -> None:
    unregister_extractor("metrics")
    assert extractor_names() == ()
    assert parse(BEDS_TEXT).metrics == ()


def test_unregister_the_builtin_with_another_registered() -> None:
    register_extractor(beds())
    unregister_extractor("metrics")
    assert extractor_names() == ("beds",)
    assert rows(parse(BEDS_TEXT)) == [("3200张", "beds", "beds")]


@pytest.mark.parametrize("call", [get_extractor, unregister_extractor], ids=["get", "unregister"])
def test_an_unknown_name_says_what_is_registered(call: Any) -> None:
    with pytest.raises(RegistryError) as raised:
        call("bed")
    assert "no extractor named 'bed'" in str(raised.value)
    assert "registered: ['metrics']" in str(raised.value)


def test_parse_with_an_unknown_name_raises() -> None:
    with pytest.raises(RegistryError, match="no extractor named 'bed'"):
        parse(BEDS_TEXT, extractors=["metrics", "bed"])


def test_parse_with_only_a_custom_extractor() -> None:
    assert rows(parse(BEDS_TEXT, extractors=[beds()])) == [("3200张", "beds", "beds")]


def test_parse_with_no_extractors_finds_no_metrics() -> None:
    assert parse(BEDS_TEXT, extractors=[]).metrics == ()


# --- overlaps -----------------------------------------------------------------------------------


def metric(start: int, end: int, name: str = "x") -> Metric:
    return Metric(Span(start, end), "x" * (end - start), 1, "", "count", extractor=name)


def test_resolve_overlaps_keeps_the_longest_span() -> None:
    short, long = metric(2, 5, "a"), metric(3, 9, "b")
    assert resolve_overlaps([(0, short), (1, long)]) == [long]
    assert resolve_overlaps([(1, long), (0, short)]) == [long]


def test_resolve_overlaps_breaks_ties_by_rank() -> None:
    a, b = metric(2, 5, "a"), metric(3, 6, "b")
    assert resolve_overlaps([(0, a), (1, b)]) == [a]
    assert resolve_overlaps([(1, a), (0, b)]) == [b]
    assert resolve_overlaps([(0, b), (1, a)]) == [b]


def test_resolve_overlaps_then_text_order() -> None:
    # same length and rank: the earlier one wins, and the survivors come back in text order
    first, second, far = metric(2, 5), metric(4, 7), metric(10, 12)
    assert resolve_overlaps([(0, far), (0, second), (0, first)]) == [first, far]


def test_resolve_overlaps_keeps_touching_spans() -> None:
    a, b = metric(0, 3), metric(3, 6)
    assert resolve_overlaps([(0, b), (0, a)]) == [a, b]


def _resolve_by_scanning(items: list[tuple[int, Metric]]) -> list[Metric]:
    """The rule written plainly: longest first, then rank, then text order; each span against all kept."""
    kept: list[Metric] = []
    for _, m in sorted(items, key=lambda item: (-len(item[1].span), item[0], item[1].span.start)):
        if not any(m.span.overlaps(k.span) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end))


spans_of_metrics = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 60), st.integers(0, 8)), max_size=40
).map(lambda triples: [(rank, metric(start, start + width)) for rank, start, width in triples])


@settings(max_examples=300, deadline=None)
@given(spans_of_metrics)
def test_resolve_overlaps_is_the_plain_rule(items: list[tuple[int, Metric]]) -> None:
    # including empty spans, ties and nested spans
    assert resolve_overlaps(items) == _resolve_by_scanning(items)


def test_overlaps_through_parse_and_run_extractors() -> None:
    context = Context.of(BEDS_TEXT)
    for order, expected in ((["metrics", beds()], [("metrics", "count")]), ([beds(), "metrics"], [("beds", "beds")])):
        found = run_extractors(context, order)
        check_invariants(BEDS_TEXT, found)
        assert [(m.extractor, m.kind) for m in found] == expected
    assert rows(parse(BEDS_TEXT, extractors=["metrics", beds()])) == [("3200张", "count", "metrics")]
    assert rows(parse(BEDS_TEXT, extractors=[beds(), "metrics"])) == [("3200张", "beds", "beds")]


spans = st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=150, deadline=None)
@given(items=st.lists(st.tuples(st.integers(0, 3), spans), max_size=12, unique=True), data=st.data())
def test_resolve_overlaps_is_deterministic(items: list[tuple[int, tuple[int, int]]], data: st.DataObject) -> None:
    found = [(rank, metric(start, end, f"e{rank}")) for rank, (start, end) in items]
    kept = resolve_overlaps(found)
    # the result does not depend on the order the extractors reported in
    shuffled = data.draw(st.permutations(found))
    assert resolve_overlaps(shuffled) == kept
    # no two survivors overlap, and they are in text order
    assert all(not a.span.overlaps(b.span) for i, a in enumerate(kept) for b in kept[i + 1 :])
    assert kept == sorted(kept, key=lambda m: (m.span.start, m.span.end))
    # every metric dropped lost to a survivor at least as long (ranked no worse on a tie)
    rank_of = {id(m): r for r, m in found}
    for rank, m in found:
        if any(m is k for k in kept):
            continue
        winners = [k for k in kept if k.span.overlaps(m.span)]
        assert winners
        assert any(
            len(k.span) > len(m.span) or (len(k.span) == len(m.span) and rank_of[id(k)] <= rank) for k in winners
        )


# --- units --------------------------------------------------------------------------------------


def test_register_unit_makes_a_new_classifier_a_metric() -> None:
    text = "全县新增病床200床。"
    assert parse(text).metrics == ()
    register_unit(Unit("床", "床", "count"))
    [m] = parse(text).metrics
    assert (m.text, m.value, m.unit, m.kind, m.subject) == ("200床", Decimal(200), "床", "count", "病床")


def test_registered_units_are_gone_after_the_test() -> None:
    # runs after the test above: the fixture put the unit table back
    assert parse("全县新增病床200床。").metrics == ()
    assert all(u.surface != "床" for u in gongwen.units.units())


def test_a_later_unit_registration_wins() -> None:
    register_unit(Unit("人", "人", "people"))
    [m] = parse("全镇总人口55983人。").metrics
    assert (m.unit, m.kind) == ("人", "people")


def test_a_unit_table_for_one_extractor() -> None:
    table = (*gongwen.units.DEFAULT_UNITS, Unit("床", "床", "beds"))
    own = MetricExtractor(name="own", units=table)
    assert rows(parse("全县新增病床200床,医生35人。", extractors=[own])) == [
        ("200床", "beds", "own"), ("35人", "count", "own"),
    ]  # fmt: skip
    assert [m.text for m in parse("全县新增病床200床,医生35人。").metrics] == ["35人"]


def test_a_unit_with_a_factor() -> None:
    register_unit(Unit("公亩", "平方米", "area", Decimal(100)))
    [m] = parse("新建操场3公亩。").metrics
    assert (m.value, m.unit, m.kind) == (Decimal(300), "平方米", "area")
