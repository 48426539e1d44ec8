"""The built-in metric extractor: every quantity of a report as typed, exact data (GUIDELINES §4).

A metric is a number (Arabic, Chinese or mixed, or masked: 10__, XX万元) with a unit or classifier, a
percentage, or a fraction. Around the number the extractor reads, in this order:

* a range (6—12周岁, 3到4万元, 4至6千元, 一至两次, 两三个, 七八万人, 50%——80%), never descending;
* the unit, longest first from :mod:`gongwen.units` (万元 → 元 with magnitude 万);
* the qualifier from the words glued to it (近60万元, 93万余元, 6.5%左右, 不低于2000元) or just before it
  (至少有两名);
* the change it states (增长7.4%, 比上年下降3%: ``direction`` and ``basis``), or the comparison
  (高于全国0.4个百分点: basis 全国, :mod:`gongwen.comparisons`), and the period (2024年, 去年);
* the words a list shares (分别超97.5%和99%, 4%、6%左右, 12、18个百分点: :mod:`gongwen.listed`);
* the subject, the shortest phrase that names what is measured, with jieba's help.

Dates, years, ordinals and ranks, names and codes, slogans, article-like 一 and bare numbers are not
metrics; neither is anything in page noise or in a heading marker.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs
import regex

from gongwen import lexicon
from gongwen.comparisons import comparison_before, dated_basis, next_basis
from gongwen.context import Context
from gongwen.errors import NotANumeralError
from gongwen.listed import carry_suffix_qualifiers, listed, prefix_qualifier
from gongwen.model import Direction, Metric, MetricKind, Qualifier, Span
from gongwen.numerals import DIGITS, MAX_NUMERAL_CHARS, StopList, has_invisible, split_by_invisible, to_number
from gongwen.spanindex import SpanIndex
from gongwen.subjects import find_subject, soft_break, subject_after, topic_before
from gongwen.textview import visible_before
from gongwen.units import Unit, units

__all__ = ["EXCLUSIONS", "Exclusion", "MetricExtractor", "Reading"]

_CN_DIGITS = "零〇一二三四五六七八九十百千万亿两壹贰叁參肆伍陆柒捌玖拾佰仟"
_NUM = rf"(?:[0-9]+(?:,[0-9]{{3}})*(?:\.\n?[0-9]+)?|[{_CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)"
# The repetition is possessive: a run of numeral characters pages long keeps no backtracking state (which
# made its scan superlinear), and nothing after it could make the engine take part of it back.
_NUMERAL = rf"{_NUM}(?:{_NUM}|(?<=[0-9])[ \t]{{0,2}}\n?[ \t]{{0,2}}[万亿]+)*+"
_NUMERAL_RE = regex.compile(_NUMERAL)
_MASK = r"(?:[0-9]+[_＿]+|[_＿]{2,}|[0-9]*[xX×]{2,}[0-9]*)"
# Every number of the text is found with this one scan, so it is written for speed: the lookahead on the
# characters a candidate can start with lets the engine skip the rest of the text quickly, and the standard
# library's ``re`` runs it faster than ``regex`` (it needs none of ``regex``'s features).
_CANDIDATE = re.compile(
    rf"(?=[0-9{_CN_DIGITS}_＿xX×])"
    rf"(?:百分之(?P<pct>{_NUM})|(?P<den>{_NUM})分之(?P<nom>{_NUM})|(?P<mask>{_MASK})|(?P<num>{_NUMERAL}))"
)
_LISTED_PAIR = regex.compile(r"、([一二两三四五六七八九]|[1-9])(?![0-9])")
_RANGE_SEP = regex.compile(r"[ \t]*(?:—{1,2}|–|-{1,2}|~|～|至|到)[ \t]*")
_PERCENT_RANGE = regex.compile(rf"[ \t]*(?:—{{1,2}}|–|-{{1,2}}|~|～|至|到)[ \t]*百分之(?P<pct>{_NUM})")
_FRACTION = regex.compile(r"(?P<a>[0-9]{1,3})/(?P<b>[0-9]{1,3})(?![0-9/])")
_COLON_RATIO = regex.compile(r"(?P<a>[0-9]{1,6}(?:\.[0-9]{1,4})?):(?P<b>[0-9]{1,4}(?:\.[0-9]{1,4})?)(?![0-9:.])")
_GAP = regex.compile(r"[ \t]{0,2}\n?[ \t]{0,2}")
_PERIOD = regex.compile(r"(?<![比较])(?:(?:[0-9]{4}|20xx|20__|xxxx)年(?:度)?|去年|今年|上年|本年|明年|前年|同年)")
_SENTENCE_BREAK = re.compile("[。;\n]")  # where the sentence that names a period ends
_PERCENT_CONTEXT = regex.compile(r"(?:率|面|比例|比重|占)[^,。;]{0,6}$")
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
_ARABIC_LIST = regex.compile(r"(?:[ \t]?[、和及与][ \t]?[0-9]{1,12}(?:\.[0-9]{1,6})?){1,6}(?P<mag>[万亿]*)")
# Two Chinese digits side by side are an approximate range (两三个, 七八万人, 三五百元, 四五十人, 一两个): the
# second is one more than the first, or 三五 (three to five); a magnitude after them applies to both.
_ADJACENT_CN = regex.compile(r"(?P<a>[一二两三四五六七八九])(?P<b>[二两三四五六七八九])(?P<mag>[十百千]?万?亿?)")
_LOOSE_PAIRS = frozenset(((3, 5),))
_RECENT = 8
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
_RESPECTIVELY_REACH = 40  # how far a 分别 list reaches on either side of one of its numbers
_MINUS = frozenset("-−")
_COUNT_NOUN_HEADS = frozenset("人户总次件个")  # 人数, 户数, 总数 …: 数 ends a word, not 数千
_LISTED = frozenset(("和", "、", "与", "及"))
_SIGNED_KINDS = frozenset((MetricKind.PERCENT, MetricKind.MONEY, MetricKind.OTHER))
_CLAUSE_MARKS = frozenset(",;。:!?")
_CLAUSE_END = frozenset(",。;:!?、)\n")
_MONEY_WORDS = regex.compile(lexicon.MONEY_WORDS)
_DURATION_BEFORE = regex.compile(f"(?:{lexicon.DURATION_CUES_BEFORE})$")
_DURATION_AFTER = regex.compile(f"(?:{lexicon.DURATION_CUES_AFTER})")
_WHITESPACE = regex.compile(r"\s+")
_TRAILING_MAGNITUDE = regex.compile(r"[万亿千百]+$")
_SHARED_MAGNITUDE = regex.compile(r"[千百]?[万亿]*$")
_ENDS_IN_UNIT_WORD = regex.compile(r"[万亿千百十]$")
_LATE_MAGNITUDE = regex.compile(r"万亿|万|亿|千|百")
# 约有3000人, 至少有两名, 最多可申请3次: a qualifier before a verb still qualifies the number.
_QUALIFIER_WORDS = "|".join(word for word, _ in lexicon.PREFIX_QUALIFIERS)
_QUALIFIER_BEFORE_VERB = regex.compile(f"(?P<word>{_QUALIFIER_WORDS})(?:有|为|是|达到?|可(?:申请|达|以)?|共|计)$")
_PREFIX_MEANING = dict(lexicon.PREFIX_QUALIFIERS)


def _by_character(pairs: Sequence[tuple[str, Qualifier]], index: int) -> dict[str, tuple[tuple[str, Qualifier], ...]]:
    """The qualifier words by their last (``index=-1``) or first (``0``) character, in the lexicon's order."""
    grouped: dict[str, list[tuple[str, Qualifier]]] = {}
    for word, meaning in pairs:
        grouped.setdefault(word[index], []).append((word, meaning))
    return {character: tuple(words) for character, words in grouped.items()}


