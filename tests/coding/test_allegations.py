"""Reported violence as an accusation (coding/allegations.py), on hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent, Modality

EventsOf = Callable[[str], list[CodedEvent]]


def _accusations(events_of: EventsOf, text: str) -> list[CodedEvent]:
    return [e for e in events_of(text) if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "speaker", "accused"),
    [
        ("Egypt said that Libya had shelled its border posts.", "EGY", "LBY"),
        ("Pakistan claimed Indian troops attacked a village in Kashmir.", "PAK", "IND"),
        ("Human Rights Watch said Turkish police arrested dozens of Kurds.", None, "TUR"),
    ],
)
def test_a_statement_that_another_party_used_force_accuses_it(
    events_of: EventsOf, text: str, speaker: str | None, accused: str
) -> None:
    events = events_of(text)
    reported = [e for e in events if e.type in ("ASSAULT", "COERCE")]
    assert reported and reported[0].modality is Modality.REPORTED  # the act itself stays
    (accusation,) = _accusations(events_of, text)
    assert accusation.cameo == "112" and accusation.modality is Modality.ASSERTED
    assert {a.country for a in accusation.recipients} == {accused}
    if speaker is not None:
        assert {a.country for a in accusation.actors} == {speaker}
    assert accusation.confidence < reported[0].confidence  # the reported act stays on top
    assert accusation.trigger.text in ("said", "claimed")
    assert accusation.explanation.rule.startswith("allegation")


@pytest.mark.parametrize(
    "text",
    [
        # the attribution follows the report: sourcing, not an accusation
        "Libyan forces shelled Egyptian border posts, Egyptian officials said.",
        # a speaker reporting its own acts
        "Israel said it struck Hamas targets in Gaza.",
        # one body of a state reporting what another did
        "Kenyan police said a Kenyan court had jailed the opposition leader.",
        # not violence or coercion
        "France said Germany had agreed to the plan.",
        # the speech is denied
        "Egypt did not say that Libya had shelled its border posts.",
    ],
)
def test_reports_that_are_not_accusations(events_of: EventsOf, text: str) -> None:
    assert not [e for e in _accusations(events_of, text) if e.cameo == "112"], [
        (e.type, e.trigger.text) for e in events_of(text)
    ]
