"""The command line, ``gongwen`` (or ``python -m gongwen``): a thin layer over the library.

* ``gongwen parse FILE`` prints one report's outline as a tree and its metrics as a table (or, with
  ``--json``, :meth:`Report.to_dict() <gongwen.model.Report.to_dict>` as JSON).
* ``gongwen batch INPUT... --out DIR`` parses a corpus in parallel into csv/jsonl/parquet tables
  (:func:`gongwen.batch.write_tables`).

Exit codes: 0 success; 1 a file could not be read or parsed (``parse``), or every file failed / nothing
was found (``batch``); 2 wrong usage; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from importlib import resources
from typing import Any, TextIO

from gongwen import formats
from gongwen.batch import FORMATS, BatchSummary, FileOutcome, package_version, write_tables
from gongwen.errors import GongwenError
from gongwen.io import decode, read_text
from gongwen.model import Metric, Report
from gongwen.parser import parse

__all__ = ["build_parser", "display_width", "main", "render_metrics", "render_outline", "version"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def version() -> str:
    """The version ``gongwen --version`` prints."""
    return package_version()


# ---------------------------------------------------------------------------------------------------------
# Display helpers


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and fullwidth characters count 2."""
    return sum(_char_width(ch) for ch in text)


_SPACES = re.compile(r"\s+")


def _fit(text: str, width: int | None) -> str:
    """One line of at most ``width`` columns, cut with an ellipsis."""
    text = _SPACES.sub(" ", text).strip()
    if width is None or display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


class _Style:
    """ANSI styling, or none."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *codes: str) -> str:
        if not self.enabled or not codes or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


BOLD, DIM, CYAN, YELLOW, GREEN, RED = "1", "2", "36", "33", "32", "31"
_LEVEL_COLOURS = (CYAN, GREEN, YELLOW, "35", "34")


def _use_colour(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return "NO_COLOR" not in os.environ and stream.isatty()


def render_outline(report: Report, *, colour: bool = False) -> str:
    """The outline as an indented tree: each document with its title, then its headings by level."""
    style = _Style(colour)
    lines: list[str] = []
    by_document: dict[int, list[Any]] = {}
    for heading in report.headings:
        by_document.setdefault(heading.document, []).append(heading)
    for document in report.documents:
        title = _fit(document.title, None) if document.title else "(untitled)"
        count = len(by_document.get(document.index, ()))
        head = style(f"Document {document.index}", BOLD) + " " + style(title, BOLD)
        lines.append(head + style(f"  [{count} heading{'s' if count != 1 else ''}]", DIM))
        if not count:
            lines.append("  " + style("(no headings)", DIM))
        for heading in by_document.get(document.index, ()):
            level = max(1, heading.level)
            marker = style(heading.marker, _LEVEL_COLOURS[(level - 1) % len(_LEVEL_COLOURS)], BOLD)
            lines.append("  " * level + marker + _fit(heading.title, None))
    return "\n".join(lines)


_METRIC_COLUMNS: tuple[tuple[str, int, bool], ...] = (
    # name, max width, right-aligned
    ("text", 24, False),
    ("value", 20, True),
    ("unit", 8, False),
    ("kind", 9, False),
    ("qualifier", 10, False),
    ("subject", 20, False),
    ("section", 36, False),
)


def _metric_cells(metric: Metric) -> dict[str, str]:
    if metric.redacted:
        value = "(masked)"
    elif metric.value is not None:
        value = format(metric.value, "f")
    elif metric.low is not None or metric.high is not None:
        low = "" if metric.low is None else format(metric.low, "f")
        high = "" if metric.high is None else format(metric.high, "f")
        value = f"{low}~{high}"
    else:
        value = ""
    return {
        "text": metric.text,
        "value": value,
        "unit": metric.unit or "",
        "kind": str(metric.kind),
        "qualifier": str(metric.qualifier),
        "subject": metric.subject or "",
        "section": " > ".join(metric.section),
    }


def render_metrics(report: Report, *, colour: bool = False) -> str:
    """The metrics as a table aligned in a terminal (wide characters count two columns)."""
    style = _Style(colour)
    if not report.metrics:
        return style("(no metrics)", DIM)
    rows = [
        {name: _fit(cells[name], limit) for name, limit, _ in _METRIC_COLUMNS}
        for cells in map(_metric_cells, report.metrics)
    ]
    widths = {
        name: max([display_width(name)] + [display_width(row[name]) for row in rows]) for name, _, _ in _METRIC_COLUMNS
    }
    last = _METRIC_COLUMNS[-1][0]

    def line(cells: dict[str, str], codes: dict[str, tuple[str, ...]]) -> str:
        parts = []
        for name, _, right in _METRIC_COLUMNS:
            cell = cells[name] if name == last and not right else _pad(cells[name], widths[name], right=right)
            parts.append(style(cell, *codes.get(name, ())))
        return "  ".join(parts).rstrip()

    out = [line({name: name for name in widths}, dict.fromkeys(widths, (BOLD,)))]
    out.append(style("  ".join("-" * widths[name] for name, _, _ in _METRIC_COLUMNS), DIM))
    for row in rows:
        out.append(line(row, {"value": (CYAN,), "section": (DIM,)}))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------
# Arguments

_DESCRIPTION = "Turn Chinese government reports (政府工作报告, 工作总结, 统计公报) into data."

_EPILOG = """\
examples:
  gongwen parse report.txt                 outline tree and metrics table
  gongwen parse --json report.txt > r.json the whole Report as JSON
  gongwen parse --sample --outline-only    try it on the bundled sample report
  cat report.txt | gongwen parse -         read standard input
  gongwen parse report.pdf                 also .html/.htm and .docx (pip install 'gongwen[all]')
  gongwen batch corpus/ --out tables/      parse every .txt/.html/.pdf/.docx under corpus/ into csv tables
  gongwen batch 'data/**/*.txt' --out t/ --format jsonl --workers 4

