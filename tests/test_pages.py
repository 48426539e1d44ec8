"""Whole pages as they are published: a portal, a news site, a sharing site, a 决算说明, a 统计公报, a page
that repeats its title with a site suffix, a county portal's 工作总结. The pages in ``tests/data/pages``
were written for these tests in the shapes such pages take (none is a copy of a real page).

Each page is checked for its title, subtitle and speaker, the kinds of its furniture in order, the
report lines that must stay out of the furniture, and that no heading or metric lies in furniture.
`OUTLINES` holds every heading's level and parent.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from gongwen import parse
from gongwen.spanindex import SpanIndex

PAGES = Path(__file__).parent / "data" / "pages"


class Page(NamedTuple):
    file: str
    title: str
    subtitle: str | None
    speaker: str | None
    noise: list[str]  # the kinds of the noise spans, in text order
    kept: list[str]  # report lines that are not noise
    headings: list[str]  # the heading titles, in order


GOLDEN = [
    Page(
        "portal_province.txt",
        "2025年政府工作报告",
        "——2025年1月18日在某某省第十四届人民代表大会第三次会议上",
        "代省长 王某某",
        ["toolbar"] * 3 + ["breadcrumb"] * 6 + ["meta"] + ["toolbar"] * 7
        + ["caption", "toolbar", "related", "related", "related", "footer"],
        ["各位代表:", "2025年政府工作报告", "代省长 王某某"],
        ["2024年工作回顾", "着力稳定经济增长", "着力推进科技创新", "2025年工作安排", "全力扩大有效需求",
         "加快建设现代化产业体系"],
    ),
    Page(
        "news_city.txt",
        "某某市2025年政府工作报告(全文)",
        "——2025年1月10日在某某市第十七届人民代表大会第五次会议上",
        "某某市人民政府市长 赵某某",
        ["breadcrumb", "breadcrumb", "datetime", "toolbar", "meta", "meta", "related", "related"],
        ["各位代表:", "某某市人民政府市长 赵某某"],
        ["过去一年工作回顾", "产业转型取得新进展", "城乡面貌发生新变化", "今年工作总体要求和目标任务",
         "坚定不移抓项目扩投资", "持续用力保民生兜底线"],
    ),
    Page(
        "sharing_summary.txt",
        "2024年乡镇农业农村工作总结",
        None,
        None,
        ["short_lines", "breadcrumb", "short_lines"] + ["meta"] * 6 + ["notice"] * 5 + ["more", "toolbar"],
        ["2024年乡镇农业农村工作总结\n2024年,我镇"],
        ["主要工作成效", "粮食生产稳中有增", "特色产业加快发展", "存在的问题", "2025年工作打算", "稳定粮食生产",
         "壮大村级集体经济"],
    ),
    Page(
        "final_accounts.txt",
        "某某县教育局2024年度部门决算说明",
        None,
        None,
        ["breadcrumb", "meta", "meta", "meta", "toolbar"],
        ["第一部分 部门概况"],
        ["部门概况", "主要职责", "机构设置", "2024年度部门决算情况说明", "收入支出决算总体情况说明",
         "财政拨款支出决算情况说明"],
    ),
    Page(
        "statistics_bulletin.txt",
        "某某市2024年国民经济和社会发展统计公报",
        "2025年3月28日",
        None,
        ["breadcrumb", "breadcrumb", "meta", "toolbar"],
        ["某某市统计局\n国家统计局某某调查队"],
        ["综合", "农业", "工业和建筑业"],
    ),
    Page(
        "repeated_title.txt",
        "政府工作报告",
        "——2025年1月8日在某某区第三届人民代表大会第五次会议上",
        "区长 孙某某",
        [],
        ["政府工作报告_某某区人民政府", "各位代表:"],
        ["2024年工作回顾", "2025年主要任务", "加强政府自身建设"],
    ),
    Page(
        "portal_county_summary.txt",
        "某某县司法局2024年工作总结",
        None,
        None,
        ["meta", "breadcrumb"] + ["short_lines"] * 4 + ["meta", "toolbar", "toolbar", "related", "related", "footer"],
        ["某某县人民政府\n某某县司法局2024年工作总结", "某某县司法局\n2025年1月3日"],
        ["主要工作开展情况", "法治宣传深入人心", "矛盾纠纷有效化解", "健全调解网络", "加强队伍建设", "存在的问题",
         "2025年工作打算"],
    ),
]


@pytest.mark.parametrize("page", GOLDEN, ids=[p.file for p in GOLDEN])
def test_golden_page(page: Page) -> None:
    text = (PAGES / page.file).read_text(encoding="utf-8")
    report = parse(text)
    (document,) = report.documents
    assert (document.title, document.subtitle, document.speaker) == (page.title, page.subtitle, page.speaker)
    assert document.title_span is not None and document.title_span.of(text) == page.title
    assert [n.kind for n in report.noise] == page.noise
    assert [h.title for h in report.headings] == page.headings
    in_noise = SpanIndex(n.span for n in report.noise).overlaps
    for line in page.kept:
        start = text.index(line)
        assert not in_noise(start, start + len(line)), line
    for heading in report.headings:
        assert not in_noise(heading.span.start, heading.span.end), heading.title
    for metric in report.metrics:
        assert not in_noise(metric.span.start, metric.span.end), metric.text
    for noise in report.noise:
        assert text[noise.span.start : noise.span.end] == noise.text
    # every metric of the report's body is found: the body lines are all kept
    assert report.metrics


def test_the_pages_are_constructed_text() -> None:
    # the place and person names in the pages are placeholders, never real ones
    for path in PAGES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert "某某" in text, path.name


# The outline of each page: (level, parent marker + title) for every heading, in order (GUIDELINES §3).
OUTLINES: dict[str, list[tuple[int, str | None]]] = {
    "final_accounts.txt": [
        (1, None),
        (2, "第一部分部门概况"),
        (2, "第一部分部门概况"),
        (1, None),
        (2, "第二部分2024年度部门决算情况说明"),
        (2, "第二部分2024年度部门决算情况说明"),
    ],
    "news_city.txt": [
        (1, None),
        (2, "一、过去一年工作回顾"),
        (2, "一、过去一年工作回顾"),
        (1, None),
        (2, "二、今年工作总体要求和目标任务"),
        (2, "二、今年工作总体要求和目标任务"),
    ],
    "portal_county_summary.txt": [
        (1, None),
        (2, "一、主要工作开展情况"),
        (2, "一、主要工作开展情况"),
        (3, "(二)矛盾纠纷有效化解"),
        (3, "(二)矛盾纠纷有效化解"),
        (1, None),
        (1, None),
    ],
    "portal_province.txt": [
        (1, None),
        (2, "一、2024年工作回顾"),
        (2, "一、2024年工作回顾"),
        (1, None),
        (2, "二、2025年工作安排"),
        (2, "二、2025年工作安排"),
    ],
    "repeated_title.txt": [
        (1, None),
        (1, None),
        (1, None),
    ],
    "sharing_summary.txt": [
        (1, None),
        (2, "一、主要工作成效"),
        (2, "一、主要工作成效"),
        (1, None),
        (1, None),
        (2, "三、2025年工作打算"),
        (2, "三、2025年工作打算"),
    ],
    "statistics_bulletin.txt": [
        (1, None),
        (1, None),
        (1, None),
    ],
}


@pytest.mark.parametrize("file", sorted(OUTLINES))
def test_golden_page_outline(file: str) -> None:
    report = parse((PAGES / file).read_text(encoding="utf-8"))
    found = []
    for heading in report.headings:
        parent = None if heading.parent is None else report.headings[heading.parent]
        found.append((heading.level, None if parent is None else parent.marker + parent.title))
    assert found == OUTLINES[file]
