"""What pronouns and referring phrases stand for (coding/references.py)."""

from __future__ import annotations

from tests.coding.conftest import DAY, EventsOf

from eventwire.coding.actors import DocActors
from eventwire.engine import Engine


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


def test_an_object_pronoun_is_not_its_own_clause_subject(events_of: EventsOf) -> None:
    # an object before it in the sentence
    text = "The Iranian president met Vladimir Putin and praised him."
    (event,) = [e for e in events_of(text) if e.type == "SUPPORT"]
    assert [r.code for r in event.recipients] == ["RUSGOV"]
    text = "Bernie Sanders did not endorse Hillary Clinton and criticised her."
    (event,) = [e for e in events_of(text) if e.type == "ACCUSE"]
    assert [r.name for r in event.recipients] == ["Hillary Clinton"]


def _pronoun_refers_to(engine: Engine, text: str, pronoun: str) -> list[str | None]:
    doc = engine.nlp(text)
    actors = DocActors(doc, engine.coder.gazetteer, anchor=DAY)
    (token,) = [t for t in doc if t.lower_ == pronoun]
    return [a.name for a in actors.resolve(token)]


def test_an_object_pronoun_may_be_a_higher_clauses_subject(engine: Engine) -> None:
    text = "Vladimir Putin wanted Joe Biden to invite him to Washington."
    assert _pronoun_refers_to(engine, text, "him") == ["Vladimir Putin"]
    # not the source of a report: the reporter is rarely whom the report is about
    text = "Vladimir Putin said Joe Biden would invite him to Washington."
    assert _pronoun_refers_to(engine, text, "him") == []


def test_them_refers_only_to_several_named_together(engine: Engine) -> None:
    text = "Iran arrested Ali Karimi and Reza Tavakoli and charged them with espionage."
    assert _pronoun_refers_to(engine, text, "them") == ["Ali Karimi", "Reza Tavakoli"]
    text = "The firms bought bonds from Japanese banks and sold them in London."
    assert _pronoun_refers_to(engine, text, "them") == []
