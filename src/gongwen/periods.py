"""When a figure is, and whether it was achieved or is a target.

A report's *frame* (:func:`frame_of`) is the year it calls 今年, read from its dateline (——2026年1月20日在…)
or its title, and whether it looks back at the year before and plans this one (a 政府工作报告, a
budget report) or describes the year it names (a 工作总结, a 统计公报).

A figure's period is found, in this order, in its own sentence (2025年, 2021—2025年, “十四五”时期, 过去五年,
今年, 去年, 到2030年), at the start of its paragraph (过去五年,…), in the titles of the sections it sits in
(2025年工作回顾, 主要预期目标), else from the frame and its status. A level reached by the end of a span
belongs to the span's last year (“十四五”…地区生产总值达到9.8万亿元 → 2025); a rate averaged over it
(年均增长6.1%) to the span (2021-2025); the figure a change starts from (从4万亿元增加到…) to the year
before the span.

Its status is ``target`` (预期目标, 目标, 力争, 确保, 控制在, a plan's section, a year still to come) or
``actual`` (a review's section, 完成, 同比, a year gone), else ``None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import attrs
import regex

from gongwen.model import Status

__all__ = [
    "Frame",
    "Period",
    "Resolution",
    "Resolver",
    "frame_of",
    "last_break",
    "section_status",
    "sentence_start",
    "soft_newline",
]

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"(?:19|20)[0-9]{2}"
# Every period cue of a sentence, in one pattern (the text is the folded, half-width view).
_CUE = regex.compile(
    rf"(?P<span>(?P<a>{_YEAR})\s*年?\s*(?:-|—{{1,2}}|–|~|至|到)\s*(?P<b>{_YEAR})\s*年)"
    r"|(?P<fyp>[\"“‘]?十(?P<n>[一二三四五六七八九])五[\"”’]?(?:时期|期间|以来|规划期|期末|末)?)"
    rf"|(?P<year>(?P<y>{_YEAR})\s*年度?(?!\s*[0-9一二三四五六七八九十]{{1,2}}\s*月\s*[0-9一二三四五六七八九十]))"
    r"|(?P<years>(?:过去|近|这)(?P<k>[两二三四五六七八九十2-9]|10)年(?!来|前|后|内|间)|(?P<k2>[两二三四五六七八九十2-9]|10)年来)"
    r"|(?P<last>过去一年|一年来|去年|上一年|上年(?!同期|度))"
    r"|(?P<this>今年|本年(?!度)|明年|前年)"
)
# Part of a year: a figure of 上半年 or 1—11月 is no cell of the year's panel.
_PARTIAL = regex.compile(
    r"上半年|下半年|前三季度|[一二三四1-4]季度|前[0-9一二三四五六七八九十]{1,2}个月"
    r"|[0-9一二三四五六七八九十]{1,3}\s*(?:-|—{1,2}|–|~|至|到)\s*[0-9一二三四五六七八九十]{1,3}\s*月(?!\s*[0-9])"
)
_BASIS_BEFORE = regex.compile(r"(?:比|较|与|同|相比|超过|低于|高于|于)\s*[\"“]?$")
_FROM_BEFORE = regex.compile(r"(?:由|从)\s*$")
_REVIEW_TITLE = regex.compile(
    r"回顾|过去一年|过去五年|五年来|一年来|主要成绩|主要成就|取得的成绩|工作总结|完成情况|执行情况|实施情况|工作成效"
)
_PLAN_TITLE = regex.compile(
    r"预期目标|主要目标|目标任务|工作安排|重点工作|工作任务|工作计划|工作打算|下一步|今后|总体要求|工作建议|的建议"
    r"|工作思路|展望|政策取向|主要任务|重大任务"
)
# Words of a sentence that say what its figures are, in one pattern: the strong ones (st: target, sa:
# actual) outweigh the section's title, the weak ones (wt, wa) only decide where the sections say nothing.
_STATUS_WORDS = regex.compile(
    r"(?P<st>预期目标|主要目标|目标是|目标为|力争)"
    r"|(?P<sa>预计|比上年|比去年|较上年|较去年|同比|实现了|完成了|达到了)"
    r"|(?P<wt>确保|争取|控制在|努力实现|拟|目标)"
    r"|(?P<wa>完成|首次|已经|累计)"
)
_DATELINE = regex.compile(
    rf"(?P<y>{_YEAR})\s*年\s*(?P<m>[0-9]{{1,2}})\s*月\s*[0-9]{{1,2}}\s*日"
    rf"|(?P<cy>[二][〇零○][一二三四五六七八九〇零○]{{2}})年(?P<cm>[一二三四五六七八九十]{{1,3}})月"
)
_ISO_DATE = regex.compile(rf"(?<![0-9])(?P<y>{_YEAR})[-/.](?:0?[1-4])[-/.][0-9]{{1,2}}(?![0-9])")
_REVIEWS_PREVIOUS = regex.compile(r"政府工作报告|工作报告|预算执行情况|预算草案|计划执行情况")
_DESCRIBES_YEAR = regex.compile(r"总结|公报|决算|年报|述职")
_TOPIC_AFTER = regex.compile(r"[\"”]?(?:,|是|以来|来,|中,|里,|期间,|时期,)")  # 2025年, / 过去五年, / 2025年是
_OPENER = regex.compile(r"[\s\"“]*(?:在)?")
_SENTENCE_END = regex.compile(r"[。!?\n]")
_REACH = 500  # how far back a sentence is read for its period and status cues (a targets list is long)
_PARAGRAPH_REACH = 400


@attrs.frozen
class Frame:
    """The year a document calls 今年 (``None`` if it does not say), and whether it reviews the year before."""

    year: int | None = None
    reviews_previous: bool = False
    #: A 工作总结 or 统计公报: it reports on the year it names, so a figure no word marks is an actual.
    describes: bool = False


@attrs.frozen(order=True)
class Period:
    """A year (``first == last``) or a span of years."""

    first: int
    last: int

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def is_span(self) -> bool:
        return self.first != self.last


@attrs.frozen
class Resolution:
    """A figure's resolved period, the words that gave it, and its status."""

    period: Period | None
    period_text: str | None
    status: Status | None


