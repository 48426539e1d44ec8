"""gongwen.io: the encodings report files come in, line endings, and files that are not text."""

from __future__ import annotations

import codecs
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen.errors import GongwenError, InputTypeError, ReportDecodeError, ReportDecodeWarning
from gongwen.io import decode, decode_report, decode_with_encoding, normalize_newlines, read_text

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


# ---------------------------------------------------------------------------------------------------------
# Damaged bytes, UTF-16 without a byte-order mark, lossy conversions, encoding= and errors=

LONG = "\n".join(_sample_lines()[:200]) + "\n"


def _with_bad_bytes(data: bytes, *offsets: int) -> bytes:
    out = bytearray(data)
    for offset in sorted(offsets, reverse=True):
        out[offset:offset] = b"\xff"
    return bytes(out)


def test_one_bad_byte_far_into_a_utf8_file_is_named_where_it_is(tmp_path: Path) -> None:
    data = LONG.encode("utf-8")
    first = data.index(b"\n", 1700) + 1  # the start of a line, so the line number is plain
    damaged = _with_bad_bytes(data, first, len(LONG[:-300].encode("utf-8")))  # both between characters
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    line = data[:first].count(b"\n") + 1
    with pytest.raises(ReportDecodeError) as caught:
        read_text(path)
    message = str(caught.value)
    assert str(path) in message and "UTF-8" in message
    assert f"byte 0xff at offset {first} (line {line}, column 1)" in message
    assert "1 more bad sequence" in message and "errors='replace'" in message
    with pytest.warns(ReportDecodeWarning, match=rf"2 byte sequences not in UTF-8 replaced by U\+FFFD.*offset {first}"):
        text = read_text(path, errors="replace")
    assert text == LONG[: len(data[:first].decode())] + "\ufffd" + text[len(data[:first].decode()) + 1 :]
    assert text.count("\ufffd") == 2 and text.replace("\ufffd", "") == LONG
    decoded = decode_report(damaged, errors="replace")
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 2)


@given(st.integers(0, len(LONG.encode("utf-8"))))
def test_the_first_bad_byte_is_where_python_finds_it(offset: int) -> None:
    damaged = _with_bad_bytes(LONG.encode("utf-8"), offset)
    with pytest.raises(UnicodeDecodeError) as python:
        damaged.decode("utf-8")
    with pytest.raises(ReportDecodeError, match=rf"at offset {python.value.start} \(line"):
        decode(damaged)
    replaced = decode_report(damaged, errors="replace")
    assert replaced.replaced == replaced.text.count("\ufffd") >= 1  # inside a character, its bytes count too


def test_a_file_cut_inside_a_character() -> None:
    data = LONG.rstrip("\n").encode("utf-8")[:-2]  # the lead byte of a three-byte character, then nothing
    with pytest.raises(ReportDecodeError, match=rf"offset {len(data) - 1} .*cut short"):
        decode(data, name="cut.txt")
    with pytest.warns(ReportDecodeWarning, match="1 byte sequence not in UTF-8"):
        assert decode(data, errors="replace").endswith("\ufffd")


def test_a_bad_byte_in_a_gbk_file(tmp_path: Path) -> None:
    data = _with_bad_bytes(LONG.encode("gbk"), 3000)
    with pytest.raises(ReportDecodeError, match=r"GB18030 text with a byte that is not GB18030: byte 0xff at offset"):
        decode(data)
    decoded = decode_report(data, errors="replace")
    assert decoded.encoding == "gb18030" and decoded.replaced >= 1 and decoded.text.count("\ufffd") >= 1


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode(encoding))
    assert read_text(path) == TEXT
    assert decode_with_encoding(LONG.encode(encoding)) == (LONG, encoding)


@given(st.data())
def test_utf16_lines_without_a_mark(data: st.DataObject) -> None:
    lines = _sample_lines()
    start = data.draw(st.integers(0, len(lines) - 1))
    text = "\n".join(lines[start : start + data.draw(st.integers(1, 4))]) + "\n"
    encoding = data.draw(st.sampled_from(["utf-16-le", "utf-16-be"]))
    assert decode_with_encoding(text.encode(encoding)) == (text, encoding)


