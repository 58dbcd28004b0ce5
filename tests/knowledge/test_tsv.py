from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import LexiconError
from eventwire.knowledge.tsv import parse_table


def test_reads_version_header_and_rows() -> None:
    text = "# a comment\n# version: 2026.1\nword\tsector\n\npolice\tCOP\narmy\tMIL\n"
    table = parse_table(text, name="t.tsv")
    assert table.version == "2026.1"
    assert table.columns == ("word", "sector")
    assert [r["word"] for r in table] == ["police", "army"]


def test_short_rows_are_padded() -> None:
    table = parse_table("a\tb\tc\nx\n", name="t.tsv")
    assert table.rows[0] == {"a": "x", "b": "", "c": ""}


def test_too_many_cells_names_file_and_line() -> None:
    with pytest.raises(LexiconError, match=r"t\.tsv:2"):
        parse_table("a\tb\nx\ty\tz\n", name="t.tsv")


def test_no_header_is_an_error() -> None:
    with pytest.raises(LexiconError, match="no header"):
        parse_table("# only comments\n", name="t.tsv")


@given(st.text())
def test_parser_raises_only_lexicon_errors(text: str) -> None:
    with contextlib.suppress(LexiconError):
        parse_table(text, name="fuzz.tsv")
