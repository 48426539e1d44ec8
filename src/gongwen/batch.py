"""Parsing a corpus: many reports in parallel, in input order, and tables of what they hold.

* :func:`parse_many` parses texts and files on all cores and yields the :class:`~gongwen.model.Report`
  objects in input order; a folder or glob pattern stands for the files under it.
* :func:`write_tables` is ``gongwen batch``: it parses every file under the inputs into csv, jsonl or
  parquet tables in a folder, with a manifest so that a re-run skips the files already done and keeps
  the rows of every file done before, whatever inputs it is given.

The parts live in modules of their own, re-exported here: :mod:`gongwen.files` (finding and reading
files, :func:`parse_file`), :mod:`gongwen.runner` (the parallel map and the time limit),
:mod:`gongwen.schema` (the columns and types of the tables, :func:`report_rows`) and
:mod:`gongwen.writers` (the table files, the manifest and resuming).

Work is spread over processes with :class:`concurrent.futures.ProcessPoolExecutor`. As with any use of
``multiprocessing``, a script that calls these functions with ``workers`` other than 1 should do so under
``if __name__ == "__main__":`` (needed where processes are spawned rather than forked: Windows, macOS,
and Linux from Python 3.14 on).
"""

from __future__ import annotations

import functools
import os
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from gongwen import formats
from gongwen.errors import GongwenError, ReportDecodeWarning
from gongwen.files import FileOutcome, expand_items, find_files, parse_file, read_report
from gongwen.io import ERRORS, Errors, decode_report
from gongwen.model import Report
from gongwen.parser import parse
from gongwen.resume import BatchSummary, ProgressCallback, Run, package_version
from gongwen.runner import check_timeout, ordered_map, resolve_workers
from gongwen.schema import (
    FORMATS,
    read_metrics,
    read_table,
    report_rows,
    require_pyarrow,
    table_columns,
    table_dtypes,
)
from gongwen.writers import exclusive

__all__ = [
    "FORMATS",
    "BatchSummary",
    "FileOutcome",
    "find_files",
    "package_version",
    "parse_file",
    "parse_many",
    "read_metrics",
    "read_table",
    "report_rows",
    "table_columns",
    "table_dtypes",
    "write_tables",
]

# ---------------------------------------------------------------------------------------------------------
# parse_many


def _parse_item(item: str | os.PathLike[str], encoding: str | None, errors: Errors) -> tuple[Report, list[str]]:
    if isinstance(item, os.PathLike):
        read = read_report(item, name=os.fspath(item), encoding=encoding, errors=errors)
        return read.report, [issue.message for issue in read.issues]
    return parse(item), []


