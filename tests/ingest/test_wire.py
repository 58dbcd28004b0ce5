"""Tests of the wire-format parser and dateline splitting."""

from __future__ import annotations

import calendar
import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import EmptyInputError, HeaderError, InputError, MissingDateError
from eventwire.ingest import normalise_text, parse_wire
from eventwire.ingest.wire import match_dateline, normalise_agency, split_dateline
from eventwire.records import HeaderField

SEED = Path(__file__).parents[2].parent / "shared/data/seed/article.txt"
# The seed's shape: indented date line, blank lines, byline, dateline glued to the lead.
SEED_LIKE = (
    " date 2021-03-18 \n\n\n\nBy Hyung-jin Kim | Associated press\n\n"
    "SEOUL, South Korea North Korea said Thursday it would ignore the US offer of talks.\n\n"
    "\u201cWe don\u2019t think there is a need to respond,\u201d Choe said.\n"
)
DAY = date(2021, 3, 18)


def test_real_seed_article() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (needs the shared data checkout)")
    raw = SEED.read_text(encoding="utf-8")
    article = parse_wire(raw, source=str(SEED))
    assert article.published == DAY
    assert article.byline == "Hyung-jin Kim"
    assert article.agency == "Associated Press"
    assert article.dateline == "SEOUL, South Korea"
    dateline, lead = split_dateline(article.text)
    assert dateline == "SEOUL, South Korea"
    assert article.text[lead:].startswith("North Korea said Thursday")
    assert raw[article.body_offset :].startswith("SEOUL, South Korea North Korea")
    assert "\u2019" not in article.text


def test_seed_like_header() -> None:
    article = parse_wire(SEED_LIKE, source="seed.txt")
    assert article.published == DAY
    assert (article.byline, article.agency) == ("Hyung-jin Kim", "Associated Press")
    assert article.dateline == "SEOUL, South Korea"
    assert article.text.startswith("SEOUL, South Korea North Korea said")
    assert article.text.endswith("Choe said.")
    assert article.header == (
        HeaderField("date", "2021-03-18"),
        HeaderField("byline", "By Hyung-jin Kim | Associated press"),
    )
    assert article.source == "seed.txt"
    assert len(article.id) == 20


def test_body_offset_indexes_the_decoded_text() -> None:
    article = parse_wire(SEED_LIKE, source="s")
    start = article.body_offset
    assert normalise_text(SEED_LIKE)[start : start + len(article.text)] == article.text
    assert SEED_LIKE[start:].startswith("SEOUL")


def test_crlf_keeps_offsets_and_id() -> None:
    crlf = SEED_LIKE.replace("\n", "\r\n")
    article, lf_article = parse_wire(crlf, source="a"), parse_wire(SEED_LIKE, source="b")
    assert crlf[article.body_offset :].startswith("SEOUL")
    assert article.id == lf_article.id
    assert article.published == DAY


@pytest.mark.parametrize(
    "line", ["date 2021-03-18", "  date   2021-03-18  ", "Date: 2021-03-18", "date\t2021-3-18"]
)
def test_date_line_is_whitespace_tolerant(line: str) -> None:
    article = parse_wire(f"{line}\nWASHINGTON (AP) \u2014 The Senate voted.", source="s")
    assert article.published == DAY
    assert article.header[0].name == "date"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("date 2021-02-30", "2021-02-30"),
        ("date 2021-13-01", "2021-13-01"),
        ("date 18/03/2021", "YYYY-MM-DD"),
        ("Date: March 18, 2021", "YYYY-MM-DD"),
    ],
)
def test_bad_date_line_is_a_header_error(line: str, fragment: str) -> None:
    with pytest.raises(HeaderError, match=fragment) as info:
        parse_wire(f"{line}\nText of the article.", source="bad.txt")
    assert "bad.txt" in str(info.value)
    assert info.value.code == "E104"


