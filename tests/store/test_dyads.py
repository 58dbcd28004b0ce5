"""The one dyad rule (store/dyads.py), in SQL and in the GDELT export, on hand-made events."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.export.gdelt import dyads as gdelt_dyads
from eventwire.store.dyads import dyads_cte, is_mutual

EVENTS = [
    ("compound", ["USA", "FRA"], ["CHN", "RUS"]),
    ("mutual", ["USA", "KOR"], ["KOR", "USA"]),
    ("domestic", ["KEN"], ["KEN"]),
    ("repeated", ["USA", "USA"], ["IRN"]),
    ("no recipient", ["IRN"], []),
]
EXPECTED = {
    "compound": {("USA", "CHN"), ("USA", "RUS"), ("FRA", "CHN"), ("FRA", "RUS")},
    "mutual": {("USA", "KOR"), ("KOR", "USA")},
    "domestic": {("KEN", "KEN")},
    "repeated": {("USA", "IRN")},
    "no recipient": set(),
}


def _sql_pairs(events: list[tuple[str, list[str], list[str]]]) -> dict[str, set[tuple[str, str]]]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (event_id VARCHAR, type VARCHAR, actor_countries VARCHAR[], "
        "recipient_countries VARCHAR[])"
    )
    con.executemany("INSERT INTO events VALUES (?, 'X', ?, ?)", events)
    found: dict[str, set[tuple[str, str]]] = {e[0]: set() for e in events}
    for event_id, src, dst in con.execute(
        dyads_cte("", "type") + "SELECT event_id, src, dst FROM dyads"
    ).fetchall():
        found[event_id].add((src, dst))
    return found


def _gdelt_pairs(actors: list[str], recipients: list[str]) -> set[tuple[str, str]]:
    pairs = gdelt_dyads([{"country": c} for c in actors], [{"country": c} for c in recipients])
    return {(a["country"], r["country"]) for a, r in pairs if a is not None and r is not None}


def test_sql_pairs_follow_the_rule() -> None:
    assert _sql_pairs(EVENTS) == EXPECTED


@pytest.mark.parametrize(("name", "actors", "recipients"), EVENTS)
def test_the_gdelt_export_follows_the_same_rule(
    name: str, actors: list[str], recipients: list[str]
) -> None:
    assert _gdelt_pairs(actors, recipients) == EXPECTED[name]


countries = st.lists(st.sampled_from(["USA", "KOR", "CHN", "KEN"]), max_size=4)


@given(countries, countries)
def test_sql_and_python_agree(actors: list[str], recipients: list[str]) -> None:
    assert _sql_pairs([("e", actors, recipients)])["e"] == _gdelt_pairs(actors, recipients)
    assert is_mutual(actors, recipients) == (
        len(set(actors)) > 1 and set(actors) == set(recipients)
    )
