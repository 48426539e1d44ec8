"""The built-in metric extractor (GUIDELINES §4): what is a metric, and every field of one.

Each table holds sentences and the metric they must yield, grouped by where the sentence came from: the
seed reports in /work/shared/corpus/seeds (000 a town's education report, 001 a county's petitions
report and a collection, 002 a traditional-character city report, 003 a union report, 004 a school
district's party-building report), or, where the seeds hold no example of a form GUIDELINES §4 names,
a sentence written the way government reports write it ("constructed"). One parametrized test runs
each table; hypothesis checks the properties that hold for any number.

Every metric any test sees is also checked for the invariants: its text is the slice of the input its
span names, and its numbers are ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import gongwen
from gongwen import Direction, Metric, MetricKind, Qualifier
from gongwen.textview import fold

# --- helpers ------------------------------------------------------------------------------------------


def check_invariants(text: str, metrics: Sequence[Metric]) -> None:
    for m in metrics:
        assert 0 <= m.span.start <= m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
        for number in (m.value, m.low, m.high):
            assert number is None or isinstance(number, Decimal), (m.text, type(number))
        assert not isinstance(m.value, float)
        if m.subject_span is not None:
            assert m.subject is not None
            subject_text = text[m.subject_span.start : m.subject_span.end]
            assert subject_text == m.subject or ("\n" in subject_text and set(m.subject) <= set(subject_text))


def metrics_of(text: str) -> tuple[Metric, ...]:
    metrics = gongwen.parse(text).metrics
    check_invariants(text, metrics)
    return metrics


def the_metric(sentence: str, text: str) -> Metric:
    """The metric whose text is ``text`` (the first, if it occurs twice)."""
    found = metrics_of(sentence)
    for m in found:
        if m.text == text:
            return m
    raise AssertionError(f"no metric {text!r} in {sentence!r}; found {[m.text for m in found]}")


def dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


class Example(NamedTuple):
    """A sentence and the one metric (by its text) it must yield, with the fields GUIDELINES §4 gives it."""

    sentence: str
    text: str
    value: str | None
    unit: str
    kind: str
    qualifier: str = "exact"
    low: str | None = None
    high: str | None = None
    redacted: bool = False


def check_example(ex: Example) -> Metric:
    m = the_metric(ex.sentence, ex.text)
    assert (m.value, m.low, m.high) == (dec(ex.value), dec(ex.low), dec(ex.high))
    # the value is exact: the decimal string GUIDELINES asks for, not a float's approximation
    row = m.to_dict()
    assert (row["value"], row["low"], row["high"]) == (ex.value, ex.low, ex.high)
    assert m.unit == ex.unit
    assert m.kind == ex.kind
    assert m.qualifier == ex.qualifier
    assert m.redacted is ex.redacted
    return m


def table(*rows: Example | object) -> list[object]:
    """pytest params named by the metric's text, so a failure says which row."""
    out = []
    for row in rows:
        if isinstance(row, Example):
            out.append(pytest.param(row, id=row.text))
        else:
            out.append(row)
    return out


# --- money ----------------------------------------------------------------------------------------

MONEY = table(
    # seed 000
    Example("去年,我镇教育方面的投入总计55.57万元,今年,##中学中考再创佳绩。", "55.57万元", "555700", "元", "money"),
    Example("全年下拨教育经费总额多达11231.89万元,为我镇中小学、幼儿园正常运作提供保障。", "11231.89万元", "112318900",
            "元", "money"),
    Example("国家投资93万余元,用于松柏村老教学楼400平方米的维修。", "93万余元", "930000", "元", "money", "more_than"),
    Example("我镇更是动用大手笔。投入近60万元武装土山幼儿园,投入近500万元新建教学楼。", "近60万元", "600000", "元",
            "money", "less_than"),
    Example("每年9月10日的教师节,政府财政拿出了不低于2000元的现金,用于优秀教师的奖励和表彰。", "不低于2000元", "2000",
            "元", "money", "at_least"),
    Example("凫山村委会今年又投入200多万元为凫山小学添设教学设备。", "200多万元", "2000000", "元", "money",
            "more_than"),
    Example("东莞高伟光学电子有限公司给横坑小学赠送一批价值近4万元的体育器材。", "近4万元", "40000", "元", "money",
            "less_than"),
    # seed 002 (traditional characters): 約5.6億 has no 元, but a money word (經費投入) comes before it
    Example("教育經費投入繼續增長,總計約5.6億,占定海財政總支出的20%左右;", "約5.6億", "560000000", "元", "money",
            "approx"),
    Example("博愛縣政府投資370萬元建設縣職專實驗樓(3000㎡),已經竣工。", "370萬元", "3700000", "元", "money"),
    Example("目前,已投入資金1.13億元,16棟樓已全部封頂。", "1.13億元", "113000000", "元", "money"),
    # constructed: 亿 with a decimal is exact, not a float; a foreign currency keeps its unit
    Example("全年财政收入16.4亿元,增长7.4%。", "16.4亿元", "1640000000", "元", "money"),
    Example("全年实际利用外资1.2亿美元。", "1.2亿美元", "120000000", "美元", "money"),
)


@pytest.mark.parametrize("ex", MONEY)
def test_money(ex: Example) -> None:
    check_example(ex)


def test_money_magnitude_is_recorded() -> None:
    m = the_metric("去年,我镇教育方面的投入总计55.57万元,今年,##中学中考再创佳绩。", "55.57万元")
    assert m.magnitude == "万"
    assert m.value == Decimal("555700") and str(m.value) == "555700"
    assert the_metric("全年财政收入16.4亿元,增长7.4%。", "16.4亿元").value == 1_640_000_000


# --- percent ------------------------------------------------------------------------------------

PERCENT = table(
    # seed 001
    Example("高考取得参考人数4149人、上线率84.31%、上线人数3498人。", "84.31%", "84.31", "%", "percent"),
    # seed 000
    Example("初中非正常辍学率控制在0.2%以内,初中毕业生升学率达100%。", "0.2%以内", "0.2", "%", "percent", "at_most"),
    Example("9月,全镇中小学进行了行风评议问卷调查,结果是群众满意率达98%。", "98%", "98", "%", "percent"),
    # seed 002 (traditional)
    Example("教育經費投入繼續增長,總計約5.6億,占定海財政總支出的20%左右;", "20%左右", "20", "%", "percent", "approx"),
    Example("多媒體進專用教室率達65%以上,生機比提高到4.39:1。", "65%以上", "65", "%", "percent", "at_least"),
    Example("全區等級幼兒園覆蓋率超過85%。", "超過85%", "85", "%", "percent", "more_than"),
    Example("參加城鄉居民醫療保險及補充保險的學生數比去年提高了7個百分點。", "7個百分點", "7", "个百分点", "percent"),
    # constructed: 百分之, ‰, 成 and 个百分点 do not occur in the seeds
    Example("全县义务教育阶段寄宿学生占百分之四十。", "百分之四十", "40", "%", "percent"),
    Example("全年人口自然增长率为6.39‰。", "6.39‰", "6.39", "‰", "percent"),
    Example("全县三成农户加入了专业合作社。", "三成", "30", "%", "percent"),
    Example("全市高中阶段毛入学率提高2.3个百分点。", "2.3个百分点", "2.3", "个百分点", "percent"),
    Example("全市义务教育巩固率超过85%。", "超过85%", "85", "%", "percent", "more_than"),
    Example("全县文盲率降至0.05%。", "0.05%", "0.05", "%", "percent"),
    # seed 002 writes the decimal point as 。 (0。05%); the gold reads it as 0.05 %
    pytest.param(
        Example("通過一年的努力,掃除青壯年文盲332人,文盲率降至0。05%,開辦了鞏固提高班115個。", "0。05%", "0.05", "%",
                "percent"),
        id="0。05%",
    ),
)


