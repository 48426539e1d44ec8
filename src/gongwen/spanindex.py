"""A set of spans that answers "does ``[start, end)`` overlap any of them?" in logarithmic time.

Every step of a parse asks it (is this line noise? is this number inside a heading marker or a set
phrase?), for each of thousands of positions, so a linear scan of the spans would cost more than the
rules themselves.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

from gongwen.model import Span

__all__ = ["SpanIndex"]


class SpanIndex:
    """Spans (``Span`` objects or ``(start, end)`` pairs), possibly overlapping, in any order.

    >>> index = SpanIndex([(10, 20), (2, 4)])
    >>> index.overlaps(3, 5), index.overlaps(4, 10), index.overlaps(19, 30)
    (True, False, True)
    """

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[Span | tuple[int, int]]) -> None:
        pairs = sorted((s.start, s.end) if isinstance(s, Span) else (s[0], s[1]) for s in spans)
        self._starts = [start for start, _ in pairs]
        # _reach[i]: the furthest end among the first i + 1 spans, so that overlapping spans need no care
        self._reach = list(accumulate((end for _, end in pairs), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``s`` has ``s.start < end and start < s.end`` (as :meth:`Span.overlaps`)."""
        before_end = bisect.bisect_left(self._starts, end)  # the spans that start before ``end``
        return before_end > 0 and self._reach[before_end - 1] > start

    def __len__(self) -> int:
        return len(self._starts)
