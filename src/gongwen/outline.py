"""Documents and the heading hierarchy of every report in a text.

The pipeline, each step a pure function of the text:

1. :func:`find_candidates` tries every heading rule at each line start and after each 。;!? inside a line;
2. :func:`split_documents` cuts the text into reports, at title lines (篇一, 报告二), at attachments and
   end notes (附件1, 名词解释, 注释: :mod:`gongwen.attachments`) and where the top-level numbering restarts
   with a new preamble (not after a table of contents, not inside a new 第二部分);
3. :func:`build_outline` keeps the real headings (inline markers must continue a series; lines above the
   title and stray first markers are furniture), gives each a level and a parent (GUIDELINES §3, in
   :mod:`gongwen.levels`), and builds the section tree.

:func:`parse_outline` runs all three.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import cache

import attrs
import regex

from gongwen.attachments import document_name, find_attachments
from gongwen.errors import InputTypeError
from gongwen.headings import HeadingRule, Inline, heading_rules, inline_policy, label_title, read_number
from gongwen.levels import LevelState, without_strays
from gongwen.model import Document, Heading, HeadingStyle, Noise, Section, Span
from gongwen.page import PageView, page_view
from gongwen.textview import fold, strip_bounds, visible
from gongwen.titles import find_byline, find_title

__all__ = ["Candidate", "Outline", "build_outline", "find_candidates", "parse_outline", "split_documents"]

_INLINE_AFTER = regex.compile(r"[。;!?][ \t\u3000]*|:[ \t]*")
_BARE_NUMBER = regex.compile(r"[0-9]{1,2}(?![0-9])(?=[\u4e00-\u9fff])(?![年月日号时分秒万亿元人名个])")
# 12.2025年十件实事, 13.3+1服务站: a 1. 2. … item whose title starts with a digit reads like a decimal; it is
# a heading only where it continues its siblings (checked like a bare number).
_DECIMAL_DOT = regex.compile(r"[0-9]{1,2}[ \t]*\.(?=[0-9])")
# A parenthesised marker broken over two lines by extraction: "(" alone, then "四)加快…" on the next line.
_SPLIT_PAREN = regex.compile(r"[ \t]*(?P<num>[一二三四五六七八九十]{1,3}|[0-9]{1,2})[ \t]*\)[ \t]*、?")
# Whitespace inside a heading's title, where the next marker of a one-line report may start (一、A (一)B 1、C)
_GAP = regex.compile(r"[ \t]+")
# Top-level styles, highest first (GB/T 9704), and those whose restart at 1 can start a new report.
_RANK: dict[str, int] = {HeadingStyle.PART: 0, HeadingStyle.CN_DUN: 1, HeadingStyle.CN_PAREN: 2}
_RESTARTING = (HeadingStyle.CN_DUN, HeadingStyle.CN_PAREN)
_TITLE_END = regex.compile(r"[。;:!?]")

# Lines that title one report of a collection: 区教育局工作总结的存在问题篇一, 对于……报告二, 【篇一】.
_TITLE_NUMBER = r"(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})"
_DOC_TITLE = regex.compile(
    rf"[ \t]*(?:【[ \t]*(?:篇|范文){_TITLE_NUMBER}[ \t]*】.*"
    rf"|第{_TITLE_NUMBER}篇.*"
    rf"|篇{_TITLE_NUMBER}[ \t:].*"
    rf"|[^。;!?\n]{{0,60}}(?:篇|报告|总结|范文|材料|讲话|汇报|心得)[ \t]*{_TITLE_NUMBER}[ \t]*)$"
)
# A preamble that opens a report, and a closing paragraph that ends one (GUIDELINES §1).
_OPENING = regex.compile(
    r"^[ \t]*(?:(?:[0-9]{4}|[0-9]{2}xx|20__|xxxx|xx|XX|~|_+)年(?:度)?(?:,是|是|以来)"
    r"|[一二三四五六七八九十两几]+年来|近[一二三四五六七八九十几]*年来?|半年来|今年以来|本学期|本年度|这学期"
    r"|根据|为了?(?:进一步|认真|切实|深入)|在.{2,30}(?:领导|指导|关心|支持)下|时间过得|回顾|即将过去)"
    r"|总结如下|汇报如下|报告如下|如下:|以下几|现将|关键之年|重要之年|的一年。"
)
_CLOSING = regex.compile(
    r"^[ \t]*(?:总之|总而言之|综上|当然|过去的一年|在新的一年|新年伊始|展望|尊敬的|我们相信|我们有决心|回顾一年来)"
)


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


@attrs.frozen
class Outline:
    """The documents, headings and section trees of one text."""

    documents: tuple[Document, ...]
    headings: tuple[Heading, ...]


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
        for gap in _GAP.finditer(folded, cand.title.start, cand.title.end):
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


def split_documents(
    text: str,
    *,
    noise: Sequence[Noise] | None = None,
    candidates: Sequence[Candidate] | None = None,
    page: PageView | None = None,
) -> tuple[Document, ...]:
    """The reports inside one text, each a :class:`~gongwen.model.Document` with its span and title.

    A document starts at the start of the text, at a line that titles a report of a collection
    (篇一, 报告二, 【篇一】), at an attachment or the end notes (附件1, 名词解释, 注释; titled with the
    attachment's own name), and where the top-level numbering restarts (一、 after 二、 or later) —
    together with the preamble paragraph that opens the new report. 一、 again under a new part, and the
    body after the table of contents that lists it, are no restarts.
    """
    lines = _view(text, noise, page)
    text, folded = lines.text, lines.folded
    candidates = find_candidates(text, page=lines) if candidates is None else candidates
    in_noise = lines.in_noise
    heading_lines = {c.line for c in candidates if not c.inline}
    heading_starts = {lines.line_starts[line] for line in heading_lines}
    head = find_title(text, folded, 0, len(text), in_noise=in_noise, heading_starts=heading_starts)
    starts: list[tuple[int, Span | None]] = [(0, head.title)]
    title_lines = set()
    attachments = find_attachments(
        text, folded, lines.line_spans, in_noise, heading_lines
    )
    opening_lines = {n for a in attachments for n in (a.line, *a.consumed)}
    for line_no in range(len(lines.line_starts)):
        start, end = lines.line_span(line_no)
        if line_no in heading_lines or end - start > 80 or in_noise(start, end) or line_no in opening_lines:
            continue
        if _DOC_TITLE.fullmatch(folded, start, end):
            title_lines.add(line_no)
            span = Span(*strip_bounds(folded, start, end))
            if start == 0:
                starts[0] = (0, span)
            else:
                starts.append((start, span))
    for attachment in attachments:  # 附件1 / 名词解释 / 注释 (GUIDELINES §1)
        title_lines.add(attachment.line)
        if attachment.start == 0:
            starts[0] = (0, attachment.title)
        else:
            starts.append((attachment.start, attachment.title))
    body_before = _body_lines(text, folded, lines, in_noise, heading_lines)
    boundaries = sorted(title_lines, reverse=True)  # popped from the end, first line first
    top: str | None = None  # the document's top-level style so far
    top_max = 0  # the highest number it has reached
    top_line = 0  # the line of its first heading
    last_heading_line = -1
    boundary_line = 0
    for cand in candidates:
        if cand.inline or cand.bare or cand.style == HeadingStyle.LABEL:
            continue
        while boundaries and boundaries[-1] <= cand.line:
            boundary_line = boundaries.pop()
            top, top_max, last_heading_line = None, 0, boundary_line
        if top is None or _RANK.get(cand.style, 9) < _RANK.get(top, 9):
            top, top_max, top_line = cand.style, 0, cand.line  # 一、 after (一) items: 一、 is the top level
        if cand.style == top and top in _RESTARTING and cand.number is not None:
            # a restart after a table of contents (heading lines with no text between) is the body it lists
            if cand.number == 1 and top_max >= 2 and body_before[cand.line] > body_before[top_line]:
                first = _preamble_start(folded, lines, max(last_heading_line, boundary_line) + 1, cand.line)
                if top == HeadingStyle.CN_DUN or first < cand.line:  # (一) restarts only after a preamble
                    named = None if first < cand.line else _named_above(text, folded, lines, cand.line, in_noise)
                    if named is not None and named[0] > max(last_heading_line, boundary_line):
                        starts.append((lines.line_starts[named[0]], named[1]))  # 2025年十件民生实事 / 一、…
                    else:
                        starts.append((lines.line_starts[first], None))
                    top_max, top_line = 0, cand.line
            top_max = max(top_max, cand.number)
        last_heading_line = cand.line
    starts.sort(key=lambda item: (item[0], item[1] is None))
    starts = [item for index, item in enumerate(starts) if index == 0 or item[0] != starts[index - 1][0]]
    documents = []
    for index, (start, title) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        subtitle = speaker = None
        if start == 0 and title == head.title:
            subtitle, speaker = head.subtitle, head.speaker
        elif title is not None:
            line_end = folded.find("\n", title.end, end)
            subtitle, speaker = find_byline(
                folded, end if line_end < 0 else line_end, end, in_noise=in_noise, heading_starts=heading_starts
            )
        documents.append(
            Document(
                index,
                Span(start, end),
                None if title is None else visible(title.of(text)),
                title_span=title,
                subtitle=None if subtitle is None else visible(subtitle.of(text)),
                subtitle_span=subtitle,
                speaker=None if speaker is None else visible(speaker.of(text)),
                speaker_span=speaker,
            )
        )
    return tuple(documents)


# Above the report's own title, this many heading-like lines are page furniture; more, and the title line
# is more likely a line of the report than the top of it.
_ABOVE_TITLE = 8


def _below_title(cands: list[Candidate], title: Span | None) -> list[Candidate]:
    """The candidates without the heading-like lines above the document's title (page furniture, never the
    root of its outline)."""
    if title is None:
        return cands
    first = bisect.bisect_left(cands, title.start, key=lambda c: c.marker.start)
    return cands[first:] if 0 < first <= _ABOVE_TITLE else cands


# A heading line of a table of contents: short, no sentence in it.
_CONTENTS_ENTRY = 40
_FULL_STOP = regex.compile(r"[。;!?]")


def _body_lines(
    text: str, folded: str, lines: PageView, in_noise: Callable[[int, int], bool], heading_lines: set[int]
) -> list[int]:
    """For each line, how many lines of running text come before it (not blank, not noise, not a short
    heading line such as a table of contents lists)."""
    counts = [0]
    for line_no in range(len(lines.line_starts)):
        start, end = strip_bounds(folded, *lines.line_span(line_no))
        body = start < end and not in_noise(start, end)
        if body and line_no in heading_lines:
            body = end - start > _CONTENTS_ENTRY or _FULL_STOP.search(folded, start, end) is not None
        counts.append(counts[-1] + body)
    return counts


def _named_above(
    text: str, folded: str, lines: PageView, line_no: int, in_noise: Callable[[int, int], bool]
) -> tuple[int, Span] | None:
    """The line right above a restarting 一、, if it names the new document (an attachment without 附件)."""
    for above in range(line_no - 1, max(-1, line_no - 3), -1):
        start, end = lines.line_span(above)
        if not folded[start:end].strip() or in_noise(start, end):
            continue
        name = document_name(text, folded, start, end)
        return None if name is None else (above, name)
    return None


def _preamble_start(folded: str, lines: PageView, first_body: int, restart: int) -> int:
    """The line where a restarted report begins: its preamble, not the previous report's last paragraph."""
    start = restart
    for line_no in range(restart - 1, first_body - 1, -1):
        line_text = folded[slice(*lines.line_span(line_no))]
        if _CLOSING.search(line_text):
            break
        if _OPENING.search(line_text):
            start = line_no
    return start


