"""The period step of the metric reader: the year a number's sentence names before it (2024年, 去年).

:class:`Periods` answers, for each number of a document in text order, the period named last before it in
its sentence, as written in the original text; that is a metric's ``period_text``. (The period a figure is
*for*, from its sentence, paragraph, sections and the report's frame, is :mod:`gongwen.periods`.)
"""

from __future__ import annotations

import bisect
import re

import regex

__all__ = ["PERIOD", "Periods"]

PERIOD = regex.compile(r"(?<![比较])(?:(?:[0-9]{4}|20xx|20__|xxxx)年(?:度)?|去年|今年|上年|本年|明年|前年|同年)")
_SENTENCE_BREAK = re.compile("[。;\n]")  # where the sentence that names a period ends


class Periods:
    """The period of each number of a document (2024年, 去年): the last one named in its sentence before it.

    The numbers come in text order, so the sentence start is looked for only since the previous number,
    and the periods of each sentence that holds a number are found in one scan of that sentence; each
    number then looks its period up by binary search. (A look-back over the sentence for each number took
    quadratic time on a long sentence full of 年: 年投入12万元 repeated.) No period straddles a number's
    start, so the scan of the whole sentence finds, before each number, the periods a scan up to it would.
    """

    def __init__(self, text: str, folded: str, start: int, end: int) -> None:
        self.text, self.folded, self.start, self.end = text, folded, start, end
        self.last = start  # the previous number's offset
        self.floor = start  # where its sentence starts
        self.held = -1  # the start of the sentence whose periods are held
        self.starts: list[int] = []
        self.ends: list[int] = []

    def before(self, offset: int) -> str | None:
        """The period named last before ``offset`` in its sentence, as written in the original text."""
        folded = self.folded
        if offset < self.last:  # out of order: look back from the document's start
            self.last, self.floor = self.start, self.start
        last = self.last
        found = max(folded.rfind("。", last, offset), folded.rfind(";", last, offset), folded.rfind("\n", last, offset))
        if found >= 0:
            self.floor = found + 1
        self.last = offset
        if self.floor != self.held:  # a new sentence: its periods, found once
            stop = _SENTENCE_BREAK.search(folded, offset, self.end)
            ceiling = self.end if stop is None else stop.start()
            self.held, self.starts, self.ends = self.floor, [], []
            if folded.find("年", self.floor, ceiling) >= 0:  # every period names a year (2024年, 去年, 本年)
                for match in PERIOD.finditer(folded, self.floor, ceiling):
                    self.starts.append(match.start())
                    self.ends.append(match.end())
        last = bisect.bisect_right(self.ends, offset) - 1
        return None if last < 0 else self.text[self.starts[last] : self.ends[last]]

