"""Who attacked when the verb does not say (coding/implicit_roles.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]
OneEventOf = Callable[[str], CodedEvent]


def _assault(events_of: EventsOf, text: str) -> tuple[set[str | None], set[str | None], float]:
    found = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events_of(text)]
    event = found[0]
    actors = {a.country for a in event.actors}
    return actors, {a.country for a in event.recipients}, min(a.confidence for a in event.actors)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Five Lebanese were killed in Israeli air raids.", "ISR", "LBN"),  # amod demonym
        ("A Pakistani man was wounded in a US drone strike.", "USA", "PAK"),  # compound
        ("Ten Palestinians were killed in Israel's air strikes on Gaza.", "ISR", "PSE"),  # poss
        ("Two Syrian soldiers were killed during shelling by Turkish forces.", "TUR", "SYR"),
        ("Three Israeli soldiers died in a Hezbollah ambush.", "LBN", "ISR"),  # verb of dying
        ("Two Afghan soldiers perished in a Taliban attack.", "AFG", "AFG"),
        ("Five Afghan militants were killed in a Pakistani army operation.", "PAK", "AFG"),
    ],
)
def test_the_attack_noun_names_the_attacker(
    events_of: EventsOf, text: str, actor: str, recipient: str
) -> None:
    actors, recipients, _ = _assault(events_of, text)
    assert actors == {actor} and recipients == {recipient}


@pytest.mark.parametrize(
    ("text", "cameo", "recipient"),
    [
        ("The Afghan vice president survived an assassination attempt in Kabul.", "185", "AFGGOV"),
        ("Two Iraqi soldiers escaped a roadside bombing near Mosul.", "1833", "IRQMIL"),
    ],
)
def test_who_survives_an_attack_is_its_target(
    one_event_of: OneEventOf, text: str, cameo: str, recipient: str
) -> None:
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("ASSAULT", cameo)
    assert [r.code for r in event.recipients] == [recipient]
    assert event.actors[0].country == recipient[:3]  # unidentified attackers, placed


def test_a_subjectless_passive_happens_to_the_subject_of_its_clause(
    one_event_of: OneEventOf,
) -> None:
    event = one_event_of("A Palestinian prisoner died after being tortured by Israeli police.")
    assert [a.code for a in event.actors] == ["ISRCOP"]
    assert [r.code for r in event.recipients] == ["PSECVL"]


def test_the_sides_of_a_mutual_attack_are_its_actors(events_of: EventsOf) -> None:
    text = "Two Lebanese civilians died in clashes between Israeli troops and Hezbollah."
    actors, recipients, _ = _assault(events_of, text)
    assert actors == {"ISR", "LBN"} and recipients == {"LBN"}
    text = "Two Syrian civilians were killed in fighting with Turkish troops."
    actors, recipients, _ = _assault(events_of, text)
    assert actors == {"TUR"} and recipients == {"SYR"}


def test_a_place_in_a_phrase_of_the_attacker_places_it(events_of: EventsOf) -> None:
    text = "Three Kenyan protesters were killed in clashes with police in Nairobi."
    (event,) = events_of(text)
    assert [a.code for a in event.actors] == ["KENCOP"]


def test_a_group_and_its_region_before_an_attack_noun_are_one_actor(events_of: EventsOf) -> None:
    (event,) = events_of("Two Russian soldiers were killed in a Chechen rebel attack.")
    assert [a.code for a in event.actors] == ["RUSREB"]


def test_a_city_before_an_attack_noun_says_where_not_who(events_of: EventsOf) -> None:
    (event,) = events_of("Five Iraqi soldiers were killed in a Baghdad car bombing.")
    assert [a.sectors for a in event.actors] == [("UAF",)]


def test_a_projectile_names_the_side_that_fired_by_where_it_came_from(
    events_of: EventsOf,
) -> None:
    actors, recipients, confidence = _assault(
        events_of, "A mortar bomb was fired at Israel from the Gaza Strip."
    )
    assert actors == {"PSE"} and recipients == {"ISR"} and confidence <= 0.5
    actors, _, _ = _assault(events_of, "Israeli officials said rockets were launched from Lebanon.")
    assert actors == {"LBN"}
    actors, recipients, _ = _assault(
        events_of, "A rocket fired from Lebanon struck an Israeli town."
    )
    assert actors == {"LBN"} and recipients == {"ISR"}


def test_without_attack_noun_or_launch_site_the_attackers_are_unidentified(
    events_of: EventsOf,
) -> None:
    (event,) = events_of("Three Iraqi soldiers were killed in an attack in Mosul.")
    assert [(a.country, a.sectors) for a in event.actors] == [("IRQ", ("UAF",))]


def test_dying_is_an_attack_only_in_an_attack(events_of: EventsOf) -> None:
    assert events_of("Three Iraqi soldiers died in Mosul.") == []
    assert events_of("The former Iraqi president died in a hospital in Baghdad.") == []


def test_a_bomb_as_subject_has_unidentified_attackers(events_of: EventsOf) -> None:
    (event,) = events_of("A car bomb killed 20 people in Baghdad.")
    assert event.type == "ASSAULT"
    assert [a.code for a in event.actors] == ["IRQUAF"]
    assert events_of("A gas explosion killed five workers in Karachi.") == []  # may be an accident


@pytest.mark.parametrize(
    "text",
    [
        "An attempt to assassinate the Russian deputy governor was thwarted by police.",
        "Russian police foiled an attempt to assassinate the governor.",
    ],
)
def test_an_attempted_attack_is_an_attack_by_whoever_tried(
    one_event_of: OneEventOf, text: str
) -> None:
    # CAMEO 185, attempt to assassinate; the police who thwarted it did not try
    event = one_event_of(text)
    assert (event.type, event.cameo, str(event.modality)) == ("ASSAULT", "185", "asserted")
    assert [a.code for a in event.actors] == ["RUSUAF"]


def test_who_makes_the_attempt_tried(events_of: EventsOf) -> None:
    (event,) = events_of("Gunmen made an attempt to kill the Russian governor.")
    assert event.type == "ASSAULT" and [a.sectors for a in event.actors] == [("UAF",)]
    # a planned or condemned attempt at something else stays what it was
    events = events_of("Russia condemned an attempt to seize the Ukrainian parliament.")
    assert {(e.type, str(e.modality)) for e in events} == {
        ("ACCUSE", "asserted"),
        ("COERCE", "hypothetical"),
    }


def test_who_reports_a_passive_attack_is_not_its_unnamed_actor(events_of: EventsOf) -> None:
    text = "The German government said Russian opposition leader Alexei Navalny was poisoned."
    (event,) = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert [a.code for a in event.actors] == ["RUSUAF"]
