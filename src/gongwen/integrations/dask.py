"""A corpus as Dask DataFrames: ``metrics_frame(paths)`` and ``headings_frame(paths)``.

Needs Dask and pandas (``pip install 'gongwen[dask]'``); they are imported when a function is called,
so importing this module is free. The files are spread over the partitions of the frame (each partition
a group of files), each is read and parsed with :func:`gongwen.batch.parse_file` and flattened into the
rows ``gongwen batch`` writes, with the columns and dtypes of :mod:`gongwen.schema` (``file``,
``document``, ``section`` and the item's fields; nullable ``Int64`` integers, exact ``Decimal``
quantities), so the frames hold the same rows, typed the same way, as the batch tables and
:meth:`Report.metrics_frame() <gongwen.model.Report.metrics_frame>`.

>>> from gongwen.integrations.dask import metrics_frame      # doctest: +SKIP
>>> frame = metrics_frame("corpus/")                          # doctest: +SKIP
>>> frame.groupby("kind").size().compute()                    # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Literal

from gongwen import formats
from gongwen.errors import GongwenError
from gongwen.files import find_files, parse_file
from gongwen.io import Errors
from gongwen.schema import to_frame

__all__ = ["documents_frame", "headings_frame", "metrics_frame"]

PathsArg = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
OnError = Literal["raise", "skip"]


def _import_dask() -> Any:
    try:
        import dask.dataframe
        import pandas  # noqa: F401 - needed by dask.dataframe, named in the error
    except ImportError as exc:
        raise GongwenError(
            f"gongwen.integrations.dask needs dask and pandas ({exc.name or exc} is missing): "
            "pip install 'gongwen[dask]'"
        ) from exc
    return dask.dataframe


def _files(paths: PathsArg, pattern: str) -> list[str]:
    inputs = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    return [str(path) for path in find_files(inputs, pattern=pattern)]


class _Part:
    """The rows of one table for a group of files, as a typed pandas frame (a picklable callable)."""

    def __init__(self, table: str, on_error: OnError, encoding: str | None, errors: Errors) -> None:
        self.table, self.on_error, self.encoding, self.errors = table, on_error, encoding, errors

    def __call__(self, paths: list[str]) -> Any:
        rows: list[dict[str, Any]] = []
        for path in paths:
            outcome = parse_file(path, encoding=self.encoding, errors=self.errors)
            if not outcome.ok:
                if self.on_error == "skip":
                    continue
                raise GongwenError(f"{outcome.error}: {outcome.message}")
            rows.extend(outcome.tables[self.table])
        return to_frame(self.table, rows)


def _frame(
    table: str,
    paths: PathsArg,
    npartitions: int | None,
    on_error: OnError,
    pattern: str,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Any:
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    dataframe = _import_dask()
    import dask

    files = _files(paths, pattern)
    meta = to_frame(table, [])
    # Text stays object and quantities stay Decimal: no conversion of object columns to pyarrow strings.
    with dask.config.set({"dataframe.convert-string": False}):
        if not files:
            return dataframe.from_pandas(meta, npartitions=1)
        parts = max(1, min(len(files), npartitions if npartitions is not None else 100))
        size = -(-len(files) // parts)
        groups = [files[i : i + size] for i in range(0, len(files), size)]
        return dataframe.from_map(_Part(table, on_error, encoding, errors), groups, meta=meta, enforce_metadata=False)


def metrics_frame(
    paths: PathsArg,
    *,
    npartitions: int | None = None,
    on_error: OnError = "raise",
    pattern: str = formats.DEFAULT_PATTERN,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Any:
    """The metrics of every file as a ``dask.dataframe.DataFrame``, one row per metric.

    ``paths`` is a file, a folder (every file matching ``pattern`` under it), a glob pattern, or a list
    of these (see :func:`gongwen.batch.find_files`). The columns are those of the ``metrics`` table of
    ``gongwen batch`` (:data:`gongwen.schema.TABLES`): ``file``, ``document``, ``section``, then the
    fields of :meth:`Metric.to_dict() <gongwen.model.Metric.to_dict>`; ``value``, ``low`` and ``high``
    are exact :class:`~decimal.Decimal` objects, integers are nullable ``Int64``. ``npartitions`` is the
    number of partitions (groups of files; at most 100 when omitted). A file that cannot be read or
    parsed raises when the frame is computed, or is left out with ``on_error="skip"``. ``encoding`` and
    ``errors`` are those of :func:`gongwen.io.decode`.
    """
    return _frame("metrics", paths, npartitions, on_error, pattern, encoding, errors)


def headings_frame(
    paths: PathsArg,
    *,
    npartitions: int | None = None,
    on_error: OnError = "raise",
    pattern: str = formats.DEFAULT_PATTERN,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Any:
    """The outline headings of every file as a ``dask.dataframe.DataFrame``, one row per heading.

    Columns: ``file``, ``document``, ``section`` (the heading's path in the outline, down to itself),
    then the fields of :meth:`Heading.to_dict() <gongwen.model.Heading.to_dict>`. Arguments as for
    :func:`metrics_frame`.
    """
    return _frame("headings", paths, npartitions, on_error, pattern, encoding, errors)


def documents_frame(
    paths: PathsArg,
    *,
    npartitions: int | None = None,
    on_error: OnError = "raise",
    pattern: str = formats.DEFAULT_PATTERN,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Any:
    """One row per document (a file may hold several reports): its span, title and counts of headings
    and metrics. Arguments as for :func:`metrics_frame`."""
    return _frame("documents", paths, npartitions, on_error, pattern, encoding, errors)