# Only the words that can end right before the number (or start right after it) are tried.
_PREFIX_BY_LAST = _by_character(lexicon.PREFIX_QUALIFIERS, -1)
_SUFFIX_BY_FIRST = _by_character(lexicon.SUFFIX_QUALIFIERS, 0)
_QUOTE_OPEN_RE = regex.compile(f"[{regex.escape(lexicon.QUOTE_OPEN)}]")
_QUOTE_CLOSE_RE = regex.compile(f"[{regex.escape(lexicon.QUOTE_CLOSE)}]")
_ODD_POINT = regex.compile(r"。([0-9]+)(?=[%‰])")  # 0。05%: OCR put 。 for the decimal point
_BARE_MAGNITUDES = frozenset(("万", "千", "百", "亿"))
# A share right after 占 (吉水县24件(占13.33%)) or a ratio to something (经费支出…与国内生产总值之比为2.64%)
# measures the metric before it; 占总支出的20% names its own subject, 占总支出.
_SHARE = regex.compile(r"(?:各占|占|占总量的|占全部的|之比为?|之比是)$")
_CHANGE = {
    direction: regex.compile(f"(?:{'|'.join(words)})(?:了|到|至|达)?$")
    for direction, words in ((Direction.UP, lexicon.UP), (Direction.DOWN, lexicon.DOWN))
}


@attrs.frozen
class _UnitPatterns:
    """A unit table compiled for reading: the longest-first unit pattern, the follow test, the lookup."""

    unit: regex.Pattern[str]
    may_follow: regex.Pattern[str]
    lookup: dict[str, Unit]

    @classmethod
    def of(cls, table: tuple[Unit, ...]) -> _UnitPatterns:
        surfaces = sorted({u.surface for u in table}, key=len, reverse=True)
        initials = regex.escape("".join(sorted({u.surface[0] for u in table if u.surface})))
        # What must follow a numeral for _Reader._read_number to have anything to read: a cheap test that
        # most numerals of a report (进一步, 统一, 2023年3月) fail. It accepts a superset of what the reader
        # accepts: a unit (after a gap, 余/多, a late magnitude or 大), a range separator (or 、 between
        # one-digit numbers), a fraction or ratio, 一半, an OCR 。 point, or a numeral that may be trimmed
        # or ends in a magnitude (约5.6亿).
        may_follow = regex.compile(
            rf"[ \t]{{0,2}}\n?[ \t]{{0,2}}(?:[余多][万亿千百]{{0,2}})?大?[{initials}]"
            r"|[ \t]*(?:—|–|-|~|～|至|到)|[/:半]|。[0-9]|、[一二两三四五六七八九1-9]|(?<=[万亿千百十,.点])"
            r"|[ \t]?[、和及与][ \t]?[0-9]"
        )
        lookup = {unit.surface: unit for unit in table}  # later registrations win
        # A PDF line break may fall inside a unit (平方\n公里, 万人\n次): of_match reads it whole.
        broken = ("\n?".join(map(regex.escape, s)) for s in surfaces)
        return cls(regex.compile("|".join(broken)), may_follow, lookup)

    def of_match(self, match: regex.Match[str]) -> Unit:
        """The unit a match of :attr:`unit` names."""
        surface = match.group()
        return self.lookup[surface.replace("\n", "") if "\n" in surface else surface]


