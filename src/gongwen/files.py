"""Finding and reading the files of a corpus, and parsing one file into table rows.

* :func:`find_files` expands files, folders and glob patterns into the files to parse (what
  ``gongwen batch`` and :func:`gongwen.parse_many` do with a folder).
* :func:`read_report` is the one place where a file is read and parsed: a text file's bytes decoded with
  :func:`gongwen.io.decode_report`, an HTML page, a PDF or a Word file read by :mod:`gongwen.formats`;
  :func:`parse_file` flattens one file into the rows of the batch tables, and never raises for a bad
  file: it returns a :class:`FileOutcome`.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from gongwen import formats
from gongwen.errors import InputTypeError
from gongwen.io import Decoded, DecodeIssue, Errors, decode_report
from gongwen.model import Report
from gongwen.parser import parse
from gongwen.runner import time_limit
from gongwen.schema import report_rows

__all__ = ["FileOutcome", "Read", "expand_items", "find_files", "parse_file", "read_input", "read_report"]


def _walk(folder: Path, pattern: str) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and formats.matches_pattern(name, pattern):
                found.append(Path(dirpath) / name)
    return found


Inputs = Iterable[str | os.PathLike[str]] | str | os.PathLike[str]


def discover(inputs: Inputs, pattern: str) -> tuple[list[Path], list[str]]:
    """The files under ``inputs`` (each once, in order) and the inputs that matched nothing."""
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]  # one path, not the characters of one
    files: list[Path] = []
    missing: list[str] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in inputs:
        given = os.fspath(raw)
        path = Path(given)
        if path.is_dir():
            for found in _walk(path, pattern):
                add(found)
        elif path.exists():
            add(path)
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            for match in matches:
                candidate = Path(match)
                if candidate.is_dir():
                    for found in _walk(candidate, pattern):
                        add(found)
                elif candidate.is_file():
                    add(candidate)
            if not matches:
                missing.append(given)
        else:
            missing.append(given)
    return files, missing


def find_files(inputs: Inputs, *, pattern: str = formats.DEFAULT_PATTERN) -> list[Path]:
    """The files to parse: each input is a file (taken whatever its name), a folder (every file under it
    whose name matches ``pattern``, recursively, hidden ones skipped) or a glob pattern (``corpus/**/*.txt``).

    ``inputs`` is a list of these, or one alone. In input order, sorted within a folder, each file once.
    Raises :class:`FileNotFoundError` for an input that is not a file or folder and matches nothing.
    """
    files, missing = discover(inputs, pattern)
    if missing:
        raise FileNotFoundError(f"no such file or folder, and no file matches it as a pattern: {missing[0]}")
    return files


def _names_a_path(text: str) -> bool:
    """A one-line string short enough to be a file name, that names a file or folder or matches a pattern."""
    if not text or len(text) > 4096 or "\n" in text or "\x00" in text:
        return False
    return os.path.exists(text) or (glob.has_magic(text) and bool(glob.glob(text, recursive=True)))


def expand_items(
    items: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], pattern: str = formats.DEFAULT_PATTERN
) -> Iterable[str | os.PathLike[str]]:
    """The items of :func:`gongwen.parse_many` with files and folders expanded as the command line does.

    One path (a :class:`~pathlib.Path`, or a string naming a file, a folder or a glob pattern) stands for
    the files under it (:func:`find_files`); inside a list, a ``Path`` to a folder stands for the files in
    it, while a plain ``str`` is always the text of a report. A single string that names nothing is
    refused: it is one text, for :func:`gongwen.parse`.
    """
    if isinstance(items, os.PathLike):
        return find_files([items], pattern=pattern)
    if isinstance(items, str):
        if _names_a_path(items):
            return find_files([items], pattern=pattern)
        raise InputTypeError(
            "parse_many() takes many items (a list of texts or paths, a folder, or a glob pattern), got one "
            f"string of {len(items)} characters that names no file: to parse one text, call gongwen.parse(text)"
        )
    if isinstance(items, bytes | bytearray):
        raise InputTypeError("parse_many() takes texts or paths, got bytes: decode them first (gongwen.decode)")
    if isinstance(items, list | tuple):
        if not any(isinstance(i, os.PathLike) and os.path.isdir(i) for i in items):
            return items
        return list(_flatten(items, pattern))
    return _flatten(items, pattern)


def _flatten(items: Iterable[str | os.PathLike[str]], pattern: str) -> Iterator[str | os.PathLike[str]]:
    for item in items:
        if isinstance(item, os.PathLike) and os.path.isdir(item):
            yield from find_files([item], pattern=pattern)
        else:
            yield item


# ---------------------------------------------------------------------------------------------------------
# One file


@attrs.frozen
class FileOutcome:
    """What parsing one file gave: its table rows, or the error that stopped it.

    ``tables`` holds the rows of ``documents``, ``headings``, ``metrics`` and ``warnings`` (what was wrong
    with the file's bytes: characters replaced under ``errors="replace"``, characters lost to a lossy
    conversion). ``counts`` is the number of rows of each table. Inside :func:`~gongwen.batch.write_tables`
    the rows come back from the worker processes already written out as csv or jsonl text (``rendered``)
    and ``tables`` is empty.
    """

    file: str
    ok: bool
    tables: dict[str, list[dict[str, Any]]] = attrs.field(factory=dict)
    counts: dict[str, int] = attrs.field(factory=dict)
    rendered: dict[str, str] = attrs.field(factory=dict)
    encoding: str | None = None
    chars: int = 0
    seconds: float = 0.0
    error: str | None = None
    message: str | None = None


def read_input(path: str | os.PathLike[str], *, name: str, encoding: str | None, errors: Errors) -> Decoded:
    """The decoded text of one text file (bytes read, then decoded with ``encoding`` and ``errors``)."""
    with open(path, "rb") as handle:
        data = handle.read()
    return decode_report(data, name=name, encoding=encoding, errors=errors)


@attrs.frozen
class Read:
    """One file read and parsed: its Report, the text encoding found (``None`` for a PDF or Word file)
    and what was wrong with its bytes."""

    report: Report
    encoding: str | None
    issues: tuple[DecodeIssue, ...] = ()


def read_report(path: str | os.PathLike[str], *, name: str, encoding: str | None, errors: Errors) -> Read:
    """Read and parse one file in any format gongwen reads: the one place a file becomes a Report.

    A text file is decoded with ``encoding`` and ``errors``; an HTML page, a PDF or a Word file (told by
    its content, not only its name) is read by :mod:`gongwen.formats`, and its Report carries the
    ``source``.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    fmt = formats.detect_format(data, name)
    if fmt is formats.SourceFormat.TXT:
        decoded = decode_report(data, name=name, encoding=encoding, errors=errors)
        return Read(parse(decoded.text), decoded.encoding, decoded.issues)
    source = formats.read_bytes(data, name=name, format=fmt)
    return Read(formats.parse_source(source), source.encoding)


