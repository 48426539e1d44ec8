"""Page furniture by its shape: the line rules that phrase lists cannot cover (GUIDELINES §2).

:func:`gongwen.noise.find_noise` first runs the patterns of ``noise_patterns.txt``; these rules then
read the page line by line, once, with every look-ahead capped:

- ``short_lines``: a run of one- to four-character lines before the report starts (a menu, a split
  breadcrumb, 中华网 / 注册 / 登录);
- ``toolbar``: a control split over lines (``【字体:`` / ``大`` / ``中`` / ``小`` / ``】``);
- ``breadcrumb``: ``您的位置:`` / ``首页`` / ``>`` / ``要闻`` on lines of their own;
- ``meta``: the value of a key written on the line below it (``索引号:`` / ``6107…/2024-001005``);
- ``caption``: a photo caption, a line ending in ``……记者 某某 摄``;
- ``related``: the link list under ``相关报道:`` (and the like) after the report has started;
- ``notice``: a sharing site's numbered notices to downloaders (``1、下载文档前请自行甄别…``);
- a line holding a ``line_<kind>`` word (``某ICP备00000000号`` is ``footer``, ``…由会员分享,可在线阅读…``
  is ``disclaimer``).

A line of the report is never taken: a heading marker, a salutation (``各位代表:``), a dateline or a
speaker line, a line that names a report. The words the rules read are data
(``gongwen/data/furniture_words.txt``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from functools import cache

import attrs
import regex

from gongwen.datafiles import alternation, word_groups
from gongwen.model import NoiseKind
from gongwen.textview import line_starts
from gongwen.titles import is_salutation, is_speaker, names_report

__all__ = ["find_furniture", "furniture_words"]

_K = NoiseKind
# Furniture of a page's head: known lines of these kinds count towards a run of short lines.
_HEAD_KINDS = frozenset({_K.TOOLBAR, _K.BREADCRUMB, _K.META, _K.DATETIME, _K.SHORT_LINES})
_SHORT = 4  # a "very short" line, in characters
_RUN_CAP = 12  # lines a control run or breadcrumb may span
_LIST_CAP = 15  # links a trailer list may hold
_LINK_LENGTH = 50
_VIEW = 200  # characters of a line the rules read (furniture lines are shorter)
_CONTAINS_LENGTH = 140  # a longer line that holds a line_<kind> word is a paragraph, not furniture
_TRAILER_HEAD = 16  # the longest trailer head line (【相关报道】:)
_NUMBER_STARTS = frozenset("0123456789(")  # the first character of a numbered notice
_BODY_LENGTH = 30  # a line this long with a comma is the report's body …
_SENTENCE_LENGTH = 20  # … and one this long with a full stop

# A line that opens with an outline marker is the report's (一、综合 is four characters).
_MARKER = regex.compile(
    r"[一二三四五六七八九十]{1,3}[ \t]*[、.,]|[0-9]{1,2}[ \t]*[、.]|[((]"
    r"|第[一二三四五六七八九十0-9]{1,3}[部章节篇]|[\u2460-\u2473\u3220-\u3229]"
)
_NUMBERED_HEADING = regex.compile(
    r"[一二三四五六七八九十]{1,3}[、.,]|[0-9]{1,2}[、.]|\([一二三四五六七八九十0-9]{1,3}\)"
)
_NUMBERED = regex.compile(r"(?:(?P<n>[0-9]{1,2})[ \t]*[、.)]|\([ \t]*(?P<n>[0-9]{1,2})[ \t]*\))[ \t]*")
_SYMBOLS = regex.compile(r"[>›»|/\-—–·•:【】\[\]]+")
_SEPARATOR = regex.compile(r">{1,2}|›|»|/|\||-")
_OPEN_BRACKET = regex.compile(r"[【\[][^】\]]{0,8}")
_SENTENCE = regex.compile(r"[。;!?]")
_BODY = regex.compile(r"[。;!?,:]")
_BREADCRUMB_HEAD = regex.compile(r"(?:您的|你的|您当前的|您现在的|当前|所在)[ \t]*(?:的[ \t]*)?位置[ \t]*[::]?")
_CAPTION = regex.compile(
    r"(?:记者|通讯员|摄影|图/|图:|图片)[^。\n]{0,24}摄影?$"
    r"|[ \t/|(][\u4e00-\u9fff]{2,4}(?:[ \t]+[\u4e00-\u9fff]{2,4})*[ \t]*摄影?$"
    r"|^[\u4e00-\u9fff]{2,4}[ \t]+摄影?$"
    r"|供图$"
)
_KEY_ONLY = regex.compile(r".{1,10}[::|][ \t]*$")
_KEYWORDS = regex.compile(r"关\s*键\s*[词字]|标\s*签")
_COUNTER = regex.compile(r"阅读|浏览|访问|点击|评论|次数")
# A line's text without the white space (and invisible characters) around it: str.isspace, as strip_bounds.
_CONTENT = re.compile(r"\S(?:.*\S)?", re.DOTALL)
_DATELINE = regex.compile(r"(?:——|—|--)|[(\[][ \t]*\d{4}[ \t]*年")


@cache
def furniture_words() -> dict[str, tuple[str, ...]]:
    """The shipped word groups: ``notice_cue``, ``notice_address``, ``notice_word``, ``size``, ``trailer``."""
    return word_groups("furniture_words.txt")


def _words(group: str) -> regex.Pattern[str]:
    return regex.compile(alternation(furniture_words()[group]))


@attrs.frozen
class _Rules:
    cue: regex.Pattern[str]
    address: regex.Pattern[str]
    word: regex.Pattern[str]
    size_line: regex.Pattern[str]
    trailer: regex.Pattern[str]
    contains: re.Pattern[str]


@cache
def _rules() -> _Rules:
    sizes = alternation(furniture_words()["size"])
    return _Rules(
        cue=_words("notice_cue"),
        address=_words("notice_address"),
        word=_words("notice_word"),
        size_line=regex.compile(rf"(?:[ \t|/:,·】\]]*(?:{sizes})[ \t|/:,·】\]]*)+|[ \t|/:,·】\]]+"),
        contains=_contains(),
        trailer=regex.compile(rf"[【\[]?[ \t]*(?:{_words('trailer').pattern})[ \t]*[】\]]?[ \t]*[::]?"),
    )


def _contains() -> re.Pattern[str]:
    """One pattern of the ``line_<kind>`` words, a named group per kind (``line_footer`` → ``footer``), behind
    a lookahead for their first characters (run by ``re``, it scans a page in two thirds of the time)."""
    groups = [group for group in furniture_words() if group.startswith("line_")]
    words = [word for group in groups for word in furniture_words()[group]]
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(f"(?P<{group.removeprefix('line_')}>{_words(group).pattern})" for group in groups)
    first = "".join(sorted({re.escape(word[0]) for word in words}))
    return re.compile(f"(?=[{first}])(?:{alternatives})")


@attrs.define
class _Page:
    """The non-blank lines of a page (stripped bounds in the normalised text) and what is known of them."""

    folded: str
    bounds: list[tuple[int, int]]
    kinds: list[str | None]
    #: Each line's text, cut at _VIEW characters: no rule reads further into a paragraph.
    texts: list[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.texts = [self.folded[start : min(end, start + _VIEW)] for start, end in self.bounds]

    def line(self, index: int) -> str:
        return self.texts[index]

    def mark(self, index: int, kind: str) -> None:
        if self.kinds[index] is None:
            self.kinds[index] = kind


def find_furniture(
    folded: str, known: Mapping[tuple[int, int], str], starts: Sequence[int] | None = None
) -> dict[tuple[int, int], str]:
    """The furniture lines of a page that the patterns did not find: ``{(start, end): kind}``.

    ``folded`` is the normalised text; ``known`` holds the spans the patterns found (a line whose
    stripped bounds are one of them counts as furniture already); ``starts`` are the line starts of
    ``folded`` (:func:`gongwen.textview.line_starts`, found here if not given).
    """
    bounds = _line_bounds(folded, line_starts(folded) if starts is None else starts)
    page = _Page(folded, bounds, [known.get(b) for b in bounds])
    _containing(page)
    _notices(page)
    for index, line in enumerate(page.texts):  # cheap tests first: most lines are the report's
        kind = page.kinds[index]
        if kind == _K.TOOLBAR or line[:1] in "【[":
            _control_run(page, index)
        if kind == _K.BREADCRUMB or "位置" in line:
            _breadcrumb_run(page, index)
        if kind == _K.META:
            _key_value(page, index)
        if "摄" in line[-6:] or "供图" in line[-6:]:
            _caption(page, index)
    report_start = _report_start(page)
    for index in range(report_start, len(bounds)):
        if len(page.texts[index]) <= _TRAILER_HEAD:
            _trailer(page, index)
    _short_runs(page, report_start)
    return {
        b: str(kind)
        for b, kind, before in zip(bounds, page.kinds, (known.get(b) for b in bounds), strict=True)
        if kind is not None and before is None
    }


def _line_bounds(folded: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """The stripped bounds of the lines that are not blank (white space is stripped by a regex, not a loop)."""
    bounds = []
    ends = [*(start - 1 for start in starts[1:]), len(folded)]
    content = _CONTENT.search
    for start, end in zip(starts, ends, strict=True):
        found = content(folded, start, end)
        if found is not None:
            bounds.append(found.span())
    return bounds


def _is_report_line(page: _Page, index: int, *, names: bool = True) -> bool:
    """A line the rules never take: a heading, a salutation, a dateline, one that names a report (unless
    ``names`` is false: a breadcrumb's column may be called 政府工作报告)."""
    line = page.line(index)
    return (
        _MARKER.match(line) is not None
        or is_salutation(line)
        or _DATELINE.match(line) is not None
        or (names and names_report(line))
    )


def _report_start(page: _Page) -> int:
    """The first line of the report's body (a sentence of some length, or 各位代表:), or past the end."""
    for index in range(len(page.bounds)):
        if page.kinds[index] is not None:
            continue
        line = page.line(index)
        if is_salutation(line) or (len(line) >= _BODY_LENGTH and _BODY.search(line)) or (
            len(line) >= _SENTENCE_LENGTH and _SENTENCE.search(line)
        ):
            return index
    return len(page.bounds)


def _containing(page: _Page) -> None:
    """Lines that contain a ``line_<kind>`` word (某ICP备00000000号): one scan of the text for the words."""
    starts = [start for start, _ in page.bounds]
    for match in _rules().contains.finditer(page.folded):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and page.bounds[index][1] - page.bounds[index][0] <= _CONTAINS_LENGTH:
            start, end = page.bounds[index]
            if start <= match.start() < end and match.lastgroup is not None:
                page.mark(index, match.lastgroup)


def _notices(page: _Page) -> None:
    """Numbered notices of a sharing site: an item with a cue word that addresses the reader, and the
    items numbered next to it (before and after) that read like notices too."""
    rules = _rules()
    numbers: dict[int, int] = {}  # line index → its number, for the numbered lines only (few of a page)
    for index, line in enumerate(page.texts):
        if line[:1] in _NUMBER_STARTS:
            numbered = _NUMBERED.match(line)
            if numbered is not None:
                numbers[index] = int(numbered.group("n"))

    def weak(index: int) -> bool:
        line = page.texts[index]
        return any(p.search(line) for p in (rules.cue, rules.address, rules.word))

    for index in numbers:  # in text order
        line = page.texts[index]
        if rules.cue.search(line) is None or rules.address.search(line) is None:
            continue
        page.mark(index, _K.NOTICE)
        for step in (-1, 1):
            current = index
            following = index + step
            while following in numbers and weak(following):
                if numbers[following] != numbers[current] + step:
                    break
                page.mark(following, _K.NOTICE)
                current, following = following, following + step


def _control_run(page: _Page, index: int) -> None:
    """A toolbar control split over lines: after a toolbar line or an open ``【``, the size words and the
    closing bracket on the lines below."""
    line = page.line(index)
    opened = page.kinds[index] is None and _OPEN_BRACKET.fullmatch(line) is not None
    if page.kinds[index] != _K.TOOLBAR and not opened:
        return
    size_line = _rules().size_line
    last = index
    closed = False
    for following in range(index + 1, min(index + 1 + _RUN_CAP, len(page.bounds))):
        text = page.line(following)
        if page.kinds[following] not in (None, _K.TOOLBAR) or size_line.fullmatch(text) is None:
            break
        last = following
        if "】" in text or "]" in text:
            closed = True
            break
    if opened and not closed:
        return
    if last > index:
        for marked in range(index, last + 1):
            page.mark(marked, _K.TOOLBAR)


def _breadcrumb_run(page: _Page, index: int) -> None:
    """``您的位置:`` / ``首页`` / ``>`` / ``要闻``: after the head, items and separators taking turns."""
    line = page.line(index)
    if _BREADCRUMB_HEAD.fullmatch(line) is None and not (
        page.kinds[index] == _K.BREADCRUMB and _SEPARATOR.search(line[-2:])
    ):
        return
    expect_item = True
    marked = [index]
    for following in range(index + 1, min(index + 1 + _RUN_CAP, len(page.bounds))):
        text = page.line(following)
        if _SEPARATOR.fullmatch(text):
            if expect_item and len(marked) > 1:
                break
            expect_item = True
        elif (
            expect_item
            and len(text) <= 12
            and not _SENTENCE.search(text)
            and not _is_report_line(page, following, names=len(marked) == 1)
        ):
            expect_item = bool(_SEPARATOR.search(text[-2:]))
        else:
            break
        marked.append(following)
    if len(marked) > 1 or page.kinds[index] is None:
        for item in marked:
            page.mark(item, _K.BREADCRUMB)


def _key_value(page: _Page, index: int) -> None:
    """The value of a meta key written alone (``索引号:``) on the next line, if short and plain."""
    if page.kinds[index] != _K.META or index + 1 >= len(page.bounds):
        return
    key = _KEY_ONLY.fullmatch(page.line(index))
    if key is None or _COUNTER.search(key.group()):
        return  # a counter's value is filled in by the page's script, not written below it
    value = page.line(index + 1)
    plain = len(value) <= 30 and not _SENTENCE.search(value)
    # keywords are words of the title (某某镇 工作总结): below their key they are never a report's line
    keywords = _KEYWORDS.search(key.group()) is not None
    if plain and (keywords or not _is_report_line(page, index + 1)) and not is_speaker(value):
        page.mark(index + 1, _K.META)


def _caption(page: _Page, index: int) -> None:
    """A photo caption: a line ending in ``……记者 某某 摄`` (or ``供图``), not a heading."""
    line = page.line(index).rstrip(")]")
    if not line.endswith(("摄", "摄影", "供图")) or _NUMBERED_HEADING.match(line):
        return
    if _CAPTION.search(line, max(0, len(line) - 40)):
        page.mark(index, _K.CAPTION)


def _trailer(page: _Page, index: int) -> None:
    """The link list under ``相关报道:`` after the report: short lines without sentence punctuation, up to a
    line that starts another report (a line followed by its dateline or salutation)."""
    if _rules().trailer.fullmatch(page.line(index)) is None:
        return
    page.mark(index, _K.RELATED)
    for following in range(index + 1, min(index + 1 + _LIST_CAP, len(page.bounds))):
        text = page.line(following)
        if page.kinds[following] is not None:
            continue
        if len(text) > _LINK_LENGTH or _SENTENCE.search(text) or _MARKER.match(text):
            return
        if (
            following + 1 < len(page.bounds)
            and _is_report_line(page, following + 1, names=False)
            and names_report(text)
        ):
            return  # a title over its dateline or salutation: another report begins (a list of titles is links)
        if is_salutation(text) or _DATELINE.match(text):
            return
        page.mark(following, _K.RELATED)


def _short_runs(page: _Page, report_start: int) -> None:
    """Runs of one- to four-character lines before the report starts: three or more, or two with a line
    of symbols (``>``, ``|``, ``】``). Lines already known as furniture count but are not marked again."""
    run: list[int] = []
    count = 0
    symbols = False
    for index in range(report_start + 1):
        known = index < report_start and page.kinds[index] in _HEAD_KINDS
        if index < report_start and page.kinds[index] is not None and not known:
            continue  # other furniture (a page number) neither counts nor breaks the run
        if known or (index < report_start and _short(page, index)):
            count += 1
            symbols = symbols or _SYMBOLS.fullmatch(page.line(index)) is not None
            if not known:
                run.append(index)
            continue
        if count >= 3 or (count >= 2 and symbols):
            for item in run:
                page.mark(item, _K.SHORT_LINES)
        run, count, symbols = [], 0, False


def _short(page: _Page, index: int) -> bool:
    line = page.line(index)
    return (
        len(line) <= _SHORT
        and not line.endswith((":", ":"))
        and not _BODY.search(line)
        and not _is_report_line(page, index)
    )
