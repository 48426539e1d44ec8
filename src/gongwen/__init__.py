"""gongwen: turn Chinese government reports into data.

>>> import gongwen
>>> report = gongwen.parse("一、基本情况\\n全镇有初级中学2所,总人口55983人。")
>>> [h.title for h in report.headings]
['基本情况']
>>> [(m.text, m.value, m.unit, m.subject) for m in report.metrics]
[('2所', Decimal('2'), '所', '初级中学'), ('55983人', Decimal('55983'), '人', '总人口')]
"""

from gongwen.batch import parse_many
from gongwen.context import Context
from gongwen.errors import (
    GongwenError,
    GongwenWarning,
    InputTypeError,
    MissingDictionaryError,
    MissingExtraError,
    NotANumeralError,
    ParseTimeoutError,
    RegistryError,
    ReportDecodeError,
    ReportDecodeWarning,
    UnsupportedFormatError,
)
from gongwen.extractors import (
    Extractor,
    PatternExtractor,
    extractor_names,
    get_extractor,
    register_extractor,
    unregister_extractor,
)
from gongwen.formats import Source, SourceFormat, parse_source, read
from gongwen.headings import HeadingRule, register_heading_style, unregister_heading_style
from gongwen.indicators import register_indicator
from gongwen.io import decode, read_text, sample_path
from gongwen.metrics import MetricExtractor
from gongwen.model import (
    Direction,
    Document,
    Heading,
    HeadingStyle,
    Metric,
    MetricKind,
    Noise,
    NoiseKind,
    NumberMention,
    Qualifier,
    Report,
    Section,
    Span,
    Status,
)
from gongwen.noise import find_noise, register_noise_pattern, unregister_noise_pattern
from gongwen.numerals import StopList, find_numbers, normalize_numbers, to_chinese, to_number
from gongwen.outline import parse_outline, split_documents
from gongwen.panel import panel, panel_rows
from gongwen.parser import extract_metrics, parse
from gongwen.units import Unit, register_unit

if "IPython" in __import__("sys").modules:  # in a notebook, a Report shows itself as HTML (gongwen.display)
    import gongwen.display  # noqa: F401

__version__ = "0.1.0"

__all__ = [
    "Context",
    "Direction",
    "Document",
    "Extractor",
    "GongwenError",
    "GongwenWarning",
    "Heading",
    "HeadingRule",
    "HeadingStyle",
    "InputTypeError",
    "Metric",
    "MetricExtractor",
    "MetricKind",
    "MissingDictionaryError",
    "MissingExtraError",
    "Noise",
    "NoiseKind",
    "NotANumeralError",
    "NumberMention",
    "ParseTimeoutError",
    "PatternExtractor",
    "Qualifier",
    "RegistryError",
    "Report",
    "ReportDecodeError",
    "ReportDecodeWarning",
    "Section",
    "Source",
    "SourceFormat",
    "Span",
    "Status",
    "StopList",
    "Unit",
    "UnsupportedFormatError",
    "__version__",
    "decode",
    "extract_metrics",
    "extractor_names",
    "find_noise",
    "find_numbers",
    "get_extractor",
    "normalize_numbers",
    "panel",
    "panel_rows",
    "parse",
    "parse_many",
    "parse_outline",
    "parse_source",
    "read",
    "read_text",
    "register_extractor",
    "register_heading_style",
    "register_indicator",
    "register_noise_pattern",
    "register_unit",
    "sample_path",
    "split_documents",
    "to_chinese",
    "to_number",
    "unregister_extractor",
    "unregister_heading_style",
    "unregister_noise_pattern",
]