@pytest.mark.parametrize("ex", PERCENT)
def test_percent(ex: Example) -> None:
    check_example(ex)


def test_percentage_points_are_a_change_up() -> None:
    m = the_metric("全市高中阶段毛入学率提高2.3个百分点。", "2.3个百分点")
    assert (m.unit, m.kind, m.direction) == ("个百分点", MetricKind.PERCENT, Direction.UP)


# --- ratio --------------------------------------------------------------------------------------

RATIO = table(
    # seed 002
    Example("在全省總分名列前20名的考生中,我市(含金壇、溧陽)占了1/5;", "1/5", "0.2", "", "ratio"),
    Example("多媒體進專用教室率達65%以上,生機比提高到4.39:1。", "4.39:1", "4.39", "", "ratio"),
    # seed 004
    Example("我们要求校级干部每学期与教职工谈心的人数要达到一半,中层干部与教职工谈心的人数要达到三分之一,"
            "并认真作好记载。", "一半", "0.5", "", "ratio"),
    Example("我们要求校级干部每学期与教职工谈心的人数要达到一半,中层干部与教职工谈心的人数要达到三分之一,"
            "并认真作好记载。", "三分之一", "0.333333", "", "ratio"),
    # constructed: the seeds hold no multiple (only 翻倍)
    Example("全县财政教育投入是十年前的3倍。", "3倍", "3", "倍", "ratio"),
)


@pytest.mark.parametrize("ex", RATIO)
def test_ratio(ex: Example) -> None:
    check_example(ex)


# --- counts with classifiers --------------------------------------------------------------------

COUNT = table(
    # seed 000
    Example("按照市政府“十一五”规划,我镇学校布局有大幅度调整,将原有四所小学撤并为两所小学。", "四所", "4", "所",
            "count"),
    Example("按照市政府“十一五”规划,我镇学校布局有大幅度调整,将原有四所小学撤并为两所小学。", "两所", "2", "所",
            "count"),
    Example("向社会发放调查问卷1000份,走访学生家庭、特困户2万多户,搜集到各类意见、建议20条。", "2万多户", "20000", "户",
            "count", "more_than"),
    Example("同时,为丰富教师、学生的文化生活,建立了图书室,藏书达1.08万册,为我镇信息化教育的快速发展奠定了基础。",
            "1.08万册", "10800", "册", "count"),
    Example("我镇师生4千多人参与 ,登台表演12个节目。", "4千多人", "4000", "人", "count", "more_than"),
    Example("##镇幅员面积为144.5平方公里,辖20个村委会42个村民小组,总人口55983人。", "55983人", "55983", "人", "count"),
    # seed 001: 校 and 班 are classifiers too
    Example("普通中学33校(完中9校,初中24校),在校初中生31395人。", "33校", "33", "校", "count"),
    Example("幼儿园43所,学前班447班,在园在班儿童19836人。", "447班", "447", "班", "count"),
    Example("成立了以局长为组长,十个股室负责人为成员的信访工作领导小组。", "十个", "10", "个", "count"),
    # seed 002 (traditional): 萬 and 個 are read, the unit is simplified
    Example("完成各類成人培訓45.1萬人次。", "45.1萬人次", "451000", "人次", "count"),
    Example("1、有三個單位的課題管理制度沒有建立,還需要加強。", "三個", "3", "个", "count"),
    Example("全市近萬名中小學教師通過了第二輪現代教育技術培訓考核。", "近萬名", "10000", "名", "count", "less_than"),
    Example("全年共舉辦各級各類成人社區教育培訓 2162期,受訓12.6萬余人次,轉移就業1150人;", "12.6萬余人次", "126000",
            "人次", "count", "more_than"),
    Example("全市近1.2萬名在職教師通過認定取得了教師資格;\n完成\n五大類近3000名教師的職稱評審工作;", "五大類", "5",
            "类", "count"),
    # seed 003
    Example("工会和学校先后看望病残教职工二十余次。", "二十余次", "20", "次", "count", "more_than"),
    # a tallied 一 is a metric (GUIDELINES: 共1个)
    Example("全乡幅员面积41平方公里,所辖12个行政村、1个居委会。", "1个", "1", "个", "count"),
    Example("全乡共1个居委会。", "1个", "1", "个", "count"),
    Example("全乡共一个居委会。", "一个", "1", "个", "count"),
    # constructed: the stop phrase 万一 ("in case") swallows 一万一千
    pytest.param(Example("全县有在校学生一万一千人。", "一万一千人", "11000", "人", "count"), id="一万一千人"),
)


@pytest.mark.parametrize("ex", COUNT)
def test_count(ex: Example) -> None:
    check_example(ex)


# A number at offset 0 of the text is never read: MetricExtractor._read tests ``before in "第./-:"`` with
# before == "" there, and "" is in every string (_read_masked does the same with "[【(").
START_OF_TEXT = [
    pytest.param(Example("2人获一等奖,3人获二等奖,1人获三等奖。", "2人", "2", "人", "count"), id="2人"),
    pytest.param(Example("五大類近3000名教師的職稱評審工作;", "五大類", "5", "类", "count"), id="五大類"),
    pytest.param(Example("8__优秀教师到偏远薄弱学校支教。", "8__", None, "", "count", redacted=True), id="8__"),
    # the same sentences one character in
    Example("其中2人获一等奖,3人获二等奖,1人获三等奖。", "2人", "2", "人", "count"),
    Example(" 8__优秀教师到偏远薄弱学校支教。", "8__", None, "", "count", redacted=True),
]


@pytest.mark.parametrize("ex", START_OF_TEXT)
def test_metric_at_the_start_of_the_text(ex: Example) -> None:
    check_example(ex)


# --- area, length, mass -------------------------------------------------------------------------

MEASURE = table(
    # seed 000
    Example("##镇幅员面积为144.5平方公里,辖20个村委会42个村民小组,总人口55983人。", "144.5平方公里", "144.5",
            "平方公里", "area"),
    Example("四川德瑞集团捐资200万元,国家投资190万元,占地8.1亩,总建设面积17000平方米的中心小学教学楼,现已基本竣工。",
            "8.1亩", "8.1", "亩", "area"),
    Example("四川德瑞集团捐资200万元,国家投资190万元,占地8.1亩,总建设面积17000平方米的中心小学教学楼,现已基本竣工。",
            "17000平方米", "17000", "平方米", "area"),
    Example("_____乡地处_____县西面,距县城22公里,属龙泉山脉尾端(低山区)。", "22公里", "22", "公里", "length"),
    # seed 001
    Example("自校安工程实施以来,全区学校新建校舍22万平方米。", "22万平方米", "220000", "平方米", "area"),
    # seed 002 (traditional; ㎡ is given in Chinese)
    Example("博愛縣政府投資370萬元建設縣職專實驗樓(3000㎡),已經竣工。", "3000㎡", "3000", "平方米", "area"),
    Example("項目占地363.71畝,總建設面積12萬平方米。", "363.71畝", "363.71", "亩", "area"),
    # constructed: 万亿 before a mass unit
    Example("全年粮食总产量1.39万亿斤。", "1.39万亿斤", "1390000000000", "斤", "mass"),
)


@pytest.mark.parametrize("ex", MEASURE)
def test_area_length_mass(ex: Example) -> None:
    check_example(ex)


# --- duration, age, score -----------------------------------------------------------------------

