"""Tests of the readers: files, directories, JSON Lines and stdin to Articles and Failures."""

from __future__ import annotations

import io
import json
import pathlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import MissingDateError
from eventwire.ingest import iter_articles, read_article_text
from eventwire.records import Article, Failure, HeaderField

DAY = date(2021, 3, 18)
WIRE = (
    " date 2021-03-18 \n\nBy Hyung-jin Kim | Associated press\n\n"
    "SEOUL, South Korea North Korea said Thursday it would ignore the US offer of talks.\n"
)


def _jsonl(*records: dict[str, Any] | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _codes(items: list[Article | Failure]) -> list[str]:
    return ["ok" if isinstance(item, Article) else item.code for item in items]


def _failures(items: list[Article | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


class _LineOnlyStream(io.BytesIO):
    """A stdin whose ``read`` must not be used: proves JSON Lines are read line by line."""

    def read(self, size: int | None = -1, /) -> bytes:
        raise AssertionError("JSON Lines input was read whole")


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    (tmp_path / "a_good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (tmp_path / "d_latin1.txt").write_bytes(
        "date 2021-03-18\nCaf\u00e9 cr\u00e8me.".encode("latin-1")
    )
    (tmp_path / "e_noheader.txt").write_text("Plain text without a date.\n", encoding="utf-8")
    good = {"id": "r1", "date": "2021-03-18", "text": "BEIRUT, Lebanon (Reuters) - Jets."}
    (tmp_path / "f_records.jsonl").write_text(
        _jsonl(good, "{not json", {**good, "id": "r3", "text": "Another one."}), encoding="utf-8"
    )
    (tmp_path / ".hidden.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(WIRE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "g_nested.text").write_text(WIRE, encoding="utf-8")
    return tmp_path


def test_directory_yields_articles_and_failures_in_sorted_order(mixed_dir: Path) -> None:
    items = list(iter_articles([mixed_dir]))
    assert _codes(items) == ["ok", "E101", "E102", "E103", "E105", "ok", "E106", "ok", "ok"]
    sources = [item.source for item in items]
    assert sources[:5] == [
        str(mixed_dir / name)
        for name in ["a_good.txt", "b_empty.txt", "c_binary.txt", "d_latin1.txt", "e_noheader.txt"]
    ]
    jsonl = str(mixed_dir / "f_records.jsonl")
    assert sources[5:8] == [f"{jsonl}:1", f"{jsonl}:2", f"{jsonl}:3"]
    assert sources[8] == str(mixed_dir / "sub" / "g_nested.text")
    for failure in _failures(items):
        assert failure.stage == "ingest"
        assert failure.source.split(":")[0] in failure.message
        assert len(failure.excerpt) <= 120
    assert "iconv" in _failures(items)[2].message
    assert _failures(items)[4].excerpt == "{not json"


def test_default_date_applies_to_files_without_header(mixed_dir: Path) -> None:
    items = list(iter_articles([mixed_dir / "e_noheader.txt"], default_date=DAY))
    assert _codes(items) == ["ok"]
    assert isinstance(items[0], Article)
    assert items[0].published == DAY


def test_wire_article_fields(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(WIRE, encoding="utf-8")
    (article,) = iter_articles([str(path)])
    assert isinstance(article, Article)
    assert (article.source, article.published, article.agency) == (
        str(path),
        DAY,
        "Associated Press",
    )
    assert article.dateline == "SEOUL, South Korea"


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    path.write_text(
        "\ufeff"
        + _jsonl(
            {
                "id": 7,
                "url": "https://example.test/a",
                "date": "20210318",
                "title": "Talks \u201coff\u201d",
                "text": "  SEOUL, South Korea North Korea said.",
                "source": "Yonhap",
                "topics": ["politics"],
            },
            {"date": "2021-03-18T23:10:00Z", "text": "Second."},
            "",
            {"date": "26-FEB-1987 15:01:01.79", "text": "Reuters 1987 style date."},
        ),
        encoding="utf-8",
    )
    items = list(iter_articles([path]))
    assert _codes(items) == ["ok", "ok", "ok"]
    first, second, third = (item for item in items if isinstance(item, Article))
    assert first.external_id == "7"
    assert (first.url, first.title, first.agency) == (
        "https://example.test/a",
        'Talks "off"',
        "Yonhap",
    )
    assert first.published == DAY
    assert first.text == "SEOUL, South Korea North Korea said."
    assert first.body_offset == 2
    assert first.dateline == "SEOUL, South Korea"
    assert HeaderField("topics", '["politics"]') in first.header
    assert first.source == f"{path}:1"
    assert second.published == DAY
    assert second.external_id is None
    assert third.published == date(1987, 2, 26)
    assert third.source == f"{path}:4"


@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        ('{"date": "2021-03-18"}', "E106", "'text'"),
        ('{"text": "No date."}', "E106", "--date"),
        ('{"date": "2021-02-30", "text": "x"}', "E106", "2021-02-30"),
        ('{"date": "yesterday", "text": "x"}', "E106", "YYYY-MM-DD"),
        ('{"date": "2021-03-18", "text": "  "}', "E101", "empty"),
        ('{"date": "2021-03-18", "text": "x", "url": 5}', "E106", "'url'"),
        ('["a", "list"]', "E106", "JSON object"),
        ("[[[" * 5000, "E106", "JSON"),
    ],
)
def test_bad_jsonl_line_is_a_failure_and_the_next_line_still_comes(
    tmp_path: Path, line: str, code: str, fragment: str
) -> None:
    path = tmp_path / "in.jsonl"
    ok = json.dumps({"date": "2021-03-18", "text": "Fine."})
    path.write_text(f"{ok}\n{line}\n{ok}\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert _codes(items) == ["ok", code, "ok"]
    (failure,) = _failures(items)
    assert failure.source == f"{path}:2"
    assert fragment in failure.message
    assert f"{path}:2" in failure.message


def test_jsonl_missing_date_uses_default_date(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl({"text": "No date."}), encoding="utf-8")
    (item,) = iter_articles([path], default_date=DAY)
    assert isinstance(item, Article)
    assert item.published == DAY


def test_jsonl_latin1_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = _jsonl({"date": "2021-03-18", "text": "Fine."}).encode()
    path.write_bytes(
        good + '{"date": "2021-03-18", "text": "Caf\u00e9"}\n'.encode("latin-1") + good
    )
    assert _codes(list(iter_articles([path]))) == ["ok", "E103", "ok"]


def test_json_array_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps([{"date": "2021-03-18", "text": "x"}] * 3), encoding="utf-8")
    (failure,) = iter_articles([path])
    assert isinstance(failure, Failure)
    assert failure.code == "E106"
    assert "jq" in failure.message


def test_binary_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\x00\x01\x02\n\x00\x03\n")
    assert _codes(list(iter_articles([path]))) == ["E102"]


def test_oversized_jsonl_record_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    big = _jsonl({"date": "2021-03-18", "text": "x" * 5000})
    small = _jsonl({"date": "2021-03-18", "text": "Fine."})
    path.write_text(small + big + small, encoding="utf-8")
    items = list(iter_articles([path], max_bytes=1000))
    assert _codes(items) == ["ok", "E107", "ok"]
    assert items[2].source == f"{path}:3"


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(WIRE + "More text. " * 200, encoding="utf-8")
    (failure,) = iter_articles([path], max_bytes=500)
    assert isinstance(failure, Failure)
    assert failure.code == "E107"
    assert "500" in failure.message


def test_missing_file_is_an_input_error_with_the_os_reason(tmp_path: Path) -> None:
    (failure,) = iter_articles([tmp_path / "nope.txt"])
    assert isinstance(failure, Failure)
    assert failure.code == "E100"
    assert "No such file or directory" in failure.message
    assert _codes(list(iter_articles([tmp_path / "nope.jsonl"]))) == ["E100"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(WIRE, encoding="utf-8")
    real_open = pathlib.Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", deny)
    (failure,) = iter_articles([path])
    assert isinstance(failure, Failure)
    assert failure.code == "E100"
    assert "Permission denied" in failure.message


def test_explicit_file_with_other_extension_is_read_as_wire(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(WIRE, encoding="utf-8")
    assert _codes(list(iter_articles([path]))) == ["ok"]


def test_forced_jsonl_format(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    path.write_text(_jsonl({"date": "2021-03-18", "text": "x"}) * 2, encoding="utf-8")
    assert _codes(list(iter_articles([path], fmt="jsonl"))) == ["ok", "ok"]
    assert _codes(list(iter_articles([path], fmt="wire"))) == ["E105"]
    assert _codes(list(iter_articles([path], fmt="text", default_date=DAY))) == ["ok"]


def test_stdin_wire() -> None:
    stdin = io.BytesIO(WIRE.encode())
    (article,) = iter_articles(["-"], stdin=stdin)
    assert isinstance(article, Article)
    assert article.source == "<stdin>"
    assert article.published == DAY


def test_stdin_jsonl_is_read_line_by_line() -> None:
    stdin = _LineOnlyStream(_jsonl({"date": "2021-03-18", "text": "x"}, "oops").encode())
    items = list(iter_articles(["-"], stdin=stdin))
    assert _codes(items) == ["ok", "E106"]
    assert items[1].source == "<stdin>:2"


def test_stdin_too_large() -> None:
    stdin = io.BytesIO(WIRE.encode() * 10)
    assert _codes(list(iter_articles(["-"], stdin=stdin, max_bytes=100))) == ["E107"]


def test_iteration_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(*[{"date": "2021-03-18", "text": f"Story {i}."} for i in range(3)]))
    stream = iter_articles([path])
    first = next(stream)
    assert isinstance(first, Article)
    assert first.text == "Story 0."


def test_unknown_format_fails_at_once() -> None:
    with pytest.raises(ValueError, match="xml"):
        iter_articles(["x"], fmt="xml")


def test_read_article_text() -> None:
    article = read_article_text("WASHINGTON (AP) \u2014 The Senate voted.", date=DAY)
    assert (article.source, article.published, article.dateline) == ("<text>", DAY, "WASHINGTON")
    assert read_article_text(WIRE).published == DAY
    with pytest.raises(MissingDateError):
        read_article_text("No date here.")
