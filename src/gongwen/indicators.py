"""The headline indicators of government reports, and which of them a metric states.

The catalogue is data (``gongwen/data/indicator_catalogue.tsv``, one :class:`Indicator` a line): an id
(``gdp_growth``), a Chinese name, the kind and units it is stated in, whether it is a ``level`` (5.3万亿元,
5.5%), a signed ``growth`` (增长5%, 下降0.3%) or a ``reduction`` (能耗降低2.5%), and the phrases that name
it. Region words (全省, 全市, 我县, 全国 and the report's own region) are read by rule, not listed; so are
the population groups of income indicators (城镇/农村 give ``urban_…`` and ``rural_…``; 全体 is dropped).
Add your own with :func:`register_indicator`.

:func:`indicator_of` reads the clause in front of a number: the phrase that ends it after the change and
verb words are taken off (经济增长|预期目标为|5%左右 → 经济 → ``gdp_growth``). A phrase with anything else
in front of it (杭州市地区生产总值, 第一产业增加值, 人均…) is a sub-region's, a sector's or another
indicator's figure, and gives ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

import attrs
import regex

from gongwen.datafiles import alternation
from gongwen.errors import RegistryError
from gongwen.model import Direction, Metric
from gongwen.textview import fold

__all__ = [
    "ClauseHead",
    "Indicator",
    "IndicatorMatch",
    "Measure",
    "carries",
    "carry",
    "indicator_of",
    "indicator_of_head",
    "indicators",
    "may_state_one",
    "opening_phrase",
    "read_head",
    "register_indicator",
    "unregister_indicator",
]


class Measure(StrEnum):
    """What an indicator's figure is: a level, a signed growth rate, or a reduction stated as positive."""

    LEVEL = "level"
    GROWTH = "growth"
    REDUCTION = "reduction"


def _tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class Indicator:
    """One catalogue entry: ``Indicator("gdp_growth", "地区生产总值增速", "percent", ("%",), "growth",
    ("地区生产总值", "经济"))``."""

    id: str
    name: str
    kind: str
    units: tuple[str, ...] = attrs.field(converter=_tuple)
    measure: Measure = attrs.field(converter=Measure)
    phrases: tuple[str, ...] = attrs.field(converter=_tuple)
    groups: bool = False


@attrs.frozen
class IndicatorMatch:
    """What :func:`indicator_of` found: the indicator, the phrase that named it, and the words read."""

    indicator: Indicator
    phrase: str
    average: bool = False  # 年均增长, 平均增长: a rate averaged over a span of years


_REGION_WORDS = (
    "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全镇", "全乡", "全国", "全境", "全域", "全自治区",
    "我省", "我市", "我区", "我县", "我州", "我盟", "我旗", "我镇", "我乡", "我国", "本省", "本市", "本区", "本县",
    "全省域", "全市域", "全县域", "全疆", "全岛", "本地区",
    "年末", "年底", "年初", "初步核算", "全年", "今年", "去年", "明年", "上年", "当年", "本年", "全体",
)  # fmt: skip
# Words that may stand before the phrase in its clause without making it another region's or sector's.
_LEAD_WORDS = (
    "预计", "实现", "完成", "其中", "力争", "争取", "确保", "推动", "促进", "努力", "全面", "我们", "将", "要",
    "主要预期目标是", "预期目标是", "主要目标是", "目标是", "全社会", "的",
)  # fmt: skip
# Words between the phrase and the number: change words, bases, verbs, targets (the clause's tail).
_CHANGE_WORDS = (
    "增长", "增速", "增幅", "涨幅", "升幅", "上涨", "上升", "增加", "提高", "提升", "下降", "降低", "降幅",
    "下滑", "回落", "减少", "下跌", "降", "增", "涨",
)  # fmt: skip
_AVERAGE_WORDS = ("年均", "平均每年", "年平均")
_LEVEL_AFTER_CHANGE = ("到", "至")  # 提高到, 降至: the number is the level reached
_TAIL_WORDS = (
    *_CHANGE_WORDS, *_AVERAGE_WORDS,
    "比上年同期", "比去年同期", "比上年", "比去年", "较上年", "较去年", "同比", "可比价", "按可比价格计算",
    "同口径", "可比口径", "按可比口径",
    "平均", "实际", "名义", "可比", "累计", "分别", "均", "总体", "基本", "持续", "继续", "首次", "稳步",
    "预期目标为", "预期目标是", "预期目标", "目标为", "目标是", "目标", "预计", "力争", "争取", "确保",
    "保持在", "稳定在", "控制在", "保持", "稳定", "控制", "达到", "高达", "达", "为", "是", "在", "到", "至", "了",
    "完成", "实现", "突破", "超过", "约", "近", "平均值为", "平均值", "以上", "左右", "水平", "的", "从", "由",
)  # fmt: skip
_TAIL_BY_LAST: dict[str, tuple[str, ...]] = {}
for _word in sorted(set(_TAIL_WORDS), key=len, reverse=True):
    _TAIL_BY_LAST[_word[-1]] = (*_TAIL_BY_LAST.get(_word[-1], ()), _word)
