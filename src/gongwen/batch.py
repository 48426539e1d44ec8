"""Parsing a corpus: many reports in parallel, in input order, and tables of what they hold.

* :func:`parse_many` parses texts and files on all cores and yields the :class:`~gongwen.model.Report`
  objects in input order.
* :func:`report_rows` flattens one Report into rows for the ``documents``, ``headings`` and ``metrics``
  tables (each row names its file, document and section path), the rows ``gongwen batch`` writes and
  :mod:`gongwen.integrations.dask` builds its frames from.
* :func:`find_files` expands files, folders and glob patterns into the files to parse.
* :func:`write_tables` is ``gongwen batch``: it parses every file under the inputs into csv, jsonl or
  parquet tables in a folder, with a manifest so that a re-run skips the files already done.

Work is spread over processes with :class:`concurrent.futures.ProcessPoolExecutor`. As with any use of
``multiprocessing``, a script that calls these functions with ``workers`` other than 1 should do so under
``if __name__ == "__main__":`` (needed where processes are spawned rather than forked: Windows, macOS,
and Linux from Python 3.14 on).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import glob
import importlib.util
import io
import itertools
import json
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from gongwen import formats
from gongwen.errors import GongwenError, ParseTimeoutError
from gongwen.io import decode_with_encoding, read_text
from gongwen.model import Heading, Metric, Report, Span
from gongwen.parser import parse

__all__ = [
    "BatchSummary",
    "FileOutcome",
    "find_files",
    "package_version",
    "parse_file",
    "parse_many",
    "report_rows",
    "table_columns",
    "table_dtypes",
    "write_tables",
]

T = TypeVar("T")
R = TypeVar("R")

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")
TABLES: tuple[str, ...] = ("documents", "headings", "metrics", "failures")
MANIFEST = "manifest.jsonl"
LOCK = ".gongwen-batch.lock"

# ---------------------------------------------------------------------------------------------------------
# Ordered parallel map


def _resolve_workers(workers: int | None, count: int | None) -> int:
    if workers is None:
        workers = os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int or None, got {type(workers).__name__}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (or None for all cores), got {workers}")
    if count is not None:
        workers = max(1, min(workers, count))
    return workers


def _default_chunksize(count: int | None, workers: int) -> int:
    if count is None:
        return 4
    return max(1, min(16, count // (workers * 8)))


def _run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> tuple[list[R], BaseException | None]:
    """Apply ``func`` to each item; on an exception, the results so far and the exception."""
    results: list[R] = []
    for item in chunk:
        try:
            results.append(func(item))
        except Exception as exc:
            return results, exc
    return results, None


def _ordered_map(
    func: Callable[[T], R], items: Iterable[T], *, workers: int | None, chunksize: int | None = None
) -> Generator[R, None, None]:
    """``map(func, items)`` over a process pool, in input order, reading ``items`` lazily.

    ``func`` must be picklable (a module-level function). At most a few chunks per worker are in flight,
    so memory stays bounded however long ``items`` is. An exception raised by ``func`` is raised here
    after the results of the items before it have been yielded.
    """
    count = len(items) if isinstance(items, Sequence) else None
    n = _resolve_workers(workers, count)
    if n == 1:
        yield from map(func, items)
        return
    size = chunksize if chunksize is not None else _default_chunksize(count, n)
    if size < 1:
        raise ValueError(f"chunksize must be at least 1, got {size}")
    source = iter(items)
    pool = ProcessPoolExecutor(max_workers=n)
    pending: deque[Future[tuple[list[R], BaseException | None]]] = deque()

    def submit() -> bool:
        chunk = list(itertools.islice(source, size))
        if not chunk:
            return False
        pending.append(pool.submit(_run_chunk, func, chunk))
        return True

    try:
        more = True
        while more and len(pending) < n * 4:
            more = submit()
        while pending:
            results, error = pending.popleft().result()
            if more:
                more = submit()
            yield from results
            if error is not None:
                raise error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------------------
# parse_many


def _parse_item(item: str | os.PathLike[str]) -> Report:
    if isinstance(item, os.PathLike):
        if formats.detect_path(item) is not formats.SourceFormat.TXT:
            return formats.parse_source(formats.read(item))
        return parse(read_text(item))
    return parse(item)


def parse_many(
    items: Iterable[str | os.PathLike[str]], *, workers: int | None = None, chunksize: int | None = None
) -> Iterator[Report]:
    """Parse many reports in parallel; yield their Reports in input order.

    Each item is either the text of a report (a ``str``) or a file to read (any :class:`os.PathLike`,
    e.g. a :class:`pathlib.Path`; it is read with :func:`gongwen.read`, so any encoding and format it
    supports). Wrap file names in :class:`~pathlib.Path`: a plain ``str`` is always taken as text.

    ``workers=None`` uses every core (``os.cpu_count()``), ``workers=1`` parses in this process, one item
    at a time. Items are sent to the worker processes in chunks of ``chunksize`` (chosen from the number of
    items when omitted) and ``items`` is consumed lazily, so a generator over a large corpus is fine.

    If an item cannot be parsed (a file that is missing or not text), its exception is raised after the
    Reports of all the items before it, with a note naming the item. To go on past bad files, use
    :func:`write_tables` (``gongwen batch``), which records them as failures.

    >>> [len(r.headings) for r in parse_many(["一、总体情况\\n二、存在问题", "无标题"], workers=1)]
    [2, 0]
    """
    _resolve_workers(workers, None)  # bad arguments raise here, not as a failed item
    done = 0
    try:
        for report in _ordered_map(_parse_item, items, workers=workers, chunksize=chunksize):
            done += 1
            yield report
    except Exception as exc:
        what = ""
        if isinstance(items, Sequence) and done < len(items):
            item = items[done]
            what = os.fspath(item) if isinstance(item, os.PathLike) else f"a text of {len(item)} characters"
            what = f" ({what})"
        exc.add_note(f"gongwen.parse_many: while parsing item {done}{what}")
        raise


# ---------------------------------------------------------------------------------------------------------
# Tables


@functools.cache
def table_columns() -> Mapping[str, tuple[str, ...]]:
    """The columns of the ``documents``, ``headings``, ``metrics`` and ``failures`` tables, in order."""
    heading = Heading(
        index=0,
        span=Span(0, 0),
        line=0,
        style="",
        marker="",
        number=None,
        level=1,
        title="",
        inline=False,
        document=0,
    )
    metric = Metric(span=Span(0, 0), text="", value=None, unit="", kind="other")
    lead = ("file", "document", "section")
    return {
        "documents": ("file", "document", "start", "end", "title", "headings", "metrics"),
        "headings": (*lead, *(k for k in heading.to_dict() if k not in lead), "page"),
        "metrics": (*lead, *(k for k in metric.to_dict() if k not in lead), "page"),
        "failures": ("file", "error", "message"),
    }


_INT_COLUMNS = frozenset(
    {
        "document",
        "start",
        "end",
        "index",
        "line",
        "number",
        "level",
        "parent",
        "heading",
        "headings",
        "metrics",
        "page",
    }
)
_BOOL_COLUMNS = frozenset({"inline", "redacted"})


def table_dtypes(table: str) -> dict[str, str]:
    """pandas dtypes for a table's columns: nullable ``Int64``/``boolean``, ``object`` for text.

    Quantities (``value``, ``low``, ``high``) stay exact decimal strings.
    """
    return {
        column: "Int64" if column in _INT_COLUMNS else "boolean" if column in _BOOL_COLUMNS else "object"
        for column in table_columns()[table]
    }


def report_rows(report: Report, *, file: str = "") -> dict[str, list[dict[str, Any]]]:
    """One Report as rows of the ``documents``, ``headings`` and ``metrics`` tables.

    Every row starts with ``file`` (as given), ``document`` (its index in the report) and, for headings
    and metrics, ``section``: the titles of the sections from the top of the outline down to the item,
    joined by `` > `` (for a heading, down to and including its own title). The other columns are the
    item's fields as in ``to_dict()``; quantities are exact decimal strings.
    """
    paths: dict[int, str] = {}
    for section in report.walk():
        if section.heading is not None:
            paths[section.heading.index] = " > ".join(section.path)
    heading_counts = {d.index: 0 for d in report.documents}
    metric_counts = {d.index: 0 for d in report.documents}
    headings = []
    for heading, row in zip(report.headings, report.headings_table(), strict=True):
        heading_counts[heading.document] = heading_counts.get(heading.document, 0) + 1
        lead = {
            "file": file,
            "document": heading.document,
            "section": paths.get(heading.index, heading.title),
        }
        headings.append(lead | {k: v for k, v in row.items() if k not in lead} | {"page": row.get("page")})
    metrics = []
    for metric, row in zip(report.metrics, report.metrics_table(), strict=True):
        metric_counts[metric.document] = metric_counts.get(metric.document, 0) + 1
        lead = {"file": file, "document": metric.document, "section": row.get("section", "")}
        metrics.append(lead | {k: v for k, v in row.items() if k not in lead} | {"page": row.get("page")})
    documents = [
        {
            "file": file,
            "document": d.index,
            "start": d.span.start,
            "end": d.span.end,
            "title": d.title,
            "headings": heading_counts.get(d.index, 0),
            "metrics": metric_counts.get(d.index, 0),
        }
        for d in report.documents
    ]
    return {"documents": documents, "headings": headings, "metrics": metrics}


# ---------------------------------------------------------------------------------------------------------
# Finding files


def _walk(folder: Path, pattern: str) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and formats.matches_pattern(name, pattern):
                found.append(Path(dirpath) / name)
    return found


def _discover(inputs: Iterable[str | os.PathLike[str]], pattern: str) -> tuple[list[Path], list[str]]:
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


def find_files(inputs: Iterable[str | os.PathLike[str]], *, pattern: str = formats.DEFAULT_PATTERN) -> list[Path]:
    """The files to parse: each input is a file (taken whatever its name), a folder (every file under it
    whose name matches ``pattern``, recursively, hidden ones skipped) or a glob pattern (``corpus/**/*.txt``).
    ``pattern`` may list several patterns separated by commas and matches case-insensitively; the default
    takes every format gongwen reads (``.txt``, ``.htm``/``.html``, ``.pdf``, ``.docx``).

    In input order, sorted within a folder, each file once. Raises :class:`FileNotFoundError` for an input
    that is not a file or folder and matches nothing.
    """
    files, missing = _discover(inputs, pattern)
    if missing:
        raise FileNotFoundError(f"no such file or folder, and no file matches it as a pattern: {missing[0]}")
    return files


# ---------------------------------------------------------------------------------------------------------
# One file in a worker


@attrs.frozen
class FileOutcome:
    """What parsing one file gave: its table rows, or the error that stopped it.

    ``counts`` is the number of rows of each table. Inside :func:`write_tables` the rows come back from the
    worker processes already written out as csv or jsonl text (``rendered``) and ``tables`` is empty.
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


