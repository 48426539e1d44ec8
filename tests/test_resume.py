"""gongwen batch never drops rows silently: earlier files are kept, pruned on request, or refused by name."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongwen.batch import find_files, read_table, write_tables
from gongwen.errors import GongwenError

OUTLINE = "关于教育工作的报告\n一、基本情况\n(一)队伍建设\n二、存在问题\n"  # 3 headings, no numbers
FORMATS = ["csv", "jsonl", "parquet"]


def folder(root: Path, name: str, count: int) -> Path:
    path = root / name
    path.mkdir(parents=True)
    for i in range(count):
        (path / f"{name}_{i}.txt").write_text(OUTLINE.replace("教育", f"第{i}项"), encoding="utf-8")
    return path


def files_in(out: Path, table: str, fmt: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for file in read_table(out / f"{table}.{fmt}")["file"]:
        counts[file] = counts.get(file, 0) + 1
    return counts


@pytest.mark.parametrize("fmt", FORMATS)
def test_other_inputs_keep_every_earlier_files_rows(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    a, b = folder(tmp_path, "a", 4), folder(tmp_path, "b", 2)
    out = tmp_path / "out"
    first = write_tables([a], out, workers=1, format=fmt)
    assert first.totals == {"files": 4, "failed": 0, "documents": 4, "headings": 12, "metrics": 0, "warnings": 0}
    second = write_tables([b], out, workers=1, format=fmt)
    assert (second.parsed, second.skipped, second.kept, second.replaced, second.dropped) == (2, 0, 4, 0, ())
    assert second.totals["files"] == 6 and second.totals["headings"] == 18
    headings = files_in(out, "headings", fmt)
    assert headings == {str(p): 3 for p in sorted([*a.iterdir(), *b.iterdir()])}
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]
    assert len(manifest) == 6
    # a third run over A alone skips A and still keeps B
    third = write_tables([a], out, workers=1, format=fmt)
    assert (third.parsed, third.skipped, third.kept) == (0, 4, 2)
    assert files_in(out, "headings", fmt) == headings


@pytest.mark.parametrize("fmt", FORMATS)
def test_prune_drops_the_files_not_among_the_inputs_and_says_which(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    a, b = folder(tmp_path, "a", 3), folder(tmp_path, "b", 2)
    out = tmp_path / "out"
    write_tables([a, b], out, workers=1, format=fmt)
    summary = write_tables([b], out, workers=1, format=fmt, prune=True)
    assert summary.dropped == tuple((str(p), "pruned") for p in sorted(a.iterdir()))
    assert (summary.skipped, summary.kept, summary.totals["files"]) == (2, 0, 2)
    assert set(files_in(out, "headings", fmt)) == {str(p) for p in b.iterdir()}
    assert set(files_in(out, "documents", fmt)) == {str(p) for p in b.iterdir()}


def test_a_changed_file_is_replaced_and_counted(tmp_path: Path) -> None:
    a = folder(tmp_path, "a", 2)
    out = tmp_path / "out"
    write_tables([a], out, workers=1)
    changed = a / "a_0.txt"
    changed.write_text(OUTLINE + "三、下步打算\n", encoding="utf-8")
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    summary = write_tables([a], out, workers=1)
    assert (summary.parsed, summary.skipped, summary.replaced, summary.dropped) == (1, 1, 1, ())
    assert files_in(out, "headings", "csv") == {str(changed): 4, str(a / "a_1.txt"): 3}


def test_two_files_under_one_name_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for place in (one, two):
        place.mkdir()
        (place / "report.txt").write_text(OUTLINE, encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.chdir(one)
    write_tables(["report.txt"], out, workers=1)
    monkeypatch.chdir(two)
    with pytest.raises(GongwenError) as caught:
        write_tables(["report.txt"], out, workers=1)
    message = str(caught.value)
    assert "'report.txt'" in message and str(one / "report.txt") in message and str(two / "report.txt") in message
    assert "--prune" in message and "absolute" in message
    assert files_in(out, "headings", "csv") == {"report.txt": 3}  # nothing touched
    summary = write_tables(["report.txt"], out, workers=1, prune=True)
    assert summary.dropped == (("report.txt", "pruned"),) and summary.parsed == 1


def test_rows_an_interrupted_run_left_are_dropped_and_listed(tmp_path: Path) -> None:
    a, b = folder(tmp_path, "a", 2), folder(tmp_path, "b", 1)
    out = tmp_path / "out"
    write_tables([a, b], out, workers=1, format="jsonl")
    manifest = (out / "manifest.jsonl").read_text("utf-8").splitlines()
    (out / "manifest.jsonl").write_text("\n".join(manifest[:2]) + "\n", encoding="utf-8")  # b's line never written
    summary = write_tables([a], out, workers=1, format="jsonl")
    assert summary.dropped == ((str(b / "b_0.txt"), "unfinished"),)
    assert set(files_in(out, "headings", "jsonl")) == {str(p) for p in a.iterdir()}


def test_an_input_that_matched_nothing_stays_a_failure_until_given_again(tmp_path: Path) -> None:
    a = folder(tmp_path, "a", 1)
    out = tmp_path / "out"
    typo = str(tmp_path / "typo")
    write_tables([a, typo], out, workers=1)
    later = write_tables([a], out, workers=1)
    assert later.dropped == () and later.totals["failed"] == 1
    assert [row["file"] for row in _csv(out / "failures.csv")] == [typo]
    folder(tmp_path, "typo", 1)
    fixed = write_tables([typo], out, workers=1)
    assert fixed.parsed == 1 and fixed.failed == 0 and fixed.dropped == ()
    assert _csv(out / "failures.csv") == [] and fixed.totals == {**fixed.totals, "files": 2, "failed": 0}


def _csv(path: Path) -> list[dict[str, Any]]:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------------------------------------------------
# Whatever the sequence of runs, the tables hold exactly the files the runs said they hold.

RUNS = st.lists(
    st.tuples(st.sets(st.integers(0, 4), min_size=1), st.booleans(), st.sets(st.integers(0, 4), max_size=1)),
    min_size=1,
    max_size=4,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=RUNS)
def test_no_sequence_of_runs_loses_rows_unsaid(tmp_path_factory: pytest.TempPathFactory, runs: Any) -> None:
    root = tmp_path_factory.mktemp("runs")
    paths = [root / f"r{i}.txt" for i in range(5)]
    for i, path in enumerate(paths):
        path.write_text(OUTLINE.replace("教育", f"第{i}项"), encoding="utf-8")
    out = root / "out"
    held: set[str] = set()
    headings: dict[str, int] = {}  # of each file, as last parsed
    for step, (chosen, prune, touched) in enumerate(runs):
        for i in touched:  # a file changed since the last run
            paths[i].write_text(OUTLINE + f"三、第{step}次修改\n", encoding="utf-8")
            stat = paths[i].stat()
            os.utime(paths[i], ns=(stat.st_atime_ns, stat.st_mtime_ns + (step + 1) * 10**9))
        names = {str(paths[i]) for i in chosen}
        summary = write_tables([paths[i] for i in sorted(chosen)], out, workers=1, prune=prune)
        expected_dropped = held - names if prune else set()
        assert {file for file, _ in summary.dropped} == expected_dropped
        assert summary.kept == (0 if prune else len(held - names))
        held = names if prune else held | names
        for name in names:
            text = Path(name).read_text(encoding="utf-8")
            headings[name] = text.count("、") + text.count("(一)")
        assert set(files_in(out, "documents", "csv")) == held
        assert summary.totals["files"] == len(held)
        assert files_in(out, "headings", "csv") == {name: headings[name] for name in held}


def test_one_path_given_alone_is_one_input(tmp_path: Path) -> None:
    a = folder(tmp_path, "a", 2)
    assert write_tables(str(a), tmp_path / "out", workers=1).parsed == 2
    assert write_tables(a, tmp_path / "out2", workers=1).parsed == 2
    assert find_files(a) == sorted(a.iterdir())