def test_short_binary_with_a_nul_is_not_taken_for_utf16() -> None:
    for junk in (b"\x00\x01binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))):
        with pytest.raises(ReportDecodeError, match="binary"):
            decode(junk)


def test_a_lossy_conversion_to_big5_is_not_accepted_silently(tmp_path: Path) -> None:
    # simplified characters that Big5 lacks become '?' when converted with errors='replace' (iconv -c …)
    path = tmp_path / "lossy.txt"
    path.write_bytes(LONG.encode("big5", errors="replace"))
    with pytest.warns(ReportDecodeWarning, match=r"'\?' stand between Chinese characters \(the first on line \d+\)"):
        text = read_text(path)
    assert "?" in text
    decoded = decode_report(path.read_bytes())
    assert [issue.kind for issue in decoded.issues] == ["lost"] and decoded.issues[0].count > 50
    # a few question marks in a real text are no alarm
    assert decode_report("問題在哪?我們要解決。".encode("big5")).issues == ()


def test_an_encoding_given_skips_detection() -> None:
    data = TEXT.encode("gbk")
    assert decode_report(data, encoding="gbk").text == TEXT
    assert decode(TRADITIONAL.encode("cp950"), encoding="cp950") == TRADITIONAL
    with pytest.raises(ReportDecodeError, match=r"GBK text with a byte that is not GBK: byte 0xff at offset 4"):
        decode(b"abcd\xff", encoding="gbk")
    with pytest.raises(ReportDecodeError, match="unknown encoding 'klingon'"):
        decode(data, encoding="klingon")
    with pytest.raises(ValueError, match="errors must be 'strict' or 'replace'"):
        decode(data, errors="ignore")  # type: ignore[arg-type]


FRENCH = [
    "année",
    "région",
    "élève",
    "école",
    "créé",
    "déjà",
    "où",
    "là",
    "être",
    "forêt",
    "très",
    "août",
    "naïve",
    "garçon",
    "façade",
    "hôpital",
    "côté",
    "île",
    "théâtre",
    "événement",
    "qualité",
    "société",
    "économie",
    "intérêt",
    "général",
    "sécurité",
    "réalité",
    "activité",
    "priorité",
    "dépenses",
    "crédits",
]


def test_text_in_another_script_names_what_it_looks_like() -> None:
    text = "Le budget de la région: " + ", ".join(word + "s" for word in FRENCH) * 5
    data = text.encode("latin-1")
    with pytest.raises(ReportDecodeError) as caught:
        decode(data, name="fr.txt")
    message = str(caught.value)
    assert "fr.txt: not UTF-8, GB18030/GBK or Big5" in message and "--encoding" in message
    assert "the first byte 0xe9 at offset 17 (line 1, column 18)" in message
    assert decode(data, encoding="latin-1") == text


def test_mostly_ascii_with_one_bad_byte_reads_under_replace() -> None:
    data = b"Report 2023: total 55.57 (line one).\n" * 30 + b"a bad \xff byte\n" + b"the end\n"
    with pytest.raises(ReportDecodeError, match=r"1 bad byte sequence, the first byte 0xff at offset 1116 \(line 31"):
        decode(data, name="a.txt")
    with pytest.warns(ReportDecodeWarning, match="1 byte sequence not in UTF-8 replaced"):
        assert decode(data, errors="replace").count("\ufffd") == 1


def test_a_bad_sequence_after_a_utf16_mark_is_named_by_its_offset_in_the_file() -> None:
    data = codecs.BOM_UTF16_LE + "一、总体\n情况".encode("utf-16-le") + b"\x00\xd8" + "ab".encode("utf-16-le")
    expected = r"UTF-16-LE byte-order mark but is not UTF-16-LE: .* offset 16 \(line 2, column 3\)"
    with pytest.raises(ReportDecodeError, match=expected):
        decode(data)
    with pytest.warns(ReportDecodeWarning, match="1 byte sequence not in UTF-16-LE"):
        assert decode(data, errors="replace") == "一、总体\n情况\ufffdab"
