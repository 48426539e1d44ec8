"""The built-in metric extractor: every quantity of a report as typed, exact data (GUIDELINES §4).

A metric is a number (Arabic, Chinese or mixed, or masked: 10__, XX万元) with a unit or classifier, a
percentage, or a fraction. Around the number the extractor reads, in this order:

* a range (6—12周岁, 3到4万元, 一至两次, 两三个, 50%——80%);
* the unit, longest first from :mod:`gongwen.units` (万元 → 元 with magnitude 万);
* the qualifier from the words glued to it (近60万元, 93万余元, 6.5%左右, 不低于2000元) or just before it
  (至少有两名);
* the change it states (增长7.4%, 比上年下降3%: ``direction`` and ``basis``) and the period (2024年, 去年);
* the subject, the shortest phrase that names what is measured, with jieba's help.

Dates, years, ordinals and ranks, names and codes, slogans, article-like 一 and bare numbers are not
metrics; neither is anything in page noise or in a heading marker.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache

import attrs
import regex

from gongwen.context import Context
from gongwen.model import Direction, Metric, MetricKind, Qualifier, Span
from gongwen.errors import NotANumeralError
from gongwen.numerals import DIGITS, StopList, to_number
from gongwen.segment import pos_cut
from gongwen.textview import to_simplified
from gongwen.units import Unit, units

__all__ = ["MetricExtractor", "find_subject"]

_Q = Qualifier
_PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("不低于", _Q.AT_LEAST), ("不少于", _Q.AT_LEAST), ("至少", _Q.AT_LEAST),
    ("不超过", _Q.AT_MOST), ("最多", _Q.AT_MOST),
    ("将近", _Q.LESS_THAN), ("接近", _Q.LESS_THAN), ("不到", _Q.LESS_THAN), ("不足", _Q.LESS_THAN),
    ("未满", _Q.LESS_THAN), ("不满", _Q.LESS_THAN), ("低于", _Q.LESS_THAN), ("近", _Q.LESS_THAN),
    ("超过", _Q.MORE_THAN), ("高于", _Q.MORE_THAN), ("突破", _Q.MORE_THAN), ("逾", _Q.MORE_THAN),
    ("多于", _Q.MORE_THAN),
    ("大约", _Q.APPROX), ("约", _Q.APPROX),
)  # fmt: skip
_SUFFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("以上", _Q.AT_LEAST), ("以下", _Q.AT_MOST), ("以内", _Q.AT_MOST), ("之内", _Q.AT_MOST), ("内", _Q.AT_MOST),
    ("左右", _Q.APPROX), ("上下", _Q.APPROX), ("余", _Q.MORE_THAN), ("多", _Q.MORE_THAN),
)
# A classifier followed by these characters is the start of a word, not a unit: 校长, 方面, 人才.
_WORD_AFTER_UNIT = frozenset(
    ["校长", "方面", "家长", "所长", "期间", "期刊", "项目", "名单", "名称", "台阶", "本着", "本地", "本人", "本身", "条件", "条例", "部署", "处理", "批示", "批准", "张贴", "家庭", "家乡", "个别", "个体", "元旦", "元素", "次数", "门口", "人才", "人民", "人生", "人物", "人事", "人大", "人社", "人力", "人员", "周年", "期工", "期项", "组织", "班子", "班级", "班主", "台风", "份额", "场所", "场地", "起来", "起步", "本科", "处室", "种类", "类型", "条线", "支部", "支队", "座谈", "字样", "首届", "把关", "头等", "批次", "节日", "节约", "节点", "节能", "片区", "口号", "对象", "对口", "户籍", "户口", "间隔"]
)
_CLAUSE_END = frozenset(",。;:!?、)\n")
_UP = ("增长", "增加", "提高", "上升", "上涨", "增幅", "增", "提升", "多")
_DOWN = ("下降", "减少", "降低", "回落", "下滑", "缩小", "减", "降", "少")
_BASES = ("比上年同期", "比去年同期", "比上年", "比去年", "较上年", "较去年", "同比", "环比", "比上月", "比年初")

_NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二三四五六七八九十百千万亿两壹贰叁參肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?)"
_NUMERAL = rf"{_NUM}(?:{_NUM}|(?<=\d)[ \t]{{0,2}}\n?[ \t]{{0,2}}[万亿]+)*"
_NUMERAL_RE = regex.compile(_NUMERAL)
_MASK = r"(?:\d+[_＿]+|[_＿]{2,}|\d*[xX×]{2,}\d*)"
_CANDIDATE = regex.compile(
    rf"百分之(?P<pct>{_NUM})|(?P<den>{_NUM})分之(?P<nom>{_NUM})|(?P<mask>{_MASK})|(?P<num>{_NUMERAL})"
)
_RANGE_SEP = regex.compile(r"[ \t]*(?:—{1,2}|–|-{1,2}|~|～|至|到)[ \t]*")
_FRACTION = regex.compile(r"(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\d/])")
_COLON_RATIO = regex.compile(r"(?P<a>\d+(?:\.\d+)?):(?P<b>\d+(?:\.\d+)?)(?![\d:])")
_GAP = regex.compile(r"[ \t]{0,2}\n?[ \t]{0,2}")
_MONEY_WORDS = regex.compile(r"经费|资金|投入|投资|收入|支出|产值|总值|预算|拨款|金额|资产|营收|税收|财政")
_PERIOD = regex.compile(r"(?<![比较])(?:(?:\d{4}|20xx|20__|xxxx)年(?:度)?|去年|今年|上年|本年|明年|前年|同年)")
_PERCENT_CONTEXT = regex.compile(r"(?:率|面|比例|比重|占)[^,。;]{0,6}$")
_INDICATOR_AFTER = regex.compile(r"的?[^,。;:、\d]{0,8}率")
_ADJACENT_CN = regex.compile(r"(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])")
_DATE_AFTER_YEAR = frozenset("月度级代初底末中")
_TALLY = ("共计", "合计", "总计", "累计", "共", "仅", "只有", "计")
_QUOTE_OPEN, _QUOTE_CLOSE = "“‘《「『\"", "”’》」』\""
_DURATION_CUES_BEFORE = regex.compile(
    r"(?:连续|为期|历时|长达|达|满|近|超过|用了?|花了?|经过|坚持|已经|已|共|累计|前后|每|任期|服务|工作|缩短|延长|提前|至少|不少于)$"
)
_DURATION_CUES_AFTER = regex.compile(r"(?:以上|以下|以内|内|来|间|时间|之久|多|余|后|的时间|左右)")
_CLAUSE_STOP = frozenset(",。;:!?\n()\"'《》【】[]、")


@cache
def _unit_regex(table: tuple[Unit, ...]) -> regex.Pattern[str]:
    surfaces = sorted({u.surface for u in table}, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(s) for s in surfaces))


@cache
def _unit_lookup(table: tuple[Unit, ...]) -> dict[str, Unit]:
    lookup: dict[str, Unit] = {}
    for unit in table:
        lookup[unit.surface] = unit  # later registrations win
    return lookup


def _canonical(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    rounded = value.quantize(Decimal("0.000001"))
    return (rounded if rounded != value else value).normalize()


def _number(surface: str) -> Decimal | None:
    try:
        return to_number(regex.sub(r"\s+", "", surface))
    except NotANumeralError:
        return None


@attrs.frozen
class _Reading:
    """A number read in place: its span, value (or range) and unit, before context is applied."""

    start: int
    end: int
    value: Decimal | None
    unit: Unit | None
    low: Decimal | None = None
    high: Decimal | None = None
    redacted: bool = False
    qualifier: Qualifier = Qualifier.EXACT
    chinese_one: bool = False
    magnitude: str | None = None


@attrs.define
class MetricExtractor:
    """The built-in extractor, registered as ``"metrics"``.

    ``units`` replaces the unit table (default: :func:`gongwen.units.units`); ``stop`` the list of set
    phrases and codes whose numbers are not quantities.
    """

    name: str = "metrics"
    units: tuple[Unit, ...] | None = None
    stop: StopList | None = None

    def __call__(self, context: Context) -> Iterator[Metric]:
        table = self.units if self.units is not None else units()
        stop_spans = (self.stop or StopList.default()).spans(context.folded[context.span.start : context.span.end])
        offset = context.span.start
        blocked = [Span(s + offset, e + offset) for s, e in stop_spans]
        reader = _Reader(context, table, blocked)
        yield from reader.metrics()


class _Reader:
    def __init__(self, context: Context, table: tuple[Unit, ...], blocked: Sequence[Span]) -> None:
        self.context = context
        self.text = context.text
        self.folded = context.folded
        self.table = table
        self.unit_re = _unit_regex(table)
        self.lookup = _unit_lookup(table)
        self.blocked = blocked
        self.last_end = context.span.start
        self.previous: Metric | None = None

    def _blocked(self, start: int, end: int) -> bool:
        return self.context.skipped(start, end) or any(s.start < end and start < s.end for s in self.blocked)

    def metrics(self) -> Iterator[Metric]:
        folded, span = self.folded, self.context.span
        position = span.start
        while True:
            match = _CANDIDATE.search(folded, position, span.end)
            if match is None:
                return
            reading = self._read(match)
            if reading is None:
                position = match.start() + max(1, len(match.group()) if match.group("num") is None else 1)
                position = max(position, match.end() if match.group("num") else position)
                continue
            position = reading.end
            if self._blocked(reading.start, reading.end):
                continue
            metric = self._finish(reading)
            if metric is not None:
                self.last_end = reading.end
                self.previous = metric
                yield metric

    # reading the number and its unit -------------------------------------------------------------
    def _read(self, match: regex.Match[str]) -> _Reading | None:
        folded = self.folded
        start, end = match.span()
        before = folded[start - 1] if start else ""
        if (before.isascii() and before.isalnum()) or before in "第./-:":
            return None  # h1n1, top100, ordinals (第二), versions, dates (2023-01-12)
        if match.group("pct") is not None:
            value = _number(match.group("pct"))
            unit = Unit("%", "%", MetricKind.PERCENT)
            return None if value is None else _Reading(start, end, value, unit)
        if match.group("den") is not None:
            den, nom = _number(match.group("den")), _number(match.group("nom"))
            if not den or nom is None:
                return None
            return _Reading(start, end, _canonical(nom / den), Unit("", "", MetricKind.RATIO))
        if match.group("mask") is not None:
            return self._read_masked(start, end)
        return self._read_number(start, end, match.group("num"))

    def _read_masked(self, start: int, end: int) -> _Reading | None:
        folded = self.folded
        after = folded[end : end + 1]
        if after in ("年", "月", "日", "届") or folded[start - 1 : start] in ("x", "X"):
            return None
        unit_match = self.unit_re.match(folded, end)
        surface = folded[start:end]
        if after.isdigit() or after in "xX×" or folded[start - 1 : start] in "[【(":
            return None
        digits = "".join(c for c in surface if c.isdigit())
        if unit_match is None and digits in ("19", "20") and len(surface) == 4:
            return None  # a masked year: 20__, 20xx
        if unit_match is None:
            if not digits or after in "县镇村乡市区省年月日号届":
                return None  # a masked name (xx县), not a number
            return _Reading(start, end, None, None, redacted=True)
        unit = self.lookup[unit_match.group()]
        if unit.kind == MetricKind.DURATION and unit.surface in ("年", "日"):
            return None
        return _Reading(start, unit_match.end(), None, unit, redacted=True)

    def _read_number(self, start: int, end: int, surface: str) -> _Reading | None:
        folded = self.folded
        while surface and surface[-1] in ",.点":
            surface, end = surface[:-1], end - 1
        if not surface:
            return None
        low = high = None
        value = _number(surface)
        if value is None and surface in ("万", "千", "百", "亿") and folded[start - 1 : start] in ("近", "上", "逾", "约"):
            value = to_number("1" + surface)  # 近万名, 上千人
        if value is None:
            pair = _ADJACENT_CN.fullmatch(surface)  # 两三个, 四五所
            if pair is None or DIGITS[pair.group("a")] + 1 != DIGITS[pair.group("b")]:
                return None
            low, high = Decimal(DIGITS[pair.group("a")]), Decimal(DIGITS[pair.group("b")])
        fraction = _FRACTION.match(folded, start)
        if fraction is not None and value is not None and folded[fraction.end() : fraction.end() + 1] != "年":
            a, b = Decimal(fraction.group("a")), Decimal(fraction.group("b"))
            if b:
                return _Reading(start, fraction.end(), _canonical(a / b), Unit("", "", MetricKind.RATIO))
        ratio = _COLON_RATIO.match(folded, start)
        if ratio is not None and start and "\u4e00" <= folded[start - 1] <= "\u9fff":
            a, b = Decimal(ratio.group("a")), Decimal(ratio.group("b"))
            if b and b <= 100:
                return _Reading(start, ratio.end(), _canonical(a / b), Unit("", "", MetricKind.RATIO))
        if surface == "一" and folded.startswith("半", end):
            return _Reading(start, end + 1, Decimal("0.5"), Unit("", "", MetricKind.RATIO))
        position = end
        range_match = _RANGE_SEP.match(folded, position) if low is None else None
        if range_match is not None:
            second = _NUMERAL_RE.match(folded, range_match.end())
            second_value = None if second is None else _number(second.group())
            if second is not None and second_value is not None and value is not None:
                unit_after_first = self.unit_re.match(folded, position)
                if unit_after_first is None or folded.startswith(unit_after_first.group(), second.end()):
                    low, high, position = value, second_value, second.end()
        if low is not None and high is not None:
            value = None
            if range_match is not None and second is not None:
                shared = regex.search(r"[万亿]+$", second.group())
                if shared and not regex.search(r"[万亿千百十]$", surface):
                    low *= to_number("1" + shared.group())  # 3到4万亿元: the magnitude is shared
        mid_qualifier = Qualifier.EXACT
        gap = _GAP.match(folded, position)
        after_gap = gap.end() if gap else position
        for word in ("余", "多"):
            if folded.startswith(word, after_gap):
                mid_qualifier, after_gap = Qualifier.MORE_THAN, after_gap + 1
                late = regex.match(r"万亿|万|亿|千|百", folded[after_gap : after_gap + 2])
                if late is not None and value is not None:  # 200多万元
                    value *= to_number("1" + late.group())
                    after_gap += len(late.group())
                break
        if folded.startswith("大类", after_gap):
            after_gap += 1  # 五大类
        unit_match = self.unit_re.match(folded, after_gap)
        magnitude_match = regex.search(r"[万亿千百]+$", regex.sub(r"\s+", "", surface))
        magnitude = magnitude_match.group() if magnitude_match and any(c.isdigit() for c in surface) else None
        if unit_match is None:
            if (
                magnitude in ("万", "亿", "万亿")
                and value is not None
                and _MONEY_WORDS.search(folded, max(self.context.span.start, start - 15), start)
            ):
                unit = Unit("元", "元", MetricKind.MONEY)
                return _Reading(start, position, value, unit, low, high, qualifier=mid_qualifier, magnitude=magnitude)
            return None
        unit = self.lookup[unit_match.group()]
        if magnitude and not unit.takes_magnitude:
            return None
        end = unit_match.end()
        if low is None:
            # 50%——80%: the unit repeats after the second number
            again = _RANGE_SEP.match(folded, end)
            second = None if again is None else _NUMERAL_RE.match(folded, again.end())
            if second is not None and folded.startswith(unit_match.group(), second.end()):
                second_value = _number(second.group())
                if second_value is not None and value is not None:
                    low, high, value = value, second_value, None
                    end = second.end() + len(unit_match.group())
        if unit.surface == "天" and folded.startswith("半", end):
            end += 1
            value = None if value is None else value + Decimal("0.5")
        factor = unit.factor
        return _Reading(
            start,
            end,
            None if value is None else value * factor,
            unit,
            None if low is None else low * factor,
            None if high is None else high * factor,
            qualifier=mid_qualifier,
            chinese_one=surface == "一" and low is None,
            magnitude=magnitude,
        )

    # context: exclusions, qualifiers, change, subject ---------------------------------------------
    def _same_sentence(self, start: int, end: int) -> bool:
        return not any(p in self.folded[start:end] for p in "。!?\n")

    def _inside_quotes(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` sits in a short quoted phrase or a book title: “三个代表”, 《两只老虎》."""
        folded = self.folded
        lo = max(self.context.span.start, start - 12)
        hi = min(self.context.span.end, end + 12)
        opening = max(folded.rfind(q, lo, start) for q in _QUOTE_OPEN)
        if opening < 0 or any(q in folded[opening + 1 : start] for q in _QUOTE_CLOSE):
            return False
        closing = [i for i in (folded.find(q, end, hi) for q in _QUOTE_CLOSE) if i >= 0]
        return bool(closing) and not any(q in folded[end : min(closing)] for q in _QUOTE_OPEN)

    def _excluded(self, reading: _Reading) -> bool:
        folded = self.folded
        unit = reading.unit
        start = reading.start
        before2 = folded[max(0, start - 2) : start]
        if self._inside_quotes(start, reading.end):
            return True
        if unit is None:
            return False
        after = folded[reading.end : reading.end + 1]
        if folded[reading.end - 1 : reading.end + 1] in _WORD_AFTER_UNIT and len(unit.surface) == 1:
            return True
        if after == "级":
            return True  # weight classes and grades: 84公斤级
        chinese = not any(c.isdigit() for c in folded[start : reading.end])
        if chinese and (before2[-1:] == "周" or before2 in ("星期", "礼拜")):
            return True  # weekdays: 每周三组织
        if chinese and unit.kind == MetricKind.SCORE:
            return True  # 十分重视
        if unit.surface == "期" and folded.startswith(("工程", "项目"), reading.end):
            return True  # 二期工程
        if unit.kind == MetricKind.DURATION:
            if unit.surface == "年":
                value = reading.value if reading.value is not None else reading.high
                if reading.redacted or value is None or value >= 100 or after in _DATE_AFTER_YEAR:
                    return True
                if after == "来" or folded.startswith("年前", reading.end - 1):
                    return True
                lead = folded[max(self.context.span.start, start - 4) : start]
                if not (
                    reading.low is not None
                    or _DURATION_CUES_BEFORE.search(lead)
                    or _DURATION_CUES_AFTER.match(folded, reading.end)
                ):
                    return True  # 九年义务教育, 三年行动计划: a name, not a duration
            if unit.surface in ("日", "天") and "月" in before2[-1:]:
                return True
            if unit.surface == "周" and after in "年岁":
                return True
        if unit.kind == MetricKind.SCORE and before2[-1:] in ("时", "点"):
            return True
        if unit.kind == MetricKind.AGE and _INDICATOR_AFTER.match(folded, reading.end):
            return True  # 15周岁完成率: the age is part of the indicator's name
        if unit.surface == "名" and before2[-1:] in ("前", "后"):
            return True  # ranks: 前20名
        if unit.surface == "成" and after in "为立功绩果本员":
            return True
        if reading.chinese_one and not before2.endswith(_TALLY):
            tail = folded[reading.end : reading.end + 2]
            if not any(tail.startswith(word) for word, _ in _SUFFIX_QUALIFIERS[:4]):
                return True  # article-like 一: 一名教师, 一个学期
        return False

    def _finish(self, reading: _Reading) -> Metric | None:
        if self._excluded(reading):
            return None
        folded = self.folded
        start, end = reading.start, reading.end
        qualifier = reading.qualifier
        for word, meaning in _PREFIX_QUALIFIERS:
            if folded.startswith(word, start - len(word)) and not folded.startswith("达" + word, start - len(word) - 1):
                start -= len(word)
                qualifier = meaning
                break
        else:
            window = folded[max(self.context.span.start, start - 4) : start]
            for word, meaning in _PREFIX_QUALIFIERS[:3]:
                if word in window:
                    qualifier = meaning
                    break
        for word, meaning in _SUFFIX_QUALIFIERS:
            if folded.startswith(word, end) and not (word == "内" and folded.startswith("内容", end)):
                if word in ("余", "多") and folded[end + 1 : end + 2] not in _CLAUSE_END:
                    break
                if word == "内" and reading.low is not None:
                    break
                end += len(word)
                if qualifier is Qualifier.EXACT:
                    qualifier = meaning
                break
        unit = reading.unit
        kind: str = MetricKind.COUNT if unit is None else unit.kind
        if unit is None and _PERCENT_CONTEXT.search(folded, max(self.context.span.start, start - 12), start):
            kind = MetricKind.PERCENT
        direction, basis = _change(folded, max(self.context.span.start, start - 12), start)
        subject_span = find_subject(self.context, start, end, kind, floor=self.last_end)
        share = regex.search(r"(?:各占|占|占总量的|占全部的)$", folded[max(0, start - 6) : start]) is not None
        if share and self.previous is not None and self._same_sentence(self.previous.span.end, start):
            subject_span = self.previous.subject_span  # 吉水县24件(占13.33%)
        if subject_span is None and self.previous is not None and self._same_sentence(self.previous.span.end, start):
            subject_span = self.previous.subject_span  # 在职教师分别为483人、371人
        return Metric(
            span=Span(start, end),
            text=self.text[start:end],
            value=reading.value,
            unit="" if unit is None else unit.unit,
            kind=kind,
            qualifier=qualifier,
            low=reading.low,
            high=reading.high,
            magnitude=reading.magnitude,
            subject=None if subject_span is None else subject_span.of(self.text),
            subject_span=subject_span,
            redacted=reading.redacted,
            direction=direction,
            basis=basis,
            period=_period(self.text, folded, self.context.span.start, start),
            document=self.context.document,
        )


