"""The exceptions gongwen raises.

Every error derives from :class:`GongwenError`, so ``except GongwenError`` catches all of them; each
subclass also derives from the built-in exception that fits, so ``except ValueError`` works as well.
"""

from __future__ import annotations

import os

__all__ = [
    "GongwenError",
    "GongwenWarning",
    "InputTypeError",
    "MissingDictionaryError",
    "MissingExtraError",
    "NotANumeralError",
    "ParseTimeoutError",
    "RegistryError",
    "ReportDecodeError",
    "ReportDecodeWarning",
    "UnsupportedFormatError",
]


class GongwenError(Exception):
    """Base class of every exception raised by gongwen."""


class GongwenWarning(UserWarning):
    """Base class of the warnings gongwen gives: a call that works but most likely does not do what was
    meant (``gongwen.parse("report.txt")`` parses the file's name, not the file)."""


class NotANumeralError(GongwenError, ValueError):
    """The text is not one numeral (``to_number("一心一意")``)."""


class InputTypeError(GongwenError, TypeError):
    """An argument has the wrong type (bytes or ``None`` where text was expected)."""


class RegistryError(GongwenError, ValueError):
    """A heading style or extractor is registered twice, or looked up by an unknown name."""


class ReportDecodeError(GongwenError, ValueError):
    """A file's bytes are in none of the encodings gongwen reads."""


class ReportDecodeWarning(UserWarning):
    """A file was read, but not all of it faithfully: bytes replaced by U+FFFD (``errors="replace"``), or
    ``?`` where a lossy conversion dropped characters. The message names the file and counts them."""


class MissingExtraError(GongwenError, ImportError):
    """Reading a file needs an optional dependency that is not installed (``pip install 'gongwen[pdf]'``)."""


class MissingDictionaryError(GongwenError, ImportError):
    """jieba's dictionary (``jieba/dict.txt``), which subjects are segmented with, is missing or unreadable."""


class UnsupportedFormatError(GongwenError, ValueError):
    """A file is in a format gongwen does not read (an old binary ``.doc``, a damaged PDF or Word file)."""


class ParseTimeoutError(GongwenError, TimeoutError):
    """A file took longer to parse than the batch's per-file time limit (``gongwen batch --timeout``)."""


def require_text(value: object, what: str = "text") -> str:
    """Return ``value`` if it is a ``str``, else raise :class:`InputTypeError` saying what to pass."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        raise InputTypeError(
            f"{what} must be str, got {type(value).__name__}: decode it first, "
            "e.g. data.decode('utf-8') or gongwen.read_text(path)"
        )
    if isinstance(value, os.PathLike):
        raise InputTypeError(
            f"{what} must be str, got {type(value).__name__}: to parse a file, read it first, "
            "e.g. gongwen.parse(gongwen.read_text(path))"
        )
    raise InputTypeError(f"{what} must be str, got {type(value).__name__}")
