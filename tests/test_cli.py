"""The command line, run through its real entry point: ``python -m gongwen …``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console, RenderableType

from gongwen import __version__
from gongwen.batch import FileOutcome
from gongwen.cli import _Progress, main, render_metrics, render_outline, render_summary
from gongwen.io import read_text
from gongwen.model import Metric, MetricKind, Qualifier, Report, Span
from gongwen.parser import parse

# Texts without numbers parse without loading the word segmenter, which keeps these runs quick.
OUTLINE = "关于教育工作的报告\n一、基本情况\n(一)队伍建设\n(二)制度建设\n二、存在问题\n三、下步打算\n"
WITH_NUMBERS = "一、基本情况\n全镇有初级中学2所,总人口55983人。\n(一)投入情况\n投入资金55.57万元。\n"
ANSI = "\x1b["


def gongwen(*args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None) -> Any:
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "gongwen", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=120,
    )


def out(result: Any) -> str:
    return str(result.stdout.decode("utf-8"))


def as_json(data: Any) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


def err(result: Any) -> str:
    return str(result.stderr.decode("utf-8"))


@pytest.fixture
def outline_file(tmp_path: Path) -> Path:
    path = tmp_path / "outline.txt"
    path.write_text(OUTLINE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def numbers_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("numbers") / "numbers.txt"
    path.write_text(WITH_NUMBERS, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------------------
# general


def test_version() -> None:
    result = gongwen("--version")
    assert result.returncode == 0
    assert out(result).strip() == f"gongwen {__version__}"


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    result = gongwen("--help")
    assert result.returncode == 0
    assert "examples:" in out(result) and "gongwen batch" in out(result)
    for command in ("parse", "batch"):
        with pytest.raises(SystemExit) as caught:
            main([command, "--help"])
        assert caught.value.code == 0
        assert "examples:" in capsys.readouterr().out


@pytest.mark.parametrize("args", [(), ("batch", "x", "--out", "o", "--workers", "0")])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = gongwen(*args)
    assert result.returncode == 2
    assert "usage:" in err(result)


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["parse"],
        ["parse", "--nope", "x"],
        ["parse", "--metrics-only", "--outline-only", "x"],
        ["parse", "--sample", "x.txt"],
        ["batch", "x"],
        ["batch", "x", "--out", "o", "--workers", "two"],
        ["batch", "x", "--out", "o", "--format", "xlsx"],
    ],
)
def test_more_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------------------
# gongwen parse


def test_parse_prints_an_outline_tree(outline_file: Path) -> None:
    result = gongwen("parse", outline_file)
    assert result.returncode == 0, err(result)
    lines = out(result).splitlines()
    assert lines[0].startswith("Document 0 关于教育工作的报告") and "[5 headings]" in lines[0]
    assert "├── 一、基本情况" in lines
    assert "│   ├── (一)队伍建设" in lines  # nested by level
    assert "├── 二、存在问题" in lines and "└── 三、下步打算" in lines
    assert "(no metrics)" in lines
    assert lines[-1] == "1 document, 5 headings, 0 metrics, 0 noise spans"
    assert ANSI not in out(result)  # not a terminal: no colour


def test_parse_json_is_report_to_dict(numbers_file: Path) -> None:
    result = gongwen("parse", "--json", numbers_file)
    assert result.returncode == 0, err(result)
    data = json.loads(out(result))
    assert data == as_json(parse(read_text(numbers_file)).to_dict())
    assert data["metrics"]
    assert "总人口" in out(result)  # ensure_ascii=False


def test_parse_metrics_table_and_only_flags(numbers_file: Path, outline_file: Path) -> None:
    metrics = gongwen("parse", "--metrics-only", numbers_file, env={"COLUMNS": "120"})
    assert metrics.returncode == 0
    lines = out(metrics).splitlines()
    assert lines[0].strip() == "Metrics (3)"
    assert lines[1].split() == ["text", "value", "kind", "qualifier", "subject", "section"]
    rows = [line.split() for line in lines[3:6]]
    assert rows[1] == ["55983人", "55,983人", "count", "总人口", "一、基本情况"]
    assert rows[2] == ["55.57万元", "55.57万元", "money", "投入资金", "一、(一)投入情况"]
    assert "├──" not in out(metrics)
    assert lines[-1] == "1 document, 2 headings, 3 metrics, 0 noise spans"
    outline = gongwen("parse", "--outline-only", outline_file)
    assert "├── 一、基本情况" in out(outline)
    assert "Metrics" not in out(outline) and "(no metrics)" not in out(outline)
    assert out(outline).splitlines()[-1] == "1 document, 5 headings, 0 noise spans"  # metrics were not read


def test_outline_only_does_not_load_jieba(numbers_file: Path) -> None:
    code = (
        "import sys\n"
        "from gongwen.cli import main\n"
        f"assert main(['parse', '--outline-only', {str(numbers_file)!r}]) == 0\n"
        f"assert main(['parse', '--outline-only', '--json', {str(numbers_file)!r}]) == 0\n"
        "print('jieba' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert result.returncode == 0, err(result)
    assert err(result).strip() == "False"
    assert "基本情况" in out(result)


@pytest.mark.parametrize("width", [80, 200])
def test_every_line_fits_the_terminal_width(width: int) -> None:
    long_title = "加强师德师风建设,深入落实教师职业道德规范和关于在全区各级各类学校推行师德承诺制的意见" * 2
    text = f"关于教育工作的报告\n一、{long_title}\n全年投入经费5.2万亿元,比上年增长7.4%,资助3000-5000元。\n"
    for args in (("--sample",), ("-",)):
        result = gongwen("parse", *args, stdin=text.encode("utf-8"), env={"COLUMNS": str(width)})
        assert result.returncode == 0, err(result)
        lines = out(result).splitlines()
        assert max(cell_len(line) for line in lines) <= width
        assert len(lines) > 5
    assert any(cell_len(line) > 100 for line in lines) is (width == 200)  # the table uses the width it has


def test_parse_json_only_flags(outline_file: Path) -> None:
    metrics = json.loads(out(gongwen("parse", "--json", "--metrics-only", outline_file)))
    assert metrics == {"metrics": []}
    outline = json.loads(out(gongwen("parse", "--json", "--outline-only", outline_file)))
    assert list(outline) == ["documents", "headings", "outline"]


def test_parse_sample() -> None:
    result = gongwen("parse", "--sample", "--json")
    assert result.returncode == 0, err(result)
    data = json.loads(out(result))
    assert len(data["headings"]) > 10


def test_parse_stdin() -> None:
    result = gongwen("parse", "--json", "-", stdin=OUTLINE.encode("gb18030"))
    assert result.returncode == 0, err(result)
    assert json.loads(out(result)) == as_json(parse(OUTLINE).to_dict())


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_parse_each_encoding_gives_the_same_json(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(OUTLINE.replace("\n", "\r\n").encode(encoding))
    result = gongwen("parse", "--json", path)
    assert result.returncode == 0, err(result)
    # a UTF-8 byte-order mark stays a character, as with open(path, encoding="utf-8")
    decoded = "\ufeff" + OUTLINE if encoding == "utf-8-sig" else OUTLINE
    assert json.loads(out(result)) == as_json(parse(decoded).to_dict())


def test_parse_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    result = gongwen("parse", path)
    assert result.returncode == 1
    assert str(path) in err(result) and "UTF-8" in err(result)
    assert out(result) == ""


def test_parse_missing_file(tmp_path: Path) -> None:
    result = gongwen("parse", "--json", tmp_path / "missing.txt")
    assert result.returncode == 1
    assert "missing.txt" in err(result) and "No such file" in err(result)
    assert out(result) == ""


def test_parse_directory(tmp_path: Path) -> None:
    result = gongwen("parse", tmp_path)
    assert result.returncode == 1
    assert "is a folder" in err(result) and "gongwen batch" in err(result)


def test_parse_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = gongwen("parse", "--json", path)
    assert result.returncode == 0
    data = json.loads(out(result))
    assert data["headings"] == [] and data["metrics"] == []
    assert "empty" in err(result)
    assert "(no headings)" in out(gongwen("parse", path))


def test_parse_colour_flag_and_no_color(outline_file: Path) -> None:
    assert ANSI in out(gongwen("parse", "--color", "always", outline_file))
    assert ANSI not in out(gongwen("parse", "--color", "never", outline_file))
    assert ANSI not in out(gongwen("parse", outline_file, env={"NO_COLOR": "1"}))


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("no_color", "coloured"), [(False, True), (True, False)])
def test_parse_colours_only_on_a_terminal(outline_file: Path, no_color: bool, coloured: bool) -> None:
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | ({"NO_COLOR": "1"} if no_color else {})
    with subprocess.Popen(
        [sys.executable, "-m", "gongwen", "parse", str(outline_file)],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO once the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8")
    assert "基本情况" in shown
    assert (ANSI in shown) is coloured


# rendering, in process -----------------------------------------------------------------------------------


def _report_with_metrics() -> Report:
    text = "一、总体情况\n总人口55983人,约3000名学生,投入经费93万余元。"
    base = parse(text)

    def metric(surface: str, value: str, unit: str, kind: str, **extra: Any) -> Metric:
        start = text.index(surface)
        return Metric(Span(start, start + len(surface)), surface, value, unit, kind, heading=0, **extra)

    metrics = [
        metric("55983人", "55983", "人", MetricKind.COUNT, subject="总人口"),
        metric("约3000名", "3000", "名", MetricKind.COUNT, qualifier=Qualifier.APPROX, subject="学生"),
        metric("93万余元", "930000", "元", MetricKind.MONEY, qualifier=Qualifier.MORE_THAN, magnitude="万"),
    ]
    return Report(text=text, documents=base.documents, headings=base.headings, metrics=metrics)


def render(renderable: RenderableType, *, width: int = 120, colour: bool = False) -> str:
    console = Console(
        file=io.StringIO(), width=width, force_terminal=colour, color_system="standard" if colour else None
    )
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def test_render_metrics_shows_values_as_the_report_writes_them() -> None:
    lines = render(render_metrics(_report_with_metrics())).splitlines()
    header = lines[1]
    rows = [line.split() for line in lines[3:6]]
    assert rows == [
        ["55983人", "55,983人", "count", "总人口", "一、总体情况"],
        ["约3000名", "3,000名", "count", "approx", "学生", "一、总体情况"],
        ["93万余元", "93万元", "money", "more_than", "一、总体情况"],
    ]
    # the value column is right-aligned: every value ends at the same display column
    value_end = cell_len(header[: header.index("value") + len("value")])
    for line, value in zip(lines[3:6], ("55,983人", "3,000名", "93万元"), strict=True):
        assert cell_len(line[: line.index(value) + len(value)]) == value_end


def test_render_metrics_ranges_and_masked_values() -> None:
    text = "教师10__人,面积3-5亩"
    metrics = [
        Metric(Span(2, 6), "10__", None, "人", "count", redacted=True),
        Metric(Span(9, 13), "3-5亩", None, "亩", "area", low="3", high="5"),
    ]
    shown = render(render_metrics(Report(text=text, documents=parse(text).documents, metrics=metrics)))
    assert "masked" in shown and "3–5亩" in shown


def test_render_outline_colour_and_summary() -> None:
    report = parse(OUTLINE)
    plain = render(render_outline(report))
    coloured = render(render_outline(report), colour=True)
    assert ANSI not in plain and ANSI in coloured
    assert plain.splitlines()[1] == "├── 一、基本情况"
    assert render_summary(report).plain == "1 document, 5 headings, 0 metrics, 0 noise spans"
    assert render_summary(report, metrics=False).plain == "1 document, 5 headings, 0 noise spans"


def test_progress_on_a_terminal_is_a_bar() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = _Progress(stream, quiet=False)
    ok = FileOutcome(file="a.txt", ok=True)
    bad = FileOutcome(file="b.txt", ok=False, error="ReportDecodeError", message="b.txt: binary")
    progress(1, 3, 0, ok)
    progress(2, 3, 1, bad)
    progress(3, 3, 1, ok)
    progress.finish()
    shown = stream.getvalue()
    assert "failed: b.txt: ReportDecodeError: binary" in shown  # printed above the bar
    final = shown.rsplit("\r", 1)[-1]
    assert "3/3" in final and "100%" in final and "files/s" in final and "1 failed" in final
    assert "━" in final


def test_progress_elsewhere_is_log_lines() -> None:
    stream = io.StringIO()
    progress = _Progress(stream, quiet=False)
    progress(1, 2, 1, FileOutcome(file="b.txt", ok=False, error="ReportDecodeError", message="binary"))
    progress(2, 2, 1, FileOutcome(file="a.txt", ok=True))
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "gongwen batch: failed: b.txt: ReportDecodeError: binary"
    assert lines[-1].startswith("gongwen batch: 2/2 files, ") and lines[-1].endswith("files/s, 1 failed")
    assert ANSI not in stream.getvalue()


# ---------------------------------------------------------------------------------------------------------
# gongwen batch


def make_corpus(root: Path, *, numbers: bool = False) -> dict[str, Path]:
    """UTF-8, GBK, empty and binary files; with ``numbers``, one with metrics (slower: loads jieba)."""
    (root / "sub").mkdir(parents=True)
    files = {
        "utf8": root / "a.txt",
        "numbers": root / "b.txt",
        "gbk": root / "sub" / "c_gbk.txt",
        "empty": root / "d_empty.txt",
        "binary": root / "e_binary.txt",
    }
    files["utf8"].write_text(OUTLINE, encoding="utf-8")
    files["numbers"].write_text(WITH_NUMBERS if numbers else OUTLINE, encoding="utf-8")
    files["gbk"].write_bytes(OUTLINE.encode("gbk"))
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 4)
    return files


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_batch_csv_resume_and_force(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "corpus", numbers=True)
    dest = tmp_path / "out"
    result = gongwen("batch", tmp_path / "corpus", "--out", dest, "--workers", "2")
    assert result.returncode == 0, err(result)
    assert "4 files parsed, 1 failed" in out(result)
    assert "e_binary.txt" in out(result) and "ReportDecodeError" in out(result)
    assert "files/s" in err(result)  # progress as plain log lines when not on a terminal
    assert "\r" not in err(result)
    documents = read_csv(dest / "documents.csv")
    assert {d["file"] for d in documents} == {str(p) for k, p in files.items() if k != "binary"}
    headings = read_csv(dest / "headings.csv")
    gbk = [h for h in headings if h["file"] == str(files["gbk"])]
    assert [h["title"] for h in gbk] == ["基本情况", "队伍建设", "制度建设", "存在问题", "下步打算"]
    assert gbk[1]["section"] == "基本情况 > 队伍建设" and gbk[1]["level"] == "2"
    metrics = read_csv(dest / "metrics.csv")
    assert metrics and all(m["file"] == str(files["numbers"]) for m in metrics)
    assert {"55983", "555700"} <= {m["value"] for m in metrics}
    failures = read_csv(dest / "failures.csv")
    assert [(f["file"], f["error"]) for f in failures] == [(str(files["binary"]), "ReportDecodeError")]
    assert "UTF-8" in failures[0]["message"]

    again = gongwen("batch", tmp_path / "corpus", "--out", dest)
    assert again.returncode == 0
    assert "0 files parsed, 0 failed, 5 skipped" in out(again)
    assert read_csv(dest / "headings.csv") == headings
    assert read_csv(dest / "failures.csv") == failures

    forced = gongwen("batch", tmp_path / "corpus", "--out", dest, "--force", "--workers", "1")
    assert forced.returncode == 0
    assert "4 files parsed, 1 failed" in out(forced) and "skipped" not in out(forced)
    assert read_csv(dest / "headings.csv") == headings
    assert read_csv(dest / "metrics.csv") == metrics


def test_batch_jsonl_with_globs_and_files(tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "corpus")
    dest = tmp_path / "out"
    pattern = str(tmp_path / "corpus" / "**" / "c_*.txt")
    result = gongwen("batch", pattern, files["utf8"], "--out", dest, "--format", "jsonl", "-q")
    assert result.returncode == 0, err(result)
    assert err(result) == ""  # --quiet
    with open(dest / "headings.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    assert [r["file"] for r in rows] == [str(files["gbk"])] * 5 + [str(files["utf8"])] * 5
    assert rows[1]["level"] == 2 and rows[1]["parent"] == 0 and rows[1]["inline"] is False
    with open(dest / "failures.jsonl", encoding="utf-8") as handle:
        assert handle.read() == ""


def test_batch_parquet(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    files = make_corpus(tmp_path / "corpus")
    dest = tmp_path / "out"
    result = gongwen("batch", tmp_path / "corpus", "--out", dest, "--format", "parquet")
    assert result.returncode == 0, err(result)
    headings = pandas.read_parquet(dest / "headings.parquet")
    assert len(headings) == 5 + 5 + 5
    assert str(headings["level"].dtype) == "Int64"
    failures = pandas.read_parquet(dest / "failures.parquet")
    assert list(failures["file"]) == [str(files["binary"])]


def test_batch_every_file_failed(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00" * 10)
    result = gongwen("batch", tmp_path / "bad.txt", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "every file failed" in err(result)
    assert "0 files parsed, 1 failed" in out(result)


def test_batch_nothing_found(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = gongwen("batch", tmp_path / "in", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "no files found" in err(result)


def test_batch_missing_input_is_reported(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus")
    result = gongwen("batch", tmp_path / "corpus", tmp_path / "typo", "--out", tmp_path / "out")
    assert result.returncode == 0
    assert "typo: FileNotFoundError" in out(result)
    assert "4 files parsed, 2 failed" in out(result)


def test_batch_format_mismatch(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus")
    dest = tmp_path / "out"
    assert gongwen("batch", tmp_path / "corpus", "--out", dest, "-f", "jsonl").returncode == 0
    result = gongwen("batch", tmp_path / "corpus", "--out", dest)
    assert result.returncode == 1
    assert "--format jsonl" in err(result)


def test_batch_pattern_and_output_inside_the_input(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OUTLINE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OUTLINE, encoding="utf-8")
    result = gongwen("batch", tmp_path, "--out", tmp_path / "out", "--pattern", "*.md")
    assert result.returncode == 0, err(result)
    assert "1 file parsed, 0 failed" in out(result)
    assert {row["file"] for row in read_csv(tmp_path / "out" / "documents.csv")} == {str(tmp_path / "a.md")}
    # with every file taken, the tables in --out are not read back as reports on the next run
    again = gongwen("batch", tmp_path, "--out", tmp_path / "out", "--pattern", "*", "-f", "csv")
    assert again.returncode == 0, err(again)
    assert "1 file parsed, 0 failed, 1 skipped" in out(again)


def test_batch_timeout(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus")
    result = gongwen("batch", tmp_path / "corpus", "--out", tmp_path / "out", "--timeout", "30", "-q")
    assert result.returncode == 0, err(result)
    assert "4 files parsed, 1 failed" in out(result)
    for bad in ("0", "-2", "soon"):
        refused = gongwen("batch", tmp_path / "corpus", "--out", tmp_path / "out2", "--timeout", bad)
        assert refused.returncode == 2 and "--timeout" in err(refused)


def test_text_that_looks_like_markup_is_shown_as_written(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("一、情况[/b]\n全年[bold]投入[/x]55.57万元。\n", encoding="utf-8")
    result = gongwen("parse", path, "--color", "always")
    assert result.returncode == 0, err(result)
    assert "情况[/b]" in out(result)


def test_limit_caps_what_is_drawn_not_what_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(OUTLINE + "\n关于卫生工作的报告\n" + WITH_NUMBERS, encoding="utf-8")
    report = parse(read_text(path))
    shown = render(render_outline(report, limit=2)).splitlines()
    assert shown[1:3] == ["└── 一、基本情况", "    └── (一)队伍建设"]
    assert shown[-1] == f"… {len(report.headings) - 2} more headings (--limit 0 shows all; --json has all)"
    assert not any(line.startswith("Document 1") for line in shown)
    assert render(render_outline(report, limit=len(report.headings))) == render(render_outline(report))
    result = gongwen("parse", path, "--limit", "1")
    assert result.returncode == 0, err(result)
    lines = out(result).splitlines()
    assert "… 2 more metrics (--limit 0 shows all; --json has all)" in lines
    assert lines[-1] == f"2 documents, {len(report.headings)} headings, 3 metrics, 0 noise spans"
    assert "… " not in out(gongwen("parse", path, "--limit", "0"))
    assert gongwen("parse", path, "--limit", "-1").returncode == 2


def test_batch_keeps_earlier_files_prunes_on_request_and_refuses_a_clash(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for place in (one, two):
        (place / "sub").mkdir(parents=True)
        (place / "sub" / "report.txt").write_text(OUTLINE, encoding="utf-8")
    (one / "extra.txt").write_text(OUTLINE, encoding="utf-8")
    dest = tmp_path / "out"
    assert gongwen("batch", one, "--out", dest, "-q").returncode == 0
    help_text = out(gongwen("batch", "--help"))
    assert "--prune" in help_text and "keeps the rows of every earlier file" in help_text.replace("\n", " ")

    # other inputs: the earlier rows are kept, and the summary says so
    other = gongwen("batch", two, "--out", dest, "-q")
    assert other.returncode == 0, err(other)
    assert "kept: the rows of 2 earlier files not among these inputs (--prune drops them)" in out(other)
    assert "tables now hold: 3 files and 0 failures;" in out(other)
    assert {row["file"] for row in read_csv(dest / "documents.csv")} == {
        str(one / "extra.txt"),
        str(one / "sub" / "report.txt"),
        str(two / "sub" / "report.txt"),
    }

    # --prune drops them, naming them
    pruned = gongwen("batch", two, "--out", dest, "-q", "--prune")
    assert pruned.returncode == 0, err(pruned)
    assert "dropped: the rows of 2 files not among these inputs (--prune)" in out(pruned)
    assert str(one / "extra.txt") in out(pruned)
    assert {row["file"] for row in read_csv(dest / "documents.csv")} == {str(two / "sub" / "report.txt")}

    # the same relative name for another file is refused, naming both and the ways out
    clash = tmp_path / "clash"

    def run_in(place: Path) -> Any:
        command = [sys.executable, "-m", "gongwen", "batch", "sub", "--out", str(clash), "-q"]
        return subprocess.run(command, cwd=place, capture_output=True, check=False)

    assert run_in(one).returncode == 0
    refused = run_in(two)
    assert refused.returncode == 1
    message = refused.stderr.decode("utf-8")
    assert "sub/report.txt" in message and "--prune" in message and str(two) in message and str(one) in message


def test_parse_and_batch_encoding_and_errors(tmp_path: Path) -> None:
    data = bytearray(WITH_NUMBERS.encode("utf-8") * 20)
    bad_at = len(WITH_NUMBERS.encode("utf-8")) * 12 + 3
    data[bad_at:bad_at] = b"\xff"
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    strict = gongwen("parse", "--json", path)
    assert strict.returncode == 1
    assert f"offset {bad_at} (line 49," in err(strict) and "--errors replace" in err(strict)
    replaced = gongwen("parse", "--json", "--errors", "replace", path)
    assert replaced.returncode == 0, err(replaced)
    assert "warning:" in err(replaced) and "1 byte sequence not in UTF-8 replaced" in err(replaced)
    assert len(json.loads(out(replaced))["metrics"]) >= 20

    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(OUTLINE.encode("gbk"))
    forced = gongwen("parse", "--json", "--encoding", "gbk", gbk)
    assert forced.returncode == 0 and len(json.loads(out(forced))["headings"]) == 5
    assert gongwen("parse", "--encoding", "no-such-codec", gbk).returncode == 1
    assert gongwen("parse", "--errors", "ignore", gbk).returncode == 2

    dest = tmp_path / "out"
    batch = gongwen("batch", path, gbk, "--out", dest, "-q", "--errors", "replace", "--workers", "1")
    assert batch.returncode == 0, err(batch)
    assert "2 files parsed, 0 failed" in out(batch) and "warnings: 1" in out(batch)
    warned = read_csv(dest / "warnings.csv")
    assert [(w["file"], w["warning"], w["count"]) for w in warned] == [(str(path), "replaced", "1")]
    assert f"offset {bad_at}" in warned[0]["message"]
    strict_batch = gongwen("batch", path, "--out", tmp_path / "strict", "-q")
    assert "every file failed" in err(strict_batch)
    assert f"offset {bad_at}" in read_csv(tmp_path / "strict" / "failures.csv")[0]["message"]
