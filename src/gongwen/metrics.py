"""The built-in metric extractor: every quantity of a report as typed, exact data (GUIDELINES §4).

A metric is a number (Arabic, Chinese or mixed, or masked: 10__, XX万元) with a unit or classifier, a
percentage, or a fraction. Around the number the extractor reads, in this order:

* a range (6—12周岁, 3到4万元, 4至6千元, 一至两次, 两三个, 七八万人, 50%——80%), never descending;
* the unit, longest first from :mod:`gongwen.units` (万元 → 元 with magnitude 万);
* the qualifier from the words glued to it (近60万元, 93万余元, 6.5%左右, 不低于2000元) or just before it
  (至少有两名);
* the change it states (增长7.4%, 比上年下降3%: ``direction`` and ``basis``), or the comparison
  (高于全国0.4个百分点: basis 全国, :mod:`gongwen.comparisons`), and the period (2024年, 去年);
* the words a list shares (分别超97.5%和99%, 4%、6%左右, 12、18个百分点: :mod:`gongwen.listed`);
* the subject, the shortest phrase that names what is measured, with jieba's help.

Dates, years, ordinals and ranks, names and codes, slogans, article-like 一 and bare numbers are not
metrics; neither is anything in page noise or in a heading marker.

The reader is a sequence of named steps, each a module of its own. For each number found it applies them
in this order:

1. the number, its unit and magnitude: :mod:`gongwen.metric_numbers` (finding and valuing numbers, the
   compiled unit table) and :mod:`gongwen.metric_reading` (reading what follows a number), which reads on
   its way a range or a short list (:mod:`gongwen.metric_ranges`) and 余/多 before the unit
   (:func:`gongwen.metric_qualifiers.between`);
2. the exclusions, named rules that say a reading is no metric: :mod:`gongwen.exclusions`;
3. the qualifier words glued to the number: :func:`gongwen.metric_qualifiers.qualified` (and those a list
   shares, :mod:`gongwen.listed`);
4. the change and its basis: :mod:`gongwen.metric_changes`;
5. the subject: :mod:`gongwen.metric_subjects`;
6. the period named in the sentence: :mod:`gongwen.metric_periods`.

This module holds :class:`MetricExtractor` and the small reader that calls the steps.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

import attrs
import regex

from gongwen.context import Context

# The exclusion rules and the former private names of the steps stay importable from here.
from gongwen.exclusions import _QUOTE_CLOSE_RE as _QUOTE_CLOSE_RE
from gongwen.exclusions import _QUOTE_OPEN_RE as _QUOTE_OPEN_RE
from gongwen.exclusions import EXCLUSIONS, Exclusion, Quotes, rules_for
from gongwen.exclusions import age_in_indicator_name as age_in_indicator_name
from gongwen.exclusions import anniversary_or_age_week as anniversary_or_age_week
from gongwen.exclusions import announces_a_list as announces_a_list
from gongwen.exclusions import article_one as article_one
from gongwen.exclusions import bare_p_not_computing as bare_p_not_computing
from gongwen.exclusions import cheng_in_a_word as cheng_in_a_word
from gongwen.exclusions import chinese_score as chinese_score
from gongwen.exclusions import clock_time as clock_time
from gongwen.exclusions import day_of_month as day_of_month
from gongwen.exclusions import degree_not_energy as degree_not_energy
from gongwen.exclusions import frequency as frequency
from gongwen.exclusions import grade_or_class as grade_or_class
from gongwen.exclusions import listed_ordinal as listed_ordinal
from gongwen.exclusions import project_phase as project_phase
from gongwen.exclusions import rank as rank
from gongwen.exclusions import session_of_a_body as session_of_a_body
from gongwen.exclusions import size_in_group_name as size_in_group_name
from gongwen.exclusions import unit_starts_a_word as unit_starts_a_word
from gongwen.exclusions import weekday as weekday
from gongwen.exclusions import year_not_duration as year_not_duration
from gongwen.listed import carry_suffix_qualifiers, listed, prefix_qualifier
from gongwen.metric_changes import change_and_basis
from gongwen.metric_numbers import CANDIDATE, Reading, UnitPatterns, number, unit_patterns
from gongwen.metric_numbers import _compiled_tables as _compiled_tables
from gongwen.metric_periods import PERIOD, Periods
from gongwen.metric_qualifiers import qualified
from gongwen.metric_reading import NumberReader
from gongwen.metric_subjects import SubjectReader
from gongwen.model import Metric, MetricKind, Qualifier, Span
from gongwen.numerals import StopList, has_invisible
from gongwen.spanindex import SpanIndex
from gongwen.units import Unit, units

__all__ = ["EXCLUSIONS", "Exclusion", "MetricExtractor", "Reading"]

_CANDIDATE = CANDIDATE
_PERIOD = PERIOD
_Periods = Periods
_UnitPatterns = UnitPatterns
_unit_patterns = unit_patterns
_number = number

_RECENT = 8  # how many metrics the reader keeps for 分别 and the comparisons of a list
_KIND_REACH = 12  # how far before a masked number its clause is read for a percentage
_PERCENT_CONTEXT = regex.compile(r"(?:率|面|比例|比重|占)[^,。;]{0,6}$")


@attrs.define
class MetricExtractor:
    """The built-in extractor, registered as ``"metrics"``.

    ``units`` replaces the unit table (default: :func:`gongwen.units.units`); ``stop`` the list of set
    phrases and codes whose numbers are not quantities; ``exclusions`` the rules that drop a number with a
    unit that is still not a quantity (default: :data:`EXCLUSIONS`, extend it with your own
    ``rule(folded, reading, context) -> bool``).
    """

    name: str = "metrics"
    units: tuple[Unit, ...] | None = None
    stop: StopList | None = None
    exclusions: tuple[Exclusion, ...] | None = None

    def __call__(self, context: Context) -> Iterator[Metric]:
        table = self.units if self.units is not None else units()
        stop_spans = (self.stop or StopList.default()).spans(context.folded[context.span.start : context.span.end])
        offset = context.span.start
        blocked = [(s + offset, e + offset) for s, e in stop_spans]
        exclusions = EXCLUSIONS if self.exclusions is None else self.exclusions
        reader = _Reader(context, table, blocked, exclusions, self.name)
        yield from reader.metrics()



class _Reader:
    """Reads the metrics of one document: each number found, read, qualified, checked against the
    exclusions, then given its change, subject and period, one step after the other."""

    def __init__(
        self,
        context: Context,
        table: tuple[Unit, ...],
        blocked: Sequence[tuple[int, int]],
        exclusions: tuple[Exclusion, ...],
        name: str,
    ) -> None:
        self.context = context
        self.exclusions = exclusions
        self.rules: dict[tuple[str, str], tuple[Exclusion, ...]] = {}  # the rules that apply, by unit
        self.name = name
        self.text = context.text
        self.folded = context.folded
        document = (context.span.start, context.span.end)
        invisible = has_invisible(self.text, *document)  # zero-width or control characters to look past
        self.numbers = NumberReader(context, unit_patterns(table), invisible)
        self.subjects = SubjectReader(context)
        self.blocked = SpanIndex(blocked)
        self.last_end = context.span.start
        self.recent: deque[Metric] = deque(maxlen=_RECENT)  # the last few metrics, for 分别
        self.quotes = Quotes(self.folded, *document)
        self.periods = Periods(self.text, self.folded, *document)

    @property
    def previous(self) -> Metric | None:
        """The metric read last."""
        return self.recent[-1] if self.recent else None

    def _blocked(self, start: int, end: int) -> bool:
        return self.context.skipped(start, end) or self.blocked.overlaps(start, end)

    def metrics(self) -> Iterator[Metric]:
        """Every metric of the context, in order, with the words a list shares carried to its items."""
        return carry_suffix_qualifiers(self.folded, self._metrics())

    def _metrics(self) -> Iterator[Metric]:
        folded, span = self.folded, self.context.span
        read = self.numbers.read
        position = span.start
        while True:
            match = CANDIDATE.search(folded, position, span.end)
            if match is None:
                return
            reading = read(match)
            if reading is None:
                position = match.end()
                continue
            position = reading.end
            if self._blocked(reading.start, reading.end):
                continue
            metric = self._finish(reading)
            if metric is not None:
                self.last_end = reading.end
                self.recent.append(metric)
                yield metric

    def _inside_quotes(self, reading: Reading) -> bool:
        """In a short quoted phrase or a book title: “三个代表”, “五个一”, 《两只老虎》."""
        return self.quotes.around(reading.start, reading.end)

    def _excluded(self, reading: Reading) -> bool:
        if self._inside_quotes(reading):
            return True
        unit = reading.unit
        if unit is None:
            return False
        key = (unit.surface, unit.kind)
        rules = self.rules.get(key)
        if rules is None:
            rules = self.rules[key] = rules_for(self.exclusions, unit)
        folded, context = self.folded, self.context
        return any(rule(folded, reading, context) for rule in rules)

    def _finish(self, reading: Reading) -> Metric | None:
        """The metric a reading makes in its context, or ``None`` if an exclusion rule drops it."""
        if self._excluded(reading):
            return None
        folded, floor = self.folded, self.context.span.start
        start, end, qualifier = qualified(folded, floor, reading)
        unit = reading.unit
        previous = self.previous
        if qualifier is Qualifier.EXACT and previous is not None and listed(folded, previous.span.end, start):
            shared = prefix_qualifier(previous) if unit is not None and previous.unit == unit.unit else None
            qualifier = shared or qualifier  # 分别超97.5%和99%: 超 covers 99% too
        kind: str = MetricKind.COUNT if unit is None else unit.kind
        if unit is None and _PERCENT_CONTEXT.search(folded, max(floor, start - _KIND_REACH), start):
            kind = MetricKind.PERCENT  # 家访面达到10__: the masked unit was a percentage
        direction, basis, named_before = change_and_basis(folded, floor, self.last_end, start, unit, kind, self.recent)
        subject_span = self.subjects.subject(named_before, end, kind, self.last_end, self.recent)
        section = self.context.section_at(start)
        return Metric(
            span=Span(start, end),
            text=self.text[start:end],
            value=reading.value,
            unit="" if unit is None else unit.unit,
            kind=kind,
            qualifier=qualifier,
            low=reading.low,
            high=reading.high,
            magnitude=reading.magnitude,
            subject=None if subject_span is None else self.subjects.text_of(subject_span),
            subject_span=subject_span,
            redacted=reading.redacted,
            direction=direction,
            basis=basis,
            period_text=self.periods.before(start),
            document=self.context.document,
            section=() if section is None else section.path,
            heading=None if section is None or section.heading is None else section.heading.index,
            extractor=self.name,
        )
