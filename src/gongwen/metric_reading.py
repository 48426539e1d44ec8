"""Reading a number found in the text with what follows it: the number step of the metric reader.

:class:`NumberReader` takes each match of :data:`~gongwen.metric_numbers.CANDIDATE` and reads, in this
order: whether it is a number at all (not an ordinal 第二, a version, a date 2023-01-12, a code h1n1), its
sign (增长-3.2%), its value (百分之五, 三分之一, 近万名, a masked 10__ or XX万元), a special form (1/5, a
ratio 4.39:1, 一半), a range or a short list (:mod:`gongwen.metric_ranges`), 余/多 before the unit
(:mod:`gongwen.metric_qualifiers`), and the unit with its magnitude (55.57万元 → 元, magnitude 万). The
result is a :class:`~gongwen.metric_numbers.Reading`, or ``None`` where the text holds no quantity.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import regex

from gongwen import lexicon
from gongwen.context import Context
from gongwen.metric_numbers import WHITESPACE, Reading, UnitPatterns, canonical, number, quotient, scaled
from gongwen.metric_qualifiers import LATE_MAGNITUDE, between
from gongwen.metric_ranges import (
    PERCENT_RANGE,
    approximate_pair,
    listed_pair,
    range_after,
    range_with_repeated_unit,
    unit_after_list,
)
from gongwen.model import MetricKind
from gongwen.numerals import split_by_invisible, to_number
from gongwen.subjects import soft_break
from gongwen.textview import visible_before
from gongwen.units import Unit

__all__ = ["NumberReader"]

_FRACTION = regex.compile(r"(?P<a>[0-9]{1,3})/(?P<b>[0-9]{1,3})(?![0-9/])")
_COLON_RATIO = regex.compile(r"(?P<a>[0-9]{1,6}(?:\.[0-9]{1,4})?):(?P<b>[0-9]{1,4}(?:\.[0-9]{1,4})?)(?![0-9:.])")
_MINUS = frozenset("-−")
_COUNT_NOUN_HEADS = frozenset("人户总次件个")  # 人数, 户数, 总数 …: 数 ends a word, not 数千
_SIGNED_KINDS = frozenset((MetricKind.PERCENT, MetricKind.MONEY, MetricKind.OTHER))
_MONEY_WORDS = regex.compile(lexicon.MONEY_WORDS)
_TRAILING_MAGNITUDE = regex.compile(r"[万亿千百]+$")
_ODD_POINT = regex.compile(r"。([0-9]+)(?=[%‰])")  # 0。05%: OCR put 。 for the decimal point
_BARE_MAGNITUDES = frozenset(("万", "千", "百", "亿"))
_PERCENT = Unit("%", "%", MetricKind.PERCENT)
_RATIO = Unit("", "", MetricKind.RATIO)
_YUAN = Unit("元", "元", MetricKind.MONEY)

# How many digits before a PDF line break are read with the number after it (增加12\n3.5万元).
_BROKEN_DIGITS = 12


class NumberReader:
    """Reads the numbers of one document (a :class:`~gongwen.context.Context`) with a compiled unit table."""

    def __init__(self, context: Context, units: UnitPatterns, invisible: bool) -> None:
        self.context = context
        self.text = context.text
        self.folded = context.folded
        self.units = units
        self.unit_re = units.unit
        self.may_follow = units.may_follow
        self.unit_of = units.of_match
        self.invisible = invisible  # zero-width or control characters to look past

    def read(self, match: re.Match[str]) -> Reading | None:
        """The reading a match of the candidate scan makes, or ``None``."""
        folded = self.folded
        start, end = match.span()
        before = folded[start - 1] if start else ""
        if before == "\n" and match.group("num") is not None:
            joined = self._across_line_break(start, end, match.group("num"))
            if joined is not None:
                return joined
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
            value = number(match.group("pct"))
            unit = _PERCENT
            if value is None:
                return None
            second = PERCENT_RANGE.match(folded, end)  # 百分之五到百分之十
            high = None if second is None else number(second.group("pct"))
            if second is not None and high is not None and value <= high:
                return Reading(start, second.end(), None, unit, value, high)
            return Reading(start, end, value, unit)
        if match.group("den") is not None:
            den, nom = number(match.group("den")), number(match.group("nom"))
            if not den or nom is None:
                return None
            return Reading(start, end, quotient(nom, den), _RATIO)
        if match.group("mask") is not None:
            return self._read_masked(start, end)
        if self.may_follow.match(folded, end) is None:
            return None
        return self.read_number(start, end, match.group("num"))

    def _across_line_break(self, start: int, end: int, surface: str) -> Reading | None:
        """A number that PDF extraction broke between its digits (增加12 / 3.5万元 is 123.5万元): the digits
        that end a wrapped line before it are read with it, the span covering both parts."""
        folded = self.folded
        newline = start - 1
        first = newline
        while first > 0 and newline - first < _BROKEN_DIGITS and folded[first - 1].isdigit():
            first -= 1
        if first == newline or not surface[:1].isdigit():
            return None
        lead = folded[first - 1] if first else ""
        if lead and ((lead.isascii() and lead.isalnum()) or lead in "第./-:"):
            return None  # a code, an ordinal or a date before the break
        if not soft_break(self.context, newline):
            return None
        return self.read_number(first, end, folded[first:newline] + surface)

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
        reading = self.read_number(start, end, surface)
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
        magnitude = LATE_MAGNITUDE.match(folded, position)  # XX万元
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

    def read_number(self, start: int, end: int, surface: str) -> Reading | None:
        """A number and what follows it: a range, 余/多, a magnitude, the unit."""
        folded = self.folded
        surface, end = self._trim(surface, end)
        if not surface:
            return None
        low = high = None
        value = number(surface)
        if value is None and surface in _BARE_MAGNITUDES and self._bare_magnitude_is_a_number(start, end):
            value = to_number("1" + surface)  # 近万名, 上千人, 千余人, 百余名
        if value is None:
            pair = approximate_pair(surface)  # 两三个, 四五所, 七八万人, 三五百元
            if pair is None:
                return None
            low, high = pair
        else:
            special = self._special_form(start, end, surface)
            if special is not None:
                return special
            low, high, end = range_after(folded, self.units, value, surface, end)
            if low is None:
                low, high, end = listed_pair(folded, self.context, value, surface, start, end)
            if low is not None:
                value = None
        mid_qualifier, value, after = between(folded, value, end)
        unit_match = self.unit_re.match(folded, after)
        magnitude_match = _TRAILING_MAGNITUDE.search(WHITESPACE.sub("", surface))
        magnitude = magnitude_match.group() if magnitude_match and any(c.isdigit() for c in surface) else None
        if unit_match is None and value is not None and low is None:
            # 12、18个百分点: the last item's unit is shared
            shared = unit_after_list(folded, self.units, after, surface)
            if shared is not None:
                unit, scale = shared
                return Reading(start, end, canonical(value * scale * unit.factor), unit, qualifier=mid_qualifier)
        if unit_match is None:
            if magnitude in ("万", "亿", "万亿") and value is not None and self._about_money(start):
                unit = _YUAN  # 总计约5.6亿: money named before it
                return Reading(start, end, value, unit, low, high, qualifier=mid_qualifier, magnitude=magnitude)
            return None
        unit = self.unit_of(unit_match)
        if magnitude and not unit.takes_magnitude:
            return None
        end = unit_match.end()
        if low is None and value is not None:
            low, high, end = range_with_repeated_unit(folded, value, unit_match.group(), end)
            if low is not None:
                value = None
        if unit.surface == "天" and folded.startswith("半", end):
            end += 1  # 8天半
            value = None if value is None else value + Decimal("0.5")
        factor = unit.factor
        if factor != 1:  # 3.5成 → 35
            value, low, high = scaled(value, factor), scaled(low, factor), scaled(high, factor)
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
        ratio_unit = _RATIO
        fraction = _FRACTION.match(folded, start)
        if fraction is not None and folded[fraction.end() : fraction.end() + 1] != "年":
            a, b = Decimal(fraction.group("a")), Decimal(fraction.group("b"))
            if b:
                return Reading(start, fraction.end(), quotient(a, b), ratio_unit)
        ratio = _COLON_RATIO.match(folded, start)
        if ratio is not None and start and "\u4e00" <= folded[start - 1] <= "\u9fff":
            a, b = Decimal(ratio.group("a")), Decimal(ratio.group("b"))
            clock = len(ratio.group("b")) == 2 and a == int(a) and a <= 24  # 14:30 is a time
            if b and b <= 100 and not clock:
                return Reading(start, ratio.end(), quotient(a, b), ratio_unit)
        if surface == "一" and folded.startswith("半", end):
            return Reading(start, end + 1, Decimal("0.5"), ratio_unit)
        return None

    def _about_money(self, start: int) -> bool:
        return bool(_MONEY_WORDS.search(self.folded, max(self.context.span.start, start - 15), start))

