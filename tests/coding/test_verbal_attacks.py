"""Attacking a plan is criticising it (coding/verbal_attacks.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    "text",
    [
        "The French foreign minister attacked Germany's budget plans.",
        "Japan's prime minister launched an attack on China's trade policy.",
        "South Africa's president attacked British officials, saying they were arrogant.",
        "Iran's president attacked the agreement between Israel and the UAE.",
        "Russia's president attacked NATO in a speech in Munich.",
        "The US vice-president attacked the senator during the debates.",
        "Iranian hardliners attacked President Rouhani over the nuclear deal.",
    ],
)
def test_an_attack_on_words_or_plans_is_criticism(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert ("ACCUSE", "111") in {(e.type, e.cameo) for e in events}
    assert "ASSAULT" not in {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops attacked the Ukrainian town of Bakhmut.",
        "Israel launched an attack on Hamas positions in Gaza.",
        "Afghan rebels attacked a police checkpoint in Kandahar.",
        "Israeli jets attacked Gaza for three hours.",
    ],
)
def test_an_attack_on_people_places_or_positions_is_an_assault(
    events_of: EventsOf, text: str
) -> None:
    events = events_of(text)
    assert "ASSAULT" in {e.type for e in events}
    assert "ACCUSE" not in {e.type for e in events}


def test_a_time_phrase_is_no_target(events_of: EventsOf) -> None:
    """ "fire" + "on" is firing on someone; "on Saturday" is when."""
    assert (
        events_of("British voters were fired up by the prime minister's speech on Saturday.") == []
    )
    (event,) = events_of("Ethiopian troops fired on Eritrean soldiers on Monday.")
    assert event.type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops attacked the Ukrainian village as part of a new offensive.",
        "Israeli jets attacked the Syrian air defence system near Damascus.",
    ],
)
def test_a_physical_target_or_an_as_phrase_of_purpose_stays_an_assault(
    events_of: EventsOf, text: str
) -> None:
    assert "ASSAULT" in {e.type for e in events_of(text)}
    assert "ACCUSE" not in {e.type for e in events_of(text)}
