"""The files of ``gongwen batch``: table writers (csv, jsonl, parquet), the manifest, and resuming.

A batch folder holds one file per table (``documents``, ``headings``, ``metrics``, ``failures``,
``warnings``) in one format, and ``manifest.jsonl``: one record per file done (its path, size,
modification time, gongwen version, status and row counts). On a re-run the manifest says which rows
to keep: :func:`filter_table` keeps the rows of the files named and reports the files whose rows it
removed, so that the caller can say so. Tables are rewritten through a temporary file and
:func:`os.replace`, so a crash never leaves half a table.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from gongwen.errors import GongwenError
from gongwen.schema import FORMATS, csv_cell, json_value, require_pyarrow, to_arrow

__all__ = ["LOCK", "MANIFEST", "TABLES", "TableWriter", "exclusive", "existing_format", "filter_table", "load_manifest"]

TABLES: tuple[str, ...] = ("documents", "headings", "metrics", "failures", "warnings")
MANIFEST = "manifest.jsonl"
LOCK = ".gongwen-batch.lock"


def _other_columns(path: Path) -> GongwenError:
    return GongwenError(
        f"{path} has other columns than this version of gongwen writes; "
        "use --force to redo the batch, or another --out folder"
    )


def render_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> str:
    """Rows as csv lines (no header) or JSON lines, in the given column order."""
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows([csv_cell(row.get(c)) for c in columns] for row in rows)
        return buffer.getvalue()
    return "".join(json.dumps({c: json_value(row.get(c)) for c in columns}, ensure_ascii=False) + "\n" for row in rows)


class TableWriter:
    """Appends rows to one table file (csv or jsonl), or collects them and writes at the end (parquet).

    A new csv file starts with its header and no byte-order mark.
    """

    def __init__(self, path: Path, fmt: str, columns: tuple[str, ...]) -> None:
        self.path, self.fmt, self.columns = path, fmt, columns
        self.table = path.name.split(".", 1)[0]
        self.rows: list[dict[str, Any]] = []
        self.handle: IO[str] | None = None
        if fmt == "csv":
            fresh = not path.exists() or path.stat().st_size == 0
            self.handle = open(path, "w" if fresh else "a", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
            if fresh:
                csv.writer(self.handle).writerow(columns)
        elif fmt == "jsonl":
            self.handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, row: dict[str, Any]) -> None:
        if self.handle is not None:
            self.handle.write(render_rows([row], self.columns, self.fmt))
        else:
            self.rows.append(row)

    def write_text(self, text: str) -> None:
        """Rows already written out by :func:`render_rows` in this writer's format."""
        assert self.handle is not None
        self.handle.write(text)

    def flush(self) -> None:
        if self.handle is not None:
            self.handle.flush()

    def close(self, kept: list[dict[str, Any]] | None = None) -> None:
        """Close the file; for parquet, write the ``kept`` rows of earlier runs and this run's rows."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
            return
        if self.fmt == "parquet":
            require_pyarrow()
            import pyarrow.parquet as parquet

            table = to_arrow(self.table, [*(kept or ()), *self.rows])
            tmp = self.path.with_name(self.path.name + ".tmp")
            parquet.write_table(table, tmp)
            os.replace(tmp, self.path)


def filter_table(
    path: Path, fmt: str, columns: tuple[str, ...], keep: set[str]
) -> tuple[list[dict[str, Any]], set[str]]:
    """Keep only the rows of the files in ``keep`` in an existing table.

    Returns the kept rows for parquet (written again by :meth:`TableWriter.close`; empty for csv and jsonl,
    which are rewritten here, only if needed) and the files whose rows were removed.
    """
    if not path.exists():
        return [], set()
    if fmt == "parquet":
        return _filter_parquet(path, columns, keep)
    if fmt == "csv":
        return [], _filter_csv(path, columns, keep)
    return [], _filter_jsonl(path, columns, keep)


def _filter_csv(path: Path, columns: tuple[str, ...], keep: set[str]) -> set[str]:
    removed: set[str] = set()
    width = len(columns)
    with open(path, encoding="utf-8-sig", newline="") as handle:  # files of gongwen < 0.2 have a BOM
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return removed
        if tuple(header) != columns:
            raise _other_columns(path)
        for r in reader:
            if len(r) != width or r[0] not in keep:
                removed.add(r[0] if r else "")
    if not removed:
        return removed
    tmp = path.with_name(path.name + ".tmp")
    with (
        open(path, encoding="utf-8-sig", newline="") as src,
        open(tmp, "w", encoding="utf-8", newline="") as dst,
    ):
        reader = csv.reader(src)
        writer = csv.writer(dst)
        writer.writerow(next(reader))
        writer.writerows(r for r in reader if len(r) == width and r[0] in keep)
    os.replace(tmp, path)
    return removed


def _filter_jsonl(path: Path, columns: tuple[str, ...], keep: set[str]) -> set[str]:
    kept_lines: list[str] = []
    removed: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                removed.add("")  # a line cut short by an interrupted run
                continue
            if isinstance(record, dict) and record.get("file") in keep:
                if set(record) != set(columns):
                    raise _other_columns(path)
                kept_lines.append(line if line.endswith("\n") else line + "\n")
            else:
                removed.add(str(record.get("file", "")) if isinstance(record, dict) else "")
    if removed:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.writelines(kept_lines)
        os.replace(tmp, path)
    return removed


def _filter_parquet(path: Path, columns: tuple[str, ...], keep: set[str]) -> tuple[list[dict[str, Any]], set[str]]:
    require_pyarrow()
    import pyarrow.parquet as parquet

    table = parquet.read_table(path)
    if tuple(table.column_names) != columns:
        raise _other_columns(path)
    kept: list[dict[str, Any]] = []
    removed: set[str] = set()
    for row in table.to_pylist():
        if row.get("file") in keep:
            kept.append(row)
        else:
            removed.add(str(row.get("file")))
    return kept, removed


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """The records of a batch's manifest by path (the last record of a path wins; broken lines skipped)."""
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


def existing_format(out: Path) -> str | None:
    """The format of the tables already in ``out``, if any."""
    for fmt in FORMATS:
        if any((out / f"{table}.{fmt}").exists() for table in TABLES):
            return fmt
    return None


@contextlib.contextmanager
def exclusive(out_dir: Path) -> Iterator[None]:
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