DURATION = table(
    # seed 000
    Example("2、暑假期间,我镇组织中小学全体教师进行了为期18天的校本培训,集中培训时间共为12天。", "18天", "18", "天",
            "duration"),
    Example("最后,四所学校所有资产撤并只用两天时间。", "两天", "2", "天", "duration"),
    # seed 004
    Example("对连续两年民主测评结果基本称职和不称职在3__以上的干部原则上进行免职。", "两年", "2", "年", "duration"),
    Example("对擅离工作岗位三个月以上的1__及时作了自动离职处理。", "三个月以上", "3", "个月", "duration", "at_least"),
    Example("从今年起,教师评定中、高级职称原则上要有在农村学校一年以上的工作经历。", "一年以上", "1", "年", "duration",
            "at_least"),
    # seed 002 (traditional): 8天半 is 8.5 days
    Example("調研組于9月15日起,歷時8天半,對永春鄉、巴迪鄉進行調研。", "8天半", "8.5", "天", "duration"),
    Example("教師專業發展培訓人均77學時。", "77學時", "77", "学时", "duration"),
    # seed 001
    Example("一年来,共接待受理各方面信访事项10项,所有信访事项基本上都能在60日内办理完结。", "60日内", "60", "日",
            "duration", "at_most"),
    Example("全区学校坚持每天锻炼1小时,开展阳光体育大课间活动。", "1小时", "1", "小时", "duration"),
    Example("暑假期间,我们聘请了省内外知名校长对我区校长进行了为期三天的强化培训。", "三天", "3", "天", "duration"),
)


@pytest.mark.parametrize("ex", DURATION)
def test_duration(ex: Example) -> None:
    check_example(ex)


AGE_AND_SCORE = table(
    # seed 000
    Example("全镇普及三年学前教育,取消了学前班,实现六周岁入小学。", "六周岁", "6", "周岁", "age"),
    Example("对教育工作的管理单位及相关部门总分达不到80分以上的实行一票否决。", "80分以上", "80", "分", "score",
            "at_least"),
    # seed 004
    Example("提拔一批有培养前途和发展潜力的年龄在35岁左右的优秀年轻干部和优秀女干部。", "35岁左右", "35", "岁", "age",
            "approx"),
    # seed 001
    Example("一是强化交通安全教育,明确未满12周岁学生不得骑车上学,未满16周岁不得驾驶电动车。", "未满12周岁", "12",
            "周岁", "age", "less_than"),
    Example("我区青少部体育代表团共获金牌58.5枚,团体总分1498.5分,为我区参加市运动会以来的最好成绩。", "1498.5分",
            "1498.5", "分", "score"),
    # seed 002 (traditional)
    Example("20xx年,我市高考又創佳績:省常中張璇同學以685分成績位列全省第一名;", "685分", "685", "分", "score"),
)


@pytest.mark.parametrize("ex", AGE_AND_SCORE)
def test_age_and_score(ex: Example) -> None:
    check_example(ex)


# --- ranges -------------------------------------------------------------------------------------

RANGES = table(
    # seed 001
    Example("本学年,各乡镇教学点与中心校教师按50%——80%进行“点面交流”,实现了以乡镇为单位的师资均衡。", "50%——80%",
            None, "%", "percent", low="50", high="80"),
    # seed 002 (traditional)
    Example("在3—5年內實現青年教師從適應——勝任——優秀的快速轉型。", "3—5年", None, "年", "duration", low="3", high="5"),
    # constructed: the magnitude of the second number is shared (3到4万元 is 30000 to 40000)
    Example("单个项目总投资3到4万元。", "3到4万元", None, "元", "money", low="30000", high="40000"),
    Example("全国社会物流总额3到4万亿元。", "3到4万亿元", None, "元", "money", low="3000000000000",
            high="4000000000000"),
    Example("每学期组织一至两次专题讲座。", "一至两次", None, "次", "count", low="1", high="2"),
    Example("每个乡镇建成两三个示范点。", "两三个", None, "个", "count", low="2", high="3"),
    Example("每生每年资助1000至3000元。", "1000至3000元", None, "元", "money", low="1000", high="3000"),
    # constructed: two neighbouring one-digit numbers listed with 、 are a range, as 两三个 is
    Example("全镇还有三、四所学校需要改造。", "三、四所", None, "所", "count", low="3", high="4"),
    Example("每周开设二、三节心理健康课。", "二、三节", None, "节", "count", low="2", high="3"),
    Example("共有3、4所学校参加。", "3、4所", None, "所", "count", low="3", high="4"),
    Example("计划新建两、三个基地。", "两、三个", None, "个", "count", low="2", high="3"),
    # but the last two of a longer list are not a range, nor are numbers that are not neighbours
    Example("有2、3、4所学校参加。", "4所", "4", "所", "count"),
    Example("分别有3、12所学校。", "12所", "12", "所", "count"),
)


@pytest.mark.parametrize("ex", RANGES)
def test_ranges(ex: Example) -> None:
    check_example(ex)


def test_age_range_in_an_indicator_name_is_not_a_metric() -> None:
    # seed 000: 6—12周岁 names the indicator (GUIDELINES: 15周岁完成率); only the rate is a metric
    sentence = "照省市县的安排部署,我乡狠抓“两基”工作,“四率”稳中有升。6—12周岁的入学率100%;初中辍学率为0%。"
    assert [m.text for m in metrics_of(sentence)] == ["100%", "0%"]


# --- masked numbers -----------------------------------------------------------------------------

MASKED = table(
    # seed 004: the digits after the first are masked with underscores
    Example("小学、初中家访面达到10__,高中家访面达到3__以上。", "10__", None, "", "percent", redacted=True),
    Example("通过开展多种形式的活动,共收集优秀集体和个人实例8__,上报区组织部2__,在市级刊物上发表__。", "8__", None, "",
            "count", redacted=True),
    Example("今年选派8__优秀教师到偏远薄弱学校支教。", "8__", None, "", "count", redacted=True),
    # seed 002 (traditional)
    Example("全年共舉辦各級各類成人社區教育培訓 2162期,受訓12.6萬余人次,培訓后發證20xx本,轉移就業1150人;", "20xx本",
            None, "本", "count", redacted=True),
    Example("認真組織評估審核,按時完成__個自__年至20__年立項的省級職業教育科研課題結項工作。", "__個", None, "个",
            "count", redacted=True),
    # seed 003
    Example("要求全体教师在自学、讨论、相互交流的基础上,都要写出不少于XX字的学习心得体会。", "不少于XX字", None, "字",
            "count", "at_least", redacted=True),
    # seed 002: 近20xx余名 is a masked count; the library takes 20xx for a masked year and drops it
    pytest.param(
        Example("205名黨員教師帶頭義教,帶動234名普通教師積極參與,近20xx余名學生直接受益。", "近20xx余名", None, "名",
                "count", "less_than", redacted=True),
        id="近20xx余名",
    ),
)


@pytest.mark.parametrize("ex", MASKED)
def test_masked_numbers_are_redacted(ex: Example) -> None:
    check_example(ex)


# --- PDF line breaks and spaces -----------------------------------------------------------------

LAYOUT = table(
    Example("一、基本情况\n今年,全年完成固定资产投资8316\n万元,新建校舍12.23 万平方米。", "8316\n万元", "83160000",
            "元", "money"),
    Example("一、基本情况\n今年,全年完成固定资产投资8316\n万元,新建校舍12.23 万平方米。", "12.23 万平方米", "122300",
            "平方米", "area"),
    # seed 002: a space between the number and its classifier
    Example("在全市專業課抽考中平均分和及格均名列全市第二,其中1 名同學獲滿分(全市僅有5人)。", "1 名", "1", "名",
            "count"),
    Example("全年共舉辦各級各類成人社區教育培訓 2162期,受訓12.6萬余人次。", "2162期", "2162", "期", "count"),
    # a PDF line break inside the unit or after the decimal point
    Example("一、经济\n全年完成固定资产投资8316万\n元,同比增长12.3%。", "8316万\n元", "83160000", "元", "money"),
    Example("一、经济\n辖区面积144.5平方\n公里,增长7.4%。", "144.5平方\n公里", "144.5", "平方公里", "area"),
    Example("一、经济\n全年接待游客4500万人\n次,增长15%。", "4500万人\n次", "45000000", "人次", "count"),
    Example("一、经济\n其中过夜游客增长7.\n4%。", "7.\n4%", "7.4", "%", "percent"),
    pytest.param(
        Example("全市教育经费投入23\n亿元,增长5%。", "23\n亿元", "2300000000", "元", "money"),
        id="23-newline-亿元-on-the-first-line",
    ),
)


