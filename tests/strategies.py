"""Hypothesis strategies shared by the test modules.

They build the kind of text gongwen meets: Chinese numerals glued to digits and magnitude words, heading
markers at line starts and after sentence punctuation, page furniture, traditional characters and
full-width forms — plus arbitrary characters in between, so that the parsers see the odd cases too.
"""

from __future__ import annotations

from hypothesis import strategies as st

from gongwen.textview import fold

#: Every character that can be (part of) a numeral once the text is folded.
NUMERAL_CHARS = "〇零一二三四五六七八九十百千万亿两兩壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟萬億点點"

_NUMERAL_PIECES = [
    *NUMERAL_CHARS,
    *"0123456789０１２３４５６７８９",
    *".,，．。;:、 \t\n-−+负負%",
    "万",
    "亿",
    "\n万",
    " 万",
    "万亿",
    "分之",
    "百分之",
    "个",
    "名",
    "所",
    "元",
    "年",
    "人",
    "第",
    "初",
    "共",
    "几",
    "数",
    "xx",
    "__",
    "三个代表",
    "十一五",
    "一心一意",
    "二中",
    "333工程",
    "十分",
    "统一",
]

#: Text rich in numerals: digits, Chinese numerals, magnitude words, units, punctuation and newlines.
numeral_text = st.lists(
    st.one_of(st.sampled_from(_NUMERAL_PIECES), st.characters(codec="utf-8")),
    max_size=40,
).map("".join)


def _has_numeral_char(text: str) -> bool:
    folded = fold(text)
    return any(c in NUMERAL_CHARS or c.isdigit() or c.isdecimal() for c in folded)


#: Text without a single numeral character or digit (after folding), so no numeral can be found in it.
numeral_free_text = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Nd", "No", "Nl"),
        exclude_characters=NUMERAL_CHARS,
    ),
    max_size=60,
).filter(lambda text: not _has_numeral_char(text))

_MARKERS = [
    "一、",
    "二、",
    "三、",
    "一,",
    "一．",
    "(一)",
    "(二)",
    "（三）",
    "(二)、",
    "1、",
    "2、",
    "3、",
    "1.",
    "2.",
    "1．",
    "(1)",
    "（2）",
    "⑵",
    "⑶",
    "①",
    "②",
    "一是",
    "二是",
    "三是",
    "第一、",
    "第二,",
    "第一部分 ",
    "第二章",
    "存在问题:",
    "不足:",
    "建議：",
    ". ",
    "㈠",
    "㈡、",
    "⒈",
    "1)",
    "(\n四)",
    "第一节",
    "12.2025年",
]
_WORDS = [
    "加强领导",
    "提高认识",
    "基本情况",
    "主要做法",
    "正文",
    "我们开展了工作",
    "2024年",
    "5.12的大地震",
    "1.08万册",
    "55.57万元",
    "現總結如下:",
    "总之,",
    "2020年以来,",
    "篇一",
    "对于教育局讲话心得体会报告二",
    "【篇二】",
    "- 8页",
    "59位用户关注",
    "您可能关注的文档",
    "\n- 链接文档(五篇)",
    "文 章超 市",
    # what PDF extractions and statistical bulletins add: page numbers between the lines of a sentence,
    # change words and lists, signs, and lines long enough to be read as wrapped
    "\n— 3 —\n",
    "\n6/20\n",
    "全年全市一般公共预算收入完成",
    "比上年增长",
    "分别增长",
    "和",
    "由2015年的",
    "-3.2%",
    "12.\n3%",
    "8316万\n元",
    "60岁及以上人口",
    "(96.2%)",
    "\n附件1\n",
    "附件2:",
    "\n名词解释\n",
    "\n注释\n",
    "［1］",
    "目 录",
    "重点抓好以下八个方面工作:",
]
_PUNCT = ["。", ";", "；", ":", "：", "!", "?", ",", "\n", "\n", "\n\n", " ", "\t", "\u3000"]

#: Report-like text: heading markers, Chinese phrases, sentence punctuation and newlines, shuffled.
report_text = st.lists(
    st.one_of(
        st.sampled_from(_MARKERS),
        st.sampled_from(_WORDS),
        st.sampled_from(_PUNCT),
        st.text(max_size=3),
    ),
    max_size=50,
).map("".join)