def _cn_year(text: str) -> int:
    digits = {"〇": 0, "零": 0, "○": 0, **_CN_DIGIT}
    return int("".join(str(digits[c]) for c in text))


def _cn_month(text: str) -> int:
    """十二 → 12, 三 → 3."""
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGIT.get(text, 0)
    return 10 * (_CN_DIGIT.get(tens, 1) if tens else 1) + _CN_DIGIT.get(ones, 0)


def frame_of(title: str | None, head: str) -> Frame:
    """The frame of a document from its title and its first lines (``head``: the dateline is there)."""
    describes = bool(title and _DESCRIBES_YEAR.search(title))
    reviews = bool(title and _REVIEWS_PREVIOUS.search(title)) and not describes
    named = regex.search(rf"({_YEAR})\s*年", title or "")
    if describes and named is not None:
        return Frame(int(named.group(1)), False, True)  # 2024年…统计公报, published in 2025, is of 2024
    for match in _DATELINE.finditer(head):
        if match.group("y"):
            year, month = int(match.group("y")), int(match.group("m"))
        else:
            year, month = _cn_year(match.group("cy")), _cn_month(match.group("cm"))
        line_start = head.rfind("\n", 0, match.start()) + 1
        line = head[line_start : head.find("\n", match.end()) if "\n" in head[match.end() :] else len(head)]
        if "会议" in line or "——" in line or line.lstrip().startswith(("(", "—", "-")) or len(line.strip()) <= 16:
            # delivered early in the year, a report looks back at the last one; in December (即将过去的一年)
            # it reviews the year it is dated in and plans the next
            return Frame(year, (reviews or month <= 4) and month <= 6 and not describes, describes)
    if named is not None:
        return Frame(int(named.group(1)), reviews, describes)
    if reviews:  # a news page on a 政府工作报告: the date it was published (2026-03-05 10:40)
        dated = _ISO_DATE.search(head)
        if dated is not None:
            return Frame(int(dated.group("y")), True)
    return Frame(None, reviews)


