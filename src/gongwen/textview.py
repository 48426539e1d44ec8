"""A same-length normalised view of a text, so that every rule can match one spelling while offsets stay valid.

:func:`fold` maps full-width ASCII to half-width (５５．５７ → 55.57, （一） → (一), ： → :), the ideographic
space to a space, traditional characters to simplified ones (萬 → 万, 個 → 个, 問題 → 问题), every line
end to ``\\n`` and every invisible character to a space, one code point to one code point. Because the
view has exactly the length of the original, an offset found in the view is an offset into the original
text: rules match the view and read surfaces from the original.
"""

from __future__ import annotations

from functools import cache, lru_cache

__all__ = ["fold", "strip_bounds", "to_simplified", "visible"]

# Traditional characters that occur in government reports, and their simplified forms, aligned one to one.
_TRADITIONAL = (
    '學進實師區為動業開課職體設級發質強會組園辦務對點導題訓評員個創規項現機國結標兒長過優報傳時與專關認習達積劃計織極獎資總調'
    '縣驗術統綜經層獲們來領隊數內參賽確檢備聞續責養團堅將斷論問繼舉準試類鄉屆選績議網從見萬訂書單寫編臺較際載錦圍識線構門價爭'
    '義種費藝廣視應還轉據礎穩黨風間聯節鎮嚴電別兩蘇測觀審讀陽協愛監號崗頭記稱畢緊語討踐顯圖證運這針勵難擴執壇況鏈帶樣繞沒啟廳'
    '條煉勢慶訊負揮鮮決樓處階錄豐掃絡環戰輪熱適訪檔東預講滿貫輔態終幫細納興濟復場冊匯維險貸樹眾綱裝農薦順龍競屬顧當讓隨補話減'
    '變殘樂產榮護簽雙鍛財該鑒給覽鞏擬遠請齊灣宮籌揚異擇邊購亂練則圓掛葉無違諧遷紅蓋夠歡僅盤謂嘗約詳說響銳歷鍵張獨輕橋衛營錯慣'
    '億橫島氣狀腦紛縱綠濱鷹車覺攝藍華慮譽幾幟溝戲聽簡饋庫離壯擔詢額濃紀貢獻陣縮談醫溫頂輻蘭贏勞療軌壓誰雜權勝親夢鋒馬訴擺聲輸'
    '懷攏瀏災辭趨漸猶閱禮黃頻靚雖筆籠須彈戶韻錫緩贈聾啞貧稅轄婦儉鐘膽懲憂潛墻藥儀畝館棟鄭飲廠輩煙廚閣邏輯跡暫賬誤遲偉嬌廟遞謠'
    '劍歸撫隱撐剛搗壞盡瀆兌瀝繕寬歲買齡脫滲雛銜誼籃灘賀畫紙寧碩塊潔諾糾駕駛輛賣銅許暢騰臨貳陸後麼隻雲係債貨貿漲於餘幣噸裏釐錢'
    '範衝製鐵銀帳憑週頁註'
    '糧漁倉燈鄰濕擁擊壩盜歐鈔緯鋼鋁銷鍋鏡鑽礦磚窯紡絲綿繩纖縫聖膚臟艦蘋蝦蟲蠶襪覓診詞詩誠誕諸謀謙譯讚豬貓貝貞販貪貶貯貴貼賄賈賊賓賜賞'
    '賠賢賤賦賴賺贊趕趙躍軍軒軟軸輝轎遼邁郵醜釀釋釣鈍鈴鉛銘鋪鎖鑄閃閉閑閘閩闊闖闡陰陳隸雞霧靈靜韓頑頒頓顏願颱飛飯飼飽飾饑馳駐騎驅驚髮'
    '鬥鬧魚鳥鳴鴨鵝鹽麥齒龜連絕燒幹徑徵徹惡慘憲憶懸戀拋揀換損搖搶撥擠擾攔攤敗敘斂斬暈曆柵棄槍樞櫃殺毀漢烏爐爺犧獄獸瑣盧睜矯碼礙禍禪禦'
    '穀窮竊築紮絆絞絹綁綴緒締繪繳纏罰罷羅聰聶肅脅脈腳膠臉艱莊蔔蔣蕭複褲襲觸託訟証誇誌諒諮謊謝謹譜蹤辯鑑閒闆頸飄餅鬆魯鳳鴻鵬鶴麗傑傷儲'
    '厲墾壽奪奮婁孫寶寵尋屢峽嶺巒帥廢廬彎懶挾捨攜敵斃槓樸橢檻歎殼氫淚淨淺渦滅滬滯滾潤澀濁濾瀉灑燦爛牽獵璽甕疊瘋癢皺盞禿穌窪竄籲粵糞緝'
    '縷繃罈羨聳膩艙蒼蓮薑薩藹蘆虧蛻蠟裊褻訝詐詛詠誦諷謄譴豎賂賑賒贓踴躊軀輿轍轟辮迴遙遜鄒醞鈣鉤錳鍍鎊鎳鐳鑰閏閥闢陝隴隕隣雋霽靂韋頃頗'
    '頰頹顫颯餃餓餵饒駁駝駿騙騷驕驟骯鬍鯨鴿鵲鷗鹼黴齋龐夾奧孌寢嶽彌慚憐懇懼晉晝曉枴棗楊湯澤爲牘癡睏矚碭竅紐純紗絨緻翹腎舊艷蝕躉遺'
)
_SIMPLIFIED = (
    '学进实师区为动业开课职体设级发质强会组园办务对点导题训评员个创规项现机国结标儿长过优报传时与专关认习达积划计织极奖资总调'
    '县验术统综经层获们来领队数内参赛确检备闻续责养团坚将断论问继举准试类乡届选绩议网从见万订书单写编台较际载锦围识线构门价争'
    '义种费艺广视应还转据础稳党风间联节镇严电别两苏测观审读阳协爱监号岗头记称毕紧语讨践显图证运这针励难扩执坛况链带样绕没启厅'
    '条炼势庆讯负挥鲜决楼处阶录丰扫络环战轮热适访档东预讲满贯辅态终帮细纳兴济复场册汇维险贷树众纲装农荐顺龙竞属顾当让随补话减'
    '变残乐产荣护签双锻财该鉴给览巩拟远请齐湾宫筹扬异择边购乱练则圆挂叶无违谐迁红盖够欢仅盘谓尝约详说响锐历键张独轻桥卫营错惯'
    '亿横岛气状脑纷纵绿滨鹰车觉摄蓝华虑誉几帜沟戏听简馈库离壮担询额浓纪贡献阵缩谈医温顶辐兰赢劳疗轨压谁杂权胜亲梦锋马诉摆声输'
    '怀拢浏灾辞趋渐犹阅礼黄频靓虽笔笼须弹户韵锡缓赠聋哑贫税辖妇俭钟胆惩忧潜墙药仪亩馆栋郑饮厂辈烟厨阁逻辑迹暂账误迟伟娇庙递谣'
    '剑归抚隐撑刚捣坏尽渎兑沥缮宽岁买龄脱渗雏衔谊篮滩贺画纸宁硕块洁诺纠驾驶辆卖铜许畅腾临贰陆后么只云系债货贸涨于余币吨里厘钱'
    '范冲制铁银账凭周页注'
    '粮渔仓灯邻湿拥击坝盗欧钞纬钢铝销锅镜钻矿砖窑纺丝绵绳纤缝圣肤脏舰苹虾虫蚕袜觅诊词诗诚诞诸谋谦译赞猪猫贝贞贩贪贬贮贵贴贿贾贼宾赐赏'
    '赔贤贱赋赖赚赞赶赵跃军轩软轴辉轿辽迈邮丑酿释钓钝铃铅铭铺锁铸闪闭闲闸闽阔闯阐阴陈隶鸡雾灵静韩顽颁顿颜愿台飞饭饲饱饰饥驰驻骑驱惊发'
    '斗闹鱼鸟鸣鸭鹅盐麦齿龟连绝烧干径征彻恶惨宪忆悬恋抛拣换损摇抢拨挤扰拦摊败叙敛斩晕历栅弃枪枢柜杀毁汉乌炉爷牺狱兽琐卢睁矫码碍祸禅御'
    '谷穷窃筑扎绊绞绢绑缀绪缔绘缴缠罚罢罗聪聂肃胁脉脚胶脸艰庄卜蒋萧复裤袭触托讼证夸志谅谘谎谢谨谱踪辩鉴闲板颈飘饼松鲁凤鸿鹏鹤丽杰伤储'
    '厉垦寿夺奋娄孙宝宠寻屡峡岭峦帅废庐弯懒挟舍携敌毙杠朴椭槛叹壳氢泪净浅涡灭沪滞滚润涩浊滤泻洒灿烂牵猎玺瓮叠疯痒皱盏秃稣洼窜吁粤粪缉'
    '缕绷坛羡耸腻舱苍莲姜萨蔼芦亏蜕蜡袅亵讶诈诅咏诵讽誊谴竖赂赈赊赃踊踌躯舆辙轰辫回遥逊邹酝钙钩锰镀镑镍镭钥闰阀辟陕陇陨邻隽霁雳韦顷颇'
    '颊颓颤飒饺饿喂饶驳驼骏骗骚骄骤肮胡鲸鸽鹊鸥碱霉斋庞夹奥娈寝岳弥惭怜恳惧晋昼晓拐枣杨汤泽为牍痴困瞩砀窍纽纯纱绒致翘肾旧艳蚀趸遗'
)


