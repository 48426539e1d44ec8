"""The command line, ``gongwen`` (or ``python -m gongwen``): a thin layer over the library.

* ``gongwen parse FILE`` prints one report's outline as a tree, its metrics as a table and a summary
  line (or, with ``--json``, :meth:`Report.to_dict() <gongwen.model.Report.to_dict>` as JSON).
* ``gongwen batch INPUT... --out DIR`` parses a corpus in parallel into csv/jsonl/parquet tables
  (:func:`gongwen.batch.write_tables`), with a progress bar on a terminal.

The terminal output is drawn by `rich <https://rich.readthedocs.io>`_ in :mod:`gongwen.terminal` (its
:func:`~gongwen.terminal.render_outline`, :func:`~gongwen.terminal.render_metrics`,
:func:`~gongwen.terminal.render_summary` and :func:`~gongwen.terminal.print_report` are re-exported here):
it fits the terminal's width (``COLUMNS`` where set), wide characters counting two columns.

Exit codes: 0 success; 1 a file could not be read or parsed (``parse``), or every file failed / nothing
was found (``batch``); 2 wrong usage; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any, TextIO

from gongwen import formats
from gongwen.batch import FORMATS, package_version, write_tables
from gongwen.errors import GongwenError, ReportDecodeWarning
from gongwen.io import ERRORS, decode, read_text, sample_path
from gongwen.parser import parse
from gongwen.terminal import (
    _console,
    _print_summary,
    _Progress,
    print_report,
    render_metrics,
    render_outline,
    render_summary,
)

__all__ = ["build_parser", "main", "print_report", "render_metrics", "render_outline", "render_summary", "version"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def version() -> str:
    """The version ``gongwen --version`` prints."""
    return package_version()


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


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The inputs of a command over many files (batch, panel): files, folders, globs; names; table format."""
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, a folder (searched recursively) or a glob pattern"
    )
    parser.add_argument(
        "--pattern",
        default=formats.DEFAULT_PATTERN,
        help="file names to take from folders, several separated by commas (default: every format gongwen reads)",
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="csv", help="table format (default: csv)")


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
    _add_corpus_arguments(p_batch)
    p_batch.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write the tables to")
    p_batch.add_argument(
        "--workers",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes to use (default: all cores; 1: no subprocesses)",
    )
    p_batch.add_argument("--force", action="store_true", help="redo every file, discarding earlier output in DIR")
    p_batch.add_argument(
        "--prune",
        action="store_true",
        help="drop the rows of earlier files not among these inputs (default: keep them)",
    )
    _add_encoding_arguments(p_batch)
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
    _add_corpus_arguments(p_panel)
    p_panel.add_argument("--indicators", metavar="IDS", help="only these indicator ids, e.g. gdp_growth,cpi_growth")
    p_panel.add_argument("--status", choices=("target", "actual"), help="only targets or only actuals")
    p_panel.add_argument("--out", "-o", metavar="FILE", help="write to FILE (default: standard output)")
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


# ---------------------------------------------------------------------------------------------------------
# gongwen batch


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
