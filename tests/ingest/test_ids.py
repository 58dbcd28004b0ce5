"""Tests of stable article ids."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest import article_id, normalise_text, parse_wire
from eventwire.ingest.ids import _joined_words, make_source_key

TEXT = "SEOUL, South Korea North Korea said Thursday it would ignore the offer."


def test_id_is_20_hex_chars_of_sha256() -> None:
    expected = hashlib.sha256(("ap\x1f" + TEXT).encode()).hexdigest()[:20]
    assert article_id("ap", TEXT) == expected
    assert re.fullmatch(r"[0-9a-f]{20}", expected)


def test_id_depends_on_source_key_and_text() -> None:
    assert article_id("ap", TEXT) != article_id("reuters", TEXT)
    assert article_id("ap", TEXT) != article_id("ap", TEXT + " More.")
    assert article_id("", TEXT) != article_id("ap", TEXT)


def test_id_ignores_normalisation_and_whitespace_differences() -> None:
    curly = TEXT.replace("Korea said", "Korea\u2019s said").replace("offer.", "\u201coffer.\u201d")
    straight = TEXT.replace("Korea said", "Korea's said").replace("offer.", '"offer."')
    assert article_id("ap", curly) == article_id("ap", straight)
    assert article_id("ap", "a\r\nb  c\n") == article_id("ap", "a\nb c")


def test_source_key_prefers_url_then_source() -> None:
    assert make_source_key(url="https://x.test/a", source="AP") == "https://x.test/a"
    assert make_source_key(url=None, source=" Associated Press ") == "associated press"
    assert make_source_key(url="  ", source=None) == ""
    assert make_source_key() == ""


def test_same_article_from_two_paths_has_one_id() -> None:
    raw = "date 2021-03-18\nBy Jane Doe | Reuters\n\n" + TEXT
    first = parse_wire(raw, source="/data/a/story.txt")
    second = parse_wire(raw, source="/mirror/b/copy.txt")
    assert first.id == second.id
    assert first.id == article_id("reuters", TEXT)


def test_id_does_not_depend_on_header_date() -> None:
    first = parse_wire(TEXT, source="a", default_date=date(2021, 3, 18))
    second = parse_wire(TEXT, source="b", default_date=date(2021, 3, 19))
    assert first.id == second.id


@given(st.text(), st.text())
def test_article_id_is_total_and_stable(key: str, text: str) -> None:
    value = article_id(key, text)
    assert len(value) == 20
    assert value == article_id(key, text)


def _reference_id(source_key: str, text: str) -> str:
    payload = source_key + "\x1f" + " ".join(normalise_text(text).split())
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:20]


@given(text=st.text(), size=st.integers(1, 12))
def test_pieces_join_to_the_whole_normalised_text(text: str, size: int) -> None:
    pieces = list(_joined_words(text, size=size))
    assert all(pieces)
    assert " ".join(pieces) == " ".join(normalise_text(text).split())


@given(key=st.text(max_size=20), text=st.text())
def test_the_id_is_the_hash_of_the_whole_normalised_text(key: str, text: str) -> None:
    assert article_id(key, text) == _reference_id(key, text)


def test_a_huge_text_gets_the_same_id_as_before() -> None:
    text = "Seoul  said\u00a0no.\r\n" * 200_000  # several pieces
    assert article_id("ap", text) == _reference_id("ap", text)
