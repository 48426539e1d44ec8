"""Reading report files: the encodings Chinese reports come in, and their line endings.

Reports found in the wild are UTF-8 (with or without a byte-order mark), UTF-16 saved by Windows tools
(with a byte-order mark), GB18030/GBK from older mainland systems, or Big5 from Taiwan and Hong Kong.
:func:`read_text` and :func:`decode` try them in that order (Big5 wins over GB18030 where both decode the
bytes and Big5 gives by far the more common characters) and raise
:class:`~gongwen.errors.ReportDecodeError` for anything else (a binary file, a PDF, a Word document …),
naming the file and saying what to do.

Line endings are normalised: ``\\r\\n`` and a lone ``\\r`` become ``\\n``, and a byte-order mark is
dropped. This is what Python's ``open(path, encoding="utf-8")`` does for a UTF-8 file without a
byte-order mark, so offsets agree with it there; in general **the offsets in a Report (and in
``gongwen parse --json``) refer to the decoded text** that :func:`read_text` returns, not to the bytes
of the file.
"""

from __future__ import annotations

import codecs
import os
import re
from importlib import resources
from pathlib import Path

from gongwen.errors import InputTypeError, ReportDecodeError
from gongwen.textview import to_simplified

__all__ = ["decode", "decode_with_encoding", "normalize_newlines", "read_text", "sample_path"]

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters that do not occur in a text document: C0/C1 controls other than whitespace, DEL.
# A few are tolerated (a stray form feed, a DOS end-of-file mark); many mean the bytes are not text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# For GB18030 also the private-use area: GBK's user-defined code points decode there, real text has none.
_CONTROL_OR_PRIVATE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")

_ADVICE = (
    "gongwen reads UTF-8, UTF-16 with a byte-order mark, GB18030/GBK and Big5; "
    "convert the file to UTF-8 text first (e.g. `iconv -f ENCODING -t UTF-8 FILE`, "
    "or save it as 'UTF-8 text' in an editor; extract the text of a PDF or Word file first)"
)


