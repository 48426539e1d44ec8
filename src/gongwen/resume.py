"""One ``gongwen batch`` run: which files to parse, which earlier rows to keep, and the writing loop.

The manifest of the output folder knows every file done before. A run keeps every earlier file's rows
unless it parses that file again (new, changed, or done by another gongwen version: its rows are
replaced), is told to prune (``prune=True``: the files not among the inputs are dropped, and listed), or
starts over (``force=True``). Rows an interrupted run wrote before recording their file are dropped and
listed. Two different files under one name are refused. Nothing is dropped without being reported in
the :class:`BatchSummary`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from gongwen.errors import GongwenError
from gongwen.files import FileOutcome, discover, parse_file
from gongwen.io import Errors
from gongwen.runner import resilient_map
from gongwen.schema import FORMATS, table_columns
from gongwen.writers import MANIFEST, TABLES, TableWriter, existing_format, filter_table, load_manifest, render_rows

__all__ = ["BatchSummary", "Job", "ProgressCallback", "Run", "package_version"]


class Job(NamedTuple):
    """One file for a worker to parse."""

    path: str  # the file to read
    file: str  # the name written in its rows
    fmt: str
    timeout: float | None
    encoding: str | None
    errors: Errors


def parse_job(job: Job) -> FileOutcome:
    """Parse one file in a worker; for csv and jsonl, also write its rows out as text there."""
    outcome = parse_file(job.path, file=job.file, timeout=job.timeout, encoding=job.encoding, errors=job.errors)
    if not outcome.ok or job.fmt not in ("csv", "jsonl"):
        return outcome
    columns = table_columns()
    rendered = {table: render_rows(rows, columns[table], job.fmt) for table, rows in outcome.tables.items()}
    return attrs.evolve(outcome, tables={}, rendered=rendered)


def _crashed(job: Job) -> FileOutcome:
    return FileOutcome(
        file=job.file,
        ok=False,
        error="WorkerCrashed",
        message=f"{job.file}: the process parsing this file died (out of memory, or a crash in an extension)",
    )


@attrs.frozen
class BatchSummary:
    """What one :func:`write_tables` run did, and what the tables hold after it.

    ``kept`` counts the files of earlier runs that were not among this run's inputs: their rows stay.
    ``replaced`` counts the files done before and parsed again (changed since, or done by another
    gongwen version): their earlier rows were replaced. ``dropped`` lists ``(file, reason)`` for every
    file whose earlier rows were removed: ``"pruned"`` (not among the inputs, with ``prune=True``) or
    ``"unfinished"`` (rows an interrupted run wrote before recording the file in the manifest).
    ``totals`` is what the tables hold now: ``files`` parsed, ``failed``, and rows of ``documents``,
    ``headings``, ``metrics`` and ``warnings``.
    """

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
    kept: int = 0
    replaced: int = 0
    dropped: tuple[tuple[str, str], ...] = ()
    warnings: int = 0
    totals: dict[str, int] = attrs.field(factory=dict)

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


ProgressCallback = Callable[[int, int, int, FileOutcome], None]
COUNTED = ("documents", "headings", "metrics", "warnings")


def _missing_key(given: str) -> str:
    """The manifest key of an input that matched nothing (kept until the same input is given again)."""
    return "missing:" + os.path.abspath(given)


def _totals(records: Sequence[dict[str, Any]]) -> dict[str, int]:
    totals = dict.fromkeys(("files", "failed", *COUNTED), 0)
    for record in records:
        if record.get("status") == "ok":
            totals["files"] += 1
            for table in COUNTED:
                count = record.get(table)
                totals[table] += count if isinstance(count, int) else 0
        else:
            totals["failed"] += 1
    return totals


class Run:
    """The state of one batch run over an output folder (held under its lock by :func:`write_tables`)."""

    def __init__(
        self,
        out_dir: Path,
        fmt: str,
        workers: int | None,
        chunksize: int | None,
        progress: ProgressCallback | None,
        timeout: float | None,
        encoding: str | None,
        errors: Errors,
    ) -> None:
        self.out_dir, self.fmt, self.workers, self.chunksize = out_dir, fmt, workers, chunksize
        self.progress, self.timeout, self.encoding, self.errors = progress, timeout, encoding, errors
        self.version = package_version()
        self.manifest_path = out_dir / MANIFEST

    def _job(self, path: Path) -> Job:
        return Job(str(path), str(path), self.fmt, self.timeout, self.encoding, self.errors)

    def _unchanged(self, record: dict[str, Any] | None, size: int, mtime_ns: int) -> bool:
        return (
            record is not None
            and record.get("size") == size
            and record.get("mtime_ns") == mtime_ns
            and record.get("gongwen") == self.version
            and record.get("format") == self.fmt
        )

    def write(self, inputs: list[Any], *, force: bool, prune: bool, pattern: str, started: float) -> BatchSummary:
        if force:
            for old in FORMATS:
                for table in TABLES:
                    (self.out_dir / f"{table}.{old}").unlink(missing_ok=True)
            self.manifest_path.unlink(missing_ok=True)
        else:
            existing = existing_format(self.out_dir)
            if existing is not None and existing != self.fmt:
                raise GongwenError(
                    f"{self.out_dir} holds {existing} tables from an earlier run: use --format {existing} "
                    "to resume it, --force to start over, or another --out folder"
                )
        files, missing = discover(inputs, pattern)
        own = os.path.realpath(self.out_dir) + os.sep
        files = [f for f in files if not os.path.realpath(f).startswith(own)]  # never our own output
        previous = load_manifest(self.manifest_path)
        done: dict[str, dict[str, Any]] = {}
        jobs: list[Job] = []
        stats: dict[str, tuple[int, int]] = {}
        for path in files:
            key = os.path.realpath(path)
            try:
                st = path.stat()
            except OSError:
                jobs.append(self._job(path))
                continue
            stats[key] = (st.st_size, st.st_mtime_ns)
            if self._unchanged(previous.get(key), st.st_size, st.st_mtime_ns):
                done[key] = previous[key]
            else:
                jobs.append(self._job(path))

        # Every earlier record is kept, redone (its file among these inputs) or pruned; none is lost unsaid.
        current = set(stats) | {os.path.realpath(j.path) for j in jobs}
        given = {_missing_key(os.fspath(i)) for i in inputs}
        redone = [r for k, r in previous.items() if k not in done and (k in current or k in given)]
        others = {k: r for k, r in previous.items() if k not in current and k not in given}
        pruned = others if prune else {}
        kept = {} if prune else others
        self._refuse_clashes(kept, jobs, missing)

        keep = {str(r["file"]) for r in (*done.values(), *kept.values())}
        columns = table_columns()
        kept_rows: dict[str, list[dict[str, Any]]] = {}
        removed: set[str] = set()
        for table in TABLES:
            rows, gone = filter_table(self.out_dir / f"{table}.{self.fmt}", self.fmt, columns[table], keep)
            kept_rows[table] = rows
            removed |= gone
        pruned_names = {str(r["file"]) for r in pruned.values()}
        redone_names = {j.file for j in jobs} | set(missing) | {str(r["file"]) for r in redone}
        dropped = [(name, "pruned") for name in sorted(pruned_names)]
        dropped += [(name, "unfinished") for name in sorted(removed - redone_names - pruned_names - {""})]

        records = [*done.values(), *kept.values()]
        tmp_manifest = self.manifest_path.with_name(MANIFEST + ".tmp")
        with open(tmp_manifest, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp_manifest, self.manifest_path)

        summary = self._parse(jobs, missing, stats, kept_rows, records, started)
        return attrs.evolve(
            summary,
            found=len(files) + len(missing),
            skipped=len(done),
            kept=len(kept),
            replaced=sum(1 for r in redone if r.get("status") != "missing"),
            dropped=tuple(dropped),
            totals=_totals(records),
        )

    def _refuse_clashes(self, kept: dict[str, dict[str, Any]], jobs: list[Job], missing: list[str]) -> None:
        """Two different files written under one name would mix their rows: refuse, naming both."""
        by_name = {str(r["file"]): str(r["path"]) for r in kept.values()}
        for name, key in [(j.file, os.path.realpath(j.path)) for j in jobs] + [(m, _missing_key(m)) for m in missing]:
            if name in by_name and by_name[name] != key:
                raise GongwenError(
                    f"{self.out_dir} already holds rows of another file named {name!r} (from {by_name[name]}; "
                    f"this run would write {key} under the same name): give the inputs by absolute path or from "
                    "the same folder as before, use --prune to drop the rows of files not among these inputs, "
                    "or another --out folder"
                )

    def _record(self, outcome: FileOutcome, key: str, size: int, mtime_ns: int) -> dict[str, Any]:
        record: dict[str, Any] = {
            "file": outcome.file,
            "path": key,
            "size": size,
            "mtime_ns": mtime_ns,
            "status": "ok" if outcome.ok else "failed",
            "encoding": outcome.encoding,
            "chars": outcome.chars,
            "error": outcome.error,
            "gongwen": self.version,
            "format": self.fmt,
        }
        if outcome.ok:
            record |= {t: outcome.counts.get(t, 0) for t in COUNTED}
        return record

    def _parse(
        self,
        jobs: list[Job],
        missing: list[str],
        stats: dict[str, tuple[int, int]],
        kept_rows: dict[str, list[dict[str, Any]]],
        records: list[dict[str, Any]],
        started: float,
    ) -> BatchSummary:
        """Parse the jobs and write their rows, then the manifest lines of their files; ``records`` grows."""
        columns = table_columns()
        writers = {t: TableWriter(self.out_dir / f"{t}.{self.fmt}", self.fmt, columns[t]) for t in TABLES}
        manifest = open(self.manifest_path, "a", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
        pending: list[dict[str, Any]] = []
        counts = dict.fromkeys(("parsed", "failed", *COUNTED), 0)
        failures: list[tuple[str, str, str]] = []
        total = len(jobs) + len(missing)
        last_flush = time.monotonic()
        interrupted = False

        def flush() -> None:
            for writer in writers.values():
                writer.flush()
            manifest.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in pending)
            manifest.flush()
            records.extend(pending)
            pending.clear()

        def report(outcome: FileOutcome) -> None:
            if not outcome.ok:
                counts["failed"] += 1
                failure = (outcome.file, outcome.error or "Error", outcome.message or "")
                failures.append(failure)
                writers["failures"].write(dict(zip(columns["failures"], failure, strict=True)))
            if self.progress is not None:
                self.progress(counts["parsed"] + counts["failed"], total, counts["failed"], outcome)

        try:
            for name in missing:
                message = f"{name}: no such file or folder, and no file matches it as a pattern"
                report(FileOutcome(file=name, ok=False, error="FileNotFoundError", message=message))
                pending.append(
                    {"file": name, "path": _missing_key(name), "status": "missing", "error": "FileNotFoundError"}
                    | {"gongwen": self.version, "format": self.fmt}
                )
            results = resilient_map(parse_job, jobs, crashed=_crashed, workers=self.workers, chunksize=self.chunksize)
            try:
                for job, outcome in zip(jobs, results, strict=True):
                    if outcome.ok:
                        counts["parsed"] += 1
                        for table, count in outcome.counts.items():
                            counts[table] += count
                        for table, text in outcome.rendered.items():
                            writers[table].write_text(text)
                        for table, rows in outcome.tables.items():
                            for row in rows:
                                writers[table].write(row)
                    key = os.path.realpath(job.path)
                    if key in stats:
                        pending.append(self._record(outcome, key, *stats[key]))
                    report(outcome)
                    if self.fmt != "parquet" and time.monotonic() - last_flush > 1.0:
                        flush()
                        last_flush = time.monotonic()
            except KeyboardInterrupt:
                interrupted = True
            finally:
                results.close()
        finally:
            for table, writer in writers.items():
                writer.close(kept_rows.get(table))
            flush()
            manifest.close()

        return BatchSummary(
            out=self.out_dir,
            format=self.fmt,
            found=0,
            skipped=0,
            parsed=counts["parsed"],
            failed=counts["failed"],
            documents=counts["documents"],
            headings=counts["headings"],
            metrics=counts["metrics"],
            warnings=counts["warnings"],
            seconds=time.perf_counter() - started,
            interrupted=interrupted,
            failures=tuple(failures),
        )
