"""Draw ``docs/images/parse_sample.svg``: what ``gongwen parse --sample`` shows in a 100-column terminal.

    .venv/bin/python docs/_tools/cli_screenshot.py

The picture is rich's own SVG export (``Console(record=True).save_svg``) of the very functions the
command prints with (:func:`gongwen.terminal.print_report`, re-exported by :mod:`gongwen.cli`), so it
shows the real output, colours included.
Run it again when the output of ``gongwen parse`` changes.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console

import gongwen
from gongwen.terminal import print_report

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "docs" / "images" / "parse_sample.svg"


_TEXT = re.compile(r'textLength="([0-9.]+)"([^>]*)>([^<]*)</text>')


def _wide_characters_fixed(svg: str) -> str:
    """rich sizes each run of text (``textLength``) by its number of characters; a wide character takes
    two cells, so a Chinese run would be squeezed to half its width. Size it by cells instead."""

    def fix(match: re.Match[str]) -> str:
        text = html.unescape(match.group(3))
        width = float(match.group(1)) / max(1, len(text)) * cell_len(text)
        return f'textLength="{width:g}"{match.group(2)}>{match.group(3)}</text>'

    return _TEXT.sub(fix, svg)


def main() -> int:
    report = gongwen.parse(gongwen.read_text(gongwen.sample_path()))
    console = Console(file=io.StringIO(), record=True, width=100, force_terminal=True, color_system="truecolor")
    print_report(console, report)
    svg = console.export_svg(title="gongwen parse --sample")
    TARGET.write_text(_wide_characters_fixed(svg), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
