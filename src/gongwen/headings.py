"""Heading styles as a table of named rules.

A :class:`HeadingRule` says how one style's marker is written (a regular expression matched on the
normalised text at the start of a line, or inline after 。;!?), how to read its number, and when it may
stand inline. The built-in rules cover GUIDELINES §3 (第一部分, 一、, (一), 1、, 1., (1), ①, 一是, 第一、);
label lines (存在问题:) are recognised by :func:`label_title`.

Add a style without touching the library::

    from gongwen.headings import HeadingRule, register_heading_style
    register_heading_style(HeadingRule("qi_cn", r"其(?P<num>[一二三四五六七八九十])[、,]"), before="cn_dun")
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import cache

import attrs
import regex

from gongwen.errors import NotANumeralError, RegistryError
from gongwen.model import HeadingStyle
from gongwen.numerals import DIGITS, to_number

__all__ = [
    "HeadingRule",
    "Inline",
    "MarkerMatch",
    "default_rules",
    "heading_rules",
    "inline_policy",
    "label_title",
    "register_heading_style",
    "unregister_heading_style",
]


class Inline(StrEnum):
    """When a rule's marker may stand inside a line (after 。;!? or an opening colon)."""

    SEQUENCE = "sequence"  # when it continues its siblings' numbering, or opens a series at 1
    SERIES = "series"  # only when it continues a series whose earlier items are headings (一是 … 。二是)
    NEVER = "never"


def read_number(text: str) -> int | None:
    """The marker's integer: 一 → 1, 十二 → 12, ⑵ → 2, ③ → 3, ㈣ → 4, ⒌ → 5; ``None`` if unreadable."""
    if not text:
        return None
    if len(text) == 1 and "\u2460" <= text <= "\u2473":
        return ord(text) - 0x2460 + 1
    if len(text) == 1 and "\u2474" <= text <= "\u2487":
        return ord(text) - 0x2474 + 1
    if len(text) == 1 and "\u2488" <= text <= "\u249b":
        return ord(text) - 0x2488 + 1  # ⒈ … ⒛
    if len(text) == 1 and "\u3220" <= text <= "\u3229":
        return ord(text) - 0x3220 + 1  # ㈠ … ㈩
    try:
        value = to_number(text)
    except NotANumeralError:
        return None
    return int(value) if value == int(value) else None


@attrs.frozen
class HeadingRule:
    """One heading style: its name, its marker pattern and when it may stand inline.

    ``pattern`` is matched at the marker's position in the normalised text (half-width, simplified); its
    whole match is the marker, and its ``num`` group (if any) the number.
    """

    style: str
    pattern: str
    inline: Inline = Inline.SEQUENCE
    number: Callable[[str], int | None] = read_number
    compiled: regex.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "compiled", regex.compile(self.pattern))

    def match(self, folded: str, position: int) -> MarkerMatch | None:
        found = self.compiled.match(folded, position)
        if found is None or found.end() == position:
            return None
        groups = found.groupdict()
        raw = groups.get("num") or ""
        return MarkerMatch(self, found.start(), found.end(), self.number(raw) if raw else None)


@attrs.frozen
class MarkerMatch:
    rule: HeadingRule
    start: int
    end: int
    number: int | None


_CN = "[一二三四五六七八九十]"
_CN_NUM = f"{_CN}{{1,3}}"

_S = HeadingStyle


