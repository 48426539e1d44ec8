"""Attachments and end notes: the lines that open a document of their own after a report (GUIDELINES §1).

A report often ends with what it attaches: ``附件1`` / ``2025年全县十件民生实事`` / 一、…, ``附件2`` /
``名词解释`` / 1.…, or its notes (a line ``注释`` and the entries ``［1］…`` under it). Each is a document:
it starts at the ``附件`` (or ``注释`` / ``名词解释``) line, and its title is the attachment's own name — the
rest of that line, else the first line below it that names a document (not the unit that issued it), else
the word itself.

:func:`find_attachments` reads them from the lines of a text; :func:`gongwen.outline.split_documents`
starts a document at each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from gongwen.model import Span
from gongwen.textview import strip_bounds

__all__ = ["Attachment", "document_name", "find_attachments"]

# 附件 / 附件1 / 附件2: / 附件三、 / 附件1 2025年全县十件民生实事 (matched on the folded line)
_ATTACHMENT = regex.compile(
    r"[ \t]*附[ \t]*件(?:[ \t]*(?P<num>[0-9]{1,2}|[一二三四五六七八九十]{1,3}))?"
    r"(?P<sep>[ \t]*[:、.][ \t]*|[ \t]+)?(?P<rest>[^\n]{0,60}?)[ \t]*"
)
# 附件:1.某某方案 lists a notice's attachments (they follow later); 附件下载 is a link.
_NOT_A_NAME = regex.compile(r"下载|点击|查看|打开|预览")
_LIST_NUMBER = regex.compile(r"[0-9]{1,2}[.、]")
# A part marker alone on its line (第三部分 / 名词解释): the notes are a part of the report, not a document.
_PART = regex.compile(r"[ \t]*第[一二三四五六七八九十0-9]{1,3}(?:部分|部份|章)")
_BARE_PART = regex.compile(r"[ \t]*第[一二三四五六七八九十0-9]{1,3}(?:部分|部份|章|节)[ \t]*[:、.]?[ \t]*")
# 注释 / 名词解释 / 《政府工作报告》名词解释, alone on the line (a colon may end it)
_NOTES = regex.compile(r"[ \t]*(?:《[^》\n]{1,30}》)?[ \t]*(?:注[ \t]*释|名[ \t]*词[ \t]*解[ \t]*释)[ \t]*:?[ \t]*")
# A download link (附件:某某公开表.xls) is page furniture, not an attachment printed in the report.
_FILE = regex.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|ofd|txt)[ \t]*\)?$", regex.IGNORECASE)
_SENTENCE = regex.compile(r"[。;!?]")
# The words a document's name ends with (2025年全县十件民生实事, 2024年单位预算情况说明, 名词解释, 一览表).
_NAMES_DOCUMENT = regex.compile(
    r"(?:报告|说明|实事|解释|注释|清单|名单|名录|目录|[^代]表|计划|方案|规划|意见|办法|通知|细则|要点|安排|情况"
    r"|项目|汇总|总结|公报|决算|预算|任务|事项|指标|附录|简介|概况|制度|规定|标准|分工|明细|工程|行动|举措|一览)"
    r"[》」』)]?[ \t]*:?[ \t]*$"
)
# How many lines below an 附件 line its name may be (附件3 / 某某镇某某中心 / 2024年单位预算情况说明).
_NAME_REACH = 3
_TITLE_CHARS = 60


@attrs.frozen
class Attachment:
    """A line that opens an attachment or the notes at the end of a report."""

    line: int
    start: int  #: the offset of the line's first character
    title: Span  #: the attachment's own name (or the word itself)
    #: lines read as part of this attachment's opening (its name below it), which open nothing of their own
    consumed: tuple[int, ...] = ()


def find_attachments(
    text: str,
    folded: str,
    line_spans: Sequence[tuple[int, int]],
    in_noise: Callable[[int, int], bool],
    heading_lines: set[int],
) -> list[Attachment]:
    """Every attachment or notes line of the text, in order (``line_spans``: ``[start, end)`` of each line)."""
    found: list[Attachment] = []
    consumed: set[int] = set()
    for line_no, (start, end) in enumerate(line_spans):
        if line_no in consumed or end - start > 80:
            continue
        if start == end or folded[start] not in " \t附注名《" or in_noise(start, end):
            continue
        if line_no in heading_lines and not _NOTES.fullmatch(folded, start, end):
            continue  # a heading line; but 注释: is read as a label and still opens the notes
        item = _attachment(text, folded, line_spans, line_no, in_noise, heading_lines)
        if item is not None:
            found.append(item)
            consumed.update(item.consumed)
    return found


def _attachment(
    text: str,
    folded: str,
    line_spans: Sequence[tuple[int, int]],
    line_no: int,
    in_noise: Callable[[int, int], bool],
    heading_lines: set[int],
) -> Attachment | None:
    start, end = line_spans[line_no]
    word = Span(*strip_bounds(text, start, end))
    if _NOTES.fullmatch(folded, start, end):
        for above in range(line_no - 1, max(-1, line_no - 3), -1):
            if line_spans[above][0] < line_spans[above][1] and not folded[slice(*line_spans[above])].isspace():
                if _BARE_PART.fullmatch(folded, *line_spans[above]):
                    return None
                break
        below = _next_line(folded, line_spans, line_no, in_noise)
        if below is None or _PART.match(folded, *line_spans[below]) or _NOTES.fullmatch(folded, *line_spans[below]):
            return None  # the last word of a page, or an entry of a table of contents (名词解释 / 第一部分 …)
        return Attachment(line_no, start, _without_colon(text, word))
    match = _ATTACHMENT.fullmatch(folded, start, end)
    if match is None:
        return None
    rest = Span(*strip_bounds(text, *match.span("rest")))
    if rest.end > rest.start and match.group("num") is None and match.group("sep") is None:
        return None  # 附件是…: a word of a sentence
    if (
        _SENTENCE.search(folded, rest.start, rest.end)
        or _FILE.search(folded, rest.start, rest.end)
        or _NOT_A_NAME.search(folded, rest.start, rest.end)
        or _LIST_NUMBER.match(folded, rest.start, rest.end)
    ):
        return None
    below = _next_line(folded, line_spans, line_no, in_noise)
    if below is None or _listed(folded, *line_spans[below]):
        return None  # the last word of a page, or one entry of a list (附件1:… / 附件2:…, a table of contents)
    if rest.end > rest.start:
        return Attachment(line_no, start, _without_colon(text, rest))
    # the name is on a line below: the first that names a document, past the unit that issued it
    seen = 0
    for below in range(line_no + 1, min(len(line_spans), line_no + 1 + 4 * _NAME_REACH)):
        if below in heading_lines:
            break
        name = Span(*strip_bounds(text, *line_spans[below]))
        if name.start == name.end or in_noise(name.start, name.end):
            continue
        if seen >= _NAME_REACH:
            break
        seen += 1
        if _FILE.search(folded, name.start, name.end):
            return None  # 附件: followed by a list of files to download
        if name.end - name.start > _TITLE_CHARS or _SENTENCE.search(folded, name.start, name.end):
            break
        if _NAMES_DOCUMENT.search(folded, name.start, name.end):
            return Attachment(line_no, start, _without_colon(text, name), (below,))
    return Attachment(line_no, start, _without_colon(text, word))


def _listed(folded: str, start: int, end: int) -> bool:
    """Whether the line after an 附件 line shows it to be one entry of a list: another 附件 line, or a part
    of a table of contents (第一部分 …)."""
    if _PART.match(folded, start, end):
        return True
    match = _ATTACHMENT.fullmatch(folded, start, end)
    return match is not None and (
        match.group("num") is not None
        or match.group("sep") is not None
        or not folded[match.start("rest") : match.end("rest")].strip()
    )


_CLOSING_FORMULA = regex.compile(r"[ \t]*(?:特此|以上|此致|专此)")


def document_name(text: str, folded: str, start: int, end: int) -> Span | None:
    """The line ``[start, end)`` stripped, if it is a short line that names a document
    (``2025年全市十件民生实事``, ``名词解释``); else ``None``."""
    name = Span(*strip_bounds(text, start, end))
    if name.start == name.end or name.end - name.start > _TITLE_CHARS:
        return None
    if _SENTENCE.search(folded, name.start, name.end) or _FILE.search(folded, name.start, name.end):
        return None
    if _CLOSING_FORMULA.match(folded, name.start, name.end) or not _NAMES_DOCUMENT.search(folded, name.start, name.end):
        return None
    return _without_colon(text, name)


def _next_line(
    folded: str, line_spans: Sequence[tuple[int, int]], line_no: int, in_noise: Callable[[int, int], bool]
) -> int | None:
    """The next line with text that is not noise, a few lines down at most."""
    for below in range(line_no + 1, min(len(line_spans), line_no + 1 + 4 * _NAME_REACH)):
        start, end = line_spans[below]
        if folded[start:end].strip() and not in_noise(start, end):
            return below
    return None


def _without_colon(text: str, span: Span) -> Span:
    end = span.end
    while end > span.start and text[end - 1] in ":：":
        end -= 1
    return Span(*strip_bounds(text, span.start, end))
