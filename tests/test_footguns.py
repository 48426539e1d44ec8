"""Calls that work but most likely do not do what was meant, and results that print whole texts.

``gongwen.parse("report.txt")`` parses the file's name: a warning says how to parse the file. A path object
is an error that says the same. The repr of every result stays short whatever the size of the text.
"""

from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

import pytest

import gongwen
from gongwen import GongwenWarning, InputTypeError, extract_metrics, parse


def test_parse_of_the_name_of_a_file_warns(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("一、基本情况\n全年投入12万元。", encoding="utf-8")
    with pytest.warns(GongwenWarning, match=r"read_text\(path\)") as caught:
        parse(str(report))
    assert caught[0].filename == __file__  # the warning points at the call
    with pytest.warns(GongwenWarning, match="parse_file"):
        extract_metrics(str(report))


def test_the_warning_is_a_user_warning() -> None:
    assert issubclass(GongwenWarning, UserWarning)
    assert "GongwenWarning" in gongwen.__all__


@pytest.mark.parametrize(
    "text",
    [
        "全年投入12万元。",  # one line that names no file
        "report.txt",  # a file name that does not exist here
        "一、基本情况\n全年投入12万元。",
        "",
        "\x00",
        "a" * 5_000,
    ],
)
def test_no_warning_for_text(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse(text)


def test_no_warning_for_the_text_of_a_file_that_also_names_a_folder(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse(str(tmp_path))  # a folder is no file to read


def test_a_path_object_says_to_read_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputTypeError, match=r"gongwen.read_text\(path\)"):
        parse(tmp_path / "report.txt")  # type: ignore[arg-type]


# --- short reprs ---------------------------------------------------------------------------------------

REPR_LIMIT = 300


@pytest.fixture(scope="module")
def long_report() -> gongwen.Report:
    sample = (resources.files("gongwen") / "data" / "sample_report.txt").read_text("utf-8")
    text = (sample * (33_000 // len(sample) + 1))[:33_000]
    one_section = "一、" + "很长的标题" * 200 + "\n" + "正文没有标点" * 5_000  # a long title, a long body
    return parse(text + "\n" + one_section)


def test_reprs_of_documents_sections_and_reports_are_short(long_report: gongwen.Report) -> None:
    assert len(long_report.text) > 33_000
    assert len(repr(long_report)) < REPR_LIMIT
    for document in long_report.documents:
        assert len(repr(document)) < REPR_LIMIT, repr(document)
        assert document.root is not None
        for section in document.root.walk():
            assert len(repr(section)) < REPR_LIMIT, repr(section)


def test_reprs_of_every_result_are_bounded(long_report: gongwen.Report) -> None:
    results = [*long_report.headings, *long_report.metrics, *long_report.noise, *gongwen.find_numbers("一" * 500)]
    assert results
    assert max(len(repr(result)) for result in results) < 2 * REPR_LIMIT


def test_a_repr_still_names_what_it_shows(long_report: gongwen.Report) -> None:
    document = long_report.documents[0]
    assert repr(document).startswith("<Document 0")
    section = document.sections[0]
    assert repr(section).startswith(f"<Section {section.heading.marker}" if section.heading else "<Section")
    heading = long_report.headings[-1]
    assert heading.title.startswith("很长的标题")
    assert "…" in repr(heading) and len(heading.title) > 40
    metric = long_report.metrics[0]
    assert repr(metric).startswith("Metric(span=Span(") and repr(metric.text) in repr(metric)
