"""Coding one hand-written sentence, for the rule tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.engine import Engine
from eventwire.records import CodedEvent

# The day the test sentences are "published" (the seed article's date).
DAY = date(2021, 3, 18)

EventsOf = Callable[[str], list[CodedEvent]]
OneEventOf = Callable[[str], CodedEvent]


@pytest.fixture(scope="session")
def events_of(engine: Engine) -> EventsOf:
    """The events of one sentence, coded as an article of :data:`DAY`."""

    def code(text: str) -> list[CodedEvent]:
        return list(engine.code_text(text, day=DAY).events)

    return code


@pytest.fixture(scope="session")
def one_event_of(events_of: EventsOf) -> OneEventOf:
    """The one event of a sentence (the test fails, listing them, unless there is exactly one)."""

    def only(text: str) -> CodedEvent:
        events = events_of(text)
        assert len(events) == 1, [(e.type, e.cameo, e.trigger.text) for e in events]
        return events[0]

    return only