def parse_file(path: str | os.PathLike[str], *, file: str | None = None, timeout: float | None = None) -> FileOutcome:
    """Read, decode and parse one file into its table rows; never raises for a bad file.

    ``file`` is the name written in the rows (default: the path as given). A file that cannot be read,
    decoded or parsed gives ``ok=False`` with the exception's type name and message. With ``timeout``
    (seconds), a file that takes longer gives ``ok=False`` with ``ParseTimeoutError`` (POSIX only, from
    the main thread of its process: the limit is a ``SIGALRM`` timer).
    """
    name = os.fspath(path) if file is None else file
    started = time.perf_counter()
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        with _time_limit(timeout, name):
            fmt = formats.detect_format(data, name)
            encoding: str | None
            if fmt is formats.SourceFormat.TXT:
                text, encoding = decode_with_encoding(data, name=name)
                report = parse(text)
            else:  # HTML, PDF, Word: the text parsed is what gongwen.formats extracts from the file
                source = formats.read_bytes(data, name=name, format=fmt)
                text, encoding = source.text, source.encoding
                report = formats.parse_source(source)
            tables = report_rows(report, file=name)
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
    return FileOutcome(
        file=name,
        ok=True,
        tables=tables,
        counts={table: len(rows) for table, rows in tables.items()},
        encoding=encoding,
        chars=len(text),
        seconds=time.perf_counter() - started,
    )