def test_a_body_starting_with_date_is_not_a_header() -> None:
    article = parse_wire("Date palms grow well here.", source="s", default_date=DAY)
    assert article.header == ()
    assert article.text == "Date palms grow well here."


def test_header_date_wins_over_default_date() -> None:
    article = parse_wire("date 2021-03-18\nText.", source="s", default_date=date(2000, 1, 1))
    assert article.published == DAY


def test_plain_text_uses_default_date() -> None:
    article = parse_wire("\n\n  Some plain text.\n", source="s", default_date=DAY)
    assert article.published == DAY
    assert article.text == "Some plain text."
    assert article.body_offset == 4
    assert (article.byline, article.agency, article.dateline) == (None, None, None)


def test_missing_date_says_what_to_do() -> None:
    with pytest.raises(MissingDateError) as info:
        parse_wire("Some plain text.", source="plain.txt")
    message = str(info.value)
    assert "--date YYYY-MM-DD" in message
    assert "date YYYY-MM-DD" in message
    assert "plain.txt" in message


@pytest.mark.parametrize(
    "raw", ["date 2021-03-18\n\n  \n", "date 2021-03-18\nBy Jane Doe | Reuters\n", "", " \n\t"]
)
def test_header_without_body_is_empty(raw: str) -> None:
    with pytest.raises(EmptyInputError):
        parse_wire(raw, source="s", default_date=DAY)


def test_byline_without_agency() -> None:
    article = parse_wire("date 2021-03-18\nBy Hyung-jin Kim\n\nText.", source="s")
    assert (article.byline, article.agency) == ("Hyung-jin Kim", None)
    assert article.header[1] == HeaderField("byline", "By Hyung-jin Kim")


@pytest.mark.parametrize(
    "first", ["By Tuesday, the army had left.", "By then it was too late.", "By 2030 we will"]
)
def test_sentences_starting_with_by_are_not_bylines(first: str) -> None:
    article = parse_wire(f"date 2021-03-18\n{first}\nMore.", source="s")
    assert article.byline is None
    assert article.text.startswith(first)


def test_agency_from_dateline_when_there_is_no_byline() -> None:
    article = parse_wire("date 2021-03-18\nWASHINGTON (AP) \u2014 The Senate voted.", source="s")
    assert (article.dateline, article.agency) == ("WASHINGTON", "AP")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Associated press", "Associated Press"),
        ("ASSOCIATED PRESS", "Associated Press"),
        ("AGENCE FRANCE-PRESSE", "Agence France-Presse"),
        ("AFP", "AFP"),
        ("voice of america", "Voice of America"),
        ("the  McClatchy   company", "The McClatchy Company"),
    ],
)
def test_normalise_agency(raw: str, expected: str) -> None:
    assert normalise_agency(raw) == expected


@pytest.mark.parametrize(
    ("body", "dateline", "lead_text"),
    [
        ("SEOUL, South Korea North Korea said Thursday", "SEOUL, South Korea", "North Korea"),
        ("WASHINGTON (AP) \u2014 The Senate voted 51-49.", "WASHINGTON", "The Senate"),
        ("BEIRUT, Lebanon (Reuters) - Israeli jets struck.", "BEIRUT, Lebanon", "Israeli jets"),
        ("MOSCOW, March 3 - Soviet leader Mikhail", "MOSCOW, March 3", "Soviet leader"),
        ("LOS ANGELES, Feb 26 - BankAmerica Corp", "LOS ANGELES, Feb 26", "BankAmerica"),
        ("HOUSTON, Texas \u2014 A man was", "HOUSTON, Texas", "A man"),
        ("ALBANY, N.Y. (AP) \u2014 Gov. Andrew", "ALBANY, N.Y.", "Gov. Andrew"),
        ("WASHINGTON \u2014 The Senate", "WASHINGTON", "The Senate"),
        ("KABUL - Taliban fighters", "KABUL", "Taliban"),
        ("GAZA CITY, Gaza Strip (AP) \u2014 Israeli", "GAZA CITY, Gaza Strip", "Israeli"),
        ("ABIDJAN, Ivory Coast (AP) \u2014 Troops", "ABIDJAN, Ivory Coast", "Troops"),
        ("PRAGUE, the Czech Republic \u2014 The", "PRAGUE, the Czech Republic", "The"),
        ("BEIJING, March 3 (Xinhua) -- China", "BEIJING, March 3", "China"),
        ("  SEOUL, South Korea North Korea", "SEOUL, South Korea", "North Korea"),
        ("WASHINGTON The United States imposed", "WASHINGTON", "The United States"),
        ("NEW YORK In a vote on", "NEW YORK", "In a vote"),
    ],
)
def test_split_dateline(body: str, dateline: str, lead_text: str) -> None:
    found, lead = split_dateline(body)
    assert found == dateline
    assert body[lead:].startswith(lead_text)


