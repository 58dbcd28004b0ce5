"""Frames of taking part and of blame make an event noun's clause subject its actor
(coding/participation.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]
OneEventOf = Callable[[str], CodedEvent]


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        ("Israeli soldiers took part in the raid on the camp.", "COERCE", "ISRMIL"),
        ("Thousands of Egyptians participated in the protest in Cairo.", "PROTEST", "EGY"),
        ("Serb forces engaged in ethnic cleansing in Kosovo.", "ASSAULT", "SRBMIL"),
        ("Serb forces were engaged in ethnic cleansing in Kosovo.", "ASSAULT", "SRBMIL"),
        ("Three Iraqi policemen were involved in the attack on the convoy.", "ASSAULT", "IRQCOP"),
    ],
)
def test_who_took_part_in_an_event_did_it(
    one_event_of: OneEventOf, text: str, event_type: str, actor: str
) -> None:
    event = one_event_of(text)
    assert event.type == event_type
    assert [a.code for a in event.actors] == [actor]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Hamas claimed responsibility for the attack on Israeli soldiers.", "PSE", "ISRMIL"),
        ("Sudan's government is responsible for the killings of civilians.", "SDNGOV", "SDN"),
        ("Iran was behind the attack on the Saudi oil facilities.", "IRN", "SAU"),
    ],
)
def test_who_is_to_blame_for_an_attack_did_it(
    one_event_of: OneEventOf, text: str, actor: str, recipient: str
) -> None:
    event = one_event_of(text)
    assert event.type == "ASSAULT"
    assert [a.country for a in event.actors] == [actor[:3]]
    assert recipient[:3] in {r.country for r in event.recipients}


def test_blame_frames_cover_hostile_acts_only(events_of: EventsOf) -> None:
    assert events_of("The Kenyan ministry is responsible for aid to refugees.") == []


def test_a_denied_responsibility_is_no_attack(events_of: EventsOf) -> None:
    events = events_of("Hamas denied responsibility for the attack on Israel.")
    assert all(e.type != "ASSAULT" for e in events)


def test_a_passive_of_taking_part_is_no_agentless_attack(events_of: EventsOf) -> None:
    # the subject takes part; the attack does not fall to "unidentified attackers" (UAF)
    events = events_of("Several people were involved in the attack on the Iraqi convoy.")
    assert [a.code for e in events for a in e.actors] == ["IRQCVL"]
