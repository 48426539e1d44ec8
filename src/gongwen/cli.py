"""The command line, ``gongwen`` (or ``python -m gongwen``): a thin layer over the library.

* ``gongwen parse FILE`` prints one report's outline as a tree, its metrics as a table and a summary
  line (or, with ``--json``, :meth:`Report.to_dict() <gongwen.model.Report.to_dict>` as JSON).
* ``gongwen batch INPUT... --out DIR`` parses a corpus in parallel into csv/jsonl/parquet tables
  (:func:`gongwen.batch.write_tables`), with a progress bar on a terminal.

The terminal output is drawn by `rich <https://rich.readthedocs.io>`_: it fits the terminal's width
(``COLUMNS`` where set), wide characters counting two columns.

Exit codes: 0 success; 1 a file could not be read or parsed (``parse``), or every file failed / nothing
was found (``batch``); 2 wrong usage; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from gongwen import formats
from gongwen.batch import FORMATS, BatchSummary, FileOutcome, package_version, write_tables
from gongwen.display import format_qualifier, format_value, section_label
from gongwen.errors import GongwenError, ReportDecodeWarning
from gongwen.io import ERRORS, decode, read_text, sample_path
from gongwen.model import Report, Section
from gongwen.parser import parse

__all__ = ["build_parser", "main", "print_report", "render_metrics", "render_outline", "render_summary", "version"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def version() -> str:
    """The version ``gongwen --version`` prints."""
    return package_version()


# ---------------------------------------------------------------------------------------------------------
# What gongwen parse shows

_LEVEL_STYLES = ("bold cyan", "bold green", "yellow", "magenta", "blue")


def _console(choice: str, stream: TextIO) -> Console:
    """A console on ``stream``: coloured with ``--color always``, or on a terminal without ``NO_COLOR``."""
    colour = choice == "always" or (choice == "auto" and "NO_COLOR" not in os.environ and stream.isatty())
    return Console(file=stream, force_terminal=colour, color_system="standard" if colour else None, no_color=False)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _add_sections(node: Tree, sections: Sequence[Section], limit: int) -> None:
    for section in sections:
        heading = section.heading
        if heading is not None and heading.index < limit:
            style = _LEVEL_STYLES[(max(1, heading.level) - 1) % len(_LEVEL_STYLES)]
            _add_sections(node.add(Text.assemble((heading.marker, style), heading.title)), section.children, limit)


def _more(count: int, word: str) -> Text:
    more = f"{count:,} more {word}{'' if count == 1 else 's'}"
    return Text(f"… {more} (--limit 0 shows all; --json has all)", style="dim")


def render_outline(report: Report, *, limit: int | None = None) -> RenderableType:
    """The outline: one tree per document, its title at the root, headings coloured by level; at most
    ``limit`` headings (rich draws about two thousand a second)."""
    counts = Counter(heading.document for heading in report.headings)
    limit = len(report.headings) if limit is None else limit
    hidden = max(0, len(report.headings) - limit)
    last = report.headings[limit - 1].document if hidden and limit else -1  # the last document shown
    trees: list[RenderableType] = []
    for document in report.documents:
        if hidden and document.index > last:
            trees.append(_more(hidden, "heading"))
            break
        label = Text.assemble(
            (f"Document {document.index} ", "bold"),
            (" ".join((document.title or "").split()) or "(untitled)", "bold"),
            (f"  [{_plural(counts[document.index], 'heading')}]", "dim"),
        )
        tree = Tree(label, guide_style="dim")
        if not document.sections:
            tree.add(Text("(no headings)", style="dim"))
        _add_sections(tree, document.sections, limit)
        trees.append(tree)
    return Group(*trees)


def render_metrics(report: Report, *, limit: int | None = None) -> RenderableType:
    """The metrics as a table that fits the console, values as the report writes them (55.57万元); at
    most ``limit`` rows."""
    if not report.metrics:
        return Text("(no metrics)", style="dim")
    shown = report.metrics[:limit]
    table = Table(
        title=f"Metrics ({len(report.metrics):,})",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
    )
    table.add_column("text", overflow="fold")
    table.add_column("value", justify="right", style="cyan", overflow="fold")
    table.add_column("kind", overflow="fold", min_width=5)
    table.add_column("qualifier", style="dim", overflow="fold", min_width=9)
    table.add_column("subject", overflow="fold")
    table.add_column("section", overflow="ellipsis", max_width=40)
    for m in shown:
        row = map(Text, (m.text, format_value(m), str(m.kind), format_qualifier(m), m.subject or ""))  # no markup
        markers, title = section_label(report.headings, m.heading)
        table.add_row(*row, Text.assemble((markers, "bold"), (title, "dim")))  # one word: cut, not wrapped
    return (
        table if len(shown) == len(report.metrics) else Group(table, _more(len(report.metrics) - len(shown), "metric"))
    )


def render_summary(report: Report, *, metrics: bool = True) -> Text:
    """One line of counts: documents, headings, metrics (unless not read) and noise spans."""
    parts = [_plural(len(report.documents), "document"), _plural(len(report.headings), "heading")]
    if metrics:
        parts.append(_plural(len(report.metrics), "metric"))
    parts.append(_plural(len(report.noise), "noise span"))
    return Text(", ".join(parts), style="bold")


# ---------------------------------------------------------------------------------------------------------
# Arguments

_DESCRIPTION = "Turn Chinese government reports (政府工作报告, 工作总结, 统计公报) into data."

_EPILOG = """\
examples:
  gongwen parse report.txt                 outline tree, metrics table, summary
  gongwen parse --json report.txt > r.json the whole Report as JSON
  gongwen parse --sample --outline-only    try it on the bundled sample report
  cat report.txt | gongwen parse -         read standard input
  gongwen parse report.pdf                 also .html/.htm and .docx (pip install 'gongwen[all]')
  gongwen batch corpus/ --out tables/      parse every .txt/.html/.pdf/.docx under corpus/ into csv tables
  gongwen batch 'data/**/*.txt' --out t/ --format jsonl --workers 4

