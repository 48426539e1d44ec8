"""Exact Chinese numeral conversion and numeral finding.

* :func:`to_number` reads one numeral in any common form (五十五万五千七百, 55.57万, 壹仟玖佰, 二〇二四,
  3万4000, 1,100万) into a :class:`~decimal.Decimal`. No float is ever involved.
* :func:`to_chinese` writes a number back (555700 → 五十五万五千七百; ``style="upper"`` for 大写); it lives in
  :mod:`gongwen.numeral_writer` and is re-exported here.
* :func:`find_numbers` finds the numerals of running text, skipping idioms, slogans, names and codes
  (一心一意, 三个代表, 十一五, 二中, 333工程) and article-like 一 (一名教师).
* :func:`normalize_numbers` rewrites the numerals :func:`find_numbers` accepts in Arabic digits.

The idiom and code lists are data files (``gongwen/data/stop_phrases.txt``, ``code_patterns.txt``); pass
``StopList.default().extend(...)`` to add your own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Context, Decimal, localcontext
from functools import cache
from importlib import resources

import attrs
import regex

from gongwen.errors import NotANumeralError, require_text
from gongwen.model import NumberMention, Span
from gongwen.numeral_writer import _canonical, to_chinese
from gongwen.spanindex import SpanIndex
from gongwen.textview import INVISIBLE, fold, visible, visible_after, visible_before

__all__ = [
    "StopList",
    "find_numbers",
    "normalize_numbers",
    "to_chinese",
    "to_number",
]

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "两": 2, "貳": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_ZEROS = frozenset("〇零")
_NEGATIVE = frozenset("负負-−")

_CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
#: The longest numeral the scanners read, in characters (壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿 has 17); a longer run
#: of numeral characters (digits alone aside) is not a quantity.
MAX_NUMERAL_CHARS = 40
# What the run of a numeral that invisible characters split may hold besides them (folded).
_RUN = frozenset("0123456789.,点" + _CN_CHARS)
_INVISIBLE_CHAR = re.compile("[" + re.escape("".join(sorted(INVISIBLE))) + "]")
_ARABIC = r"\d+(?:,\d{3})*(?:\.\n?\d+)?"  # 7.\n4: a PDF line break after the point
_TOKEN = regex.compile(rf"(?P<arabic>{_ARABIC})|(?P<cn>[{_CN_CHARS}])|(?P<point>[点點])")
_THOUSANDS = regex.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


# The numerals of one character, read without the general reader (to_number("一") is 1; 百 alone is not one).
_ONE_CHARACTER: dict[str, Decimal] = {
    **{character: Decimal(value) for character, value in DIGITS.items()},
    **{character: Decimal(value) for character, value in SMALL_UNITS.items() if value == 10},
    **{digit: Decimal(digit) for digit in "0123456789"},
}


def to_number(text: str) -> Decimal:
    """Read one numeral, exactly.

    >>> to_number("五十五万五千七百"), to_number("16.4亿"), to_number("壹仟玖佰")
    (Decimal('555700'), Decimal('1640000000'), Decimal('1900'))

    Raises :class:`~gongwen.errors.NotANumeralError` (a ``ValueError``) for anything that is not one
    numeral (``""``, ``"一心一意"``, ``"万"``, ``"十一五"``) and :class:`~gongwen.errors.InputTypeError`
    (a ``TypeError``) for a non-``str``. Invisible characters (zero-width, control) are left out.
    """
    require_text(text)
    quick = _ONE_CHARACTER.get(text)
    if quick is not None:
        return quick  # most numerals of a report are one character: 一, 三, 两
    # fold() simplifies the capital 參 to 参, which running text uses for 参加: read it as 3 only here; invisible
    # characters (zero-width, control) are left out: 1\u200b万 is 1万
    body = fold(visible(text)).strip().replace("参", "叁")
    negative = False
    if body[:1] in _NEGATIVE:
        negative, body = True, body[1:]
    elif body[:1] == "+":
        body = body[1:]
    if not body:
        raise NotANumeralError(f"{text!r} is empty: pass a numeral such as '55.57万' or '五十五万'")
    # Each character adds at most 8 digits (亿), so this precision keeps every step exact.
    with localcontext(Context(prec=28 + 8 * len(body))):
        value = _parse_body(body, text)
        return _canonical(-value if negative else value)


def _tokens(body: str, original: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(body):
        match = _TOKEN.match(body, pos)
        if match is None:
            raise NotANumeralError(
                f"{original!r} is not one numeral: {body[pos]!r} at position {pos} is not part of a numeral"
            )
        kind = match.lastgroup or ""
        surface = match.group()
        if kind == "arabic" and "," in surface and not _THOUSANDS.match(surface):
            raise NotANumeralError(f"{original!r} has a misplaced thousands separator")
        tokens.append((kind, surface.replace(",", "")))
        pos = match.end()
    return tokens


def _arabic(surface: str, original: str) -> Decimal:
    try:
        return Decimal(surface)
    except ArithmeticError as exc:
        # ``regex`` may know digits (a newer Unicode) that this Python's ``decimal`` cannot read
        raise NotANumeralError(f"{original!r}: {surface!r} has digits that cannot be read") from exc


def _parse_body(body: str, original: str) -> Decimal:
    tokens = _tokens(body, original)
    chinese = [surface for kind, surface in tokens if kind == "cn"]
    if (
        len(chinese) == len(tokens) >= 2
        and all(c in DIGITS and c not in "两兩" for c in chinese)
        and (len(chinese) >= 3 or any(c in _ZEROS for c in chinese))
    ):
        # A digit sequence: 二〇二四 → 2024 (but 两三, 四五 are ranges, not numbers).
        return Decimal("".join(str(DIGITS[c]) for c in chinese))

    total = Decimal(0)
    section = Decimal(0)
    pending: Decimal | None = None
    pending_chinese = False
    pending_after_unit = False
    largest_big = 0
    last_small: int | None = None
    last_unit: int | None = None
    after_zero = False
    previous = ""
    seen = False
    index = 0
    while index < len(tokens):
        kind, surface = tokens[index]
        index += 1
        if kind == "point":
            fraction = ""
            while index < len(tokens) and tokens[index][0] == "cn" and tokens[index][1] in DIGITS:
                fraction += str(DIGITS[tokens[index][1]])
                index += 1
            if not fraction:
                raise NotANumeralError(f"{original!r}: {surface!r} must be followed by digits (三点一四)")
            whole = Decimal(0) if pending is None else pending
            if whole != whole.to_integral_value():
                raise NotANumeralError(f"{original!r} has two decimal points")
            pending, pending_chinese, previous = Decimal(f"{int(whole)}.{fraction}"), False, "digit"
            continue
        if kind == "arabic" or surface in DIGITS:
            if surface in _ZEROS:
                if pending is not None:
                    raise NotANumeralError(f"{original!r}: a zero cannot follow a digit here")
                after_zero, seen, previous = True, True, "zero"
                continue
            if pending is not None:
                raise NotANumeralError(
                    f"{original!r} is not one numeral: two numbers in a row ({surface!r} follows a digit)"
                )
            pending = _arabic(surface, original) if kind == "arabic" else Decimal(DIGITS[surface])
            pending_after_unit = previous in ("small", "big")
            pending_chinese, seen, previous = kind == "cn", True, "digit"
            continue
        if surface in SMALL_UNITS:
            unit = SMALL_UNITS[surface]
            if pending is None:
                if unit == 10 and (previous == "zero" or (section == 0 and previous in ("", "big"))):
                    pending = Decimal(1)
                else:
                    raise NotANumeralError(f"{original!r}: {surface!r} needs a digit before it")
            if last_small is not None and unit >= last_small:
                raise NotANumeralError(f"{original!r}: {surface!r} is out of order")
            section += pending * unit
            pending, last_small, last_unit, seen, previous = None, unit, unit, True, "small"
            after_zero = False
            continue
        big = BIG_UNITS[surface]
        amount = section + (pending if pending is not None else 0)
        if previous == "big" and amount == 0:
            total *= big  # 万亿: the magnitudes multiply
            largest_big = max(largest_big, big)
        elif amount == 0:
            raise NotANumeralError(f"{original!r}: {surface!r} needs a number before it")
        elif big >= largest_big:
            total, largest_big = (total + amount) * big, big
        else:
            total += amount * big
        section, pending, last_small, last_unit, previous = Decimal(0), None, None, big, "big"
        after_zero = False
    if not seen:
        raise NotANumeralError(f"{original!r} has no digits")
    if pending is not None:
        if pending_chinese and pending_after_unit and last_unit and last_unit >= 100 and not after_zero:
            pending *= last_unit // 10  # 一万五 → 15000, 三百五 → 350
        section += pending
    return total + section


def _read_lines(name: str) -> tuple[str, ...]:
    data = resources.files("gongwen").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in data.splitlines())
    return tuple(line for line in lines if line)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class StopList:
    """What :func:`find_numbers` must not read as a number.

    ``phrases`` are literal set phrases and slogans (一心一意, 三个代表); ``patterns`` are regular
    expressions for names and codes (十一五, 二中, 333工程). Both are matched on the normalised text
    (simplified, half-width), and a numeral that overlaps a match is skipped.
    """

    phrases: tuple[str, ...] = attrs.field(converter=_strings, default=())
    patterns: tuple[str, ...] = attrs.field(converter=_strings, default=())

    @classmethod
    @cache
    def default(cls) -> StopList:
        """The lists shipped in ``gongwen/data``."""
        return cls(_read_lines("stop_phrases.txt"), _read_lines("code_patterns.txt"))

    def extend(self, phrases: Iterable[str] = (), patterns: Iterable[str] = ()) -> StopList:
        """A new list with more phrases and patterns."""
        return StopList(self.phrases + tuple(phrases), self.patterns + tuple(patterns))

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` of every match in ``folded`` (normalised text), in text order.

        Matches of different patterns may overlap.
        """
        phrases, patterns = _stop_regexes(self)
        found = [m.span() for m in phrases.finditer(folded)] if phrases is not None else []
        for pattern in patterns:
            found.extend(m.span() for m in pattern.finditer(folded))
        return sorted(found) if patterns else found


