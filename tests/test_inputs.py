"""Reading inputs: encodings, compression, bad input, size caps."""

from __future__ import annotations

import gzip

import pytest

from mediakit import InputError, extract
from mediakit.inputs import decode_bytes, read_input

TEXT = "Harbour talks resume\n\nThe mayor of Lundby said on Monday the talks would resume, café owners said.\n"


def test_utf8_and_bom_variants() -> None:
    for data in (
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
    ):
        text, _ = decode_bytes(data)
        assert text.lstrip("\ufeff") == TEXT


def test_cp1252_detected() -> None:
    data = "Caf\u00e9 owners said the \u201cdeal\u201d was fair \u2013 mostly.".encode("cp1252")
    text, enc = decode_bytes(data)
    assert "Caf\u00e9" in text and "\u201cdeal\u201d" in text


def test_mixed_encoding_keeps_text_and_flags() -> None:
    data = ("The mayor said the plan was fine. " * 50).encode() + "caf\u00e9".encode("cp1252")
    art = extract(data)
    assert "mayor" in art.body
    assert any("replaced" in f for f in art.flags)


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02\x03" * 100, b"%PDF-1.7\n\x00\x00\xff"])
def test_empty_and_binary_raise_clear_errors(data: bytes) -> None:
    with pytest.raises(InputError):
        extract(data)


def test_gzip_file(tmp_path) -> None:
    p = tmp_path / "story.html.gz"
    p.write_bytes(gzip.compress(b"<html><body><article><h1>Title</h1><p>" + b"Word " * 80 + b"</p></article></body></html>"))
    raw = read_input(p)
    assert raw.kind == "html" and raw.id == "story"