@pytest.mark.parametrize("ex", LAYOUT)
def test_numbers_broken_by_layout(ex: Example) -> None:
    m = check_example(ex)
    assert m.span.end - m.span.start == len(ex.text)  # one span covers both parts


# --- qualifiers: every word of GUIDELINES §4 ----------------------------------------------------

QUALIFIERS = table(  # rows without a seed comment are constructed
    # approx: 约, 左右, 大约, 上下
    Example("教育經費投入繼續增長,總計約5.6億,占定海財政總支出的20%左右;", "約5.6億", "560000000", "元", "money",
            "approx"),  # seed 002
    Example("提拔一批有培养前途和发展潜力的年龄在35岁左右的优秀年轻干部。", "35岁左右", "35", "岁", "age",
            "approx"),  # seed 004
    Example("全县约3000人参加培训。", "约3000人", "3000", "人", "count", "approx"),
    Example("全县大约3000人参加培训。", "大约3000人", "3000", "人", "count", "approx"),
    Example("每班学生人数在45人上下。", "45人上下", "45", "人", "count", "approx"),
    # at_least: 以上, 不低于, 不少于, 至少
    Example("多媒體進專用教室率達65%以上,生機比提高到4.39:1。", "65%以上", "65", "%", "percent",
            "at_least"),  # seed 002
    Example("每一个党员教职工至少写出不低于三千字的心得体会。", "不低于三千字", "3000", "字", "count",
            "at_least"),  # seed 000
    Example("全县1100万人以上参加医保。", "1100万人以上", "11000000", "人", "count", "at_least"),
    Example("每篇心得体会不少于3000字。", "不少于3000字", "3000", "字", "count", "at_least"),
    # seed 000: 至少 before a verb still qualifies the number (the span stays on 两名)
    Example("从2024年起,派出所早、中、晚派警车到校,至少有两名警察维护上学、放学的秩序。", "两名", "2", "名", "count",
            "at_least"),
    # more_than: 余, 多, 超过, 逾, 突破 (and 高于)
    # seed 000
    Example("国家投资93万余元,用于松柏村老教学楼的维修。", "93万余元", "930000", "元", "money", "more_than"),
    Example("我们在业小成功举办离退休老教师茶话会。40多位老教师相聚一起唠家常。", "40多位", "40", "位", "count",
            "more_than"),
    # seed 002
    Example("全區等級幼兒園覆蓋率超過85%。", "超過85%", "85", "%", "percent", "more_than"),
    Example("全區各校學生體質健康標準測試的優良率均高于60%。", "高于60%", "60", "%", "percent", "more_than"),
    # constructed
    Example("全国社会消费品零售总额超过126万亿元。", "超过126万亿元", "126000000000000", "元", "money", "more_than"),
    Example("全年接待游客逾500万人次。", "逾500万人次", "5000000", "人次", "count", "more_than"),
    Example("全市常住人口突破1000万人。", "突破1000万人", "10000000", "人", "count", "more_than"),
    # at_most: 以下, 以内, 不超过, 最多
    Example("初中非正常辍学率控制在0.2%以内,初中毕业生升学率达100%。", "0.2%以内", "0.2", "%", "percent",
            "at_most"),  # seed 000
    Example("班额控制在45人以下。", "45人以下", "45", "人", "count", "at_most"),
    Example("每班人数不超过45人。", "不超过45人", "45", "人", "count", "at_most"),
    Example("每人最多3项。", "最多3项", "3", "项", "count", "at_most"),
    # less_than: 近, 将近, 接近, 不到, 不足 (and 未满)
    Example("全面啟動實施教師資格認定,全市近1.2萬名在職教師通過認定取得了教師資格;", "近1.2萬名", "12000", "名",
            "count", "less_than"),  # seed 002
    Example("全市将近3000名教师参加培训。", "将近3000名", "3000", "名", "count", "less_than"),
    Example("参加人数接近5000人。", "接近5000人", "5000", "人", "count", "less_than"),
    Example("全年发生事故不到10起。", "不到10起", "10", "起", "count", "less_than"),
    Example("贫困人口不足500人。", "不足500人", "500", "人", "count", "less_than"),
    # a qualifier a few characters before the number, as 至少有两名 above
    pytest.param(Example("全县约有3000人参加培训。", "3000人", "3000", "人", "count", "approx"), id="约有3000人"),
    pytest.param(Example("每人每年最多可申请3次。", "3次", "3", "次", "count", "at_most"), id="最多可申请3次"),
    Example("每年至多3次。", "至多3次", "3", "次", "count", "at_most"),
    Example("每组最少5人。", "最少5人", "5", "人", "count", "at_least"),
    Example("投入资金约合300万元。", "约合300万元", "3000000", "元", "money", "approx"),
    # a magnitude word alone with 余 or 多 is one of it: 千余人, 百余名, 万余元 (but not 几百余, 数千多)
    Example("参与人数千余人。", "千余人", "1000", "人", "count", "more_than"),
    Example("百余名教师参加。", "百余名", "100", "名", "count", "more_than"),
    Example("共筹集资金万余元。", "万余元", "10000", "元", "money", "more_than"),
)


@pytest.mark.parametrize("ex", QUALIFIERS)
def test_qualifiers(ex: Example) -> None:
    check_example(ex)


@pytest.mark.parametrize("sentence", ["数百余人参加。", "几千多人参加。", "成千余人参加。"])
def test_an_indefinite_magnitude_is_no_metric(sentence: str) -> None:
    assert metrics_of(sentence) == ()


def test_every_qualifier_of_the_guidelines_is_in_the_table() -> None:
    words = {
        Qualifier.APPROX: "约 左右 大约 上下",
        Qualifier.AT_LEAST: "以上 不低于 不少于 至少",
        Qualifier.MORE_THAN: "余 多 超过 逾 突破",
        Qualifier.AT_MOST: "以下 以内 不超过 最多",
        Qualifier.LESS_THAN: "近 将近 接近 不到 不足",
    }
    sentences = {p.values[0].qualifier: [] for p in QUALIFIERS}  # type: ignore[attr-defined]
    for p in QUALIFIERS:
        ex = p.values[0]  # type: ignore[attr-defined]
        sentences[ex.qualifier].append(fold(ex.sentence))
    for qualifier, listed in words.items():
        for word in listed.split():
            assert any(word in s for s in sentences[qualifier]), (qualifier, word)


# --- change and period --------------------------------------------------------------------------


class Change(NamedTuple):
    sentence: str
    text: str
    direction: Direction | None
    basis: str | None


CHANGES = [
    # constructed: the seeds hold no 增长x% / 同比
    Change("经济运行稳中向好。全年地区生产总值增长7.4%,规模以上工业增加值下降3%。", "7.4%", Direction.UP, None),
    Change("经济运行稳中向好。全年地区生产总值增长7.4%,规模以上工业增加值下降3%。", "3%", Direction.DOWN, None),
    Change("全年一般公共预算收入比上年增加5232亿元,同比增长16.53%。", "5232亿元", Direction.UP, "比上年"),
    Change("全年一般公共预算收入比上年增加5232亿元,同比增长16.53%。", "16.53%", Direction.UP, "同比"),
    Change("全年粮食总产量1.39万亿斤,同比下降0.5%。", "0.5%", Direction.DOWN, "同比"),
    # seed 002
    Change("參加城鄉居民醫療保險及補充保險的學生數比去年提高了7個百分點。", "7個百分點", Direction.UP, "比去年"),
    # a stated amount is not a change
    Change("去年,我镇教育方面的投入总计55.57万元,今年,##中学中考再创佳绩。", "55.57万元", None, None),
    pytest.param(
        Change("全年下拨教育经费总额多达11231.89万元,为我镇中小学、幼儿园正常运作提供保障。", "11231.89万元", None,
               None),
        id="多达",
    ),
]


