"""Everyday verbs are events only when done to someone: the ``dobj:@ACTOR`` rows
(coding/actor_objects.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


def _codes(events: list[CodedEvent]) -> set[tuple[str, str]]:
    return {(e.type, e.cameo) for e in events}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran's president received the Iraqi foreign minister in Tehran.", ("CONSULT", "043")),
        ("Egypt's president hosted Israeli and Palestinian negotiators.", ("CONSULT", "043")),
        ("Egypt hosted the talks between Israel and Hamas.", ("CONSULT", "043")),
        (
            "The Japanese emperor hosted a state dinner for the visiting Chinese president.",
            ("CONSULT", "043"),
        ),
        ("Egyptian police beat protesters in Cairo.", ("ASSAULT", "182")),
        ("Protesters were beaten by Zimbabwean police in Harare.", ("ASSAULT", "182")),
        ("Kenyan police beat opposition supporters after the election.", ("ASSAULT", "182")),
        ("Iraqi militants executed two hostages.", ("ASSAULT", "180")),
        ("Syrian troops shot dead five protesters in Deraa.", ("ASSAULT", "193")),
        ("Israeli soldiers shot at Palestinian protesters in Gaza.", ("ASSAULT", "193")),
        ("Zimbabwean police abused opposition activists.", ("ASSAULT", "182")),
    ],
)
def test_done_to_someone_the_verb_is_an_event(
    events_of: EventsOf, text: str, event: tuple[str, str]
) -> None:
    assert event in _codes(events_of(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The French candidate received 3 percent of the vote in France.", "CONSULT"),
        ("The Tongan prime minister received medical treatment in New Zealand.", "CONSULT"),
        ("Russia's president received an award from the Kremlin.", "CONSULT"),
        (
            "The warm heart of Britain beats as strong as ever, the British minister said.",
            "ASSAULT",
        ),
        ("The government of Samoa executed a planned shutdown of public services.", "ASSAULT"),
        ("Tony Blair shot basketball hoops with students from a London college.", "ASSAULT"),
        (
            "The British home secretary said Britain's asylum system is being abused by Iraqi "
            "migrants.",
            "ASSAULT",
        ),
    ],
)
def test_done_to_a_thing_it_is_no_event(events_of: EventsOf, text: str, kind: str) -> None:
    assert kind not in {e.type for e in events_of(text)}


def test_a_phone_call_received_is_a_call_by_the_caller(events_of: EventsOf) -> None:
    (event,) = events_of("Turkey's president received a phone call from Vladimir Putin.")
    assert (event.type, event.cameo) == ("CONSULT", "041")
    assert [a.code for a in event.actors] == ["RUSGOV"]
    assert [a.code for a in event.recipients] == ["TURGOV"]
