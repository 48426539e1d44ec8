"""Word segmentation with jieba's dictionary, loaded lazily, once, thread-safely.

Importing gongwen does not import jieba: the dictionary (about a second to load) is read the first time a
subject is looked for, under a lock, into a private tokenizer that does not touch jieba's global one.

:func:`pos_cut` gives exactly what ``jieba.posseg.cut(text, HMM=False)`` gives on that dictionary (with
a few of its tags corrected, ``_TAG_FIXES``), but finds the words itself: subjects are looked for in
short clauses, hundreds of times per report, and jieba's generator layers cost more there than the
dictionary look-ups. The algorithm is jieba's: every dictionary word of the clause is an edge, and the
path of highest total log frequency wins (a tie goes to the longer word).
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache
from importlib import resources
from math import log

__all__ = ["indicator_words", "pos_cut"]

# Characters that end an indicator's name and that jieba, seeing them alone, tags as verbs: 毕业率, 作业本费.
_NOUN_SUFFIXES = frozenset("率费额数量价比")
# Tags jieba gets wrong in reports: verbs used as the name of what is measured (营业收入, 财政支出) are
# noun-verbs; 增速 and 涨幅 (the rate of a change) are nouns; 晋升 (a person's name to jieba), 惠及 (a
# place) and 现有 (an attribute) are verbs.
_TAG_FIXES = {
    **dict.fromkeys(("收入", "支出", "开支", "拨款", "就业", "投入"), "vn"),
    **dict.fromkeys(("增速", "增幅", "涨幅", "降幅", "跌幅", "占比"), "n"),  # the rate of a change is a measure
    **dict.fromkeys(("晋升", "惠及", "现有", "申报", "参赛", "参评", "参训", "积极参与", "创"), "v"),
    **dict.fromkeys(("全部", "全都"), "d"),
    "选手": "n",
    "初中": "n",  # a school, not a direction word
    "学前": "b",  # 学前教育: an attribute, not a verb
}
# jieba's split of a text into blocks it segments (Chinese, letters, digits) and the rest.
_BLOCKS = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
_SPACE = re.compile(r"(\r\n|\s)")
_NUMBER = re.compile(r"[.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

Pair = tuple[str, str]


class _Dictionary:
    """Word frequencies (with every word's prefixes at frequency 0) and part-of-speech tags."""

    def __init__(self, frequencies: dict[str, int], total: int, tags: dict[str, str]) -> None:
        self.frequencies = frequencies
        self.log_total = log(total)
        self.tags = tags

    def cut(self, text: str) -> list[Pair]:
        out: list[Pair] = []
        for index, block in enumerate(_BLOCKS.split(text)):
            if index % 2:
                self._cut_block(block, out)
            else:
                _cut_other(block, out)
        return out

    def _cut_block(self, block: str, out: list[Pair]) -> None:
        frequencies, log_total, size = self.frequencies, self.log_total, len(block)
        score = [0.0] * (size + 1)
        word_end = list(range(1, size + 2))
        for start in range(size - 1, -1, -1):
            best, best_end = 0.0, 0
            stop = start + 1
            fragment = block[start]
            frequency = frequencies.get(fragment)
            while frequency is not None:
                if frequency:
                    candidate = log(frequency) - log_total + score[stop]
                    if best_end == 0 or candidate >= best:
                        best, best_end = candidate, stop
                stop += 1
                if stop > size:
                    break
                fragment = block[start:stop]
                frequency = frequencies.get(fragment)
            if best_end == 0:  # not in the dictionary: a word of one character
                best, best_end = -log_total + score[start + 1], start + 1
            score[start], word_end[start] = best, best_end
        position, latin = 0, ""
        while position < size:
            end = word_end[position]
            word = block[position:end]
            if end - position == 1 and word in _ALNUM:
                latin += word  # jieba joins single letters and digits into one "eng" word
            else:
                if latin:
                    out.append((latin, "eng"))
                    latin = ""
                out.append((word, "n" if word in _NOUN_SUFFIXES else self.tags.get(word, "x")))
            position = end
        if latin:
            out.append((latin, "eng"))


def _cut_other(block: str, out: list[Pair]) -> None:
    """What jieba makes of the text between its blocks: white space, and one word per other character."""
    for piece in _SPACE.split(block):
        if _SPACE.match(piece):
            out.append((piece, "x"))
            continue
        latin = bool(_LATIN.match(piece))
        for char in piece:
            out.append((char, "m" if _NUMBER.match(char) else "eng" if latin else "x"))


_lock = threading.Lock()
_dictionary: _Dictionary | None = None


def _load() -> _Dictionary:
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                base = jieba.Tokenizer()
                base.initialize()
                for word in indicator_words():
                    base.add_word(word, freq=100_000, tag="n")
                tagger = jieba.posseg.POSTokenizer(base)
                tagger.makesure_userdict_loaded()
                tags = dict(tagger.word_tag_tab)
                tags.update(_TAG_FIXES)
                _dictionary = _Dictionary(base.FREQ, base.total, tags)
    return _dictionary


@cache
def indicator_words() -> tuple[str, ...]:
    """The indicator names of ``gongwen/data/indicators.txt``, each one word to the segmenter."""
    data = resources.files("gongwen").joinpath("data").joinpath("indicators.txt").read_text("utf-8")
    return tuple(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def pos_cut(text: str) -> tuple[Pair, ...]:
    """``text`` cut into ``(word, part-of-speech flag)`` pairs (jieba's ICTCLAS-style flags).

    Words are found in jieba's dictionary (plus gongwen's indicator names) without its HMM guesser for
    unknown words, which is slow and of no help in telling a subject from a verb. A character that ends
    an indicator's name (率, 费, 额 …) standing alone is tagged a noun, and words that reports use as the
    name of what is measured (收入, 支出, 投入) are noun-verbs.
    """
    return tuple(_load().cut(text))