def parse_file(
    path: str | os.PathLike[str],
    *,
    file: str | None = None,
    timeout: float | None = None,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> FileOutcome:
    """Read, decode and parse one file into its table rows; never raises for a bad file.

    ``file`` is the name written in the rows (default: the path as given). A file that cannot be read,
    decoded or parsed gives ``ok=False`` with the exception's type name and message. ``encoding`` and
    ``errors`` are those of :func:`gongwen.io.decode`; what was wrong with the bytes (characters
    replaced, or lost to a lossy conversion) becomes rows of the ``warnings`` table. With ``timeout``
    (seconds), a file that takes longer gives ``ok=False`` with ``ParseTimeoutError`` (POSIX only, from
    the main thread of its process: the limit is a ``SIGALRM`` timer).
    """
    name = os.fspath(path) if file is None else file
    started = time.perf_counter()
    try:
        with time_limit(timeout, name):
            read = read_report(path, name=name, encoding=encoding, errors=errors)
            tables = report_rows(read.report, file=name)
    except Exception as exc:
        message = str(exc)
        if isinstance(exc, OSError) and exc.strerror:
            message = f"{name}: {exc.strerror}"
        return FileOutcome(
            file=name,
            ok=False,
            seconds=time.perf_counter() - started,
            error=type(exc).__name__,
            message=message,
        )
    tables["warnings"] = [
        {"file": name, "warning": issue.kind, "count": issue.count, "message": issue.message}
        for issue in read.issues
    ]
    return FileOutcome(
        file=name,
        ok=True,
        tables=tables,
        counts={table: len(rows) for table, rows in tables.items()},
        encoding=read.encoding,
        chars=len(read.report.text),
        seconds=time.perf_counter() - started,
    )