@contextlib.contextmanager
def _time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Raise :class:`ParseTimeoutError` in the block if it runs longer than ``seconds`` (``None``: no limit)."""
    if seconds is None:
        yield
        return
    check_timeout(seconds, in_this_thread=True)

    def expired(signum: int, frame: Any) -> None:
        raise ParseTimeoutError(
            f"{name}: parsing took longer than {seconds:g} s (the --timeout); split the file or allow more time"
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_timeout(seconds: float | None, *, in_this_thread: bool) -> None:
    """Raise a clear error if a per-file time limit of ``seconds`` cannot be kept (``in_this_thread``: the
    files are parsed in the calling thread, not in worker processes)."""
    if seconds is None:
        return
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0:
        raise GongwenError(f"timeout must be a number of seconds above 0, got {seconds!r}")
    if not hasattr(signal, "SIGALRM"):
        raise GongwenError("a per-file timeout needs POSIX signals (SIGALRM), which this system lacks: drop it")
    if in_this_thread and threading.current_thread() is not threading.main_thread():
        raise GongwenError(
            "a per-file timeout with workers=1 must run in the main thread: use workers=2 or more, "
            "or drop the timeout"
        )


Job = tuple[str, str, str, float | None]  # path to read, name to write in the rows, table format, time limit


def _parse_job(job: Job) -> FileOutcome:
    """Parse one file in a worker; for csv and jsonl, also write its rows out as text there."""
    path, file, fmt, timeout = job
    outcome = parse_file(path, file=file, timeout=timeout)
    if not outcome.ok or fmt not in ("csv", "jsonl"):
        return outcome
    columns = table_columns()
    rendered = {table: _render_rows(rows, columns[table], fmt) for table, rows in outcome.tables.items()}
    return attrs.evolve(outcome, tables={}, rendered=rendered)


def _crashed(job: Job) -> FileOutcome:
    return FileOutcome(
        file=job[1],
        ok=False,
        error="WorkerCrashed",
        message=f"{job[1]}: the process parsing this file died (out of memory, or a crash in an extension)",
    )


def _outcomes(jobs: Sequence[Job], *, workers: int | None, chunksize: int | None) -> Generator[FileOutcome, None, None]:
    """The outcome of each job, in order, surviving worker processes that die.

    When a worker dies (killed for memory, a crash in C code), the pool is broken and the jobs in flight are
    lost. The first job without an outcome is then run alone in a fresh process: if that one dies too, it
    is recorded as a failure; either way the batch goes on with a new pool for the rest.
    """
    start = 0
    while start < len(jobs):
        remaining = jobs[start:]
        try:
            for outcome in _ordered_map(_parse_job, remaining, workers=workers, chunksize=chunksize):
                start += 1
                yield outcome
            return
        except BrokenProcessPool:
            pass
        suspect = jobs[start]
        try:
            with ProcessPoolExecutor(max_workers=1) as alone:
                outcome = alone.submit(_parse_job, suspect).result()
        except BrokenProcessPool:
            outcome = _crashed(suspect)
        start += 1
        yield outcome


# ---------------------------------------------------------------------------------------------------------
# Table writers


def _import_pandas_for_parquet() -> Any:
    try:
        import pandas

        if importlib.util.find_spec("pyarrow") is None:
            raise ImportError("pyarrow")
    except ImportError as exc:
        raise GongwenError(
            "--format parquet needs pandas and pyarrow: pip install 'gongwen[pandas]' pyarrow "
            "(or use --format csv or jsonl)"
        ) from exc
    return pandas


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " > ".join(str(v) for v in value)
    return value


def _render_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> str:
    """Rows as csv lines (no header) or JSON lines, in the given column order."""
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows([_csv_value(row.get(c)) for c in columns] for row in rows)
        return buffer.getvalue()
    return "".join(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n" for row in rows)


class _Writer:
    """Appends rows to one table file (csv or jsonl), or collects them (parquet)."""

    def __init__(self, path: Path, fmt: str, columns: tuple[str, ...]) -> None:
        self.path, self.fmt, self.columns = path, fmt, columns
        self.rows: list[dict[str, Any]] = []
        self.handle: IO[str] | None = None
        if fmt == "csv":
            fresh = not path.exists() or path.stat().st_size == 0
            mode, encoding = ("w", "utf-8-sig") if fresh else ("a", "utf-8")
            self.handle = open(path, mode, encoding=encoding, newline="")  # noqa: SIM115 - closed in close()
            if fresh:
                csv.writer(self.handle).writerow(columns)
        elif fmt == "jsonl":
            self.handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, row: dict[str, Any]) -> None:
        if self.handle is not None:
            self.handle.write(_render_rows([row], self.columns, self.fmt))
        else:
            self.rows.append(row)

    def write_text(self, text: str) -> None:
        """Rows already written out by :func:`_render_rows` in this writer's format."""
        assert self.handle is not None
        self.handle.write(text)

    def flush(self) -> None:
        if self.handle is not None:
            self.handle.flush()

    def close(self, kept: Any = None) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
            return
        if self.fmt == "parquet":
            pandas = _import_pandas_for_parquet()
            table = self.path.name.rsplit(".", 1)[0]
            frame = pandas.DataFrame(self.rows, columns=list(self.columns))
            if kept is not None and len(kept):
                frame = pandas.concat([kept, frame], ignore_index=True) if len(frame) else kept
            frame = frame.astype(table_dtypes(table))
            tmp = self.path.with_name(self.path.name + ".tmp")
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, self.path)


