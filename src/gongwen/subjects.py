"""The subject of a metric: the shortest phrase of the text that names what is measured.

总人口55983人 → 总人口; 去年,我镇教育方面的投入总计55.57万元 → 投入; 辖20个村委会 → 村委会;
2人获一等奖 → 获一等奖. The phrase is looked for in the clause before the number, with jieba's word
boundaries and part-of-speech tags, and after the number where that clause names nothing or ends in a verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from gongwen import lexicon, segment
from gongwen.context import Context
from gongwen.model import MetricKind, Span
from gongwen.segment import pos_cut
from gongwen.textview import to_simplified

__all__ = ["find_subject", "names_indicator", "soft_break", "subject_after", "topic_before"]

_CLAUSE_STOP = frozenset(",。;:!?\n()\"'《》【】[]")
# Kinds whose number may name its subject after it: 20个村委会, 连续两年民主测评, 未满12周岁学生.
_NAMED_AFTER = frozenset((MetricKind.COUNT, MetricKind.DURATION, MetricKind.AGE, ""))
_CONJUNCTIONS = frozenset(("和", "与", "及", "、"))
_AFTER_BREAK = frozenset(("的", "中", "和", "与", "及", "等", "、"))
_PER_TIME = regex.compile(r"每(?:年|月|天|日|周|学期|季度)$")

_LINK_WORDS = (
    "分别为", "分别是", "分别达", "分别", "总计", "共计", "合计", "累计", "总数", "达到", "均达", "均为", "已达",
    "约为", "共有", "又有", "已有", "还有", "现有", "为期", "各占", "共", "均", "达", "为", "是", "有", "计", "约",
    "近", "占", "了", "在", "由", "到", "至", "各", "等", "增加", "增长", "减少", "下降", "提高", "降低", "降至",
    "升至", "超过", "突破", "逾", "不低于", "不少于", "至少", "不超过", "最多", "将近", "接近", "不到", "不足",
    "未满", "高于", "低于", "大约", "多达", "只用", "用", "上涨", "上升", "回落", "下滑", "增幅", "提升", "平均",
    "连续", "历时", "长达", "同比", "环比", "比上年同期", "比去年同期", "比上年", "比去年", "较上年", "较去年",
    "比年初", "年均", "实现", "完成", "净增", "新增", "平均为", "稳定在", "保持在", "维持在", "安排", "按",
    "增产", "减产", "增收", "减收", "加快", "放缓", "收窄", "扩大", "回升", "下跌", "同口径",
)  # fmt: skip
# A change word with 到, 至 or 为 is one link word (提升至, 增加到): stripped whole, so that no half of the verb
# is left to name the subject (城镇化率提升至61.2% → 城镇化率, not 城镇化率提).
_CHANGE_TO = tuple(
    word + tail
    for word in (*lexicon.UP, *lexicon.DOWN, "达", "保持", "稳定", "控制", "升级", "扩容", "调整")
    for tail in ("到", "至", "为", "了")
)
# The link words that may end a clause, matched on the reversed clause, longest first (用 but not 费用).
_LINK_WORD_REVERSED = regex.compile(
    f"[到至为了](?:{'|'.join(word[-2::-1] for word in sorted(_CHANGE_TO, key=len, reverse=True))})|"
    + "|".join(word[::-1] + ("(?!费)" if word == "用" else "") for word in sorted(_LINK_WORDS, key=len, reverse=True))
)
# Verbs of attainment that end a subject before them, even where jieba tags what follows as a verb.
_RESULT_VERBS = frozenset(("实现", "完成"))
# After these the number is the object: the thing counted comes after it (有16个微型课题, 为期18天的校本培训).
_OBJECT_NEXT = ("有", "共有", "又有", "已有", "还有", "现有", "了", "等", "为期", "只用", "用")
# After these the noun before the verb is the subject (辍学率控制在0.2%以内).
_LINKING = ("在", "为", "到", "至", "达", "达到")
_PRONOUNS = frozenset(
    (
        "我", "我们", "你们", "他们", "它们", "其", "该", "这", "那", "这些", "那些", "本", "各", "其中", "自己",
        "此", "每", "某",
    )
)
_STOP_FLAGS = frozenset({"p", "c", "d", "m", "q", "t", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x", "f", "y"})
_NOUN_FLAGS = ("n", "vn", "an", "j", "l", "b", "nz", "ng", "s", "i")
_PLACES = frozenset(
    (
        "镇", "县", "乡", "市", "区", "省", "村", "全镇", "全县", "全乡", "全市", "全区", "全省", "我镇", "我县",
        "我乡", "我市", "我区", "我局", "我校", "本镇", "该镇", "全州", "全盟", "全旗", "我省",
        "我州", "本市", "本省", "本县", "本区", "各地",
    )
)
# Words that may stand between an indicator and its number without naming anything (jieba tags 首次 "m").
_ADVERBS = frozenset(("首次", "首度", "再度", "历史性", "拟", "预计"))
# Nouns that name a measure, not the thing measured: a verb before them belongs to the name (参保人数,
# 种植面积, 投入强度), where it ends an ordinary noun phrase (颁发奖金 → 奖金).
_MEASURE_NOUNS = frozenset(
    ("人数", "人次", "户数", "次数", "数量", "总量", "面积", "金额", "总额", "规模", "强度", "比重", "比例")
)
# A starting point in time before the number: 收入由2015年的3416元(增加到…), 从年初的.
_FROM_WHEN = regex.compile(r"[由从](?:[0-9xX〇零一二三四五六七八九十]{2,4}年[底末初]?)?的?$")
# A basis that names a year at the end of a clause: 比2012年末, 较2020年同期.
_DATED_BASIS_END = regex.compile(r"[比较](?:[0-9]{4}|20xx|20__)年(?:末|底|初|同期)?$")
_DATED_ENDS = ("年", "末", "底", "初", "同期")
# A clause that opens with its comparison basis names the basis, not the subject: 比上年年初预算增加.
_BASIS_FIRST = regex.compile(r"(?:比|较|与)(?:上年|去年|前年|年初|上年同期|去年同期)")
# How far back the clause before a number is read.
_CLAUSE_REACH = 80
# How far before a number the parenthesis that separates it from its subject may open: 地区生产总值(GDP)8316.2亿元.
_PAREN_REACH = 12
# A line at least this long that ends in a letter, not punctuation, was cut by PDF extraction.
_WRAPPED_LINE = 16
# How much white space at the end of such a line is looked past.
_TRAILING_SPACE = 64
# A period that opens a noun phrase (2022年度收入, 本年收入) and is not part of the name.
_LEADING_PERIOD = regex.compile(r"(?:[0-9]{2,4}|20xx|20__)?年(?:度|末|底|初)?(?=.)")
_PERIOD_PREFIXES = frozenset("本今去上当全该明前同")
# An age or a size that names the group an indicator is about: 13—15周岁入学率, 3—6岁幼儿入园率, 56人以上大班额.
_GROUP_BOUND_BEFORE = regex.compile(
    r"(?<![0-9])(?:[0-9]{1,3}(?:[—~-]{1,2}[0-9]{1,3})?周?岁(?:及?以上|及?以下)?|[0-9]{1,5}人及?以[上下])$"
)
# When, not what: words that open a clause before its subject (全年财政收入持续增长).
_WHEN = frozenset(("全年", "今年", "去年", "本年", "当年", "上年", "年内", "近年来", "同期"))
# A word that ends in a change (持续增长, which jieba calls a noun) is not part of a subject.
_CHANGE_END = regex.compile(f"(?:{'|'.join(w for w in (*lexicon.UP, *lexicon.DOWN) if len(w) > 1)})$")
# Link words of a total whose clause may name nothing: its subject opens the clause before.
_TOTALS = frozenset(("总计", "共计", "合计", "累计"))
# The value of something named after the number: 价值近4万元的体育器材.
_VALUE_WORDS = frozenset(("价值", "总价值", "总值", "价格", "造价", "总造价"))
# Endings that make a noun phrase the name of a measure (the catalogue of indicators aside).
_INDICATOR_ENDS = (
    "率", "额", "量", "值", "数", "指数", "收入", "支出", "产值", "人口", "面积", "投资", "规模", "余额", "利润",
    "价格", "比重", "占比", "增速", "产量", "总量", "里程", "能耗", "浓度",
)  # fmt: skip
_PER = regex.compile(r"(?:每人|人均|生均|户均|每生|每校|每户)$")
_AFTER_TEXT = regex.compile(r"[^\d,。;:!?\n()“”\"《》]{1,16}")


def _strip_links(clause: str) -> tuple[str, str]:
    """``clause`` without the link words that end it (达, 为, 共计 …), and the last word removed."""
    backwards = clause[::-1]
    position = 0
    removed = ""
    while (found := _LINK_WORD_REVERSED.match(backwards, position)) is not None:
        removed = removed or found.group()[::-1]
        position = found.end()
    return clause[: len(clause) - position], removed


def find_subject(context: Context, start: int, end: int, kind: str = "", *, floor: int = 0) -> Span | None:
    """The span of the phrase that names what the quantity at ``[start, end)`` measures, or ``None``.

    The phrase is looked for in the clause before the number (总人口55983人 → 总人口; 投入总计55.57万元 →
    投入) and, where that clause ends in a verb or names nothing (辖20个村委会, 有16个微型课题, 2人获一等奖),
    right after it. A clause that a PDF line break cut in two is read whole (一般公共预算支出\n312.5亿元).
    """
    folded = context.folded
    lo = max(context.span.start, floor)
    whole = _Clause.before(context, lo, _clause_end(folded, lo, start, end))
    span, raw = whole.span, whole.text
    per = _PER.search(raw)
    if per is not None:
        return span(per.start(), per.end())
    clause, removed = _strip_links(raw)
    per = _PER.match(raw[len(clause) - 1 : len(clause) + 1]) if clause else None
    if per is not None:  # 人均达到2.1万元: 均 is no link word there, but the second half of 人均
        return span(len(clause) - 1, len(clause) + 1)
    if not clause and removed in _TOTALS and folded[whole.start - 1 : whole.start] == ",":
        return _opening_noun_phrase(context, lo, whole.start - 1)  # 教育经费投入继续增长,总计约5.6亿
    if _BASIS_FIRST.match(clause):
        return None
    dated = _DATED_BASIS_END.search(clause) if clause.endswith(_DATED_ENDS) else None
    if dated is not None:  # 城镇化率比2012年末提高: the year compared with is no part of the subject
        clause, removed = _strip_links(clause[: dated.start()])
    from_when = _FROM_WHEN.search(clause)
    if from_when is not None:
        clause, removed = _strip_links(clause[: from_when.start()])
    per_time = _PER_TIME.search(clause)
    if per_time is not None:  # 每年1000元补助: the thing paid comes after
        clause, removed = clause[: per_time.start()], "了"
    if clause.endswith("的"):
        clause = clause[:-1]  # 涉及市直属学校的8件
    if clause.endswith("”"):
        opening = clause.rfind("“")
        if opening >= 0 and len(clause) - opening > 2:
            return span(opening + 1, len(clause) - 1)
    words = pos_cut(to_simplified(clause)) if clause.strip() else ()
    if words and (words[-1][1] == "d" or words[-1][0] in _ADVERBS):
        words, more = _without_adverbs(words)
        removed = removed or more
        clause = clause[: sum(len(word) for word, _ in words)]
    ends_with_verb = bool(words) and words[-1][1].startswith("v") and words[-1][1] != "vn"
    phrase = None if ends_with_verb else _noun_phrase_before(words)
    before = None if phrase is None else _tidy(folded, span(*phrase), lo)
    if before is not None and before.of(folded) in _PLACES:
        before = None  # 全市近万名中小学教师: the place is not what is counted
    if before is not None and before.of(folded) in _VALUE_WORDS and folded.startswith("的", end):
        valued = subject_after(folded, end, context.span.end)
        if valued is not None:
            return valued  # 价值近4万元的体育器材: what is worth it
    counted = _phrase_after(folded, end, context.span.end) if kind == MetricKind.COUNT else None
    if counted is not None and counted[0].start == end and counted[1] != "vn" and counted[1].startswith(_NOUN_FLAGS):
        return counted[0]  # a classifier and the noun it counts: 71名学生, 两幢教学楼
    if before is not None and removed not in _OBJECT_NEXT:
        return before
    after = counted[0] if counted is not None else subject_after(folded, end, context.span.end)
    if after is not None and kind not in _NAMED_AFTER and not folded.startswith("的", end) and per_time is None:
        after = None  # 投入近60万元武装土山幼儿园: money names its purpose, not its subject, after it
    if after is not None and (ends_with_verb or removed in _OBJECT_NEXT or before is None):
        return after
    if before is not None:
        return before
    indicator = _indicator_before_verb(words) if ends_with_verb or (words and words[-1][1] == "f") else None
    if indicator is not None:  # 财政总收入跨越300亿元, 地区生产总值迈上5000亿元台阶: the indicator, not the verb
        return span(*indicator)
    if ends_with_verb:
        if removed in _LINKING:  # 辍学率控制在; 调整为 → the sentence's subject
            phrase = _noun_phrase_before(words[:-1])
            if phrase is not None:
                return span(*phrase)
        verbs = 0  # the verb phrase that ends the clause names the quantity: 捐资, 清查出, 离岗休息
        for word, flag in reversed(words):
            if not flag.startswith("v") or word in _LINK_WORDS:
                break
            verbs += len(word)
        if verbs == 1:  # one character (提, 增, 收) is half a verb or a bare verb: the noun before names it
            phrase = _noun_phrase_before(words[:-1])
            return None if phrase is None else _tidy(folded, span(*phrase), lo)
        return span(len(clause) - verbs, len(clause)) if verbs else None
    return None


def _indicator_before_verb(words: Sequence[tuple[str, str]]) -> tuple[int, int] | None:
    """The noun phrase before the verb (and direction word) that ends ``words``, where it names an indicator
    (地区生产总值迈上, 财政总收入跨越); ``None`` otherwise."""
    kept = len(words)
    while kept > max(0, len(words) - 2):
        flag = words[kept - 1][1]
        if not ((flag.startswith("v") and flag != "vn") or flag == "f"):
            break
        kept -= 1
    if kept in (0, len(words)):
        return None
    phrase = _noun_phrase_before(words[:kept])
    if phrase is None:
        return None
    text = "".join(word for word, _ in words)[phrase[0] : phrase[1]]
    return phrase if names_indicator(text) else None


@cache
def _indicator_ending() -> regex.Pattern[str]:
    names = sorted({*segment.indicator_words(), *_INDICATOR_ENDS}, key=len, reverse=True)
    return regex.compile(f"(?:{'|'.join(map(regex.escape, names))})$")


def names_indicator(phrase: str) -> bool:
    """Whether ``phrase`` ends in the name of an indicator: one of the catalogue (地区生产总值, 城镇化率) or a
    word that names a measure (…率, …额, …量, …收入, …规模)."""
    return _indicator_ending().search(to_simplified(phrase)) is not None


def topic_before(context: Context, start: int, *, floor: int = 0) -> Span | None:
    """Where the clause before ``start`` names nothing but a change (居民收入,提升至5万元), the noun phrase that
    opens the clause before it, the topic of the sentence, where that clause is the noun phrase alone or the
    phrase names an indicator. ``None`` otherwise."""
    folded = context.folded
    lo = max(context.span.start, floor)
    whole = _Clause.before(context, lo, start)
    clause, _ = _strip_links(whole.text)
    if clause.strip() or folded[whole.start - 1 : whole.start] != ",":
        return None
    topic = _opening_noun_phrase(context, lo, whole.start - 1)
    if topic is None:
        return None
    # the clause is the topic, or opens with the name of an indicator (进出口总额创历史新高,达到1200亿元)
    return topic if topic.end == whole.start - 1 or names_indicator(_text_of(context, topic)) else None


def _text_of(context: Context, span: Span) -> str:
    return "".join(context.folded[span.start : span.end].split())


def _opening_noun_phrase(context: Context, lo: int, end: int) -> Span | None:
    """The noun phrase that opens the clause ending at ``end``: the subject of a total in the next clause."""
    clause = _Clause.before(context, lo, end)
    words = pos_cut(to_simplified(clause.text))
    first = 0
    while first < len(words) and (words[first][1] == "t" or words[first][0] in _PLACES or words[first][0] in _WHEN):
        first += 1  # 全年, 今年, 全市 …: when and where, not what
    start = stop = sum(len(word) for word, _ in words[:first])
    for word, flag in words[first:]:
        if not flag.startswith(_NOUN_FLAGS) or word in _PLACES or word in _PRONOUNS or _CHANGE_END.search(word):
            break  # 持续增长, which jieba calls a noun, is the change, not its subject
        stop += len(word)
    return clause.span(start, stop) if stop > start else None


# 在 with what follows it is one word of status (在校, 在园, 在职 …) that jieba cuts apart.
_STATUS_BEFORE = regex.compile(r"在(?:[校园职岗编读册建研班籍任]$|(?=[校园职岗编读册建研班籍任]))")
# Who pays, before a word of paying: the subject is the payment (国家投资 → 投资).
_AGENT = regex.compile(r"(?:国家|中央|[^,。;:]{0,4}?政府)(?=(?:投资|投入|拨款|出资|捐资)$)")


def _tidy(folded: str, subject: Span, lo: int) -> Span | None:
    """``subject`` without the period that opens it (2022年度收入 → 收入, 本年收入 → 收入, but 年收入), with
    the age or size that is part of its name (13—15周岁入学率, 56人以上大班额) and with the 占 of a share
    (占财政总支出的20% → 占财政总支出: the measure is the share of it)."""
    start, end = subject.start, subject.end
    period = _LEADING_PERIOD.match(folded, start, end)
    if period is not None and (period.start() < period.end() - 1 or folded[start - 1 : start] in _PERIOD_PREFIXES):
        start = period.end()
    age = _GROUP_BOUND_BEFORE.search(folded, max(lo, start - 12), start)
    if age is not None:
        start = age.start()
    elif start > lo and folded[start - 1] == "占" and folded.startswith("的", end):
        start -= 1
    for _ in range(2):  # 在园幼儿, 在职教师, 在园在班儿童: 在 opens the name, though jieba cuts it off
        status = _STATUS_BEFORE.search(folded, max(lo, start - 2), start + 1)
        if status is None:
            break
        start = status.start()
    agent = _AGENT.match(folded, start, end)
    if agent is not None:
        start = agent.end()  # 国家投资, 某某县政府投入: who pays is not what is measured
    return Span(start, end) if start < end else None


def _clause_end(folded: str, lo: int, start: int, end: int) -> int:
    """Where the clause that names the number at ``[start, end)`` ends: right before it, or before the
    parenthesis that separates them (地区生产总值(GDP)8316.2亿元, 总录取率(96.2%))."""
    if folded[start - 1 : start] == ")":
        opening = folded.rfind("(", max(lo, start - _PAREN_REACH), start)
        if opening > lo:
            return opening
    elif folded[start - 1 : start] == "(" and start - 1 > lo and folded[end : end + 1] == ")":
        return start - 1
    return start


class _Clause:
    """The clause before a number, as one string even where PDF line breaks or page numbers cut it."""

    def __init__(self, start: int, positions: list[int] | None, text: str) -> None:
        self.start = start
        self.positions = positions  # the offset of each character, where the clause is not one run
        self.text = text

    @classmethod
    def before(cls, context: Context, lo: int, stop: int) -> _Clause:
        start, positions = _clause_before(context, lo, stop)
        folded = context.folded
        text = folded[start:stop] if positions is None else "".join(folded[i] for i in positions)
        return cls(start, positions, text.rstrip())  # 扫盲 8人, 巩固率达 100%: a space before the number

    def span(self, first: int, last: int) -> Span:
        """Characters ``[first, last)`` of the clause, as a span of the text."""
        if self.positions is None:
            return Span(self.start + first, self.start + last)
        return Span(self.positions[first], self.positions[last - 1] + 1)


def _clause_before(context: Context, lo: int, stop: int) -> tuple[int, list[int] | None]:
    """Where the clause that ends at ``stop`` starts (not before ``lo``, nor more than ``_CLAUSE_REACH``
    characters back), and, if it runs across PDF line breaks, the offsets of its characters (the breaks
    left out)."""
    folded = context.folded
    lo = max(lo, stop - _CLAUSE_REACH)  # a subject is a short phrase: a text without punctuation is no clause
    start = stop
    positions: list[int] | None = None
    while True:
        while start > lo and folded[start - 1] not in _CLAUSE_STOP:
            start -= 1
        if not (start > lo and folded[start - 1] == "\n"):
            break
        newline = _past_furniture(context, lo, start - 1)
        if not soft_break(context, newline):
            break
        if positions is None:
            positions = list(range(start, stop))
        start = line_end = newline  # the line break, and the page furniture after it

        while start > lo and folded[start - 1] not in _CLAUSE_STOP:
            start -= 1
        positions[:0] = (i for i in range(start, line_end) if not folded[i].isspace())
    return start, positions


def _past_furniture(context: Context, lo: int, newline: int) -> int:
    """The line break before the lines of page furniture (— 3 —, 第5页) that end at ``newline``."""
    folded = context.folded
    while True:
        line_start = folded.rfind("\n", lo, newline) + 1
        line = folded[line_start:newline]
        first, last = line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip())
        furniture = first < last and context.skipped(first, first + 1) and context.skipped(last - 1, last)
        if line_start <= lo or not furniture:
            return newline
        newline = line_start - 1


def soft_break(context: Context, newline: int) -> bool:
    """Whether the line break at ``newline`` was made by PDF extraction inside a sentence: the line before
    is long, ends in a letter (not punctuation) and is not a heading, and the line after is no heading."""
    folded = context.folded
    line_start = context.newline_before(newline) + 1
    last = folded[max(line_start, newline - _WRAPPED_LINE - _TRAILING_SPACE) : newline].rstrip()
    if len(last) < _WRAPPED_LINE or not last[-1].isalnum() or context.skipped(newline, newline + 1):
        return False
    before, after = context.section_at(line_start), context.section_at(newline + 1)
    return (before is None or before.body_span.start <= line_start) and (
        after is None or after.body_span.start <= newline + 1
    )


def _without_adverbs(words: Sequence[tuple[str, str]]) -> tuple[tuple[tuple[str, str], ...], str]:
    """``words`` without the adverbs and link words that end them (财政收入首次突破, 人数同比已经增长), and
    the last link word taken off."""
    kept = len(words)
    removed = ""
    while kept:
        word, flag = words[kept - 1]
        if word in _LINK_WORDS:
            removed = removed or word
        elif flag != "d" and word not in _ADVERBS:
            break
        kept -= 1
    return tuple(words[:kept]), removed


def _noun_phrase_before(words: Sequence[tuple[str, str]]) -> tuple[int, int] | None:
    """Where the noun phrase that ends ``words`` (the clause cut into words) starts and ends in the clause."""
    end = sum(len(word) for word, _ in words)
    start = end
    first = len(words)  # index of the phrase's first word
    has_head = False  # whether the phrase holds a word that is not a verb (奖金 in 颁发奖金)
    for position in range(len(words) - 1, -1, -1):
        word, flag = words[position]
        if word in _CONJUNCTIONS and start < end and position > 0:
            start, first = start - len(word), position  # keep 入学率和完成率 together
            continue
        if flag in _STOP_FLAGS or word in ("的", "之", "等") or word in _PRONOUNS or (word in _PLACES and start < end):
            break
        if flag == "ad" and start == end:
            break  # an adverb-adjective names nothing (明确未满12周岁学生), though it may open a name (完全中学)
        if flag.startswith("v") and flag != "vn" and (has_head or (word in _RESULT_VERBS and end - start > 1)):
            # a verb before the noun phrase ends it: 颁发奖金 → 奖金, 实现旅游收入 → 旅游收入 (but 入读率 is one noun)
            break
        # one verb joins a measure noun (参保人数), a second ends the phrase (高考取得参考人数 → 参考人数)
        joined_verb = flag.startswith("v") and flag != "vn" and start < end and len(word) > 1
        has_head = (
            has_head or joined_verb or (len(word) > 1 and not flag.startswith("v") and word not in _MEASURE_NOUNS)
        )
        start, first = start - len(word), position
    if first < len(words) and words[first][0] in _CONJUNCTIONS:
        start += len(words[first][0])  # a phrase does not begin with 和
    return None if start >= end else (start, end)


def subject_after(folded: str, end: int, limit: int) -> Span | None:
    """The phrase right after a count that names what was counted: 20个村委会, 2人获一等奖, 32位校长、老师."""
    found = _phrase_after(folded, end, limit)
    return None if found is None else found[0]


def _phrase_after(folded: str, end: int, limit: int) -> tuple[Span, str] | None:
    """:func:`subject_after`'s phrase, and the part-of-speech tag of its first word."""
    position = end + 1 if folded.startswith("的", end) else end
    found = _AFTER_TEXT.match(folded, position, limit)
    if found is None:
        return None
    words = pos_cut(to_simplified(found.group()))
    if not words:
        return None
    length = 0
    seen_noun = False
    verb_led = not words[0][1].startswith(_NOUN_FLAGS)
    for index, (word, flag) in enumerate(words):
        nominal = flag.startswith(_NOUN_FLAGS)
        listed = word == "、" and seen_noun and index + 1 < len(words) and words[index + 1][1].startswith(_NOUN_FLAGS)
        if listed:
            length += len(word)  # 校长、老师
            continue
        if word in _AFTER_BREAK or word in _PRONOUNS or flag in ("x", "uj", "f", "m", "q"):
            break
        if seen_noun and not nominal:
            break
        if seen_noun and flag == "vn" and index + 1 < len(words) and not words[index + 1][1].startswith(_NOUN_FLAGS):
            break  # 16所中职学校调整为10所: a verb-noun before a verb or a preposition is the predicate
        if not verb_led and not nominal:
            break
        length += len(word)
        seen_noun = seen_noun or nominal
    if length == 0:
        return None
    return Span(position, position + length), words[0][1]
