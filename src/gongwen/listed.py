"""Words shared across a list of numbers (分别超97.5%和99%, 分别增长4%、6%左右, 12、18个百分点).

In a list whose items are joined by 、 和 与 及 only, a report writes a word once for every item: the
qualifier before the first (超, 超过, 不低于 …) covers the items after it, the qualifier after the last
(左右, 以上 …) covers the items before it, and the unit after the last covers the bare numbers before it.
The metric extractor reads the unit while it reads each number; these helpers carry the qualifiers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from gongwen import lexicon
from gongwen.model import Metric, Qualifier

__all__ = ["LIST_JOINS", "carry_suffix_qualifiers", "listed", "prefix_qualifier"]

#: What may stand between two items of a list.
LIST_JOINS = frozenset(("和", "、", "与", "及", "以及"))
_JOIN_REACH = 4  # the most characters a join with its white space takes
_SUFFIXES = tuple(word for word, _ in lexicon.SUFFIX_QUALIFIERS if word not in ("余", "多", "内"))
_PREFIXES = tuple(word for word, _ in lexicon.PREFIX_QUALIFIERS)


def listed(folded: str, end: int, start: int) -> bool:
    """Whether only a list's join (、 和 与 及, and white space) stands between ``end`` and ``start``."""
    if not 0 < start - end <= _JOIN_REACH:
        return False  # the common case, without a slice
    return "".join(folded[end:start].split()) in LIST_JOINS


def prefix_qualifier(metric: Metric) -> Qualifier | None:
    """The qualifier a word before ``metric``'s number gives it (超97.5% → more than), else ``None``."""
    return metric.qualifier if metric.text.startswith(_PREFIXES) and metric.qualifier is not Qualifier.EXACT else None


def _suffix_qualifier(metric: Metric) -> Qualifier | None:
    return metric.qualifier if metric.text.endswith(_SUFFIXES) and metric.qualifier is not Qualifier.EXACT else None


def carry_suffix_qualifiers(folded: str, metrics: Iterable[Metric]) -> Iterator[Metric]:
    """``metrics`` in order, each exact item of a list given the qualifier written after the list's last
    item (分别增长4%、6%左右: 4% is about 4% too). A list is held back until its end, so the extractor
    stays one pass; a list is a run of metrics of one unit joined by :data:`LIST_JOINS` only."""
    run: list[Metric] = []
    for metric in metrics:
        if run and not (metric.unit == run[-1].unit and listed(folded, run[-1].span.end, metric.span.start)):
            yield from run
            run = []
        run.append(metric)
        qualifier = _suffix_qualifier(metric)
        if qualifier is not None and len(run) > 1:
            run = [m if m.qualifier is not Qualifier.EXACT else attrs.evolve(m, qualifier=qualifier) for m in run]
            yield from run
            run = []
    yield from run