def parse_many(
    items: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    workers: int | None = None,
    chunksize: int | None = None,
    pattern: str = formats.DEFAULT_PATTERN,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Iterator[Report]:
    """Parse many reports in parallel; yield their Reports in input order.

    Each item is either the text of a report (a ``str``) or a file to read (any :class:`os.PathLike`,
    e.g. a :class:`pathlib.Path`; a text file read as by :func:`gongwen.io.read_text` with ``encoding``
    and ``errors``, an HTML page, a PDF or a Word file as by :func:`gongwen.read`). A plain ``str``
    inside a list is always taken as text. A folder or a glob pattern, given
    alone (``parse_many(Path("corpus"))``, ``parse_many("corpus/**/*.txt")``) or as a ``Path`` in the
    list, stands for the files under it whose names match ``pattern``, in the order of
    :func:`find_files` (so ``zip(find_files([folder]), parse_many(folder))`` pairs each file with its
    Report). Bytes that had to be replaced, or characters lost to a lossy conversion, give a
    :class:`~gongwen.errors.ReportDecodeWarning` here.

    ``workers=None`` uses every core (``os.cpu_count()``), ``workers=1`` parses in this process, one item
    at a time. Items are sent to the worker processes in chunks of ``chunksize`` (chosen from the number of
    items when omitted) and ``items`` is consumed lazily, so a generator over a large corpus is fine.

    If an item cannot be parsed (a file that is missing or not text), its exception is raised after the
    Reports of all the items before it, with a note naming the item. To go on past bad files, use
    :func:`write_tables` (``gongwen batch``), which records them as failures.

    >>> [len(r.headings) for r in parse_many(["一、总体情况\\n二、存在问题", "无标题"], workers=1)]
    [2, 0]
    """
    resolve_workers(workers, None)  # bad arguments raise here, not as a failed item
    if errors not in ERRORS:
        raise ValueError(f"errors must be 'strict' or 'replace', got {errors!r}")
    expanded = expand_items(items, pattern)
    work = functools.partial(_parse_item, encoding=encoding, errors=errors)
    done = 0
    try:
        for report, messages in ordered_map(work, expanded, workers=workers, chunksize=chunksize):
            done += 1
            for message in messages:
                warnings.warn(message, ReportDecodeWarning, stacklevel=2)
            yield report
    except Exception as exc:
        what = ""
        if isinstance(expanded, Sequence) and done < len(expanded):
            item = expanded[done]
            what = os.fspath(item) if isinstance(item, os.PathLike) else f"a text of {len(item)} characters"
            what = f" ({what})"
        exc.add_note(f"gongwen.parse_many: while parsing item {done}{what}")
        raise


# ---------------------------------------------------------------------------------------------------------
# write_tables


def write_tables(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    format: str = "csv",
    workers: int | None = None,
    force: bool = False,
    prune: bool = False,
    pattern: str = formats.DEFAULT_PATTERN,
    chunksize: int | None = None,
    progress: ProgressCallback | None = None,
    timeout: float | None = None,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> BatchSummary:
    """Parse every file under ``inputs`` into tables in the folder ``out`` (this is ``gongwen batch``).

    Writes ``documents``, ``headings``, ``metrics``, ``failures`` and ``warnings`` as ``.csv`` (UTF-8),
    ``.jsonl`` or ``.parquet`` (needs pyarrow), with the columns and types of :mod:`gongwen.schema`, and
    ``manifest.jsonl``: one line per file done, with its size and modification time. A file that cannot
    be read, decoded or parsed becomes a row of ``failures`` (file, error type, message) and the batch
    goes on; a file read with bytes replaced (``errors="replace"``) or with characters lost to a lossy
    conversion gets rows in ``warnings`` (file, kind, count, message). ``encoding`` and ``errors`` are
    those of :func:`gongwen.io.decode`.

    **Nothing is dropped silently.** Run again over the same ``out``, it skips the files the manifest
    lists with the same size, mtime and gongwen version, parses new and changed files (a changed file's
    earlier rows are replaced), and *keeps the rows of every earlier file that is not among these inputs*.
    ``prune=True`` drops those instead (listed in :attr:`BatchSummary.dropped`); ``force=True`` starts
    over. Two different files written under the same name (a relative path given from another folder)
    are refused with a :class:`~gongwen.errors.GongwenError` naming both.

    Rows are flushed about once a second, before the manifest lines of their files, so an interrupted run
    (Ctrl-C returns a summary with ``interrupted=True``) resumes cleanly. A worker process that dies (out
    of memory, a crash in C code) costs only the file it was on, recorded as ``WorkerCrashed``. Two runs
    cannot write the same ``out`` at once (a lock file, on POSIX).

    Files are found as by :func:`find_files` (files inside ``out`` itself are left out); an input that
    matches nothing is recorded as a failure. ``progress(done, total, failed, outcome)`` is called after
    each file. ``timeout`` (seconds, POSIX only) records a file that takes longer to parse as a
    ``ParseTimeoutError`` failure and goes on.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")
    if errors not in ERRORS:
        raise ValueError(f"errors must be 'strict' or 'replace', got {errors!r}")
    if encoding is not None:
        decode_report(b"", encoding=encoding)  # an unknown encoding is refused before any work
    if format == "parquet":
        require_pyarrow()
    check_timeout(timeout, in_this_thread=resolve_workers(workers, None) == 1)
    started = time.perf_counter()
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise GongwenError(f"--out {out_dir} is a file, not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    with exclusive(out_dir):
        run = Run(out_dir, format, workers, chunksize, progress, timeout, encoding, errors)
        given = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)  # one path, or many
        return run.write(given, force=force, prune=prune, pattern=pattern, started=started)
