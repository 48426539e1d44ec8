"""Speed and quality of numeral finding: ``gongwen.find_numbers`` against ``cn2an.transform(text, "cn2an")``.

    .venv/bin/python benchmarks/bench_numbers.py [--repeat 7] [--corpus DIR]

Both run on the same texts in the same process (the seeds in ../shared/corpus/seeds, else the reports
bundled in src/gongwen/data). The two do related but not identical work: find_numbers returns every
numeral with its span and exact Decimal value and skips idioms, slogans, names and codes; cn2an rewrites
every run of Chinese numeral characters in Arabic digits. After the timings the script counts what each
one reads as a number and lists cn2an conversions that gongwen declines (一心一意 → 1心1意).
"""

from __future__ import annotations

import bisect
import difflib
import warnings
from collections import Counter

import _bench
import cn2an
import jieba

from gongwen import find_numbers

# Set phrases, slogans, codes and article-like 一 next to real quantities, for the side-by-side at the end.
SPOT_CHECKS = (
    "一心一意", "三个代表", "十一五规划", "进一步统一",
    "一名教师", "第二名", "四所小学", "五十五万五千七百元",
)  # fmt: skip


def cn2an_transform(text: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cn2an warns on every numeral it cannot read
        return str(cn2an.transform(text, "cn2an"))


def conversions(text: str, output: str) -> list[tuple[int, int, str]]:
    """Where cn2an rewrote ``text``: ``(start, end, replacement)``.

    The two texts are aligned line by line: cn2an keeps every newline.
    """
    found = []
    offset = 0
    for line, out in zip(text.split("\n"), output.split("\n"), strict=True):
        matcher = difflib.SequenceMatcher(None, line, out, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal" and i2 > i1:
                found.append((offset + i1, offset + i2, out[j1:j2]))
        offset += len(line) + 1
    return found


def in_words(text: str, rewrites: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The words (jieba's) that rewrites fall in, before and after: 进一步 → 进1步, 一心一意 → 1心1意.

    Rewrites that are a whole word by themselves (the 二 of a heading 二、, the 三 of (三)) are left out.
    """
    words = list(jieba.tokenize(text))
    starts = [start for _, start, _ in words]
    grouped: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for start, end, replacement in rewrites:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(starts, end) - 1
        grouped.setdefault((words[first][1], words[last][2]), []).append((start, end, replacement))
    shown = []
    for (left, right), inside in grouped.items():
        if sum(end - start for start, end, _ in inside) == right - left:
            continue
        rewritten = text[left:right]
        for start, end, replacement in reversed(inside):
            rewritten = rewritten[: start - left] + replacement + rewritten[end - left :]
        shown.append((text[left:right], rewritten))
    return shown


def quality(texts: list[str]) -> None:
    gongwen_all = gongwen_cn = cn2an_count = declined = 0
    examples: Counter[tuple[str, str]] = Counter()
    jieba.setLogLevel(60)  # no "Building prefix dict" chatter
    for text in texts:
        mentions = find_numbers(text)
        gongwen_all += len(mentions)
        gongwen_cn += sum(1 for m in mentions if not m.text.isascii())
        changed = conversions(text, cn2an_transform(text))
        cn2an_count += len(changed)
        spans = [(m.span.start, m.span.end) for m in mentions]
        rejected = [c for c in changed if not any(s < c[1] and c[0] < e for s, e in spans)]
        declined += len(rejected)
        examples.update(in_words(text, rejected))
    print("\nwhat each reads as a number:")
    print(f"  gongwen.find_numbers  {gongwen_all:6} numerals ({gongwen_cn} written with Chinese characters)")
    print(f"  cn2an.transform       {cn2an_count:6} Chinese numerals rewritten (Arabic ones stay as written)")
    print(f"  cn2an rewrites that find_numbers declines: {declined}; the words they fall in most often:")
    for (source, rewritten), count in examples.most_common(15):
        print(f"    {count:4} × {source} → {rewritten}")
    print("\nspot checks:")
    for phrase in SPOT_CHECKS:
        found = ", ".join(f"{m.text}={m.value}" for m in find_numbers(phrase)) or "nothing"
        print(f"  {phrase}: cn2an → {cn2an_transform(phrase)}; find_numbers → {found}")


def main() -> None:
    args = _bench.arguments(__doc__.splitlines()[0])
    folder, texts = _bench.corpus(args.corpus)
    chars = sum(map(len, texts))
    print(_bench.header(folder, texts, args.repeat))
    ours = _bench.clock(find_numbers, texts, args.repeat)
    theirs = _bench.clock(cn2an_transform, texts, args.repeat)
    print(_bench.row("gongwen.find_numbers", chars, ours))
    print(_bench.row('cn2an.transform(text, "cn2an")', chars, theirs))
    ratio = _bench.rate(chars, ours) / _bench.rate(chars, theirs)
    print(f"  find_numbers / cn2an speed ratio: {ratio:.2f}x", end="")
    print(f" (find_numbers is {ratio:.1f}x faster)" if ratio >= 1 else f" (cn2an is {1 / ratio:.1f}x faster)")
    quality(texts)


if __name__ == "__main__":
    main()
