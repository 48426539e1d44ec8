"""A Report shows itself briefly in a console and as a tree and a table in a notebook."""

from gongwen import parse

TEXT = "一、基本情况\n全镇有初级中学2所,总人口55983人。\n(一)学校\n小学4所。\n二、问题<b>\n经费不足。"


def test_repr_is_one_short_line() -> None:
    text = repr(parse(TEXT))
    assert text.startswith("<Report: ") and "\n" not in text
    assert "3 headings" in text and "3 metrics" in text


def test_html_has_the_outline_as_a_collapsible_tree_and_the_metrics_table() -> None:
    html = parse(TEXT)._repr_html_()
    assert html.count("<details") >= 2  # the document and the section with a child
    assert "一、基本情况" in html and "(一)学校" in html
    assert "<table>" in html and "55983人" in html and "总人口" in html


def test_html_escapes_the_text() -> None:
    html = parse(TEXT)._repr_html_()
    assert "问题&lt;b&gt;" in html
    assert "<b>\n" not in html


def test_html_of_an_empty_report() -> None:
    html = parse("")._repr_html_()
    assert "<table>" in html
