"""The change-and-basis step of the metric reader: what a number says about a change, and against what.

A change stated just before the number (增长7.4%, 比上年下降3%: ``direction`` up or down and ``basis``
比上年), else a comparison (高于全国0.4个百分点: basis 全国, :mod:`gongwen.comparisons`), or the next place
of a list of comparisons (高于全国0.4个百分点、全省0.2个百分点), or the change of the metric the number is
listed after (分别增长5.9%和7.6%). :func:`change_and_basis` tries them in that order.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gongwen import lexicon
from gongwen.comparisons import comparison_before, dated_basis, next_basis
from gongwen.model import Direction, Metric
from gongwen.units import Unit

__all__ = ["change_and_basis", "stated_change"]

_CHANGE = {
    direction: regex.compile(f"(?:{'|'.join(words)})(?:了|到|至|达)?$")
    for direction, words in ((Direction.UP, lexicon.UP), (Direction.DOWN, lexicon.DOWN))
}
_LISTED = frozenset(("和", "、", "与", "及"))
_CHANGE_REACH = 12  # how far before the number the words of a change are looked for


def stated_change(folded: str, lo: int, start: int) -> tuple[Direction | None, str | None]:
    """The direction and basis of a stated change just before ``start``: 比上年增长 → (up, 比上年)."""
    window = folded[lo:start]
    if "\n" in window or " " in window:
        window = "".join(window.split())  # 增\n长10.5%: a PDF line break inside the word
    direction = next((d for d, pattern in _CHANGE.items() if pattern.search(window)), None)
    if direction is None:
        return None, None
    basis = next((b for b in lexicon.BASES if b in window), None) or dated_basis(window)
    return direction, basis


def _compared_before(previous: Metric, unit: str) -> bool:
    """Whether the metric before, of the same unit, states a comparison with a place (no time basis)."""
    return (
        previous.unit == unit
        and previous.direction is not None
        and previous.basis is not None
        and previous.basis not in lexicon.BASES
        and not previous.basis.startswith(("比", "较", "与"))
    )


def _change_listed_before(folded: str, previous: Metric | None, start: int, kind: str) -> Metric | None:
    """The metric of the same kind stating a change that the number at ``start`` is listed after (和, 、)."""
    if previous is None or previous.direction is None or previous.kind != kind:
        return None
    return previous if "".join(folded[previous.span.end : start].split()) in _LISTED else None


def change_and_basis(
    folded: str, floor: int, last_end: int, start: int, unit: Unit | None, kind: str, recent: Sequence[Metric]
) -> tuple[Direction | None, str | None, int]:
    """The direction and basis of the number at ``start``, and where the clause naming its subject ends
    (before a comparison's basis: 增速高于全国0.4个百分点 names no subject 全国). ``floor`` is the
    document's start, ``last_end`` the end of the metric before, ``recent`` the last few metrics."""
    previous = recent[-1] if recent else None
    direction, basis = stated_change(folded, max(floor, start - _CHANGE_REACH), start)
    named_before = start
    if direction is None:
        compared = comparison_before(folded, max(floor, last_end), start)
        if compared is not None:  # 增速高于全国0.4个百分点: the basis is no subject
            direction, basis, named_before = compared.direction, compared.basis, compared.start
        elif unit is not None and previous is not None and _compared_before(previous, unit.unit):
            place = next_basis(folded, previous.span.end, start)  # 高于全国0.4个百分点、全省0.2个百分点
            if place is not None:
                direction, basis, named_before = previous.direction, place, previous.span.end
    listed_after = None if direction is not None else _change_listed_before(folded, previous, start, kind)
    if listed_after is not None:
        direction, basis = listed_after.direction, listed_after.basis  # 分别增长5.9%和7.6%
    return direction, basis, named_before