def _count(numeral: str) -> int:
    """两 → 2, 十 → 10, 5 → 5."""
    return int(numeral) if numeral.isdigit() else {"两": 2, "十": 10}.get(numeral, _CN_DIGIT.get(numeral, 0))


def _fyp(numeral: str) -> Period | None:
    n = 10 + _CN_DIGIT[numeral]
    return Period(1981 + 5 * (n - 6), 1985 + 5 * (n - 6))  # the sixth plan was 1981-1985


def _cue_period(match: regex.Match[str], frame: Frame) -> Period | None:
    if match.group("span"):
        a, b = int(match.group("a")), int(match.group("b"))
        return Period(a, b) if a <= b else None
    if match.group("fyp"):
        plan = _fyp(match.group("n"))
        if plan is not None and frame.year is not None and "以来" in match.group() and plan.first < frame.year:
            # “十四五”以来 in a report of 2024 runs to the year before it (or to its own year, in a summary)
            last = frame.year - 1 if frame.reviews_previous else frame.year
            return Period(plan.first, min(plan.last, max(plan.first, last)))
        return plan
    if match.group("year"):
        return Period(int(match.group("y")), int(match.group("y")))
    year = frame.year
    if year is None:
        return None
    if match.group("years"):
        count = _count(match.group("k") or match.group("k2"))
        last = year - 1 if frame.reviews_previous or not frame.describes else year
        return Period(last - count + 1, last)
    if match.group("last"):
        return Period(year - 1, year - 1)
    word = match.group("this")
    offset = {"今年": 0, "本年": 0, "明年": 1, "前年": -2}[word]
    return Period(year + offset, year + offset)


def _pick(cues: Sequence[tuple[regex.Match[str], Period | None]], average: bool) -> tuple[str, Period] | None:
    """The cue that dates a figure: the last span where the figure is an average over one (年均增长), else
    the last single year (2025年是“十四五”收官之年: 2025), else the last cue."""
    resolved = [(m.group(), p) for m, p in cues if p is not None]
    if not resolved:
        return None
    preferred = [c for c in resolved if c[1].is_span == average]
    return preferred[-1] if preferred else resolved[-1]


@lru_cache(maxsize=1024)
def _title_cue(title: str, frame: Frame, average: bool) -> tuple[str, Period] | None:
    """The cue of a section's title (a report's figures share a few titles: read each once)."""
    return _pick([(m, _cue_period(m, frame)) for m in _CUE.finditer(title)], average)


@lru_cache(maxsize=1024)
def section_status(titles: Sequence[str]) -> Status | None:
    """The status the titles of a figure's sections give it (innermost first): a review or a plan."""
    for title in titles:
        review, plan = _REVIEW_TITLE.search(title), _PLAN_TITLE.search(title)
        if review and not plan:
            return Status.ACTUAL
        if plan and not review:
            return Status.TARGET
    return None


def _sentence_status(words: Sequence[tuple[int, str]], strong: bool) -> Status | None:
    """The status the last status word of a sentence gives (``words``: end offsets and group names)."""
    target, actual = ("st", "sa") if strong else ("wt", "wa")
    for _, kind in reversed(words):
        if kind == target:
            return Status.TARGET
        if kind == actual:
            return Status.ACTUAL
    return None


