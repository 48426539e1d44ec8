"""Reading report files: the encodings Chinese reports come in, damaged bytes, and line endings.

Reports found in the wild are UTF-8 (with or without a byte-order mark), UTF-16 saved by Windows tools
(with or without a byte-order mark), GB18030/GBK from older mainland systems, or Big5 from Taiwan and
Hong Kong. :func:`read_text` and :func:`decode` try fast paths in that order (a byte-order mark, UTF-16
by its pattern of zero bytes, UTF-8, GB18030 or Big5 where Big5 gives by far the more common
characters), then ask `charset-normalizer <https://pypi.org/project/charset-normalizer/>`_ to detect
anything else, and raise :class:`~gongwen.errors.ReportDecodeError` for what is not text (a binary file,
a PDF, a Word document …), naming the file and saying what to do.

A file that is in one encoding but holds a few bytes that are not (a bad byte, a file cut short inside a
character) is named with the true byte offset and line of its first bad byte; ``errors="replace"``
reads it anyway with U+FFFD in place of each bad sequence, and says how many were replaced (a
:class:`~gongwen.errors.ReportDecodeWarning`, or the ``warnings`` table of ``gongwen batch``).
``encoding=`` skips detection. A text in which many ``?`` stand between Chinese characters (what a
lossy conversion into Big5 or GBK leaves) is read but never silently: it gives a warning too.

Line endings are normalised: ``\\r\\n`` and a lone ``\\r`` become ``\\n``, and the byte-order mark of
UTF-16/32 is dropped. This is what Python's ``open(path, encoding="utf-8")`` does for a UTF-8 file, so
offsets agree with it there; in general **the offsets in a Report (and in ``gongwen parse --json``)
refer to the decoded text** that :func:`read_text` returns, not to the bytes of the file.
"""

from __future__ import annotations

import codecs
import os
import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs

from gongwen.errors import InputTypeError, ReportDecodeError, ReportDecodeWarning
from gongwen.textview import to_simplified

__all__ = [
    "ERRORS",
    "DecodeIssue",
    "Decoded",
    "decode",
    "decode_report",
    "decode_with_encoding",
    "normalize_newlines",
    "read_text",
    "sample_path",
]

Errors = Literal["strict", "replace"]
ERRORS: tuple[str, ...] = ("strict", "replace")

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
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A '?' next to a Chinese character: what a conversion into an encoding that lacks the character leaves.
_LOST = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\?+|\?+(?=[\u3400-\u9fff\uf900-\ufaff])")