@cache
def _stop_regexes(stop: StopList) -> tuple[re.Pattern[str] | None, tuple[regex.Pattern[str], ...]]:
    # The phrases are literals: the standard library's ``re`` scans an alternation of literals several times
    # faster than ``regex`` does. The patterns each get their own scan, which is faster than one alternation
    # of them all (the engine cannot skip ahead in an alternation of lookbehinds).
    phrases = sorted({fold(p) for p in stop.phrases}, key=len, reverse=True)
    literal = re.compile("|".join(map(re.escape, phrases))) if phrases else None
    return literal, tuple(regex.compile(p) for p in stop.patterns)


# A numeral in running text: Arabic and Chinese parts glued together (3万4000, 55.57万), and a magnitude
# word that a PDF line break or a space separated from its number (8316\n万).
_CN_RUN = rf"[{_CN_CHARS}]+(?:[点點][〇零一二三四五六七八九]+)?"
# (The repetition is possessive: a run pages long keeps no backtracking state.)
_NUMERAL = regex.compile(
    rf"(?:{_ARABIC}|{_CN_RUN})(?:{_ARABIC}|{_CN_RUN}|(?<=\d)[ \t]{{0,2}}\n?[ \t]{{0,2}}[万亿]+)*+"
)
_MASK_CHARS = frozenset("xX×_＿*")
_TALLY = ("共计", "合计", "总计", "累计", "共", "仅", "只有")
_MAGNITUDE = regex.compile(r"[万亿]+$")


