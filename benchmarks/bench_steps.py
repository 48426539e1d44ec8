"""Where one ``gongwen.parse`` spends its time: page view, documents and outline, numbers, subjects, the rest.

    .venv/bin/python benchmarks/bench_steps.py [--repeat 7] [--corpus DIR]

Two measures, since neither alone is both exact and detailed:

* **switched off** (wall clock, the best of the timed passes, no profiler): the page view alone
  (``gongwen.page.page_view``: folding, line starts and noise; on trees without it, ``fold`` and
  ``find_noise``), the parse without its metric extractors (``parse(text, extractors=[])``), the full
  parse, and the full parse with the subject search switched off (every gongwen module's
  ``find_subject``, ``subject_after`` and ``topic_before`` answering "none"). Differences give the
  steps: documents and outline = no extractors - page view; metrics = full - no extractors; subjects
  = full - subjects off (a metric without a subject also skips a little later work: an upper bound).
* **profiled** (``cProfile``, one pass): own time by module, the time of a built-in (a regex search,
  a ``str`` method) given to the modules that called it, grouped into the same steps. The profiler
  slows Python calls more than regex work, so read the shares, not the milliseconds.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import _bench

import gongwen
from gongwen import subjects
from gongwen.parser import parse

_SUBJECT_FUNCTIONS = ("find_subject", "subject_after", "topic_before")

_NUMBERS = "numbers (numerals, units, reading numbers)"
# Module (last part of its name) → step, for the profile.
_STEPS = {
    "page view (fold, lines, noise)": ("textview", "page", "noise", "furniture", "spanindex"),
    "documents and outline": ("outline", "titles", "attachments", "headings", "levels"),
    _NUMBERS: ("numerals", "units", "numbers", "number"),
    "subjects (subjects, segment, jieba)": ("subjects", "segment", "lexicon", "jieba", "finalseg", "posseg"),
}


def page_view_function() -> Callable[[str], object]:
    """The page view of this tree, or what older trees did in its place (fold, then find the noise)."""
    try:
        from gongwen.page import page_view
    except ImportError:
        from gongwen.noise import find_noise

        return find_noise  # folds the text and finds its noise
    return page_view


@contextmanager
def subjects_off() -> Iterator[None]:
    """Every gongwen module's subject search answers "none" inside the block."""
    originals = {name: getattr(subjects, name) for name in _SUBJECT_FUNCTIONS if hasattr(subjects, name)}
    patched: list[tuple[Any, str, Any]] = []
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith("gongwen"):
            continue
        for name, original in originals.items():
            if getattr(module, name, None) is original:
                patched.append((module, name, original))
                setattr(module, name, lambda *args, **kwargs: None)
    try:
        yield
    finally:
        for module, name, original in patched:
            setattr(module, name, original)


def _step_of(filename: str, function: str = "") -> str:
    parts = filename.replace("\\", "/").split("/")
    module = parts[-1].removesuffix(".py")
    package = parts[-2] if len(parts) > 1 else ""
    if package == "gongwen" and ("number" in function or function.startswith("_read")):
        return _NUMBERS  # the metric reader's number steps (_read_number, _number …), wherever they live
    for step, modules in _STEPS.items():
        if module in modules or package in modules:
            return step
    return "the rest (metric reader, periods, indicators, model)"


def profile_split(texts: list[str]) -> dict[str, float]:
    """Seconds of own time per step in one profiled pass (built-ins counted with their callers)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        parse(text)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    split: dict[str, float] = {}
    for (filename, _, function), (_, _, own, _, callers) in stats.items():
        if filename != "~":
            step = _step_of(filename, function)
            split[step] = split.get(step, 0.0) + own
            continue
        calls = sum(entry[1] for entry in callers.values()) or 1
        for (caller_file, _, caller), entry in callers.items():  # a built-in: shared by its callers' call counts
            step = _step_of(caller_file, caller)
            split[step] = split.get(step, 0.0) + own * entry[1] / calls
    return split


def main() -> None:
    args = _bench.arguments(__doc__.splitlines()[0])
    folder, texts = _bench.corpus(args.corpus)
    chars = sum(map(len, texts))
    print(_bench.header(folder, texts, args.repeat))
    view = _bench.clock(page_view_function(), texts, args.repeat)
    outline = _bench.clock(lambda text: parse(text, extractors=[]), texts, args.repeat)
    full = _bench.clock(parse, texts, args.repeat)
    with subjects_off():
        no_subjects = _bench.clock(parse, texts, args.repeat)
    timed = {"view": view, "outline": outline, "full": full, "no_subjects": no_subjects}
    best = {name: min(passes) * 1000 for name, passes in timed.items()}  # a shared machine: the best pass
    print(f"\nswitched off (best pass, ms over the corpus; gongwen {gongwen.__version__}):")
    print(_bench.row("full parse", chars, full))
    rows = [
        ("page view (fold, lines, noise)", best["view"]),
        ("documents and outline", best["outline"] - best["view"]),
        ("metrics (every extractor step)", best["full"] - best["outline"]),
        ("  of which subjects (at most)", best["full"] - best["no_subjects"]),
    ]
    for name, ms in rows:
        print(f"  {name:<40} {ms:9.1f} ms  {ms / best['full']:6.1%}")
    split = profile_split(texts)
    total = sum(split.values())
    print("\nprofiled (share of one profiled pass, built-ins counted with their callers):")
    for step in [*_STEPS, *(s for s in split if s not in _STEPS)]:
        print(f"  {step:<52} {split.get(step, 0.0) / total:6.1%}")


if __name__ == "__main__":
    main()
