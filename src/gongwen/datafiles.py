"""Reading gongwen's data files (``gongwen/data/*.txt``): the tables of words and patterns kept apart from the
rules that use them.

Every file is UTF-8, one entry a line; blank lines and lines starting with ``#`` are comments. A file of
word groups holds ``group<TAB>word word …`` lines; a group may span several lines.
"""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources

import regex

__all__ = ["alternation", "data_lines", "tab_pairs", "word_groups"]


def data_lines(name: str) -> tuple[str, ...]:
    """The entries of ``gongwen/data/<name>``: its lines without blank and comment lines."""
    data = resources.files("gongwen").joinpath("data").joinpath(name).read_text("utf-8")
    return tuple(line for line in data.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def tab_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The ``key<TAB>value`` entries of a data file, each part stripped."""
    pairs = (line.partition("\t") for line in data_lines(name))
    return tuple((key.strip(), value.strip()) for key, _, value in pairs)


def word_groups(name: str) -> dict[str, tuple[str, ...]]:
    """The word groups of a data file: ``{group: words}``, in file order."""
    groups: dict[str, list[str]] = {}
    for group, words in tab_pairs(name):
        groups.setdefault(group, []).extend(words.split())
    return {group: tuple(words) for group, words in groups.items()}


def alternation(words: Collection[str]) -> str:
    """A regular expression that matches any of ``words``, the longest first."""
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))