@cache
def _classifier_chars() -> frozenset[str]:
    from gongwen.units import classifier_initials

    return classifier_initials()


def _accept_chinese(folded: str, start: int, end: int, surface: str) -> bool:
    """Whether a numeral written only in Chinese characters is a number and not part of a phrase."""
    before = folded[start - 1] if start else ""
    after = folded[end : end + 1]
    if before in ("第", "初", "周") or folded[max(0, start - 2) : start] == "星期":
        return False  # ordinals, dates and weekdays: 第二, 初三, 周一
    if before in ("几", "数") and surface[0] in SMALL_UNITS:
        return False  # an indefinite number: 几十个, 数十人, 数百名
    if folded[max(0, start - 2) : start] == "分之":
        return True  # the numerator of a fraction: 三分之一, 百分之五
    if all(c in DIGITS for c in surface) and len(surface) > 1:
        # 二〇二四 is a year; 一一 (one by one), 四五 (four or five) are not one number
        return any(c in _ZEROS for c in surface) or (len(surface) == 4 and after == "年")
    if len(surface) == 1 and surface not in BIG_UNITS:
        # a lone digit (or 十) counts only before a classifier: 四所, 十个, 十余人 — not 十分重视, 十佳
        following = folded[end + 1 : end + 2] if after in ("余", "多") else after
        if not following or following not in _classifier_chars():
            return False
        if surface == "一" and not folded[max(0, start - 2) : start].endswith(_TALLY):
            return False  # article-like 一: 一名教师, 一个学期
    return True


