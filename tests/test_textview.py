"""The normalised view: same length as the text, half-width, simplified."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import parse
from gongwen.textview import _traditional, fold, to_simplified


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("５５．５７万元", "55.57万元"),
        ("（一）加强领导：", "(一)加强领导:"),
        ("全年糧食總產量", "全年粮食总产量"),
        ("漁業產值增長", "渔业产值增长"),
        ("鋼鐵、煤炭行業化解過剩產能", "钢铁、煤炭行业化解过剩产能"),
        ("醫療衛生機構", "医疗卫生机构"),
        ("連續三年", "连续三年"),
        ("教師晉升高一級職稱", "教师晋升高一级职称"),
        ("萬億元", "万亿元"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_to_simplified_maps_only_characters() -> None:
    assert to_simplified("全年糧食總產量(GDP)") == "全年粮食总产量(GDP)"


def _table_file() -> list[tuple[str, str]]:
    path = resources.files("gongwen").joinpath("data").joinpath("traditional.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(t, s) for t, s in (line.split("\t") for line in lines if not line.startswith("#"))]


def test_the_traditional_table_is_one_to_one_and_final() -> None:
    pairs = _table_file()
    assert len(pairs) > 2500  # OpenCC's whole character table, not a hand-kept subset
    traditional = [t for t, _ in pairs]
    assert len(set(traditional)) == len(traditional), "a traditional character listed twice"
    assert all(len(t) == len(s) == 1 and t != s and max(ord(t), ord(s)) < 0x10000 for t, s in pairs)
    assert not set(traditional) & {s for _, s in pairs}, "a simplified form that is itself mapped again"


def test_every_pair_of_the_table_folds() -> None:
    pairs = _table_file()
    traditional = "".join(t for t, _ in pairs)
    simplified = "".join(s for _, s in pairs)
    assert fold(traditional) == simplified
    assert to_simplified(traditional) == simplified
    assert len(_traditional()) == len(pairs)


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("羣衆", "群众"),
        ("佔地", "占地"),
        ("啓動", "启动"),
        ("公佈", "公布"),
        ("並且", "并且"),
        ("旅遊", "旅游"),
        ("僑胞", "侨胞"),
        ("韌性", "韧性"),
        ("開展", "开展"),
        ("戰略", "战略"),
        ("數據", "数据"),
        ("為民", "为民"),
        ("生産", "生产"),
    ],
)
def test_characters_the_old_hand_table_missed_now_fold(text: str, simplified: str) -> None:
    assert fold(text) == simplified


def test_importing_gongwen_does_not_read_the_table() -> None:
    code = "import gongwen, gongwen.textview as t; print(t._traditional.cache_info().currsize)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fold_keeps_the_length_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


def test_a_traditional_bulletin_reads_like_a_simplified_one() -> None:
    traditional = "一、綜合\n全年糧食總產量1.39萬億斤,比上年增長1.3%。漁業產值增長3.2%。"
    simplified = "一、综合\n全年粮食总产量1.39万亿斤,比上年增长1.3%。渔业产值增长3.2%。"
    read = [(m.value, m.unit, m.subject and fold(m.subject)) for m in parse(traditional).metrics]
    assert read == [(m.value, m.unit, m.subject) for m in parse(simplified).metrics]
    assert [m.subject for m in parse(traditional).metrics] == ["糧食總產量", "糧食總產量", "漁業產值"]


def test_the_table_is_what_the_script_makes_from_opencc() -> None:
    """Where the opencc package of the version the table names is installed, the script gives the table."""
    import importlib.util
    from importlib import metadata
    from pathlib import Path

    try:
        version = metadata.version("opencc")
    except metadata.PackageNotFoundError:
        pytest.skip("opencc is not installed")
    header = resources.files("gongwen").joinpath("data").joinpath("traditional.tsv").read_text(encoding="utf-8")
    if f"from OpenCC {version} " not in header:
        pytest.skip(f"the table was made from another OpenCC than {version}")
    script = Path(__file__).resolve().parents[1] / "docs" / "_tools" / "make_traditional.py"
    spec = importlib.util.spec_from_file_location("make_traditional", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.pairs() == _table_file()
