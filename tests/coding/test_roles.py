"""Roles of passives that share their subject or their auxiliary with another clause."""

from __future__ import annotations

import pytest
from tests.coding.conftest import EventsOf


def _sides(events_of: EventsOf, text: str, plover_type: str) -> set[tuple[str, str]]:
    return {
        (a.code, r.code)
        for e in events_of(text)
        if e.type == plover_type
        for a in e.actors
        for r in e.recipients
    }


@pytest.mark.parametrize(
    ("text", "plover_type", "sides"),
    [
        # a passive infinitive: the governing subject undergoes it
        ("Iran is expected to be attacked by Israel.", "ASSAULT", {("ISR", "IRN")}),
        # a participle coordinated with a passive: their shared subject undergoes both
        (
            "Three Iranian diplomats were arrested and expelled by Kenyan police.",
            "SANCTION",
            {("KENCOP", "IRNGOV")},
        ),
    ],
)
def test_a_passive_sharing_a_subject_is_done_to_it(
    events_of: EventsOf, text: str, plover_type: str, sides: set[tuple[str, str]]
) -> None:
    assert _sides(events_of, text, plover_type) == sides


def test_a_subject_shared_with_a_passive_is_never_its_actor(events_of: EventsOf) -> None:
    # Iran is the one invited: no invitation by Iran
    assert not [e for e in events_of("Iran wants to be invited to the talks.") if e.type == "AGREE"]
    # Israel did not condemn (a passive conjoined with an active verb: no recipient either)
    assert _sides(events_of, "Israel raided Gaza and was condemned by the UN.", "ACCUSE") == set()
    assert {
        a.code
        for e in events_of("Israel raided Gaza and was condemned by the UN.")
        if e.type == "ACCUSE"
        for a in e.actors
    } == {"IGO"}


def test_coordinated_passive_participles_share_auxiliary_and_agent(
    events_of: EventsOf,
) -> None:
    text = "Journalists were arrested and charged by Turkish police."
    coded = {
        (e.type, a.code, r.code) for e in events_of(text) for a in e.actors for r in e.recipients
    }
    assert coded == {("COERCE", "TURCOP", "TURJRN"), ("ACCUSE", "TURCOP", "TURJRN")}


def test_a_conjoined_clause_with_its_own_subject_keeps_its_agent(events_of: EventsOf) -> None:
    # "questioned by the police" has a subject of its own: the police did not look into it
    text = (
        "The Iranian minister said the evidence would be looked into and Mr Houston may be"
        " questioned by the British police."
    )
    actors = {(e.trigger.text, a.code) for e in events_of(text) for a in e.actors}
    assert ("questioned", "GBRCOP") in actors
    assert not any(trigger == "looked" and code == "GBRCOP" for trigger, code in actors)


def test_a_passive_of_taking_part_still_names_its_subject(events_of: EventsOf) -> None:
    text = "Police arrested 36 Iraqis believed to have been involved in the attack on the embassy."
    assert any(a.country == "IRQ" for e in events_of(text) if e.type == "ASSAULT" for a in e.actors)


@pytest.mark.parametrize(
    ("text", "plover_type", "actor"),
    [
        (
            "The Serbian prime minister has been indicted by the UN court and will resign.",
            "AGREE",
            "SRBGOV",
        ),
        ("Hamas was attacked by Israel and retaliated with rockets.", "ASSAULT", "PSEREB"),
    ],
)
def test_an_act_depending_on_a_passive_is_its_subjects(
    events_of: EventsOf, text: str, plover_type: str, actor: str
) -> None:
    # the court indicted, the minister will resign; Israel attacked, Hamas retaliated
    codes = {(e.type, a.code) for e in events_of(text) for a in e.actors}
    assert (plover_type, actor) in codes
    assert ("AGREE", "IGOJUD") not in codes


@pytest.mark.parametrize(
    ("text", "plover_type", "sides"),
    [
        ("American troops were deployed to Iraq.", "MOBILIZE", {("USAMIL", "IRQ")}),
        ("Japanese aid was sent to Haiti.", "AID", {("JPN", "HTI")}),
    ],
)
def test_what_was_sent_in_the_passive_is_its_own_countrys(
    events_of: EventsOf, text: str, plover_type: str, sides: set[tuple[str, str]]
) -> None:
    assert _sides(events_of, text, plover_type) == sides


def test_the_noun_a_passive_infinitive_modifies_undergoes_it(events_of: EventsOf) -> None:
    # "the twelfth activist to be arrested" was arrested: it did not arrest anyone
    events = events_of("The Iranian protester was the twelfth activist to be arrested.")
    assert not [e for e in events if e.type == "COERCE"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Nigerian troops were put on alert.", "NGAMIL"),
        ("Police in Lagos were placed on maximum alert before the vote.", "NGACOP"),
        ("The Pakistani air force was kept on standby.", "PAKMIL"),
    ],
)
def test_forces_put_on_alert_in_the_passive_are_their_own_countrys(
    events_of: EventsOf, text: str, actor: str
) -> None:
    assert {a.code for e in events_of(text) if e.type == "MOBILIZE" for a in e.actors} == {actor}


def test_someone_placed_under_arrest_is_no_actor(events_of: EventsOf) -> None:
    events = events_of("The Nigerian opposition leader was placed under arrest in Lagos.")
    assert not [e for e in events if e.type == "MOBILIZE"]
    assert all(a.code != "NGAOPP" for e in events for a in e.actors)
