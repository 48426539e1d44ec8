"""Heading candidates: every heading marker a rule finds in a text, before the outline decides which are
headings (step 1 of :mod:`gongwen.outline`).

:func:`find_candidates` tries every heading rule (:mod:`gongwen.headings`) at each line start and after
each 。;!? or opening colon inside a line, and reads each marker's title. A parenthesised marker broken
over two lines and a number without its punctuation (``2认真组织…``) are candidates too; the outline keeps
them only where they continue a series. :mod:`gongwen.outline` re-exports :class:`Candidate` and
:func:`find_candidates`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache

import attrs
import regex

from gongwen.headings import HeadingRule, Inline, heading_rules, inline_policy, label_title, read_number
from gongwen.model import HeadingStyle, Noise, Span
from gongwen.page import PageView, page_view

__all__ = ["Candidate", "find_candidates"]


_INLINE_AFTER = regex.compile(r"[。;!?][ \t\u3000]*|:[ \t]*")
_BARE_NUMBER = regex.compile(r"[0-9]{1,2}(?![0-9])(?=[\u4e00-\u9fff])(?![年月日号时分秒万亿元人名个])")
# 12.2025年十件实事, 13.3+1服务站: a 1. 2. … item whose title starts with a digit reads like a decimal; it is
# a heading only where it continues its siblings (checked like a bare number).
_DECIMAL_DOT = regex.compile(r"[0-9]{1,2}[ \t]*\.(?=[0-9])")
# A parenthesised marker broken over two lines by extraction: "(" alone, then "四)加快…" on the next line.
_SPLIT_PAREN = regex.compile(r"[ \t]*(?P<num>[一二三四五六七八九十]{1,3}|[0-9]{1,2})[ \t]*\)[ \t]*、?")
# Whitespace inside a heading's title, where the next marker of a one-line report may start (一、A (一)B 1、C)
_GAP = regex.compile(r"[ \t]+")
# …or glued to it where the page dropped the line break: 一、主要工作成效(一)经济发展… (a bracketed 1 only)
_GLUED = regex.compile(r"(?<=\p{Han})(?=\((?:一|1)\))")
_SECOND = {"一": "(二)", "1": "(2)"}
_GLUED_REACH = 3000  # how far its item 2 is looked for
_TITLE_END = regex.compile(r"[。;:!?]")


@attrs.frozen
class Candidate:
    """A heading marker found in the text, before the outline decides whether it is a heading."""

    style: str
    marker: Span
    number: int | None
    title: Span
    line: int
    inline: bool
    #: For inline markers, the punctuation they follow ("。", ";", ":").
    after: str = ""
    #: A number without its punctuation (``2认真组织…``): a heading only where it continues 1、 … 3、.
    bare: bool = False

    @property
    def span(self) -> Span:
        return Span(self.marker.start, max(self.title.end, self.marker.end))


def _noise_start(noise: Noise) -> int:
    return noise.span.start


def _title_span(text: str, folded: str, start: int, line_end: int, noise: Sequence[Noise]) -> Span:
    while start < line_end and folded[start] in " \t":
        start += 1
    stop = _TITLE_END.search(folded, start, line_end)
    end = stop.start() if stop else line_end
    # a watermark that ends the line is not part of the title (noise is in text order)
    for index in range(bisect.bisect_right(noise, start, key=_noise_start), len(noise)):
        n = noise[index]
        if n.span.start >= end:
            break
        if end <= n.span.end:
            end = n.span.start
    while end > start and folded[end - 1].isspace():  # white space, invisible characters
        end -= 1
    return Span(start, end)


def find_candidates(
    text: str,
    *,
    noise: Sequence[Noise] | None = None,
    rules: Sequence[HeadingRule] | None = None,
    page: PageView | None = None,
) -> tuple[Candidate, ...]:
    """Every heading marker at a line start or after 。;!? / an opening colon, with its title, in text order.

    ``page`` is the text's :class:`~gongwen.page.PageView` if one is at hand (else it is made here)."""
    lines = _view(text, noise, page)
    text, folded, noise = lines.text, lines.folded, lines.noise
    rules = heading_rules() if rules is None else rules
    in_noise = lines.in_noise
    any_marker = _any_marker(tuple(rules))
    found: list[Candidate] = []
    joined = -1  # the line whose opening "四)" was read with the "(" above it
    for line_no, line_start in enumerate(lines.line_starts):
        _, line_end = lines.line_span(line_no)
        position = line_start
        while position < line_end and folded[position] in " \t":
            position += 1
        if position >= line_end or in_noise(position, position + 1):
            continue
        on_line: list[Candidate] = []
        label = label_title(folded[line_start:line_end])
        if label is not None:
            title = Span(line_start + label[0], line_start + label[1])
            on_line.append(Candidate(HeadingStyle.LABEL, Span(title.start, title.start), None, title, line_no, False))
        elif line_no != joined:
            matched: list[Candidate] = []
            if any_marker.match(folded, position):
                matched = _match_at(text, folded, position, line_no, line_end, rules, noise, inline=False)
            if not matched and folded[position] == "(" and not folded[position + 1 : line_end].strip():
                matched = _split_paren(text, folded, lines, position, line_no, noise)
                joined = line_no + 1 if matched else joined
            if not matched:
                matched = _bare(text, folded, position, line_no, line_end, noise)
            on_line.extend(matched)
        for punct in _INLINE_AFTER.finditer(folded, position, line_end):
            at = punct.end()
            if at < line_end and any_marker.match(folded, at) and not in_noise(at, at + 1):
                on_line.extend(
                    _match_at(text, folded, at, line_no, line_end, rules, noise, inline=True,
                              after=folded[punct.start()])
                )
        for cand in on_line:
            found.extend(_split_title(text, folded, cand, rules, noise, any_marker))
    return tuple(found)


