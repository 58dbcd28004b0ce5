"""GDELT 2.0 event table rows (tab-separated, no header, the 61 columns in GDELT's order).

Compound actors become dyads by the rule of :mod:`eventwire.store.dyads`: an event with actors
A, B and recipients C, D gives the rows A->C, A->D, B->C, B->D (actors counted once per actor
code); a mutual event ("A and B met", the same countries on both sides) gives A->B and B->A
only; an event without a recipient gives one row per actor with the Actor2 columns empty.

Filled: the dates, Actor1/Actor2 code, name, country and type codes, IsRootEvent (the event is
in the article's first sentence), EventCode/BaseCode/RootCode (CAMEO), QuadClass,
GoldsteinScale, NumMentions, NumSources and NumArticles (of the event's story: the articles and
distinct sources reporting it), ActionGeo_FullName and ActionGeo_Lat/Long, DATEADDED (when the
article was stored, UTC) and SOURCEURL (the URL, or the source file). Empty: tone,
ethnic/religion/known-group codes, Actor geography and GDELT's FIPS country codes.
GLOBALEVENTID is ``int(first 14 hex digits of the event id) * 64 + dyad number`` (stable across
exports), or the row number when an event id is not hexadecimal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO

from eventwire.store.dyads import is_mutual

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC"})


def actor_fields(raw: Mapping[str, Any] | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1..3 of an actor."""
    if raw is None:
        return [""] * 10
    country = raw.get("country") or ""
    sectors = [s for s in raw.get("sectors") or () if s]
    types = ([country] if country in NON_STATE else []) + sectors
    code = ("" if country in NON_STATE else country) + "".join(types[:3])
    name = str(raw.get("text") or "").upper()
    return [
        code,
        name,
        "" if country in NON_STATE else country,
        "",
        "",
        "",
        "",
        *[*types, "", "", ""][:3],
    ]


def _distinct(actors: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    seen: dict[str, Mapping[str, Any]] = {}
    for a in actors:
        seen.setdefault(actor_fields(a)[0], a)
    return list(seen.values())


Entity = Mapping[str, Any]


def dyads(
    actors: Sequence[Entity], recipients: Sequence[Entity]
) -> list[tuple[Entity | None, Entity | None]]:
    """The (actor, recipient) pairs an event expands to (see the module docstring)."""
    left, right = _distinct(actors), _distinct(recipients)
    if not left:
        return [(None, r) for r in right] or [(None, None)]
    if not right:
        return [(a, None) for a in left]
    mutual = is_mutual((a.get("country") for a in left), (r.get("country") for r in right))
    return [
        (a, r) for a in left for r in right if not (mutual and a.get("country") == r.get("country"))
    ]


def _date_fields(day: Any) -> list[str]:
    if not isinstance(day, date):
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def _event_number(event_id: str, dyad: int, row_number: int) -> int:
    try:
        return int(event_id[:14], 16) * 64 + dyad
    except ValueError:
        return row_number


def gdelt_rows(row: Mapping[str, Any], row_number: int) -> list[list[str]]:
    cameo = str(row["cameo"] or "")
    added = row["article_ingested_at"]
    common_event = [
        "1" if row["sentence_index"] == 0 else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        _number(row["quad_class"]),
        _number(row["goldstein"]),
        _number(row["mentions"] or 1),
        _number(row.get("story_sources") or 1),
        _number(row.get("story_articles") or 1),
        "",
    ]
    geo = [""] * 16 + [
        "",
        row["location_name"] or "",
        "",
        "",
        "",
        _number(row.get("location_lat")),
        _number(row.get("location_lon")),
        "",
    ]
    tail = [
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
        row["article_url"] or row["article_source"] or "",
    ]
    out = []
    for n, (a, r) in enumerate(dyads(row["actors"] or (), row["recipients"] or ())):
        number = _event_number(str(row["event_id"]), n, row_number + n)
        out.append(
            [
                str(number),
                *_date_fields(row["date_earliest"]),
                *actor_fields(a),
                *actor_fields(r),
                *common_event,
                *geo,
                *tail,
            ]
        )
    return out


_CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def write_gdelt(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write the rows; tabs and line breaks inside a field become spaces (GDELT files have no
    quoting). Returns the number of lines (dyads) written."""
    written = 0
    for row in rows:
        for line in gdelt_rows(row, written + 1):
            out.write("\t".join(field.translate(_CLEAN) for field in line) + "\n")
            written += 1
    return written