def test_size_cap(tmp_path) -> None:
    p = tmp_path / "huge.txt"
    p.write_bytes(b"A long line. " * (50 * 1024 * 1024 // 13 + 1))  # about 50 MB
    with pytest.raises(InputError, match="MB"):
        extract(p)


def test_gzip_bomb_capped() -> None:
    data = gzip.compress(b"a" * (3 * 1024 * 1024))
    with pytest.raises(InputError, match="limit"):
        read_input(data, max_bytes=1024 * 1024)


def test_single_huge_line_is_handled() -> None:
    art = extract("word " * 200_000)  # one 1 MB line
    assert art.source and all(0 <= s.start <= s.end <= len(art.source) for s in art.paragraphs + art.removed)


def test_text_is_not_treated_as_path_or_url() -> None:
    raw = read_input("https://example.org/a b")  # whitespace: not a URL
    assert raw.kind == "text" and raw.origin == "<text>"


def test_kind_is_validated() -> None:
    with pytest.raises(InputError):
        read_input("x", kind="pdf")


def test_non_english_text() -> None:
    art = extract("Le maire a dit lundi que les discussions reprendraient.\n\nLes commerçants sont inquiets.")
    assert "maire" in art.source


# ----- strings that look like paths ---------------------------------------------------------------

import mediakit  # noqa: E402


@pytest.mark.parametrize("value", [
    "data/examples/does_not_exist.txt",
    "../data/examples/ferry_pastd.txt",          # a notebook INPUT typo
    "story.html",
    "exports/wire.csv",
    "C:\\Users\\ana\\story.txt",
    "feeds/items.jsonl",
    "pages/archive.warc.gz",
    "~/Downloads/page.htm",
])
def test_missing_path_is_an_error_not_an_article(value: str) -> None:
    with pytest.raises(InputError, match="no such file"):
        extract(value)
    with pytest.raises(InputError, match="no such file"):
        mediakit.analyse(value)


def test_missing_path_suggests_a_close_name(examples, monkeypatch) -> None:
    monkeypatch.chdir(examples.parent.parent)
    with pytest.raises(InputError, match="ferry_pasted.txt"):
        extract("data/examples/ferry_pastd.txt")


def test_folder_is_an_error_pointing_to_the_cli(examples) -> None:
    for value in (str(examples), examples):
        with pytest.raises(InputError, match=r"is a folder.*mediakit extract"):
            extract(value)
    with pytest.raises(InputError, match="is a folder"):
        mediakit.analyse(str(examples))


def test_folder_name_without_separator_is_a_folder(tmp_path, monkeypatch) -> None:
    (tmp_path / "articles").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="is a folder"):
        extract("articles")


@pytest.mark.parametrize("value", [
    "The minister said on Monday that the dam would be built.",
    "Prices rose 3.5% in Lundby/Vessen, the harbour board said.",
    "<p>The mayor said the bridge was safe.</p>",
    "Bridge reopens\n\nThe bridge reopened on Monday.",
    "word " * 50,
])
def test_clear_text_is_text(value: str) -> None:
    from mediakit.inputs import looks_like_path

    assert not looks_like_path(value)
    assert read_input(value).origin == "<text>"


def test_explicit_text_and_html_keywords() -> None:
    art = extract(text="data/examples/does_not_exist.txt")
    assert art.origin == "<text>" and art.input_kind == "text" and "does_not_exist" in art.source
    art = extract(html="<html><body><article><h1>Bridge</h1><p>" + "The bridge reopened on Monday. " * 20
                  + "</p></article></body></html>")
    assert art.input_kind == "html" and "reopened" in art.body
    an = mediakit.analyse(text="The bridge is safe, Ms Ana Petrov said on Monday.")
    assert an.article.origin == "<text>"
    with pytest.raises(InputError, match="one of"):
        extract("a", text="b")
    with pytest.raises(InputError, match="one of"):
        extract()
    with pytest.raises(InputError, match="kind"):
        extract(text="x y.", kind="html")


# --- no silent loss in decompression ---------------------------------------------------------------

STORY = ("Ferry talks\n\n" + "".join(
    f"Paragraph {i}: the ferry union and the operator met on Monday, officials said, and agreed to meet again.\n\n"
    for i in range(400)
)).encode()


def test_gzip_every_member_is_read(tmp_path) -> None:
    half = len(STORY) // 2
    p = tmp_path / "story.txt.gz"
    p.write_bytes(gzip.compress(STORY[:half]) + gzip.compress(STORY[half:]))
    raw = read_input(p)
    assert raw.text.encode() == STORY and raw.flags == []


@pytest.mark.parametrize("cut", [0.5, 0.65, 0.8])
def test_truncated_gzip_is_flagged(tmp_path, cut: float) -> None:
    packed = gzip.compress(STORY)
    p = tmp_path / "story.txt.gz"
    p.write_bytes(packed[: int(len(packed) * cut)])
    art = extract(p)
    assert "truncated gzip: text may be incomplete" in art.flags
    assert art.body and len(art.source) < len(STORY)
    assert any("truncated gzip" in f for f in read_input(packed[: int(len(packed) * cut)]).flags)


def test_gzip_trailing_garbage_is_flagged(tmp_path) -> None:
    raw = read_input(gzip.compress(STORY) + b"not gzip at all")
    assert raw.text.encode() == STORY and any("ignored" in f for f in raw.flags)
    assert read_input(gzip.compress(STORY) + b"\x00" * 512).flags == []  # block padding: nothing lost


def test_gzip_bomb_message() -> None:
    data = gzip.compress(b"a" * (3 * 1024 * 1024))
    with pytest.raises(InputError, match=r"expands past the 1\.05 MB limit"):
        read_input(data, max_bytes=1024 * 1024)


# --- every fallback decoding is flagged ------------------------------------------------------------


def test_utf8_is_not_flagged() -> None:
    assert extract(TEXT.encode("utf-8")).flags == []
    assert read_input(TEXT.encode("utf-16")).flags == []  # a BOM is no guess


def test_cp1252_fallback_is_flagged() -> None:
    data = ("Caf\u00e9 owners said the \u201cdeal\u201d was fair \u2013 mostly, the mayor said on Monday.\n\n" * 3).encode("cp1252")
    raw = read_input(data)
    assert "Caf\u00e9" in raw.text
    assert len(raw.flags) == 1 and raw.flags[0].startswith("encoding:") and raw.encoding in raw.flags[0]
    assert raw.flags[0] in extract(data).flags


def test_declared_charset_is_flagged() -> None:
    page = ('<html><head><meta charset="iso-8859-2"></head><body><p>'
            + "Pan \u0141ukasz powiedzia\u0142 w poniedzia\u0142ek, \u017ce prom wr\u00f3ci. " * 5 + "</p></body></html>")
    raw = read_input(page.encode("iso-8859-2"))
    assert "\u0141ukasz" in raw.text and "iso-8859-2" in raw.flags[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom(codec: str) -> None:
    data = TEXT.encode(codec)
    raw = read_input(data)
    assert raw.text == TEXT and raw.encoding == codec
    assert raw.flags == [f"encoding: {codec.upper()} without a byte-order mark (detected from the pattern of NUL bytes)"]
    art = extract(data)
    assert "mayor" in art.body and raw.flags[0] in art.flags