def split_by_invisible(text: str, folded: str, start: int, end: int) -> bool:
    """Whether the numeral at ``[start, end)`` is a piece of one that invisible characters split (5\u200b5.57,
    1\u200b,234, 十\u200b二): the run of numeral characters (digits, Chinese numerals, points, commas) and
    invisible ones around it, looked at up to :data:`MAX_NUMERAL_CHARS` on each side, holds an invisible
    character between numeral characters outside the numeral. Such a piece is not read at all, rather
    than read as a number the text does not hold; an invisible character beside a word (投入\u200b5万元)
    splits nothing."""

    def inside_run(position: int) -> bool:
        return folded[position] in _RUN or text[position] in INVISIBLE

    lo, hi = start, end
    while lo > 0 and start - lo < MAX_NUMERAL_CHARS and inside_run(lo - 1):
        lo -= 1
    while hi < len(text) and hi - end < MAX_NUMERAL_CHARS and inside_run(hi):
        hi += 1
    while lo < start and text[lo] in INVISIBLE:
        lo += 1  # invisible characters at the edge of the run split nothing
    while hi > end and text[hi - 1] in INVISIBLE:
        hi -= 1
    return any(text[i] in INVISIBLE for i in range(lo, start)) or any(text[i] in INVISIBLE for i in range(end, hi))


def has_invisible(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds an invisible character (zero-width, control): one scan, so that a text
    without any (the common case) skips every check of :func:`split_by_invisible`."""
    return _INVISIBLE_CHAR.search(text, start, len(text) if end is None else end) is not None


def find_numbers(text: str, *, stop: StopList | None = None) -> tuple[NumberMention, ...]:
    """Every numeral of ``text`` with its span, exact value, surface and magnitude word.

    >>> [(m.text, m.value) for m in find_numbers("全镇有初级中学2所,四所小学,投入55.57万元,一心一意")]
    [('2', Decimal('2')), ('四', Decimal('4')), ('55.57万', Decimal('555700'))]
    """
    text = require_text(text)
    folded = fold(text)
    blocked = SpanIndex((stop or StopList.default()).spans(folded))
    invisible = has_invisible(text)
    found = []
    for match in _NUMERAL.finditer(folded):
        start, end = match.span()
        surface = match.group()
        while surface and surface[-1] in ",.点":
            surface, end = surface[:-1], end - 1
        if not surface or blocked.overlaps(start, end):
            continue
        before = folded[start - 1] if start else ""
        after = folded[end : end + 1]
        if invisible:
            if split_by_invisible(text, folded, start, end):
                continue  # 5\u200b5.57万: neither 5 nor 5.57万 is the number written
            before_at, after_at = visible_before(text, start), visible_after(text, end)
            before = folded[before_at] if before_at >= 0 else ""
            after = folded[after_at : after_at + 1]
        if before in _MASK_CHARS or after in _MASK_CHARS or (before.isascii() and before.isalpha()):
            continue  # 20xx, 10__, top100, h1n1
        if len(surface) > MAX_NUMERAL_CHARS and not surface.isdigit():
            continue  # 一亿一亿… run on for pages: no quantity (and reading one costs its length squared)
        try:
            value = to_number(regex.sub(r"\s+", "", surface))
        except NotANumeralError:
            continue
        if not any(c.isdigit() for c in surface) and not _accept_chinese(folded, start, end, surface):
            continue
        magnitude = _MAGNITUDE.search(surface)
        found.append(
            NumberMention(
                span=Span(start, end),
                text=text[start:end],
                value=value,
                magnitude=magnitude.group() if magnitude else None,
            )
        )
    return tuple(found)


def normalize_numbers(text: str, *, stop: StopList | None = None) -> str:
    """``text`` with every Chinese numeral that :func:`find_numbers` accepts written in Arabic digits.

    >>> normalize_numbers("四所小学,一万字,三个代表,统一")
    '4所小学,10000字,三个代表,统一'
    """
    text = require_text(text)
    out = []
    position = 0
    for mention in find_numbers(text, stop=stop):
        folded = fold(mention.text)
        if all(c.isdigit() or c in ".," or c in "万亿萬億" for c in folded):
            continue  # already Arabic, magnitude word kept: 55.57万
        out.append(text[position : mention.span.start])
        if all(c.isdigit() or c in ".," or c.isspace() for c in folded):
            out.append("".join(mention.text.split()))  # 7.\n4: the PDF line break taken out, the digits kept
        else:
            out.append(format(mention.value, "f"))
        position = mention.span.end
    out.append(text[position:])
    return "".join(out)
