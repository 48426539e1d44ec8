"""Memory: the peak RSS of parsing one large text, and whether batch workers grow over many files.

    .venv/bin/python benchmarks/bench_memory.py [--megabytes 5] [--files 2000] [--workers 2]

**One large text.** A text of ``--megabytes`` MB (UTF-8 bytes) is made by repeating the seed reports
(``../shared/corpus/seeds``, else the samples bundled with gongwen) and parsed once in a fresh process.
The process first parses a small text (so that dictionaries and patterns are loaded), then reads its
peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) before and after the parse. The target: a peak
under 20 times the text's size in bytes.

**Batch workers.** ``--files`` small files (a run of lines from a seed each, 2-12 KB) are parsed by
``--workers`` worker processes through gongwen's own parallel map (:func:`gongwen.runner.ordered_map`
over :func:`gongwen.files.parse_file`, what ``gongwen batch`` runs). Each worker reports its current
RSS (``/proc/self/statm``) with every file; the script prints, per worker, the RSS after its first 50
files and after its last. A worker that keeps something of every file grows with the files it parsed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import _bench

_CHILD = """
import resource, sys, time
sys.path.insert(0, {benchmarks!r})
import _bench
import gongwen
_, texts = _bench.corpus(None)
size = {size}
text, pieces = "", []
while sum(len(p.encode("utf-8")) for p in pieces) < size:
    pieces.extend(texts)
text = "\\n\\n".join(pieces)
encoded = len(text.encode("utf-8"))
gongwen.parse(texts[0])  # dictionaries and patterns loaded
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
report = gongwen.parse(text)
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(encoded, len(text), before, after, seconds, len(report.metrics))
"""


def large_text(megabytes: float) -> None:
    code = _CHILD.format(benchmarks=str(Path(__file__).parent), size=int(megabytes * 1_000_000))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    encoded, chars, before, after, seconds, metrics = result.stdout.split()
    size = int(encoded)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    peak, base = int(after) * scale, int(before) * scale
    print(f"one text: {size / 1e6:.2f} MB UTF-8 ({int(chars):,} chars), parsed in {float(seconds):.1f} s, "
          f"{int(metrics):,} metrics")
    print(f"  peak RSS {peak / 1e6:.0f} MB = {peak / size:.1f}x the text's bytes (target < 20x); "
          f"before the parse {base / 1e6:.0f} MB, the parse added {(peak - base) / 1e6:.0f} MB "
          f"= {(peak - base) / size:.1f}x")


def _rss() -> int:
    """This process's resident set size now, in bytes (its peak where /proc is absent)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _parse_and_measure(path: Path) -> tuple[int, int]:
    from gongwen.files import parse_file

    parse_file(path)
    return os.getpid(), _rss()


def batch_workers(count: int, workers: int) -> None:
    from gongwen.runner import ordered_map

    _, texts = _bench.corpus(None)
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(count):
            text = rng.choice(texts)
            start = rng.randrange(0, max(1, len(text) - 4000))
            path = Path(folder) / f"{index:05d}.txt"
            path.write_text(text[start : start + rng.randrange(700, 4000)], encoding="utf-8")
            paths.append(path)
        seen: dict[int, list[int]] = {}
        for pid, rss in ordered_map(_parse_and_measure, paths, workers=workers, chunksize=8):
            seen.setdefault(pid, []).append(rss)
    print(f"batch: {count:,} files, {workers} workers (gongwen.runner.ordered_map over files.parse_file)")
    for pid, sizes in seen.items():
        early = sizes[min(49, len(sizes) - 1)]
        print(f"  worker {pid}: {len(sizes):,} files, RSS {early / 1e6:.1f} MB after 50 files, "
              f"{sizes[-1] / 1e6:.1f} MB after the last (peak {max(sizes) / 1e6:.1f} MB), "
              f"grew {(sizes[-1] - early) / 1e6:+.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the large text (default 5)")
    parser.add_argument("--files", type=int, default=2000, help="small files for the batch check (default 2000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args()
    print(_bench.machine())
    large_text(args.megabytes)
    batch_workers(args.files, args.workers)


if __name__ == "__main__":
    main()
