"""The wire format: an optional header (``date`` line, byline), then the body with its dateline.

::

     date 2021-03-18
    By Hyung-jin Kim | Associated press
    SEOUL, South Korea North Korea said Thursday ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import pycountry

from eventwire.errors import EmptyInputError, HeaderError, MissingDateError
from eventwire.ingest.ids import article_id, make_source_key
from eventwire.ingest.normalise import normalise_text
from eventwire.records import Article, HeaderField

# Country names wire services use where the ISO 3166 name is formal or different.
CONVENTIONAL_PLACE_NAMES = (
    "South Korea", "North Korea", "Russia", "Iran", "Syria", "Vietnam", "Laos", "Taiwan",
    "Bolivia", "Venezuela", "Tanzania", "Moldova", "Britain", "Great Britain", "England",
    "Scotland", "Wales", "Northern Ireland", "the Czech Republic", "Czech Republic",
    "Ivory Coast", "Congo", "Republic of Congo", "Democratic Republic of Congo",
    "Democratic Republic of the Congo", "Burma", "Macedonia", "Swaziland", "East Timor",
    "Cape Verde", "Turkey", "Brunei", "Micronesia", "the Netherlands", "the Philippines",
    "the Bahamas", "the Gambia", "Vatican City", "the Vatican", "Palestine", "Gaza Strip",
    "Gaza", "West Bank", "Kosovo", "Soviet Union", "U.S.", "United States of America",
    "D.C.",
)  # fmt: skip
# AP-style abbreviations of US states, as in ``ALBANY, N.Y. (AP) —``.
US_STATE_ABBREVIATIONS = (
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
    "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.",
    "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
)  # fmt: skip
# Countries whose first-level subdivisions (states, provinces) appear in datelines.
SUBDIVISION_COUNTRIES = ("US", "CA", "AU")
SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "de", "del", "der", "des", "du", "el", "for", "in",
    "la", "le", "nor", "of", "on", "or", "the", "to", "van", "von", "y",
})  # fmt: skip
NAME_PARTICLES = frozenset({
    "al", "bin", "da", "de", "del", "der", "di", "du", "el", "ibn", "la", "le", "van", "von",
    "and", "&",
})  # fmt: skip
# Words that open a lead after a bare all-caps city with no dash ("WASHINGTON The ...");
# kept small so that "NATO Secretary General ..." is not read as a dateline.
LEAD_OPENERS = frozenset({"The", "An", "In", "On", "At", "After", "As", "When", "While"})
MAX_CITY_WORDS = 6
MAX_BYLINE_WORDS = 8
MAX_HEADER_LINE = 200  # longer lines are body text (and keep the header patterns linear)

_DATE_LINE = re.compile(
    r"\s*date(?:\s*[:=]\s*(?P<labelled>.*?)|\s+(?P<value>\S*\d\S*))\s*", re.IGNORECASE
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_BYLINE = re.compile(r"\s*by\s+(?P<name>[^|]+?)\s*(?:\|\s*(?P<agency>[^|]*?)\s*)?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_](?:[\w.']|-(?=[^\W\d_]))*")
_GAP = re.compile(r"[ ]+")
_MARKER = re.compile(r"[ ]*(?:\((?P<agency>[^()\n]{1,40})\)[ ]*)?(?P<dash>[—–]|-{1,3})?")
_MONTH_DAY = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?[ ]+\d{1,2}\b(?:,?[ ]+\d{4}\b)?"
)
_SPACES = re.compile(r"\s*")


class Dateline(NamedTuple):
    """A dateline found at the start of a body: its text, agency in parentheses, lead offset."""

    text: str
    agency: str | None
    lead: int


class _Header(NamedTuple):
    published: date | None
    byline: str | None
    agency: str | None
    fields: tuple[HeaderField, ...]
    body_offset: int


@lru_cache(maxsize=1)
def _place_names() -> tuple[str, ...]:
    """Lower-cased country, state and province names, longest first."""
    names = {*CONVENTIONAL_PLACE_NAMES, *US_STATE_ABBREVIATIONS}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if isinstance(value, str):
                names.add(value)
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in SUBDIVISION_COUNTRIES:
            names.add(str(subdivision.name))
    lowered = {name.lower() for name in names if len(name.lower()) == len(name)}
    return tuple(sorted(lowered, key=lambda name: (-len(name), name)))


def normalise_agency(agency: str) -> str:
    """Title-case an agency name except small words and acronyms: 'Associated Press'."""
    words: list[str] = []
    for index, word in enumerate(agency.split()):
        if index > 0 and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        elif (word.isupper() and len(word) <= 4) or (
            not word.isupper() and any(ch.isupper() for ch in word[1:])
        ):
            words.append(word)  # an acronym (AP, AFP) or deliberate casing (McClatchy)
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def _looks_like_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= MAX_BYLINE_WORDS or any(ch in name for ch in ',;:!?"()[]'):
        return False
    if any(ch.isdigit() for ch in name):
        return False
    return all(t[0].isupper() or t.lower() in NAME_PARTICLES for t in tokens) and any(
        t[0].isupper() for t in tokens
    )


def _parse_byline(line: str) -> tuple[str, str | None] | None:
    """``(name, agency)`` of a ``By NAME | AGENCY`` line, or None if the line is not a byline."""
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    name = " ".join(match["name"].split())
    if match["agency"] is None:
        return (name, None) if _looks_like_name(name) else None
    if len(name) > 120 or not any(ch.isalpha() for ch in name):
        return None
    agency = match["agency"].strip()
    return name, (normalise_agency(agency) if agency else None)


def _header_date(match: re.Match[str], *, source: str, line_number: int) -> date:
    value = (match["value"] or match["labelled"] or "").strip()
    where = f"{source}: line {line_number}"
    iso = _ISO_DATE.fullmatch(value)
    if iso is None:
        raise HeaderError(f"{where}: date {value!r} is not in the form 'date YYYY-MM-DD'")
    try:
        return date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError as e:
        raise HeaderError(f"{where}: {value!r} is not a valid date ({e})") from e


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text``, without the newline."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, text[start:end]
        start = end + 1


def _parse_header(text: str, *, source: str) -> _Header:
    published: date | None = None
    byline: tuple[str, str | None] | None = None
    fields: list[HeaderField] = []
    body_offset = len(text)
    for number, (start, line) in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        if len(line) > MAX_HEADER_LINE:
            body_offset = start + len(line) - len(line.lstrip())
            break
        date_match = _DATE_LINE.fullmatch(line) if published is None else None
        if date_match is not None:
            published = _header_date(date_match, source=source, line_number=number)
            fields.append(HeaderField("date", (date_match["value"] or date_match["labelled"])))
            continue
        parsed = _parse_byline(line) if byline is None else None
        if parsed is not None:
            byline = parsed
            fields.append(HeaderField("byline", line.strip()))
            continue
        body_offset = start + len(line) - len(line.lstrip())
        break
    name, agency = byline if byline is not None else (None, None)
    return _Header(published, name, agency, tuple(fields), body_offset)


def _match_city(body: str, pos: int) -> int | None:
    """End of an all-caps city name (``SEOUL``, ``LOS ANGELES``, ``ST. LOUIS``) at ``pos``."""
    end: int | None = None
    letters = 0
    for _ in range(MAX_CITY_WORDS):
        word = _WORD.match(body, pos)
        if word is None or not word.group().isupper():
            break
        letters += sum(ch.isalpha() for ch in word.group())
        end = word.end()
        gap = _GAP.match(body, end)
        if gap is None:
            break
        pos = gap.end()
    return end if letters >= 2 else None


def _match_place(body: str, pos: int) -> int | None:
    """End of the longest country/state name at ``pos``."""
    for name in _place_names():
        end = pos + len(name)
        if body[pos:end].lower() != name:
            continue
        if end < len(body) and (body[end].isalnum() or body[end] in "'-"):
            continue
        if body[pos].isupper() or name.startswith("the "):
            return end
    return None


def _match_month_day(body: str, pos: int) -> int | None:
    match = _MONTH_DAY.match(body, pos)
    return None if match is None else match.end()


def _match_region(body: str, pos: int) -> int | None:
    """End of one to four capitalised words (an unlisted region, ``Gaza Strip``)."""
    end: int | None = None
    for _ in range(4):
        word = _WORD.match(body, pos)
        if word is None or not word.group()[0].isupper():
            break
        end = word.end()
        if not body.startswith(" ", end):
            break
        pos = end + 1
    return end


def _finish(body: str, start: int, end: int, *, needs_marker: bool) -> Dateline | None:
    """The dateline ending at ``end`` if what follows (agency, dash, lead) fits."""
    marker = _MARKER.match(body, end)
    if marker is None:  # pragma: no cover - the pattern matches the empty string
        return None
    dash, agency = marker["dash"], marker["agency"]
    after = marker.end()
    if dash and dash[0] == "-" and after < len(body) and not body[after].isspace():
        return None  # a hyphen only separates when a space follows: not "U.S.-backed"
    if needs_marker and dash is None:
        return None
    lead = _SPACES.match(body, after)
    lead_at = after if lead is None else lead.end()
    if dash is None and agency is None:
        if lead_at == end or lead_at >= len(body):
            return None
        first = body[lead_at]
        if not (first.isupper() or first.isdigit() or first in "\"'"):
            return None
    return Dateline(body[start:end], agency.strip() if agency else None, lead_at)


def match_dateline(body: str) -> Dateline | None:
    """The dateline at the start of ``body`` (``SEOUL, South Korea``, ``WASHINGTON (AP) —``)."""
    start = len(body) - len(body.lstrip())
    city_end = _match_city(body, start)
    if city_end is None:
        return None
    if not body.startswith(",", city_end):
        found = _finish(body, start, city_end, needs_marker=True)
        opener = _WORD.match(body, city_end + 1) if body.startswith(" ", city_end) else None
        if found is None and opener is not None and opener.group() in LEAD_OPENERS:
            return Dateline(body[start:city_end], None, opener.start())  # "WASHINGTON The ..."
        return found
    gap = _GAP.match(body, city_end + 1)
    after = city_end + 1 if gap is None else gap.end()
    for matcher, needs_marker in (
        (_match_place, False),
        (_match_month_day, True),
        (_match_region, True),
    ):
        end = matcher(body, after)
        found = None if end is None else _finish(body, start, end, needs_marker=needs_marker)
        if found is not None:
            return found
    return None


def split_dateline(body: str) -> tuple[str | None, int]:
    """The dateline text and the offset of the lead sentence; ``(None, 0)`` without a dateline."""
    found = match_dateline(body)
    return (None, 0) if found is None else (found.text, found.lead)


def parse_wire(
    raw: str, *, source: str, default_date: date | None = None, require_date: bool = True
) -> Article:
    """Parse one wire-format (or plain-text) article; the header date wins over ``default_date``.

    Header fields are kept raw: ``date`` holds the date as written, ``byline`` the whole line.
    Without any date the article is refused, unless ``require_date`` is false (its events are
    then undated).
    """
    text = normalise_text(raw)
    if not text.strip():
        raise EmptyInputError(f"{source}: is empty or contains only whitespace")
    header = _parse_header(text, source=source)
    body = text[header.body_offset :].rstrip()
    if not body:
        raise EmptyInputError(f"{source}: has a header but no article text after it")
    published = header.published if header.published is not None else default_date
    if published is None and require_date:
        raise MissingDateError(
            f"{source}: has no publication date; pass --date YYYY-MM-DD (date= in the Python "
            "API) or add a first line 'date YYYY-MM-DD' to the file"
        )
    dateline = match_dateline(body)
    agency = header.agency
    if agency is None and dateline is not None and dateline.agency:
        agency = normalise_agency(dateline.agency)
    return Article(
        id=article_id(make_source_key(source=agency), body),
        text=body,
        source=source,
        published=published,
        byline=header.byline,
        agency=agency,
        dateline=None if dateline is None else dateline.text,
        body_offset=header.body_offset,
        header=header.fields,
    )
