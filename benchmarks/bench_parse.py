"""Speed of a full ``gongwen.parse`` against JioNLP's ``jionlp.extract_money`` on the same texts.

    .venv/bin/python benchmarks/bench_parse.py [--repeat 7] [--corpus DIR]

JioNLP is an optional benchmark dependency, not a dependency of gongwen (``.venv/bin/pip install jionlp``);
without it the script says so and times gongwen alone.

The two do different amounts of work. ``gongwen.parse`` finds the documents, the page noise, the heading
outline and every metric (money, percentages, counts, areas …, with qualifier and subject);
``extract_money`` finds and parses amounts of money only. A second gongwen row times the parse without
its metric extractors (``parse(text, extractors=[])``: documents, noise and outline), so the difference
is what the metrics cost. JioNLP is timed the two ways its documentation
allows: the whole text in one call (its docstring example passes a multi-line article), and sentence by
sentence after ``jionlp.split_sentence`` (the split itself is not timed). The faster of the two is used
for the ratio.
"""

from __future__ import annotations

import contextlib
import io
import statistics
from collections.abc import Callable
from typing import Any

import _bench

import gongwen

try:
    from gongwen import parse
except ImportError:  # older trees export parse from gongwen.parser only
    from gongwen.parser import parse


def load_jionlp() -> Any | None:
    """JioNLP, imported quietly (it prints a banner on import), or ``None`` if it is not installed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp
    except ImportError:
        return None
    return jionlp


def main() -> None:
    args = _bench.arguments(__doc__.splitlines()[0])
    folder, texts = _bench.corpus(args.corpus)
    chars = sum(map(len, texts))
    print(_bench.header(folder, texts, args.repeat))
    ours = _bench.clock(parse, texts, args.repeat)
    print(_bench.row(f"gongwen.parse ({gongwen.__version__})", chars, ours))
    outline = _bench.clock(lambda text: parse(text, extractors=[]), texts, args.repeat)
    print(_bench.row("  of which documents, noise and outline", chars, outline))
    reports = [parse(text) for text in texts]

    jionlp = load_jionlp()
    if jionlp is None:
        print("\nnote: JioNLP is not installed, so only gongwen was timed (.venv/bin/pip install jionlp)")
        return
    extract: Callable[..., list[dict[str, Any]]] = jionlp.ner.extract_money
    split = [jionlp.split_sentence(text, criterion="coarse") for text in texts]
    whole = _bench.clock(extract, texts, args.repeat)
    by_sentence = _bench.clock(lambda sentences: [extract(s) for s in sentences], split, args.repeat)
    version = getattr(jionlp, "__version__", "?")
    print(_bench.row(f"jionlp.extract_money ({version}), whole", chars, whole))
    print(_bench.row("jionlp.extract_money, by sentence", chars, by_sentence))
    best = min(statistics.median(whole), statistics.median(by_sentence))
    ratio = best / statistics.median(ours)
    print(f"  parse / extract_money speed ratio (JioNLP's faster way): {ratio:.2f}x", end="")
    print(f" (extract_money is {1 / ratio:.1f}x faster)" if ratio < 1 else "")
    compare_money(reports, [extract(text) for text in texts])


def compare_money(reports: list[Any], found: list[list[dict[str, Any]]]) -> None:
    """How far gongwen's money metrics and JioNLP's amounts agree, by overlapping spans."""
    ours = [[m for m in report.metrics if m.kind == "money"] for report in reports]
    both = jionlp_only = 0
    examples: list[str] = []
    for metrics, amounts in zip(ours, found, strict=True):
        for amount in amounts:
            start, end = amount["offset"]
            if any(m.span.start < end and start < m.span.end for m in metrics):
                both += 1
            else:
                jionlp_only += 1
                examples.append(amount["text"])
    every = sum(len(report.metrics) for report in reports)
    total = sum(map(len, ours))
    print(f"\nfound: gongwen {every} metrics of every kind, {total} of them money (and the outline and noise);")
    print(f"  JioNLP {both + jionlp_only} amounts of money, {both} of them overlapping a gongwen money metric")
    if examples:
        print(f"  JioNLP only ({jionlp_only}), e.g.: {', '.join(examples[:8])}")


if __name__ == "__main__":
    main()