def build_outline(
    text: str,
    documents: Sequence[Document],
    candidates: Sequence[Candidate],
    *,
    page: PageView | None = None,
) -> Outline:
    """Keep the real headings among the candidates, give each a level and parent, and build section trees."""
    folded = fold(text) if page is None else page.folded
    headings: list[Heading] = []
    by_document: list[list[Heading]] = []
    ordered = sorted(candidates, key=lambda c: c.marker.start)
    position = 0
    for document in documents:
        chosen: list[Heading] = []
        state = LevelState(folded)
        doc_cands = []
        title = document.title_span
        while position < len(ordered) and ordered[position].marker.start < document.span.end:
            cand = ordered[position]
            position += 1
            if cand.marker.start >= document.span.start and not (
                title is not None and title.start <= cand.marker.start < title.end
            ):
                doc_cands.append(cand)
        doc_cands = without_strays(folded, document.span.start, _below_title(doc_cands, title))
        for index, cand in enumerate(doc_cands):
            if not state.accepts(cand, doc_cands, index):
                continue
            level, parent = state.place(cand)
            heading = Heading(
                index=len(headings),
                span=cand.span,
                line=cand.line,
                style=cand.style,
                marker=cand.marker.of(text),
                number=cand.number,
                level=level,
                title=visible(cand.title.of(text)),
                inline=cand.inline,
                document=document.index,
                parent=None if parent is None else parent.index,
                title_span=cand.title,
            )
            state.push(heading)
            headings.append(heading)
            chosen.append(heading)
        by_document.append(chosen)
    documents = [
        attrs.evolve(document, root=_tree(text, document, chosen))
        for document, chosen in zip(documents, by_document, strict=True)
    ]
    return Outline(tuple(documents), tuple(headings))