def _status_of(period: Period | None, frame: Frame) -> Status | None:
    """What the period alone says: a year still to come is a target, a year gone an actual."""
    if period is None or frame.year is None:
        return None
    year = frame.year
    if period.last > year or (period.first == year and frame.reviews_previous):
        return Status.TARGET
    if period.last < year or not frame.reviews_previous:
        return Status.ACTUAL
    return None


_WORD_CHAR = regex.compile(r"[\p{Han}0-9A-Za-z%]")
_SOFT_LINE = 20  # a line this long that breaks inside a word was broken by the page, not by the writer


def soft_newline(folded: str, offset: int) -> bool:
    """Whether the line break at ``offset`` falls inside a sentence (a PDF's or a page's line width):
    a word character on both sides, after a full line."""
    if offset <= 0 or offset + 1 >= len(folded):
        return False
    before = offset - 2 if folded[offset - 1] == "\r" else offset - 1  # a \r\n is one line end
    if not (before >= 0 and _WORD_CHAR.match(folded, before) and _WORD_CHAR.match(folded, offset + 1)):
        return False
    line_start = folded.rfind("\n", max(0, offset - _SOFT_LINE - 1), offset)
    return line_start < 0 and offset >= _SOFT_LINE


def last_break(folded: str, pattern: regex.Pattern[str], floor: int, start: int) -> int:
    """Where the text after the last match of ``pattern`` (compiled with ``regex.REVERSE``) in ``[floor,
    start)`` starts (``floor`` if none), a line break inside a sentence not counted."""
    position = start
    while True:
        match = pattern.search(folded, floor, position)
        if match is None:
            return floor
        if match.group() != "\n" or not soft_newline(folded, match.start()):
            return match.end()
        position = match.start()


def _sentence_end(folded: str, start: int, limit: int) -> int:
    """Where the sentence that starts at ``start`` ends (its 。 included), at most at ``limit``."""
    position = start
    while True:
        match = _SENTENCE_END.search(folded, position, limit)
        if match is None:
            return limit
        if match.group() != "\n" or not soft_newline(folded, match.start()):
            return match.end()
        position = match.end()


_SENTENCE_END_BACK = regex.compile(r"[。!?\n]", regex.REVERSE)


def sentence_start(folded: str, lo: int, start: int) -> int:
    """Where the sentence of the figure at ``start`` starts (at most 500 characters back, not before ``lo``)."""
    return last_break(folded, _SENTENCE_END_BACK, max(lo, start - _REACH), start)


def _paragraph_cue(folded: str, lo: int, sentence_start: int, frame: Frame, average: bool) -> tuple[str, Period] | None:
    """A cue that opens a sentence of the paragraph before: 过去五年,… / 2025年,… / 2025年是…"""
    floor = max(lo, sentence_start - _PARAGRAPH_REACH)
    line_start = folded.rfind("\n", floor, sentence_start)
    line_start = floor if line_start < 0 else line_start + 1
    starts = [line_start, *(m.end() for m in _SENTENCE_END.finditer(folded, line_start, sentence_start))]
    openers = []
    for position in starts:
        opener = _OPENER.match(folded, position, sentence_start)
        if opener is None:
            continue
        match = _CUE.match(folded, opener.end(), sentence_start)
        if match is not None and _TOPIC_AFTER.match(folded, match.end()):
            openers.append((match, _cue_period(match, frame)))
    return _pick(openers, average)


@attrs.define
class _Sentence:
    """What one sentence holds, read once for all its figures: its cues, parts of a year, status words."""

    cues: list[tuple[regex.Match[str], Period | None]]
    partial: list[regex.Match[str]]
    words: list[tuple[int, str]]
    opener: dict[bool, tuple[str, Period] | None] = attrs.Factory(dict)  # the paragraph's cue, by average


