"""Permission: an act that is only permitted, asked for or planned is not asserted
(coding/modality.py); giving permission is CONCEDE, withholding it REJECT."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent, Modality

EventsOf = Callable[[str], list[CodedEvent]]
COUNTED = frozenset({Modality.ASSERTED, Modality.REPORTED})


def _counted(events: list[CodedEvent]) -> list[tuple[str, str, str]]:
    return [
        (e.type, "+".join(a.code for a in e.actors), "+".join(a.code for a in e.recipients))
        for e in events
        if e.modality in COUNTED
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Obama said he would not give permission to Russia to help Israel.",
        "Obama said he would not allow Russia to help Israel.",
    ],
)
def test_not_giving_permission_is_a_rejection(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert _counted(events) == [("REJECT", "USA", "RUS")], _counted(events)
    assert [e.cameo for e in events if e.type == "REJECT"] == ["120"]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt denied permission to Israel to fly over its territory.",
        "Israel refused permission for Jordan to hold talks with Iran.",
        "Israel withheld permission for Jordan to hold talks with Iran.",
    ],
)
def test_refused_permission_is_a_rejection_and_the_act_is_not_done(
    events_of: EventsOf, text: str
) -> None:
    counted = _counted(events_of(text))
    assert [t for t, _, _ in counted] == ["REJECT"], counted
    assert [e.cameo for e in events_of(text) if e.type == "REJECT"] == ["120"]


def test_giving_permission_is_a_concession(events_of: EventsOf) -> None:
    events = events_of("Egypt gave permission to Israel to send troops to Sinai.")
    assert [(e.type, e.cameo) for e in events if e.modality in COUNTED] == [("CONCEDE", "080")]


@pytest.mark.parametrize(
    "text",
    [
        "Israel gave the green light for Egypt to send troops to Sinai.",
        "Russia rejected a request to extradite the suspect to Britain.",
        "The plan to attack Iran was dropped by Israel.",
        "Russian police foiled a plot to kill the Russian president.",
    ],
)
def test_a_permitted_requested_or_planned_act_is_not_asserted(
    events_of: EventsOf, text: str
) -> None:
    acts = [e for e in events_of(text) if e.type in ("MOBILIZE", "COOPERATE", "ASSAULT")]
    assert all(e.modality not in COUNTED for e in acts), [(e.type, e.modality) for e in acts]
