"""Trigger requirements: time phrases, sums of money and required prepositions
(coding/triggers.py, coding/official_acts.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.coding.official_acts import _required_objects
from eventwire.coding.triggers import (
    DEONTIC_REQUEST,
    TriggerMatch,
    _of_objects,
    clause_subjects,
    time_phrase,
)
from eventwire.engine import Engine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taliban fighters took over at dawn.", True),
        ("Rebels attacked the town on Saturday.", True),
        ("Collins took over at the Home Office.", False),
    ],
)
def test_a_time_phrase(engine: Engine, text: str, expected: bool) -> None:
    doc = engine.nlp(text)
    preposition = next(t for t in doc if t.dep_ == "prep")
    assert time_phrase(preposition) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya received 5 billion euros in military aid from Japan.",
        "Kenya received $5 billion in military aid from Japan.",
    ],
)
def test_a_sum_of_money_passes_on_what_it_is_in(engine: Engine, text: str) -> None:
    doc = engine.nlp(text)
    sums = [t for t in doc if t.dep_ == "dobj"]
    assert sums
    assert "aid" in {t.lower_ for t in _of_objects(sums[0])}


def test_a_required_preposition_with_its_noun(engine: Engine) -> None:
    doc = engine.nlp("Thousands took to the streets in Cairo.")
    verb = next(t for t in doc if t.lemma_ == "take")
    entry = replace(DEONTIC_REQUEST, lemma="take", with_dep="prep", with_lemma="to=street")
    match = TriggerMatch(entry, verb, verb, "test")
    assert [t.lower_ for t in _required_objects(match)] == ["streets"]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Sharon wants Germany to pay more compensation.", ["Germany"]),
        ("The EU would like Turkey to recognise Cyprus.", ["Turkey"]),
        ("Russia wants to join the WTO.", []),
    ],
)
def test_the_subject_of_a_to_clause_about_someone_else(
    engine: Engine, text: str, subjects: list[str]
) -> None:
    doc = engine.nlp(text)
    verb = next(t for t in doc if t.lemma_ in ("want", "like"))
    assert [t.text for t in clause_subjects(verb)] == subjects


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's refusal to halt enrichment angered the US.", ("REJECT", "IRN", None)),
        ("Russia's invasion of Ukraine shocked Europe.", ("ASSAULT", "RUS", "UKR")),
        ("The Pakistani president's visit to London was a success.", ("CONSULT", "PAK", "GBR")),
    ],
)
def test_an_event_noun_is_its_possessors_act(
    engine: Engine, text: str, expected: tuple[str, str, str | None]
) -> None:
    event_type, actor, recipient = expected
    found = [
        (e.type, e.actors[0].country, e.recipients[0].country if e.recipients else None)
        for e in engine.code_text(text).events
    ]
    assert (event_type, actor, recipient) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Yemeni journalist's murder shocked the world.",  # done to the journalist
        "Navalny's arrest by Russian police angered the EU.",  # the arrest is the police's
    ],
)
def test_an_act_done_to_the_possessor_is_not_its_act(engine: Engine, text: str) -> None:
    events = engine.code_text(text).events
    assert not [
        e for e in events if e.type in ("ASSAULT", "COERCE") and e.actors[0].country in ("YEM",)
    ]
    assert not [e for e in events if e.explanation.rule.startswith("event noun with its actor")]


@pytest.mark.parametrize(
    ("text", "requested", "taken_part_in"),
    [
        ("Russia called for talks with Ukraine.", "REQUEST", None),
        ("France is pressing for a ceasefire in Gaza.", "REQUEST", None),
        ("The Iranian foreign minister arrived in Moscow for talks with Putin.", None, "CONSULT"),
        ("The Chinese premier is in Berlin for talks with the German chancellor.", None, "CONSULT"),
        ("Greece commented on the agreement between Turkey and Libya.", None, None),
        ("The Chinese premier left Beijing on a tour of Africa.", None, "CONSULT"),
    ],
)
def test_an_event_one_asks_for_or_talks_about_is_not_taken_part_in(
    engine: Engine, text: str, requested: str | None, taken_part_in: str | None
) -> None:
    events = engine.code_text(text).events
    types = {e.type for e in events}
    if requested is not None:
        assert types == {requested}  # no talks held, no ceasefire made
    if taken_part_in is not None:
        assert taken_part_in in types
    if requested is None and taken_part_in is None:
        assert not types  # commenting on an agreement is no agreement


def test_a_noun_compound_the_parser_took_for_a_clause_is_no_verb(engine: Engine) -> None:
    # "its fisheries dispute": "dispute" parsed as a verb after the noun "fisheries"
    text = (
        "Denmark today accepted a formula for ending its fisheries dispute with its European"
        " common market partners, government officials said."
    )
    assert [e.type for e in engine.code_text(text).events] == ["AGREE"]