_REGION_RE = regex.compile(f"(?:{alternation(_REGION_WORDS)})$")
_LEAD_RE = regex.compile(f"(?:{alternation(_LEAD_WORDS)})$")
# 城镇(常住)居民 / 农村居民 / 城、乡居民: the population group of an income figure.
_GROUP_RE = regex.compile(r"(?:(?P<urban>城镇|城市|城)|(?P<rural>农村|农民|乡村|乡))(?:常住)?$")
# What may end the words before a phrase without naming anything: a year, a list marker, punctuation.
_DATE_OR_MARK = regex.compile(
    r"(?:(?:19|20)[0-9]{2}年度?|[0-9]{1,2}月份?|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|[0-9]{1,2}[.、]"
    r"|[\s\p{P}\p{S}])+$"
)
_PARENS = regex.compile(r"\([^()]{0,16}\)")
_MAX_TAIL_STEPS = 8
_LIST_GLUE = "、和与及并,"
# Words that name what the clause's figures are part of, when the clause itself names nothing: 总量, 规模.
_CARRY_WORDS = frozenset(("", "总量", "规模", "总额", "增速", "增幅", "总值"))


def _read_catalogue(text: str) -> list[Indicator]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 7:
            raise RegistryError(f"indicator catalogue line {number}: 7 tab-separated fields, not {len(fields)}")
        id_, name, kind, units_, measure, groups, phrases = fields
        entries.append(
            Indicator(id_, name, kind, units_.split("|"), measure, phrases.split("|"), groups.strip() == "yes")
        )
    return entries


@cache
def _builtin() -> tuple[Indicator, ...]:
    data = resources.files("gongwen").joinpath("data").joinpath("indicator_catalogue.tsv").read_text("utf-8")
    return tuple(_read_catalogue(data))


_registered: dict[str, Indicator] = {}


def register_indicator(
    id: str,
    name: str,
    *,
    kind: str,
    units: Sequence[str],
    measure: str | Measure,
    phrases: Sequence[str],
    groups: bool = False,
) -> Indicator:
    """Add an indicator to the catalogue (or replace one of the same id): ``register_indicator("hospital_beds",
    "医疗卫生机构床位", kind="count", units=["张"], measure="level", phrases=["床位", "医疗卫生机构床位"])``."""
    if not id or not phrases:
        raise RegistryError("an indicator needs an id and at least one phrase that names it")
    try:
        entry = Indicator(id, name, kind, units, measure, phrases, groups)
    except ValueError as exc:
        raise RegistryError(f"indicator {id!r}: measure must be level, growth or reduction, got {measure!r}") from exc
    _registered[id] = entry
    _table.cache_clear()
    return entry


def unregister_indicator(id: str) -> None:
    """Remove an indicator added with :func:`register_indicator`."""
    if _registered.pop(id, None) is None:
        raise RegistryError(f"no registered indicator {id!r}; registered: {sorted(_registered) or 'none'}")
    _table.cache_clear()


def indicators() -> tuple[Indicator, ...]:
    """The catalogue in force: the built-in entries (those of the variant groups included) and yours."""
    return _table().entries


@attrs.frozen
class _Table:
    entries: tuple[Indicator, ...]
    by_id: dict[str, Indicator]
    by_phrase: dict[str, tuple[Indicator, ...]]
    patterns: tuple[tuple[regex.Pattern[str], Indicator], ...]
    longest: int
    stated_in: frozenset[tuple[str, str]]  # the (kind, unit) pairs any indicator is stated in


def _variants(entry: Indicator) -> list[Indicator]:
    if not entry.groups:
        return [entry]
    return [
        entry,
        attrs.evolve(entry, id=f"urban_{entry.id}", name=f"城镇{entry.name}", groups=False),
        attrs.evolve(entry, id=f"rural_{entry.id}", name=f"农村{entry.name}", groups=False),
    ]


