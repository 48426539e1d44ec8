"""The data-file readers: comments and blank lines skipped, tab pairs, word groups over several lines."""

from __future__ import annotations

import regex

from gongwen.datafiles import alternation, data_lines, tab_pairs, word_groups


def test_every_shipped_file_reads() -> None:
    assert data_lines("noise_patterns.txt") and not any(line.lstrip().startswith("#") for line in data_lines(
        "noise_patterns.txt"))
    assert all(kind and pattern for kind, pattern in tab_pairs("noise_patterns.txt"))
    groups = word_groups("title_words.txt")
    assert {"report", "site", "office", "salutation"} <= set(groups)
    assert all(words for words in groups.values())


def test_alternation_tries_the_longest_word_first() -> None:
    pattern = regex.compile(alternation(["工作", "工作报告", "a.b"]))
    assert pattern.match("工作报告").group() == "工作报告"
    assert pattern.match("axb") is None  # words are escaped
