"""The reports inside one text (step 2 of :mod:`gongwen.outline`): :func:`split_documents` cuts a text at
the title lines of a collection (篇一, 报告二), at attachments and end notes (附件1, 名词解释, 注释:
:mod:`gongwen.attachments`) and where the top-level numbering restarts with a new preamble (not after a
table of contents, not inside a new 第二部分). :mod:`gongwen.outline` re-exports :func:`split_documents`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from gongwen.attachments import document_name, find_attachments
from gongwen.candidates import Candidate, _view, find_candidates
from gongwen.model import Document, HeadingStyle, Noise, Span
from gongwen.page import PageView
from gongwen.textview import strip_bounds, visible
from gongwen.titles import find_byline, find_title

__all__ = ["split_documents"]


# Top-level styles, highest first (GB/T 9704), and those whose restart at 1 can start a new report.
_RANK: dict[str, int] = {HeadingStyle.PART: 0, HeadingStyle.CN_DUN: 1, HeadingStyle.CN_PAREN: 2}
_RESTARTING = (HeadingStyle.CN_DUN, HeadingStyle.CN_PAREN)

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
