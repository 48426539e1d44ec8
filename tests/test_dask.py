"""gongwen.integrations.dask: metrics and headings of a corpus as Dask DataFrames."""

from __future__ import annotations

import builtins
import shutil
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from gongwen.batch import parse_many, report_rows, table_columns, table_dtypes
from gongwen.errors import GongwenError
from gongwen.schema import to_frame

dask = pytest.importorskip("dask")
pandas = pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")

from gongwen.integrations.dask import documents_frame, headings_frame, metrics_frame  # noqa: E402

METRIC_COLUMNS = ["file", "document", "section", "start", "end", "text", "value", "unit", "kind", "qualifier"]
HEADING_COLUMNS = ["file", "document", "section", "index", "start", "end", "marker", "title", "level", "parent"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The two reports bundled with gongwen, plus the first one saved as GBK."""
    folder = tmp_path_factory.mktemp("corpus")
    data = resources.files("gongwen").joinpath("data")
    paths = []
    for name in ("sample_report.txt", "sample_collection.txt"):
        with resources.as_file(data.joinpath(name)) as source:
            shutil.copy(source, folder / name)
        paths.append(folder / name)
    gbk = folder / "sample_gbk.txt"
    gbk.write_bytes(paths[0].read_text(encoding="utf-8").encode("gb18030"))
    paths.append(gbk)
    return sorted(paths)


def expected(paths: list[Path], table: str) -> list[dict[str, Any]]:
    rows = []
    for path, report in zip(paths, parse_many(paths, workers=1), strict=True):
        rows.extend(report_rows(report, file=str(path))[table])
    return rows


def stable(frame: Any, columns: list[str]) -> list[tuple[Any, ...]]:
    """The rows as tuples of plain values (missing values as None), sorted."""
    subset = frame[columns].astype(object)
    subset = subset.where(subset.notna(), None)
    return sorted(tuple(row) for row in subset.itertuples(index=False, name=None))


def rows_as_tuples(rows: list[dict[str, Any]], columns: list[str]) -> list[tuple[Any, ...]]:
    return sorted(tuple(row[c] for c in columns) for row in rows)


def test_metrics_frame_equals_the_batch_rows(corpus: list[Path]) -> None:
    frame = metrics_frame(corpus, npartitions=2)
    assert list(frame.columns) == list(table_columns()["metrics"])
    with dask.config.set(scheduler="synchronous"):
        result = frame.compute()
    rows = expected(corpus, "metrics")
    assert len(result) == len(rows)
    assert stable(result, METRIC_COLUMNS) == stable(to_frame("metrics", rows), METRIC_COLUMNS)
    assert str(result["start"].dtype) == "Int64"
    # one schema: exact Decimal quantities and the same dtypes as Report.metrics_frame() and the batch tables
    assert all(isinstance(v, Decimal) for v in result["value"] if v is not None)
    dtypes = dict(result.dtypes.astype(str))
    assert dtypes == dict(to_frame("metrics", []).dtypes.astype(str)) == table_dtypes("metrics")


def test_headings_frame_on_threads_equals_the_batch_rows(corpus: list[Path]) -> None:
    frame = headings_frame([str(p) for p in corpus], npartitions=3)
    with dask.config.set(scheduler="threads"):
        result = frame.compute()
    rows = expected(corpus, "headings")
    assert len(result) == len(rows) > 0
    assert stable(result, HEADING_COLUMNS) == rows_as_tuples(rows, HEADING_COLUMNS)
    gbk = result[result["file"].str.endswith("sample_gbk.txt")]
    utf8 = result[result["file"].str.endswith("sample_report.txt")]
    assert list(gbk["start"]) == list(utf8["start"])  # same offsets whatever the encoding


def test_a_folder_or_pattern_is_expanded(corpus: list[Path]) -> None:
    folder = corpus[0].parent
    with dask.config.set(scheduler="synchronous"):
        by_folder = documents_frame(folder).compute()
        by_pattern = documents_frame(str(folder / "sample_[rg]*.txt")).compute()
    assert set(by_folder["file"]) == {str(p) for p in corpus}
    assert set(by_pattern["file"]) == {str(folder / "sample_gbk.txt"), str(folder / "sample_report.txt")}
    assert by_folder["headings"].sum() == len(expected(corpus, "headings"))


def test_bad_files_raise_or_are_skipped(tmp_path: Path, corpus: list[Path]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    with dask.config.set(scheduler="synchronous"):
        with pytest.raises(GongwenError, match=r"bad\.txt"):
            headings_frame([bad, corpus[0]]).compute()
        skipped = headings_frame([bad, corpus[0]], on_error="skip").compute()
    assert set(skipped["file"]) == {str(corpus[0])}
    with pytest.raises(ValueError, match="on_error"):
        headings_frame([corpus[0]], on_error="ignore")  # type: ignore[arg-type]


def test_an_empty_folder_gives_an_empty_frame(tmp_path: Path) -> None:
    frame = metrics_frame(tmp_path)
    assert list(frame.columns) == list(table_columns()["metrics"])
    assert len(frame.compute()) == 0


def test_without_dask_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch, corpus: list[Path]) -> None:
    real_import = builtins.__import__

    def no_dask(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "dask" or name.startswith("dask."):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(GongwenError, match=r"pip install 'gongwen\[dask\]'"):
        metrics_frame(corpus)
