"""Word segmentation with jieba, loaded lazily, once, thread-safely.

Importing gongwen does not import jieba: the dictionary (about a second to load) is read the first time a
subject is looked for, under a lock, into a private tokenizer that does not touch jieba's global one.
"""

from __future__ import annotations

import logging
import threading
from importlib import resources
from typing import Any

__all__ = ["pos_cut"]

_lock = threading.Lock()
_tokenizer: Any = None


def _pos_tokenizer() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                base = jieba.Tokenizer()
                base.initialize()
                for word in _indicator_words():
                    base.add_word(word, freq=100_000, tag="n")
                _tokenizer = jieba.posseg.POSTokenizer(base)
    return _tokenizer


# Characters that end an indicator's name and that jieba, seeing them alone, tags as verbs: 毕业率, 作业本费.
_NOUN_SUFFIXES = frozenset("率费额数量价比")


def _indicator_words() -> list[str]:
    data = resources.files("gongwen").joinpath("data").joinpath("indicators.txt").read_text("utf-8")
    return [line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")]


def pos_cut(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` cut into ``(word, part-of-speech flag)`` pairs (jieba's ICTCLAS-style flags).

    Words are found in jieba's dictionary (plus gongwen's indicator names) without its HMM guesser for
    unknown words, which is slow and of no help in telling a subject from a verb.
    """
    return tuple(
        (pair.word, "n" if pair.word in _NOUN_SUFFIXES else pair.flag)
        for pair in _pos_tokenizer().cut(text, HMM=False)
    )
