"""Joint military exercises are COOPERATE, single-country ones MOBILIZE (coding/joint.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    "text",
    [
        "Indian and Russian warships began naval exercises in the Bay of Bengal on Monday.",
        "Japan held military drills with Australia off Okinawa.",
    ],
)
def test_an_exercise_of_two_countries_is_military_cooperation(
    events_of: EventsOf, text: str
) -> None:
    events = events_of(text)
    assert [e.type for e in events] == ["COOPERATE"], [(e.type, e.trigger.text) for e in events]
    assert events[0].cameo == "062"
    assert len({a.country for a in events[0].actors + events[0].recipients}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "China held military exercises near Taiwan on Tuesday.",
        "China staged war games against Taiwan.",
    ],
)
def test_an_exercise_of_one_country_is_mobilisation(events_of: EventsOf, text: str) -> None:
    assert [e.type for e in events_of(text)] == ["MOBILIZE"]


def test_an_exercise_noun_the_parser_takes_for_a_verb(events_of: EventsOf) -> None:
    """ "held joint military drills off Okinawa": "drills" is tagged a verb, as an object."""
    events = events_of("Japan and Australia held joint military drills off Okinawa.")
    assert [(e.type, e.cameo) for e in events] == [("COOPERATE", "062")]
    assert {a.country for a in events[0].actors} == {"JPN", "AUS"}
    assert {r.country for r in events[0].recipients} == {"JPN", "AUS"}  # not Okinawa's