def normalize_newlines(text: str) -> str:
    """``text`` with ``\\r\\n`` and lone ``\\r`` turned into ``\\n`` (what ``open()`` does by default)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str, pattern: re.Pattern[str]) -> bool:
    """More than a handful of characters that never occur in a document (at most 1 in 200 tolerated)."""
    count = len(pattern.findall(text))
    return count > max(2, len(text) // 200)


def _as_text(text: str, name: str, pattern: re.Pattern[str] = _CONTROL, what: str = "(control characters)") -> str:
    """``text`` with its newlines normalised, or a clear error if it is not text at all."""
    if _looks_binary(text, pattern):
        raise ReportDecodeError(f"{name}: does not look like text {what}; {_ADVICE}")
    return normalize_newlines(text)


def decode_with_encoding(data: bytes | bytearray | memoryview, *, name: str = "<bytes>") -> tuple[str, str]:
    """Like :func:`decode`, and also the name of the encoding found (``"utf-8"``, ``"gb18030"`` …)."""
    if isinstance(data, str):
        raise InputTypeError(f"decode() takes bytes, got str: {name} is already text, pass it to gongwen.parse()")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputTypeError(f"decode() takes bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # UTF-8 keeps its mark as U+FEFF, as open(path, encoding="utf-8") does, so offsets agree.
            start = 0 if encoding == "utf-8" else len(bom)
            try:
                text = data[start:].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReportDecodeError(
                    f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start + len(bom)}); {_ADVICE}"
                ) from None
            return _as_text(text, name), "utf-8-sig" if encoding == "utf-8" else encoding
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReportDecodeError(
            f"{name}: looks like a binary file, not text (NUL byte at offset {nul}; if it is UTF-16 text "
            f"without a byte-order mark, re-save it as UTF-8); {_ADVICE}"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _as_text(text, name), "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        big5 = _big5(data)
        if big5 is not None:
            return _as_text(big5, name, _CONTROL_OR_PRIVATE, "in Big5"), "big5hkscs"
        raise ReportDecodeError(
            f"{name}: not UTF-8, GB18030/GBK or Big5 (invalid byte {data[exc.start]:#04x} at offset "
            f"{exc.start}); {_ADVICE}"
        ) from None
    big5 = _big5(data)
    if big5 is not None and _plausibility(big5) > 2 * _plausibility(text) + 0.01:
        return _as_text(big5, name, _CONTROL_OR_PRIVATE, "in Big5"), "big5hkscs"
    return _as_text(text, name, _CONTROL_OR_PRIVATE, "in UTF-8 or GB18030/GBK"), "gb18030"


def _big5(data: bytes) -> str | None:
    try:
        return data.decode("big5hkscs")
    except UnicodeDecodeError:
        return None


# Characters that are frequent in any Chinese report, in simplified spelling (a Big5 text is simplified
# with gongwen's table before counting). Bytes of one encoding read as the other give rare characters.
_COMMON = frozenset(
    "的一是在不了有和人中大为上个国我以要时来用们生到作地于出就分对成会可主发年动同工也能下过子产种面而方后多"
    "定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开还因由"
    "其些然前外天政四日社义事平形相全表间样与关各重新内数正心明看原又利比或但质气第向道此变条只没结解问意建月公"
    "无系很情者最立代想已通并提直题程展五果员位入常文总次品式活设及管特件长求基资边流路级少图统接知较将组见计别"
    "期根论运农指区强放决干做必先回则任取据处队南给光门即保治北造百规领七海口东导志世金增争济思术极交受联认六共"
    "权收证改清美再采转更单风切打教速带安场身车例真务具万每目至达走积示议报完类八离华名确才科张信节话整空元况今"
    "集传土许步群广记需段研界林律且究观越织装影算低持众书布复容须际商非验连断深难近千周委素技备半办青省列习响约"
    "支般史感劳便团往历市何除消构府称准精值号率族维划选标写存候效院查型按格养易置派层片始却专状育厂识适属包住调"
    "满县局照参红细引听该价严镇校村乡师"
)


def _plausibility(text: str) -> float:
    """The share of common report characters in a sample of ``text``: high for the right encoding."""
    sample = to_simplified(text[:20_000])
    return sum(c in _COMMON for c in sample) / max(1, len(sample))


def decode(data: bytes | bytearray | memoryview, *, name: str = "<bytes>") -> str:
    """Decode the bytes of a report: UTF-8 (BOM or not), UTF-16/32 with a BOM, else GB18030 (GBK) or Big5.

    ``\\r\\n`` and lone ``\\r`` become ``\\n`` and the byte-order mark is dropped; offsets in a Report
    parsed from the result refer to this decoded text. Empty bytes give ``""``.

    Raises :class:`~gongwen.errors.ReportDecodeError` (a ``ValueError``) naming ``name`` when the bytes
    are in none of these encodings, e.g. a binary file.

    >>> decode("一、总体情况\\r\\n".encode("gbk"))
    '一、总体情况\\n'
    """
    return decode_with_encoding(data, name=name)[0]


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a report file, whatever encoding it is in (see :func:`decode`).

    Raises :class:`OSError` (``FileNotFoundError``, ``IsADirectoryError`` …) when the file cannot be read
    and :class:`~gongwen.errors.ReportDecodeError` when its bytes are not text gongwen can decode.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    return decode(data, name=os.fspath(path))


def sample_path() -> Path:
    """The path of the real report bundled with gongwen (a district education bureau's 工作总结), for
    trying things out: ``gongwen.parse(gongwen.read_text(gongwen.sample_path()))``, or
    ``gongwen parse --sample`` on the command line."""
    return Path(str(resources.files("gongwen").joinpath("data").joinpath("sample_report.txt")))
