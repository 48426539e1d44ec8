"""The docs run from a clone: every Python example of docs/*.md and README.md runs and prints what the
page shows, and no page points at files a clone does not have."""

from __future__ import annotations

import doctest
import html
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").glob("*.md"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("refresh_examples", ROOT / "docs" / "_tools" / "refresh_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_example_of_the_page_runs_and_prints_what_it_shows(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if "```python" not in page.read_text(encoding="utf-8"):
        pytest.skip("no Python example")
    try:
        import dask

        dask.config.set(scheduler="synchronous")  # the Dask example, without worker processes
    except ImportError:
        pass
    monkeypatch.chdir(ROOT)
    ok = _tool().refresh(page, check=True)  # type: ignore[attr-defined]
    assert ok, f"{page.name}: {capsys.readouterr().err}\nrun: python docs/_tools/refresh_examples.py docs/*.md"


def test_the_readme_examples_run() -> None:
    readme = ROOT / "README.md"
    for language, body in FENCE.findall(readme.read_text(encoding="utf-8")):
        if language == "python":
            assert body.startswith(">>> "), "README's Python examples are doctests, so that they run"
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("page", [*PAGES, ROOT / "README.md"], ids=[p.name for p in [*PAGES, ROOT / "README.md"]])
def test_no_page_needs_files_a_clone_does_not_have(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text and "seeds/" not in text
    assert not re.search(r"pip install (gongwen|'gongwen\[)", text), (
        "gongwen is not on PyPI yet: install from the clone"
    )
    for language, _ in FENCE.findall(text):
        assert language != "py", "a ```py block is not run: write ```python"


def test_the_cli_page_shows_the_screenshot() -> None:
    svg = ROOT / "docs" / "images" / "parse_sample.svg"
    assert "(images/parse_sample.svg)" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    picture = html.unescape(svg.read_text(encoding="utf-8")).replace("\xa0", " ")
    assert picture.startswith("<svg") and "gongwen parse --sample" in picture and "Metrics (" in picture
