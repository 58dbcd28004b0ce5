"""Modality of events in dependent clauses (coding/modality.py)."""

from __future__ import annotations

from tests.coding.conftest import EventsOf


def test_a_purpose_shares_its_main_clauses_modality(events_of: EventsOf) -> None:
    # demanded: "must ensure security to allow supplies in" allows nothing yet
    text = (
        "The Red Cross said US and British forces must ensure security to allow emergency"
        " supplies to reach the needy."
    )
    allowed = [e for e in events_of(text) if e.trigger.text == "allow"]
    assert allowed and all(e.modality.value == "hypothetical" for e in allowed)
    # done: the purpose of an asserted act is coded as done, as the PLOVER gold codes it
    text = "Saudi Arabia has mobilized pressure groups to help support the rights of Palestinians."
    supported = [e for e in events_of(text) if e.type == "SUPPORT"]
    assert supported and supported[0].modality.value == "asserted"


def test_a_finite_adverbial_clause_keeps_its_own_modality(events_of: EventsOf) -> None:
    text = (
        "North Korea would ignore the talks, days after Washington said it would impose sanctions."
    )
    imposed = [e for e in events_of(text) if e.trigger.text == "impose"]
    assert imposed and imposed[0].modality.value == "reported"


def test_would_like_to_before_a_speech_act_is_doing_it(events_of: EventsOf) -> None:
    (event,) = events_of("Iran would like to congratulate Iraq on its election.")
    assert (event.type, str(event.modality)) == ("SUPPORT", "asserted")
    (event,) = events_of("Iran would like to attack Iraq.")  # a wish, not an attack
    assert str(event.modality) == "hypothetical"
