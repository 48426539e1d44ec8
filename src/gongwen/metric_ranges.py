"""The range step of the metric reader: a number that is one end of a range, or an item of a short list.

After the first number the reader looks for the second: 6—12周岁, 3到4万元 (a magnitude after the second
is shared: 4至6千元), 一至两次, 50%——80% (the unit written twice), 两三个 and 七八万人 (two Chinese digits
side by side), 三、四所 (two neighbouring one-digit numbers). A descending pair is no range (由8%至5%
states a change). A list of Arabic numbers after a bare number gives it the unit of its last item
(分别提高12、18个百分点, 分别为3、5万元). Each function returns ``(low, high, end)``, or ``(None, None, end)``
where there is no range.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from gongwen.context import Context
from gongwen.metric_numbers import NUM, NUMERAL_RE, UnitPatterns, canonical, number
from gongwen.numerals import DIGITS, to_number
from gongwen.units import Unit

__all__ = [
    "ENDS_IN_UNIT_WORD",
    "PERCENT_RANGE",
    "approximate_pair",
    "listed_pair",
    "range_after",
    "range_with_repeated_unit",
    "unit_after_list",
]

Bounds = tuple[Decimal | None, Decimal | None, int]

_RANGE_SEP = regex.compile(r"[ \t]*(?:—{1,2}|–|-{1,2}|~|～|至|到)[ \t]*")
PERCENT_RANGE = regex.compile(rf"[ \t]*(?:—{{1,2}}|–|-{{1,2}}|~|～|至|到)[ \t]*百分之(?P<pct>{NUM})")
_LISTED_PAIR = regex.compile(r"、([一二两三四五六七八九]|[1-9])(?![0-9])")
# The rest of a list after a bare number, up to the unit its last item carries: 12、18个百分点, 3、5万元.
_ARABIC_LIST = regex.compile(r"(?:[ \t]?[、和及与][ \t]?[0-9]{1,12}(?:\.[0-9]{1,6})?){1,6}(?P<mag>[万亿]*)")
# Two Chinese digits side by side are an approximate range (两三个, 七八万人, 三五百元, 四五十人, 一两个): the
# second is one more than the first, or 三五 (three to five); a magnitude after them applies to both.
_ADJACENT_CN = regex.compile(r"(?P<a>[一二两三四五六七八九])(?P<b>[二两三四五六七八九])(?P<mag>[十百千]?万?亿?)")
_LOOSE_PAIRS = frozenset(((3, 5),))
_SHARED_MAGNITUDE = regex.compile(r"[千百]?[万亿]*$")
ENDS_IN_UNIT_WORD = regex.compile(r"[万亿千百十]$")


def approximate_pair(surface: str) -> tuple[Decimal, Decimal] | None:
    """The range two neighbouring Chinese digits state (七八万 → 70000, 80000), or ``None``."""
    pair = _ADJACENT_CN.fullmatch(surface)
    if pair is None:
        return None
    a, b = DIGITS[pair.group("a")], DIGITS[pair.group("b")]
    if b != a + 1 and (a, b) not in _LOOSE_PAIRS:
        return None
    scale = to_number("1" + pair.group("mag")) if pair.group("mag") else Decimal(1)
    return Decimal(a) * scale, Decimal(b) * scale


def range_after(folded: str, units: UnitPatterns, value: Decimal, surface: str, end: int) -> Bounds:
    """A range written 6—12, 3到4万, 一至两: ``(low, high, end)``, or ``(None, None, end)``."""
    separator = _RANGE_SEP.match(folded, end)
    second = None if separator is None else NUMERAL_RE.match(folded, separator.end())
    high = None if second is None else number(second.group())
    if second is None or high is None:
        return None, None, end
    unit_after_first = units.unit.match(folded, end)
    if unit_after_first is not None and not folded.startswith(unit_after_first.group(), second.end()):
        return None, None, end
    low = value
    shared = _SHARED_MAGNITUDE.search(second.group())
    if shared and shared.group() and not ENDS_IN_UNIT_WORD.search(surface):
        scaled = canonical(low * to_number("1" + shared.group()))  # 3到4万亿元, 4至6千元: it is shared
        if scaled <= high:
            low = scaled  # but not where that puts it above the second (九至一百人)
    if low > high:
        return None, None, end  # a descending pair is no range: 由8%至5% states a change
    return low, high, second.end()


def listed_pair(folded: str, context: Context, value: Decimal, surface: str, start: int, end: int) -> Bounds:
    """Two neighbouring one-digit numbers listed as a range: 三、四所, 3、4所 (3 to 4), but not the end
    of a longer list (2、3、4所) or a heading marker and a count (2、3所学校通过验收)."""
    listed = len(surface) == 1 and folded[start - 1 : start] != "、" and not context.skipped(end, end + 1)
    pair = _LISTED_PAIR.match(folded, end) if listed else None
    if pair is None or surface.isdigit() != pair.group(1).isdigit():
        return None, None, end
    high = number(pair.group(1))
    return (value, high, pair.end()) if high == value + 1 else (None, None, end)


def range_with_repeated_unit(folded: str, value: Decimal, unit: str, end: int) -> Bounds:
    """A range whose unit is written twice: 50%——80%."""
    again = _RANGE_SEP.match(folded, end)
    second = None if again is None else NUMERAL_RE.match(folded, again.end())
    if second is None or not folded.startswith(unit, second.end()):
        return None, None, end
    high = number(second.group())
    if high is None or value > high:
        return None, None, end  # 由8%至5%: a change from one to the other, not a range
    return value, high, second.end() + len(unit)


def unit_after_list(folded: str, units: UnitPatterns, after: int, surface: str) -> tuple[Unit, Decimal] | None:
    """The unit (and the magnitude, where the number has none) that the last item of the list after a
    bare number gives it: 分别提高12、18个百分点, 分别为3、5万元. Only lists of Arabic numbers: in Chinese
    numerals 三、五十人 may be a range and 一、二、三 a list of names."""
    tail = _ARABIC_LIST.match(folded, after) if surface[-1].isdigit() else None
    if tail is None:
        return None
    unit_match = units.unit.match(folded, tail.end())
    if unit_match is None:
        return None
    unit = units.of_match(unit_match)
    scale = Decimal(1)
    if tail.group("mag") and not ENDS_IN_UNIT_WORD.search(surface):
        if not unit.takes_magnitude:
            return None
        scale = to_number("1" + tail.group("mag"))
    return unit, scale
