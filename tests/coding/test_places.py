"""Event places with coordinates, on hand-written sentences."""

from __future__ import annotations

import pytest

from eventwire.coding.places import dateline_city
from eventwire.engine import Engine
from eventwire.records import CodedEvent


def _events(engine: Engine, text: str) -> list[CodedEvent]:
    return list(engine.code_text("date 2021-03-18\n" + text).events)


def test_in_phrase_gazetteer_place_gets_coordinates(engine: Engine) -> None:
    (event,) = _events(engine, "Police arrested dozens of protesters in Tripoli, Libya on Monday.")
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Tripoli", "LBY")
    assert event.location.lat == pytest.approx(32.9, abs=0.1)
    assert event.location.span is not None and event.location.span.text == "Tripoli"


def test_place_outside_the_gazetteer(engine: Engine) -> None:
    (event,) = _events(engine, "Pakistan arrested dozens of protesters in Karachi.")
    assert event.location is not None and event.location.country == "PAK"
    assert event.location.lon == pytest.approx(67.0, abs=0.1)


def test_dateline_is_the_fallback(engine: Engine) -> None:
    (event,) = _events(engine, "SEOUL, South Korea\nIran accused Iraq of sabotage on Monday.")
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Seoul", "KOR")
    assert event.location.lat == pytest.approx(37.6, abs=0.1) and event.location.span is None


def test_dateline_city() -> None:
    assert dateline_city("SEOUL, South Korea") == "Seoul"
    assert dateline_city("WASHINGTON (AP) —") == "Washington"
    assert dateline_city("") is None