# Line ends and invisible characters (kept apart from the character tables above). Every line end that
# str.splitlines knows is a line break to the rules (\r alone, as old Mac exports end lines, U+2028 …; a
# \r\n stays \r\n, which the rules read as one line end); zero-width, bidirectional and control characters
# are spaces.
LINE_SEPARATORS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
ZERO_WIDTH = "".join(
    chr(c) for c in (0xAD, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF)
) + "".join(chr(c) for c in range(0x2066, 0x206A))
CONTROLS = "".join(chr(c) for c in (*range(0x09), *range(0x0E, 0x1C), 0x1F, *range(0x7F, 0x85), *range(0x86, 0xA0)))
#: Characters a reader does not see: the rules treat each as a space, titles leave them out.
INVISIBLE = frozenset(ZERO_WIDTH + CONTROLS)
#: How many invisible characters in a row the rules look past (5\u200b\u200b5 is still one number split).
INVISIBLE_REACH = 8


def _separators() -> dict[int, str]:
    table = dict.fromkeys(map(ord, LINE_SEPARATORS), "\n")
    table.update(dict.fromkeys(map(ord, ZERO_WIDTH + CONTROLS), " "))  # U+FEFF: a byte-order mark kept in a file
    return table


def _mapping() -> dict[int, str]:
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table.update(_separators())
    table.update({ord(t): s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True)})
    return table