class Resolver:
    """Resolves the period and status of the figures of one document (``lo``: where it starts)."""

    def __init__(self, folded: str, lo: int, frame: Frame) -> None:
        self.folded, self.lo, self.frame = folded, lo, frame
        self._sentences: dict[int, _Sentence] = {}

    def _sentence(self, sentence_start: int) -> _Sentence:
        found = self._sentences.get(sentence_start)
        if found is None:
            folded = self.folded
            end = _sentence_end(folded, sentence_start, min(len(folded), sentence_start + _REACH + 1))
            cues = [(m, _cue_period(m, self.frame)) for m in _CUE.finditer(folded, sentence_start, end)]
            partial = list(_PARTIAL.finditer(folded, sentence_start, end))
            words = [(m.end(), m.lastgroup or "") for m in _STATUS_WORDS.finditer(folded, sentence_start, end)]
            found = self._sentences[sentence_start] = _Sentence(cues, partial, words)
        return found

    def _own_cues(self, sentence: _Sentence, start: int) -> list[tuple[regex.Match[str], Period | None]]:
        folded = self.folded
        out = []
        for match, period in sentence.cues:
            if match.end() > start:
                break
            if _BASIS_BEFORE.search(folded, max(0, match.start() - 3), match.start()):
                continue  # 比上年, 较2020年, 与“十三五”末相比: a basis, not the figure's period
            if _FROM_BEFORE.search(folded, max(0, match.start() - 2), match.start()) and regex.search(
                r"[至到]", folded[match.end() : start]
            ):
                continue  # 由2020年的7.2%提升至7.4%: the figure after 至 is not of 2020
            out.append((match, period))
        return out

    def __call__(
        self,
        start: int,
        *,
        titles: Sequence[str],
        level: bool,
        average: bool = False,
        base: bool = False,
        sentence: int | None = None,
    ) -> Resolution:
        """The period and status of the figure at ``start``.

        ``titles`` are its sections' titles, innermost first; ``level`` says whether it is a level (a level
        reached over a span is of the span's last year); ``base`` whether it is the figure a change starts
        from (从4万亿元增加到…); ``average`` whether it is averaged over the span (年均增长); ``sentence``
        where its sentence starts, if the caller knows (:func:`sentence_start`).
        """
        frame, titles = self.frame, tuple(titles)
        begin = sentence_start(self.folded, self.lo, start) if sentence is None else sentence
        found = self._sentence(begin)
        own = self._own_cues(found, start)
        words = [w for w in found.words if w[0] <= start]
        partial = [m for m in found.partial if m.end() <= start]
        if partial and (not own or partial[-1].start() > own[-1][0].start()):
            # 上半年, 1—11月: part of a year, no cell of its panel
            status = _sentence_status(words, True) or section_status(titles) or _sentence_status(words, False)
            return Resolution(None, partial[-1].group(), status)
        cue = _pick(own, average)
        strong = cue is not None
        if cue is None or (average and not cue[1].is_span):
            if average not in found.opener:
                found.opener[average] = _paragraph_cue(self.folded, self.lo, begin, frame, average)
            cue = found.opener[average] or cue
            strong = cue is not None
        if cue is None or (average and not cue[1].is_span):
            for title in titles:
                titled = _title_cue(title, frame, average)
                if titled is not None and (cue is None or titled[1].is_span):
                    cue = titled
                    break
        period = None if cue is None else cue[1]
        status = _status_of(period, frame) if strong else None
        if status is None:
            status = (
                _sentence_status(words, True)
                or section_status(titles)
                or _sentence_status(words, False)
                or _status_of(period, frame)
            )
        if status is None and frame.describes:
            status = Status.ACTUAL
        if period is None and frame.year is not None and status is not None:
            if status is Status.TARGET:
                year = frame.year if frame.reviews_previous else frame.year + 1
            else:
                year = frame.year - 1 if frame.reviews_previous else frame.year
            period = Period(year, year)
        if period is not None and period.is_span and level:
            period = Period(period.first - 1, period.first - 1) if base else Period(period.last, period.last)
        return Resolution(period, None if cue is None else cue[0], status)