def _change(folded: str, lo: int, start: int) -> tuple[Direction | None, str | None]:
    window = folded[lo:start]
    direction = None
    for words, meaning in ((_UP, Direction.UP), (_DOWN, Direction.DOWN)):
        for word in words:
            if regex.search(rf"{word}(?:了|到|至|达)?$", window):
                direction = meaning
                break
        if direction:
            break
    if direction is None:
        return None, None
    basis = next((b for b in _BASES if b in window), None)
    return direction, basis


def _period(text: str, folded: str, lo: int, start: int) -> str | None:
    sentence_start = max(folded.rfind(p, lo, start) for p in "。;\n")
    found = None
    for found in _PERIOD.finditer(folded, max(lo, sentence_start + 1), start):
        pass
    return None if found is None else text[found.start() : found.end()]


# subjects --------------------------------------------------------------------------------------------
_LINK_WORDS = (
    "分别为", "分别是", "分别达", "分别", "总计", "共计", "合计", "累计", "总数", "达到", "均达", "均为", "已达",
    "约为", "共有", "又有", "已有", "还有", "现有", "为期", "各占", "共", "均", "达", "为", "是", "有", "计", "约",
    "近", "占", "了", "在", "由", "到", "至", "各", "等", "增加", "增长", "减少", "下降", "提高", "降低", "降至",
    "升至", "超过", "突破", "逾", "不低于", "不少于", "至少", "不超过", "最多", "将近", "接近", "不到", "不足",
    "未满", "高于", "低于", "大约", "多达", "只用", "用", "上涨", "上升", "回落", "下滑", "增幅", "提升", "平均",
    "同比", "环比", "比上年同期", "比去年同期", "比上年", "比去年", "较上年", "较去年", "比年初", "年均",
)  # fmt: skip
_LINK_WORDS_LONGEST_FIRST = tuple(sorted(_LINK_WORDS, key=len, reverse=True))
# After these the number is the object: the thing counted comes after it (有16个微型课题, 为期18天的校本培训).
_OBJECT_NEXT = ("有", "共有", "又有", "已有", "还有", "现有", "了", "等", "为期", "只用", "用")
# After these the noun before the verb is the subject (辍学率控制在0.2%以内).
_LINKING = ("在", "为", "到", "至", "达", "达到")
_PRONOUNS = frozenset(["我", "我们", "你们", "他们", "它们", "其", "该", "这", "那", "这些", "那些", "本", "各", "其中", "自己", "此", "每", "某"])
_STOP_FLAGS = frozenset({"p", "c", "d", "m", "q", "t", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x", "f", "y"})
_NOUN_FLAGS = ("n", "vn", "an", "j", "l", "b", "nz", "ng", "s", "i")
_PLACES = frozenset(["镇", "县", "乡", "市", "区", "省", "村", "全镇", "全县", "全乡", "全市", "全区", "全省", "我镇", "我县", "我乡", "我市", "我区", "我局", "我校", "本镇", "该镇"])
_PER = regex.compile(r"(?:每人|人均|生均|户均|每生|每校|每户)$")
_AFTER_TEXT = regex.compile(r"[^\d,。;:!?\n()“”\"《》]{1,14}")


def _strip_links(clause: str) -> tuple[str, str]:
    """``clause`` without the link words that end it (达, 为, 共计 …), and the last word removed."""
    removed = ""
    changed = True
    while changed and clause:
        changed = False
        for word in _LINK_WORDS_LONGEST_FIRST:
            if clause.endswith(word) and not (word == "用" and clause.endswith("费用")):
                clause, removed, changed = clause[: -len(word)], removed or word, True
                break
    return clause, removed


def find_subject(context: Context, start: int, end: int, kind: str = "", *, floor: int = 0) -> Span | None:
    """The span of the phrase that names what the quantity at ``[start, end)`` measures, or ``None``.

    The phrase is looked for in the clause before the number (总人口55983人 → 总人口; 投入总计55.57万元 →
    投入) and, where that clause ends in a verb or names nothing (辖20个村委会, 有16个微型课题, 2人获一等奖),
    right after it.
    """
    folded = context.folded
    lo = max(context.span.start, floor)
    clause_start = start
    while clause_start > lo and folded[clause_start - 1] not in _CLAUSE_STOP:
        clause_start -= 1
    raw = folded[clause_start:start]
    per = _PER.search(raw)
    if per is not None:
        return Span(clause_start + per.start(), clause_start + per.end())
    clause, removed = _strip_links(raw)
    per_time = regex.search(r"每(?:年|月|天|日|周|学期|季度)$", clause)
    if per_time is not None:  # 每年1000元补助: the thing paid comes after
        clause, removed = clause[: per_time.start()], "了"
    if clause.endswith("的"):
        clause = clause[:-1]  # 涉及市直属学校的8件
    if clause.endswith("”"):
        opening = clause.rfind("“")
        if opening >= 0 and len(clause) - opening > 2:
            return Span(clause_start + opening + 1, clause_start + len(clause) - 1)
    words = pos_cut(to_simplified(clause)) if clause.strip() else []
    ends_with_verb = bool(words) and words[-1][1].startswith("v") and words[-1][1] != "vn"
    before = None if ends_with_verb else _noun_phrase_before(words, clause_start)
    if before is not None and before.of(folded) in _PLACES:
        before = None  # 全市近万名中小学教师: the place is not what is counted
    if before is not None and removed not in _OBJECT_NEXT:
        return before
    after = _subject_after(folded, end, context.span.end)
    if after is not None and kind not in (MetricKind.COUNT, "") and not folded.startswith("的", end):
        after = None  # 投入近60万元武装土山幼儿园: money names its purpose, not its subject, after it
    if after is not None and (ends_with_verb or removed in _OBJECT_NEXT or before is None):
        return after
    if before is not None:
        return before
    if ends_with_verb:
        verb_start = clause_start + len(clause) - len(words[-1][0])
        if removed in _LINKING:
            return _noun_phrase_before(words[:-1], clause_start)  # 辍学率控制在; 调整为 → the sentence's subject
        return Span(verb_start, clause_start + len(clause))
    return None


def _noun_phrase_before(words: Sequence[tuple[str, str]], offset: int) -> Span | None:
    """The noun phrase that ends ``words`` (the clause cut into words), as a span of the text."""
    end = sum(len(word) for word, _ in words)
    start = end
    for position in range(len(words) - 1, -1, -1):
        word, flag = words[position]
        if word in ("和", "与", "及", "、") and start < end and position > 0:
            start -= len(word)  # keep 入学率和完成率 together
            continue
        if flag in _STOP_FLAGS or word in ("的", "之", "等") or word in _PRONOUNS or (word in _PLACES and start < end):
            break
        if flag.startswith("v") and flag != "vn" and start < end:
            break  # a verb before the noun phrase ends it: 颁发奖金 → 奖金
        start -= len(word)
    while start < end and words and "".join(w for w, _ in words)[start] in "和与及、":
        start += 1
    return None if start >= end else Span(offset + start, offset + end)


def _subject_after(folded: str, end: int, limit: int) -> Span | None:
    """The phrase right after a count that names what was counted: 20个村委会, 2人获一等奖."""
    position = end + 1 if folded.startswith("的", end) else end
    found = _AFTER_TEXT.match(folded, position, limit)
    if found is None:
        return None
    words = pos_cut(to_simplified(found.group()))
    if not words:
        return None
    length = 0
    seen_noun = False
    verb_led = not words[0][1].startswith(_NOUN_FLAGS)
    for word, flag in words:
        nominal = flag.startswith(_NOUN_FLAGS)
        if word in ("的", "中", "和", "与", "及", "等", "、") or word in _PRONOUNS or flag in ("x", "uj", "f", "m", "q"):
            break
        if seen_noun and not nominal:
            break
        if not verb_led and not nominal:
            break
        length += len(word)
        seen_noun = seen_noun or nominal
    if length == 0:
        return None
    return Span(position, position + length)