@pytest.mark.parametrize("ex", CHANGES)
def test_change(ex: Change) -> None:
    m = the_metric(ex.sentence, ex.text)
    assert (m.direction, m.basis) == (ex.direction, ex.basis)


class Period(NamedTuple):
    sentence: str
    text: str
    period: str | None


PERIODS = [
    Period("去年,我镇教育方面的投入总计55.57万元,今年,##中学中考再创佳绩。", "55.57万元", "去年"),  # seed 000
    Period("今年选派8__优秀教师到偏远薄弱学校支教。", "8__", "今年"),  # seed 004
    Period("20xx年,我市高考又創佳績:省常中張璇同學以685分成績位列全省第一名;", "685分", "20xx年"),  # seed 002
    Period("2024年全县新建校舍22万平方米。", "22万平方米", "2024年"),
    Period("2023年度全县共有小学4所。", "4所", "2023年度"),
    Period("全县共有小学4所。", "4所", None),
    # a year in an earlier sentence is not this metric's period
    Period("2024年全县新建校舍22万平方米。全县共有小学4所。", "4所", None),
]


@pytest.mark.parametrize("ex", PERIODS, ids=lambda ex: ex.sentence[:12])
def test_period(ex: Period) -> None:
    # the words that date the figure; ``period`` is the year they resolve to (gongwen.periods)
    assert the_metric(ex.sentence, ex.text).period_text == ex.period


# --- not metrics --------------------------------------------------------------------------------


class Negative(NamedTuple):
    """``phrase`` occurs in ``sentence`` and no metric may overlap it."""

    sentence: str
    phrase: str


CONTROL = "全镇共有小学4所。\n"  # a line with a metric before each sentence: extraction is on, the sentence is no title

NEGATIVES = [
    # dates, years, times
    Negative("从2024年起,派出所早、中、晚派警车到校。", "2024年"),  # seed 000
    Negative("20xx年,我市高考又創佳績。", "20xx年"),  # seed 002
    Negative("每年9月10日的教师节,政府财政拿出了现金,用于优秀教师的奖励和表彰。", "9月10日"),  # seed 000
    Negative("2024年5.12的大地震给我乡各所学校的校舍造成了重创。", "5.12"),  # seed 000
    Negative("- 上传日期:2023-01-12 07:32:14 |\n", "2023-01-12 07:32:14"),  # seed 001 (noise too)
    Negative("上传日期为2023-01-12 07:32:14。", "2023-01-12 07:32:14"),
    Negative("一年来,共接待受理各方面信访事项10项。", "一年来"),  # seed 001
    Negative("近几年来,学校的周边环境明显好转。", "近几年来"),  # seed 000
    Negative("每学期政府都要组织专人对小学、幼儿园进行安全检查。", "每学期"),  # seed 000
    # ordinals and ranks
    Negative("金牌总数排名第三,输送奖第二名,特殊贡献奖第二名,团体总分1498.5分。", "第二名"),  # seed 001
    Negative("省常中張璇同學以685分成績位列全省第一名;", "第一名"),  # seed 002
    Negative("我镇6人参加 ,2人获一等奖,3人获二等奖。", "一等奖"),  # seed 000
    Negative("在全省總分名列前20名的考生中,我市占了1/5;", "前20名"),  # seed 002
    Negative("20xx年全县中考平均分、及格率居全市第一。", "全市第一"),  # seed 001
    # names and codes
    Negative("較為突出的有三小、一小、四小學校。", "三小"),  # seed 002
    Negative("××一中、二中、塔城中學、保和鎮完小榮獲冬季長跑先進集體。", "二中"),  # seed 002
    Negative("按照市政府“十一五”规划,我镇学校布局有大幅度调整。", "十一五"),  # seed 000
    Negative("舉辦“喜迎十六大”少年兒童講故事比賽。", "十六大"),  # seed 002
    Negative("著力抓好拾333工程”培養對象學習、交流、提高工作;", "333工程"),  # seed 002
    Negative("建成8個市級(其中3個省級)“5112”教育富民工程示范基地;", "5112"),  # seed 002
    Negative("開展“青少年文明網上行”活動、“6·26”禁毒征文比賽;", "6·26"),  # seed 002
    Negative("妇联在每年庆“三·八”国际妇女节时,都要将学校的女教职工列入庆祝活动范围。", "三·八"),  # seed 000
    Negative("针对个别初中学校初三年级以办兴趣小组名誉补课,区教育局专门召开校长会议。", "初三年级"),  # seed 000
    Negative("全县三至六年级学生参加了体质健康测试。", "三至六年级"),
    Negative("一、二年级学生参加了体质健康测试。", "一、二年级"),
    Negative("工程于三、四月份完成。", "三、四月"),
    # slogans and set phrases
    Negative("從實踐“三个代表”要求出發,采取各種有效措施。", "三个代表"),  # seed 002
    Negative("区委、区政府出台了“两免一补”政策。", "两免一补"),  # seed 000
    Negative("对教育工作的管理单位及相关部门总分达不到标准的实行一票否决。", "一票否决"),  # seed 000
    Negative("开展了发放一封公开信、召开一次座谈会、进行一次家访“五个一”活动。", "五个一"),  # seed 003
    Negative("如进修学校建立了教研员“十个一”工作机制。", "十个一"),  # seed 000
    Negative("大力实施科教兴国和人才强国两大战略。", "两大战略"),
    Negative("着力提升教师的一个能力。", "一个能力"),
    Negative("著力做好三篇文章:“家門口的學校很精彩”。", "三篇"),  # seed 002, an idiom
    Negative("积极做好“促均衡、强内涵、提质量、保平安”四篇文章。", "四篇"),  # seed 002
    Negative("十个指头不一样长,各有所长。", "十个"),  # seed 002, an idiom
    Negative("统筹推进五位一体总体布局,协调推进四个全面战略布局。", "五位"),  # slogans without quotes
    Negative("坚持两个毫不动摇,实现两个一百年奋斗目标。", "两个"),
    Negative("认真执行市政府六项纪律,始终做到清正廉洁。", "六项"),  # seed 000
    Negative("建设15分钟健康服务圈和30分钟通勤圈。", "15分钟"),  # the name of a service radius
    Negative("落实三个区分开来要求。", "三个"),
    # a count in Chinese numerals that announces the list after it names the items, not a quantity
    Negative("具体采取五项措施:(1)区教育局联合下达收费标准。", "五项"),  # seed 000
    Negative("拟分四个步骤开展工作:一是召开学校动员大会。", "四个"),  # seed 000
    Negative("着重抓三个巩固提高工作。\n一是进一步巩固治理成果。", "三个"),  # seed 000
    Negative("落实两个《意见》,抓好信访办事公开。", "两个"),  # seed 001
    # 一 + classifier meaning "a"
    Negative("有质有量地完成挂点一个教研组和一名教师、承担一项课题。", "一名"),  # seed 000
    Negative("摘抄一万字读书笔记、一个学期听课30节等工作。", "一个学期"),  # seed 000
    Negative("我局始终坚持把师德师风建设作为教育系统创行业新风的一项重要内容来抓。", "一项"),  # seed 000
    Negative("局领导带队开展一次调研。", "一次"),
    # numbers without a unit
    Negative("专科21人,每人800元,共计16800;", "16800"),  # seed 000
    # an age that is part of an indicator's name
    Negative("15周岁完成率99%。", "15周岁"),
    Negative("6—12周岁的入学率100%;", "6—12周岁"),  # seed 000
    # words
    Negative("我镇十分重视中小学教育信息化建设。", "十分"),  # seed 000
    Negative("全镇普及九年义务教育。", "九年"),
    Negative("主要表现在四个方面。", "四个"),
    Negative("我区摔跤选手在男子古典式摔跤84公斤级决赛中,获得亚军。", "84公斤"),  # seed 001
    # noise (GUIDELINES §2)
    Negative("59位用户关注\n", "59位"),  # seed 000
    Negative("- 8页\n", "8页"),  # seed 001
    # heading markers
    Negative("一、教育基本情况\n", "一、"),  # seed 001
    Negative("(二)教师队伍建设\n", "(二)"),
    Negative("3、加强学校思想政治工作\n", "3、"),  # seed 004
]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("组织三个检查组,对全区有寄宿生的学校进行夜查。", "三个"),  # seed 001: a comma, not a colon
        ("下设四个组,分别负责师德师风、校风建设。", "四个"),  # seed 000
        ("采取5项措施:一是加强领导。", "5项"),  # Arabic digits: counted, not a list's name
        ("发表论文三篇,其中核心期刊一篇。", "三篇"),
    ],
)
def test_counts_that_do_not_announce_a_list(sentence: str, text: str) -> None:
    assert text in [m.text for m in metrics_of(sentence)]