def _filter_text_table(path: Path, fmt: str, columns: tuple[str, ...], keep: set[str]) -> None:
    """Drop the rows of files not in ``keep`` from an existing csv or jsonl table (rewrite only if needed)."""
    if not path.exists():
        return
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                return
            if tuple(header) != columns:
                raise GongwenError(
                    f"{path} has other columns than this version of gongwen writes; "
                    "use --force to redo the batch, or another --out folder"
                )
            width = len(columns)
            stale = any(len(r) != width or r[0] not in keep for r in reader)
        if not stale:
            return
        tmp = path.with_name(path.name + ".tmp")
        with (
            open(path, encoding="utf-8-sig", newline="") as src,
            open(tmp, "w", encoding="utf-8-sig", newline="") as dst,
        ):
            reader = csv.reader(src)
            writer = csv.writer(dst)
            writer.writerow(next(reader))
            for r in reader:
                if len(r) == width and r[0] in keep:
                    writer.writerow(r)
        os.replace(tmp, path)
        return
    kept_lines: list[str] = []
    stale = False
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                stale = True
                continue
            if isinstance(record, dict) and record.get("file") in keep:
                if set(record) != set(columns):
                    raise GongwenError(
                        f"{path} has other columns than this version of gongwen writes; "
                        "use --force to redo the batch, or another --out folder"
                    )
                kept_lines.append(line if line.endswith("\n") else line + "\n")
            else:
                stale = True
    if stale:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.writelines(kept_lines)
        os.replace(tmp, path)


