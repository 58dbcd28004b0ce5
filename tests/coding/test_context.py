"""Placing actors known by role by the sentence's context (coding/context.py)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


def test_foreign_forces_are_not_placed_by_context(events_of: EventsOf) -> None:
    assert events_of("Foreign troops attacked a village in Mali.") == []
    assert events_of("European leaders criticised Russia.") == []
    # a title is no foreigner, and "Arab" also names a country's own people
    (meeting,) = events_of("The foreign minister met the Iranian ambassador in Cairo.")
    assert [a.code for a in meeting.actors] == ["EGYGOV"]
    (arrest,) = events_of("Police arrested Arab protesters in Jerusalem.")
    assert [r.code for r in arrest.recipients] == ["ISRCVL"]
    (event,) = events_of("French troops attacked a village in Mali.")
    assert [a.code for a in event.actors] == ["FRAMIL"]