@pytest.mark.parametrize("ex", NEGATIVES, ids=lambda ex: ex.phrase)
def test_not_a_metric(ex: Negative) -> None:
    text = CONTROL + ex.sentence
    metrics = metrics_of(text)
    start = text.index(ex.phrase, len(CONTROL))
    end = start + len(ex.phrase)
    assert [m.text for m in metrics if m.span.start < end and start < m.span.end] == []
    assert metrics[0].text == "4所"


def test_metrics_in_a_heading_title_are_kept_but_not_its_marker() -> None:
    text = "一、基本情况\n1、5名教师获得市级表彰。\n2、3所学校通过验收。\n"
    report = gongwen.parse(text)
    assert [h.marker for h in report.headings] == ["一、", "1、", "2、"]
    assert [(m.text, m.value) for m in report.metrics] == [("5名", 5), ("3所", 3)]


def test_noise_and_marker_spans_hold_no_metric() -> None:
    text = "一、基本情况\n全镇共有小学4所。\n59位用户关注\n- 8页\n(二)教师\n全镇有教师3人。\n"
    report = gongwen.parse(text)
    assert [m.text for m in report.metrics] == ["4所", "3人"]
    assert report.noise
    blocked = [n.span for n in report.noise] + [
        gongwen.Span(h.span.start, h.span.start + len(h.marker)) for h in report.headings
    ]
    assert not any(m.span.overlaps(b) for m in report.metrics for b in blocked)


# --- subjects -----------------------------------------------------------------------------------


class Subject(NamedTuple):
    sentence: str
    text: str
    subject: str


SUBJECTS = [
    # seed 000
    Subject("##镇幅员面积为144.5平方公里,辖20个村委会42个村民小组,总人口55983人。", "55983人", "总人口"),
    Subject("##镇幅员面积为144.5平方公里,辖20个村委会42个村民小组,总人口55983人。", "20个", "村委会"),
    Subject("##镇幅员面积为144.5平方公里,辖20个村委会42个村民小组,总人口55983人。", "144.5平方公里", "幅员面积"),
    Subject("去年,我镇教育方面的投入总计55.57万元,今年,##中学中考再创佳绩。", "55.57万元", "投入"),
    Subject("同时,建立了图书室,藏书达1.08万册,为我镇信息化教育的快速发展奠定了基础。", "1.08万册", "藏书"),
    Subject("全年下拨教育经费总额多达11231.89万元,为我镇中小学正常运作提供保障。", "11231.89万元", "教育经费总额"),
    Subject("我镇组织中小学全体教师进行了为期18天的校本培训。", "18天", "校本培训"),
    Subject("每年9月10日的教师节,政府财政拿出了不低于2000元的现金。", "不低于2000元", "现金"),
    Subject("全镇普及三年学前教育,取消了学前班,实现六周岁入小学。", "六周岁", "入小学"),
    # seed 001
    Subject("高考取得参考人数4149人、上线率84.31%、上线人数3498人。", "84.31%", "上线率"),
    Subject("高考取得参考人数4149人、上线率84.31%、上线人数3498人。", "3498人", "上线人数"),
    Subject("我镇6人参加 ,2人获一等奖,3人获二等奖,1人获三等奖。", "2人", "获一等奖"),
    # seed 002 (traditional): the subject is a slice of the original text
    Subject("全市近萬名中小學教師通過了第二輪現代教育技術培訓考核。", "近萬名", "中小學教師"),
    Subject("全區等級幼兒園覆蓋率超過85%。", "超過85%", "等級幼兒園覆蓋率"),
    # a classifier followed by its noun counts that noun (seeds 000, 001, 002)
    Subject("2024年度,对##镇籍升入大学、高中的71名学生进行奖励。", "71名", "学生"),
    Subject("投入近500万元新建业小、铁小两幢教学楼。", "两幢", "教学楼"),
    Subject("以区实验小学带动古城、项里、河滨3所中心校。", "3所", "中心校"),
    Subject("城区由16所中职学校调整为10所。", "16所", "中职学校"),
    Subject("几年来共培训成教技术人员68期共5792人、扫盲 8人。", "8人", "扫盲"),  # a space before the number
    Subject("东莞高伟光学电子有限公司给横坑小学赠送一批价值近4万元的体育器材。", "近4万元", "体育器材"),
    Subject("總錄取率(96.2%)、本科錄取率(28.5%)等均居全省第一。", "28.5%", "本科錄取率"),
    Subject("圓滿完成省廳下達的招生任務,招生達25006人。", "25006人", "招生"),
    # constructed
    Subject("我市城镇居民人均可支配收入32189元,增长8.5%。", "32189元", "城镇居民人均可支配收入"),
    Subject("全县共有教师3000人,其中男教师1200人,女教师1800人。", "1200人", "男教师"),
]


@pytest.mark.parametrize("ex", SUBJECTS, ids=lambda ex: ex.text)
def test_subject(ex: Subject) -> None:
    m = the_metric(ex.sentence, ex.text)
    assert m.subject == ex.subject
    assert m.subject_span is not None and ex.sentence[m.subject_span.start : m.subject_span.end] == ex.subject


# --- properties ---------------------------------------------------------------------------------

integers = st.integers(min_value=2, max_value=10**12)
decimals = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2).filter(lambda d: d != 1)


@settings(max_examples=100, deadline=None)
@given(n=integers)
def test_any_count_reads_exactly(n: int) -> None:
    sentence = f"全县共有教师{n}人。"
    m = the_metric(sentence, f"{n}人")
    assert (m.value, m.unit, m.kind, m.subject) == (Decimal(n), "人", MetricKind.COUNT, "教师")


@settings(max_examples=100, deadline=None)
@given(amount=decimals)
def test_any_amount_in_wan_yuan_reads_exactly(amount: Decimal) -> None:
    surface = format(amount, "f")
    m = the_metric(f"全年教育投入{surface}万元。", f"{surface}万元")
    assert m.value == amount * 10000
    assert (m.unit, m.kind, m.magnitude) == ("元", MetricKind.MONEY, "万")


@settings(max_examples=100, deadline=None)
@given(rate=decimals.filter(lambda d: d <= 100))
def test_any_percentage_reads_exactly(rate: Decimal) -> None:
    surface = format(rate, "f")
    m = the_metric(f"全县入学率达{surface}%。", f"{surface}%")
    assert (m.value, m.unit, m.kind) == (rate, "%", MetricKind.PERCENT)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=2, max_value=10**8))
