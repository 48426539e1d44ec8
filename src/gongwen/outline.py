"""Documents and the heading hierarchy of every report in a text.

The pipeline, each step a pure function of the text:

1. :func:`find_candidates` tries every heading rule at each line start and after each 。;!? inside a line;
2. :func:`split_documents` cuts the text into reports, at title lines (篇一, 报告二) and where the
   top-level numbering restarts with a new preamble;
3. :func:`build_outline` keeps the real headings (inline markers must continue a series), gives each a
   level and a parent (GUIDELINES §3: a style already on the path from the root returns to that place, a
   new style goes under the previous heading), and builds the section tree.

:func:`parse_outline` runs all three.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import cache

import attrs
import regex

from gongwen.errors import InputTypeError, require_text
from gongwen.headings import HeadingRule, Inline, heading_rules, label_title
from gongwen.model import Document, Heading, HeadingStyle, Noise, Section, Span
from gongwen.noise import find_noise
from gongwen.spanindex import SpanIndex
from gongwen.textview import fold, strip_bounds, visible

__all__ = ["Candidate", "Outline", "build_outline", "find_candidates", "parse_outline", "split_documents"]

_INLINE_AFTER = regex.compile(r"[。;!?][ \t\u3000]*|:[ \t]*")
_BARE_NUMBER = regex.compile(r"[0-9]{1,2}(?![0-9])(?=[\u4e00-\u9fff])(?![年月日号时分秒万亿元人名个])")
# Top-level styles, highest first (GB/T 9704), and those whose restart at 1 can start a new report.
_RANK: dict[str, int] = {HeadingStyle.PART: 0, HeadingStyle.CN_DUN: 1, HeadingStyle.CN_PAREN: 2}
_RESTARTING = (HeadingStyle.CN_DUN, HeadingStyle.CN_PAREN)
_SENTENCE = regex.compile(r"[。;!?,]")
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


class _Lines:
    """Line starts of a text, for offset → line number, found on its folded view, where every line end
    (\\r, U+2028 …) is a \\n."""

    def __init__(self, folded: str) -> None:
        self.starts = [0] + [m.end() for m in regex.finditer(r"\n", folded)]

    def number(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def span(self, line: int, text: str) -> tuple[int, int]:
        """``[start, end)`` of the line, without its ``\n`` (or ``\r\n``)."""
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(text)
        if end > start and text[end - 1] == "\r":
            end -= 1
        return start, end


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
) -> tuple[Candidate, ...]:
    """Every heading marker at a line start or after 。;!? / an opening colon, with its title, in text order."""
    text = require_text(text)
    folded = fold(text)
    noise = find_noise(text) if noise is None else noise
    rules = heading_rules() if rules is None else rules
    in_noise = SpanIndex(n.span for n in noise).overlaps
    any_marker = _any_marker(tuple(rules))
    lines = _Lines(folded)
    found: list[Candidate] = []
    for line_no, line_start in enumerate(lines.starts):
        _, line_end = lines.span(line_no, text)
        position = line_start
        while position < line_end and folded[position] in " \t":
            position += 1
        if position >= line_end or in_noise(position, position + 1):
            continue
        label = label_title(folded[line_start:line_end])
        if label is not None:
            title = Span(line_start + label[0], line_start + label[1])
            found.append(Candidate(HeadingStyle.LABEL, Span(title.start, title.start), None, title, line_no, False))
        else:
            matched: list[Candidate] = []
            if any_marker.match(folded, position):
                matched = _match_at(text, folded, position, line_no, line_end, rules, noise, inline=False)
            bare = None if matched else _BARE_NUMBER.match(folded, position)
            if bare is not None:
                title = _title_span(text, folded, bare.end(), line_end, noise)
                number = int(bare.group())
                matched = [Candidate(HeadingStyle.ARABIC_DUN, Span(*bare.span()), number, title, line_no, False,
                                     bare=True)]
            found.extend(matched)
        for punct in _INLINE_AFTER.finditer(folded, position, line_end):
            at = punct.end()
            if at < line_end and any_marker.match(folded, at) and not in_noise(at, at + 1):
                found.extend(
                    _match_at(text, folded, at, line_no, line_end, rules, noise, inline=True,
                              after=folded[punct.start()])
                )
    return tuple(found)


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
) -> tuple[Document, ...]:
    """The reports inside one text, each a :class:`~gongwen.model.Document` with its span and title.

    A document starts at the start of the text, at a line that titles a report of a collection
    (篇一, 报告二, 【篇一】), and where the top-level numbering restarts (一、 after 二、 or later) —
    together with the preamble paragraph that opens the new report.
    """
    text = require_text(text)
    folded = fold(text)
    noise = find_noise(text) if noise is None else noise
    candidates = find_candidates(text, noise=noise) if candidates is None else candidates
    lines = _Lines(folded)
    in_noise = SpanIndex(n.span for n in noise).overlaps
    heading_lines = {c.line for c in candidates if not c.inline}
    starts: list[tuple[int, Span | None]] = [(0, _first_title(text, folded, lines, in_noise, heading_lines))]
    title_lines: list[int] = []  # in text order
    for line_no in range(len(lines.starts)):
        start, end = lines.span(line_no, text)
        if line_no in heading_lines or end - start > 80 or in_noise(start, end):
            continue
        if _DOC_TITLE.fullmatch(folded, start, end):
            title_lines.append(line_no)
            span = Span(*strip_bounds(folded, start, end))
            if start == 0:
                starts[0] = (0, span)
            else:
                starts.append((start, span))
    top: str | None = None  # the document's top-level style so far
    top_max = 0  # the highest number it has reached
    last_heading_line = -1
    boundary_line = 0
    next_title = 0  # the first title line not passed yet
    for cand in candidates:
        if cand.inline or cand.bare or cand.style == HeadingStyle.LABEL:
            continue
        while next_title < len(title_lines) and title_lines[next_title] <= cand.line:
            boundary_line = title_lines[next_title]
            next_title += 1
            top, top_max, last_heading_line = None, 0, boundary_line
        if top is None or _RANK.get(cand.style, 9) < _RANK.get(top, 9):
            top, top_max = cand.style, 0  # 一、 after a list of (一) items: 一、 is the top level
        if cand.style == top and top in _RESTARTING and cand.number is not None:
            if cand.number == 1 and top_max >= 2:
                first = _preamble_start(folded, lines, max(last_heading_line, boundary_line) + 1, cand.line)
                if top == HeadingStyle.CN_DUN or first < cand.line:  # (一) restarts only after a preamble
                    starts.append((lines.starts[first], None))
                    top_max = 0
            top_max = max(top_max, cand.number)
        last_heading_line = cand.line
    starts.sort(key=lambda item: item[0])
    documents = []
    for index, (start, title) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        documents.append(
            Document(index, Span(start, end), None if title is None else visible(title.of(text)), title_span=title)
        )
    return tuple(documents)


def _first_title(
    text: str, folded: str, lines: _Lines, in_noise: Callable[[int, int], bool], heading_lines: set[int]
) -> Span | None:
    """The title of the text's first report: its first real line, if short and not a sentence."""
    for line_no in range(len(lines.starts)):
        start, end = strip_bounds(folded, *lines.span(line_no, text))
        if start == end or in_noise(start, end):
            continue
        if line_no in heading_lines or end - start > 60 or _SENTENCE.search(folded, start, end):
            return None
        if folded[end - 1].isdigit():
            return None  # a sentence broken inside a number: 全市教育经费投入23\n亿元
        if not folded[end:].strip():
            return None  # a text of one line is a phrase, not a titled report
        return Span(start, end)
    return None


