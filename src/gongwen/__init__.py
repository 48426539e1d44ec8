"""gongwen: turn Chinese government reports into data.

>>> import gongwen
>>> report = gongwen.parse("一、基本情况\\n全镇有初级中学2所,总人口55983人。")
>>> [h.title for h in report.headings]
['基本情况']
>>> [(m.text, m.value, m.unit, m.subject) for m in report.metrics]
[('2所', Decimal('2'), '所', '初级中学'), ('55983人', Decimal('55983'), '人', '总人口')]
"""

from gongwen.errors import GongwenError, InputTypeError, NotANumeralError, RegistryError, ReportDecodeError
from gongwen.model import (
    Direction,
    Document,
    Heading,
    HeadingStyle,
    Metric,
    MetricKind,
    Noise,
    NumberMention,
    Qualifier,
    Report,
    Section,
    Span,
)
from gongwen.numerals import StopList, find_numbers, normalize_numbers, to_chinese, to_number

__version__ = "0.1.0"

__all__ = [
    "Direction",
    "Document",
    "GongwenError",
    "Heading",
    "HeadingStyle",
    "InputTypeError",
    "Metric",
    "MetricKind",
    "Noise",
    "NotANumeralError",
    "NumberMention",
    "Qualifier",
    "RegistryError",
    "Report",
    "ReportDecodeError",
    "Section",
    "Span",
    "StopList",
    "__version__",
    "find_numbers",
    "normalize_numbers",
    "to_chinese",
    "to_number",
]