@cache
def _table() -> _Table:
    merged = {e.id: e for e in _builtin()}
    merged.update(_registered)
    entries = tuple(v for e in merged.values() for v in _variants(e))
    by_phrase: dict[str, list[Indicator]] = {}
    patterns = []
    for entry in entries:
        if entry.id.startswith(("urban_", "rural_")) and entry.id[6:] in merged and merged[entry.id[6:]].groups:
            continue  # a group variant is reached through its base entry's phrases
        for phrase in entry.phrases:
            if "*" in phrase:
                parts = (regex.escape(part) for part in phrase.split("*"))
                patterns.append((regex.compile("(?:" + r"[^,;。:]{0,8}?".join(parts) + ")$"), entry))
            else:
                by_phrase.setdefault(phrase, []).append(entry)
    longest = max((len(p) for p in by_phrase), default=0)
    stated_in = frozenset((e.kind, unit) for e in entries for unit in e.units)
    by_id = {e.id: e for e in entries}
    return _Table(entries, by_id, {k: tuple(v) for k, v in by_phrase.items()}, tuple(patterns), longest, stated_in)


def may_state_one(metric: Metric) -> bool:
    """Whether some indicator is stated in the metric's kind and unit (most figures of a report are not)."""
    return (str(metric.kind), metric.unit) in _table().stated_in


@attrs.frozen
class ClauseHead:
    """A clause read from its end: the words left in front, and what the tail said."""

    text: str
    change: bool = False  # a change word stands between the phrase and the number
    level_after_change: bool = False  # 提高到, 降至
    average: bool = False
    respectively: bool = False  # 分别


def read_head(clause: str) -> ClauseHead:
    """Take the tail words (change, basis, verbs, targets) off the end of ``clause``."""
    text = _PARENS.sub("", clause).replace(" ", "").replace("\n", "")
    change = level = average = respectively = False
    seen_level_word = False
    for _ in range(_MAX_TAIL_STEPS * 2):
        word = next((w for w in _TAIL_BY_LAST.get(text[-1:], ()) if text.endswith(w)), None)
        if word is None:
            break
        if _ends_with_phrase(text):
            break  # 工业增加值: 增加 … is part of a name, not a tail word
        text = text[: -len(word)]
        if word in _LEVEL_AFTER_CHANGE and not change:
            seen_level_word = True
        if word in _CHANGE_WORDS:
            change = True
            level = level or seen_level_word
        average = average or word in _AVERAGE_WORDS
        respectively = respectively or word in ("分别", "均")
    return ClauseHead(text.lstrip(_LIST_GLUE), change, level, average, respectively)


def _ends_with_phrase(text: str) -> bool:
    table = _table()
    return any(text[i:] in table.by_phrase for i in range(max(0, len(text) - table.longest), len(text)))


def _phrase_at_end(text: str) -> tuple[str, tuple[Indicator, ...]] | None:
    """The longest catalogue phrase ``text`` ends with, and its entries."""
    table = _table()
    for i in range(max(0, len(text) - table.longest), len(text)):
        entries = table.by_phrase.get(text[i:])
        if entries:
            return text[i:], entries
    for pattern, entry in table.patterns:
        match = pattern.search(text)
        if match is not None:
            return match.group(), (entry,)
    return None


def _strip_front(before: str, regions: Sequence[str]) -> str:
    """``before`` without the region, period and lead words that may stand in front of a phrase."""
    for _ in range(6):
        stripped = _REGION_RE.sub("", before)
        stripped = _LEAD_RE.sub("", stripped)
        for region in regions:
            if region and stripped.endswith(region):
                stripped = stripped[: -len(region)]
        stripped = _DATE_OR_MARK.sub("", stripped)
        if stripped == before:
            break
        before = stripped
    return before


_LEVEL_WORD = regex.compile(r"(?:维吾尔|壮族|回族)?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗)$")


@lru_cache(maxsize=256)
def _region_names(region: str | None) -> tuple[str, ...]:
    """The document's region as it may stand in its own text: 吉林省 and 吉林, 广西壮族自治区 and 广西."""
    if not region:
        return ()
    full = fold(region)  # the clauses are read in the normalised view: 廣東省 is 广东省 there
    short = _LEVEL_WORD.sub("", full)
    return tuple(dict.fromkeys((full, short) if len(short) >= 2 else (full,)))


