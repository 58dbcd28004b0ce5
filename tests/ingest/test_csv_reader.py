"""CSV/TSV files and glob patterns: one article per row, a failure per bad row, nothing lost."""

from __future__ import annotations

import csv
import io
import string
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest import iter_articles
from eventwire.ingest.csv_reader import read_csv
from eventwire.ingest.normalise import normalise_text
from eventwire.ingest.record_fields import ReadOptions
from eventwire.records import Article, Failure

DAY = date(2021, 3, 18)
OPTIONS = ReadOptions(default_date=None, fmt="csv", max_bytes=1_000_000)


def _read(data: bytes, options: ReadOptions = OPTIONS) -> list[Article | Failure]:
    return list(read_csv(io.BytesIO(data), "in.csv", options))


def _codes(items: list[Article | Failure]) -> list[str]:
    return ["ok" if isinstance(item, Article) else item.code for item in items]


def test_rows_become_articles_with_their_fields() -> None:
    data = (
        b"id,date,Title, text ,url,source\r\n"
        b'7,2021-03-18,Talks,"North Korea rejected the offer, officials said.",'
        b"https://example.org/a,AP\r\n"
        b'8,2021-03-19,,"A second, ""quoted"" story.\nWith two lines.",,\r\n'
    )
    items = _read(data)
    assert _codes(items) == ["ok", "ok"]
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "North Korea rejected the offer, officials said."
    assert (first.external_id, first.title, first.url, first.agency) == (
        "7",
        "Talks",
        "https://example.org/a",
        "AP",
    )
    assert first.published == DAY and first.source == "in.csv:2"
    assert second.text == 'A second, "quoted" story.\nWith two lines.'
    assert second.title is None and second.source == "in.csv:3"


def test_bad_rows_fail_alone_and_reading_goes_on() -> None:
    data = (
        b"date,text\n"
        b"2021-03-18,fine one\n"
        b"2021-03-18,too,many,fields\n"
        b"2021-02-30,bad date\n"
        b",no date and no default\n"
        b"2021-03-18,\n"
        b'2021-03-18,"x" y\n'
        b"\n"
        b"2021-03-18,fine two\n"
    )
    items = _read(data)
    assert _codes(items) == ["ok", "E106", "E106", "E106", "E101", "E106", "ok"]
    failures = [item for item in items if isinstance(item, Failure)]
    assert "row has 4 fields but the header has 2" in failures[0].message
    assert "not a valid date" in failures[1].message
    assert failures[0].source == "in.csv:3"
    assert all(item.stage == "ingest" for item in failures)


def test_rows_are_numbered_by_their_first_line_after_a_two_line_header() -> None:
    data = b'date,"the\ntext"\n2021-03-18,one\n2021-03-18,too,many\n'
    items = _read(data)
    # the header column "the\ntext" is not "text": the file is one failure
    assert _codes(items) == ["E106"]
    data = b'"date\n",text\n2021-03-18,one\n2021-03-18,too,many\n'
    items = _read(data)
    assert _codes(items) == ["ok", "E106"]
    assert [item.source for item in items] == ["in.csv:3", "in.csv:4"]


def test_default_date_fills_missing_dates() -> None:
    items = _read(b"text\nPolice arrested protesters.\n", OPTIONS._replace(default_date=DAY))
    assert isinstance(items[0], Article) and items[0].published == DAY


def test_file_level_problems_are_one_failure() -> None:
    assert _codes(_read(b"")) == ["E106"]
    missing = _read(b"date,body\n2021-03-18,x\n")
    assert _codes(missing) == ["E106"]
    assert isinstance(missing[0], Failure) and "no 'text' column" in missing[0].message
    latin = _read(b"date,text\n2021-03-18,caf\xe9 talks\n2021-03-18,more\n")
    assert _codes(latin) == ["E103"]
    assert isinstance(latin[0], Failure) and "iconv" in latin[0].message


def test_bom_and_tsv(tmp_path: Path) -> None:
    path = tmp_path / "news.tsv"
    path.write_bytes("\ufeffdate\ttext\n2021-03-18\tTroops withdrew, officials said.\n".encode())
    items = list(iter_articles([path]))
    assert _codes(items) == ["ok"]
    assert isinstance(items[0], Article) and items[0].text == "Troops withdrew, officials said."


def test_a_long_field_is_read_up_to_the_byte_limit() -> None:
    body = "Talks resumed. " * 20_000  # 300 kB, over csv's default 128 KiB field limit
    items = _read(f"date,text\n2021-03-18,{body}\n".encode())
    assert _codes(items) == ["ok"]


def test_glob_patterns_expand_sorted_and_recursively(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.csv").write_text("date,text\n2021-03-18,First story.\n")
    (tmp_path / "b.csv").write_text("date,text\n2021-03-18,Second story.\n")
    (tmp_path / "c.txt").write_text("date 2021-03-18\n\nThird story.\n")
    items = list(iter_articles([str(tmp_path / "**" / "*.csv")]))
    assert [item.text for item in items if isinstance(item, Article)] == [
        "First story.",
        "Second story.",
    ]
    nothing = list(iter_articles([str(tmp_path / "*.xml")]))
    assert _codes(nothing) == ["E100"]
    assert isinstance(nothing[0], Failure) and "no file matches" in nothing[0].message


TEXT = st.text(alphabet=string.ascii_letters + " ,.\"'\n\t;", min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXT, st.booleans()), min_size=1, max_size=8))
def test_every_written_row_is_one_article_or_one_failure(rows: list[tuple[str, bool]]) -> None:
    """Whatever the text, a row the csv module wrote comes back as exactly one item
    (rows whose cells are all blank are skipped), in order, with its text intact."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "text"])
    for text, dated in rows:
        writer.writerow(["2021-03-18" if dated else "", text])
    items = _read(out.getvalue().encode())
    kept = [(text, dated) for text, dated in rows if dated or text.strip()]
    assert len(items) == len(kept)
    for item, (text, dated) in zip(items, kept, strict=True):
        if dated and normalise_text(text).strip():
            assert isinstance(item, Article)
            assert item.text == normalise_text(text).strip()
        else:
            assert isinstance(item, Failure) and item.code in {"E101", "E106"}
