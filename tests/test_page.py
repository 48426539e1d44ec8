"""The page view: one parse folds its text once and finds its noise once; no import cycle in the package."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gongwen
from gongwen import textview
from gongwen.noise import find_noise
from gongwen.outline import find_candidates, parse_outline, split_documents
from gongwen.page import page_view

REPORT = (
    "某市2024年政府工作报告\r\n"
    "各位代表:\r\n"
    "一、过去一年工作回顾\u2028"
    "全年地区生产总值增长5.2%,达到1234.5亿元。\n"
    "- 上传日期:2024-01-02\n"
    "(一)工业经济\r"
    "规模以上工业增加值增长8%。\n"
)


def _counting(monkeypatch: pytest.MonkeyPatch, name: str, original: Callable[..., Any], size: int) -> list[int]:
    """Replace ``name`` in every gongwen module that holds ``original``; count the calls on the whole text."""
    calls: list[int] = []

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        if len(text) == size:
            calls.append(1)
        return original(text, *args, **kwargs)

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("gongwen") and getattr(module, name, None) is original:
            monkeypatch.setattr(module, name, counted)
    return calls


def test_one_parse_folds_once_and_finds_noise_once(monkeypatch: pytest.MonkeyPatch) -> None:
    folds = _counting(monkeypatch, "fold", textview.fold, len(REPORT))
    finds = _counting(monkeypatch, "find_noise", find_noise, len(REPORT))
    from gongwen import noise

    scans = _counting(monkeypatch, "noise_of", noise.noise_of, len(REPORT))
    report = gongwen.parse(REPORT)
    assert report.metrics and report.headings and report.noise
    assert (len(folds), len(finds), len(scans)) == (1, 0, 1)


def test_no_cache_keyed_by_whole_texts() -> None:
    assert not hasattr(textview.fold, "cache_info")


def test_public_steps_build_the_view_themselves() -> None:
    page = page_view(REPORT)
    assert find_noise(REPORT) == page.noise
    assert find_candidates(REPORT) == find_candidates(REPORT, page=page)
    assert split_documents(REPORT) == split_documents(REPORT, page=page)
    assert parse_outline(REPORT).headings == gongwen.parse(REPORT).headings


def test_line_starts_and_spans() -> None:
    page = page_view("a\r\nb\rc\u2028d\n")
    assert page.line_starts == (0, 3, 5, 7, 9)
    assert [page.line_span(n) for n in range(5)] == [(0, 1), (3, 4), (5, 6), (7, 8), (9, 9)]
    assert page.line_of(4) == 1 and page.line_of(0) == 0


def _type_only(tree: ast.Module) -> set[int]:
    """The ids of the import nodes under ``if TYPE_CHECKING:`` (annotations only: they never run)."""
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for statement in node.body
        for inner in ast.walk(statement)
    }


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The gongwen modules ``path`` imports, at any depth of its code: a lazy import inside a function
    counts too, an import for type annotations only does not."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in modules)
    return found


def test_no_import_cycle() -> None:
    package = Path(gongwen.__file__).parent
    paths = {
        "gongwen." + ".".join(p.relative_to(package).with_suffix("").parts): p
        for p in package.rglob("*.py")
        if p.name != "__init__.py"
    }
    modules = set(paths)
    graph = {name: _imports(path, modules) for name, path in paths.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for imported in sorted(graph[name]):
            if state.get(imported) == 1:
                cycle = [*trail[trail.index(imported) :], imported] if imported in trail else [name, imported]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if imported not in state:
                visit(imported, [*trail, imported])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_the_notebook_view_is_registered_by_the_view_not_imported_by_the_model() -> None:
    code = (
        "import sys, types\n"
        "if sys.argv[1] == 'ipython': sys.modules['IPython'] = types.ModuleType('IPython')\n"
        "import gongwen\n"
        "report = gongwen.parse('一、情况')\n"
        "before = report._repr_html_()\n"
        "import gongwen.display\n"
        "print(before is None, 'gw-report' in report._repr_html_())\n"
    )
    for mode, expected in (("plain", "True True"), ("ipython", "False True")):
        result = subprocess.run([sys.executable, "-c", code, mode], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == expected, mode
