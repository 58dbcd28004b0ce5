"""Calling off one's own protest eases dissent (coding/cessation.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan teachers union called off a strike after talks with the government.",
        "The Kenyan opposition cancelled its protest in Nairobi.",
        "Kenyan doctors ended their strike on Monday.",
    ],
)
def test_ending_a_protest_is_easing_dissent(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    types = [e.type for e in events]
    assert "CONCEDE" in types and "PROTEST" not in types and "REJECT" not in types, types
    assert next(e for e in events if e.type == "CONCEDE").cameo == "082"


def test_calling_a_strike_is_a_strike_and_calling_off_talks_a_rejection(
    events_of: EventsOf,
) -> None:
    assert [e.type for e in events_of("The union called a strike in Lagos.")] == ["PROTEST"]
    assert [e.type for e in events_of("Iran called off talks with the EU.")] == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish police prevented the demonstration in Ankara.",
        "Egyptian authorities banned the rally of the opposition.",
    ],
)
def test_preventing_a_protest_restricts_freedoms(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "1721")], events


def test_halting_air_strikes_is_no_easing_of_dissent(events_of: EventsOf) -> None:
    types = [e.type for e in events_of("Israel halted air strikes on Gaza.")]
    assert "CONCEDE" not in types and "RETREAT" in types
