"""Levels and parents: the path from a document's root to the previous heading (GUIDELINES §3).

:class:`LevelState` decides whether a candidate is a heading (inline markers must continue a series) and
places it: a style already on the path returns to that place, a new style goes under the previous heading,
a label sits at the level of the part it opens, and a part (第一部分, 第二章, 第三节) is never under a
numbered item. :func:`without_strays` drops a stray marker above a report's own outline first.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from gongwen.headings import Inline, inline_policy
from gongwen.model import Heading, HeadingStyle

if TYPE_CHECKING:
    from gongwen.outline import Candidate

__all__ = ["LevelState", "without_strays"]


# GB/T 9704's order of the usual styles, highest first: a stray marker of a lower style above the report's
# own series of a higher one is read as furniture, not as the root of the outline.
_ORDER: dict[str, int] = {
    HeadingStyle.PART: 0,
    HeadingStyle.CN_DUN: 1,
    HeadingStyle.CN_PAREN: 2,
    HeadingStyle.ARABIC_DUN: 3,
    HeadingStyle.ARABIC_DOT: 3,
    HeadingStyle.ARABIC_PAREN: 4,
    HeadingStyle.CIRCLED: 5,
}
_STRAY_LOOKAHEAD = 200  # candidates read to find a stray marker's siblings


def without_strays(folded: str, doc_start: int, cands: list[Candidate]) -> list[Candidate]:
    """The document's candidates without stray markers before its preamble (GUIDELINES §3 and issue 10:
    one stray line must not shift the whole tree).

    The first marker is a stray when the evidence for it is thin — it opens at 1, no sentence comes before
    it, it has no sibling (the next marker of its style starts again at 1, or none follows) — and reading it
    as a heading would put the report's own series under it: its style comes back later at 1, or the next
    marker is of a higher style whose series goes on.
    """
    for _ in range(3):
        first = next((i for i, c in enumerate(cands) if not c.inline), None)
        if first is None:
            return cands
        stray = cands[first]
        if stray.number not in (1, None) or stray.bare or stray.style in (HeadingStyle.PART, HeadingStyle.LABEL):
            return cands
        if folded.find("。", doc_start, stray.marker.start) >= 0:
            return cands
        later = cands[first + 1 : first + 1 + _STRAY_LOOKAHEAD]
        same_at = next((i for i, c in enumerate(later) if c.style == stray.style and not c.inline), None)
        same = None if same_at is None else later[same_at]
        if same is not None and same.number != 1:
            return cands  # it has a sibling
        if same_at is not None and any(c.style == HeadingStyle.LABEL for c in later[:same_at]):
            return cands  # a label between them opens a part whose items start again at 1
        if same is None:
            other = next((c for c in later if not c.inline and not c.bare and c.style != HeadingStyle.LABEL), None)
            if other is None or _ORDER.get(stray.style, -1) <= _ORDER.get(other.style, 99):
                return cands
            if not any(c.style == other.style and c.number == (other.number or 0) + 1 for c in later):
                return cands
        cands = cands[:first] + cands[first + 1 :]
    return cands


# How far (in characters) item 2 of a series opened inline at 1 may be: a report run into one line has
# whole sections between its 一、 and 二、, while 1、 items lie close together.
_SERIES_REACH = 3000
_SECTION_REACH: dict[str, int] = {HeadingStyle.CN_DUN: 60000, HeadingStyle.CN_PAREN: 20000}
# Labels that open a part of the whole report rather than of one section.
_REPORT_LABEL = regex.compile(r"存在.{0,2}问题|存在.{0,2}不足|打算|下一?步|今后|努力方向|工作思路|意见和建议")


class LevelState:
    """The path from a document's root to the previous heading, and which series are open."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.path: list[Heading] = []
        self.last_seen: dict[str, Candidate] = {}
        self.top_styles: set[str] = set()
        # where each style's items numbered 2 are (marker starts, in order), read once per document
        self._twos: dict[str, list[int]] | None = None

    def _on_path(self, style: str) -> int | None:
        for depth in range(len(self.path) - 1, -1, -1):
            if self.path[depth].style == style:
                return depth
        return None

    def accepts(self, cand: Candidate, candidates: Sequence[Candidate], index: int) -> bool:
        """Whether ``candidates[index]`` is a heading, given the headings accepted before it."""
        previous_seen = self.last_seen.get(cand.style)
        self.last_seen[cand.style] = cand
        depth = self._on_path(cand.style)
        if cand.bare:
            sibling = None if depth is None else self.path[depth]
            return sibling is not None and sibling.number is not None and cand.number == sibling.number + 1
        if not cand.inline:
            return True
        rule_inline = inline_policy(cand.style)
        if depth is not None:
            sibling = self.path[depth]
            continues = previous_seen is not None and previous_seen.marker.start == sibling.span.start
            if continues and sibling.number is not None and cand.number == sibling.number + 1:
                return True
        if rule_inline is Inline.SERIES or cand.number != 1:
            return False
        if depth is not None and depth >= len(self.path) - 1:
            return False  # 1 again right after a sibling of the same style: not a new series
        # a new series opening at 1 inside a line: only if its item 2 follows soon
        if self._twos is None:
            self._twos = {}
            for later in candidates:
                if later.number == 2:
                    self._twos.setdefault(later.style, []).append(later.marker.start)
        twos = self._twos.get(cand.style, [])
        after = bisect.bisect_right(twos, cand.marker.start)
        reach = _SECTION_REACH.get(cand.style, _SERIES_REACH)
        return after < len(twos) and twos[after] - cand.marker.start <= reach

    def place(self, cand: Candidate) -> tuple[int, Heading | None]:
        if cand.style == HeadingStyle.LABEL:
            return self._place_label(cand)
        if cand.style == HeadingStyle.PART:
            return self._place_part(cand)
        depth = self._on_path(cand.style)
        if depth is not None and cand.number == 1 and self.path[-1].style == HeadingStyle.LABEL:
            pass  # numbered items after a label sit under it, even where their style is higher on the path
        elif depth is not None:
            self.path = self.path[:depth]
        elif self.path and self.path[0].style == HeadingStyle.LABEL and cand.style in self.top_styles:
            self.path = []
        parent = self.path[-1] if self.path else None
        return len(self.path) + 1, parent

    def _place_part(self, cand: Candidate) -> tuple[int, Heading | None]:
        """A part (第一部分, 第二章, 第三节) is never under a numbered item: it returns to the part of its own
        kind on the path (its sibling), goes under a higher kind (a 节 under its 章), or to the top."""
        rank = _part_rank(cand.marker.of(self.folded))
        keep = 0
        for depth in range(len(self.path) - 1, -1, -1):
            heading = self.path[depth]
            if heading.style == HeadingStyle.PART:
                other = _part_rank(heading.marker)
                if other == rank:
                    keep = depth
                    break
                if other < rank:
                    keep = depth + 1
                    break
        self.path = self.path[:keep]
        parent = self.path[-1] if self.path else None
        return len(self.path) + 1, parent

    def _place_label(self, cand: Candidate) -> tuple[int, Heading | None]:
        depth = self._on_path(HeadingStyle.LABEL)
        if depth is not None:
            self.path = self.path[:depth]
        elif _REPORT_LABEL.search(cand.title.of(self.folded)):
            self.path = []
        elif len(self.path) >= 2:
            self.path = self.path[:-1]
        parent = self.path[-1] if self.path else None
        return len(self.path) + 1, parent

    def push(self, heading: Heading) -> None:
        self.path.append(heading)
        if heading.level == 1:
            self.top_styles.add(heading.style)


def _part_rank(marker: str) -> int:
    """部分 above 章 above 节."""
    return 2 if "节" in marker else 1 if "章" in marker else 0
