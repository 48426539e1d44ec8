"""Which line titles a report, and the subtitle (dateline) and speaker lines under it.

A scraped page puts furniture above the report (toolbars, breadcrumbs, a site name, 下载) and often
repeats the title or appends the site's name to it (``政府工作报告-某某网``). The title is the report's
own: the first line in the page head that names a report (…政府工作报告, …工作总结, …决算说明,
…统计公报) — without a site suffix — or, failing that, the page's first real line when it is short and
not a sentence. It is never furniture, a dateline (``——2025年1月20日在……会议上``,
``(2025年1月18日在……)``), a speaker line (``省长 某某``) or a salutation (``各位代表:``).

The words these rules read are data (``gongwen/data/title_words.txt``). Every span indexes the original
text; the rules read its normalised view.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection
from functools import cache

import attrs
import regex

from gongwen.datafiles import alternation, word_groups
from gongwen.model import Span
from gongwen.textview import strip_bounds

__all__ = ["TitleParts", "find_byline", "find_title", "is_salutation", "is_speaker", "names_report", "title_words"]

# How many non-blank lines of a document's head are read for its title, and below a title for its byline.
_HEAD_LINES = 40
_BYLINE_LINES = 4
_MAX_TITLE = 80
_SHORT = 4
# A sentence: final or clause punctuation inside the line.
_SENTENCE = regex.compile(r"[。;!?,]")
_FINAL = regex.compile(r"[。;!?]")
# A line long enough, with punctuation, to be the report's body: the head ends there.
_BODY = regex.compile(r"[。;!?,:]")
_BODY_LENGTH = 25
_KEY = regex.compile(r"[^\s:]{1,8}[ \t]*[::]")
_EXTENSION = regex.compile(r"\.(?:docx?|DOCX?|pdf|PDF|pptx?|PPTX?|txt|TXT|wps|WPS)[ \t]*$")
_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4}|20xx|xxxx)\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|xx)\s*月"


@attrs.frozen
class TitleParts:
    """The title, subtitle (dateline) and speaker lines of one report; each ``None`` where absent."""

    title: Span | None = None
    subtitle: Span | None = None
    speaker: Span | None = None


@cache
def title_words() -> dict[str, tuple[str, ...]]:
    """The shipped word groups: ``report``, ``site``, ``office``, ``salutation``."""
    return word_groups("title_words.txt")


@attrs.frozen
class _Rules:
    report: regex.Pattern[str]
    report_end: regex.Pattern[str]
    suffix: regex.Pattern[str]
    site_name: regex.Pattern[str]
    dateline: regex.Pattern[str]
    dateline_start: regex.Pattern[str]
    dateline_end: regex.Pattern[str]
    speaker: regex.Pattern[str]
    salutation: regex.Pattern[str]


@cache
def _rules() -> _Rules:
    words = title_words()
    site = alternation(words["site"])
    office = alternation(words["office"])
    salutation = alternation(words["salutation"])
    return _Rules(
        report=regex.compile(alternation(words["report"])),
        report_end=regex.compile(rf"(?:{alternation(words['report'])})(?:[((][^()()]{{1,8}}[))]|[)》\"”])*$"),
        # 标题-某某网, 标题_某某政府网, 标题 | 某某网, 标题 - 某某频道 (not —— of a dateline)
        suffix=regex.compile(rf"[ \t]*(?:[-_|–丨]|—(?!—)|[ \t]-[ \t])[ \t]*[^-_|–—丨\s]{{1,24}}?(?:{site})[ \t]*$"),
        site_name=regex.compile(rf"(?:{site})$"),
        dateline=regex.compile(
            rf"^(?:(?:——|—|─|―|--|-){{1,2}}[ \t]*.{{0,100}}(?:会议|大会|会上|讲话|报告|发言|座谈|{_DATE}).{{0,60}}"
            rf"|[(\[][ \t]*{_DATE}.{{0,80}}[)\]]"
            rf"|[(\[].{{0,60}}(?:会议|大会)(?:上|通过|审议).{{0,20}}[)\]]"
            rf"|{_DATE}\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日"
            rf"(?:[ \t]*在.{{2,80}}(?:会议|大会)上.{{0,12}})?)$"
        ),
        # a dateline broken over two lines: 2025年3月21日在某某区第十九届 / 人民代表大会第四次会议上
        dateline_start=regex.compile(rf"^(?:——|—)?[ \t]*{_DATE}\s*\d{{1,2}}\s*日[ \t]*在.{{2,60}}$"),
        dateline_end=regex.compile(r"^.{0,40}(?:会议|大会)上(?:的讲话|的报告)?[))]?$"),
        speaker=regex.compile(
            rf"^[\u4e00-\u9fff()]{{0,30}}?(?:{office})[ \t]+[\u4e00-\u9fff·](?:[ \t]?[\u4e00-\u9fff·]){{1,4}}$"
        ),
        salutation=regex.compile(rf"^(?:{salutation})(?:[、,和及与 \t]*(?:{salutation})){{0,5}}[ \t]*[:,!]?$"),
    )


def names_report(line: str) -> bool:
    """Whether a (normalised) line names a report: 2025年政府工作报告, 某某局2024年度部门决算说明."""
    return _rules().report.search(line) is not None


def _ends_report(line: str) -> bool:
    """Whether a line ends with the name of a report (……在全市大会上的讲话, ……工作报告(全文))."""
    return _rules().report_end.search(line) is not None


def _is_dateline(line: str) -> bool:
    return _rules().dateline.match(line) is not None


def is_salutation(line: str) -> bool:
    """Whether a (normalised) line opens a speech: 各位代表:, 同志们:."""
    return _rules().salutation.match(line) is not None


def is_speaker(line: str) -> bool:
    """Whether a (normalised) line names a speaker: 国务院总理 李强, 某某市人民政府市长 某某, 省长 某某."""
    return _rules().speaker.match(line) is not None


def _title_shaped(line: str, *, commas: bool = False) -> bool:
    """A short line without sentence punctuation (commas allowed if ``commas``: 凝心聚力,砥砺前行——在……上的
    讲话), not ending in a colon or inside a number."""
    return (
        0 < len(line) <= _MAX_TITLE
        and (_FINAL if commas else _SENTENCE).search(line) is None
        and not line.endswith((":", ":"))
        and not line[-1].isdigit()
    )


def _kept_end(folded: str, start: int, end: int) -> int:
    """The end of the title without a site suffix (政府工作报告-某某网 → 政府工作报告) or a file extension
    (工作总结.docx), if what stays names a report; at most two suffixes are dropped (标题-频道-网站)."""
    rules = _rules()
    extension = _EXTENSION.search(folded, start, end)
    if extension is not None and names_report(folded[start : extension.start()]):
        end = extension.start()
    for _ in range(2):
        suffix = rules.suffix.search(folded, start, end)
        if suffix is None or not names_report(folded[start : suffix.start()]):
            break
        end = suffix.start()
        while end > start and folded[end - 1] in " \t":
            end -= 1
    return end


def _lines(folded: str, start: int, end: int, limit: int) -> list[tuple[int, int, int]]:
    """Up to ``limit`` non-blank lines of ``[start, end)``: ``(line_start, stripped_start, stripped_end)``."""
    found: list[tuple[int, int, int]] = []
    position = start
    while position < end and len(found) < limit:
        stop = folded.find("\n", position, end)
        stop = end if stop < 0 else stop
        line_start, line_end = strip_bounds(folded, position, stop)
        if line_end > line_start:
            found.append((position, line_start, line_end))
        position = stop + 1
    return found


def find_title(
    text: str,
    folded: str,
    start: int,
    end: int,
    *,
    in_noise: Callable[[int, int], bool],
    heading_starts: Collection[int] = (),
) -> TitleParts:
    """The title, subtitle and speaker of the report that starts at ``start`` (and ends by ``end``).

    ``in_noise(start, end)`` says whether a span overlaps page furniture; ``heading_starts`` holds the
    start offsets of lines that open a heading (the head of the report ends at the first of them).
    """
    rules = _rules()
    weak: tuple[int, int] | None = None
    chosen: Span | None = None
    byline: list[Span | None] = [None, None]  # a dateline and speaker met in a head without a title
    first_real = True
    for line_start, s, e in _lines(folded, start, end, _HEAD_LINES):
        if in_noise(s, e):
            continue
        if line_start in heading_starts or s in heading_starts:
            break
        line = folded[s:e]
        if is_salutation(line):
            break  # 各位代表: the speech has begun
        if _is_dateline(line) or is_speaker(line):
            if _is_dateline(line):
                byline[0] = byline[0] or Span(s, e)
            else:
                byline[1] = byline[1] or Span(s, e)
            first_real = False
            continue
        if not _title_shaped(line) and not (_title_shaped(line, commas=True) and _ends_report(line)):
            if len(line) >= _BODY_LENGTH and _BODY.search(line):
                break  # the report's body: no title below it
            if not _KEY.fullmatch(line):
                first_real = False  # (a key of the page's index table, 内容概述:, is no line of text)
            continue  # a short line of furniture the noise rules did not know
        kept = _kept_end(folded, s, e)
        if names_report(folded[s:kept]) and text[e:end].strip():  # a text of one line is a phrase
            if chosen is None:
                chosen = Span(s, kept)
            elif kept - s > len(chosen) and folded[chosen.start : chosen.end] in folded[s:kept]:
                chosen = Span(s, kept)  # 政府工作报告 in a breadcrumb, then 2025年某某市政府工作报告
        elif first_real and weak is None and len(line) > _SHORT and not rules.site_name.search(line):
            weak = (s, e)
        if len(line) > _SHORT:
            first_real = False  # a line of one to four characters is furniture more often than not
    if chosen is not None:
        if not _ends_report(folded[chosen.start : chosen.end]):
            # a news headline that mentions a report (某某省政府工作报告全文发布) gives way to the report's own
            # title right above its dateline or speaker, where there is one below it
            below = _title_over_byline(folded, chosen.end, end, in_noise, heading_starts)
            if below is not None and _ends_report(folded[below.start : below.end]):
                return _with_byline(text, folded, below, end, in_noise, heading_starts)
        parts = _with_byline(text, folded, chosen, end, in_noise, heading_starts)
        if parts.subtitle is None and parts.speaker is None:
            # a news page: its headline (新华社受权播发《政府工作报告》), a lead, then the report's own title
            below = _title_over_byline(folded, parts.title.end if parts.title else start, end, in_noise, heading_starts)
            if below is not None:
                return _with_byline(text, folded, below, end, in_noise, heading_starts)
        return parts
    if weak is None or not text[weak[1] : end].strip():
        below = _title_over_byline(folded, start, end, in_noise, heading_starts)
        if below is not None:
            return _with_byline(text, folded, below, end, in_noise, heading_starts)
        return TitleParts(None, byline[0], byline[1])
    return _with_byline(text, folded, Span(*weak), end, in_noise, heading_starts)


def _title_over_byline(
    folded: str, start: int, end: int, in_noise: Callable[[int, int], bool], heading_starts: Collection[int]
) -> Span | None:
    """A line that names a report right above its dateline or speaker, among the lines before the first
    heading: the report's own title below a news page's headline and lead."""
    lines = [line for line in _lines(folded, start, end, _HEAD_LINES) if not in_noise(line[1], line[2])]
    for (line_start, s, e), following in itertools.pairwise(lines):
        if line_start in heading_starts or s in heading_starts:
            return None
        line = folded[s:e]
        if _title_shaped(line) and names_report(line):
            below = folded[following[1] : following[2]]
            if _is_dateline(below) or is_speaker(below) or _rules().dateline_start.match(below):
                return Span(s, _kept_end(folded, s, e))
    return None


def _with_byline(
    text: str,
    folded: str,
    title: Span,
    end: int,
    in_noise: Callable[[int, int], bool],
    heading_starts: Collection[int],
) -> TitleParts:
    line_end = folded.find("\n", title.end, end)
    after = end if line_end < 0 else line_end
    subtitle, speaker = find_byline(folded, after, end, in_noise=in_noise, heading_starts=heading_starts)
    return TitleParts(title, subtitle, speaker)


def find_byline(
    folded: str,
    after: int,
    end: int,
    *,
    in_noise: Callable[[int, int], bool],
    heading_starts: Collection[int] = (),
) -> tuple[Span | None, Span | None]:
    """The subtitle (dateline) and speaker lines among the few lines after a title line that ends at
    ``after``: ``——2025年1月20日在……会议上``, ``(2025年1月18日在……)``, ``某某市市长 某某``.

    A repeated title or an issuing office (某某市统计局) between them is passed over.
    """
    rules = _rules()
    subtitle: Span | None = None
    speaker: Span | None = None
    lines = [line for line in _lines(folded, after, end, _HEAD_LINES) if not in_noise(line[1], line[2])]
    index = 0
    while index < len(lines) and index <= _BYLINE_LINES:
        line_start, s, e = lines[index]
        index += 1
        if line_start in heading_starts or s in heading_starts:
            break
        line = folded[s:e]
        if subtitle is None and _is_dateline(line):
            subtitle = Span(s, e)
        elif subtitle is None and rules.dateline_start.match(line) and index < len(lines):
            _, s2, e2 = lines[index]
            if rules.dateline_end.match(folded[s2:e2]):
                subtitle = Span(s, e2)
                index += 1
            else:
                break
        elif speaker is None and is_speaker(line):
            speaker = Span(s, e)
        elif not (_title_shaped(line) and len(line) <= 30):
            break  # the body, or a salutation: the byline is over
        if subtitle is not None and speaker is not None:
            break
    return subtitle, speaker