def default_rules() -> tuple[HeadingRule, ...]:
    """The built-in styles, in the order they are tried."""
    return (
        HeadingRule(
            _S.PART,
            rf"第[ \t]?(?P<num>{_CN_NUM}|[0-9]{{1,2}})[ \t]?(?:部[ \t]?分|部份|章|节)[ \t]*[、,.:]?[ \t]*",
            Inline.NEVER,
        ),
        HeadingRule(_S.DI_CN, rf"第(?P<num>{_CN_NUM})[ \t]*[、,.:](?![0-9])", Inline.SERIES),
        HeadingRule(_S.CN_SHI, rf"(?P<num>{_CN_NUM})是(?![否的])", Inline.SERIES),
        HeadingRule(
            _S.CN_PAREN, rf"\([ \t]*(?P<num>{_CN_NUM})[ \t]*\)[ \t]*、?|(?P<num>[\u3220-\u3229])[ \t]*[、.]?"
        ),
        HeadingRule(
            _S.ARABIC_PAREN,
            r"\([ \t]*(?P<num>[0-9]{1,2})[ \t]*\)[ \t]*、?|(?P<num>[\u2474-\u2487])[ \t]*、?"
            # 1)建立台账 — but not the end of a parenthesis wrapped onto the line (附表\n3)的结果)
            r"|(?P<num>[0-9]{1,2})\)(?=[ \t]*[^\x00-\x7f])(?![ \t]*[的是中和等为及与了])",
        ),
        HeadingRule(_S.CIRCLED, r"(?P<num>[\u2460-\u2473])[ \t]*、?"),
        HeadingRule(_S.CN_DUN, rf"(?P<num>{_CN_NUM})[ \t]*[、,.](?!{_CN_NUM}(?:[、,个所项名人]|年级|季度|月))"),
        HeadingRule(_S.ARABIC_DUN, r"(?P<num>[0-9]{1,2})[ \t]*、(?![0-9]{1,2}(?:[、月日]|年级|季度))"),
        HeadingRule(
            _S.ARABIC_DOT,
            r"(?P<num>[0-9]{1,2})[ \t]*\.(?![0-9.])(?!\s*$)|(?P<num>[\u2488-\u249b])|\.(?=[ \t]+[^\x00-\x7f])",
        ),
    )


_registered: list[tuple[HeadingRule, str | None]] = []


def register_heading_style(rule: HeadingRule, *, before: str | None = None) -> None:
    """Add a heading style to every parse from now on, tried before the style named ``before``
    (or after all built-in ones)."""
    names = {r.style for r in heading_rules()}
    if rule.style in names:
        raise RegistryError(f"heading style {rule.style!r} is already registered; unregister it first")
    if before is not None and before not in names:
        raise RegistryError(f"no heading style {before!r} to insert before; known: {sorted(names)}")
    _registered.append((rule, before))
    heading_rules.cache_clear()


def unregister_heading_style(style: str) -> None:
    """Remove a style added with :func:`register_heading_style`."""
    for item in _registered:
        if item[0].style == style:
            _registered.remove(item)
            heading_rules.cache_clear()
            return
    raise RegistryError(f"no registered heading style {style!r}")


@cache
def heading_rules() -> tuple[HeadingRule, ...]:
    """The rules in force, in the order they are tried: built-in ones with the registered ones inserted."""
    rules = list(default_rules())
    for rule, before in _registered:
        names = [r.style for r in rules]
        rules.insert(names.index(before) if before in names else len(rules), rule)
    return tuple(rules)


_LABEL = regex.compile(r"[ \t]*(?P<title>[^\s,。;:、,.()0-9]{2,10})[ \t]*:[ \t]*$")
_LEAD_IN = regex.compile(
    r"以下|如下|下列|几点|几个方面|主要有|各位|同志们|尊敬|女士|先生|代表们|委员们|朋友们"
    # a count that announces the points that follow (抓好八个方面工作:, 采取五项措施:) and a verb phrase
    # that sets a task (重点抓好:) introduce the items of the section they are in; they are not labels
    r"|[一二三四五六七八九十两几多数0-9]+(?:个方面|个|项|条|点|大|件|方面)|(?:抓|做|办|管|落实)好"
    # page furniture: a toolbar or a bracketed control (【字号:) is never a part of a report
    r"|[【】\[\]〔〕<>]"
)
_NOT_LABEL_END = ("如下", "以下", "是", "为", "有", "包括", "即", "分别", "说", "指出", "表示", "强调")


def label_title(folded_line: str) -> tuple[int, int] | None:
    """If the line is a label (a short whole line ending in a colon: 存在问题:), the title's span in it."""
    found = _LABEL.match(folded_line)
    if found is None:
        return None
    title = found.group("title")
    if title.endswith(_NOT_LABEL_END) or any(c in DIGITS for c in title[:1]) or _LEAD_IN.search(title):
        return None
    return found.span("title")


def inline_policy(style: str) -> Inline:
    """When the style's marker may stand inside a line (``Inline.NEVER`` for a style with no rule)."""
    for rule in heading_rules():
        if rule.style == style:
            return rule.inline
    return Inline.NEVER
