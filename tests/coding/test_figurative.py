"""Everyday and figurative uses of the words of force are no events (coding/figurative.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # taking over a post
        ("The US Green Party's candidate withdrew and Collins took over as nominee.", "COERCE"),
        ("The British home secretary took over at the Home Office from Jack Straw.", "COERCE"),
        ("Britain takes over the presidency of the EU from Luxembourg in July.", "COERCE"),
        ("Turkey would take over guarding captured Islamic State fighters.", "COERCE"),
        # contests
        ("The Liberal Democrats hope to beat Labour in the general election.", "THREATEN"),
        ("Brazil beat Argentina 2-1 in the World Cup qualifier.", "ASSAULT"),
        (
            "The Scottish minister spoke ahead of the cup clash between the Glasgow clubs.",
            "ASSAULT",
        ),
        (
            "The British prime minister Tony Blair is in a leadership battle with Gordon Brown.",
            "ASSAULT",
        ),
        # disputes over policies
        ("British Prime Minister Tony Blair and Gordon Brown clashed over the euro.", "ASSAULT"),
        (
            "The powers are being reviewed after Mr Blunkett's battle with Humberside chief "
            "David Westwood over intelligence failures.",
            "ASSAULT",
        ),
        ("The Iranian president struck a conciliatory tone with the United States.", "ASSAULT"),
        # disputes between politicians
        ("The two British party leaders clashed in the Commons.", "ASSAULT"),
        ("Tony Blair and Michael Howard clashed in the Commons.", "ASSAULT"),
        ("EC farm ministers were fighting hard to prevent a deal in Brussels.", "ASSAULT"),
        # fighting a thing, firing no munition, seizing a chance
        (
            "Fifty new areas getting special help from the British government to fight "
            "anti-social behaviour will be named.",
            "ASSAULT",
        ),
        ("British campaigners fought the government's plans to close the hospital.", "ASSAULT"),
        ("Gordon Brown used his Budget to fire both barrels at the opposition.", "ASSAULT"),
        ("British Labour has seen the Tories seizing a poll advantage.", "COERCE"),
        # hardship
        ("Bermuda was hit by hurricanes.", "ASSAULT"),
        ("Indonesia has been severely hit by last year's fall in world oil prices.", "ASSAULT"),
        ("The British strike hit Jobcentres across Britain.", "ASSAULT"),
        ("The Iraq war had hit trust in British politicians.", "ASSAULT"),
        (
            "The British treasury secretary said the only guaranteed cut from the Tories is "
            "35 billion pounds of cuts, hitting frontline public services hard.",
            "ASSAULT",
        ),
    ],
)
def test_a_figurative_use_is_no_event(events_of: EventsOf, text: str, kind: str) -> None:
    assert kind not in {e.type for e in events_of(text)}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Congolese rebels took over the town of Goma.", ("COERCE", "192")),
        ("Congolese rebels seized the town of Goma.", ("COERCE", "171")),
        ("Kenyan police beat opposition supporters after the election.", ("ASSAULT", "182")),
        ("Greek police clashed with protesters in Athens.", ("ASSAULT", "190")),
        ("Afghan troops fought the Taliban in Helmand.", ("ASSAULT", "190")),
        ("Sudanese tribes clashed over grazing land in Darfur.", ("ASSAULT", "190")),
        ("Israeli jets struck targets in Gaza.", ("ASSAULT", "")),
        ("Egyptian soldiers fired tear gas at protesters in Cairo.", ("ASSAULT", "175")),
        ("Egyptian soldiers fired at protesters in Cairo.", ("ASSAULT", "193")),
        ("An Israeli air strike hit a Hamas training camp in Gaza.", ("ASSAULT", "")),
        # taking a place over "from" someone or at a time is no post taken
        ("The Syrian army took over the town from the rebels.", ("COERCE", "192")),
        ("Taliban fighters took over the city of Kunduz at dawn.", ("COERCE", "192")),
        ("Taliban fighters took over at dawn.", ("COERCE", "192")),
        # a strike that kills, or a country's, is an attack, not a labour strike
        ("A US strike killed five militants in Somalia.", ("ASSAULT", "")),
        ("A Russian strike killed 12 civilians in Idlib.", ("ASSAULT", "")),
        ("An Israeli strike hit a house in Gaza.", ("ASSAULT", "")),
        # a person beaten "at the place" or "at the point" of anything is no contest
        (
            "Russian security forces beat Navalny at the place where he was held.",
            ("ASSAULT", "182"),
        ),
        ("Ugandan police beat Bobi Wine at the point of arrest.", ("ASSAULT", "182")),
        # fighting what an actor does is fighting the actor
        ("Government forces fought the rebels' advance on Aleppo.", ("ASSAULT", "190")),
    ],
)
def test_the_events_stay(events_of: EventsOf, text: str, event: tuple[str, str]) -> None:
    found = {(e.type, e.cameo) for e in events_of(text)}
    assert event in found or (not event[1] and event[0] in {t for t, _ in found})


@pytest.mark.parametrize(
    "text",
    [
        "Three American senators withdrew from the presidential race.",
        "The American nominee withdrew his name from consideration by the Senate.",
        "Hamas withdrew its threat to attack Israel.",
    ],
)
def test_withdrawing_from_a_race_or_a_word_is_no_retreat(events_of: EventsOf, text: str) -> None:
    assert "RETREAT" not in {e.type for e in events_of(text)}


def test_a_clash_of_armed_men_or_crowds_is_violence(events_of: EventsOf) -> None:
    for text in (
        "Israeli troops clashed with Palestinian gunmen in Gaza.",
        "Protesters clashed with police in Cairo.",
    ):
        assert {e.type for e in events_of(text)} & {"ASSAULT", "PROTEST"}


def test_withdrawing_forces_is_a_retreat(events_of: EventsOf) -> None:
    assert "RETREAT" in {e.type for e in events_of("Israel withdrew its troops from Gaza.")}
    text = "Nigeria withdrew its peacekeeping force from Chad."
    assert "RETREAT" in {e.type for e in events_of(text)}


def test_calling_an_election_is_no_request(events_of: EventsOf) -> None:
    assert events_of("The Associated Press called the US election for Biden.") == []


def test_a_fronted_for_phrase_makes_no_call_for(events_of: EventsOf) -> None:
    text = "For the Welsh Liberal Democrats, a British MP called the target unambitious."
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Pakistanis were killed in the earthquake.",
        "Around 140,000 people were killed after an earthquake below the Indian Ocean.",
        "Ten Indian villagers were killed in floods.",
    ],
)
def test_killed_in_a_disaster_is_no_attack(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


def test_killed_in_a_crisis_or_an_attack_stays_an_attack(events_of: EventsOf) -> None:
    for text in (
        "Hundreds of Sudanese civilians were killed in the crisis in Darfur.",
        "Five Iraqi soldiers were killed in a roadside bomb attack.",
    ):
        assert [e.type for e in events_of(text)] == ["ASSAULT"], text


def test_fighting_for_ones_job_is_no_fight(events_of: EventsOf) -> None:
    assert events_of("The Afghan president is fighting for his political life.") == []
    assert [e.type for e in events_of("Syrian rebels are fighting for control of Aleppo.")] == [
        "ASSAULT"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The government of Egypt ordered the killing of over 300,000 pigs.",
        "Chinese officials culled 20,000 chickens.",
        "Japanese whalers killed 300 whales.",
    ],
)
def test_killing_animals_is_no_attack(events_of: EventsOf, text: str) -> None:
    assert not [e for e in events_of(text) if e.type == "ASSAULT"]
    assert [e.type for e in events_of("Israeli troops killed three Palestinians.")] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Trading volume on the Singapore exchange hit a record 122,819 contracts in February.",
        "Unemployment in Spain hit 20 percent.",
        "Taiwan's trade surplus with the United States hit 13.6 billion dlrs last year.",
    ],
)
def test_a_measure_hitting_a_level_is_no_attack(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []
    assert [e.type for e in events_of("The Russian missile hit three buildings in Kharkiv.")] == [
        "ASSAULT"
    ]


def test_a_person_taking_over_assumes_a_post(events_of: EventsOf) -> None:
    assert events_of("Harold Wilson took over and increased his majority.") == []
    assert [e.type for e in events_of("The Thai army took over on Tuesday.")] == ["COERCE"]


def test_giving_way_to_a_thing_is_being_replaced(events_of: EventsOf) -> None:
    text = "The market's earlier optimism about OPEC has given way to a pessimistic outlook."
    assert events_of(text) == []
    for text in (
        "The Polish government gave way to the strikers' demands.",
        "The Kenyan government gave way to pressure from the unions.",
        "Kenya gave way to the protesters.",
    ):
        assert "CONCEDE" in [e.type for e in events_of(text)], text