def test_any_chinese_count_reads_exactly(n: int) -> None:
    surface = gongwen.to_chinese(n)
    assume("万一" not in surface)  # a known bug, see the 一万一千人 row of COUNT
    m = the_metric(f"全县共有学校{surface}所。", f"{surface}所")
    assert (m.value, m.unit) == (Decimal(n), "所")


@settings(max_examples=60, deadline=None)
@given(low=st.integers(min_value=1, max_value=9), width=st.integers(min_value=1, max_value=90))
def test_any_range_shares_its_magnitude(low: int, width: int) -> None:
    high = low + width
    m = the_metric(f"单个项目总投资{low}到{high}万元。", f"{low}到{high}万元")
    assert (m.value, m.low, m.high) == (None, Decimal(low * 10000), Decimal(high * 10000))


# --- statistical bulletins and government work reports ------------------------------------------------

BULLETINS = table(
    Example("全年发电量123.4亿千瓦时,增长3.2%。", "123.4亿千瓦时", "12340000000", "千瓦时", "energy"),
    Example("单位GDP能耗下降2.3百分点。", "2.3百分点", "2.3", "个百分点", "percent"),
    Example("集装箱吞吐量120万标箱。", "120万标箱", "1200000", "标箱", "other"),
    Example("能源消费总量1.2万吨标准煤。", "1.2万吨标准煤", "12000", "吨标准煤", "mass"),
    Example("全程3千米。", "3千米", "3", "公里", "length"),
    Example("举行两千米长跑。", "两千米", "2000", "米", "length"),
    Example("全年粮食种植面积123.4千公顷。", "123.4千公顷", "123400", "公顷", "area"),
    Example(
        "全年完成固定资产投资3到4万亿元。", "3到4万亿元", None, "元", "money", low="3000000000000", high="4000000000000"
    ),
    Example("国内生产总值超过126万亿元。", "超过126万亿元", "126000000000000", "元", "money", "more_than"),
    Example("城镇新增就业1100万人以上。", "1100万人以上", "11000000", "人", "count", "at_least"),
    Example("文盲率降至0。05%。", "0。05%", "0.05", "%", "percent"),
    # negative figures: a minus sign before a percentage, an amount or a temperature
    Example("全年规模以上工业增加值增长-3.2%。", "-3.2%", "-3.2", "%", "percent"),
    Example("利润总额同比-12.5%。", "-12.5%", "-12.5", "%", "percent"),
    Example("出口增速为－2.1%。", "－2.1%", "-2.1", "%", "percent"),
    Example("增速为−0.5%。", "−0.5%", "-0.5", "%", "percent"),
    Example("全年平均气温-2.5℃。", "-2.5℃", "-2.5", "℃", "other"),
    Example("最高气温38.6摄氏度。", "38.6摄氏度", "38.6", "℃", "other"),
    Example("旅客运输周转量234.5亿人公里。", "234.5亿人公里", "23450000000", "人公里", "other"),
    Example("货物运输周转量567.8亿吨公里。", "567.8亿吨公里", "56780000000", "吨公里", "other"),
    Example("PM2.5平均浓度为35微克/立方米。", "35微克/立方米", "35", "微克/立方米", "other"),
)


@pytest.mark.parametrize("ex", BULLETINS)
def test_bulletins(ex: Example) -> None:
    check_example(ex)


@pytest.mark.parametrize(
    "sentence",
    [
        "三次产业结构为1.5:37.6:60.9。",  # a three-part structure, not a ratio
        "下午14:30召开会议。",  # a time
        "订单号123456789012345678901234元。",  # an identifier, not an amount
        "每周三组织学习。",  # a weekday
    ],
)
def test_bulletin_non_metrics(sentence: str) -> None:
    assert [m.text for m in metrics_of(sentence)] == []


BULLETIN_SUBJECTS = [
    # verbs of attainment and adverbs stand between an indicator and its number
    Subject("全年一般公共预算收入实现98.7亿元,同比增长8.9%。", "98.7亿元", "一般公共预算收入"),
    Subject("全年进出口总额完成3.85亿美元,下降11.6%。", "3.85亿美元", "进出口总额"),
    Subject("全国财政收入首次突破20万亿元。", "突破20万亿元", "全国财政收入"),
    Subject("实施重点项目386个,实现旅游收入520亿元。", "520亿元", "旅游收入"),
    Subject("城镇调查失业率平均为5.2%。", "5.2%", "城镇调查失业率"),
    Subject("外汇储备稳定在3.2万亿美元以上。", "3.2万亿美元以上", "外汇储备"),
    Subject("赤字率拟按3%安排。", "3%", "赤字率"),
    Subject("中央预算内投资拟安排7000亿元。", "7000亿元", "中央预算内投资"),
    Subject("高新技术企业净增320家,总数达1450家。", "320家", "高新技术企业"),
    Subject("高新技术企业净增320家,总数达1450家。", "1450家", "高新技术企业"),
    # a change alone in its clause measures the indicator before it
    Subject("粮食总产量176.5万吨,增产2.3%。", "2.3%", "粮食总产量"),
    # 分别: each number of the list measures the metric it pairs with
    Subject("全年接待游客4500万人次,实现旅游收入520亿元,分别增长15%和18%。", "15%", "接待游客"),
    Subject("全年接待游客4500万人次,实现旅游收入520亿元,分别增长15%和18%。", "18%", "旅游收入"),
    Subject("城乡居民人均可支配收入分别达到4.8万元和2.1万元,分别增长5.9%和7.6%。", "7.6%", "城乡居民人均可支配收入"),
    Subject("税收收入65.4亿元;城乡居民人均可支配收入分别达到4.8万元和2.1万元。", "2.1万元", "城乡居民人均可支配收入"),
    # the period that opens a phrase is not part of the name (部门决算说明)
    Subject("2022年度收入、支出总计1234.56万元。", "1234.56万元", "收入、支出"),
    Subject("本年收入合计1100.12万元,其中其他收入50.12万元。", "1100.12万元", "收入"),
    Subject("农民年收入达到5万元。", "5万元", "农民年收入"),
    Subject("全县现有各级各类学校156所。", "156所", "各级各类学校"),
    Subject("全年发放学生资助资金3560万元,惠及学生2.3万人次。", "2.3万人次", "学生"),
    Subject("教育經費投入總計約5.6億,占定海財政總支出的20%左右。", "20%左右", "占定海財政總支出"),  # seed 002
    Subject("教育經費投入繼續增長,總計約5.6億,占定海財政總支出的20%左右。", "約5.6億", "教育經費投入"),  # seed 002
    Subject("全年财政收入持续增长,合计12亿元。", "12亿元", "财政收入"),
    Subject("共计接待国内来访团组15批次、120人次。", "15批次", "团组"),
    # an age that names the group is part of the indicator's name (seed 000: 13—15周岁完成率)
    Subject("全镇适龄儿童入学率100%,13—15周岁入学率98.9%。", "98.9%", "13—15周岁入学率"),
    Subject("3—6周岁幼儿入园率达到90%。", "90%", "3—6周岁幼儿入园率"),
    # a verb joins a measure noun: the name is the whole phrase
    Subject("城乡居民基本养老保险参保人数达5.4亿人。", "5.4亿人", "城乡居民基本养老保险参保人数"),
    Subject("全年粮食种植面积285.3千公顷。", "285.3千公顷", "粮食种植面积"),
    # 收入 and 支出 are nouns here, though jieba tags them as verbs
    Subject("全年门票收入同比增长12%。", "12%", "门票收入"),
    # a starting point in time (由2015年的) and a comparison basis (比上年年初预算) are not the subject
    Subject("脱贫人口人均纯收入由2015年的3416元增加到2023年的16396元。", "3416元", "脱贫人口人均纯收入"),
    Subject("脱贫人口人均纯收入由2015年的3416元增加到2023年的16396元。", "16396元", "脱贫人口人均纯收入"),
    Subject("赤字规模4.06万亿元,比上年年初预算增加1800亿元。", "1800亿元", "赤字规模"),
    Subject("研究与试验发展经费支出33278亿元,与国内生产总值之比为2.64%。", "2.64%", "研究与试验发展经费支出"),
    # a sentence that PDF extraction broke between the indicator and its number, or inside the indicator
    Subject(
        "全年一般公共预算收入98.7亿元,同比增长8.9%,其中税收收入65.4亿元。一般公共预算支出\n312.5亿元,增长4.3%。",
        "312.5亿元",
        "一般公共预算支出",
    ),
]


