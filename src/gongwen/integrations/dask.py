"""A corpus as Dask DataFrames: ``metrics_frame(paths)`` and ``headings_frame(paths)``.

Needs Dask and pandas (``pip install 'gongwen[dask]'``); they are imported when a function is called,
so importing this module is free. The files are spread over a :mod:`dask.bag`, each is read with
:func:`gongwen.io.read_text`, parsed with :func:`gongwen.parse`, and flattened into the rows
``gongwen batch`` writes (:func:`gongwen.batch.report_rows`: ``file``, ``document``, ``section`` and the
item's fields), so the frames hold the same rows as the batch tables.

>>> from gongwen.integrations.dask import metrics_frame      # doctest: +SKIP
>>> frame = metrics_frame("corpus/")                          # doctest: +SKIP
>>> frame.groupby("kind").size().compute()                    # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Literal

from gongwen.batch import find_files, parse_file, table_columns, table_dtypes
from gongwen.errors import GongwenError

__all__ = ["documents_frame", "headings_frame", "metrics_frame"]

PathsArg = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
OnError = Literal["raise", "skip"]


def _import_dask() -> tuple[Any, Any]:
    try:
        import dask.bag
        import dask.dataframe
        import pandas
    except ImportError as exc:
        raise GongwenError(
            f"gongwen.integrations.dask needs dask and pandas ({exc.name or exc} is missing): "
            "pip install 'gongwen[dask]'"
        ) from exc
    return dask.bag, pandas


def _files(paths: PathsArg, pattern: str) -> list[str]:
    inputs = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    return [str(path) for path in find_files(inputs, pattern=pattern)]


class _Rows:
    """The rows of one table for one file (a picklable callable, for any Dask scheduler)."""

    def __init__(self, table: str, on_error: OnError) -> None:
        self.table, self.on_error = table, on_error

    def __call__(self, path: str) -> list[dict[str, Any]]:
        outcome = parse_file(path)
        if not outcome.ok:
            if self.on_error == "skip":
                return []
            raise GongwenError(f"{outcome.error}: {outcome.message}")
        return outcome.tables[self.table]


def _frame(table: str, paths: PathsArg, npartitions: int | None, on_error: OnError, pattern: str) -> Any:
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    bag, pandas = _import_dask()
    files = _files(paths, pattern)
    meta = pandas.DataFrame(
        {column: pandas.Series(dtype=dtype) for column, dtype in table_dtypes(table).items()},
        columns=list(table_columns()[table]),
    )
    if not files:
        import dask.dataframe

        dataframe: Any = dask.dataframe
        return dataframe.from_pandas(meta, npartitions=1)
    kwargs = {} if npartitions is None else {"npartitions": npartitions}
    rows = bag.from_sequence(files, **kwargs).map(_Rows(table, on_error)).flatten()
    return rows.to_dataframe(meta=meta)


def metrics_frame(
    paths: PathsArg,
    *,
    npartitions: int | None = None,
    on_error: OnError = "raise",
    pattern: str = "*.txt",
) -> Any:
    """The metrics of every file as a ``dask.dataframe.DataFrame``, one row per metric.

    ``paths`` is a file, a folder (every file matching ``pattern`` under it), a glob pattern, or a list
    of these (see :func:`gongwen.batch.find_files`). The columns are those of the ``metrics`` table of
    ``gongwen batch``: ``file``, ``document``, ``section``, then the fields of
    :meth:`Metric.to_dict() <gongwen.model.Metric.to_dict>`; ``value``, ``low`` and ``high`` are exact
    decimal strings, integers are nullable ``Int64``. ``npartitions`` is the number of partitions of the
    underlying bag (Dask's default when omitted). A file that cannot be read or parsed raises when the
    frame is computed, or is left out with ``on_error="skip"``.
    """
    return _frame("metrics", paths, npartitions, on_error, pattern)


def headings_frame(
    paths: PathsArg,
    *,
    npartitions: int | None = None,
    on_error: OnError = "raise",
    pattern: str = "*.txt",
) -> Any:
    """The outline headings of every file as a ``dask.dataframe.DataFrame``, one row per heading.

    Columns: ``file``, ``document``, ``section`` (the heading's path in the outline, down to itself),
    then the fields of :meth:`Heading.to_dict() <gongwen.model.Heading.to_dict>`. Arguments as for
    :func:`metrics_frame`.
    """
    return _frame("headings", paths, npartitions, on_error, pattern)


def documents_frame(
    paths: PathsArg,
    *,
    npartitions: int | None = None,
    on_error: OnError = "raise",
    pattern: str = "*.txt",
) -> Any:
    """One row per document (a file may hold several reports): its span, title and counts of headings
    and metrics. Arguments as for :func:`metrics_frame`."""
    return _frame("documents", paths, npartitions, on_error, pattern)
