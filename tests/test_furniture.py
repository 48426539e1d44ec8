"""Page furniture of portals, news sites and sharing sites (GUIDELINES §2): the shipped patterns and the
structural rules of :mod:`gongwen.furniture`, by site family, with the report lines they must leave alone.

Every text here is written for these tests in the shapes such pages take; none is copied from a page.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import NoiseKind, RegistryError, find_noise, register_noise_pattern, unregister_noise_pattern
from gongwen.furniture import find_furniture, furniture_words
from strategies import report_text


class Case(NamedTuple):
    """A piece of a page and the (kind, text) of every noise span in it, in order."""

    text: str
    expected: list[tuple[str, str]]


# Official portals: breadcrumbs, toolbars, font-size controls, index tables, footers.
PORTAL = [
    Case("当前位置: 首页 > 政务公开 > 规划计划", [("breadcrumb", "当前位置: 首页 > 政务公开 > 规划计划")]),
    Case("您现在的位置:首页>>信息公开>>统计数据>>", [("breadcrumb", "您现在的位置:首页>>信息公开>>统计数据>>")]),
    Case("网站首页 | 机构概况 | 政务公开 | 办事服务", [("breadcrumb", "网站首页 | 机构概况 | 政务公开 | 办事服务")]),
    Case(
        "您的位置:\n首页\n>\n政务公开\n>\n工作动态\n正文第一句,内容较长,是报告的开头部分。",
        [("breadcrumb", "您的位置:"), ("breadcrumb", "首页"), ("breadcrumb", ">"), ("breadcrumb", "政务公开"),
         ("breadcrumb", ">"), ("breadcrumb", "工作动态")],
    ),
    Case("【字号: 大 中 小】", [("toolbar", "【字号: 大 中 小】")]),
    Case("【打印本页】 【关闭窗口】", [("toolbar", "【打印本页】 【关闭窗口】")]),
    Case("[打印] [关闭]", [("toolbar", "[打印] [关闭]")]),
    Case(
        "【字体:\n大\n中\n小\n】",
        [("toolbar", "【字体:"), ("toolbar", "大"), ("toolbar", "中"), ("toolbar", "小"), ("toolbar", "】")],
    ),
    Case("【字号\n:\n大\n中\n小\n】", [("toolbar", "【字号"), ("toolbar", ":"), ("toolbar", "大"), ("toolbar", "中"),
                                     ("toolbar", "小"), ("toolbar", "】")]),
    Case("视力保护色\n无障碍\n繁体", [("toolbar", "视力保护色"), ("toolbar", "无障碍"), ("toolbar", "繁体")]),
    Case("发布时间:2024-09-24 16:08:34  来源:某某局", [("meta", "发布时间:2024-09-24 16:08:34  来源:某某局")]),
    Case("来源 :某某县农业局 访问次数 : 发布时间 :2025-09-18",
         [("meta", "来源 :某某县农业局 访问次数 : 发布时间 :2025-09-18")]),
    Case("索引号:\n00000000/2024-00100", [("meta", "索引号:"), ("meta", "00000000/2024-00100")]),
    Case("  • 发文字号:\n    某政发〔2024〕5号", [("meta", "• 发文字号:"), ("meta", "某政发〔2024〕5号")]),
    Case("有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |",
         [("meta", "有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |")]),
    Case("2024年04月06日 16:40", [("datetime", "2024年04月06日 16:40")]),
    Case("今天是2025年1月20日 星期一", [("meta", "今天是2025年1月20日 星期一")]),
    Case("版权所有:某某市人民政府办公室", [("footer", "版权所有:某某市人民政府办公室")]),
    Case("网站标识码0000000000 某ICP备00000000号", [("footer", "网站标识码0000000000 某ICP备00000000号")]),
    Case("建议使用IE9以上浏览器浏览本站", [("footer", "建议使用IE9以上浏览器浏览本站")]),
    Case("欢迎访问某某市人民政府网站!", [("footer", "欢迎访问某某市人民政府网站!")]),
    Case("返回顶部", [("toolbar", "返回顶部")]),
    Case("1 2 3 4 5 下一页 尾页", [("page_number", "1 2 3 4 5 下一页 尾页")]),
    Case("无障碍浏览 长者模式", [("toolbar", "无障碍浏览 长者模式")]),
    Case("监督索引号53280011047601000", [("meta", "监督索引号53280011047601000")]),
    Case("首页评论时政国际财经娱乐文史图片", [("breadcrumb", "首页评论时政国际财经娱乐文史图片")]),
    Case("【我要打印】【关闭】", [("toolbar", "【我要打印】【关闭】")]),
    Case("附件下载:", [("toolbar", "附件下载:")]),
    Case("本网站由某某县人民政府办公室主办", [("footer", "本网站由某某县人民政府办公室主办")]),
    Case("  • 标题:2025年某某市政府工作报告", [("meta", "• 标题:2025年某某市政府工作报告")]),
    Case(
        "各位代表:\n全市人民共同奋斗,必将谱写新篇章,我们一定能够完成今年的各项目标任务。\n相关链接:\n"
        "某某市2024年政府工作报告\n某某市2023年政府工作报告",
        [("related", "相关链接:"), ("related", "某某市2024年政府工作报告"), ("related", "某某市2023年政府工作报告")],
    ),
]

# News sites: source lines, editors, captions, share links, trailers.
NEWS = [
    Case("2025-02-03 09:02:33", [("datetime", "2025-02-03 09:02:33")]),
    Case("2025-02-03 09:02:33 | 来源:某某日报", [("datetime", "2025-02-03 09:02:33 | 来源:某某日报")]),
    Case("某某网 2025-01-20 08:30:00", [("datetime", "某某网 2025-01-20 08:30:00")]),
    Case("来源:某某日报 作者:某某 编辑:某某", [("meta", "来源:某某日报 作者:某某 编辑:某某")]),
    Case("发表时间:", [("meta", "发表时间:")]),
    Case("阅读量:1234", [("meta", "阅读量:1234")]),
    Case("(责任编辑:某某)", [("meta", "(责任编辑:某某)")]),
    Case("【编辑:某某】", [("meta", "【编辑:某某】")]),
    Case("字号变大 | 字号变小", [("toolbar", "字号变大 | 字号变小")]),
    Case("分享到:\n微信\n微博", [("toolbar", "分享到:"), ("toolbar", "微信"), ("toolbar", "微博")]),
    Case("打开微信,使用扫一扫即可将网页分享至朋友圈。", [("toolbar", "打开微信,使用扫一扫即可将网页分享至朋友圈。")]),
    Case("下载某某新闻客户端,随时随地看新闻", [("toolbar", "下载某某新闻客户端,随时随地看新闻")]),
    Case(
        "1月10日,市人代会开幕,代表们认真听取报告。本报记者 某某 摄",
        [("caption", "1月10日,市人代会开幕,代表们认真听取报告。本报记者 某某 摄")],
    ),
    Case("会场一角。 新华社记者 某某某 摄", [("caption", "会场一角。 新华社记者 某某某 摄")]),
    Case("(通讯员 某某 摄)", [("caption", "(通讯员 某某 摄)")]),
    Case("上一篇:某某市召开经济工作会议", [("related", "上一篇:某某市召开经济工作会议")]),
    Case("下一篇:没有了", [("related", "下一篇:没有了")]),
    Case(
        "全市上下团结一心,为完成今年各项目标任务而努力奋斗!\n相关报道:\n某某市人代会开幕\n代表热议发展新蓝图",
        [("related", "相关报道:"), ("related", "某某市人代会开幕"), ("related", "代表热议发展新蓝图")],
    ),
    Case("当前位置:新闻 > 时政 > 正文", [("breadcrumb", "当前位置:新闻 > 时政 > 正文")]),
    Case("原标题:某某市召开全市大会", [("meta", "原标题:某某市召开全市大会")]),
    Case("打开某某新闻 查看更多图片", [("toolbar", "打开某某新闻 查看更多图片")]),
]

# Document-sharing sites: file facts, numbered notices to downloaders, reading prompts.
SHARING = [
    Case("上传人:某某\n文档编号:1234\n格式:DOCX\n页数:12\n大小:24.3KB",
         [("meta", "上传人:某某"), ("meta", "文档编号:1234"), ("meta", "格式:DOCX"), ("meta", "页数:12"),
          ("meta", "大小:24.3KB")]),
    Case("【下载声明】", [("notice", "【下载声明】")]),
    Case("  • 【下载声明】", [("notice", "• 【下载声明】")]),
    Case("  • 上传人(卖家):某某", [("meta", "• 上传人(卖家):某某")]),
    Case(
        "1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。\n"
        "2、“仅部分预览”的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款。\n"
        "3、如文档侵犯您的权益,请联系客服反馈。\n"
        "4、文档仅供学习交流。",
        [
            ("notice", "1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。"),
            ("notice", "2、“仅部分预览”的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款。"),
            ("notice", "3、如文档侵犯您的权益,请联系客服反馈。"),
            ("notice", "4、文档仅供学习交流。"),
        ],
    ),
    Case(
        "友情提示\n2. PDF文件下载后,可能会被浏览器默认打开,请保存到桌面。\n3. 本站不支持迅雷下载,请使用浏览器下载。",
        [("notice", "友情提示"), ("notice", "2. PDF文件下载后,可能会被浏览器默认打开,请保存到桌面。"),
         ("notice", "3. 本站不支持迅雷下载,请使用浏览器下载。")],
    ),
    Case("已阅读5页,还剩20页未读 继续免费阅读", [("more", "已阅读5页,还剩20页未读 继续免费阅读")]),
    Case("快捷下载 游客一键下载\n账号:\n验证码: 换一换",
         [("toolbar", "快捷下载 游客一键下载"), ("meta", "账号:"), ("meta", "验证码: 换一换")]),
    Case("  1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。",
         [("notice", "1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。")]),
    Case("下载本文档", [("toolbar", "下载本文档")]),
    Case("书签 分享 收藏 举报 版权申诉 / 23", [("toolbar", "书签 分享 收藏 举报 版权申诉 / 23")]),
    Case("某某工作总结_第1页", [("page_number", "某某工作总结_第1页")]),
    Case("第1页 / 共44页", [("page_number", "第1页 / 共44页")]),
    Case("资源描述", [("intro", "资源描述")]),
    Case("版权说明:本文档由用户提供并上传,收益归属内容提供方",
         [("disclaimer", "版权说明:本文档由用户提供并上传,收益归属内容提供方")]),
    Case("免责声明:本文内容为用户上传,不代表本站观点。",
         [("disclaimer", "免责声明:本文内容为用户上传,不代表本站观点。")]),
    Case("类型2024年某某镇工作总结.docx", [("meta", "类型2024年某某镇工作总结.docx")]),
    Case("文档名称:某某县政府工作报告.pdf", [("meta", "文档名称:某某县政府工作报告.pdf")]),
    Case("关 键  词:\n某某镇 工作总结\n2024年,我镇经济运行稳中有进。",
         [("meta", "关 键  词:"), ("meta", "某某镇 工作总结")]),
]

# A run of very short lines before the report starts (a menu, a site name, 注册/登录).
SHORT_RUNS = [
    Case(
        "某某网\n注册\n帮助\n2024年某某县工作总结\n今年以来,我县认真贯彻各项决策部署,经济社会发展稳中有进。",
        [("short_lines", "某某网"), ("toolbar", "注册"), ("short_lines", "帮助")],
    ),
    Case("要闻\n|\n正文第一句,内容较长,是这份报告开头的一段话。", [("short_lines", "要闻"), ("breadcrumb", "|")]),
]

FAMILIES = {"portal": PORTAL, "news": NEWS, "sharing": SHARING, "short runs": SHORT_RUNS}
ALL = [(family, case) for family, cases in FAMILIES.items() for case in cases]


@pytest.mark.parametrize(("family", "case"), ALL, ids=[f"{f}:{c.text[:24]!r}" for f, c in ALL])
def test_furniture(family: str, case: Case) -> None:
    found = find_noise(case.text)
    assert [(n.kind, n.text) for n in found] == case.expected, family
    for noise in found:
        assert case.text[noise.span.start : noise.span.end] == noise.text
        assert noise.kind in set(NoiseKind)


# Lines of reports that look a little like furniture and are not.
NOT_FURNITURE = [
    "本站由于资金不足,今年暂停建设。",
    "首页面设计需要改进",
    "附件下载率达到95%。",
    "各位代表:",
    "同志们:",
    "各位代表、各位委员:",
    "一、综合",
    "一、2024年工作回顾",
    "(三)加强新闻宣传",
    "1.完善数据共享平台,推动文档电子化。",  # 文档 and 平台 without a notice to the reader
    "1、加强版权保护,严厉打击侵权盗版行为。",
    "2、完成政务APP开发,用户下载量达10万次。",
    "——2025年1月20日在某某市第十七届人民代表大会第五次会议上",
    "(2025年1月18日在某某省第十四届人民代表大会第三次会议上)",
    "国务院总理 某某",
    "某某市人民政府市长 某某",
    "2025年1月20日",
    "某某县统计局",
    "时间过得真快,一年又过去了。",
    "主办方积极参与,活动取得圆满成功。",
    "建议使用新技术提高效率。",
    "图1 2020-2024年地区生产总值及其增长速度",
    "地区生产总值 | 2313.0 | 5.2",
    "年末全市常住人口486.2万人,比上年末增加2.1万人。",
    "(一)促进影视拍摄基地建设",
    "全年接待游客1200万人次,增长8%。\n\n二、主要做法",
]


@pytest.mark.parametrize("text", NOT_FURNITURE, ids=[repr(t[:24]) for t in NOT_FURNITURE])
def test_not_furniture(text: str) -> None:
    assert find_noise(text) == ()


def test_short_lines_after_the_report_starts_are_not_a_run() -> None:
    text = "各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。\n甲\n乙\n丙"
    assert find_noise(text) == ()


def test_a_speaker_split_over_two_short_lines_is_no_run() -> None:
    assert find_noise("政府工作报告\n市长\n某某\n各位代表:") == ()


def test_a_title_split_over_short_lines_is_no_run() -> None:
    assert find_noise("市政府\n五年\n工作报告\n各位代表:") == ()


def test_trailer_list_stops_at_a_sentence_and_before_the_report() -> None:
    # before the report's body a trailer head is furniture, but the lines below it are not taken
    text = (
        "相关新闻\n2025年某某市政府工作报告\n——2025年1月10日在某某会议上\n各位代表:\n"
        "现在,我代表市人民政府向大会报告工作。"
    )
    assert [(n.kind, n.text) for n in find_noise(text)] == [("related", "相关新闻")]
    text = "这是报告的最后一段话,号召全体人民团结一心、努力奋斗。\n相关阅读:\n某某会议召开\n这是一句正文,不是链接。"
    assert [n.text for n in find_noise(text)] == ["相关阅读:", "某某会议召开"]


def test_an_open_bracket_without_its_close_is_not_a_control() -> None:
    assert find_noise("【说明\n甲\n乙") == ()


def test_notice_run_continues_only_with_the_next_number() -> None:
    first, third = "1、下载文档前请自行甄别文档内容的完整性。", "3、如文档侵犯您的权益,请联系客服。"
    text = f"{first}\n{third}\n2、加强队伍建设,提高用户满意度。"
    assert [n.text for n in find_noise(text)] == [first, third]


def test_find_furniture_reports_only_what_the_patterns_missed() -> None:
    folded = "【字体:\n大\n小\n】"
    known = {(0, 4): "toolbar"}
    assert find_furniture(folded, known) == {(5, 6): "toolbar", (7, 8): "toolbar", (9, 10): "toolbar"}


def test_furniture_words_are_data() -> None:
    words = furniture_words()
    assert {"notice_cue", "notice_address", "notice_word", "size", "trailer"} <= set(words)
    assert "下载" in words["notice_cue"]
    assert all(words.values())


def test_register_noise_pattern() -> None:
    text = "正文。\n更多精彩请关注公众号\n正文"
    assert find_noise(text) == ()
    register_noise_pattern("ad", r"^更多精彩请关注公众号$")
    try:
        assert [(n.kind, n.text) for n in find_noise(text)] == [("ad", "更多精彩请关注公众号")]
        with pytest.raises(RegistryError, match="already registered"):
            register_noise_pattern("ad", r"^更多精彩请关注公众号$")
    finally:
        unregister_noise_pattern("ad")
    assert find_noise(text) == ()
    with pytest.raises(RegistryError, match="no registered"):
        unregister_noise_pattern("ad")
    with pytest.raises(RegistryError, match="not a valid regex"):
        register_noise_pattern("bad", r"(unclosed")
    with pytest.raises(RegistryError, match="non-empty"):
        register_noise_pattern("", r"x")


PIECES = ["首页", ">", "大", "】", "【字号", "各位代表:", "下载", "1、请勿下载本站文档", "一、总体情况", "来源:某某",
          "", "正文内容较长的一句话,用来结束页面头部的短行。", "——2025年1月20日在某某会议上", "(一)加强领导",
          "相关报道:", "某某 摄", "|"]
# report lines: never inside noise, whatever furniture surrounds them
REPORT_LINES = ("各位代表", "一、总体情况", "——2025年", "(一)加强领导")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_lines_of_furniture_never_break_offsets(lines: list[str]) -> None:
    text = "\n".join(lines)
    found = find_noise(text)
    for first, second in itertools.pairwise(found):
        assert first.span.end <= second.span.start
    for noise in found:
        assert text[noise.span.start : noise.span.end] == noise.text
        assert noise.text == noise.text.strip()
        assert not any(line in noise.text for line in REPORT_LINES), noise


@settings(max_examples=40, deadline=None)
@given(report_text)
def test_generated_reports_keep_their_headings_out_of_noise(text: str) -> None:
    found = find_noise(text)
    for noise in found:
        assert text[noise.span.start : noise.span.end] == noise.text
