"""Receiving material aid is aid by the giver to the receiver (coding/receipt.py); the kind of
aid sets its CAMEO code (coding/aid_kinds.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


def _countries(actors: tuple[object, ...]) -> set[str | None]:
    return {getattr(a, "country", None) for a in actors}


@pytest.mark.parametrize(
    ("text", "giver", "receiver", "cameo"),
    [
        ("Sudan received weapons from Iran.", "IRN", "SDN", "072"),
        ("Kenya received $20 million in aid from Japan.", "JPN", "KEN", "070"),
        ("Kenya received $20 million from Japan.", "JPN", "KEN", "071"),
        ("Egypt received 5 billion euros in loans from Germany.", "DEU", "EGY", "071"),
        ("Sudan accepted food aid from Canada.", "CAN", "SDN", "073"),
        ("Pakistan obtained military aid from China.", "CHN", "PAK", "072"),
        ("Kenya received 5 billion euros in military aid from Japan.", "JPN", "KEN", "072"),
    ],
)
def test_receiving_aid_is_aid_by_the_giver(
    events_of: EventsOf, text: str, giver: str, receiver: str, cameo: str
) -> None:
    events = events_of(text)
    assert [(e.type, e.cameo) for e in events] == [("AID", cameo)], [
        (e.type, e.cameo, e.trigger.text) for e in events
    ]
    assert _countries(events[0].actors) == {giver}
    assert _countries(events[0].recipients) == {receiver}


def test_refusing_aid_is_the_receivers_rejection(events_of: EventsOf) -> None:
    events = events_of("Sudan said it would not accept food aid from Canada.")
    assert [(e.type, e.cameo) for e in events] == [("REJECT", "120")]
    assert _countries(events[0].actors) == {"SDN"}
    assert _countries(events[0].recipients) == {"CAN"}


def test_received_aid_without_a_giver_is_no_event(events_of: EventsOf) -> None:
    assert [e.type for e in events_of("Sudan received weapons last year.")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Kenya received ministers from the government of Uganda.",
        "Egypt received a delegation from Japan.",
    ],
)
def test_receiving_people_is_hosting_a_visit(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert [(e.type, e.cameo) for e in events] == [("CONSULT", "043")]
    assert _countries(events[0].recipients) - {"KEN", "EGY"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Japan sent humanitarian aid to Haiti.", "073"),
        ("The United States provided military assistance to Ukraine.", "072"),
        ("Germany gave economic aid to Greece.", "071"),
        ("Germany gave aid to Greece.", "070"),
        ("The US sent food security aid to Somalia.", "073"),
        ("The US sent security assistance to Somalia.", "072"),
    ],
)
def test_the_kind_of_aid_sets_its_code(events_of: EventsOf, text: str, cameo: str) -> None:
    assert [(e.type, e.cameo) for e in events_of(text)] == [("AID", cameo)]