def _tree(text: str, document: Document, headings: Sequence[Heading]) -> Section:
    """The section tree of one document: a root without heading, then one node per heading."""
    doc_start, doc_end = document.span.start, document.span.end

    def build(index: int, path: tuple[str, ...]) -> tuple[Section, int]:
        heading = headings[index]
        own_path = (*path, heading.title)
        children = []
        cursor = index + 1
        while cursor < len(headings) and headings[cursor].level > heading.level:
            child, cursor = build(cursor, own_path)
            children.append(child)
        end = headings[cursor].span.start if cursor < len(headings) else doc_end
        body_end = headings[index + 1].span.start if index + 1 < len(headings) else doc_end
        body_end = min(body_end, end)
        body = Span(heading.span.end, max(heading.span.end, body_end))
        return Section(heading, Span(heading.span.start, end), body, body.of(text).strip(), children, own_path), cursor

    roots = []
    cursor = 0
    while cursor < len(headings):
        section, cursor = build(cursor, ())
        roots.append(section)
    preamble_end = headings[0].span.start if headings else doc_end
    preamble = Span(doc_start, preamble_end)
    return Section(None, Span(doc_start, doc_end), preamble, preamble.of(text).strip(), roots, ())


def parse_outline(text_or_document: str | Document, text: str | None = None) -> Outline:
    """The documents and headings of a text (or of one :class:`Document` of ``text``)."""
    if isinstance(text_or_document, Document):
        if text is None:
            raise InputTypeError("pass the text the document belongs to: parse_outline(document, text)")
        page = page_view(text)
        span = text_or_document.span
        inside = [c for c in find_candidates(page.text, page=page) if span.start <= c.marker.start < span.end]
        return build_outline(page.text, [attrs.evolve(text_or_document, index=0)], inside, page=page)
    page = page_view(text_or_document)
    candidates = find_candidates(page.text, page=page)
    documents = split_documents(page.text, candidates=candidates, page=page)
    return build_outline(page.text, documents, candidates, page=page)


def _view(text: str, noise: Sequence[Noise] | None, page: PageView | None) -> PageView:
    """The page view a step reads: ``page`` if given, else one made of ``text`` (and ``noise`` if given)."""
    return page_view(text, noise=noise) if page is None else page

