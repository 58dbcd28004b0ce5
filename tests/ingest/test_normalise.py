"""Tests of byte decoding and length-preserving normalisation."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import BinaryInputError, EmptyInputError, EncodingError, InputError
from eventwire.ingest import normalise_text
from eventwire.ingest.normalise import decode_bytes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("North Korea\u2019s", "North Korea's"),
        ("\u2018hi\u2019 \u201chello\u201d \u201elow\u201f", '\'hi\' "hello" "low"'),
        ("5\u2032 11\u2033", "5' 11\""),
        ("a\u00a0b\u2009c\u202fd\u3000e\tf", "a b c d e f"),
        ("line\r\nnext\rlast", "line \nnext last"),
        ("zero\u200bwidth\u200c\u200d\u2060\ufeff", "zero width" + " " * 4),
        ("bell\x07 del\x7f nel\x85 csi\x9b", "bell  del  nel  csi "),
        ("para\u2029line\u2028end", "para\nline\nend"),
        ("keep\nnewlines\n", "keep\nnewlines\n"),
        ("Séoul 서울 — «non»", "Séoul 서울 — «non»"),
    ],
)
def test_normalise_text_maps(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_text_keeps_offsets_of_the_seed_quote() -> None:
    raw = "\u201cWe don\u2019t think\u201d Choe said"
    out = normalise_text(raw)
    assert out.index("Choe") == raw.index("Choe")


@given(st.text())
def test_normalise_text_preserves_length(text: str) -> None:
    assert len(normalise_text(text)) == len(text)


@given(st.text())
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.text())
def test_normalise_text_leaves_no_controls_but_newline(text: str) -> None:
    out = normalise_text(text)
    assert not any(ord(ch) < 0x20 and ch != "\n" for ch in out)
    assert "\r" not in out
    assert "\u2028" not in out


def test_decode_utf8_and_strip_bom() -> None:
    assert decode_bytes("Séoul".encode(), source="s") == "Séoul"
    assert decode_bytes(codecs.BOM_UTF8 + b"text", source="s") == "text"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_decode_utf16_and_utf32_with_bom(codec: str) -> None:
    bom = {
        "utf-16": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    little = codec in ("utf-16", "utf-32")
    body = "date 2021-03-18\nSEOUL \u2014 Text".encode(codec + ("-le" if little else ""))
    assert decode_bytes(bom + body, source="s") == "date 2021-03-18\nSEOUL \u2014 Text"


def test_utf16_without_bom_is_binary_with_a_hint() -> None:
    with pytest.raises(BinaryInputError, match="utf-16"):
        decode_bytes("plain text".encode("utf-16-le"), source="f.txt")


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(BinaryInputError, match=r"f\.bin"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source="f.bin")


def test_mostly_control_bytes_are_binary() -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(1, 32)) * 20, source="f")
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(1, 256)) * 4, source="f")


def test_latin1_is_an_encoding_error_that_says_how_to_convert() -> None:
    with pytest.raises(EncodingError) as info:
        decode_bytes("Caf\u00e9 in S\u00e3o Paulo".encode("latin-1"), source="news.txt")
    message = str(info.value)
    assert "not UTF-8" in message
    assert "iconv -f latin1 -t utf-8 news.txt" in message
    assert info.value.code == "E103"


def test_bad_utf16_after_bom_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", source="f")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, "\u00a0\u200b\n".encode()])
def test_empty_or_blank_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(data, source="f")


@given(st.binary(max_size=300))
def test_decode_bytes_raises_only_input_errors(data: bytes) -> None:
    try:
        text = decode_bytes(data, source="f")
    except InputError:
        return
    assert normalise_text(text).strip()


# -- decoding properties (reliability) ---------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Zs", "Po", "Lo", "So", "Mn")),
    min_size=1,
).filter(lambda s: normalise_text(s).strip() != "")


@given(text=_TEXT, bom=st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"]))
def test_text_with_a_byte_order_mark_decodes_to_itself(text: str, bom: str) -> None:
    marks = {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
    }
    assert decode_bytes(marks[bom] + text.encode(bom), source="s") == text


_LATIN_TEXT = st.text(
    alphabet=st.characters(max_codepoint=0xFF, categories=("Lu", "Ll", "Nd", "Zs", "Po")),
    min_size=1,
)


@given(text=_LATIN_TEXT, codec=st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_a_mark_is_refused_as_binary(text: str, codec: str) -> None:
    data = text.encode(codec)  # every character below U+0100 brings a NUL byte
    with pytest.raises(BinaryInputError, match="iconv -f utf-16le"):
        decode_bytes(data, source="s")


@given(text=_TEXT, cut=st.integers(1, 3))
def test_utf8_cut_inside_a_character_is_an_encoding_error(text: str, cut: int) -> None:
    data = (text + "é€𝄞").encode("utf-8")
    end = len(data) - cut  # inside the last, four-byte character
    with pytest.raises((EncodingError, BinaryInputError)):
        decode_bytes(data[:end], source="s")


@given(text=_TEXT)
def test_latin1_with_accents_is_never_taken_for_utf8(text: str) -> None:
    latin = (text.encode("ascii", "ignore").decode() + " déjà vu à Genève").encode("latin-1")
    with pytest.raises(EncodingError, match="iconv -f latin1"):
        decode_bytes(latin, source="s")
