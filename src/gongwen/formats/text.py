"""Plain text files: decoded as :func:`gongwen.io.decode` does (UTF-8, UTF-16, GB18030/GBK, Big5).

Kept: every character, with ``\\r\\n`` and ``\\r`` read as ``\\n``; nothing is dropped (page furniture in
the text is found by the parse, as noise, not removed).
"""

from __future__ import annotations

from gongwen.formats.source import Source, SourceFormat
from gongwen.io import decode_with_encoding

__all__ = ["read_txt"]


def read_txt(data: bytes, *, name: str = "<bytes>") -> Source:
    """The decoded text of a text file."""
    text, encoding = decode_with_encoding(data, name=name)
    return Source(text=text, format=SourceFormat.TXT, path=name, encoding=encoding)
