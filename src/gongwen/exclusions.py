"""The exclusion rules: numbers read with a unit that are still not quantities (GUIDELINES §4).

The last step of reading a metric. Each rule is a small named function ``rule(folded, reading, context)
-> bool`` of the normalised text, the :class:`~gongwen.metric_numbers.Reading` and its context that says
the reading is no metric after all: a date or a year (2024年, 9月10日), a weekday, a time of day, an
ordinal or a rank (第一、二批, 前20名), a phase of a project (二期工程), a session of a body (十六届人大三次
会议), a grade (84公斤级), a word that starts with a classifier (两方面), a count that announces a list
(采取五项措施:), the article 一 (一名教师) … :data:`EXCLUSIONS` is the table the built-in extractor
applies, in order; ``MetricExtractor(exclusions=...)`` takes your own. A number in a short quoted phrase or
a book title (“三个代表”) is excluded before these rules, by :class:`Quotes`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import regex

from gongwen import lexicon
from gongwen.context import Context
from gongwen.metric_numbers import Reading
from gongwen.model import MetricKind
from gongwen.units import Unit

__all__ = [
    "EXCLUSIONS",
    "Exclusion",
    "Quotes",
    "age_in_indicator_name",
    "anniversary_or_age_week",
    "announces_a_list",
    "article_one",
    "bare_p_not_computing",
    "cheng_in_a_word",
    "chinese_score",
    "clock_time",
    "day_of_month",
    "degree_not_energy",
    "frequency",
    "grade_or_class",
    "listed_ordinal",
    "project_phase",
    "rank",
    "rules_for",
    "session_of_a_body",
    "size_in_group_name",
    "unit_starts_a_word",
    "weekday",
    "year_not_duration",
]

_INDICATOR_AFTER = regex.compile(r"的?[^,。;:、0-9]{0,8}率")
# An age or size bound that names a group whose size follows: 60岁及以上人口28.9万人, 0-17岁人口23万人,
# 56人以上大班额还有38个 (a size needs its 以上 or 以下: group "bound").
_GROUP_COUNTED = regex.compile(r"(?P<bound>及?以[上下])?的?[^,。;:、0-9\n]{1,6}?(?:还有|为|有|达|共|约)?[0-9]")
# What follows a count that announces a list: a colon before the clause ends (五项措施:), or the end of the
# sentence and the list's first marker (三个巩固提高工作。一是), or a title right after the classifier (两个《意见》).
_ANNOUNCED = regex.compile(
    r"[^,;。:!?\n]{0,12}:|[^,;。:!?\n]{0,12}。\s*(?:一是|首先|第一[,、]|\(一\)|\(1\)|1[、.]|①)|《"
)
# The rest of a list after a bare number, up to the unit its last item carries: 12、18个百分点, 3、5万元.
_LAST_DAY = 31  # the highest day of a month: 于12日 is a date, 45日 a number of days
# Words before N日 that make it a number of days (用时8日, 办理时限5日, 只需3个工作日), besides the duration cues.
_DAYS_BEFORE = regex.compile(r"(?:用时|耗时|时限|时长|期|需要?|只需|仅需|每|平均|最长|最短|不超过|为)$")
_PHASE_MAX = 9  # a phase of a project is a small number (二期, 三期); 68期 counts sessions
_SESSION_REACH = 12  # how far before 三次会议 the term (十六届) is looked for
_SESSION_AFTER = regex.compile(r"(?:全体)?(?:会议|全会)")
# A numbered term, and the name of the body after it: 十六届人大, 十三届全国委员会, 14届 (but not 本届).
_TERM_BEFORE = regex.compile(r"[一二三四五六七八九十0-9]届[^,。;:!?\s0-9]{0,8}$")
_ORDINAL_LIST_REACH = 12  # how far back 第 of a list of ordinals is looked for
_ORDINAL_JOINS = frozenset("、和及至到—-")
_ORDINAL_LIST = regex.compile(r"第(?:[0-9一二三四五六七八九十]{1,3}[、和及至到—-])+$")
_UNIT_CUE_REACH = 20  # how far before a bare P (or 度) the clause is read for 算力 (or 电)
_COMPUTING_AFTER = regex.compile(r"[^,。;:!?0-9]{0,4}?算力|智算")
_DURATION_BEFORE = regex.compile(f"(?:{lexicon.DURATION_CUES_BEFORE})$")
_DURATION_AFTER = regex.compile(f"(?:{lexicon.DURATION_CUES_AFTER})")
_QUOTE_OPEN_RE = regex.compile(f"[{regex.escape(lexicon.QUOTE_OPEN)}]")
_QUOTE_CLOSE_RE = regex.compile(f"[{regex.escape(lexicon.QUOTE_CLOSE)}]")
_QUOTE_REACH = 12  # how far a quotation mark may be from the number it encloses


class Quotes:
    """The quotation marks and book-title marks of a document, for :meth:`around`."""

    def __init__(self, folded: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.opens = [m.start() for m in _QUOTE_OPEN_RE.finditer(folded, start, end)]
        self.closes = [m.start() for m in _QUOTE_CLOSE_RE.finditer(folded, start, end)]

    def around(self, start: int, end: int) -> bool:
        """Whether ``start:end`` is in a short quoted phrase or a book title: “三个代表”, “五个一”, 《两只老虎》."""
        opens, closes = self.opens, self.closes
        last_open = bisect.bisect_left(opens, start) - 1
        if last_open < 0 or opens[last_open] < max(self.start, start - _QUOTE_REACH):
            return False  # no opening quote just before
        opening = opens[last_open]
        first_close = bisect.bisect_right(closes, opening)
        if first_close < len(closes) and closes[first_close] < start:
            return False  # the quote closed before the number
        after = bisect.bisect_left(closes, end)
        if after == len(closes) or closes[after] >= min(self.end, end + _QUOTE_REACH):
            return False  # no closing quote just after
        next_open = bisect.bisect_left(opens, end)
        return next_open == len(opens) or opens[next_open] >= closes[after]


# Exclusions: numbers with a unit that are not quantities (GUIDELINES §4). Each rule is a small function
# of the normalised text, the reading and its context; MetricExtractor(exclusions=...) takes your own.
Exclusion = Callable[[str, Reading, Context], bool]


def _chinese(folded: str, reading: Reading) -> bool:
    return not any(c.isdigit() for c in folded[reading.start : reading.end])


def _before(folded: str, reading: Reading, size: int = 2) -> str:
    return folded[max(0, reading.start - size) : reading.start]


def unit_starts_a_word(folded: str, reading: Reading, context: Context) -> bool:
    """The classifier is the first character of a word: 三校长, 两方面, 111人才工程."""
    unit = reading.unit
    word = folded[reading.end - 1 : reading.end + 1]
    return unit is not None and len(unit.surface) == 1 and word in lexicon.WORD_AFTER_UNIT


def grade_or_class(folded: str, reading: Reading, context: Context) -> bool:
    """A weight class or grade: 84公斤级."""
    return folded.startswith("级", reading.end)


def weekday(folded: str, reading: Reading, context: Context) -> bool:
    """A day of the week: 每周三组织, 星期二."""
    before = _before(folded, reading)
    return (before[-1:] == "周" or before in ("星期", "礼拜")) and _chinese(folded, reading)


def chinese_score(folded: str, reading: Reading, context: Context) -> bool:
    """十分 is 'very', not ten points: 十分重视."""
    return reading.unit is not None and reading.unit.kind == MetricKind.SCORE and _chinese(folded, reading)


def clock_time(folded: str, reading: Reading, context: Context) -> bool:
    """Minutes of a time of day: 8时30分."""
    unit = reading.unit
    return unit is not None and unit.kind == MetricKind.SCORE and _before(folded, reading)[-1:] in ("时", "点")


def project_phase(folded: str, reading: Reading, context: Context) -> bool:
    """The phase of a named project or facility, not a count (GUIDELINES §4): 二期工程, 会议中心二期,
    某某港三期污水处理设施, 二期开工建设 (but 举办培训班三期, 共68期, 开展二期培训 count sessions)."""
    unit = reading.unit
    if unit is None or unit.surface != "期":
        return False
    if folded.startswith(("工程", "项目"), reading.end):
        return True
    value = reading.value
    if value is None or value > _PHASE_MAX or reading.low is not None:
        return False
    lead = folded[max(context.span.start, reading.start - 4) : reading.start]
    if lead.endswith(lexicon.PHASE_COUNTED_AFTER):
        return False
    named = lead.endswith(lexicon.PHASE_NAME_ENDS)
    return named or folded.startswith(lexicon.PHASE_AFTER, reading.end)


def session_of_a_body(folded: str, reading: Reading, context: Context) -> bool:
    """A session of a congress or committee, numbered within its term (届): 十六届人大三次会议, 政协十三届二次
    会议, 十四届人大常委会三次全体会议 (but 召开两次常委会会议 counts meetings)."""
    unit = reading.unit
    if unit is None or unit.surface != "次" or _SESSION_AFTER.match(folded, reading.end) is None:
        return False
    lo = max(context.span.start, reading.start - _SESSION_REACH)
    return _TERM_BEFORE.search(folded, lo, reading.start) is not None


def _clause_lead(folded: str, reading: Reading, context: Context) -> str:
    """The clause before the reading, at most :data:`_UNIT_CUE_REACH` characters of it."""
    lead = folded[max(context.span.start, reading.start - _UNIT_CUE_REACH) : reading.start]
    return lead[max(lead.rfind(mark) for mark in "。;,\n") + 1 :]


def bare_p_not_computing(folded: str, reading: Reading, context: Context) -> bool:
    """A bare P is computing power (PFLOPS) only where the clause speaks of 算力: 智能算力达到300P, 建成
    500P算力 (but not 3P空调)."""
    unit = reading.unit
    if unit is None or unit.surface != "P":
        return False
    if "算力" in _clause_lead(folded, reading, context):
        return False
    return _COMPUTING_AFTER.match(folded, reading.end, reading.end + 6) is None


def degree_not_energy(folded: str, reading: Reading, context: Context) -> bool:
    """A bare 度 is a kilowatt-hour only where the clause before speaks of electricity (用电量3.5亿度, 节约电能
    120万度); otherwise it is a temperature, an angle or a grade (气温30度, 年度)."""
    unit = reading.unit
    if unit is None or unit.surface != "度":
        return False
    return "电" not in _clause_lead(folded, reading, context)


def frequency(folded: str, reading: Reading, context: Context) -> bool:
    """How often, not how long: 每两周至少开设一节."""
    unit = reading.unit
    return unit is not None and unit.kind == MetricKind.DURATION and _before(folded, reading)[-1:] == "每"


def year_not_duration(folded: str, reading: Reading, context: Context) -> bool:
    """A year, a date or a name rather than a number of years: 2024年, 2024年度, 60年代, 一年来, 九年义务教育."""
    if reading.unit is None or reading.unit.surface != "年":
        return False
    value = reading.value if reading.value is not None else reading.high
    after = folded[reading.end : reading.end + 1]
    if reading.redacted or value is None or value >= 100 or after in lexicon.DATE_AFTER_YEAR or after == "来":
        return True
    if folded.startswith("年前", reading.end - 1):
        return True
    lead = folded[max(context.span.start, reading.start - 4) : reading.start]
    cued = reading.low is not None or _DURATION_BEFORE.search(lead) or _DURATION_AFTER.match(folded, reading.end)
    return not cued


def day_of_month(folded: str, reading: Reading, context: Context) -> bool:
    """A date: 9月10日, and a day of the month named alone (于12日全文播发, 截至15日) where nothing makes
    it a number of days (为期5日, 连续3日, 30日内)."""
    unit = reading.unit
    if unit is None or unit.surface not in ("日", "天"):
        return False
    if _before(folded, reading)[-1:] == "月":
        return True
    value = reading.value
    if unit.surface != "日" or value is None or reading.low is not None or not 1 <= value <= _LAST_DAY:
        return False
    lead = folded[max(context.span.start, reading.start - 4) : reading.start]
    cued = _DURATION_BEFORE.search(lead) or _DAYS_BEFORE.search(lead) or _DURATION_AFTER.match(folded, reading.end)
    return not cued


def anniversary_or_age_week(folded: str, reading: Reading, context: Context) -> bool:
    """周 followed by 年 or 岁 is not weeks: 60周年."""
    unit = reading.unit
    return unit is not None and unit.surface == "周" and folded[reading.end : reading.end + 1] in ("年", "岁")


def age_in_indicator_name(folded: str, reading: Reading, context: Context) -> bool:
    """An age that is part of an indicator's name: 15周岁完成率, 60岁及以上人口28.9万人 (the metric is the
    rate, the head count)."""
    unit = reading.unit
    if unit is None or unit.kind != MetricKind.AGE:
        return False
    end = reading.end
    return _INDICATOR_AFTER.match(folded, end) is not None or _GROUP_COUNTED.match(folded, end) is not None


def size_in_group_name(folded: str, reading: Reading, context: Context) -> bool:
    """A size bound that names a group whose number follows: 56人以上大班额还有38个, 66人以上超大班额12个."""
    unit = reading.unit
    if unit is None or unit.kind != MetricKind.COUNT:
        return False
    group = _GROUP_COUNTED.match(folded, reading.end)
    return group is not None and group.group("bound") is not None


def listed_ordinal(folded: str, reading: Reading, context: Context) -> bool:
    """A later item of a list of ordinals: 第一、二批, 第1、2名 (the 第 covers every item)."""
    if folded[reading.start - 1 : reading.start] not in _ORDINAL_JOINS:
        return False  # the common case, without a search
    lo = max(context.span.start, reading.start - _ORDINAL_LIST_REACH)
    return _ORDINAL_LIST.search(folded, lo, reading.start) is not None


def rank(folded: str, reading: Reading, context: Context) -> bool:
    """A rank: 前20名."""
    unit = reading.unit
    return unit is not None and unit.surface == "名" and _before(folded, reading)[-1:] in ("前", "后")


def cheng_in_a_word(folded: str, reading: Reading, context: Context) -> bool:
    """成 starting a word is not tenths: 成为, 成立, 成绩."""
    unit = reading.unit
    return unit is not None and unit.surface == "成" and folded[reading.end : reading.end + 1] in "为立功绩果本员"


def announces_a_list(folded: str, reading: Reading, context: Context) -> bool:
    """A count in Chinese numerals that announces the list after it: 具体采取五项措施:(1)…, 拟分四个步骤开展工作:
    一是…, 着重抓三个巩固提高工作。一是…, 落实两个《意见》 (the items are named, not counted)."""
    unit = reading.unit
    if unit is None or unit.kind != MetricKind.COUNT or not _chinese(folded, reading):
        return False
    after = _ANNOUNCED.match(folded, reading.end, min(len(folded), reading.end + 24))
    return after is not None


def article_one(folded: str, reading: Reading, context: Context) -> bool:
    """一 as an article, not a count: 一名教师, 一个学期 (but 共1个, 一年以上)."""
    if not reading.chinese_one or _before(folded, reading).endswith(lexicon.TALLY):
        return False
    tail = folded[reading.end : reading.end + 2]
    return not any(tail.startswith(word) for word, _ in lexicon.SUFFIX_QUALIFIERS[:4])


#: The exclusion rules the built-in extractor applies, in order.
EXCLUSIONS: tuple[Exclusion, ...] = (
    unit_starts_a_word,
    grade_or_class,
    weekday,
    chinese_score,
    clock_time,
    project_phase,
    session_of_a_body,
    bare_p_not_computing,
    degree_not_energy,
    frequency,
    year_not_duration,
    day_of_month,
    anniversary_or_age_week,
    age_in_indicator_name,
    size_in_group_name,
    rank,
    listed_ordinal,
    cheng_in_a_word,
    article_one,
    announces_a_list,
)

# Which units each built-in rule can drop at all: a rule that names its unit's surface (期, 次, 年 …) or
# kind (score, duration …) is not tried on a reading of another unit, for it would say no. A rule not in
# this table (every rule of your own) is tried on every reading.
_SCOPE: dict[Exclusion, Callable[[Unit], bool]] = {
    unit_starts_a_word: lambda unit: len(unit.surface) == 1,
    chinese_score: lambda unit: unit.kind == MetricKind.SCORE,
    clock_time: lambda unit: unit.kind == MetricKind.SCORE,
    project_phase: lambda unit: unit.surface == "期",
    session_of_a_body: lambda unit: unit.surface == "次",
    bare_p_not_computing: lambda unit: unit.surface == "P",
    degree_not_energy: lambda unit: unit.surface == "度",
    frequency: lambda unit: unit.kind == MetricKind.DURATION,
    year_not_duration: lambda unit: unit.surface == "年",
    day_of_month: lambda unit: unit.surface in ("日", "天"),
    anniversary_or_age_week: lambda unit: unit.surface == "周",
    age_in_indicator_name: lambda unit: unit.kind == MetricKind.AGE,
    size_in_group_name: lambda unit: unit.kind == MetricKind.COUNT,
    rank: lambda unit: unit.surface == "名",
    cheng_in_a_word: lambda unit: unit.surface == "成",
    announces_a_list: lambda unit: unit.kind == MetricKind.COUNT,
}


def rules_for(exclusions: tuple[Exclusion, ...], unit: Unit) -> tuple[Exclusion, ...]:
    """The rules of ``exclusions`` that can drop a reading of ``unit``, in their order."""
    return tuple(rule for rule in exclusions if rule not in _SCOPE or _SCOPE[rule](unit))
