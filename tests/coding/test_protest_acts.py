"""Who protests decides what the protest is (coding/protest_acts.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


def _kinds(events: list[CodedEvent]) -> set[tuple[str, str]]:
    return {(e.type, e.cameo) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Protesters stormed the US embassy in Baghdad.",
        "The Russian consulate was demolished by Ukrainian protesters.",
        "Rioters set fire to government buildings in Paris.",
        "Demonstrators tried to storm the parliament in Tbilisi.",
    ],
)
def test_violence_by_protesters_is_a_riot(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert ("PROTEST", "145") in _kinds(events)
    assert "ASSAULT" not in {e.type for e in events}
    assert next(e for e in events if e.type == "PROTEST").mode == "riot"


def test_violence_against_protesters_stays_an_assault(events_of: EventsOf) -> None:
    events = events_of("Kenyan police fired tear gas at protesters in Nairobi.")
    assert "ASSAULT" in {e.type for e in events}
    assert "PROTEST" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("China protested the visit of the Dalai Lama to India.", "IND"),
        ("The Philippines protested China's construction of islands.", "CHN"),
        ("Tokyo protested against the Russian military exercises.", "RUS"),
    ],
)
def test_a_state_protesting_complains_officially(
    events_of: EventsOf, text: str, recipient: str
) -> None:
    events = events_of(text)
    assert ("ACCUSE", "114") in _kinds(events)
    assert "PROTEST" not in {e.type for e in events}
    event = next(e for e in events if e.type == "ACCUSE")
    assert event.mode == "disapprove"
    assert recipient in {r.country for r in event.recipients}


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Iraqis protested against the US occupation.",  # a people, not a state
        "Chinese students protested in Beijing.",
        "Workers went on strike in France.",  # a strike stays a strike
    ],
)
def test_people_protesting_demonstrate(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert "PROTEST" in {e.type for e in events}
    assert "ACCUSE" not in {e.type for e in events}


def test_protesters_fighting_with_heavy_weapons_are_fighting(events_of: EventsOf) -> None:
    events = events_of("Georgian demonstrators fired rockets at the Georgian government.")
    assert "ASSAULT" in {e.type for e in events}
    assert "PROTEST" not in {e.type for e in events}


def test_protesters_who_died_are_the_victims(events_of: EventsOf) -> None:
    events = events_of("Kenyan protesters died in clashes with police in Nairobi.")
    assert "PROTEST" not in {e.type for e in events}


def test_a_protest_a_state_lodges_is_diplomatic(events_of: EventsOf) -> None:
    events = events_of("Japan lodged a protest with China over the incursion.")
    assert {(e.type, e.cameo) for e in events} == {("ACCUSE", "114")}


def test_protesters_with_guns_are_fighting(events_of: EventsOf) -> None:
    events = events_of("Palestinian demonstrators attacked Israeli soldiers with guns.")
    assert ("ASSAULT", "193") in {(e.type, e.cameo) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Truck drivers blockaded the port of Calais.",
        "French farmers blockaded the port of Marseille.",
        "Students in Athens blockaded the university gates.",
        "Students occupied the main university building in Caracas.",
        "Greek farmers blocked the border crossing with Bulgaria.",
        "Students blocked the gates of the university in Nairobi.",
        "Georgian students blocked parliament in Tbilisi.",
    ],
)
def test_a_blockade_by_civil_actors_obstructs(events_of: EventsOf, text: str) -> None:
    events = events_of(text)
    assert ("PROTEST", "144") in _kinds(events)
    assert "COERCE" not in {e.type for e in events}
    assert next(e for e in events if e.type == "PROTEST").mode == "obstruct"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Israeli navy blockaded the port of Gaza.", "191"),
        ("Israeli troops blocked the Rafah crossing.", "191"),
        ("Russian troops occupied the town of Kherson.", "192"),
        ("Kenyan police blocked the roads to the square in Nairobi.", "191"),
    ],
)
def test_a_blockade_or_occupation_by_a_state_coerces(
    events_of: EventsOf, text: str, cameo: str
) -> None:
    events = events_of(text)
    assert ("COERCE", cameo) in _kinds(events)
    assert "PROTEST" not in {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Protesters hurled stones at police in Cairo.",
        "Egyptian protesters pelted police with rocks.",
    ],
)
def test_stones_thrown_by_protesters_are_a_riot(events_of: EventsOf, text: str) -> None:
    assert ("PROTEST", "145") in _kinds(events_of(text))


def test_walking_off_the_job_is_a_strike(events_of: EventsOf) -> None:
    events = events_of("Nigerian oil workers walked off the job on Monday.")
    assert ("PROTEST", "143") in _kinds(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Nigerian workers refused to work until their wages were paid.", "143"),
        ("Kenyan students refused to attend classes.", "143"),
        ("Farmers in India refused to pay taxes in protest against the new law.", "143"),
        ("Kurdish prisoners in Turkey refused to eat.", "142"),
    ],
)
def test_civil_actors_refusing_to_cooperate_protest(
    events_of: EventsOf, text: str, cameo: str
) -> None:
    kinds = _kinds(events_of(text))
    assert ("PROTEST", cameo) in kinds
    assert not [k for k in kinds if k[0] == "REJECT"]


def test_a_state_refusing_to_pay_rejects(events_of: EventsOf) -> None:
    kinds = _kinds(events_of("Argentina refused to pay its debts to the IMF."))
    assert "PROTEST" not in {k[0] for k in kinds}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Polish miners went on a hunger strike in Warsaw.", "142"),
        ("Palestinian shopkeepers closed their shops in Hebron.", "143"),
        ("Bahraini Shi'ites held a vigil outside the U.N. office in Manama.", "141"),
    ],
)
def test_strikes_and_vigils(events_of: EventsOf, text: str, cameo: str) -> None:
    assert ("PROTEST", cameo) in _kinds(events_of(text))


def test_the_opposition_blocking_a_bill_rejects_it(events_of: EventsOf) -> None:
    kinds = _kinds(events_of("The Kenyan opposition blocked the bill."))
    assert ("REJECT", "120") in kinds
    assert "PROTEST" not in {k[0] for k in kinds}
