"""Time ``gongwen batch`` over a synthetic corpus, with 1 and 2 worker processes, and check its output.

The corpus is built in a temporary folder by repeating and mutating the seed reports
(``../shared/corpus/seeds``, else the samples bundled in ``src/gongwen/data``): each file is a random
run of lines from a seed with some digits changed. Most files are UTF-8; some are GBK, some UTF-16 with a
byte-order mark, some CRLF, some empty, some binary and some invalid bytes (the last two must end up in
``failures``).

For each worker count the script runs ``python -m gongwen batch CORPUS --out DIR --workers N`` in a fresh
output folder, and prints wall-clock files/s (process start and dictionary loading included) and the
rate gongwen reports, then checks that every good file has a row in ``documents`` (and, for a sample,
as many headings and metrics as an in-process parse gives) and that every bad file, and no other, is in
``failures``.

    .venv/bin/python benchmarks/bench_batch.py               # 2000 files, workers 1 and 2
    .venv/bin/python benchmarks/bench_batch.py --files 300 --workers 1 2 4
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
BUNDLED = ROOT / "src" / "gongwen" / "data"
SAMPLES = ("sample_report.txt", "sample_collection.txt")


def seed_texts(folder: Path | None) -> tuple[Path, list[str]]:
    for candidate in (folder, SEEDS):
        if candidate is not None and sorted(candidate.glob("*.txt")):
            return candidate, [p.read_text(encoding="utf-8") for p in sorted(candidate.glob("*.txt"))]
    return BUNDLED, [(BUNDLED / name).read_text(encoding="utf-8") for name in SAMPLES]


def mutate(text: str, rng: random.Random) -> str:
    """A random run of 30-100 % of the lines, with about one digit in ten changed."""
    lines = text.splitlines(keepends=True)
    keep = max(1, int(len(lines) * rng.uniform(0.3, 1.0)))
    start = rng.randrange(0, len(lines) - keep + 1)
    chunk = "".join(lines[start : start + keep])
    return re.sub(r"\d", lambda m: str(rng.randrange(10)) if rng.random() < 0.1 else m.group(), chunk)


def build_corpus(folder: Path, count: int, texts: list[str], rng: random.Random) -> dict[str, str]:
    """Write ``count`` files under ``folder``; return each file's kind."""
    kinds: dict[str, str] = {}
    for i in range(count):
        sub = folder / f"part{i % 10}"
        sub.mkdir(exist_ok=True)
        path = sub / f"report_{i:05d}.txt"
        text = mutate(texts[i % len(texts)], rng)
        if i % 97 == 13:
            kind, data = "empty", b""
        elif i % 89 == 7:
            kind, data = "binary", bytes(rng.randrange(256) for _ in range(rng.randrange(200, 4000))) + b"\x00"
        elif i % 101 == 3:
            kind, data = "invalid", b"\xff\xfe\xfd" * 10 + text.encode("latin-1", "ignore") + b"\xff" * 5
            data = data[2:]  # no byte-order mark at the start
        elif i % 20 == 5:
            kind = "gbk"
            try:
                data = text.encode("gbk")
            except UnicodeEncodeError:
                data = text.encode("gb18030")
        elif i % 50 == 9:
            kind, data = "utf-16", text.encode("utf-16")
        elif i % 10 == 1:
            kind, data = "crlf", text.replace("\n", "\r\n").encode("utf-8")
        else:
            kind, data = "utf-8", text.encode("utf-8")
        path.write_bytes(data)
        kinds[str(path)] = kind
    return kinds


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def check(out: Path, kinds: dict[str, str], rng: random.Random, sample: int) -> list[str]:
    """What is wrong with the tables in ``out`` (nothing, we hope)."""
    problems = []
    bad = {f for f, k in kinds.items() if k in ("binary", "invalid")}
    good = set(kinds) - bad
    documents = {row["file"] for row in read_csv(out / "documents.csv")}
    failures = {row["file"]: row for row in read_csv(out / "failures.csv")}
    if missing := good - documents:
        problems.append(f"{len(missing)} good files have no rows, e.g. {sorted(missing)[0]}")
    if unreported := bad - set(failures):
        problems.append(f"{len(unreported)} bad files are not in failures, e.g. {sorted(unreported)[0]}")
    if wrong := set(failures) - bad:
        example = failures[sorted(wrong)[0]]
        problems.append(f"{len(wrong)} good files failed, e.g. {example['file']}: {example['message']}")
    # a sample of files: as many headings and metrics as an in-process parse gives
    from gongwen.io import read_text
    from gongwen.parser import parse

    headings = Counter(row["file"] for row in read_csv(out / "headings.csv"))
    metrics = Counter(row["file"] for row in read_csv(out / "metrics.csv"))
    for file in rng.sample(sorted(good), min(sample, len(good))):
        report = parse(read_text(file))
        if (headings[file], metrics[file]) != (len(report.headings), len(report.metrics)):
            problems.append(
                f"{file}: {headings[file]} headings, {metrics[file]} metrics in the tables; "
                f"parse gives {len(report.headings)}, {len(report.metrics)}"
            )
    return problems


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(corpus: Path, out: Path, workers: int, fmt: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (gongwen and its workers) and standard output of one ``gongwen batch``."""
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gongwen",
            "batch",
            str(corpus),
            "--out",
            str(out),
            "--workers",
            str(workers),
            "-f",
            fmt,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"gongwen batch failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return elapsed, _children_cpu() - cpu, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="files in the corpus (default 2000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--corpus", type=Path, help=f"a folder of UTF-8 .txt seed reports (default {SEEDS})")
    parser.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    parser.add_argument("--check-sample", type=int, default=25, help="files re-parsed to check row counts")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    source, texts = seed_texts(args.corpus)
    tmp = Path(tempfile.mkdtemp(prefix="gongwen-bench-batch-"))
    corpus = tmp / "corpus"
    corpus.mkdir()
    kinds = build_corpus(corpus, args.files, texts, rng)
    size = sum(os.path.getsize(f) for f in kinds)
    mix = ", ".join(f"{n} {k}" for k, n in Counter(kinds.values()).most_common())
    print(f"corpus:  {args.files} files, {size / 1e6:.1f} MB from {len(texts)} seeds in {source}")
    print(f"         {mix}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f} (other processes slow the figures down)"
    )
    expected_failures = sum(1 for k in kinds.values() if k in ("binary", "invalid"))
    ok = True
    rates = {}
    for workers in args.workers:
        out = tmp / f"out-{workers}"
        elapsed, cpu, stdout = run_batch(corpus, out, workers, "csv")
        reported = re.search(r"\(([\d.]+) files/s\)", stdout)
        failures = len(read_csv(out / "failures.csv"))
        rates[workers] = args.files / elapsed
        print(
            f"workers={workers}: {elapsed:7.1f} s wall, {rates[workers]:7.1f} files/s wall, "
            f"{reported.group(1) if reported else '?':>7} files/s reported by gongwen, "
            f"{failures} failures (expected {expected_failures})"
        )
        print(
            f"           {cpu:7.1f} s CPU (all processes), {args.files / cpu:6.1f} files per CPU-second, "
            f"load average now {os.getloadavg()[0]:.2f}"
        )
        problems = check(out, kinds, rng, args.check_sample)
        for problem in problems:
            print(f"  PROBLEM: {problem}")
        ok = ok and not problems and failures == expected_failures
    if 1 in rates and len(rates) > 1:
        print("speed-up: " + ", ".join(f"{w} workers {rates[w] / rates[1]:.2f}x" for w in rates if w != 1))
    print("check:   " + ("OK: every good file has rows, every bad file is in failures" if ok else "FAILED"))
    if args.keep:
        print(f"kept:    {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
