"""What the benchmark scripts share: the corpus, the clock and the machine line."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from gongwen.io import read_text
from gongwen.textview import fold

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
BUNDLED = ROOT / "src" / "gongwen" / "data"
T = TypeVar("T")


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=7, help="timed passes over the corpus (default 7)")
    parser.add_argument("--corpus", type=Path, help=f"a folder of .txt reports (default {SEEDS})")
    return parser.parse_args()


def corpus(folder: Path | None) -> tuple[Path, list[str]]:
    """The texts to time: the ``*.txt`` of the given folder; by default the seeds, or where they are absent
    the reports bundled with gongwen (``sample_*.txt``: the other files in gongwen/data are word lists)."""
    choices = [(folder, "*.txt")] if folder is not None else [(SEEDS, "*.txt"), (BUNDLED, "sample_*.txt")]
    for candidate, pattern in choices:
        files = sorted(candidate.glob(pattern))
        if files:
            return candidate, [read_text(f) for f in files]
    raise SystemExit(f"no report files in {' or '.join(str(c) for c, _ in choices)}")


def clock(run: Callable[[T], object], items: Sequence[T], repeat: int) -> list[float]:
    """Seconds per pass of ``run`` over all ``items`` (the texts, or each text's sentences), after one untimed
    warm-up pass that compiles regular expressions and loads dictionaries."""
    for item in items:
        run(item)
    passes = []
    for _ in range(repeat):
        getattr(fold, "cache_clear", lambda: None)()  # older trees kept the last folded texts: fold anew
        start = time.perf_counter()
        for item in items:
            run(item)
        passes.append(time.perf_counter() - start)
    return passes


def rate(chars: int, passes: Sequence[float]) -> float:
    """Characters per second at the median pass."""
    return chars / statistics.median(passes)


def machine() -> str:
    return (
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.date.today().isoformat()}"
    )


def header(folder: Path, texts: Sequence[str], repeat: int) -> str:
    chars = sum(map(len, texts))
    return (
        f"corpus:  {len(texts)} files, {chars:,} chars ({folder})\n"
        f"{machine()}\n"
        f"timing:  median of {repeat} passes after one warm-up pass, single process"
    )


def row(name: str, chars: int, passes: Sequence[float]) -> str:
    return (
        f"  {name:<40} {statistics.median(passes) * 1000:9.1f} ms/pass "
        f"{min(passes) * 1000:9.1f} ms best {rate(chars, passes):>12,.0f} chars/s"
    )