def _read_parquet_kept(path: Path, columns: tuple[str, ...], keep: set[str]) -> Any:
    if not path.exists():
        return None
    pandas = _import_pandas_for_parquet()
    frame = pandas.read_parquet(path)
    if tuple(frame.columns) != columns:
        raise GongwenError(
            f"{path} has other columns than this version of gongwen writes; "
            "use --force to redo the batch, or another --out folder"
        )
    return frame[frame["file"].isin(keep)]


# ---------------------------------------------------------------------------------------------------------
# write_tables


@attrs.frozen
class BatchSummary:
    """What one :func:`write_tables` run did."""

    out: Path
    format: str
    found: int
    skipped: int
    parsed: int
    failed: int
    documents: int
    headings: int
    metrics: int
    seconds: float
    interrupted: bool = False
    failures: tuple[tuple[str, str, str], ...] = ()

    @property
    def attempted(self) -> int:
        """Files parsed or failed in this run (not the ones skipped as already done)."""
        return self.parsed + self.failed

    @property
    def files_per_second(self) -> float:
        return self.attempted / self.seconds if self.seconds > 0 else 0.0


def package_version() -> str:
    """The installed gongwen's version: ``gongwen.__version__``, else the distribution's metadata."""
    import gongwen

    found = getattr(gongwen, "__version__", None)
    if isinstance(found, str):
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gongwen")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
        return "unknown"


def _load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return records
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short by an interrupted run
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                records[record["path"]] = record
    return records


