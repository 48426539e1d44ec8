"""Adversarial texts: does the time of `gongwen.parse` and `gongwen.find_numbers` grow linearly with the text?

Scraped pages hold things no report would: thousands of blank lines, a page of digits, a line of 40,000
numbers without punctuation, a PDF extraction that wraps every line. Each case is a piece repeated to two
sizes; the script prints microseconds per character at both and their ratio. A ratio near 1 is linear;
one above about 1.5 means the time grows faster than the text, a bug (this script found four: the noise
patterns over blank lines, the 分别 look-back over a long clause, and find_numbers's scan of set phrases).

    .venv/bin/python benchmarks/bench_pathological.py [--size N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from _bench import machine

from gongwen import find_numbers, parse
from gongwen.textview import fold

# name → the piece that is repeated
CASES = {
    "blank lines": "\n",
    "spaces": " ",
    "digits": "1",
    "Chinese numerals": "一",
    "amounts without punctuation": "12万元",
    "changes without punctuation": "增长-3.2%和",
    "a 分别 list": "5%和",
    "words without punctuation": "一般公共预算收入",
    "wrapped lines": "全年全市一般公共预算收入完成规模以上工业\n",
    "page numbers between wrapped lines": "正文内容比较长的一行文字没有标点符号啊\n— 3 —\n",
    "heading markers in a line": "一、",
    "heading lines": "一、加强\n",
    "label lines": "存在问题:\n",
    "open parentheses": "(",
    "opening quotes": "“",
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
}


def seconds(function: Callable[[str], object], text: str) -> float:
    fold.cache_clear()
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters of the smaller text (default 50,000)")
    small = parser.parse_args().size
    print(machine())
    parse("预热:全年投入5万元。")  # load the dictionary and compile the patterns first
    worst = 0.0
    for function in (parse, find_numbers):
        print(f"\n{function.__name__:36} {'µs/char at ' + format(small, ','):>20} {'at ' + format(4 * small, ','):>14}")
        for name, piece in CASES.items():
            times = []
            for size in (small, 4 * small):
                text = piece * max(1, size // len(piece)) + "5亿元。"
                times.append(min(seconds(function, text) for _ in range(2)) / len(text) * 1e6)
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            flag = "  <- grows faster than the text" if ratio > 1.5 else ""
            print(f"  {name:34} {times[0]:20.2f} {times[1]:14.2f}   ratio {ratio:4.2f}{flag}")
    print(f"\nworst ratio {worst:.2f} ({'linear' if worst <= 1.5 else 'NOT linear'})")


if __name__ == "__main__":
    main()
