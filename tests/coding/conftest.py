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


@pytest.fixture(scope="session")
def events_of(engine: Engine) -> EventsOf:
    """The events of one sentence, coded as an article of :data:`DAY`."""

    def code(text: str) -> list[CodedEvent]:
        return list(engine.code_text(text, day=DAY).events)

    return code
