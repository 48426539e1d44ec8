"""The issuing place or body of a report (:attr:`Document.region <gongwen.model.Document.region>`).

Read from the title (2026年某某省政府工作报告, 某某县教育局2024年工作总结), else from the dateline or the
preamble (在某某市第十六届人民代表大会第五次会议上, 我代表国务院). Only what the page states: a report
titled 政府工作报告 with no place in its first lines has no region.
"""

from __future__ import annotations

import regex

from gongwen.textview import fold

__all__ = ["region_of"]

_LEVEL = (
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|经济技术开发区|高新技术产业开发区|开发区|新区"
    r"|省|市|县|区|州|盟|旗|镇|乡|街道)"
)
# A place: one to three named levels (某某省某某市某某区), each a short name and its level word.
_PLACE = rf"(?:(?!全|我|本|各)[\p{{Han}}]{{1,10}}?{_LEVEL}){{1,3}}"
_BODY = (
    r"(?:人民政府|政府|教育局|[\p{Han}]{1,8}?(?:局|厅|委员会|委|办公室|办|中心|学校|中学|小学|幼儿园|医院|法院|检察院))"
)
_YEAR = r"(?:(?:19|20)[0-9]{2}|20xx|20XX)\s*年度?"
_TITLE = regex.compile(
    rf"^[\s《“\"]*(?:关于)?(?:{_YEAR})?(?:中共)?(?P<place>{_PLACE})(?P<body>{_BODY})?(?=[\p{{Han}}0-9])"
)
_CONGRESS = regex.compile(rf"在(?P<place>{_PLACE})第[一二三四五六七八九十]+届人民代表大会")
_NATIONAL = regex.compile(r"在第[一二三四五六七八九十]+届全国人民代表大会|我代表国务院")
_DELEGATE = regex.compile(rf"我代表(?P<place>{_PLACE})人民政府")
_HEAD_LINES = 8
_TITLE_LINE = 40  # a line longer than this is a sentence, not a title
_TITLE_END = regex.compile(r"(?:报告|总结|公报|说明|计划|要点)[)》”\"]?$")


# Words that end in a level character but name no place: 社区, 城市, 园区 …
_NOT_PLACES = frozenset(
    (
        "社区", "城市", "城区", "地区", "山区", "景区", "园区", "小区", "校区", "市区", "郊区", "辖区", "片区", "新区",
        "街区", "老区",
    )
)


def _fold(text: str) -> str:
    """The normalised view of a short string."""
    return fold(text)


def _clean(original: str, match: regex.Match[str], *groups: str) -> str | None:
    """The text of ``groups`` of a match on the folded view, taken from the original (traditional stays)."""
    spans = [match.span(g) for g in groups if match.group(g)]
    place = original[spans[0][0] : spans[-1][1]].strip()
    return None if _fold(place) in _NOT_PLACES else place


def region_of(title: str | None, head: str, *, folded_head: str | None = None) -> str | None:
    """The region a document names: from its ``title``, else its first lines (``head``). Matched on the
    normalised text (``folded_head``: ``head`` normalised, if the caller has it), so 廣東省 is read as well
    as 广东省, and returned as written."""
    if title:
        match = _TITLE.match(_fold(title))
        if match is not None:
            body = match.group("body")
            if body and body not in ("人民政府", "政府"):
                return _clean(title, match, "place", "body")
            return _clean(title, match, "place")
    lines = head.split("\n")[:_HEAD_LINES]
    first = "\n".join(lines)
    folded = _fold(first) if folded_head is None else folded_head[: len(first)]
    for pattern in (_CONGRESS, _DELEGATE):
        match = pattern.search(folded)
        if match is not None:
            return _clean(first, match, "place")
    if _NATIONAL.search(folded):
        return "国务院"
    for line in lines[:3]:
        line = line.strip()
        if len(line) > _TITLE_LINE:
            continue
        match = _TITLE.match(_fold(line))
        if match is not None and _TITLE_END.search(_fold(line)):
            return _clean(line, match, "place")
    return None
