"""Render a plain-text report as the files it is published as: a portal's HTML page, a PDF, a Word file.

The tests build their fixtures with these at test time (no third-party page is committed). Which lines
are headings, and at which level, is taken from gongwen's parse of the plain text, so that the markup
agrees with the text the way a real publisher's does.
"""

from __future__ import annotations

import html
from pathlib import Path

import gongwen

PORTAL_HEAD = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{title}-某某区人民政府网</title>
<meta name="author" content="区政府办公室">
<meta property="og:site_name" content="某某区人民政府网">
<meta name="PubDate" content="2024-12-28 09:30">
</head><body>
<div class="top"><a href="/">网站首页</a> | <a href="/en">English</a> |
<a href="/wza">无障碍浏览</a> | 设为首页 | 加入收藏</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/xwzx">新闻中心</a></li>
<li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="crumb">您的位置:<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt;
<a href="/zwgk/ghjh">规划计划</a></div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">来源:区教育局 发布时间:2024-12-28 09:30 浏览次数:1234</div>
<div class="tools">【字号:<a>大</a> <a>中</a> <a>小</a>】 <a>打印</a> <a>关闭窗口</a>
分享到:<a>微信</a> <a>微博</a></div>
<div class="content" id="zoom">
"""
PORTAL_FOOT = """</div>
<div class="bottom-tools">【<a>打印本页</a>】 【<a>关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/1">区政府召开常务会议</a></li>
<li><a href="/2">区领导调研重点项目建设</a></li></ul></div>
</div>
<div class="footer"><p>主办单位:某某区人民政府办公室 承办单位:某某区大数据中心</p>
<p>网站标识码:0000000000 备案号:某ICP备00000000号-1 公网安备 00000000000000号</p>
<p>联系电话:000-00000000 技术支持:某某科技有限公司</p></div>
</body></html>
"""


def heading_levels(text: str) -> dict[int, int]:
    """Line number → level of each heading that starts a line of ``text`` (as gongwen parses it)."""
    report = gongwen.parse(text)
    return {h.line: h.level for h in report.headings if not h.inline}


def render_html(title: str, body: str, *, charset: str = "utf-8") -> bytes:
    """A portal page: navigation, breadcrumb, ``<h1>`` title, meta line, toolbar, the body, related links, footer."""
    levels = heading_levels(body)
    blocks = []
    for number, line in enumerate(body.split("\n")):
        if not line.strip():
            continue
        level = levels.get(number)
        if level is not None and level <= 3:
            tag = f"h{level + 1}"
            blocks.append(f"<{tag}>{html.escape(line)}</{tag}>")
        else:
            blocks.append(f"<p>{html.escape(line)}</p>")
    page = PORTAL_HEAD.format(title=html.escape(title), charset=charset) + "\n".join(blocks) + PORTAL_FOOT
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


def render_pdf(title: str, body: str, path: Path, *, wrap: str = "width", header: str = "某某区教育局文件") -> Path:
    """A PDF of the report in reportlab's CID font STSong-Light: a centred title, the body wrapped at
    the margin (``wrap="width"``) or every 36 characters (``wrap="chars"``), a running header and a
    page number (``- 3 -``) on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    size, margin = 12.0, 72.0
    usable = width - 2 * margin

    def wrapped(line: str) -> list[str]:
        if wrap == "chars":
            return [line[i : i + 36] for i in range(0, len(line), 36)] or [""]
        out, current = [], ""
        for char in line:
            if current and pdfmetrics.stringWidth(current + char, font, size) > usable:
                out.append(current)
                current = ""
            current += char
        return [*out, current]

    rows: list[tuple[str, bool]] = [(title, True)]
    for line in body.split("\n"):
        if line.strip():
            rows.extend((part, False) for part in wrapped(line))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    per_page = int((height - 2 * margin) // (size * 1.5))
    for page, start in enumerate(range(0, len(rows), per_page), start=1):
        pdf.setFont(font, 9)
        pdf.drawString(margin, height - 40, header)
        pdf.drawCentredString(width / 2, 36, f"- {page} -")
        pdf.setFont(font, size)
        y = height - margin
        for text, centred in rows[start : start + per_page]:
            if centred:
                pdf.drawCentredString(width / 2, y, text)
            else:
                pdf.drawString(margin, y, text)
            y -= size * 1.5
        pdf.showPage()
    pdf.save()
    return path


# A list of two levels as Word defines it: 一、 in Chinese counting, then 1、 (restarting under each 一、).
NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2、"/></w:lvl>
</w:abstractNum>"""
NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
<w:abstractNumId w:val="90"/></w:num>"""
_TYPED = {1: "一二三四五六七八九十", 2: "0123456789"}


def render_docx(title: str, body: str, path: Path, *, numbered: bool = False) -> Path:
    """A Word document: the title in the ``Title`` style, line headings in ``Heading 1``…, the rest ``Normal``.

    With ``numbered``, the 一、 and 1、 of the line headings are not typed but drawn by Word's automatic
    numbering (a two-level list), as in documents made from a numbered heading template.
    """
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    levels = heading_levels(body)
    document = docx.Document()
    if numbered:
        numbering = document.part.numbering_part.element
        numbering.insert(0, parse_xml(NUMBERING))
        numbering.append(parse_xml(NUM))
    document.add_heading(title, level=0)
    for number, line in enumerate(body.split("\n")):
        if not line.strip():
            continue
        level = levels.get(number)
        if level is None or level > 3:
            document.add_paragraph(line)
            continue
        marker = line.split("、", 1)[0]
        if numbered and level in _TYPED and "、" in line and marker and all(c in _TYPED[level] for c in marker):
            paragraph = document.add_heading(line.split("、", 1)[1], level=level)
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().set(qn("w:val"), str(level - 1))
            numpr.get_or_add_numId().set(qn("w:val"), "90")
        else:
            document.add_heading(line, level=level)
    document.save(str(path))
    return path
