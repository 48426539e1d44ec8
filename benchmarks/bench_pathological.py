"""Adversarial texts: does the time of `gongwen.parse` and `gongwen.find_numbers` grow linearly with the text?

Scraped pages hold things no report would: thousands of blank lines, a page of digits, a line of 40,000
numbers without punctuation, a PDF extraction that wraps every line. Each *shape* below makes a text of
any length: a piece repeated (the fixed shapes), or a random mixture of report words, numbers, units and
punctuation without sentence ends drawn from a seeded generator (the mixtures); the text of size ``n``
is the start of the text of size ``4n``. Each is timed at ``n`` and ``4n`` characters; the ratio of
the two times is about 4 where the time grows linearly and about 16 where it grows quadratically. A ratio
above :data:`BOUND` (6) fails.

    .venv/bin/python benchmarks/bench_pathological.py [--size N] [--repeat R] [--mixtures M] [--only WORD]

The test suite runs the same check at a small size (``tests/test_linear_time.py``). How it avoids
flaking on a loaded machine: CPU time of the process (``time.process_time``), not wall time; each
timing is the best of ``repeat`` runs, each run calling the function often enough to take a few
milliseconds, with the garbage collector off; and a shape over the bound is measured again before it
counts as a failure.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import time
from collections.abc import Callable, Iterator

from gongwen import find_numbers, parse

#: A shape fails when its time at 4n characters is more than this many times its time at n.
BOUND = 6.0
#: The characters of a random mixture's block (its texts repeat the block, so that n and 4n read alike).
MIXTURE_BLOCK = 1_000
#: Each timed run calls the function often enough to take at least this many CPU seconds at size n.
MIN_RUN = 0.002

# name → the piece that is repeated
CASES = {
    "blank lines": "\n",
    "spaces": " ",
    "digits": "1",
    "Chinese numerals": "一",
    "magnitudes glued to digits": "5亿",
    "Chinese magnitudes": "一亿",
    "amounts without punctuation": "12万元",
    "年 before amounts": "年投入12万元",
    "years and amounts": "2024年全市投入12万元",
    "short sentences with periods": "去年投入5万元。",
    "changes without punctuation": "增长-3.2%和",
    "比上年 changes": "比上年增长5.2%",
    "同比 changes": "同比下降3%",
    "a list without 分别": "5%和",
    "a 分别 list": "分别增长4%、6%和",
    "ranges": "3至5万元、6—12岁、",
    "words without punctuation": "一般公共预算收入",
    "wrapped lines": "全年全市一般公共预算收入完成规模以上工业\n",
    "page numbers between wrapped lines": "正文内容比较长的一行文字没有标点符号啊\n— 3 —\n",
    "many short lines": "12万元\n",
    "heading markers in a line": "一、",
    "heading lines": "一、加强\n",
    "inline headings": "。(一)加强",
    "inline series opening at 1": "。1、加强",
    "document titles": "报告一\n一、总结\n二、问题\n",
    "label lines": "存在问题:\n",
    "related-document lists": "您可能关注的文档\n- 一篇\n",
    "open parentheses": "(",
    "closing parentheses before numbers": "收入)12万元",
    "opening quotes": "“",
    "quoted counts": "“三个代表”",
    "book titles": "《两个意见》",
    "hyphens": "-",
    "parentheses alone on lines": "(\n",
    "attachment lines": "附件\n",
    "notes lines": "名词解释\n",
    "one-line headings after spaces": "一、甲 (一)乙 1、丙 ",
    "inline sections": "。一、甲(一)乙",
    "lone markers": "1、\n",
    "decimal items": "12.2025年\n",
    "parts and sections": "第一部分 甲\n一、乙\n",
    "contents lines": "目录\n一、甲\n二、乙\n",
    "masked numbers": "XX万元",
    "spaces between digits": "1 2 ",
    "followers without the words": "59位",
    "CR line ends": "全年投入12万元\r",
    "U+2028 line ends": "一、加强\u2028",
    "zero-width spaces in numbers": "5\u200b5万元",
    "NUL characters": "一、\x00加强\x00",
}

# The mixtures' vocabulary: report words, numbers, units and punctuation without sentence ends.
_WORDS = (
    "全年", "全市", "一般公共预算收入", "投入", "完成", "实现", "增长", "下降", "提高到", "达到", "总计", "约",
    "近", "以上", "左右", "余", "分别", "分别为", "比上年", "同比", "较去年", "占", "其中", "人口", "学校",
    "资金", "项目", "年", "去年", "今年", "2024年", "年度", "第", "共有", "的",
)  # fmt: skip
_NUMBERS = ("12", "5.57", "三", "两", "一", "1,234", "4至6", "3—5", "二〇二四", "百分之", "三分之一", "0.4", "十")
_UNITS = ("万元", "亿元", "元", "个", "人", "%", "所", "项", "万人次", "平方米", "个百分点", "倍", "岁", "年")
_PUNCTUATION = (",", "、", "和", "与", "及", ":", "(", ")", "“", "”", "《", "》", "【", "】", " ", "—", "-", "~")


def _mixture(seed: int) -> Callable[[int], str]:
    """A random mixture: a seeded choice of pieces and weights, and of how often a line ends, drawn into a
    block of :data:`MIXTURE_BLOCK` characters that is repeated to the size asked for. (A text drawn anew
    at each size differs in make-up between its first n and its 4n characters by chance, enough to move
    the ratio by one at a small n; the repeated block is the same text at every size.)"""
    chooser = random.Random(seed)
    pieces = [*_WORDS, *_NUMBERS, *_UNITS, *_PUNCTUATION]
    weights = [chooser.choice((0, 0, 1, 2, 5)) for _ in pieces]
    newline = chooser.choice((0.0, 0.0, 0.002, 0.05, 0.3))  # one long line … many short lines
    out: list[str] = []
    length = 0
    while length < MIXTURE_BLOCK:
        piece = "\n" if chooser.random() < newline else chooser.choices(pieces, weights)[0]
        out.append(piece)
        length += len(piece)
    block = "".join(out)

    def make(size: int) -> str:
        return block * -(-size // len(block))

    return make


def _repeated(piece: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return piece * -(-size // len(piece)) + "5亿元。"

    return make


def shapes(mixtures: int = 12) -> Iterator[tuple[str, Callable[[int], str]]]:
    """Every shape as ``(name, make)``: ``make(size)`` is a text of about ``size`` characters."""
    for name, piece in CASES.items():
        yield name, _repeated(piece)
    for seed in range(mixtures):
        yield f"random mixture {seed}", _mixture(seed)


def _cpu_seconds(function: Callable[[str], object], text: str, calls: int) -> float:
    gc.disable()  # a collection would land in one run and not another (gc.collect() itself is slow with jieba's
    # dictionary loaded, so the collector is only paused)
    try:
        start = time.process_time()
        for _ in range(calls):
            function(text)
        return time.process_time() - start
    finally:
        gc.enable()


def growth(
    function: Callable[[str], object], make: Callable[[int], str], size: int, repeat: int = 3
) -> tuple[float, float, float]:
    """``(seconds at size, seconds at 4 × size, their ratio)``: each the best of ``repeat`` runs, per call."""
    small, large = make(size), make(4 * size)
    calls = 1
    while _cpu_seconds(function, small, calls) < MIN_RUN and calls < 1 << 16:
        calls *= 2
    best = [min(_cpu_seconds(function, text, calls) for _ in range(repeat)) / calls for text in (small, large)]
    return best[0], best[1], best[1] / max(best[0], 1e-9)


def check(
    size: int,
    repeat: int = 3,
    mixtures: int = 12,
    retries: int = 2,
    only: str = "",
    functions: tuple[Callable[[str], object], ...] = (parse, find_numbers),
) -> Iterator[tuple[str, str, float, float, float]]:
    """``(function, shape, seconds at n, seconds at 4n, ratio)`` for every shape and function; a ratio over
    :data:`BOUND` is measured again (up to ``retries`` times) and the lowest kept."""
    parse("预热:全年投入5万元。")  # load the dictionary and compile the patterns first
    for function in functions:
        for name, make in shapes(mixtures):
            if only and only not in name:
                continue
            result = growth(function, make, size, repeat)
            for _ in range(retries):
                if result[2] <= BOUND:
                    break
                result = min(result, growth(function, make, size, repeat), key=lambda r: r[2])
            yield (getattr(function, "__name__", "function"), name, *result)


def main() -> None:
    from _bench import machine

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller text (default 20,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size, the best kept (default 3)")
    parser.add_argument("--mixtures", type=int, default=12, help="random mixtures (default 12)")
    parser.add_argument("--only", default="", help="only the shapes whose name contains this")
    arguments = parser.parse_args()
    size = arguments.size
    print(machine())
    print(f"CPU time per call, best of {arguments.repeat}; ratio = time at {4 * size:,} / time at {size:,} chars")
    print(f"(about 4 is linear, 16 quadratic; over {BOUND:g} fails)")
    worst: dict[str, float] = {}
    current = ""
    for function, name, small, large, ratio in check(size, arguments.repeat, arguments.mixtures, 0, arguments.only):
        if function != current:
            current = function
            print(f"\n{function:36} {'ms at ' + format(size, ','):>14} {'ms at ' + format(4 * size, ','):>14}   ratio")
        worst[function] = max(worst.get(function, 0.0), ratio)
        flag = "  <- grows faster than the text" if ratio > BOUND else ""
        print(f"  {name:34} {small * 1e3:14.2f} {large * 1e3:14.2f}   {ratio:5.2f}{flag}")
    overall = max(worst.values(), default=math.nan)
    print("\nworst ratio: " + ", ".join(f"{f} {r:.2f}" for f, r in worst.items()))
    print("linear" if overall <= BOUND else "NOT linear")


if __name__ == "__main__":
    main()
