"""gongwen.io: the encodings report files come in, line endings, and files that are not text."""

from __future__ import annotations

import codecs
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen.errors import GongwenError, InputTypeError, ReportDecodeError
from gongwen.io import decode, decode_with_encoding, normalize_newlines, read_text

TEXT = "关于2023年工作情况的报告\n一、基本情况\n全镇有初级中学2所,总人口55983人。\n二、存在问题\n"


@pytest.mark.parametrize(
    ("encoding", "found"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_encodings_in_the_wild(tmp_path: Path, encoding: str, found: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    expected = "\ufeff" + TEXT if encoding == "utf-8-sig" else TEXT
    assert read_text(path) == expected
    assert decode_with_encoding(path.read_bytes()) == (expected, found)


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    data = bom + TEXT.encode(encoding)
    assert decode_with_encoding(data) == (TEXT, encoding)


def test_a_utf8_bom_is_kept_so_offsets_agree_with_open(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "一、总体情况\r\n".encode())
    assert read_text(path) == path.read_text(encoding="utf-8") == "\ufeff一、总体情况\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_line_endings_become_newlines(newline: str, encoding: str) -> None:
    windows = TEXT.replace("\n", newline)
    assert decode(windows.encode(encoding)) == TEXT


def test_mixed_line_endings() -> None:
    assert normalize_newlines("a\r\nb\rc\nd\r\r\ne") == "a\nb\nc\nd\n\ne"
    assert normalize_newlines("no carriage returns") == "no carriage returns"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_text(path) == ""
    assert decode(b"") == ""
    assert decode(codecs.BOM_UTF8) == "\ufeff"


def test_gbk_sample_reads_like_the_utf8_one(tmp_path: Path) -> None:
    sample = resources.files("gongwen").joinpath("data").joinpath("sample_report.txt").read_text("utf-8")
    path = tmp_path / "gbk.txt"
    path.write_bytes(sample.encode("gb18030"))
    assert read_text(path) == normalize_newlines(sample)


def test_binary_file_names_the_file_and_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary")
    with pytest.raises(ReportDecodeError) as caught:
        read_text(path)
    message = str(caught.value)
    assert str(path) in message
    assert "binary" in message
    assert "UTF-8" in message and "iconv" in message
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, GongwenError)


def test_bytes_in_no_supported_encoding() -> None:
    with pytest.raises(ReportDecodeError, match=r"report\.doc: not UTF-8, GB18030/GBK or Big5.*offset 3"):
        decode(b"abc\xff\xff\xffdef", name="report.doc")


def test_control_characters_mean_not_text() -> None:
    junk = bytes(range(1, 9)) * 20
    with pytest.raises(ReportDecodeError, match="does not look like text"):
        decode(junk)


def test_a_stray_control_character_is_tolerated() -> None:
    assert decode("一、总体情况\n正文。\x1a".encode()) == "一、总体情况\n正文。\x1a"


def test_bad_utf16_after_its_bom() -> None:
    with pytest.raises(ReportDecodeError, match="UTF-16-LE byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone high surrogate


def test_decode_wants_bytes() -> None:
    with pytest.raises(InputTypeError, match="already text"):
        decode("一、总体情况")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        decode(None)  # type: ignore[arg-type]
    assert decode(bytearray("正文".encode())) == "正文"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(OSError):
        read_text(tmp_path)


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff") | st.just("\n"),
    max_size=200,
)


@given(_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"]))
def test_round_trip(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode(data) == ("\ufeff" + text if encoding == "utf-8-sig" else text)


@given(st.text(alphabet="ab\r\n", max_size=50))
def test_normalized_text_has_no_carriage_returns(text: str) -> None:
    out = normalize_newlines(text)
    assert "\r" not in out
    assert out.count("\n") == text.count("\n") + text.count("\r") - text.count("\r\n")


# A traditional report from Taiwan or Hong Kong, saved as Big5 (seed 002 is in traditional characters).
TRADITIONAL = "關於20xx年教育工作的總結\n一、基本情況\n全縣共有中小學52所,在校學生3.2萬人,教師經費投入1.08億元。\n"


def test_big5(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.replace("\n", "\r\n").encode("big5"))
    assert read_text(path) == TRADITIONAL
    assert decode_with_encoding(path.read_bytes())[1] == "big5hkscs"


@pytest.mark.parametrize("line", TRADITIONAL.splitlines())
def test_big5_lines_alone(line: str) -> None:
    assert decode_with_encoding(line.encode("big5")) == (line, "big5hkscs")


def _sample_lines() -> list[str]:
    data = resources.files("gongwen").joinpath("data").joinpath("sample_report.txt").read_text("utf-8")
    return [line for line in data.splitlines() if line.strip()]


@given(st.data())
def test_gbk_is_never_taken_for_big5(data: st.DataObject) -> None:
    # Big5 is chosen only where it reads as far more common characters: GBK text never does
    lines = _sample_lines()
    start = data.draw(st.integers(0, len(lines) - 1))
    text = "\n".join(lines[start : start + data.draw(st.integers(1, 5))])
    assert decode_with_encoding(text.encode("gbk")) == (text, "gb18030")