@cache
def _table() -> list[int]:
    """The mapping as a list indexed by code point (the Basic Multilingual Plane, where every mapped
    character lies): ``str.translate`` reads a list twice as fast as a dict. A character beyond it is an
    ``IndexError`` to ``translate``, which leaves it as it is."""
    table = list(range(0x10000))
    for code, replacement in _mapping().items():
        table[code] = ord(replacement)
    return table


@cache
def _simplify_table() -> dict[int, str]:
    return {ord(t): s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True)}


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """The normalised view of ``text``: same length, half-width ASCII, simplified characters.

    Every line end (``\\r``, U+2028 …) is ``\\n`` in the view (``\\r\\n`` stays as it is), and every
    invisible character (zero-width, control) a space. The last few views are kept, so that the steps of
    one parse fold the text once.
    """
    if "\r\n" in text:  # \r\n stays as it is (the rules read it as one line end), a lone \r is \n
        return "\r\n".join(part.translate(_table()) for part in text.split("\r\n"))
    return text.translate(_table())


@cache
def _deletions() -> dict[int, None]:
    return dict.fromkeys(map(ord, INVISIBLE))


def visible(text: str) -> str:
    """``text`` without its invisible characters (zero-width, control): what a reader sees of a title."""
    return text.translate(_deletions())


def visible_before(text: str, offset: int) -> int:
    """The offset of the character before ``offset`` once up to :data:`INVISIBLE_REACH` invisible characters
    are looked past (``offset - 1`` where there are none); -1 at the start of the text."""
    position = offset - 1
    while position >= 0 and offset - position <= INVISIBLE_REACH and text[position] in INVISIBLE:
        position -= 1
    return position


def visible_after(text: str, offset: int) -> int:
    """The offset of the first character at or after ``offset`` once up to :data:`INVISIBLE_REACH` invisible
    characters are looked past; ``len(text)`` at its end."""
    position = offset
    while position < len(text) and position - offset < INVISIBLE_REACH and text[position] in INVISIBLE:
        position += 1
    return position


def to_simplified(text: str) -> str:
    """``text`` with the traditional characters gongwen knows replaced by simplified ones (個 → 个)."""
    return text.translate(_simplify_table())


def strip_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` narrowed so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