@pytest.mark.parametrize("ex", BULLETIN_SUBJECTS, ids=lambda ex: ex.text)
def test_bulletin_subject(ex: Subject) -> None:
    test_subject(ex)


def test_subject_across_a_pdf_line_break_inside_the_indicator() -> None:
    text = "全年全市完成固定资产投资8316万元,同比增长12.3%,其中民间投资3000万元,一般公共预\n算支出312.5亿元。"
    m = the_metric(text, "312.5亿元")
    assert m.subject == "一般公共预算支出"  # the subject's text is read across the break
    assert m.subject_span is not None and text[m.subject_span.start : m.subject_span.end] == "一般公共预\n算支出"


def test_a_clause_across_page_furniture_that_ends_in_a_link_word() -> None:
    """Found by fuzzing: the clause ran across a page number and ended in 到 with no verb before it."""
    text = "九分比上年增长%实别一,年2℃到\n—3—\n的6人"
    assert [(m.text, m.subject) for m in metrics_of(text)] == [("2℃", None), ("6人", None)]


def test_subject_across_page_furniture() -> None:
    text = "一、经济\n全年全市地区生产总值完成2856亿元,比上年增长6.1%,规模以上\n— 3 —\n工业增加值增长8.2%。"
    m = the_metric(text, "8.2%")
    assert m.subject == "规模以上工业增加值"
    assert m.subject_span is not None
    assert text[m.subject_span.start : m.subject_span.end] == "规模以上\n— 3 —\n工业增加值"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("二、财政收入\n312.5亿元用于民生。", "312.5亿元"),  # the line before is a heading
        ("全年一般公共预算收入实现98.7亿元。\n312.5亿元用于民生。", "312.5亿元"),  # it ends a sentence
        ("一般公共预算支出\n312.5亿元。", "312.5亿元"),  # a short line: a title, not a wrapped sentence
    ],
)
def test_no_subject_across_a_real_line_break(text: str, number: str) -> None:
    m = the_metric(text, number)
    assert m.subject_span is None or m.subject_span.start > text.index("\n")


def test_an_age_that_names_a_counted_group_is_not_a_metric() -> None:
    text = "全市户籍人口123.45万人,其中0-17岁人口23万人,60岁及以上人口28.9万人。"
    assert [(m.text, m.subject) for m in metrics_of(text)] == [
        ("123.45万人", "户籍人口"),
        ("23万人", "0-17岁人口"),
        ("28.9万人", "60岁及以上人口"),
    ]
    assert [(m.text, m.subject) for m in metrics_of("全县60岁以上老年人口12万人。")] == [("12万人", "60岁以上老年人口")]
    # so is a size bound that names the group: 56人以上大班额 (an education report's statistic)
    text = "城区学校大班额问题仍然突出,56人以上大班额还有38个。"
    assert [(m.text, m.subject) for m in metrics_of(text)] == [("38个", "56人以上大班额")]
    assert [m.text for m in metrics_of("形成了3所规模达到5000人以上的中职学校。")] == ["3所", "5000人以上"]
    # but an age that is a condition stays a metric (seed 001)
    m = the_metric("明确未满12周岁学生不得骑车上学。", "未满12周岁")
    assert (m.kind, m.qualifier, m.subject) == (MetricKind.AGE, Qualifier.LESS_THAN, "学生")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("2023-2024年投入5-8万元。", "5-8万元", None),  # a hyphen between numbers is a range
        ("A-3型号5台。", "5台", "5"),  # a hyphen in a code
        ("-5个项目已完成。", None, None),  # a list item, not a negative count
    ],
)
def test_a_hyphen_is_not_a_minus(sentence: str, text: str | None, value: str | None) -> None:
    found = metrics_of(sentence)
    assert [m.text for m in found] == ([] if text is None else [text])
    assert all(m.value is None or m.value >= 0 for m in found)
    if value is not None:
        assert found[0].value == Decimal(value)


@pytest.mark.parametrize(
    ("sentence", "text", "direction", "subject"),
    [
        ("增速比上年加快2.2个百分点。", "2.2个百分点", Direction.UP, "增速"),
        ("降幅收窄0.3个百分点。", "0.3个百分点", Direction.DOWN, "降幅"),
        ("增速放缓1.1个百分点。", "1.1个百分点", Direction.DOWN, "增速"),
        ("居民消费价格回升0.2%。", "0.2%", Direction.UP, "居民消费价格"),
    ],
)
def test_change_words_of_bulletins(sentence: str, text: str, direction: Direction, subject: str) -> None:
    m = the_metric(sentence, text)
    assert (m.direction, m.subject) == (direction, subject)


PDF_WRAPPED = """一、经济运行
全年全市地区生产总值完成2856亿元,比上年增长
6.1%;规模以上工业增加值增长8.2%,固定资产投资增
长10.5%;城乡居民人均可支配收入分别达到4.8万元和2.1万元,分别增长5.9%和
7.6%。
二、社会事业
全市共有各级各类学校1256所,比上年增加
12所。
"""


def test_pdf_line_breaks_inside_sentences() -> None:
    """Lines cut by PDF extraction: the sentence, the change word and the list run on across them."""
    got = {m.text.replace("\n", ""): (m.direction, m.basis, m.subject) for m in metrics_of(PDF_WRAPPED)}
    assert got["6.1%"] == (Direction.UP, "比上年", "地区生产总值")  # the subject is on the line before
    assert got["10.5%"] == (Direction.UP, None, "固定资产投资")  # 增\n长
    assert got["7.6%"] == (Direction.UP, None, "城乡居民人均可支配收入")  # 5.9%和\n7.6%
    assert got["12所"] == (Direction.UP, "比上年", "各级各类学校")


def test_a_listed_number_shares_the_change_before_it() -> None:
    assert [(m.text, m.direction) for m in metrics_of("分别增长5.9%、7.6%和8.1%。")] == [
        ("5.9%", Direction.UP),
        ("7.6%", Direction.UP),
        ("8.1%", Direction.UP),
    ]
    assert [(m.text, m.direction) for m in metrics_of("利润增长5%,成本12万元。")] == [
        ("5%", Direction.UP),
        ("12万元", None),
    ]


def test_subject_looks_past_a_parenthesis() -> None:
    m = the_metric("全年全市地区生产总值(GDP)8316.2亿元,比上年增长6.1%。", "8316.2亿元")
    assert m.subject == "地区生产总值"
    change = the_metric("全年全市地区生产总值(GDP)8316.2亿元,比上年增长6.1%。", "6.1%")
    assert (change.direction, change.basis, change.subject) == (Direction.UP, "比上年", "地区生产总值")


def test_a_user_adds_an_exclusion_rule() -> None:
    """MetricExtractor(exclusions=...) takes the default rules plus one's own."""
    from gongwen.metrics import EXCLUSIONS, MetricExtractor, Reading

    def no_counts_of_rooms(folded: str, reading: Reading, context: gongwen.Context) -> bool:
        return reading.unit is not None and reading.unit.surface == "间"

    text = "新建教室3间,购置电脑65台。"
    default = [m.text for m in gongwen.parse(text).metrics]
    strict = MetricExtractor(exclusions=(*EXCLUSIONS, no_counts_of_rooms))
    assert default == ["3间", "65台"]
    assert [m.text for m in gongwen.parse(text, extractors=[strict]).metrics] == ["65台"]