# Encodings charset-normalizer may name that a Chinese report can be in (besides the UTF family).
_CHINESE_ENCODINGS = frozenset({"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "cp936"})

_ADVICE = (
    "gongwen reads UTF-8, UTF-16, GB18030/GBK and Big5; "
    "convert the file to UTF-8 text first (e.g. `iconv -f ENCODING -t UTF-8 FILE`, "
    "or save it as 'UTF-8 text' in an editor; extract the text of a PDF or Word file first)"
)


@attrs.frozen
class DecodeIssue:
    """Something wrong with a file's bytes that did not stop it being read.

    ``kind`` is ``"replaced"`` (``count`` undecodable byte sequences replaced by U+FFFD under
    ``errors="replace"``) or ``"lost"`` (``count`` ``?`` standing between Chinese characters, where a
    lossy conversion dropped characters it could not encode).
    """

    kind: str
    count: int
    message: str


@attrs.frozen
class Decoded:
    """The text of a report file, the encoding it was read as, and what was wrong with its bytes."""

    text: str
    encoding: str
    issues: tuple[DecodeIssue, ...] = ()

    @property
    def replaced(self) -> int:
        """Byte sequences that could not be decoded and were replaced by U+FFFD (``errors="replace"``)."""
        return sum(issue.count for issue in self.issues if issue.kind == "replaced")


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


def _where(data: bytes, offset: int, encoding: str, skip: int = 0) -> str:
    """``byte 0x91 at offset 1727 (line 12, column 5)``: a bad byte, with its line and column in the text
    decoded from ``data[skip:]`` (``skip``: a byte-order mark not part of the text)."""
    prefix = normalize_newlines(data[skip:offset].decode(encoding, errors="replace"))
    line = prefix.count("\n") + 1
    column = len(prefix) - prefix.rfind("\n")
    return f"byte {data[offset]:#04x} at offset {offset} (line {line}, column {column})"


def _replaced(name: str, data: bytes, encoding: str, errors: str, skip: int = 0) -> tuple[str, tuple[DecodeIssue, ...]]:
    """Decode ``data[skip:]`` as ``encoding``: strictly (raising on the first bad byte, named by its offset
    in ``data``) or replacing each bad sequence with U+FFFD and counting them."""
    body = data[skip:] if skip else data
    try:
        return body.decode(encoding), ()
    except UnicodeDecodeError as exc:
        text = body.decode(encoding, errors="replace")
        count = text.count("\ufffd") - (body.count(b"\xef\xbf\xbd") if encoding.startswith("utf-8") else 0)
        count = max(1, count)
        where = _where(data, exc.start + skip, encoding, skip)
        upper = encoding.upper()
        if errors == "strict":
            truncated = exc.reason == "unexpected end of data" or (exc.end >= len(body) and count == 1)
            more = f"; {count - 1} more bad sequence{'s' if count != 2 else ''} after it" if count > 1 else ""
            cut = " (the file ends inside a character: was it cut short?)" if truncated else ""
            what = f"starts with a {upper} byte-order mark but" if skip else f"{upper} text with a byte that"
            raise ReportDecodeError(
                f"{name}: {what} is not {upper}: {where}{cut}{more}; fix or re-save the file, or read it "
                f"anyway with errors='replace' (gongwen --errors replace), which puts U+FFFD in place of each "
                f"bad sequence and counts them"
            ) from None
        plural = "s" if count != 1 else ""
        message = f"{name}: {count} byte sequence{plural} not in {upper} replaced by U+FFFD, the first at {where}"
        return text, (DecodeIssue("replaced", count, message),)


def _lost(text: str, name: str, encoding: str) -> tuple[DecodeIssue, ...]:
    """A warning when many ``?`` stand between Chinese characters (a lossy conversion), else nothing."""
    if "?" not in text:
        return ()
    found = [m for m in _LOST.finditer(text)]
    count = sum(m.end() - m.start() for m in found)
    if count < 3:
        return ()
    han = len(text) - len(text.encode("ascii", "ignore"))
    if count * 100 < han:
        return ()
    line = text.count("\n", 0, found[0].start()) + 1
    return (
        DecodeIssue(
            "lost",
            count,
            f"{name}: {count} '?' stand between Chinese characters (the first on line {line}): characters "
            f"look lost to a conversion into {encoding.upper()} that could not hold them; the figures and "
            f"words there are unreliable: get the original file, or convert it to UTF-8 instead",
        ),
    )


def _check_errors(errors: str) -> None:
    if errors not in ERRORS:
        raise ValueError(f"errors must be 'strict' or 'replace', got {errors!r}")


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except (LookupError, TypeError):
        raise ReportDecodeError(
            f"unknown encoding {encoding!r}: give a Python codec name such as utf-8, gb18030, big5hkscs or utf-16"
        ) from None


def decode_report(
    data: bytes | bytearray | memoryview,
    *,
    name: str = "<bytes>",
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Decoded:
    """Decode the bytes of a report: the text, the encoding found and what was wrong with the bytes.

    ``encoding`` (a Python codec name) skips detection. ``errors="strict"`` raises
    :class:`~gongwen.errors.ReportDecodeError` at the first byte that is not in the file's encoding,
    with its offset and line; ``errors="replace"`` puts U+FFFD in its place and records the count in
    :attr:`Decoded.issues`. Nothing here warns: :func:`decode` and :func:`read_text` do.
    """
    if isinstance(data, str):
        raise InputTypeError(f"decode() takes bytes, got str: {name} is already text, pass it to gongwen.parse()")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputTypeError(f"decode() takes bytes, got {type(data).__name__}")
    _check_errors(errors)
    data = bytes(data)
    if encoding is not None:
        codec = _codec(encoding)
        text, issues = _replaced(name, data, codec, errors)
        text = _as_text(text, name, _CONTROL, f"as {codec}")
        return Decoded(text, codec, issues + _lost(text, name, codec))
    if not data:
        return Decoded("", "utf-8")
    text, found, issues = _detect(data, name, errors)
    return Decoded(text, found, issues + _lost(text, name, found))


def _detect(data: bytes, name: str, errors: str) -> tuple[str, str, tuple[DecodeIssue, ...]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # UTF-8 keeps its mark as U+FEFF, as open(path, encoding="utf-8") does, so offsets agree.
            text, issues = _replaced(name, data, encoding, errors, skip=0 if encoding == "utf-8" else len(bom))
            return _as_text(text, name), "utf-8-sig" if encoding == "utf-8" else encoding, issues
    if b"\x00" in data:
        return _wide(data, name)
    try:
        return _as_text(data.decode("utf-8"), name), "utf-8", ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    mostly = _mostly_utf8(data)
    if mostly:
        text, issues = _replaced(name, data, "utf-8", errors)
        return _as_text(text, name), "utf-8", issues
    found = _chinese(data, name)
    if found is not None:
        return found[0], found[1], ()
    detected = _normalizer(data)
    if detected is not None and detected[2]:
        return _as_text(detected[0], name, _CONTROL_OR_PRIVATE, f"in {detected[1]}"), detected[1], ()
    for encoding in ("gb18030", "big5hkscs"):
        damaged = _mostly(data, encoding)
        if damaged:
            text, issues = _replaced(name, data, encoding, errors)
            return _as_text(text, name, _CONTROL_OR_PRIVATE, f"in {encoding.upper()}"), encoding, issues
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    rare = bad * 100 <= len(data)  # mostly ASCII with a few bad bytes: UTF-8 text with damage, or a legacy code page
    if rare and errors == "replace":
        text, issues = _replaced(name, data, "utf-8", errors)
        return _as_text(text, name), "utf-8", issues
    guess = ""
    if detected is not None:
        guess = (
            f"; it reads as {detected[1]} text with hardly any Chinese: if that is right, pass "
            f"encoding={detected[1]!r} (gongwen --encoding {detected[1]})"
        )
    if rare:
        guess += "; to read it as UTF-8 anyway, with U+FFFD in place of the bad bytes, pass errors='replace'"
    raise ReportDecodeError(
        f"{name}: not UTF-8, GB18030/GBK or Big5 (as UTF-8: {bad} bad byte sequence{'s' if bad != 1 else ''}, "
        f"the first {_where(data, utf8_error.start, 'utf-8')}){guess}; {_ADVICE}"
    )


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes: far more valid multi-byte characters than bad sequences."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - bad
    return wide >= 20 * bad


def _mostly(data: bytes, encoding: str) -> bool:
    """``data`` in ``encoding`` with a few bad bytes: at most one bad sequence in 500 characters."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    return bad * 500 <= len(text) and _plausibility(text) > 0.1


def _wide(data: bytes, name: str) -> tuple[str, str, tuple[DecodeIssue, ...]]:
    """UTF-16 or UTF-32 without a byte-order mark (zero bytes in a regular pattern), or a binary file."""
    sample = data[:8192]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    candidates: list[str] = []
    if len(data) % 4 == 0:
        candidates += ["utf-32-le", "utf-32-be"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            return normalize_newlines(text), encoding, ()
    detected = _normalizer(data)
    if detected is not None and detected[2] and _reads_as_text(detected[0]):
        return normalize_newlines(detected[0]), detected[1], ()
    nul = data.find(b"\x00")
    raise ReportDecodeError(
        f"{name}: looks like a binary file, not text (NUL byte at offset {nul}, and it does not read as "
        f"UTF-16 or UTF-32 either); {_ADVICE}"
    )


_PLAIN = re.compile(r"[\t\n\r\x20-\x7e\u3000-\u303f\uff01-\uff5e]")


def _reads_as_text(text: str) -> bool:
    """Bytes read in a guessed encoding give text: no control characters, and a good share of ASCII,
    punctuation and common report characters (bytes read in the wrong wide encoding scatter over the
    whole of Unicode)."""
    sample = text[:20_000]
    if not sample or _CONTROL_OR_PRIVATE.search(sample):
        return False
    plain = len(_PLAIN.findall(sample))
    common = sum(c in _COMMON for c in to_simplified(sample))
    return plain + common >= 0.3 * len(sample)


def _chinese(data: bytes, name: str) -> tuple[str, str] | None:
    """GB18030, or Big5 where it decodes and reads as far more common characters; None if neither decodes
    or what decodes is not Chinese (Latin-1 or Windows-1252 bytes pair up as rare GB18030 characters)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        big5 = _big5(data)
        if big5 is not None and _reads_as_chinese(big5):
            return _as_text(big5, name, _CONTROL_OR_PRIVATE, "in Big5"), "big5hkscs"
        return None
    big5 = _big5(data)
    if big5 is not None and _plausibility(big5) > 2 * _plausibility(text) + 0.01:
        return _as_text(big5, name, _CONTROL_OR_PRIVATE, "in Big5"), "big5hkscs"
    if not _reads_as_chinese(text):
        return None
    return _as_text(text, name, _CONTROL_OR_PRIVATE, "in UTF-8 or GB18030/GBK"), "gb18030"


def _reads_as_chinese(text: str) -> bool:
    """At least 1 in 20 of the first non-ASCII characters are common report characters (or too few to say)."""
    wide = [c for c in to_simplified(text[:20_000]) if c > "\x7f"]
    return len(wide) < 20 or sum(c in _COMMON for c in wide) * 20 >= len(wide)


def _normalizer(data: bytes) -> tuple[str, str, bool] | None:
    """charset-normalizer's best guess: the text, the encoding, and whether a Chinese report can be in it
    (a Unicode or Chinese encoding, or a text that is at least a fifth Chinese characters)."""
    import charset_normalizer

    best: Any = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    encoding = str(best.encoding).replace("_", "-")
    text = str(best)
    chinese = encoding.startswith("utf") or encoding.replace("-", "") in _CHINESE_ENCODINGS
    chinese = chinese or len(_HAN.findall(text[:20_000])) * 5 >= min(len(text), 20_000)
    return text, encoding, chinese


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


def _warn(decoded: Decoded) -> None:
    for issue in decoded.issues:
        warnings.warn(issue.message, ReportDecodeWarning, stacklevel=3)


def decode_with_encoding(
    data: bytes | bytearray | memoryview,
    *,
    name: str = "<bytes>",
    encoding: str | None = None,
    errors: Errors = "strict",
) -> tuple[str, str]:
    """Like :func:`decode`, and also the name of the encoding found (``"utf-8"``, ``"gb18030"`` …)."""
    decoded = decode_report(data, name=name, encoding=encoding, errors=errors)
    _warn(decoded)
    return decoded.text, decoded.encoding


def decode(
    data: bytes | bytearray | memoryview,
    *,
    name: str = "<bytes>",
    encoding: str | None = None,
    errors: Errors = "strict",
) -> str:
    """Decode the bytes of a report: UTF-8 (BOM or not), UTF-16/32, GB18030 (GBK), Big5, or what
    charset-normalizer detects; ``encoding`` (a Python codec name) skips detection.

    ``\\r\\n`` and lone ``\\r`` become ``\\n`` and the byte-order mark of UTF-16/32 is dropped; offsets in
    a Report parsed from the result refer to this decoded text. Empty bytes give ``""``.

    Raises :class:`~gongwen.errors.ReportDecodeError` (a ``ValueError``) naming ``name`` when the bytes
    are not text, or (with ``errors="strict"``, the default) hold a byte that is not in their encoding:
    the message gives its offset and line. With ``errors="replace"`` each bad sequence becomes U+FFFD and
    a :class:`~gongwen.errors.ReportDecodeWarning` says how many; many ``?`` between Chinese characters
    (a lossy conversion) also warn.

    >>> decode("一、总体情况\\r\\n".encode("gbk"))
    '一、总体情况\\n'
    """
    return decode_with_encoding(data, name=name, encoding=encoding, errors=errors)[0]


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None, errors: Errors = "strict") -> str:
    """Read a report file, whatever encoding it is in (see :func:`decode` for ``encoding`` and ``errors``).

    Raises :class:`OSError` (``FileNotFoundError``, ``IsADirectoryError`` …) when the file cannot be read
    and :class:`~gongwen.errors.ReportDecodeError` when its bytes are not text gongwen can decode.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    return decode(data, name=os.fspath(path), encoding=encoding, errors=errors)


def sample_path() -> Path:
    """The path of the real report bundled with gongwen (a district education bureau's 工作总结), for
    trying things out: ``gongwen.parse(gongwen.read_text(gongwen.sample_path()))``, or
    ``gongwen parse --sample`` on the command line."""
    return Path(str(resources.files("gongwen").joinpath("data").joinpath("sample_report.txt")))
