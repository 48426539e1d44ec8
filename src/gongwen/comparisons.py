"""Comparisons with another place or body: 高于全国0.4个百分点, 比全省平均水平低1.2个百分点.

A stated change (增长7.4%, 比上年下降3%) is read by the metric extractor from its change words; a
comparison names what the number is measured against instead of a time: the *basis* is the compared thing
(全国, 全省, 全市 …, without 平均水平 or 的), the *direction* comes from the verb (高于, 快于, 高出, 多于,
超出, 领先 → up; 低于, 慢于, 少于, 落后 → down; 比…高/快/多 → up, 比…低/慢/少 → down), and the subject of
the metric is the indicator named before the verb, never the basis.
"""

from __future__ import annotations

import re

import attrs
import regex

from gongwen import lexicon
from gongwen.model import Direction

__all__ = ["Comparison", "comparison_before", "dated_basis", "next_basis"]

_UP_VERBS = ("高于", "快于", "高出", "多于", "超出", "领先于", "领先")
_DOWN_VERBS = ("低于", "慢于", "少于", "落后于", "落后")
# 领先 and 落后 without 于 are adjectives as often as verbs (淘汰落后产能30万吨, 领先企业3家): they compare only
# with a whole place (领先全国, 落后全省平均水平).
_BARE = ("领先", "落后")
_UP_AFTER = ("高出", "高", "快", "多")
_DOWN_AFTER = ("低", "慢", "少")
# The compared thing: a short phrase without numbers or clause marks, then what only says "its average" or
# "its rate" (全国平均水平, 全省平均增速).
_BASIS = r"(?P<basis>[^,。;:!?()0-9\s比较于]{1,12}?)的?(?:平均)?(?:水平|值|数|增速|增幅|速度)?"
_VERB_FIRST = regex.compile(rf"(?P<verb>{'|'.join((*_UP_VERBS, *_DOWN_VERBS))}){_BASIS}(?:约|达)?$")
_AFTER = "|".join((*_UP_AFTER, *_DOWN_AFTER))
_BASIS_FIRST = regex.compile(rf"(?P<verb>[比较]){_BASIS}(?P<after>{_AFTER})了?(?:约|达)?$")
# 与全国平均水平相比高出9.57个百分点, 与上年相比,下降3%: the compared thing before 相比.
_WITH_FIRST = regex.compile(rf"与(?:同期)?{_BASIS}相比[,]?(?P<after>{_AFTER})(?:了|出)?(?:约|达)?$")
# A basis that names a year: 比2012年末, 较2020年, 比20xx年同期.
_DATED = regex.compile(r"[比较](?:[0-9]{4}|20xx|20__)年(?:末|底|初|同期)?")
# A place a comparison goes on to after a list join: 、全省, 和全市平均水平.
_NEXT_PLACE = regex.compile(
    r"[、和及](?P<basis>全[^,。;:!?、0-9\s]{1,4}?|[^,。;:!?、0-9\s]{1,4}?[省市县区国])(?:平均水平|平均|水平)?"
)
_NEXT_REACH = 12
# A character every comparison holds (于, 比, 较, 出 of 高出, 先 of 领先, 后 of 落后): a cheap first test.
_CUE = re.compile("[于比较出先后]")
# How far before a number a comparison is looked for.
REACH = 24


@attrs.frozen
class Comparison:
    """A comparison read before a number: its direction, its basis and where its verb starts."""

    direction: Direction
    basis: str
    start: int


def next_basis(folded: str, end: int, start: int) -> str | None:
    """The place a comparison goes on to, listed right after the figure before (高于全国0.4个百分点、全省0.2个
    百分点 → 全省), where only that place stands between the two figures; ``None`` otherwise."""
    if start - end > _NEXT_REACH:
        return None
    found = _NEXT_PLACE.fullmatch(folded, end, start)
    return None if found is None else found.group("basis")


def dated_basis(window: str) -> str | None:
    """A basis that names a year in ``window`` (比2012年末提高 → 比2012年末), else ``None``."""
    found = _DATED.search(window)
    return None if found is None else found.group()


def comparison_before(folded: str, lo: int, start: int) -> Comparison | None:
    """The comparison that ends right before ``start`` (the number), looked for no further back than
    ``lo`` and :data:`REACH` characters: 增速高于全国0.4个百分点 → (up, 全国, the offset of 高于)."""
    lo = max(lo, start - REACH)
    if _CUE.search(folded, lo, start) is None:
        return None  # the common case: no word a comparison needs, so no search for one
    found = _VERB_FIRST.search(folded, lo, start)
    if found is not None:
        direction = Direction.UP if found.group("verb") in _UP_VERBS else Direction.DOWN
        verb = found.group("verb")
    else:
        found = _BASIS_FIRST.search(folded, lo, start) or _WITH_FIRST.search(folded, lo, start)
        if found is None:
            return None
        direction = Direction.UP if found.group("after") in _UP_AFTER else Direction.DOWN
        verb = "比"
    basis = found.group("basis")
    if verb in _BARE and not basis.startswith("全"):
        return None
    dated = verb + basis
    if dated in lexicon.BASES:
        basis = dated  # 比上年高, 较上年低: a time, as 比上年增长 says it
    elif "比" + basis in lexicon.BASES:
        basis = "比" + basis  # 高于上年同期
    return Comparison(direction, basis, found.start())