@pytest.mark.parametrize(
    "body",
    [
        "North Korea said Thursday it would ignore the offer.",
        "The Senate voted on Monday.",
        "NATO said on Monday that troops would stay.",
        "NATO Secretary General Jens Stoltenberg said.",
        "UNICEF Executive Director Catherine Russell said.",
        "US President Joe Biden said.",
        "US, EU and NATO leaders met.",
        "U.S.-backed forces advanced.",
        "WASHINGTON-based groups said.",
        "SEOUL, South Korea's army said.",
        "",
        "   ",
    ],
)
def test_no_dateline(body: str) -> None:
    assert split_dateline(body) == (None, 0)


def test_match_dateline_reports_the_agency() -> None:
    found = match_dateline("BEIRUT, Lebanon (Reuters) - Israeli jets")
    assert found is not None
    assert (found.text, found.agency) == ("BEIRUT, Lebanon", "Reuters")


@given(st.text())
def test_parse_wire_raises_only_input_errors(raw: str) -> None:
    try:
        article = parse_wire(raw, source="s", default_date=DAY)
    except InputError:
        return
    start = article.body_offset
    assert normalise_text(raw)[start : start + len(article.text)] == article.text


@given(st.text(alphabet=st.sampled_from("date 2021-03-18\nBy X|Y,SEOUL(AP)—-Korea ")))
def test_parse_wire_header_like_text_raises_only_input_errors(raw: str) -> None:
    with contextlib.suppress(InputError):
        parse_wire(raw, source="s")


@given(st.text())
def test_split_dateline_offset_is_within_bounds(body: str) -> None:
    dateline, lead = split_dateline(body)
    assert 0 <= lead <= len(body)
    if dateline is not None:
        assert dateline in body[:lead]


def test_long_first_line_is_body_and_fast() -> None:
    raw = "By a" + " " * 20_000 + "b"
    article = parse_wire(raw, source="s", default_date=DAY)
    assert article.byline is None
    assert article.text == raw


# -- properties of the date header (reliability) ------------------------------------------------

_BODY = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Zs", "Po", "Lo")), min_size=1
).filter(lambda s: normalise_text(s).strip() != "")


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), body=_BODY)
def test_a_valid_date_header_is_the_published_date(day: date, body: str) -> None:
    article = parse_wire(f"date {day.isoformat()}\n{body}\n", source="s")
    assert article.published == day
    assert HeaderField("date", day.isoformat()) in article.header
    assert article.text.strip() != ""


@given(
    year=st.integers(1900, 2100),
    month=st.integers(1, 12),
    extra=st.integers(1, 3),
    body=_BODY,
)
def test_an_impossible_date_header_is_a_header_error(
    year: int, month: int, extra: int, body: str
) -> None:
    day = calendar.monthrange(year, month)[1] + extra
    header = f"{year:04d}-{month:02d}-{day:02d}"
    with pytest.raises(HeaderError, match=f"'{header}' is not a valid date"):
        parse_wire(f"date {header}\n{body}\n", source="s", default_date=DAY)
