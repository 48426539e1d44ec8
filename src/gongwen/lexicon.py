"""The words around a number that the metric extractor reads, as data.

Qualifiers (近, 约, 余, 以上 …), change words (增长, 下降 …) and their bases (同比, 比上年 …), and the lists
that tell a unit from the first character of a word (校长, 方面, 人才). Extend them by editing or
subclassing :class:`gongwen.metrics.MetricExtractor`; they are plain tuples and frozensets.
"""

from __future__ import annotations

from gongwen.model import Qualifier

_Q = Qualifier

#: Words before a number and what they say of it; the first that ends right before the number wins.
PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("不低于", _Q.AT_LEAST), ("不少于", _Q.AT_LEAST), ("至少", _Q.AT_LEAST),
    ("最少", _Q.AT_LEAST), ("不超过", _Q.AT_MOST), ("最多", _Q.AT_MOST), ("至多", _Q.AT_MOST),
    ("将近", _Q.LESS_THAN), ("接近", _Q.LESS_THAN), ("不到", _Q.LESS_THAN), ("不足", _Q.LESS_THAN),
    ("未满", _Q.LESS_THAN), ("不满", _Q.LESS_THAN), ("低于", _Q.LESS_THAN), ("近", _Q.LESS_THAN),
    ("超过", _Q.MORE_THAN), ("高于", _Q.MORE_THAN), ("突破", _Q.MORE_THAN), ("逾", _Q.MORE_THAN),
    ("多于", _Q.MORE_THAN), ("超", _Q.MORE_THAN),
    ("大约", _Q.APPROX), ("约合", _Q.APPROX), ("约", _Q.APPROX),
)  # fmt: skip

#: Words after a number and its unit.
SUFFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("以上", _Q.AT_LEAST), ("以下", _Q.AT_MOST), ("以内", _Q.AT_MOST), ("之内", _Q.AT_MOST), ("内", _Q.AT_MOST),
    ("左右", _Q.APPROX), ("上下", _Q.APPROX), ("余", _Q.MORE_THAN), ("多", _Q.MORE_THAN),
)  # fmt: skip

#: A one-character classifier followed by these is the start of a word, not a unit: 校长, 方面, 人才.
WORD_AFTER_UNIT = frozenset(
    (
        "校长", "方面", "家长", "所长", "期间", "期刊", "项目", "名单", "名称", "台阶", "本着", "本地", "本人", "本身",
        "条件", "条例", "部署", "处理", "批示", "批准", "张贴", "家庭", "家乡", "个别", "个体", "元旦", "元素", "次数",
        "门口", "人才", "人民", "人生", "人物", "人事", "人大", "人社", "人力", "人员", "周年", "期工", "期项", "组织",
        "班子", "班级", "班主", "台风", "份额", "场所", "场地", "起来", "起步", "本科", "处室", "种类", "类型", "条线",
        "支部", "支队", "座谈", "字样", "首届", "把关", "头等", "批次", "节日", "节约", "节点", "节能", "片区", "口号",
        "对象", "对口", "户籍", "户口", "间隔",
    )
)

#: Words of a change, and the bases it is measured against.
UP = ("增长", "增加", "提高", "上升", "上涨", "增幅", "增", "提升", "加快", "扩大", "回升", "增收")
DOWN = ("下降", "减少", "降低", "回落", "下滑", "缩小", "减", "降", "下跌", "放缓", "收窄", "减收")
BASES = (
    "与上年同期相比", "与去年同期相比", "与上年相比", "与去年相比", "比上年末", "比去年末", "较上年末",
    "比上年同期", "比去年同期", "比上年", "比去年", "较上年", "较去年", "同比", "环比", "比上月", "比年初", "同口径",
)  # fmt: skip

#: After 二期, 三期 …, these make it the phase of a named project or facility, not a count of sessions
#: (二期工程, 三期污水处理设施, 二期开工): GUIDELINES §4 phases of a named project.
PHASE_AFTER = (
    "工程", "项目", "建设", "建成", "开工", "投产", "投运", "投用", "竣工", "完工", "主体", "扩建", "续建", "改造",
    "污水", "厂", "设施", "码头", "泊位", "园区", "地块", "安置", "用地", "规划", "启动", "开园", "通车", "运营",
    "正式", "顺利", "全面", "基本", "已经", "即将", "加快", "首批", "场馆", "厂房", "扩能", "工地", "前期",
)  # fmt: skip
#: A name ending in these before 二期, 三期 … names a facility whose phase it is: 会议中心二期, 某某港三期.
PHASE_NAME_ENDS = (*"港站厂园城馆场院湾桥线路楼坝库塘田区岛谷仓苑府堤渠廊坊", "中心")
#: Before a phase number, these make it a count after all: 举办三期, 共68期.
PHASE_COUNTED_AFTER = (
    "举办", "开办", "办", "开展", "组织", "共", "累计", "完成", "培训", "举行", "编印", "出版", "印发",
)  # fmt: skip

#: Words that make 一 a tally (共1个) rather than an article (一名教师).
TALLY = ("共计", "合计", "总计", "累计", "共", "仅", "只有", "计")

#: After 2024年 these make it a date, not a duration: 2024年度, 60年代, 年初.
DATE_AFTER_YEAR = frozenset("月度级代初底末中")

#: Before a number of years, these make it a duration (连续两年, 为期3年); otherwise 九年义务教育 is a name.
DURATION_CUES_BEFORE = (
    "连续|为期|历时|长达|达|满|近|超过|用了?|花了?|经过|坚持|已经|已|共|累计|前后|任期|服务|工作|缩短|延长|提前|至少|不少于"
)
DURATION_CUES_AFTER = "以上|以下|以内|内|来|间|时间|之久|多|余|后|的时间|左右"

#: Words whose presence just before a bare 5.6亿 makes it money.
MONEY_WORDS = "经费|资金|投入|投资|收入|支出|产值|总值|预算|拨款|金额|资产|营收|税收|财政"

QUOTE_OPEN, QUOTE_CLOSE = "“‘《「『\"", "”’》」』\""
