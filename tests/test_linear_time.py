"""Every step of a parse takes time linear in the text: the check of ``benchmarks/bench_pathological.py``
(each fixed shape and a dozen random mixtures of report words, numbers, units and punctuation without
sentence ends, timed at n and 4n characters), run here at a small size.

It must not flake on a loaded machine, so it measures the process's CPU time (not wall time), takes the
best of three runs of enough calls to last a few milliseconds, with the garbage collector off, and
measures a shape over the bound again before failing. Linear growth gives a ratio of about 4 (less at
this size, where fixed costs weigh), quadratic about 16; the bound is 6. The quadratic cases this found
(a period looked for over the whole sentence before each number: ``年投入12万元`` repeated) give 10 to 14
even at this size.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gongwen import find_numbers, parse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_pathological as bench

SIZE = 1_000
MIXTURES = 6


@pytest.mark.parametrize("function", [parse, find_numbers], ids=["parse", "find_numbers"])
def test_time_grows_linearly_with_the_text(function: Callable[[str], object]) -> None:
    slow = [
        f"{name}: {small * 1e3:.2f} ms at {SIZE:,}, {large * 1e3:.2f} ms at {4 * SIZE:,} chars (ratio {ratio:.1f})"
        for _, name, small, large, ratio in bench.check(SIZE, mixtures=MIXTURES, functions=(function,))
        if ratio > bench.BOUND
    ]
    assert not slow, "time grows faster than the text:\n" + "\n".join(slow)


def test_the_mixtures_are_prefixes_and_hold_no_sentence_end() -> None:
    for name, make in bench.shapes(mixtures=MIXTURES):
        small, large = make(SIZE), make(4 * SIZE)
        assert len(small) >= SIZE and len(large) >= 4 * SIZE
        if name.startswith("random mixture"):
            assert large.startswith(small), name  # the text of n starts the text of 4n
            assert not set("。;!?") & set(large), name


def test_the_check_catches_a_quadratic_function() -> None:
    def quadratic(text: str) -> int:
        return sum(text.count(text[i : i + 2]) for i in range(0, len(text), 16))  # a scan per piece

    ratio = bench.growth(quadratic, bench._repeated("年投入12万元"), 4_000)[2]
    assert ratio > bench.BOUND