_compiled_tables: dict[int, tuple[tuple[Unit, ...], _UnitPatterns]] = {}


def _unit_patterns(table: tuple[Unit, ...]) -> _UnitPatterns:
    """The compiled table, looked up by identity: hashing a table of a hundred units per document costs
    more than reading the document's numbers. The entry keeps its table alive, so the id stays its own."""
    entry = _compiled_tables.get(id(table))
    if entry is None or entry[0] is not table:
        if len(_compiled_tables) >= 64:
            _compiled_tables.clear()
        entry = _compiled_tables[id(table)] = (table, _UnitPatterns.of(table))
    return entry[1]


def _canonical(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or exponent: 555700.00 → 555700, 98.90 → 98.9."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _scaled(value: Decimal | None, factor: Decimal) -> Decimal | None:
    """``value`` times a unit's factor, canonical (3.5成 → 35, not 35.0); ``None`` passes through.

    Every value, low and high of a reading is canonical: :func:`_number` reads them so, and each product
    (a factor, a shared magnitude, 200多万) is made canonical where it is formed."""
    if value is None or factor == 1:
        return value
    return _canonical(value * factor)


def _approximate_pair(surface: str) -> tuple[Decimal, Decimal] | None:
    """The range two neighbouring Chinese digits state (七八万 → 70000, 80000), or ``None``."""
    pair = _ADJACENT_CN.fullmatch(surface)
    if pair is None:
        return None
    a, b = DIGITS[pair.group("a")], DIGITS[pair.group("b")]
    if b != a + 1 and (a, b) not in _LOOSE_PAIRS:
        return None
    scale = to_number("1" + pair.group("mag")) if pair.group("mag") else Decimal(1)
    return Decimal(a) * scale, Decimal(b) * scale


def _fraction(numerator: Decimal, denominator: Decimal) -> Decimal:
    """A quotient, to six decimals where it does not end sooner: 1/5 → 0.2, 1/3 → 0.333333."""
    value = numerator / denominator
    rounded = value.quantize(Decimal("0.000001"))
    return _canonical(rounded if rounded != value else value)


_PLAIN = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
_SCALED = regex.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|万|亿)")
_SCALE = {"万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_MAX_DIGITS = 15


def _number(surface: str) -> Decimal | None:
    """The value of a numeral of the normalised text, or ``None`` if it is not one.

    A run of more than 15 digits is an identifier (an order or ID number), not a quantity; 15 digits with
    万亿 still fit the 28 digits of decimal arithmetic exactly.
    """
    if len(surface) > MAX_NUMERAL_CHARS or sum(c.isdigit() for c in surface) > _MAX_DIGITS:
        return None  # 一亿一亿… run on for pages: no quantity (and reading one costs its length squared)
    if _PLAIN.fullmatch(surface):
        return _canonical(Decimal(surface))  # the common case, without the general reader
    scaled = _SCALED.fullmatch(surface)
    if scaled is not None:  # 55.57万, 1.73亿
        return _canonical(Decimal(scaled.group(1)) * _SCALE[scaled.group(2)])
    try:
        return to_number(_WHITESPACE.sub("", surface))
    except NotANumeralError:
        return None


@attrs.frozen
class Reading:
    """A number read in place: its span, value (or range) and unit, before its context is looked at.

    Exclusion rules (:data:`EXCLUSIONS`) receive one and say whether it is not a metric after all.
    """

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
    phrases and codes whose numbers are not quantities; ``exclusions`` the rules that drop a number with a
    unit that is still not a quantity (default: :data:`EXCLUSIONS`, extend it with your own
    ``rule(folded, reading, context) -> bool``).
    """

    name: str = "metrics"
    units: tuple[Unit, ...] | None = None
    stop: StopList | None = None
    exclusions: tuple[Exclusion, ...] | None = None

    def __call__(self, context: Context) -> Iterator[Metric]:
        table = self.units if self.units is not None else units()
        stop_spans = (self.stop or StopList.default()).spans(context.folded[context.span.start : context.span.end])
        offset = context.span.start
        blocked = [(s + offset, e + offset) for s, e in stop_spans]
        exclusions = EXCLUSIONS if self.exclusions is None else self.exclusions
        reader = _Reader(context, table, blocked, exclusions, self.name)
        yield from reader.metrics()


class _Reader:
    def __init__(
        self,
        context: Context,
        table: tuple[Unit, ...],
        blocked: Sequence[tuple[int, int]],
        exclusions: tuple[Exclusion, ...],
        name: str,
    ) -> None:
        self.context = context
        self.exclusions = exclusions
        self.name = name
        self.text = context.text
        self.folded = context.folded
        patterns = _unit_patterns(table)
        self.unit_re = patterns.unit
        self.may_follow = patterns.may_follow
        self.unit_of = patterns.of_match
        self.blocked = SpanIndex(blocked)
        self.last_end = context.span.start
        self.recent: deque[Metric] = deque(maxlen=_RECENT)  # the last few metrics, for 分别
        document = (context.span.start, context.span.end)
        self.quote_opens = [m.start() for m in _QUOTE_OPEN_RE.finditer(self.folded, *document)]
        self.quote_closes = [m.start() for m in _QUOTE_CLOSE_RE.finditer(self.folded, *document)]
        self.periods = _Periods(self.text, self.folded, *document)
        self.invisible = has_invisible(self.text, *document)  # zero-width or control characters to look past

    @property
    def previous(self) -> Metric | None:
        """The metric read last."""
        return self.recent[-1] if self.recent else None

    def _blocked(self, start: int, end: int) -> bool:
        return self.context.skipped(start, end) or self.blocked.overlaps(start, end)

    def metrics(self) -> Iterator[Metric]:
        """Every metric of the context, in order, with the words a list shares carried to its items."""
        return carry_suffix_qualifiers(self.folded, self._metrics())

    def _metrics(self) -> Iterator[Metric]:
        folded, span = self.folded, self.context.span
        position = span.start
        while True:
            match = _CANDIDATE.search(folded, position, span.end)
            if match is None:
                return
            reading = self._read(match)
            if reading is None:
                position = match.end()
                continue
            position = reading.end
            if self._blocked(reading.start, reading.end):
                continue
            metric = self._finish(reading)
            if metric is not None:
                self.last_end = reading.end
                self.recent.append(metric)
                yield metric

    # reading the number and its unit -------------------------------------------------------------
    def _read(self, match: re.Match[str]) -> Reading | None:
        folded = self.folded
        start, end = match.span()
        before = folded[start - 1] if start else ""
        if before in _MINUS and match.group("num") is not None and self._negative(start):
            return self._read_negative(start, end, match.group("num"))
        if self.invisible:
            if split_by_invisible(self.text, folded, start, end):
                return None  # 5\u200b5.57万元: neither 5 nor 5.57万元 is the number written
            visible = visible_before(self.text, start)
            before = folded[visible] if visible >= 0 else ""  # 第\u200b5名 is still an ordinal
        if before and ((before.isascii() and before.isalnum()) or before in "第./-:"):
            return None  # h1n1, top100, ordinals (第二), versions, dates (2023-01-12)
        if match.group("pct") is not None:
            value = _number(match.group("pct"))
            unit = Unit("%", "%", MetricKind.PERCENT)
            if value is None:
                return None
            second = _PERCENT_RANGE.match(folded, end)  # 百分之五到百分之十
            high = None if second is None else _number(second.group("pct"))
            if second is not None and high is not None and value <= high:
                return Reading(start, second.end(), None, unit, value, high)
            return Reading(start, end, value, unit)
        if match.group("den") is not None:
            den, nom = _number(match.group("den")), _number(match.group("nom"))
            if not den or nom is None:
                return None
            return Reading(start, end, _fraction(nom, den), Unit("", "", MetricKind.RATIO))
        if match.group("mask") is not None:
            return self._read_masked(start, end)
        if self.may_follow.match(folded, end) is None:
            return None
        return self._read_number(start, end, match.group("num"))

    def _bare_magnitude_is_a_number(self, start: int, end: int) -> bool:
        """Whether 万, 千, 百 or 亿 standing alone means one of it: 近万名, 上千人, 千余人 (but not 几百余)."""
        folded = self.folded
        if folded[start - 1 : start] in ("近", "上", "逾", "约"):
            return True
        if folded[end : end + 1] not in ("余", "多"):
            return False
        before = folded[start - 1 : start]
        word_end = before == "数" and folded[start - 2 : start - 1] in _COUNT_NOUN_HEADS
        indefinite = before in ("几", "成") or (before == "数" and not word_end)
        return not indefinite  # 几百余人, 数千多人, 成千余人 (but 人数千余人)

    def _negative(self, start: int) -> bool:
        """Whether the minus before ``start`` is a sign (增长-3.2%), not a hyphen (2023-01, 6-12岁, A-3)."""
        folded = self.folded
        if not "0" <= folded[start] <= "9":
            return False
        if start - 2 < self.context.span.start:
            return True
        previous = folded[start - 2]
        return not (previous.isascii() and previous.isalnum()) and previous not in "-−—~～"

    def _read_negative(self, start: int, end: int, surface: str) -> Reading | None:
        """A number with a minus sign: 增长-3.2%, 同比-12.5%, 平均气温-2.5℃."""
        reading = self._read_number(start, end, surface)
        if reading is None or reading.value is None or reading.low is not None or reading.unit is None:
            return None
        if reading.unit.kind not in _SIGNED_KINDS:
            return None  # a count or a size is not negative: -5个 is a list item
        return attrs.evolve(reading, start=start - 1, value=-reading.value)

    def _read_masked(self, start: int, end: int) -> Reading | None:
        folded = self.folded
        after = folded[end : end + 1]
        if after in ("年", "月", "日", "届") or folded[start - 1 : start] in ("x", "X"):
            return None
        position = end + 1 if folded[end : end + 1] in ("余", "多") else end  # 20xx余名
        magnitude = _LATE_MAGNITUDE.match(folded, position)  # XX万元
        unit_match = self.unit_re.match(folded, magnitude.end() if magnitude else position)
        surface = folded[start:end]
        if after.isdigit() or after in "xX×" or (start and folded[start - 1] in "[【("):
            return None
        digits = "".join(c for c in surface if c.isdigit())
        if unit_match is None and digits in ("19", "20") and len(surface) == 4:
            return None  # a masked year: 20__, 20xx
        if unit_match is None:
            if not digits or after in "县镇村乡市区省年月日号届":
                return None  # a masked name (xx县), not a number
            return Reading(start, end, None, None, redacted=True)
        unit = self.unit_of(unit_match)
        if unit.kind == MetricKind.DURATION and unit.surface in ("年", "日"):
            return None
        return Reading(start, unit_match.end(), None, unit, redacted=True)

    def _read_number(self, start: int, end: int, surface: str) -> Reading | None:
        """A number and what follows it: a range, 余/多, a magnitude, the unit."""
        folded = self.folded
        surface, end = self._trim(surface, end)
        if not surface:
            return None
        low = high = None
        value = _number(surface)
        if value is None and surface in _BARE_MAGNITUDES and self._bare_magnitude_is_a_number(start, end):
            value = to_number("1" + surface)  # 近万名, 上千人, 千余人, 百余名
        if value is None:
            pair = _approximate_pair(surface)  # 两三个, 四五所, 七八万人, 三五百元
            if pair is None:
                return None
            low, high = pair
        else:
            special = self._special_form(start, end, surface)
            if special is not None:
                return special
            low, high, end = self._range(value, surface, end)
            if low is None:
                low, high, end = self._listed_pair(value, surface, start, end)
            if low is not None:
                value = None
        mid_qualifier, value, after = self._approximately(value, end)
        unit_match = self.unit_re.match(folded, after)
        magnitude_match = _TRAILING_MAGNITUDE.search(_WHITESPACE.sub("", surface))
        magnitude = magnitude_match.group() if magnitude_match and any(c.isdigit() for c in surface) else None
        if unit_match is None and value is not None and low is None:
            shared = self._unit_after_list(after, surface)  # 12、18个百分点: the last item's unit is shared
            if shared is not None:
                unit, scale = shared
                return Reading(start, end, _canonical(value * scale * unit.factor), unit, qualifier=mid_qualifier)
        if unit_match is None:
            if magnitude in ("万", "亿", "万亿") and value is not None and self._about_money(start):
                unit = Unit("元", "元", MetricKind.MONEY)  # 总计约5.6亿: money named before it
                return Reading(start, end, value, unit, low, high, qualifier=mid_qualifier, magnitude=magnitude)
            return None
        unit = self.unit_of(unit_match)
        if magnitude and not unit.takes_magnitude:
            return None
        end = unit_match.end()
        if low is None and value is not None:
            low, high, end = self._range_with_repeated_unit(value, unit_match.group(), end)
            if low is not None:
                value = None
        if unit.surface == "天" and folded.startswith("半", end):
            end += 1  # 8天半
            value = None if value is None else value + Decimal("0.5")
        factor = unit.factor
        if factor != 1:  # 3.5成 → 35
            value, low, high = _scaled(value, factor), _scaled(low, factor), _scaled(high, factor)
        return Reading(
            start,
            end,
            value,
            unit,
            low,
            high,
            qualifier=mid_qualifier,
            chinese_one=surface == "一" and low is None,
            magnitude=magnitude,
        )

    def _trim(self, surface: str, end: int) -> tuple[str, int]:
        """The numeral without trailing punctuation, a unit's first character, or an OCR 。 point."""
        folded = self.folded
        while surface and surface[-1] in ",.点":
            surface, end = surface[:-1], end - 1
        if len(surface) > 1 and surface[-1] in "千百十" and surface[0].isdigit():
            unit_here = self.unit_re.match(folded, end - 1)
            if unit_here is not None and len(unit_here.group()) > 1:
                surface, end = surface[:-1], end - 1  # 123.4亿千瓦时, 2.3百分点: the unit starts there
        odd = _ODD_POINT.match(folded, end) if surface.isdigit() else None
        if odd is not None:
            surface, end = f"{surface}.{odd.group(1)}", odd.end()  # 0。05%
        return surface, end

    def _special_form(self, start: int, end: int, surface: str) -> Reading | None:
        """A fraction (1/5), a ratio (生机比4.39:1) or a half (一半)."""
        folded = self.folded
        ratio_unit = Unit("", "", MetricKind.RATIO)
        fraction = _FRACTION.match(folded, start)
        if fraction is not None and folded[fraction.end() : fraction.end() + 1] != "年":
            a, b = Decimal(fraction.group("a")), Decimal(fraction.group("b"))
            if b:
                return Reading(start, fraction.end(), _fraction(a, b), ratio_unit)
        ratio = _COLON_RATIO.match(folded, start)
        if ratio is not None and start and "\u4e00" <= folded[start - 1] <= "\u9fff":
            a, b = Decimal(ratio.group("a")), Decimal(ratio.group("b"))
            clock = len(ratio.group("b")) == 2 and a == int(a) and a <= 24  # 14:30 is a time
            if b and b <= 100 and not clock:
                return Reading(start, ratio.end(), _fraction(a, b), ratio_unit)
        if surface == "一" and folded.startswith("半", end):
            return Reading(start, end + 1, Decimal("0.5"), ratio_unit)
        return None

    def _range(self, value: Decimal, surface: str, end: int) -> tuple[Decimal | None, Decimal | None, int]:
        """A range written 6—12, 3到4万, 一至两: ``(low, high, end)``, or ``(None, None, end)``."""
        folded = self.folded
        separator = _RANGE_SEP.match(folded, end)
        second = None if separator is None else _NUMERAL_RE.match(folded, separator.end())
        high = None if second is None else _number(second.group())
        if second is None or high is None:
            return None, None, end
        unit_after_first = self.unit_re.match(folded, end)
        if unit_after_first is not None and not folded.startswith(unit_after_first.group(), second.end()):
            return None, None, end
        low = value
        shared = _SHARED_MAGNITUDE.search(second.group())
        if shared and shared.group() and not _ENDS_IN_UNIT_WORD.search(surface):
            scaled = _canonical(low * to_number("1" + shared.group()))  # 3到4万亿元, 4至6千元: it is shared
            if scaled <= high:
                low = scaled  # but not where that puts it above the second (九至一百人)
        if low > high:
            return None, None, end  # a descending pair is no range: 由8%至5% states a change
        return low, high, second.end()

    def _listed_pair(
        self, value: Decimal, surface: str, start: int, end: int
    ) -> tuple[Decimal | None, Decimal | None, int]:
        """Two neighbouring one-digit numbers listed as a range: 三、四所, 3、4所 (3 to 4), but not the end
        of a longer list (2、3、4所) or a heading marker and a count (2、3所学校通过验收)."""
        listed = len(surface) == 1 and self.folded[start - 1 : start] != "、" and not self.context.skipped(end, end + 1)
        pair = _LISTED_PAIR.match(self.folded, end) if listed else None
        if pair is None or surface.isdigit() != pair.group(1).isdigit():
            return None, None, end
        high = _number(pair.group(1))
        return (value, high, pair.end()) if high == value + 1 else (None, None, end)

    def _range_with_repeated_unit(
        self, value: Decimal, unit: str, end: int
    ) -> tuple[Decimal | None, Decimal | None, int]:
        """A range whose unit is written twice: 50%——80%."""
        folded = self.folded
        again = _RANGE_SEP.match(folded, end)
        second = None if again is None else _NUMERAL_RE.match(folded, again.end())
        if second is None or not folded.startswith(unit, second.end()):
            return None, None, end
        high = _number(second.group())
        if high is None or value > high:
            return None, None, end  # 由8%至5%: a change from one to the other, not a range
        return value, high, second.end() + len(unit)

    def _unit_after_list(self, after: int, surface: str) -> tuple[Unit, Decimal] | None:
        """The unit (and the magnitude, where the number has none) that the last item of the list after a
        bare number gives it: 分别提高12、18个百分点, 分别为3、5万元. Only lists of Arabic numbers: in Chinese
        numerals 三、五十人 may be a range and 一、二、三 a list of names."""
        tail = _ARABIC_LIST.match(self.folded, after) if surface[-1].isdigit() else None
        if tail is None:
            return None
        unit_match = self.unit_re.match(self.folded, tail.end())
        if unit_match is None:
            return None
        unit = self.unit_of(unit_match)
        scale = Decimal(1)
        if tail.group("mag") and not _ENDS_IN_UNIT_WORD.search(surface):
            if not unit.takes_magnitude:
                return None
            scale = to_number("1" + tail.group("mag"))
        return unit, scale

    def _approximately(self, value: Decimal | None, end: int) -> tuple[Qualifier, Decimal | None, int]:
        """余 or 多 between a number and its unit (93万余元, 200多万元): the qualifier, value and next offset."""
        folded = self.folded
        gap = _GAP.match(folded, end)
        after = gap.end() if gap else end
        qualifier = Qualifier.EXACT
        if folded[after : after + 1] in ("余", "多"):
            qualifier, after = Qualifier.MORE_THAN, after + 1
            late = _LATE_MAGNITUDE.match(folded, after, after + 2)
            if late is not None and value is not None:  # 200多万元
                value = _canonical(value * to_number("1" + late.group()))
                after += len(late.group())
        if folded.startswith("大类", after):
            after += 1  # 五大类
        return qualifier, value, after

    def _about_money(self, start: int) -> bool:
        return bool(_MONEY_WORDS.search(self.folded, max(self.context.span.start, start - 15), start))

    # context: exclusions, qualifiers, change, subject ---------------------------------------------
    def _qualified(self, reading: Reading) -> tuple[int, int, Qualifier]:
        """The span widened by the qualifying words glued to it (近, 约, 以上 …), and its qualifier."""
        folded, floor = self.folded, self.context.span.start
        start, end, qualifier = reading.start, reading.end, reading.qualifier
        for word, meaning in _PREFIX_BY_LAST.get(folded[start - 1 : start], ()):
            lead = start - len(word)
            if lead >= floor and folded.startswith(word, lead) and not folded.endswith("达", 0, lead):
                start, qualifier = lead, meaning  # but 达不到80分以上 is not 不到
                break
        else:
            before_verb = _QUALIFIER_BEFORE_VERB.search(folded, max(floor, start - 6), start)
            if before_verb is not None:
                qualifier = _PREFIX_MEANING[before_verb.group("word")]
        for word, meaning in _SUFFIX_BY_FIRST.get(folded[end : end + 1], ()):
            if not folded.startswith(word, end) or (word == "内" and folded.startswith("内容", end)):
                continue
            if word in ("余", "多") and folded[end + 1 : end + 2] not in _CLAUSE_END:
                break  # 3间多媒体教室: 多 starts the next word
            if word == "内" and reading.low is not None:
                break  # 在3—5年内实现: the range says it all
            end += len(word)
            if qualifier is Qualifier.EXACT:
                qualifier = meaning
            break
        return start, end, qualifier

    def _subject(self, start: int, end: int, kind: str) -> Span | None:
        """The subject, with what the previous metric of the same sentence tells about it."""
        folded, previous = self.folded, self.previous
        subject_span = find_subject(self.context, start, end, kind, floor=self.last_end)
        if previous is None or not self._same_sentence(previous.span.end, start):
            return subject_span or topic_before(self.context, start, floor=self.last_end)  # 居民收入,提升至5万元
        if subject_span is None:
            subject_span = self._respectively(start)
        named_previous = subject_span is not None and subject_span == previous.subject_span
        if named_previous and subject_span is not None and subject_span.start >= previous.span.end:
            return subject_after(folded, end, self.context.span.end) or subject_span  # 辖20个村委会42个村民小组
        if subject_span is None and ";" in folded[previous.span.end : start]:
            # 地区生产总值5600亿元;财政收入迈过千亿大关,达1330亿元: a new item of the list names its own topic
            topic = topic_before(self.context, start, floor=self.last_end)
            if topic is not None:
                return topic
        if subject_span is None or _SHARE.search(folded, max(0, start - 6), start):
            return previous.subject_span  # 在职教师分别为483人、371人; 吉水县24件(占13.33%)
        return subject_span

    def _respectively(self, start: int) -> Span | None:
        """After 分别, the subject of the metric this number pairs with: in 接待游客4500万人次,实现旅游收入
        520亿元,分别增长15%和18%, 15% measures 游客 and 18% 旅游收入."""
        folded = self.folded
        lo = max(self.context.span.start, start - _RESPECTIVELY_REACH)
        hi = min(self.context.span.end, start + _RESPECTIVELY_REACH)
        if folded.find("分别", lo, start) < 0:
            return None
        clause_start = start
        while clause_start > lo and not self._ends_clause(clause_start - 1):
            clause_start -= 1
        position = folded.find("分别", clause_start, start)
        if position < 0 or position - clause_start > 1:
            return None  # no 分别, or the clause names its own subject before it (达标率分别达到100%、99.5%)
        clause_end = start
        while clause_end < hi and not self._ends_clause(clause_end):
            clause_end += 1
        listed = sum(1 for _ in _CANDIDATE.finditer(folded, position, clause_end))
        before = [m for m in self.recent if m.span.end <= position and self._same_sentence(m.span.end, start)]
        after = sum(1 for m in self.recent if m.span.start > position)  # this number's place in the list
        if listed < 2 or len(before) < listed or after >= listed:
            return None
        return before[after - listed].subject_span

    def _subject_text(self, span: Span) -> str:
        """The subject's text; where it runs across lines, without the line breaks and the page furniture
        between them (一般公共预\n算支出 → 一般公共预算支出)."""
        text = self.text[span.start : span.end]
        if "\n" not in self.folded[span.start : span.end]:  # any line end: \r, U+2028 …
            return text
        skipped = self.context.skipped
        return "".join(
            char for i, char in enumerate(text, span.start) if not char.isspace() and not skipped(i, i + 1)
        )

    def _compared_before(self, unit: str) -> bool:
        """Whether the metric before, of the same unit, states a comparison with a place (no time basis)."""
        previous = self.previous
        return (
            previous is not None
            and previous.unit == unit
            and previous.direction is not None
            and previous.basis is not None
            and previous.basis not in lexicon.BASES
            and not previous.basis.startswith(("比", "较", "与"))
        )

    def _change_listed_before(self, start: int, kind: str) -> Metric | None:
        """The metric of the same kind stating a change that the number at ``start`` is listed after (和, 、)."""
        previous = self.previous
        if previous is None or previous.direction is None or previous.kind != kind:
            return None
        return previous if "".join(self.folded[previous.span.end : start].split()) in _LISTED else None

    def _ends_clause(self, offset: int) -> bool:
        """Whether the character at ``offset`` ends a clause: , ; 。 and the like, or a line break that is not
        a PDF one."""
        char = self.folded[offset]
        return char in _CLAUSE_MARKS or (char == "\n" and not soft_break(self.context, offset))

    def _same_sentence(self, start: int, end: int) -> bool:
        """Whether no sentence ends between ``start`` and ``end`` (a PDF line break does not end one)."""
        between = self.folded[start:end]
        if "。" in between or "!" in between or "?" in between:
            return False
        newline = between.find("\n")
        while newline >= 0:
            if not soft_break(self.context, start + newline):
                return False
            newline = between.find("\n", newline + 1)
        return True

    def _inside_quotes(self, reading: Reading) -> bool:
        """In a short quoted phrase or a book title: “三个代表”, “五个一”, 《两只老虎》."""
        opens, closes = self.quote_opens, self.quote_closes
        start, end = reading.start, reading.end
        last_open = bisect.bisect_left(opens, start) - 1
        if last_open < 0 or opens[last_open] < max(self.context.span.start, start - 12):
            return False  # no opening quote just before
        opening = opens[last_open]
        first_close = bisect.bisect_right(closes, opening)
        if first_close < len(closes) and closes[first_close] < start:
            return False  # the quote closed before the number
        after = bisect.bisect_left(closes, end)
        if after == len(closes) or closes[after] >= min(self.context.span.end, end + 12):
            return False  # no closing quote just after
        next_open = bisect.bisect_left(opens, end)
        return next_open == len(opens) or opens[next_open] >= closes[after]

    def _excluded(self, reading: Reading) -> bool:
        if self._inside_quotes(reading):
            return True
        if reading.unit is None:
            return False
        folded, context = self.folded, self.context
        return any(rule(folded, reading, context) for rule in self.exclusions)

    def _finish(self, reading: Reading) -> Metric | None:
        """The metric a reading makes in its context, or ``None`` if an exclusion rule drops it."""
        if self._excluded(reading):
            return None
        folded = self.folded
        start, end, qualifier = self._qualified(reading)
        unit = reading.unit
        previous = self.previous
        if qualifier is Qualifier.EXACT and previous is not None and listed(folded, previous.span.end, start):
            shared = prefix_qualifier(previous) if unit is not None and previous.unit == unit.unit else None
            qualifier = shared or qualifier  # 分别超97.5%和99%: 超 covers 99% too
        kind: str = MetricKind.COUNT if unit is None else unit.kind
        if unit is None and _PERCENT_CONTEXT.search(folded, max(self.context.span.start, start - 12), start):
            kind = MetricKind.PERCENT  # 家访面达到10__: the masked unit was a percentage
        direction, basis = _change(folded, max(self.context.span.start, start - 12), start)
        named_before = start  # where the clause that names the subject ends
        if direction is None:
            compared = comparison_before(folded, max(self.context.span.start, self.last_end), start)
            if compared is not None:  # 增速高于全国0.4个百分点: the basis is no subject
                direction, basis, named_before = compared.direction, compared.basis, compared.start
            elif unit is not None and self._compared_before(unit.unit):
                place = next_basis(folded, self.recent[-1].span.end, start)  # 高于全国0.4个百分点、全省0.2个百分点
                if place is not None:
                    direction, basis, named_before = self.recent[-1].direction, place, self.recent[-1].span.end
        listed_after = None if direction is not None else self._change_listed_before(start, kind)
        if listed_after is not None:
            direction, basis = listed_after.direction, listed_after.basis  # 分别增长5.9%和7.6%
        subject_span = self._subject(named_before, end, kind)
        section = self.context.section_at(start)
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
            subject=None if subject_span is None else self._subject_text(subject_span),
            subject_span=subject_span,
            redacted=reading.redacted,
            direction=direction,
            basis=basis,
            period_text=self.periods.before(start),
            document=self.context.document,
            section=() if section is None else section.path,
            heading=None if section is None or section.heading is None else section.heading.index,
            extractor=self.name,
        )


