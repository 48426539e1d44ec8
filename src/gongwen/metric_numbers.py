"""The first step of the metric reader: finding the numbers of a text, reading their values, the units.

:data:`CANDIDATE` finds every number of the normalised text in one scan (Arabic, Chinese or mixed, 百分之
…, 三分之一, masked 10__ and XX); :func:`number` reads a numeral's exact value; :class:`UnitPatterns` is
a unit table compiled for reading what follows a number (longest unit first, a PDF line break inside a
unit allowed). A :class:`Reading` is a number read in place, before its context is looked at.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import regex

from gongwen.errors import NotANumeralError
from gongwen.model import Qualifier
from gongwen.numerals import MAX_NUMERAL_CHARS, to_number
from gongwen.units import Unit

__all__ = [
    "CANDIDATE",
    "NUM",
    "NUMERAL_RE",
    "Reading",
    "UnitPatterns",
    "canonical",
    "number",
    "quotient",
    "scaled",
    "unit_patterns",
]

_CN_DIGITS = "零〇一二三四五六七八九十百千万亿两壹贰叁參肆伍陆柒捌玖拾佰仟"
NUM = rf"(?:[0-9]+(?:,[0-9]{{3}})*(?:\.\n?[0-9]+)?|[{_CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)"
# The repetition is possessive: a run of numeral characters pages long keeps no backtracking state (which
# made its scan superlinear), and nothing after it could make the engine take part of it back.
_NUMERAL = rf"{NUM}(?:{NUM}|(?<=[0-9])[ \t]{{0,2}}\n?[ \t]{{0,2}}[万亿]+)*+"
NUMERAL_RE = regex.compile(_NUMERAL)
_MASK = r"(?:[0-9]+[_＿]+|[_＿]{2,}|[0-9]*[xX×]{2,}[0-9]*)"
# Every number of the text is found with this one scan, so it is written for speed: the lookahead on the
# characters a candidate can start with lets the engine skip the rest of the text quickly, and the standard
# library's ``re`` runs it faster than ``regex`` (it needs none of ``regex``'s features).
CANDIDATE = re.compile(
    rf"(?=[0-9{_CN_DIGITS}_＿xX×])"
    rf"(?:百分之(?P<pct>{NUM})|(?P<den>{NUM})分之(?P<nom>{NUM})|(?P<mask>{_MASK})|(?P<num>{_NUMERAL}))"
)
WHITESPACE = regex.compile(r"\s+")


@attrs.frozen
class UnitPatterns:
    """A unit table compiled for reading: the longest-first unit pattern, the follow test, the lookup."""

    unit: regex.Pattern[str]
    may_follow: regex.Pattern[str]
    lookup: dict[str, Unit]

    @classmethod
    def of(cls, table: tuple[Unit, ...]) -> UnitPatterns:
        surfaces = sorted({u.surface for u in table}, key=len, reverse=True)
        initials = regex.escape("".join(sorted({u.surface[0] for u in table if u.surface})))
        # What must follow a numeral for NumberReader.read_number to have anything to read: a cheap test that
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


_compiled_tables: dict[int, tuple[tuple[Unit, ...], UnitPatterns]] = {}


def unit_patterns(table: tuple[Unit, ...]) -> UnitPatterns:
    """The compiled table, looked up by identity: hashing a table of a hundred units per document costs
    more than reading the document's numbers. The entry keeps its table alive, so the id stays its own."""
    entry = _compiled_tables.get(id(table))
    if entry is None or entry[0] is not table:
        if len(_compiled_tables) >= 64:
            _compiled_tables.clear()
        entry = _compiled_tables[id(table)] = (table, UnitPatterns.of(table))
    return entry[1]


def canonical(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or exponent: 555700.00 → 555700, 98.90 → 98.9."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def scaled(value: Decimal | None, factor: Decimal) -> Decimal | None:
    """``value`` times a unit's factor, canonical (3.5成 → 35, not 35.0); ``None`` passes through.

    Every value, low and high of a reading is canonical: :func:`number` reads them so, and each product
    (a factor, a shared magnitude, 200多万) is made canonical where it is formed."""
    if value is None or factor == 1:
        return value
    return canonical(value * factor)


def quotient(numerator: Decimal, denominator: Decimal) -> Decimal:
    """A quotient, to six decimals where it does not end sooner: 1/5 → 0.2, 1/3 → 0.333333."""
    value = numerator / denominator
    rounded = value.quantize(Decimal("0.000001"))
    return canonical(rounded if rounded != value else value)


_PLAIN = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
_SCALED = regex.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|万|亿)")
_SCALE = {"万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}
_MAX_DIGITS = 15


def number(surface: str) -> Decimal | None:
    """The value of a numeral of the normalised text, or ``None`` if it is not one.

    A run of more than 15 digits is an identifier (an order or ID number), not a quantity; 15 digits with
    万亿 still fit the 28 digits of decimal arithmetic exactly.
    """
    if len(surface) > MAX_NUMERAL_CHARS or sum(c.isdigit() for c in surface) > _MAX_DIGITS:
        return None  # 一亿一亿… run on for pages: no quantity (and reading one costs its length squared)
    if _PLAIN.fullmatch(surface):
        return canonical(Decimal(surface))  # the common case, without the general reader
    with_scale = _SCALED.fullmatch(surface)
    if with_scale is not None:  # 55.57万, 1.73亿
        return canonical(Decimal(with_scale.group(1)) * _SCALE[with_scale.group(2)])
    try:
        return to_number(WHITESPACE.sub("", surface))
    except NotANumeralError:
        return None


@attrs.frozen
class Reading:
    """A number read in place: its span, value (or range) and unit, before its context is looked at.

    Exclusion rules (:data:`gongwen.exclusions.EXCLUSIONS`) receive one and say whether it is not a metric after all.
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