def _bare(
    text: str, folded: str, position: int, line_no: int, line_end: int, noise: Sequence[Noise]
) -> list[Candidate]:
    """A number at a line start that continues a series only if its siblings say so: ``2认真组织…``,
    ``12.2025年十件实事``."""
    decimal = _DECIMAL_DOT.match(folded, position, line_end)  # endpos: the pattern's "." is not looked for afar
    if decimal is not None and decimal.end() < line_end:
        title = _title_span(text, folded, decimal.end(), line_end, noise)
        number = int(folded[position : decimal.end()].rstrip(" \t."))
        return [Candidate(HeadingStyle.ARABIC_DOT, Span(*decimal.span()), number, title, line_no, False, bare=True)]
    bare = _BARE_NUMBER.match(folded, position, line_end)
    if bare is None:
        return []
    title = _title_span(text, folded, bare.end(), line_end, noise)
    return [Candidate(HeadingStyle.ARABIC_DUN, Span(*bare.span()), int(bare.group()), title, line_no, False,
                      bare=True)]


def _split_paren(
    text: str, folded: str, lines: PageView, position: int, line_no: int, noise: Sequence[Noise]
) -> list[Candidate]:
    """``(`` alone on its line and ``四)加快…`` on the next: one heading whose marker spans the break."""
    if line_no + 1 >= len(lines.line_starts):
        return []
    next_start, next_end = lines.line_span(line_no + 1)
    found = _SPLIT_PAREN.match(folded, next_start, next_end)
    if found is None:
        return []
    num = found.group("num")
    style = HeadingStyle.ARABIC_PAREN if num.isdigit() else HeadingStyle.CN_PAREN
    end = found.end()
    while end > found.start() and text[end - 1] in " \t":
        end -= 1
    title = _title_span(text, folded, found.end(), next_end, noise)
    return [Candidate(style, Span(position, end), read_number(num), title, line_no, False)]


def _split_title(
    text: str,
    folded: str,
    cand: Candidate,
    rules: Sequence[HeadingRule],
    noise: Sequence[Noise],
    any_marker: regex.Pattern[str],
) -> list[Candidate]:
    """The candidate, and the headings of a one-line report that run on inside its title after a space
    (``一、基本情况 (一)主要职能 1、贯彻…``): a marker of another style that opens its series at 1 ends
    the title before it and is an inline candidate of its own (kept only if its series goes on)."""
    out: list[Candidate] = []
    for _ in range(8):  # a handful of levels at most
        inner = None
        for gap in _gaps(folded, cand.title):
            at = gap.end()
            if at >= cand.title.end or not any_marker.match(folded, at, cand.title.end):
                continue
            found = _match_at(text, folded, at, cand.line, cand.title.end, rules, noise, inline=True, after=" ")
            if (
                found
                and found[0].style != cand.style
                and found[0].number == 1
                and inline_policy(found[0].style) is Inline.SEQUENCE
            ):
                inner = (gap.start(), found[0])
                break
        if inner is None:
            break
        cut, next_cand = inner
        out.append(attrs.evolve(cand, title=Span(cand.title.start, max(cand.title.start, cut))))
        cand = next_cand
    out.append(cand)
    return out


def _gaps(folded: str, title: Span) -> list[regex.Match[str]]:
    """Where a title may end before the next marker of a one-line report: its runs of white space, and a
    bracketed 1 glued to its text, in text order."""
    glued = [
        match
        for match in _GLUED.finditer(folded, title.start, title.end)
        # only where its item 2 follows (一、关于做好(一)类项目: a word of the title, not a heading)
        if folded.find(_SECOND[folded[match.end() + 1]], match.end(), match.end() + _GLUED_REACH) >= 0
    ]
    return sorted([*_GAP.finditer(folded, title.start, title.end), *glued], key=_match_start)


def _match_start(match: regex.Match[str]) -> int:
    return match.start()


@cache
def _any_marker(rules: tuple[HeadingRule, ...]) -> regex.Pattern[str]:
    """One pattern that matches wherever some rule may: most positions are ruled out in a single match."""
    return regex.compile("|".join(f"(?:{rule.pattern})" for rule in rules) or r"(?!)")


def _match_at(
    text: str,
    folded: str,
    position: int,
    line_no: int,
    line_end: int,
    rules: Sequence[HeadingRule],
    noise: Sequence[Noise],
    *,
    inline: bool,
    after: str = "",
) -> list[Candidate]:
    for rule in rules:
        if inline and rule.inline is Inline.NEVER:
            continue
        marker = rule.match(folded, position)
        if marker is None or marker.end > line_end:
            continue
        title = _title_span(text, folded, marker.end, line_end, noise)
        if title.start == title.end and inline:
            return []
        end = marker.end
        while end > marker.start and text[end - 1] in " \t":
            end -= 1
        return [Candidate(rule.style, Span(marker.start, end), marker.number, title, line_no, inline, after)]
    return []


def _view(text: str, noise: Sequence[Noise] | None, page: PageView | None) -> PageView:
    """The page view a step reads: ``page`` if given, else one made of ``text`` (and ``noise`` if given)."""
    return page_view(text, noise=noise) if page is None else page
