"""Who a one-word name is (coding/surnames.py)."""

from __future__ import annotations

from datetime import date

from eventwire.coding.surnames import IN_POST, OUT_OF_POST, named_person_actor, surname_actor
from eventwire.engine import Engine


def test_someone_in_post_by_that_name(engine: Engine) -> None:
    actor = surname_actor(engine.coder.gazetteer, "Blinken", date(2021, 3, 18))
    assert actor is not None
    assert (actor.code, actor.name, actor.confidence) == ("USAGOV", "Antony Blinken", IN_POST)


def test_out_of_post_lately_keeps_the_country_not_the_post(engine: Engine) -> None:
    actor = surname_actor(engine.coder.gazetteer, "Blinken", date(2026, 3, 18))
    assert actor is not None
    assert (actor.country, actor.sectors, actor.confidence) == ("USA", (), OUT_OF_POST)


def test_no_one_of_that_name(engine: Engine) -> None:
    assert surname_actor(engine.coder.gazetteer, "Zzyzx", date(2021, 3, 18)) is None


def test_a_person_named_in_full_out_of_post(engine: Engine) -> None:
    person = engine.coder.gazetteer.person("Donald Trump", on=date(2018, 3, 1))
    assert person is not None
    in_post = named_person_actor(person, "Donald Trump", date(2018, 3, 1))
    assert (in_post.code, in_post.role) == ("USAGOV", "president")
    after = named_person_actor(person, "Donald Trump", date(2022, 3, 1))
    assert (after.code, after.role) == ("USAELI", None)  # a former office holder: elite
    before = named_person_actor(person, "Donald Trump", date(1987, 3, 1))
    assert (before.code, before.sectors) == ("USA", ())
    assert "not in post on 1987-03-01" in before.evidence


def test_a_post_ended_within_a_month_is_still_held_for_the_story(engine: Engine) -> None:
    person = engine.coder.gazetteer.person("Donald Trump", on=date(2018, 3, 1))
    assert person is not None
    assert named_person_actor(person, "Trump", date(2021, 2, 10)).code == "USAGOV"
    assert named_person_actor(person, "Trump", date(2021, 3, 10)).code == "USAELI"


def test_a_surname_the_document_gave_several_people_is_none_in_post(engine: Engine) -> None:
    # two Khans named in full: "Khan" is one of them, not Pakistan's prime minister of the day
    text = (
        "The mayor of London, Sadiq Khan, thanked the police. The attacker, Usman Khan, was"
        " shot dead by police. Khan criticised India on Monday."
    )
    events = engine.code_text(text, day=date(2020, 6, 1)).events
    criticism = [e for e in events if e.type == "ACCUSE"]
    assert criticism and all(a.country != "PAK" for e in criticism for a in e.actors)
