"""Page furniture: the parts of a scraped page that are not any report.

Upload lines (``- 上传日期:…``), page and size counts (``- 8页``, ``- 37.5 KB``), ``59位用户关注``,
``您可能关注的文档`` and its link list, ``文档介绍``, ``申明敬告…``, ``查看更多``,
``因篇幅问题不能全部显示…`` and watermarks inside a line (``文 章超 市``); and the furniture of portals,
news sites and sharing sites: breadcrumbs, toolbars and font-size controls, source, date and counter
lines, photo captions, trailers (``相关报道:``, ``上一篇``), footers and sharing sites' notices to
downloaders. Noise is reported, never deleted: the outline and metric extractors skip it, and offsets stay
those of the original text. Each span has a kind (:class:`~gongwen.model.NoiseKind` for the shipped rules).

The patterns are data (``gongwen/data/noise_patterns.txt``); pass more to :func:`find_noise`, or add them
to every parse with :func:`register_noise_pattern`. The rules that go by a line's shape rather than its
words (runs of very short lines, controls and breadcrumbs split over lines, captions, link lists, numbered
notices) are in :mod:`gongwen.furniture`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import regex

from gongwen.datafiles import tab_pairs
from gongwen.errors import RegistryError, require_text
from gongwen.furniture import find_furniture
from gongwen.model import Noise, Span
from gongwen.textview import fold, line_starts, strip_bounds

__all__ = ["find_noise", "noise_of", "noise_patterns", "register_noise_pattern", "unregister_noise_pattern"]

_LINK_LINE = regex.compile(r"^[ \t]*-[ \t]+\S.*$", regex.MULTILINE)
_BLANK = re.compile(r"\s*")  # the standard library's \s is str.isspace
_LINE = regex.compile(r"^[^\S\n]*\S[^\n]*", regex.MULTILINE)  # a line that is not blank
# Whole-line patterns are not tried on lines longer than this, unless a key opens them (申明敬告:…).
_LONG_LINE = 120
_KEY_REACH = 24
_KEY = regex.compile(r"[:|]")


@cache
def noise_patterns() -> tuple[tuple[str, str], ...]:
    """The shipped ``(kind, pattern)`` pairs."""
    return tab_pairs("noise_patterns.txt")


_GROUP = "noise_kind_"
_registered: list[tuple[str, str]] = []


def register_noise_pattern(kind: str, pattern: str) -> None:
    """Add a ``(kind, pattern)`` pair to every parse from now on (after the shipped patterns).

    ``pattern`` is a regular expression (``regex`` module syntax) matched on the normalised text
    (simplified characters, half-width punctuation); one that starts with ``^`` is held to one line.

    >>> register_noise_pattern("ad", r"^更多精彩请关注公众号$")
    >>> [(n.kind, n.text) for n in find_noise("正文。\n更多精彩请关注公众号")]
    [('ad', '更多精彩请关注公众号')]
    >>> unregister_noise_pattern("ad")
    """
    if not kind or not isinstance(kind, str):
        raise RegistryError(f"a noise kind must be a non-empty str, got {kind!r}")
    try:
        regex.compile(pattern)
    except (regex.error, TypeError) as error:
        raise RegistryError(f"noise pattern {pattern!r} of kind {kind!r} is not a valid regex: {error}") from None
    if (kind, pattern) in _registered:
        raise RegistryError(f"noise pattern {pattern!r} of kind {kind!r} is already registered")
    _registered.append((kind, pattern))


def unregister_noise_pattern(kind: str, pattern: str | None = None) -> None:
    """Remove the patterns of ``kind`` added with :func:`register_noise_pattern` (or only ``pattern``)."""
    matching = [pair for pair in _registered if pair[0] == kind and pattern in (None, pair[1])]
    if not matching:
        raise RegistryError(f"no registered noise pattern of kind {kind!r}" + (f": {pattern!r}" if pattern else ""))
    for pair in matching:
        _registered.remove(pair)


_Scan = tuple[tuple[str, ...], regex.Pattern[str], bool]


@cache
def _compiled(pairs: tuple[tuple[str, str], ...]) -> tuple[_Scan, ...]:
    """The patterns as scans: ``(kinds, pattern, whole_lines)``, where group ``noise_kind_<i>`` that matched
    names ``kinds[i]``.

    The whole-line patterns (those starting with ``^``, without an alternative that is not) share one scan:
    one match at the start of each line that is not blank, held to that line, so that a ``\\s*`` of theirs
    cannot run on over the lines below (which made a text of many blank lines take quadratic time). At a
    line start the first of them that matches wins.
    """
    lines = [(kind, pattern) for kind, pattern in pairs if _whole_line(pattern)]
    others = [(kind, pattern) for kind, pattern in pairs if not _whole_line(pattern)]
    scans: list[_Scan] = [
        ((kind,), regex.compile(f"(?P<{_GROUP}0>{pattern})", regex.MULTILINE), False) for kind, pattern in others
    ]
    if lines:
        alternatives = "|".join(f"(?P<{_GROUP}{i}>{pattern})" for i, (_, pattern) in enumerate(lines))
        scans.insert(0, (tuple(kind for kind, _ in lines), regex.compile(alternatives, regex.MULTILINE), True))
    return tuple(scans)


def _whole_line(pattern: str) -> bool:
    """Whether ``pattern`` starts with ``^`` and has no alternative outside a group (``^广告:.*$|赞助``)."""
    if not pattern.startswith("^"):
        return False
    depth, position = 0, 0
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 1  # an escaped character
        elif char == "[":  # a set: skip to its end (a ] right after [ or [^ is a member)
            position += 2 if pattern.startswith("[^", position) else 1
            position += 1 if pattern.startswith("]", position) else 0
            while position < len(pattern) and pattern[position] != "]":
                position += 2 if pattern[position] == "\\" else 1
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return False
        position += 1
    return True


def _matches(pattern: regex.Pattern[str], folded: str, whole_lines: bool) -> Iterator[regex.Match[str]]:
    if not whole_lines:
        yield from pattern.finditer(folded)
        return
    for line in _LINE.finditer(folded):
        start, end = line.span()
        if end - start > _LONG_LINE and not _KEY.search(folded, start, min(end, start + _KEY_REACH)):
            continue  # a paragraph of the report, not a line of furniture (nor a "key: value" line)
        match = pattern.match(folded, start, end)
        if match is not None:
            yield match


def find_noise(text: str, *, extra: Iterable[tuple[str, str]] = ()) -> tuple[Noise, ...]:
    """Every span of page furniture in ``text``, in text order.

    ``extra`` adds ``(kind, pattern)`` pairs to the shipped (and registered) ones. Patterns that start with
    ``^`` (and have no alternative outside a group that does not) are whole-line patterns, tried together at
    each line start and held to that line: the first of them that matches there wins. They are not tried on
    lines of more than 120 characters, unless a colon or ``|`` stands in the line's first 24 (``申明敬告:…``):
    such a line is a paragraph of the report. The structural rules
    of :mod:`gongwen.furniture` then add the lines that are furniture by their shape.

    >>> [(n.kind, n.text) for n in find_noise("- 8页\\n正文。59位用户关注")]
    [('pages', '- 8页'), ('followers', '59位用户关注')]
    """
    text = require_text(text)
    folded = fold(text)
    return noise_of(text, folded, line_starts(folded), extra)


def noise_of(
    text: str, folded: str, starts: Sequence[int], extra: Iterable[tuple[str, str]] = ()
) -> tuple[Noise, ...]:
    """:func:`find_noise` of a text already folded, with the line starts of its folded view (the step
    :func:`gongwen.page.page_view` runs)."""
    spans: dict[tuple[int, int], str] = {}
    for kinds, pattern, whole_lines in _compiled(noise_patterns() + tuple(_registered) + tuple(extra)):
        for match in _matches(pattern, folded, whole_lines):
            kind = kinds[int(_matched_group(match)[len(_GROUP) :])]
            start, end = strip_bounds(folded, *match.span())
            if end > start:
                spans.setdefault((start, end), kind)
            if kind == "related":  # the link list under 您可能关注的文档
                for link in _link_lines(folded, match.end()):
                    spans.setdefault(strip_bounds(folded, *link.span()), "related")
    for bounds, kind in find_furniture(folded, spans, starts).items():
        spans.setdefault(bounds, kind)
    ordered = sorted(spans.items())
    merged: list[Noise] = []
    for (start, end), kind in ordered:
        if merged and start < merged[-1].span.end:
            continue  # nested in the previous span
        merged.append(Noise(Span(start, end), kind, text[start:end]))
    return tuple(merged)


def _link_lines(folded: str, end: int) -> Iterator[regex.Match[str]]:
    """The link lines (``- 标题``) that follow ``end`` with nothing but blank lines between them.

    Each is looked for at the start of the next line that is not blank, never further: a search for the
    next link line anywhere below scanned the rest of the text for each list (quadratic time for a page of
    many lists and no links).
    """
    while True:
        blank = _BLANK.match(folded, end)
        position = blank.end() if blank else end
        line_start = folded.rfind("\n", end, position) + 1
        if not line_start or position >= len(folded):
            return  # the next text is on the same line, or there is none
        link = _LINK_LINE.match(folded, line_start)
        if link is None:
            return
        yield link
        end = link.end()


def _matched_group(match: regex.Match[str]) -> str:
    """The name of the pattern's group that matched (the pattern's own named groups may close after it)."""
    return next(name for name, value in match.groupdict().items() if value is not None and name.startswith(_GROUP))


def inside(spans: tuple[Noise, ...], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any noise span."""
    return any(n.span.start < end and start < n.span.end for n in spans)