Files may be UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5;
line endings are normalised to \\n and offsets refer to that decoded text.
Exit codes: 0 ok, 1 a file failed (parse) or every file failed (batch), 2 usage.
"""

_PARSE_EPILOG = """\
examples:
  gongwen parse report.txt
  gongwen parse --json report.txt
  gongwen parse --metrics-only --color never report.txt | less
  gongwen parse --sample

Without --json: the outline as an indented tree per document, then the metrics
as a table (text, value, unit, kind, qualifier, subject, section), coloured when
standard output is a terminal and NO_COLOR is not set.
Offsets in --json refer to the decoded text (\\r\\n and \\r read as \\n, a UTF-8 BOM kept as U+FEFF,
as open(FILE, encoding="utf-8") reads it).
"""

_BATCH_EPILOG = """\
examples:
  gongwen batch corpus/ --out tables/
  gongwen batch a.txt b.txt 'more/**/*.txt' --out tables/ --format jsonl
  gongwen batch corpus/ --out tables/ --format parquet --workers 8
  gongwen batch corpus/ --out tables/ --force       redo everything

Writes DIR/documents, headings, metrics and failures (.csv, .jsonl or .parquet)
and DIR/manifest.jsonl. A file that cannot be read or parsed is listed in
failures and the batch goes on. Running again over the same DIR skips the files
already done (same path, size and modification time) and keeps their rows.
Exits 0 when the batch finished, even with failures; 1 when every file failed.
"""


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _positive_seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, got {value}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The ``argparse`` parser of the ``gongwen`` command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="gongwen", description=_DESCRIPTION, epilog=_EPILOG, formatter_class=formatter
    )
    parser.add_argument("--version", action="version", version=f"gongwen {version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_parse = sub.add_parser(
        "parse",
        help="parse one report: outline tree and metrics table, or JSON",
        description="Parse one report and print its outline and metrics.",
        epilog=_PARSE_EPILOG,
        formatter_class=formatter,
    )
    p_parse.add_argument("file", nargs="?", metavar="FILE", help="a text file, or - for standard input")
    p_parse.add_argument("--json", action="store_true", help="print Report.to_dict() as JSON")
    only = p_parse.add_mutually_exclusive_group()
    only.add_argument("--metrics-only", action="store_true", help="only the metrics")
    only.add_argument("--outline-only", action="store_true", help="only the outline (documents and headings)")
    p_parse.add_argument("--sample", action="store_true", help="parse the sample report bundled with gongwen")
    p_parse.add_argument(
        "--color",
        "--colour",
        dest="color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (default: when stdout is a terminal and NO_COLOR is unset)",
    )

    p_batch = sub.add_parser(
        "batch",
        help="parse many files in parallel into csv/jsonl/parquet tables",
        description="Parse every file under the inputs, in parallel, into tables in DIR.",
        epilog=_BATCH_EPILOG,
        formatter_class=formatter,
    )
    p_batch.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, a folder (searched recursively) or a glob pattern"
    )
    p_batch.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write the tables to")
    p_batch.add_argument(
        "--workers",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes to use (default: all cores; 1: no subprocesses)",
    )
    p_batch.add_argument("--format", "-f", choices=FORMATS, default="csv", help="table format (default: csv)")
    p_batch.add_argument("--force", action="store_true", help="redo every file, discarding earlier output in DIR")
    p_batch.add_argument(
        "--pattern",
        default=formats.DEFAULT_PATTERN,
        help="file names to take from folders, several separated by commas (default: %(default)s)",
    )
    p_batch.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=None,
        metavar="SECONDS",
        help="give up on a file after this long and record it in failures (default: no limit; POSIX)",
    )
    p_batch.add_argument("--quiet", "-q", action="store_true", help="no progress, only the summary")
    return parser


# ---------------------------------------------------------------------------------------------------------
# gongwen parse


def _error(message: str) -> None:
    print(f"gongwen: {message}", file=sys.stderr)


def _read_input(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str | formats.Source, str]:
    if args.sample:
        if args.file:
            parser.error("give a FILE or --sample, not both")
        resource = resources.files("gongwen").joinpath("data").joinpath("sample_report.txt")
        return decode(resource.read_bytes(), name="sample_report.txt"), "sample_report.txt"
    if not args.file:
        parser.error("give a FILE, - for standard input, or --sample")
    if args.file == "-":
        data = sys.stdin.buffer.read()
        if formats.detect_format(data, "<stdin>") is not formats.SourceFormat.TXT:
            return formats.read_bytes(data, name="<stdin>"), "<stdin>"  # an HTML page, a PDF piped in
        return decode(data, name="<stdin>"), "<stdin>"
    if os.path.isdir(args.file):
        raise IsADirectoryError(
            f"{args.file} is a folder: to parse every report in it, run gongwen batch {args.file} --out DIR"
        )
    if formats.detect_path(args.file) is not formats.SourceFormat.TXT:
        return formats.read(args.file), args.file  # HTML, PDF, Word: their extraction, with the format's evidence
    return read_text(args.file), args.file


def _cmd_parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        source, name = _read_input(args, parser)
        report = parse(source) if isinstance(source, str) else formats.parse_source(source)
        text = report.text
    except IsADirectoryError as exc:
        _error(str(exc) if exc.errno is None else f"{exc.filename} is a folder, not a file")
        return EXIT_FAILED
    except OSError as exc:
        _error(f"cannot read {exc.filename or args.file}: {exc.strerror or exc}")
        return EXIT_FAILED
    except GongwenError as exc:
        _error(str(exc))
        return EXIT_FAILED
    if not text.strip():
        _error(f"note: {name} is empty")
    if args.json:
        data = report.to_dict()
        if args.metrics_only:
            data = {"metrics": data["metrics"]}
        elif args.outline_only:
            data = {k: data[k] for k in ("documents", "headings", "outline")}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    colour = _use_colour(args.color, sys.stdout)
    blocks = []
    if not args.metrics_only:
        blocks.append(render_outline(report, colour=colour))
    if not args.outline_only:
        if not args.metrics_only:
            blocks.append(_Style(colour)(f"Metrics ({len(report.metrics)})", BOLD))
        blocks.append(render_metrics(report, colour=colour))
    sys.stdout.write("\n\n".join(blocks) + "\n")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------------------
# gongwen batch


class _Progress:
    """A single updating line on a terminal; otherwise a log line now and then, and one per failure."""

    def __init__(self, stream: TextIO, *, quiet: bool) -> None:
        self.stream, self.quiet = stream, quiet
        self.tty = stream.isatty()
        self.started = self.last = time.perf_counter()
        self.width = 0

    def _line(self, done: int, total: int, failed: int) -> str:
        elapsed = time.perf_counter() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        return f"gongwen batch: {done}/{total} files, {rate:.1f} files/s, {failed} failed"

    def __call__(self, done: int, total: int, failed: int, outcome: FileOutcome) -> None:
        if self.quiet:
            return
        now = time.perf_counter()
        if self.tty:
            if now - self.last >= 0.1 or done == total:
                line = self._line(done, total, failed)
                self.stream.write("\r" + line + " " * max(0, self.width - len(line)))
                self.stream.flush()
                self.width, self.last = len(line), now
            return
        if not outcome.ok:
            failure = _describe_failure(outcome.file, outcome.error or "Error", outcome.message or "")
            self.stream.write(f"gongwen batch: failed: {failure}\n")
        if now - self.last >= 5.0 or done == total:
            self.stream.write(self._line(done, total, failed) + "\n")
            self.last = now
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and not self.quiet and self.width:
            self.stream.write("\n")
            self.stream.flush()


def _describe_failure(file: str, error: str, message: str) -> str:
    """``file: Error: message``, without naming the file twice when the message starts with it."""
    if message.startswith(f"{file}: "):
        message = message[len(file) + 2 :]
    return f"{file}: {error}: {message}"


def _print_summary(summary: BatchSummary) -> None:
    parts = [f"{summary.parsed} file{'s' if summary.parsed != 1 else ''} parsed", f"{summary.failed} failed"]
    if summary.skipped:
        parts.append(f"{summary.skipped} skipped (already done; --force to redo)")
    rate = f" ({summary.files_per_second:.1f} files/s)" if summary.attempted else ""
    print(f"gongwen batch: {', '.join(parts)} in {summary.seconds:.1f} s{rate}")
    print(f"  rows added: {summary.documents} documents, {summary.headings} headings, {summary.metrics} metrics")
    for file, error, message in summary.failures[:10]:
        print(f"  failed: {_fit(_describe_failure(file, error, message), 160)}")
    if len(summary.failures) > 10:
        print(f"  … and {len(summary.failures) - 10} more failures")
    tables = ", ".join(f"{t}.{summary.format}" for t in ("documents", "headings", "metrics", "failures"))
    print(f"  tables: {summary.out}{os.sep}{{{tables}}}")


def _cmd_batch(args: argparse.Namespace) -> int:
    progress = _Progress(sys.stderr, quiet=args.quiet)
    try:
        summary = write_tables(
            args.inputs,
            args.out,
            format=args.format,
            workers=args.workers,
            force=args.force,
            pattern=args.pattern,
            progress=progress,
            timeout=args.timeout,
        )
    except (GongwenError, OSError) as exc:
        progress.finish()
        _error(str(exc))
        return EXIT_FAILED
    progress.finish()
    if summary.found == 0:
        _error(f"no files found under {' '.join(args.inputs)} (pattern {args.pattern})")
        return EXIT_FAILED
    _print_summary(summary)
    if summary.interrupted:
        _error("interrupted; run the same command again to go on where it stopped")
        return EXIT_INTERRUPTED
    if summary.attempted and summary.parsed == 0:
        _error("every file failed")
        return EXIT_FAILED
    return EXIT_OK


# ---------------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``gongwen`` command; returns its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            return _cmd_parse(args, parser)
        return _cmd_batch(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`gongwen parse … | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
