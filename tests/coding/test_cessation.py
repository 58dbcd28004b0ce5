"""Calling off one's own protest eases dissent (coding/cessation.py)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.engine import Engine
from eventwire.records import CodedEvent

DAY = date(2021, 3, 18)


def _events(engine: Engine, text: str) -> list[CodedEvent]:
    return list(engine.code_text(text, day=DAY).events)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan teachers union called off a strike after talks with the government.",
        "The Kenyan opposition cancelled its protest in Nairobi.",
        "Kenyan doctors ended their strike on Monday.",
    ],
)
def test_ending_a_protest_is_easing_dissent(engine: Engine, text: str) -> None:
    events = _events(engine, text)
    types = [e.type for e in events]
    assert "CONCEDE" in types and "PROTEST" not in types and "REJECT" not in types, types
    assert next(e for e in events if e.type == "CONCEDE").cameo == "082"


def test_calling_a_strike_is_a_strike_and_calling_off_talks_a_rejection(engine: Engine) -> None:
    assert [e.type for e in _events(engine, "The union called a strike in Lagos.")] == ["PROTEST"]
    assert [e.type for e in _events(engine, "Iran called off talks with the EU.")] == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish police prevented the demonstration in Ankara.",
        "Egyptian authorities banned the rally of the opposition.",
    ],
)
def test_preventing_a_protest_restricts_freedoms(engine: Engine, text: str) -> None:
    events = _events(engine, text)
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "1721")], events