Files may be UTF-8 (with or without BOM), UTF-16, GB18030/GBK or Big5 (others are
detected by charset-normalizer; --encoding NAME skips detection); a file with bytes
that are not in its encoding is refused, naming the offset and line of the first,
unless --errors replace (each bad sequence becomes U+FFFD, counted in a warning).
Line endings are normalised to \\n and offsets refer to that decoded text.
Exit codes: 0 ok, 1 a file failed (parse) or every file failed (batch), 2 usage.
"""

_PARSE_EPILOG = """\
examples:
  gongwen parse report.txt                   outline tree, metrics table, summary line
  gongwen parse --sample                     the report bundled with gongwen
  gongwen parse --outline-only report.txt    only the headings (fast: no metric is read)
  gongwen parse --json report.txt > r.json   Report.to_dict() as JSON, exact values
  gongwen parse --color always report.txt | less -R

Without --json: each document's outline as a tree, then the metrics as a table
(text, value as the report writes it, kind, qualifier, subject, section), then a
summary line; it fits the terminal (or COLUMNS) and is coloured on a terminal
unless NO_COLOR is set. --json keeps exact base-unit values (55.57万元 → 555700).
Offsets in --json refer to the decoded text (\\r\\n and \\r read as \\n, a UTF-8 BOM kept as U+FEFF,
as open(FILE, encoding="utf-8") reads it).
"""

_BATCH_EPILOG = """\
examples:
  gongwen batch corpus/ --out tables/
  gongwen batch a.txt b.txt 'more/**/*.txt' --out tables/ --format jsonl
  gongwen batch corpus/ --out tables/ --format parquet --workers 8
  gongwen batch corpus/ --out tables/ --force       redo everything