def _change(folded: str, lo: int, start: int) -> tuple[Direction | None, str | None]:
    """The direction and basis of a stated change just before ``start``: 比上年增长 → (up, 比上年)."""
    window = folded[lo:start]
    if "\n" in window or " " in window:
        window = "".join(window.split())  # 增\n长10.5%: a PDF line break inside the word
    direction = next((d for d, pattern in _CHANGE.items() if pattern.search(window)), None)
    if direction is None:
        return None, None
    basis = next((b for b in lexicon.BASES if b in window), None) or dated_basis(window)
    return direction, basis


class _Periods:
    """The period of each number of a document (2024年, 去年): the last one named in its sentence before it.

    The numbers come in text order, so the sentence start is looked for only since the previous number,
    and the periods of each sentence that holds a number are found in one scan of that sentence; each
    number then looks its period up by binary search. (A look-back over the sentence for each number took
    quadratic time on a long sentence full of 年: 年投入12万元 repeated.) No period straddles a number's
    start, so the scan of the whole sentence finds, before each number, the periods a scan up to it would.
    """

    def __init__(self, text: str, folded: str, start: int, end: int) -> None:
        self.text, self.folded, self.start, self.end = text, folded, start, end
        self.last = start  # the previous number's offset
        self.floor = start  # where its sentence starts
        self.held = -1  # the start of the sentence whose periods are held
        self.starts: list[int] = []
        self.ends: list[int] = []

    def before(self, offset: int) -> str | None:
        """The period named last before ``offset`` in its sentence, as written in the original text."""
        folded = self.folded
        if offset < self.last:  # out of order: look back from the document's start
            self.last, self.floor = self.start, self.start
        last = self.last
        found = max(folded.rfind("。", last, offset), folded.rfind(";", last, offset), folded.rfind("\n", last, offset))
        if found >= 0:
            self.floor = found + 1
        self.last = offset
        if self.floor != self.held:  # a new sentence: its periods, found once
            stop = _SENTENCE_BREAK.search(folded, offset, self.end)
            ceiling = self.end if stop is None else stop.start()
            self.held, self.starts, self.ends = self.floor, [], []
            if folded.find("年", self.floor, ceiling) >= 0:  # every period names a year (2024年, 去年, 本年)
                for match in _PERIOD.finditer(folded, self.floor, ceiling):
                    self.starts.append(match.start())
                    self.ends.append(match.end())
        last = bisect.bisect_right(self.ends, offset) - 1
        return None if last < 0 else self.text[self.starts[last] : self.ends[last]]


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
    return _chinese(folded, reading) and (before[-1:] == "周" or before in ("星期", "礼拜"))


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
    """A date: 9月10日."""
    unit = reading.unit
    return unit is not None and unit.surface in ("日", "天") and _before(folded, reading)[-1:] == "月"


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
