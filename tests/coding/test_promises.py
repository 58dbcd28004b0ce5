"""A promise is coded by what it promises (coding/promises.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]
OneEventOf = Callable[[str], CodedEvent]


@pytest.mark.parametrize(
    ("text", "cameo", "recipient"),
    [
        ("Iran pledged to retaliate against Israel.", "138", "ISR"),
        ("Serbia vowed to fight the Albanian rebels.", "138", "ALB"),
        ("Russia promised to punish Georgia.", "1312", "GEO"),
    ],
)
def test_a_promise_of_harm_is_a_threat(
    one_event_of: OneEventOf, text: str, cameo: str, recipient: str
) -> None:
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("THREATEN", cameo)
    assert {r.country for r in event.recipients} == {recipient}


def test_a_promised_hostile_statement_is_that_statement(one_event_of: OneEventOf) -> None:
    event = one_event_of("Iran vowed to reject any deal with the United States.")
    assert (event.type, event.cameo) == ("REJECT", "120")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Japan pledged to send aid to Haiti.", "033"),
        ("Israel promised to release the Palestinian prisoners.", "035"),
        ("Russia offered to meet Armenia's president.", "036"),
    ],
)
def test_a_promise_of_cooperation_is_the_intent_to_do_it(
    one_event_of: OneEventOf, text: str, cameo: str
) -> None:
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("AGREE", cameo)


@pytest.mark.parametrize(
    "text",
    [
        "Syria vowed not to attack Israel.",  # a promise not to do harm
        "The European Union agreed to impose sanctions on Iran.",  # a decision, not a threat
    ],
)
def test_promising_no_harm_and_deciding_harm_stay_agreements(
    events_of: EventsOf, text: str
) -> None:
    events = events_of(text)
    assert "THREATEN" not in {e.type for e in events}
    assert "AGREE" in {e.type for e in events}


def test_a_threat_has_a_mode_or_none(one_event_of: OneEventOf) -> None:
    event = one_event_of("Iran pledged to retaliate against Israel.")
    assert event.mode != ""