Writes DIR/documents, headings, metrics, failures and warnings (.csv, .jsonl or
.parquet) and DIR/manifest.jsonl. A file that cannot be read or parsed is listed
in failures and the batch goes on; bytes replaced (--errors replace) or characters
lost to a lossy conversion are counted in warnings.
Running again over the same DIR skips the files already done (same path, size
and modification time), parses new and changed files (a changed file's earlier
rows are replaced) and keeps the rows of every earlier file, also of files not
among this run's inputs. --prune drops those (and lists them); --force starts
over. Two different files under one name (a relative path given from another
folder) are refused. Nothing is dropped without the summary saying so.
On a terminal a progress bar shows files done, files/s, failures and the time
left; otherwise a log line every few seconds and one per failed file.
Exits 0 when the batch finished, even with failures; 1 when every file failed.
"""


_PANEL_EPILOG = """\
examples:
  gongwen panel reports/ > panel.csv
  gongwen panel reports/ --indicators gdp_growth,cpi_growth --status target
  gongwen panel 'reports/**/*.txt' --format parquet --out panel.parquet

Columns: file, document, region, title, indicator, period, status, value, low,
high, unit, qualifier, text, start, end (then name, period_text, subject, section).
"""


def _positive_int(value: str, least: int = 1) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}, got {number}")
    return number


def _count(value: str) -> int:
    return _positive_int(value, least=0)


def _positive_seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, got {value}")
    return number


def _add_encoding_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        default=None,
        metavar="NAME",
        help="read files in this encoding (a Python codec name: gb18030, big5hkscs, utf-16 …); default: detect",
    )
    parser.add_argument(
        "--errors",
        choices=ERRORS,
        default="strict",
        help="bytes not in the file's encoding: strict (default) refuses the file naming the first; "
        "replace reads it with U+FFFD in their place and counts them",
    )


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
    _add_encoding_arguments(p_parse)
    p_parse.add_argument(
        "--limit",
        type=_count,
        default=1000,
        metavar="N",
        help="show at most N headings and N metrics (default: %(default)s; 0: all; --json has all)",
    )
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
        "--prune",
        action="store_true",
        help="drop the rows of earlier files not among these inputs (default: keep them)",
    )
    _add_encoding_arguments(p_batch)
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

    p_panel = sub.add_parser(
        "panel",
        help="the headline indicators of many reports as one table",
        description="One row per (file, document, indicator, period, status): gdp_growth, cpi_growth, …",
        epilog=_PANEL_EPILOG,
        formatter_class=formatter,
    )
    p_panel.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, a folder (searched recursively) or a glob pattern"
    )
    p_panel.add_argument("--indicators", metavar="IDS", help="only these indicator ids, e.g. gdp_growth,cpi_growth")
    p_panel.add_argument("--status", choices=("target", "actual"), help="only targets or only actuals")
    p_panel.add_argument("--format", "-f", choices=FORMATS, default="csv", help="table format (default: csv)")
    p_panel.add_argument("--out", "-o", metavar="FILE", help="write to FILE (default: standard output)")
    p_panel.add_argument(
        "--pattern",
        default=formats.DEFAULT_PATTERN,
        help="file names to take from folders, comma-separated globs (default: every format gongwen reads)",
    )
    return parser


# ---------------------------------------------------------------------------------------------------------
# gongwen parse


def _error(message: str) -> None:
    print(f"gongwen: {message}", file=sys.stderr)


def _read_input(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str | formats.Source, str]:
    if args.sample:
        if args.file:
            parser.error("give a FILE or --sample, not both")
        return read_text(sample_path()), "sample_report.txt"
    coding: dict[str, Any] = {"encoding": args.encoding, "errors": args.errors}
    if not args.file:
        parser.error("give a FILE, - for standard input, or --sample")
    if args.file == "-":
        data = sys.stdin.buffer.read()
        if formats.detect_format(data, "<stdin>") is not formats.SourceFormat.TXT:
            return formats.read_bytes(data, name="<stdin>"), "<stdin>"  # an HTML page, a PDF piped in
        return decode(data, name="<stdin>", **coding), "<stdin>"
    if os.path.isdir(args.file):
        raise IsADirectoryError(
            f"{args.file} is a folder: to parse every report in it, run gongwen batch {args.file} --out DIR"
        )
    if formats.detect_path(args.file) is not formats.SourceFormat.TXT:
        return formats.read(args.file), args.file  # HTML, PDF, Word: their extraction, with the format's evidence
    return read_text(args.file, **coding), args.file


def _cmd_parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ReportDecodeWarning)
            source, name = _read_input(args, parser)
        for warning in caught:
            _error(f"warning: {warning.message}")
        # only the work asked for: the outline alone runs no extractor (and never loads jieba)
        extractors: list[str] | None = [] if args.outline_only else None
        if isinstance(source, str):
            report = parse(source, extractors=extractors)
        else:
            report = formats.parse_source(source, extractors=extractors)
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
    console = _console(args.color, sys.stdout)
    print_report(
        console, report, outline=not args.metrics_only, metrics=not args.outline_only, limit=args.limit or None
    )
    return EXIT_OK


def print_report(
    console: Console, report: Report, *, outline: bool = True, metrics: bool = True, limit: int | None = None
) -> None:
    """What ``gongwen parse`` prints: the outline, the metrics (at most ``limit`` of each) and the summary."""
    for shown, renderable in ((outline, render_outline), (metrics, render_metrics)):
        if shown:
            console.print(renderable(report, limit=limit))
            console.print()
    console.print(render_summary(report, metrics=metrics))


# ---------------------------------------------------------------------------------------------------------
# gongwen batch


class _Progress:
    """A progress bar (files, %, files/s, failures, time left) on a terminal; otherwise a log line now
    and then, and one per failure."""

    def __init__(self, stream: TextIO, *, quiet: bool) -> None:
        self.stream, self.quiet = stream, quiet
        self.started = self.last = time.perf_counter()
        self.bar: Any = None
        if not quiet and stream.isatty():
            from rich import progress as rp

            self.bar = rp.Progress(
                rp.TextColumn("gongwen batch"),
                rp.BarColumn(),
                rp.MofNCompleteColumn(),
                rp.TaskProgressColumn(),
                rp.TextColumn("{task.fields[rate]:.1f} files/s"),
                rp.TextColumn("[red]{task.fields[failed]} failed"),
                rp.TimeRemainingColumn(),
                console=Console(file=stream),
                refresh_per_second=5,
            )
            self.task = self.bar.add_task("batch", total=None, rate=0.0, failed=0)
            self.bar.start()

    def __call__(self, done: int, total: int, failed: int, outcome: FileOutcome) -> None:
        if self.quiet:
            return
        rate = done / max(time.perf_counter() - self.started, 1e-9)
        if not outcome.ok:
            failure = f"failed: {_describe_failure(outcome.file, outcome.error or 'Error', outcome.message or '')}"
            if self.bar is not None:  # above the bar, on one line
                self.bar.console.print(Text(failure, style="red"), overflow="ellipsis", no_wrap=True)
            else:
                self.stream.write(f"gongwen batch: {failure}\n")
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total, rate=rate, failed=failed)
        elif time.perf_counter() - self.last >= 5.0 or done == total:
            self.stream.write(f"gongwen batch: {done}/{total} files, {rate:.1f} files/s, {failed} failed\n")
            self.last = time.perf_counter()
        self.stream.flush()

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _describe_failure(file: str, error: str, message: str) -> str:
    """``file: Error: message``, without naming the file twice when the message starts with it."""
    if message.startswith(f"{file}: "):
        message = message[len(file) + 2 :]
    return f"{file}: {error}: {message}"


def _print_summary(summary: BatchSummary) -> None:
    parts = [f"{_plural(summary.parsed, 'file')} parsed", f"{summary.failed} failed"]
    if summary.skipped:
        parts.append(f"{summary.skipped} skipped (already done; --force to redo)")
    rate = f" ({summary.files_per_second:.1f} files/s)" if summary.attempted else ""
    print(f"gongwen batch: {', '.join(parts)} in {summary.seconds:.1f} s{rate}")
    print(f"  rows added: {summary.documents} documents, {summary.headings} headings, {summary.metrics} metrics")
    _print_kept_and_dropped(summary)
    for file, error, message in summary.failures[:10]:
        failure = " ".join(_describe_failure(file, error, message).split())
        print(f"  failed: {failure if len(failure) <= 160 else failure[:159] + '…'}")
    if len(summary.failures) > 10:
        print(f"  … and {len(summary.failures) - 10} more failures")
    names = ("documents", "headings", "metrics", "failures", "warnings")
    tables = ", ".join(f"{t}.{summary.format}" for t in names)
    print(f"  tables: {summary.out}{os.sep}{{{tables}}}")


def _print_kept_and_dropped(summary: BatchSummary) -> None:
    """What happened to the rows of earlier runs, and what the tables hold now: nothing goes unsaid."""
    if summary.replaced:
        print(f"  replaced: the earlier rows of {_plural(summary.replaced, 'file')} parsed again")
    if summary.kept:
        kept = _plural(summary.kept, "earlier file")
        print(f"  kept: the rows of {kept} not among these inputs (--prune drops them)")
    reasons = {"pruned": "not among these inputs (--prune)", "unfinished": "left by an interrupted run"}
    for reason, why in reasons.items():
        names = [file for file, r in summary.dropped if r == reason]
        if names:
            shown = ", ".join(names[:5]) + (f" … and {len(names) - 5} more" if len(names) > 5 else "")
            print(f"  dropped: the rows of {_plural(len(names), 'file')} {why}: {shown}")
    if summary.warnings:
        print(f"  warnings: {summary.warnings} (bytes replaced or characters lost; see warnings.{summary.format})")
    if summary.totals:
        t = summary.totals
        print(
            f"  tables now hold: {_plural(t['files'], 'file')} and {_plural(t['failed'], 'failure')}; "
            f"{t['documents']} documents, {t['headings']} headings, {t['metrics']} metrics"
        )


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
            prune=args.prune,
            encoding=args.encoding,
            errors=args.errors,
        )
    except (GongwenError, OSError) as exc:
        _error(str(exc))
        return EXIT_FAILED
    finally:
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
# gongwen panel


def _cmd_panel(args: argparse.Namespace) -> int:
    from gongwen.panel import COLUMNS, panel_rows

    try:
        rows = panel_rows(args.inputs, args.indicators, args.status, pattern=args.pattern)
    except (GongwenError, OSError) as exc:
        _error(str(exc))
        return EXIT_FAILED
    columns = list(rows[0]) if rows else list(COLUMNS)
    if args.format == "parquet":
        if not args.out:
            _error("parquet needs a file: add --out FILE")
            return EXIT_USAGE
        from gongwen.panel import rows_frame

        try:
            rows_frame(rows).to_parquet(args.out, index=False)
        except (GongwenError, ImportError, OSError) as exc:
            _error(f"cannot write {args.out}: {exc}")
            return EXIT_FAILED
        return EXIT_OK
    if not args.out:
        _write_panel(sys.stdout, rows, columns, args.format)
        return EXIT_OK
    try:
        with open(args.out, "w", encoding="utf-8", newline="") as stream:
            _write_panel(stream, rows, columns, args.format)
    except OSError as exc:
        _error(f"cannot write {args.out}: {exc.strerror or exc}")
        return EXIT_FAILED
    return EXIT_OK


def _write_panel(stream: TextIO, rows: list[dict[str, Any]], columns: list[str], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    import csv

    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


# ---------------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``gongwen`` command; returns its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            return _cmd_parse(args, parser)
        if args.command == "panel":
            return _cmd_panel(args)
        return _cmd_batch(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`gongwen parse … | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