def _existing_format(out: Path) -> str | None:
    for fmt in FORMATS:
        if any((out / f"{table}.{fmt}").exists() for table in TABLES):
            return fmt
    return None


ProgressCallback = Callable[[int, int, int, FileOutcome], None]


def write_tables(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    format: str = "csv",
    workers: int | None = None,
    force: bool = False,
    pattern: str = formats.DEFAULT_PATTERN,
    chunksize: int | None = None,
    progress: ProgressCallback | None = None,
    timeout: float | None = None,
) -> BatchSummary:
    """Parse every file under ``inputs`` into tables in the folder ``out`` (this is ``gongwen batch``).

    Writes ``documents``, ``headings``, ``metrics`` and ``failures`` as ``.csv`` (UTF-8 with a BOM, so
    Excel opens it), ``.jsonl`` or ``.parquet`` (needs pandas and pyarrow), and ``manifest.jsonl``: one
    line per file done, with its size and modification time. A file that cannot be read, decoded or
    parsed becomes a row of ``failures`` (file, error type, message) and the batch goes on.

    Run again over the same ``out``, it skips the files the manifest lists with the same size, mtime and
    gongwen version, keeps their rows, and parses the rest (new or changed files; a changed file's old rows
    are dropped); ``force=True`` starts over. Rows are flushed about once a second, before the manifest
    lines of their files, so an interrupted run (Ctrl-C returns a summary with ``interrupted=True``) resumes
    cleanly. A worker process that dies (out of memory, a crash in C code) costs only the file it was on,
    recorded as ``WorkerCrashed``. Two runs cannot write the same ``out`` at once (a lock file, on POSIX).

    Files are found as by :func:`find_files` (files inside ``out`` itself are left out); an input that
    matches nothing is recorded as a failure. ``progress(done, total, failed, outcome)`` is called after
    each file. ``timeout`` (seconds, POSIX only) records a file that takes longer to parse as a
    ``ParseTimeoutError`` failure and goes on.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")
    if format == "parquet":
        _import_pandas_for_parquet()
    check_timeout(timeout, in_this_thread=_resolve_workers(workers, None) == 1)
    started = time.perf_counter()
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise GongwenError(f"--out {out_dir} is a file, not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(out_dir):
        return _write_tables(
            inputs,
            out_dir,
            fmt=format,
            workers=workers,
            force=force,
            pattern=pattern,
            chunksize=chunksize,
            progress=progress,
            started=started,
            timeout=timeout,
        )


@contextlib.contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """Hold a lock on ``out_dir`` so that two batches cannot write the same tables at once (POSIX only)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with open(out_dir / LOCK, "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise GongwenError(
                f"another gongwen batch is writing to {out_dir}: wait for it to finish, or use another --out folder"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_tables(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: Path,
    *,
    fmt: str,
    workers: int | None,
    force: bool,
    pattern: str,
    chunksize: int | None,
    progress: ProgressCallback | None,
    started: float,
    timeout: float | None,
) -> BatchSummary:
    manifest_path = out_dir / MANIFEST
    if force:
        for old in FORMATS:
            for table in TABLES:
                (out_dir / f"{table}.{old}").unlink(missing_ok=True)
        manifest_path.unlink(missing_ok=True)
    else:
        existing = _existing_format(out_dir)
        if existing is not None and existing != fmt:
            raise GongwenError(
                f"{out_dir} holds {existing} tables from an earlier run: use --format {existing} "
                "to resume it, --force to start over, or another --out folder"
            )

    version = package_version()
    files, missing = _discover(inputs, pattern)
    own = os.path.realpath(out_dir) + os.sep
    files = [f for f in files if not os.path.realpath(f).startswith(own)]  # never our own output
    previous = _load_manifest(manifest_path)
    done: dict[str, dict[str, Any]] = {}
    jobs: list[Job] = []
    stats: dict[str, tuple[int, int]] = {}
    for path in files:
        key = os.path.realpath(path)
        try:
            st = path.stat()
        except OSError:
            jobs.append((str(path), str(path), fmt, timeout))
            continue
        stats[key] = (st.st_size, st.st_mtime_ns)
        record = previous.get(key)
        if (
            record is not None
            and record.get("size") == st.st_size
            and record.get("mtime_ns") == st.st_mtime_ns
            and record.get("gongwen") == version
            and record.get("format") == fmt
        ):
            done[key] = record
        else:
            jobs.append((str(path), str(path), fmt, timeout))

    # Keep the rows of the files done before (under the name they were written with); drop the rest.
    keep = {str(record["file"]) for record in done.values()}
    columns = table_columns()
    kept_frames: dict[str, Any] = {}
    for table in TABLES:
        path = out_dir / f"{table}.{fmt}"
        if fmt == "parquet":
            kept_frames[table] = _read_parquet_kept(path, columns[table], keep)
        else:
            _filter_text_table(path, fmt, columns[table], keep)
    tmp_manifest = manifest_path.with_name(MANIFEST + ".tmp")
    with open(tmp_manifest, "w", encoding="utf-8") as handle:
        for record in done.values():
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp_manifest, manifest_path)

    writers = {table: _Writer(out_dir / f"{table}.{fmt}", fmt, columns[table]) for table in TABLES}
    manifest = open(manifest_path, "a", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
    pending_manifest: list[str] = []
    counts = dict.fromkeys(("parsed", "failed", "documents", "headings", "metrics"), 0)
    failures: list[tuple[str, str, str]] = []
    total = len(jobs) + len(missing)
    last_flush = time.monotonic()
    interrupted = False

    def flush() -> None:
        for writer in writers.values():
            writer.flush()
        manifest.writelines(pending_manifest)
        manifest.flush()
        pending_manifest.clear()

    def record_failure(outcome: FileOutcome) -> None:
        counts["failed"] += 1
        failure = (outcome.file, outcome.error or "Error", outcome.message or "")
        failures.append(failure)
        writers["failures"].write(dict(zip(columns["failures"], failure, strict=True)))

    try:
        for name in missing:
            outcome = FileOutcome(
                file=name,
                ok=False,
                error="FileNotFoundError",
                message=f"{name}: no such file or folder, and no file matches it as a pattern",
            )
            record_failure(outcome)
            if progress is not None:
                progress(counts["parsed"] + counts["failed"], total, counts["failed"], outcome)
        results = _outcomes(jobs, workers=workers, chunksize=chunksize)
        try:
            for (path_str, _, _, _), outcome in zip(jobs, results, strict=True):
                if outcome.ok:
                    counts["parsed"] += 1
                    for table, count in outcome.counts.items():
                        counts[table] += count
                    for table, text in outcome.rendered.items():
                        writers[table].write_text(text)
                    for table, rows in outcome.tables.items():
                        for row in rows:
                            writers[table].write(row)
                else:
                    record_failure(outcome)
                key = os.path.realpath(path_str)
                if key in stats:
                    size, mtime_ns = stats[key]
                    record = {
                        "file": outcome.file,
                        "path": key,
                        "size": size,
                        "mtime_ns": mtime_ns,
                        "status": "ok" if outcome.ok else "failed",
                        "encoding": outcome.encoding,
                        "chars": outcome.chars,
                        "error": outcome.error,
                        "gongwen": version,
                        "format": fmt,
                    }
                    if outcome.ok:
                        record |= {t: outcome.counts.get(t, 0) for t in ("documents", "headings", "metrics")}
                    pending_manifest.append(json.dumps(record, ensure_ascii=False) + "\n")
                if progress is not None:
                    progress(counts["parsed"] + counts["failed"], total, counts["failed"], outcome)
                if fmt != "parquet" and time.monotonic() - last_flush > 1.0:
                    flush()
                    last_flush = time.monotonic()
        except KeyboardInterrupt:
            interrupted = True
        finally:
            results.close()
    finally:
        for table, writer in writers.items():
            writer.close(kept_frames.get(table))
        flush()
        manifest.close()

    return BatchSummary(
        out=out_dir,
        format=fmt,
        found=len(files) + len(missing),
        skipped=len(done),
        parsed=counts["parsed"],
        failed=counts["failed"],
        documents=counts["documents"],
        headings=counts["headings"],
        metrics=counts["metrics"],
        seconds=time.perf_counter() - started,
        interrupted=interrupted,
        failures=tuple(failures),
    )
