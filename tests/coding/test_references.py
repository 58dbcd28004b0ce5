"""What pronouns and referring phrases stand for (coding/references.py)."""

from __future__ import annotations

from tests.coding.conftest import EventsOf


def test_it_refers_to_no_plural_common_noun(events_of: EventsOf) -> None:
    text = "Chinese officials confirmed it has killed three people in Wuhan."  # the virus
    assert not [e for e in events_of(text) if e.type == "ASSAULT"]
    text = "The United States said its forces attacked Iraq."  # a plural name, one state
    assert [(e.type, e.actors[0].country) for e in events_of(text)] == [("ASSAULT", "USA")]


def test_the_two_countries_refers_to_compound_subject(events_of: EventsOf) -> None:
    text = "Peru and Chile began joint military exercises.\nBolivia condemned the two countries."
    (event,) = [e for e in events_of(text) if e.type == "ACCUSE"]
    assert {r.country for r in event.recipients} == {"PER", "CHL"}


def test_we_in_a_quote_is_its_speaker(events_of: EventsOf) -> None:
    text = '"We condemn the American attack on our embassy," the Iranian foreign minister said.'
    (event,) = events_of(text)
    assert [a.code for a in event.actors] == ["IRNGOV"]


def test_the_north_is_the_state_the_story_names_north(events_of: EventsOf) -> None:
    text = "North Korea fired a missile on Monday.\nSouth Korea condemned the North."
    (event,) = [e for e in events_of(text) if e.type == "ACCUSE"]
    assert [r.country for r in event.recipients] == ["PRK"]
