"""The qualifier step of the metric reader: the words that say a number is approximate or a bound.

Between a number and its unit, 余 or 多 (93万余元, 200多万元: more than) — :func:`between`. Glued to the
number's span, the prefix and suffix words of :mod:`gongwen.lexicon` (近60万元, 6.5%左右, 不低于2000元,
以上, 以内), or a prefix word before a verb (至少有两名, 约有3000人, 最多可申请3次) — :func:`qualified`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import regex

from gongwen import lexicon
from gongwen.metric_numbers import Reading, canonical
from gongwen.model import Qualifier
from gongwen.numerals import to_number

__all__ = ["LATE_MAGNITUDE", "between", "qualified"]

_GAP = regex.compile(r"[ \t]{0,2}\n?[ \t]{0,2}")
LATE_MAGNITUDE = regex.compile(r"万亿|万|亿|千|百")
_CLAUSE_END = frozenset(",。;:!?、)\n")
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


def between(folded: str, value: Decimal | None, end: int) -> tuple[Qualifier, Decimal | None, int]:
    """余 or 多 between a number and its unit (93万余元, 200多万元): the qualifier, value and next offset."""
    gap = _GAP.match(folded, end)
    after = gap.end() if gap else end
    qualifier = Qualifier.EXACT
    if folded[after : after + 1] in ("余", "多"):
        qualifier, after = Qualifier.MORE_THAN, after + 1
        late = LATE_MAGNITUDE.match(folded, after, after + 2)
        if late is not None and value is not None:  # 200多万元
            value = canonical(value * to_number("1" + late.group()))
            after += len(late.group())
    if folded.startswith("大类", after):
        after += 1  # 五大类
    return qualifier, value, after


def qualified(folded: str, floor: int, reading: Reading) -> tuple[int, int, Qualifier]:
    """The span widened by the qualifying words glued to it (近, 约, 以上 …), and its qualifier; ``floor``
    is where the document starts."""
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
