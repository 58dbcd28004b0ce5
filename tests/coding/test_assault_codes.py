"""CAMEO 19x sub-codes by weapon (coding/assault_codes.py and the ASSAULT rows of triggers.tsv)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # the attack noun the verb names specifies the residual 190
        ("The United States launched an air strike against Iraq.", "195"),
        ("Five Lebanese were killed in Israeli air raids.", "195"),
        ("Two Syrian soldiers were killed during shelling by Turkish forces.", "194"),
        ("Two Afghan soldiers died in a roadside bombing in Kandahar.", "1833"),
        # projectiles and guns fired or launched
        ("Georgian demonstrators launched missiles at the Georgian government.", "194"),
        ("Hamas launched mortars at Israel.", "194"),
        ("The United States fired anti-aircraft batteries at Russia.", "194"),
        # the weapons of the clause; aerial weapons take precedence
        ("Russian helicopter gunships attacked Chechen villages.", "195"),
        ("Israeli troops attacked the village with tanks.", "194"),
        ("Israeli helicopters fired missiles at Gaza.", "195"),
        ("A rocket fired from Lebanon struck an Israeli town.", "194"),
        # nothing said of the weapons
        ("Israel attacked Gaza.", "190"),
    ],
)
def test_assault_sub_code_by_weapon(events_of: EventsOf, text: str, cameo: str) -> None:
    codes = [e.cameo for e in events_of(text) if e.type == "ASSAULT"]
    assert codes == [cameo]


def test_launching_a_campaign_or_a_test_missile_is_no_attack(events_of: EventsOf) -> None:
    text = "The Kenyan government launched a campaign against corruption."
    assert "ASSAULT" not in [e.type for e in events_of(text)]
    test = [(e.type, e.cameo) for e in events_of("North Korea launched a missile in a test.")]
    assert test == [("MOBILIZE", "150")]


def test_a_military_strike_is_no_labour_strike(events_of: EventsOf) -> None:
    text = "American forces launched a retaliatory strike against Iran."
    assert [e.type for e in events_of(text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("An Israeli air strike hit a refugee camp in Gaza.", "195"),
        ("Israeli shelling killed three Palestinians in Gaza.", "194"),
    ],
)
def test_an_attack_noun_as_subject_gives_the_code(
    events_of: EventsOf, text: str, cameo: str
) -> None:
    assert [e.cameo for e in events_of(text) if e.type == "ASSAULT"] == [cameo]
