"""The page view: what every step of a parse reads of one text, made once by :func:`page_view`.

One :func:`gongwen.parse` folds the text once (:func:`gongwen.textview.fold`), finds its line starts
once and its noise once, and hands the same :class:`PageView` to every step: the noise rules of
:mod:`gongwen.furniture`, the heading candidates, the documents (:mod:`gongwen.titles`,
:mod:`gongwen.attachments`), the outline and the extractors' :class:`~gongwen.context.Context`. The public
functions (``find_noise(text)``, ``parse_outline(text)`` …) build a view themselves when called alone;
nothing is cached across texts.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import attrs

from gongwen.errors import require_text
from gongwen.model import Noise
from gongwen.noise import noise_of
from gongwen.spanindex import SpanIndex
from gongwen.textview import fold, line_starts

__all__ = ["PageView", "page_view"]


@attrs.frozen(eq=False)
class PageView:
    """One text as the steps read it.

    ``folded`` is the same-length normalised view of ``text`` (every line end a ``\\n`` there, ``\\r\\n``
    one line end); ``line_starts`` the offset of each line's first character in it (the first is 0);
    ``noise`` the page furniture in text order, and ``noise_index`` answers whether a span overlaps it.
    """

    text: str = attrs.field(repr=False)
    folded: str = attrs.field(repr=False)
    line_starts: tuple[int, ...] = attrs.field(repr=False)
    noise: tuple[Noise, ...]
    noise_index: SpanIndex = attrs.field(repr=False)
    #: ``[start, end)`` of each line, without its line end: :meth:`line_span` of every line, found once.
    line_spans: tuple[tuple[int, int], ...] = attrs.field(repr=False)

    def line_of(self, offset: int) -> int:
        """The number (from 0) of the line that holds ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """``[start, end)`` of line ``line``, without its ``\\n`` (or ``\\r\\n``)."""
        return self.line_spans[line]

    def in_noise(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a noise span."""
        return self.noise_index.overlaps(start, end)


def page_view(
    text: str, *, noise: Iterable[Noise] | None = None, extra: Iterable[tuple[str, str]] = ()
) -> PageView:
    """The view of ``text``: folded once, its lines and noise found once (``noise`` given is taken as it is;
    ``extra`` adds noise patterns as :func:`gongwen.noise.find_noise` does)."""
    text = require_text(text)
    folded = fold(text)
    starts = line_starts(folded)
    found = noise_of(text, folded, starts, extra) if noise is None else tuple(noise)
    return PageView(text, folded, starts, found, SpanIndex(n.span for n in found), _line_spans(text, starts))


def _line_spans(text: str, starts: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Each line's ``[start, end)`` without its ``\\n``, and without the ``\\r`` of a ``\\r\\n``."""
    ends = [*(start - 1 for start in starts[1:]), len(text)]
    if "\r" not in text:
        return tuple(zip(starts, ends, strict=True))
    return tuple(
        (start, end - 1 if end > start and text[end - 1] == "\r" else end)
        for start, end in zip(starts, ends, strict=True)
    )