def _preamble_start(folded: str, lines: _Lines, first_body: int, restart: int) -> int:
    """The line where a restarted report begins: its preamble, not the previous report's last paragraph."""
    start = restart
    for line_no in range(restart - 1, first_body - 1, -1):
        line_text = folded[slice(*lines.span(line_no, folded))]
        if _CLOSING.search(line_text):
            break
        if _OPENING.search(line_text):
            start = line_no
    return start


def build_outline(
    text: str,
    documents: Sequence[Document],
    candidates: Sequence[Candidate],
) -> Outline:
    """Keep the real headings among the candidates, give each a level and parent, and build section trees."""
    folded = fold(text)
    headings: list[Heading] = []
    by_document: list[list[Heading]] = []
    ordered = sorted(candidates, key=lambda c: c.marker.start)
    in_title = SpanIndex(d.title_span for d in documents if d.title_span is not None).overlaps
    position = 0
    for document in documents:
        chosen: list[Heading] = []
        state = _LevelState(folded)
        doc_cands = []
        while position < len(ordered) and ordered[position].marker.start < document.span.end:
            cand = ordered[position]
            position += 1
            if cand.marker.start >= document.span.start and not in_title(cand.marker.start, cand.marker.start + 1):
                doc_cands.append(cand)
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


# How far (in characters) item 2 of a series opened inline at 1 may be.
_SERIES_REACH = 3000
# Labels that open a part of the whole report rather than of one section.
_REPORT_LABEL = regex.compile(r"存在.{0,2}问题|存在.{0,2}不足|打算|下一?步|今后|努力方向|工作思路|意见和建议")


class _LevelState:
    """The path from a document's root to the previous heading, and which series are open."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.path: list[Heading] = []
        self.last_seen: dict[str, Candidate] = {}
        self.top_styles: set[str] = set()
        self.seconds: dict[str, list[int]] | None = None

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
        rule_inline = _inline_policy(cand.style)
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
        seconds = self._seconds(candidates).get(cand.style, [])
        later = bisect.bisect_right(seconds, index)
        return later < len(seconds) and candidates[seconds[later]].marker.start - cand.marker.start <= _SERIES_REACH

    def _seconds(self, candidates: Sequence[Candidate]) -> dict[str, list[int]]:
        """Where each style's items numbered 2 are among the document's candidates (in text order): the
        item 2 after an item 1 is found by binary search, not by a scan of the candidates after it."""
        if self.seconds is None:
            self.seconds = {}
            for position, cand in enumerate(candidates):
                if cand.number == 2:
                    self.seconds.setdefault(cand.style, []).append(position)
        return self.seconds

    def place(self, cand: Candidate) -> tuple[int, Heading | None]:
        if cand.style == HeadingStyle.LABEL:
            return self._place_label(cand)
        depth = self._on_path(cand.style)
        if depth is not None:
            self.path = self.path[:depth]
        elif self.path and self.path[0].style == HeadingStyle.LABEL and cand.style in self.top_styles:
            self.path = []
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


def _inline_policy(style: str) -> Inline:
    for rule in heading_rules():
        if rule.style == style:
            return rule.inline
    return Inline.NEVER


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
        full = require_text(text)
        noise = find_noise(full)
        span = text_or_document.span
        inside = [c for c in find_candidates(full, noise=noise) if span.start <= c.marker.start < span.end]
        return build_outline(full, [attrs.evolve(text_or_document, index=0)], inside)
    full = require_text(text_or_document)
    noise = find_noise(full)
    candidates = find_candidates(full, noise=noise)
    documents = split_documents(full, noise=noise, candidates=candidates)
    return build_outline(full, documents, candidates)

