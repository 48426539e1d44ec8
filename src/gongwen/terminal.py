"""What the ``gongwen`` command draws on a terminal, with `rich <https://rich.readthedocs.io>`_.

* ``gongwen parse``: one report's outline as a tree per document (:func:`render_outline`), its metrics as a
  table (:func:`render_metrics`) and a summary line (:func:`render_summary`), all three by
  :func:`print_report`. They fit the console's width (``COLUMNS`` where set), wide characters counting two
  columns.
* ``gongwen batch``: the progress bar (or log lines when not on a terminal) and the closing summary.

The command itself (arguments, reading the input, exit codes) is :mod:`gongwen.cli`, which re-exports
these names.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from gongwen.batch import BatchSummary, FileOutcome
from gongwen.display import format_qualifier, format_value, section_label
from gongwen.model import Report, Section

__all__ = ["print_report", "render_metrics", "render_outline", "render_summary"]

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
# What gongwen batch shows


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
