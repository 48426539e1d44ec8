"""gongwen.batch: parse_many, report_rows, find_files and write_tables (the engine of ``gongwen batch``)."""

from __future__ import annotations

import csv
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gongwen.batch import (
    FileOutcome,
    find_files,
    parse_file,
    parse_many,
    read_table,
    report_rows,
    table_columns,
    write_tables,
)
from gongwen.errors import GongwenError, InputTypeError, ReportDecodeError, ReportDecodeWarning
from gongwen.io import read_text
from gongwen.parser import parse

# Small texts without numbers parse in a millisecond; one with numbers exercises the metrics table.
OUTLINE = "关于教育工作的报告\n一、基本情况\n(一)队伍建设\n(二)制度建设\n二、存在问题\n三、下步打算\n"
WITH_NUMBERS = "一、基本情况\n全镇有初级中学2所,总人口55983人。\n二、投入情况\n投入资金55.57万元。\n"
HEADINGS = 5  # in OUTLINE


def texts(count: int) -> list[str]:
    return [OUTLINE.replace("教育", f"第{'一二三四五六七八九十'[i % 10]}项") for i in range(count)]


def make_corpus(root: Path) -> dict[str, Path]:
    """A small corpus: UTF-8, GBK, UTF-16, an empty file, a binary file, a nested folder, a non-.txt."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sub").mkdir()
    (root / ".hidden").mkdir()
    files = {
        "utf8": root / "a_utf8.txt",
        "numbers": root / "b_numbers.txt",
        "gbk": root / "sub" / "c_gbk.txt",
        "utf16": root / "d_utf16.txt",
        "empty": root / "e_empty.txt",
        "binary": root / "f_binary.txt",
    }
    files["utf8"].write_text(OUTLINE, encoding="utf-8")
    files["numbers"].write_text(WITH_NUMBERS, encoding="utf-8")
    files["gbk"].write_bytes(OUTLINE.replace("\n", "\r\n").encode("gbk"))
    files["utf16"].write_bytes(OUTLINE.encode("utf-16"))
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "notes.md").write_text(OUTLINE, encoding="utf-8")
    (root / ".hidden" / "skip.txt").write_text(OUTLINE, encoding="utf-8")
    return files


# ---------------------------------------------------------------------------------------------------------
# parse_many


def test_parse_many_in_process_keeps_order() -> None:
    items = texts(5)
    reports = list(parse_many(items, workers=1))
    assert [r.text for r in reports] == items
    assert [r.to_dict() for r in reports] == [parse(t).to_dict() for t in items]


def test_parse_many_in_processes_matches_in_process(tmp_path: Path) -> None:
    items: list[str | os.PathLike[str]] = list(texts(30))
    path = tmp_path / "gbk.txt"
    path.write_bytes(WITH_NUMBERS.encode("gbk"))
    items.insert(7, path)  # a Path is a file to read, a str is text
    parallel = list(parse_many(items, workers=2, chunksize=3))
    serial = list(parse_many(items, workers=1))
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in serial]
    assert parallel[7].text == WITH_NUMBERS
    assert parallel[7].metrics == parse(WITH_NUMBERS).metrics


def test_parse_many_reads_a_generator_lazily() -> None:
    consumed = []

    def generate() -> Iterator[str]:
        for i, text in enumerate(texts(200)):
            consumed.append(i)
            yield text

    reports = parse_many(generate(), workers=2, chunksize=2)
    first = next(reports)
    assert first.text == texts(1)[0]
    assert len(consumed) < 200  # only a window of chunks is in flight
    rest = list(reports)
    assert len(rest) == 199
    assert [r.text for r in rest] == texts(200)[1:]


def test_parse_many_default_workers_and_empty_input() -> None:
    assert list(parse_many([])) == []
    assert len(list(parse_many(texts(3)))) == 3


def test_parse_many_raises_after_the_reports_before_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    items: list[str | os.PathLike[str]] = [*texts(3), bad, *texts(2)]
    for workers in (1, 2):
        got = []
        with pytest.raises(ReportDecodeError) as caught:
            for report in parse_many(items, workers=workers, chunksize=2):
                got.append(report)
        assert len(got) == 3
        assert any("item 3" in note and "bad.txt" in note for note in caught.value.__notes__)


def test_parse_many_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(parse_many([tmp_path / "missing.txt"], workers=1))


def test_parse_many_rejects_bad_workers() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(parse_many(texts(2), workers=0))
    with pytest.raises(TypeError):
        list(parse_many(texts(2), workers=1.5))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------------
# rows and files


def test_report_rows_columns_and_section_paths() -> None:
    report = parse(OUTLINE + WITH_NUMBERS.replace("一、", "四、").replace("二、", "五、"))
    rows = report_rows(report, file="r.txt")
    columns = table_columns()
    for table in ("documents", "headings", "metrics"):
        for row in rows[table]:
            assert tuple(row) == columns[table]
            assert row["file"] == "r.txt"
    titles = {row["title"]: row for row in rows["headings"]}
    assert titles["队伍建设"]["section"] == "基本情况 > 队伍建设"
    assert titles["基本情况"]["section"] == "基本情况"
    assert len(rows["headings"]) == len(report.headings)
    assert len(rows["metrics"]) == len(report.metrics) > 0
    for row, metric in zip(rows["metrics"], report.metrics, strict=True):
        assert row["section"] == " > ".join(metric.section)
        assert row["value"] == (None if metric.value is None else format(metric.value, "f"))
    assert sum(d["headings"] for d in rows["documents"]) == len(report.headings)
    assert sum(d["metrics"] for d in rows["documents"]) == len(report.metrics)


def test_find_files(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "c")
    found = find_files([tmp_path / "c"])
    assert found[0].name == "a_utf8.txt"
    assert {p.name for p in found} == {p.name for p in files.values()}  # no .md, nothing hidden
    assert find_files([tmp_path / "c"], pattern="*.md") == [tmp_path / "c" / "notes.md"]
    # an explicit file is taken whatever its name, and each file once
    again = find_files([tmp_path / "c" / "notes.md", tmp_path / "c", files["utf8"]])
    assert again[0].name == "notes.md" and len(again) == len(files) + 1
    assert {p.name for p in find_files([str(tmp_path / "c" / "**" / "c_*.txt")])} == {"c_gbk.txt"}
    with pytest.raises(FileNotFoundError, match="nothing"):
        find_files([tmp_path / "nothing"])


def test_parse_file_never_raises(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "c")
    good = parse_file(files["gbk"])
    assert good.ok and good.encoding == "gb18030" and good.tables["headings"]
    assert good.tables["headings"][0]["file"] == str(files["gbk"])
    bad = parse_file(files["binary"], file="shown.txt")
    assert not bad.ok and bad.error == "ReportDecodeError" and bad.message and "shown.txt" in bad.message
    missing = parse_file(tmp_path / "missing.txt")
    assert not missing.ok and missing.error == "FileNotFoundError"
    folder = parse_file(tmp_path)
    assert not folder.ok and folder.error == "IsADirectoryError"


# ---------------------------------------------------------------------------------------------------------
# write_tables


def read_rows(out: Path, table: str, fmt: str = "csv") -> list[dict[str, Any]]:
    path = out / f"{table}.{fmt}"
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]
    import pandas

    frame: Any = pandas.read_parquet(path)
    return list(frame.to_dict("records"))


def test_write_tables_csv(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "c")
    out = tmp_path / "out"
    calls: list[tuple[int, int, int, FileOutcome]] = []
    summary = write_tables([tmp_path / "c"], out, workers=2, progress=lambda *args: calls.append(args))
    assert (summary.found, summary.parsed, summary.failed, summary.skipped) == (6, 5, 1, 0)
    assert [c[0] for c in calls] == [1, 2, 3, 4, 5, 6] and calls[-1][1:3] == (6, 1)
    assert out.joinpath("documents.csv").read_bytes().startswith(b"file,")  # no byte-order mark
    failures = read_rows(out, "failures")
    assert [(f["file"], f["error"]) for f in failures] == [(str(files["binary"]), "ReportDecodeError")]
    headings = read_rows(out, "headings")
    by_file: dict[str, int] = {}
    for row in headings:
        by_file[row["file"]] = by_file.get(row["file"], 0) + 1
    assert by_file[str(files["gbk"])] == by_file[str(files["utf8"])] == by_file[str(files["utf16"])] == HEADINGS
    assert str(files["empty"]) not in by_file
    documents = read_rows(out, "documents")
    assert str(files["empty"]) in {d["file"] for d in documents}  # an empty file is one empty document
    metrics = read_rows(out, "metrics")
    assert metrics and {m["file"] for m in metrics} == {str(files["numbers"])}
    assert metrics[0]["value"] in {"2", "55983", "555700"} and metrics[0]["kind"]
    assert tuple(metrics[0]) == table_columns()["metrics"]
    gbk = next(h for h in headings if h["file"] == str(files["gbk"]) and h["title"] == "队伍建设")
    utf8 = next(h for h in headings if h["file"] == str(files["utf8"]) and h["title"] == "队伍建设")
    assert (gbk["start"], gbk["section"]) == (utf8["start"], utf8["section"]) == (utf8["start"], "基本情况 > 队伍建设")
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]
    assert {m["status"] for m in manifest} == {"ok", "failed"} and len(manifest) == 6
    assert {m["encoding"] for m in manifest} >= {"gb18030", "utf-16-le", "utf-8"}


def test_write_tables_resumes_and_redoes_changed_files(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "c")
    out = tmp_path / "out"
    first = write_tables([tmp_path / "c"], out, workers=1)
    rows = {t: read_rows(out, t) for t in ("documents", "headings", "metrics", "failures")}

    again = write_tables([tmp_path / "c"], out, workers=1)
    assert (again.skipped, again.parsed, again.failed) == (first.found, 0, 0)
    assert {t: read_rows(out, t) for t in rows} == rows

    # a changed file is parsed again and its old rows replaced; a new file is added
    files["utf8"].write_text(OUTLINE + "四、其他事项\n", encoding="utf-8")
    stat = files["utf8"].stat()
    os.utime(files["utf8"], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    (tmp_path / "c" / "g_new.txt").write_text(OUTLINE, encoding="utf-8")
    third = write_tables([tmp_path / "c"], out, workers=1)
    assert (third.skipped, third.parsed, third.failed) == (first.found - 1, 2, 0)
    headings = read_rows(out, "headings")
    changed = [h for h in headings if h["file"] == str(files["utf8"])]
    assert len(changed) == HEADINGS + 1 and changed[-1]["title"] == "其他事项"
    assert len(headings) == len(rows["headings"]) + 1 + HEADINGS
    assert read_rows(out, "failures") == rows["failures"]

    forced = write_tables([tmp_path / "c"], out, workers=1, force=True)
    assert (forced.skipped, forced.parsed, forced.failed) == (0, first.found, 1)
    assert len(read_rows(out, "headings")) == len(headings)


def test_write_tables_drops_rows_not_in_the_manifest(tmp_path: Path) -> None:
    """Rows written by a run that stopped before its manifest line are dropped on resume."""
    make_corpus(tmp_path / "c")
    out = tmp_path / "out"
    write_tables([tmp_path / "c"], out, workers=1, format="jsonl")
    manifest = (out / "manifest.jsonl").read_text("utf-8").splitlines()
    (out / "manifest.jsonl").write_text("\n".join(manifest[:2]) + '\n{"cut sh', encoding="utf-8")
    before = read_rows(out, "headings", "jsonl")
    summary = write_tables([tmp_path / "c"], out, workers=1, format="jsonl")
    assert summary.skipped == 2 and summary.parsed + summary.failed == 4
    assert sorted(map(json.dumps, read_rows(out, "headings", "jsonl"))) == sorted(map(json.dumps, before))


def test_write_tables_jsonl(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "c")
    out = tmp_path / "out"
    write_tables([tmp_path / "c"], out, workers=1, format="jsonl")
    headings = read_rows(out, "headings", "jsonl")
    first = headings[0]
    assert first["file"] == str(files["utf8"]) and first["level"] == 1 and first["inline"] is False
    assert first["parent"] is None and first["title"] == "基本情况"


def test_write_tables_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    files = make_corpus(tmp_path / "c")
    out = tmp_path / "out"
    write_tables([tmp_path / "c"], out, workers=1, format="parquet")
    headings = read_rows(out, "headings", "parquet")
    assert len(headings) == 3 * HEADINGS + 2 and headings[0]["file"] == str(files["utf8"])
    files["gbk"].write_bytes(OUTLINE.encode("gbk") + "四、其他\n".encode("gbk"))
    stat = files["gbk"].stat()
    os.utime(files["gbk"], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    summary = write_tables([tmp_path / "c"], out, workers=1, format="parquet")
    assert summary.parsed == 1 and summary.skipped == 5
    assert len(read_rows(out, "headings", "parquet")) == 3 * HEADINGS + 2 + 1
    assert len(read_rows(out, "failures", "parquet")) == 1


def test_parquet_without_pyarrow_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    with pytest.raises(GongwenError, match=r"gongwen\[pandas\]' pyarrow"):
        write_tables([tmp_path], tmp_path / "out", format="parquet")


def test_write_tables_refuses_to_mix_formats(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c")
    out = tmp_path / "out"
    write_tables([tmp_path / "c"], out, workers=1, format="jsonl")
    with pytest.raises(GongwenError, match="--format jsonl"):
        write_tables([tmp_path / "c"], out, workers=1, format="csv")
    summary = write_tables([tmp_path / "c"], out, workers=1, format="csv", force=True)
    assert summary.skipped == 0 and not (out / "headings.jsonl").exists()


def test_write_tables_missing_input_is_a_failure(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c")
    summary = write_tables([tmp_path / "nope", tmp_path / "c"], tmp_path / "out", workers=1)
    assert summary.failures[0][:2] == (str(tmp_path / "nope"), "FileNotFoundError")
    assert summary.failed == 2 and summary.parsed == 5


def test_write_tables_out_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    with pytest.raises(GongwenError, match="is a file"):
        write_tables([tmp_path], tmp_path / "out")
    with pytest.raises(ValueError, match="format"):
        write_tables([tmp_path], tmp_path / "o2", format="xlsx")


def test_nothing_to_parse(tmp_path: Path) -> None:
    summary = write_tables([], tmp_path / "out", workers=1)
    assert summary.found == summary.attempted == 0 and summary.files_per_second == 0.0
    assert (tmp_path / "out" / "manifest.jsonl").exists()


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork", reason="the patched parser reaches workers by fork"
)
def test_a_worker_that_dies_fails_its_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gongwen.files

    def crashing_parse(text: str) -> Any:
        if "CRASH" in text:
            os._exit(3)  # what the kernel's OOM killer or a segfault looks like to the pool
        return parse(text)

    monkeypatch.setattr(gongwen.files, "parse", crashing_parse)
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(OUTLINE + ("CRASH\n" if i == 5 else ""), encoding="utf-8")
    summary = write_tables([folder], tmp_path / "out", workers=2, chunksize=2)
    assert (summary.parsed, summary.failed) == (11, 1)
    assert summary.failures[0][:2] == (str(folder / "05.txt"), "WorkerCrashed")
    files = [row["file"] for row in read_rows(tmp_path / "out", "documents")]
    assert files == [str(folder / f"{i:02d}.txt") for i in range(12) if i != 5]


def test_two_batches_cannot_write_one_folder(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".gongwen-batch.lock", "a") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(GongwenError, match="another gongwen batch"):
            write_tables([tmp_path], out)
    assert write_tables([tmp_path], out).found == 0


# ---------------------------------------------------------------------------------------------------------
# per-file timeout


def _slow_when_marked(text: str) -> Any:
    """parse, but a text holding SLOW takes ten seconds (a file too big or too odd to wait for)."""
    if "SLOW" in text:
        time.sleep(10)
    return parse(text)


def test_parse_file_gives_up_after_its_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gongwen.files

    monkeypatch.setattr(gongwen.files, "parse", _slow_when_marked)
    slow, fast = tmp_path / "slow.txt", tmp_path / "fast.txt"
    slow.write_text(OUTLINE + "SLOW\n", encoding="utf-8")
    fast.write_text(OUTLINE, encoding="utf-8")
    handler = signal.getsignal(signal.SIGALRM)
    outcome = parse_file(slow, timeout=0.2)
    assert (outcome.ok, outcome.error) == (False, "ParseTimeoutError")
    assert outcome.message is not None and "longer than 0.2 s" in outcome.message and str(slow) in outcome.message
    assert outcome.seconds < 5
    assert signal.getsignal(signal.SIGALRM) is handler and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert parse_file(fast, timeout=5).ok


@pytest.mark.parametrize("workers", [1, 2])
def test_write_tables_records_a_file_that_takes_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    import gongwen.files

    monkeypatch.setattr(gongwen.files, "parse", _slow_when_marked)  # worker processes are forked with it
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(OUTLINE + ("SLOW\n" if i == 2 else ""), encoding="utf-8")
    summary = write_tables([folder], tmp_path / "out", workers=workers, chunksize=1, timeout=0.5)
    assert (summary.parsed, summary.failed) == (5, 1)
    assert summary.failures[0][:2] == (str(folder / "2.txt"), "ParseTimeoutError")
    assert summary.seconds < 8


@pytest.mark.parametrize("timeout", [0, -1.5, float("nan"), "3", True])
def test_a_bad_timeout_is_refused(tmp_path: Path, timeout: Any) -> None:
    with pytest.raises(GongwenError, match="timeout must be a number of seconds above 0"):
        write_tables([tmp_path], tmp_path / "out", workers=1, timeout=timeout)


def test_a_timeout_in_process_needs_the_main_thread(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(OUTLINE, encoding="utf-8")
    errors: list[BaseException] = []

    def run() -> None:
        try:
            write_tables([tmp_path / "a.txt"], tmp_path / "out", workers=1, timeout=5)
        except GongwenError as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert len(errors) == 1 and "main thread" in str(errors[0]) and "workers=2" in str(errors[0])


# ---------------------------------------------------------------------------------------------------------
# parse_many with folders and patterns; encodings through the API


def test_parse_many_expands_a_folder_or_pattern_like_the_command_line(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "c")
    files.pop("binary").unlink()
    readable = list(files.values())
    folder = tmp_path / "c"
    expected = [parse(read_text(p)).to_dict() for p in find_files([folder])]
    assert len(expected) == len(readable)
    for given in (folder, str(folder), str(folder / "**" / "*.txt")):
        assert [r.to_dict() for r in parse_many(given, workers=1)] == expected
    # a Path to a folder inside a list stands for its files; a str in a list is still text
    mixed = list(parse_many([OUTLINE, folder, Path(files["utf8"])], workers=2, chunksize=1))
    assert len(mixed) == 1 + len(readable) + 1 and mixed[0].text == OUTLINE
    assert [r.to_dict() for r in parse_many(folder, workers=1, pattern="c_*.txt")] == [
        parse(read_text(files["gbk"])).to_dict()
    ]


def test_parse_many_refuses_one_text_and_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputTypeError, match=r"gongwen\.parse\(text\)"):
        list(parse_many(OUTLINE))
    with pytest.raises(FileNotFoundError, match="nothing"):
        list(parse_many(tmp_path / "nothing"))


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_encoding_and_errors(tmp_path: Path, workers: int) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(WITH_NUMBERS.encode("utf-8") * 3 + b"\xff" + WITH_NUMBERS.encode("utf-8"))
    with pytest.raises(ReportDecodeError, match=r"offset \d+ \(line 13, column 1\)"):
        list(parse_many([damaged], workers=workers))
    with pytest.warns(ReportDecodeWarning, match="1 byte sequence not in UTF-8 replaced"):
        (report,) = parse_many([damaged], workers=workers, errors="replace")
    assert report.text.count("\ufffd") == 1 and len(report.metrics) == 4 * len(parse(WITH_NUMBERS).metrics)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(OUTLINE.encode("gbk"))
    assert next(parse_many([gbk], workers=workers, encoding="gbk")).text == OUTLINE


def test_write_tables_counts_replaced_characters_in_the_warnings_table(tmp_path: Path) -> None:
    damaged = tmp_path / "in" / "damaged.txt"
    damaged.parent.mkdir()
    damaged.write_bytes(OUTLINE.encode("utf-8") + b"\xff\xfe" + OUTLINE.encode("utf-8"))
    out = tmp_path / "out"
    strict = write_tables([damaged], out, workers=1)
    assert strict.failed == 1 and strict.failures[0][1] == "ReportDecodeError"
    assert "errors='replace'" in strict.failures[0][2]
    replaced = write_tables([damaged], tmp_path / "out2", workers=1, errors="replace", format="jsonl")
    assert (replaced.parsed, replaced.warnings, replaced.totals["warnings"]) == (1, 1, 1)
    rows = read_table(tmp_path / "out2" / "warnings.jsonl")
    assert list(rows["warning"]) == ["replaced"] and list(rows["count"]) == [2]
    assert "offset" in rows["message"][0] and str(damaged) == rows["file"][0]
    outcome = parse_file(damaged, errors="replace")
    assert outcome.ok and outcome.counts["warnings"] == 1 and outcome.tables["warnings"][0]["count"] == 2
    with pytest.raises(GongwenError, match="unknown encoding"):
        write_tables([damaged], tmp_path / "out3", encoding="no-such-codec")
