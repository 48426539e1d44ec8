"""Word segmentation with jieba's dictionary, loaded lazily, once, thread-safely.

Importing gongwen does not import jieba: its dictionary (``jieba/dict.txt``, about a second to load) is
read the first time a subject is looked for, under a lock, into one table word -> (log probability, tag)
(about 60 MB). jieba's own code is not run: its tokenizer, its part-of-speech tagger and the global tagger
that ``import jieba.posseg`` builds would each hold their own copy of the words (about 180 MB in all), and
``import jieba`` alone loads the tables of its HMM guesser for unknown words, which gongwen does not use.

:func:`pos_cut` gives exactly what ``jieba.posseg.cut(text, HMM=False)`` gives on that dictionary (with
a few of its tags corrected, ``_TAG_FIXES``), but finds the words itself: subjects are looked for in
short clauses, hundreds of times per report, and jieba's generator layers cost more there than the
dictionary look-ups. The algorithm is jieba's: every dictionary word of the clause is an edge, and the
path of highest total log frequency wins (a tie goes to the longer word). ``tests/test_segment.py``
checks the table and the words against jieba's own tokenizer.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterable
from functools import cache
from importlib import resources
from math import log
from pathlib import Path
from typing import cast

from gongwen.errors import MissingDictionaryError

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
# An indicator name's frequency: high enough that it is always cut as one word.
_INDICATOR_FREQUENCY = 100_000
# What a word that is only the start of longer words has before it gets its entry.
_PREFIX = (0, "x")


# A dictionary entry: the word's log probability (None for a word that is only the start of longer words,
# or of frequency 0) and its part-of-speech tag.
Entry = tuple[float | None, str]


class _Dictionary:
    """One table word -> (log probability, tag); every prefix of a word is in it too, as (None, tag)."""

    def __init__(self, words: dict[str, Entry], log_total: float) -> None:
        self.words = words
        self.log_total = log_total

    def cut(self, text: str) -> list[Pair]:
        out: list[Pair] = []
        for index, block in enumerate(_BLOCKS.split(text)):
            if index % 2:
                self._cut_block(block, out)
            else:
                _cut_other(block, out)
        return out

    def _cut_block(self, block: str, out: list[Pair]) -> None:
        words, log_total, size = self.words, self.log_total, len(block)
        score = [0.0] * (size + 1)
        word_end = list(range(1, size + 2))
        for start in range(size - 1, -1, -1):
            best, best_end = 0.0, 0
            stop = start + 1
            entry = words.get(block[start])
            while entry is not None:
                weight = entry[0]
                if weight is not None:
                    candidate = weight + score[stop]
                    if best_end == 0 or candidate >= best:
                        best, best_end = candidate, stop
                stop += 1
                if stop > size:
                    break
                entry = words.get(block[start:stop])
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
                entry = words.get(word)
                out.append((word, "n" if word in _NOUN_SUFFIXES else entry[1] if entry else "x"))
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


def _dictionary_file() -> Path:
    """jieba's dictionary (``dict.txt`` of the installed package), found without running jieba's code.

    Importing jieba loads its HMM tables for unknown words (about 22 MB) that gongwen never uses.
    """
    spec = importlib.util.find_spec("jieba")
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder) / "dict.txt"
        if path.is_file():
            return path
    raise MissingDictionaryError(
        "jieba's dictionary (jieba/dict.txt) was not found: install gongwen's dependency with `pip install jieba`"
    )


def _read(lines: Iterable[str]) -> _Dictionary:
    """One pass over jieba's ``word frequency tag`` lines into the one table the segmenter needs.

    The words, frequencies and tags jieba builds (a later line of a word wins, every line counts in the
    total, every prefix of a word is known), in one table instead of jieba's three (its tokenizer's
    frequencies and two part-of-speech taggers' tag tables), each (frequency, tag) value kept once for
    all words, and the log probability computed once per value instead of once per look-up.
    """
    words: dict[str, tuple[int, str] | Entry] = {}
    values: dict[tuple[int, str], tuple[int, str]] = {}
    total = 0
    for line in lines:
        fields = line.strip().split(" ")
        if len(fields) != 3 or not fields[1].isdigit():
            if line.strip():
                raise MissingDictionaryError(
                    f"jieba's dictionary has a line that is not 'word frequency tag': {line!r}; "
                    "reinstall it with `pip install --force-reinstall jieba`"
                )
            continue
        word, count, tag = fields
        value = (int(count), tag)
        total += value[0]
        words[word] = values.setdefault(value, value)
        for stop in range(1, len(word)):
            words.setdefault(word[:stop], _PREFIX)
    indicator = (_INDICATOR_FREQUENCY, "n")
    for word in indicator_words():
        words[word] = indicator
        total += _INDICATOR_FREQUENCY
        for stop in range(1, len(word)):
            words.setdefault(word[:stop], _PREFIX)
    log_total = log(total)
    entries: dict[tuple[int, str], Entry] = {_PREFIX: (None, "x")}
    for frequency, tag in [*values, indicator]:
        entries[frequency, tag] = (log(frequency) - log_total if frequency else None, tag)
    for word, counted in words.items():  # in place: a second table of half a million words would double the peak
        words[word] = entries[counted]  # type: ignore[index]
    table = cast(dict[str, Entry], words)
    for word, tag in _TAG_FIXES.items():
        table[word] = (table[word][0] if word in table else None, tag)
    return _Dictionary(table, log_total)


def _load() -> _Dictionary:
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                with _dictionary_file().open(encoding="utf-8", newline="\n") as lines:
                    _dictionary = _read(lines)
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
