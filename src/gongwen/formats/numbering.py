"""The numbers Word draws in front of numbered paragraphs (一、 (一) 1. ①), written back into the text.

A heading numbered by Word's automatic numbering has no 一、 in its paragraph text: the number lives in
the document's numbering definitions (``numbering.xml``) and Word draws it. Without it the outline loses
the marker. :class:`Numbering` reads those definitions and counts as Word does, so that each numbered
paragraph (numbered itself or through its style) gets the label Word shows: ``%1、`` in ``chineseCounting``
is 一、, ``(%2)`` is (一), ``%1.%2`` is 1.2, ``decimalEnclosedCircle`` is ①. Bullets have no number and
are left out; formats gongwen does not know are written as decimal numbers.
"""

from __future__ import annotations

import re
from typing import Any

from gongwen.numerals import to_chinese

__all__ = ["Numbering"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_CHINESE_FORMATS = frozenset(
    {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting", "japaneseCounting"}
)
_CIRCLED = frozenset({"decimalEnclosedCircle", "decimalEnclosedCircleChinese"})
_PAREN = frozenset({"decimalEnclosedParen"})
_FULL_WIDTH = frozenset({"decimalFullWidth", "decimalFullWidth2"})
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int) -> str:
    """a … z, aa … zz, as Word counts with letters."""
    number = max(1, number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """``number`` in a Word numbering format (``decimal``, ``chineseCounting``, ``decimalEnclosedCircle`` …)."""
    if fmt in _CHINESE_FORMATS:
        return to_chinese(number) if number > 0 else "〇"
    if fmt in _CIRCLED and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if fmt in _PAREN and 1 <= number <= 20:
        return chr(0x2474 + number - 1)
    if fmt in _FULL_WIDTH:
        return "".join(chr(ord(d) + 0xFEE0) for d in str(number))
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman" and number > 0:
        return _roman(number).lower()
    if fmt == "upperRoman" and number > 0:
        return _roman(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


def _val(element: Any, name: str) -> str | None:
    if element is None:
        return None
    found = element.find(f"{_W}{name}")
    return None if found is None else found.get(f"{_W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """The numbering definitions of one document, and the counters of its lists as the body is read."""

    def __init__(self, document: Any) -> None:
        # abstract id → level → (format, text, start); num id → abstract id; style id → (num id, level)
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._nums: dict[str, str] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return  # a document without numbering
        for abstract in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"), 0)
                levels[ilvl] = (
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    _int(_val(lvl, "start"), 1),
                )
            self._levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{_W}num"):
            self._nums[num.get(f"{_W}numId", "")] = _val(num, "abstractNumId") or ""

    def label(self, paragraph: Any) -> str:
        """The label Word draws before ``paragraph`` (``""`` if none), counting it in its list."""
        if not self._nums:
            return ""
        num_id, ilvl = self._numbering_of(paragraph)
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        levels = self._levels.get(self._nums[num_id], {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * _LEVELS)
        fmt, text, start = levels[ilvl]
        counters[ilvl] = max(counters[ilvl], start - 1) + 1
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = 0
        if fmt in ("bullet", "none") or not text:
            return ""

        def number(found: re.Match[str]) -> str:
            level = int(found.group(1)) - 1
            level_fmt, _, level_start = levels.get(level, ("decimal", "", 1))
            value = counters[level] if level < _LEVELS and counters[level] else level_start
            return format_number(value, fmt if level == ilvl else level_fmt)

        return _PLACEHOLDER.sub(number, text)

    @staticmethod
    def _numbering_of(paragraph: Any) -> tuple[str | None, int]:
        """The list and level of a paragraph: its own ``w:numPr``, else its style's (through ``basedOn``)."""
        ppr = paragraph._p.find(f"{_W}pPr")
        numpr = None if ppr is None else ppr.find(f"{_W}numPr")
        if numpr is not None:
            return _val(numpr, "numId"), _int(_val(numpr, "ilvl"), 0)
        try:
            style = paragraph.style
        except (KeyError, ValueError, AttributeError):
            return None, 0
        depth = 0
        while style is not None and depth < 10:
            spr = style.element.find(f"{_W}pPr")
            numpr = None if spr is None else spr.find(f"{_W}numPr")
            if numpr is not None:
                return _val(numpr, "numId"), _int(_val(numpr, "ilvl"), 0)
            style = style.base_style
            depth += 1
        return None, 0
