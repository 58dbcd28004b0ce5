from __future__ import annotations

from datetime import date

from eventwire.knowledge import load_gazetteer


def test_capitals_are_governments() -> None:
    gazetteer = load_gazetteer()
    entry = gazetteer.lookup("Pyongyang")
    assert entry is not None
    assert (entry.code, entry.sector, entry.kind) == ("PRK", "GOV", "capital")


def test_leading_article_is_ignored() -> None:
    gazetteer = load_gazetteer()
    a, b = gazetteer.lookup("the United States"), gazetteer.lookup("United States")
    assert a is not None and a == b and a.code == "USA"


def test_person_valid_on_date_and_surname_index() -> None:
    gazetteer = load_gazetteer()
    on = date(2021, 3, 18)
    (blinken,) = gazetteer.by_surname("Blinken", on=on)
    assert blinken.code == "USA"
    assert gazetteer.by_surname("Blinken", on=date(2015, 1, 1)) == ()


def test_longest_title_wins() -> None:
    gazetteer = load_gazetteer()
    entry = gazetteer.longest_agent(("south", "korean", "foreign", "minister"))
    assert entry is not None and entry.word == "foreign minister" and entry.sector == "GOV"
