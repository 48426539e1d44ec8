"""Word segmentation with jieba, loaded lazily, once, thread-safely.

Importing gongwen does not import jieba: the dictionary (about a second to load) is read the first time a
subject is looked for, under a lock, into a private tokenizer that does not touch jieba's global one.
"""

from __future__ import annotations

import logging
import threading
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
                _tokenizer = jieba.posseg.POSTokenizer(base)
    return _tokenizer


def pos_cut(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ``(word, part-of-speech flag)`` pairs (jieba's ICTCLAS-style flags)."""
    return [(pair.word, pair.flag) for pair in _pos_tokenizer().cut(text)]