def _choose(entries: Sequence[Indicator], metric: Metric, head: ClauseHead) -> Indicator | None:
    """The entry of a phrase that fits the metric: its kind and unit, and whether a change is stated."""
    changed = (head.change and not head.level_after_change) or (
        metric.direction is not None and not head.level_after_change and not head.text.endswith(("到", "至"))
    )
    for entry in entries:
        if metric.unit not in entry.units or str(metric.kind) != entry.kind:
            continue
        if entry.measure is Measure.LEVEL and not changed:
            return entry
        if entry.measure is Measure.GROWTH and changed:
            return entry
        if entry.measure is Measure.REDUCTION and (changed or metric.direction is Direction.DOWN):
            return entry
    return None


def _with_group(entry: Indicator, group: str | None) -> Indicator:
    if group is None:
        return entry
    return _table().by_id.get(f"{group}_{entry.id}", entry)


def match_head(head: ClauseHead, metric: Metric, region: str | None = None) -> IndicatorMatch | bool | None:
    """The indicator the head of a clause names for ``metric``; ``False`` if it names a phrase that is not
    the region's own (a sub-region's or a sector's), ``None`` if it names none."""
    found = _phrase_at_end(head.text)
    if found is None:
        return None
    phrase, entries = found
    before = _strip_front(head.text[: -len(phrase)], _region_names(region))
    group = None
    if before and any(e.groups for e in entries):
        grouped = _GROUP_RE.search(before)
        if grouped is not None:
            group = "urban" if grouped.group("urban") else "rural"
            before = _strip_front(before[: grouped.start()], _region_names(region))
    if before:
        return False
    entry = _choose(entries, metric, head)
    if entry is None:
        return False
    return IndicatorMatch(_with_group(entry, group), phrase, head.average)


_OPENING = regex.compile(
    f"^(?:{alternation((*_REGION_WORDS, *_LEAD_WORDS))}"
    r"|(?:19|20)[0-9]{2}年度?|[\s\p{P}\p{S}])*"
)


def opening_phrase(clause: str, region: str | None = None) -> str | None:
    """The catalogue phrase a clause opens with (全省地区生产总值跨越…台阶 → 地区生产总值), if any."""
    text = _OPENING.sub("", clause, count=1)
    for name in _region_names(region):
        if text.startswith(name):
            text = _OPENING.sub("", text[len(name) :], count=1)
    table = _table()
    for size in range(min(len(text), table.longest), 1, -1):
        if text[:size] in table.by_phrase:
            return text[:size]
    return None


def carry(phrase: str, metric: Metric, head: ClauseHead) -> IndicatorMatch | None:
    """The indicator a clause that names nothing (增长5.1%) states after a clause that named ``phrase``."""
    entry = _choose(_table().by_phrase.get(phrase, ()), metric, head)
    return None if entry is None else IndicatorMatch(entry, phrase, head.average)


def carries(head: ClauseHead) -> bool:
    """Whether a clause names nothing of its own (增长5.1%, 总量达到…), so it continues the one before."""
    return head.text in _CARRY_WORDS or _strip_front(head.text, ()) in _CARRY_WORDS


def indicator_of(
    metric: Metric,
    clause: str,
    *,
    region: str | None = None,
    previous: IndicatorMatch | None = None,
) -> IndicatorMatch | None:
    """The indicator ``metric`` states, from ``clause`` (the words of its clause before the number).

    ``previous`` is the indicator of the sentence's earlier figure: a clause that names nothing itself
    (地区生产总值5.3万亿元,|增长|5.1%) takes its phrase. ``region`` is the report's own region, which may
    stand in front of a phrase (吉林省地区生产总值).
    """
    return indicator_of_head(read_head(clause), metric, region=region, previous=previous)


def indicator_of_head(
    head: ClauseHead, metric: Metric, *, region: str | None = None, previous: IndicatorMatch | None = None
) -> IndicatorMatch | None:
    """:func:`indicator_of` for a clause already read with :func:`read_head`."""
    found = match_head(head, metric, region)
    if isinstance(found, IndicatorMatch):
        return found
    if found is None and previous is not None and carries(head):
        entries = _table().by_phrase.get(previous.phrase, (previous.indicator,))
        entry = _choose(entries, metric, head)
        if entry is not None:
            previous_id = previous.indicator.id
            group = previous_id.split("_", 1)[0] if previous_id.startswith(("urban_", "rural_")) else None
            return IndicatorMatch(_with_group(entry, group), previous.phrase, head.average)
    return None


def get_indicator(id: str) -> Indicator:
    """The catalogue entry of ``id``."""
    try:
        return _table().by_id[id]
    except KeyError:
        raise RegistryError(f"unknown indicator {id!r}: see gongwen.indicators.indicators() for the ids") from None
