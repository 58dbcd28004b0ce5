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


@pytest.mark.parametrize(
    "text",
    [
        "The British prime minister offered his condolences to the Indian people.",
        "The British prime minister said the Tories offered a hard right agenda.",
    ],
)
def test_offering_words_or_a_choice_is_no_promise(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


def test_offered_congratulations_and_apologies_are_support(events_of: EventsOf) -> None:
    text = "The British prime minister offered his congratulations to the Australian premier."
    assert [(e.type, e.cameo) for e in events_of(text)] == [("SUPPORT", "051")]
    text = "The Japanese prime minister offered an apology to China."
    assert [(e.type, e.cameo) for e in events_of(text)] == [("SUPPORT", "055")]


def test_meeting_market_demand_is_no_concession(events_of: EventsOf) -> None:
    text = "British securities houses expanded inventories to meet demand from investors."
    assert events_of(text) == []
    text = "The Egyptian government met the protesters' demands."
    assert [(e.type, e.cameo) for e in events_of(text)] == [("CONCEDE", "083")]


def test_calling_an_election_is_no_request(events_of: EventsOf) -> None:
    assert events_of("The Associated Press called the US election for Biden.") == []


def test_a_fronted_for_phrase_makes_no_call_for(events_of: EventsOf) -> None:
    text = "For the Welsh Liberal Democrats, a British MP called the target unambitious."
    assert events_of(text) == []


def test_a_plan_meeting_a_reaction_is_no_meeting(events_of: EventsOf) -> None:
    text = "The British government's proposals have met with disapproval from rights groups."
    assert events_of(text) == []


def test_a_news_conference_is_no_meeting(events_of: EventsOf) -> None:
    assert events_of("Labour will not hold a daily news conference in London.") == []
    assert events_of("The British prime minister will host a news conference in London.") == []
    events = events_of("Leaders of Iran and Iraq held a conference in Baghdad.")
    assert [e.type for e in events] == ["CONSULT"]
    joint = (
        "The British foreign minister held a joint news conference with his Chinese counterpart."
    )
    events = events_of(joint)
    assert [(e.type, tuple(r.country for r in e.recipients)) for e in events] == [
        ("CONSULT", ("CHN",))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "British MPs warned Blair about the dangers of disunity.",
        "The British Chambers of Commerce warned that small firms could be crippled by the move.",
        "The UN warned of famine in Somalia.",
    ],
)
def test_a_warning_of_a_danger_is_no_threat(events_of: EventsOf, text: str) -> None:
    assert all(e.type != "THREATEN" for e in events_of(text))


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Iran warned Israel of a crushing response.", "ISR"),
        ("Iran warned Israel that it would retaliate against any attack.", "ISR"),
        ("Cairo's security chief warned that Egyptian police will no longer tolerate rallies.", ""),
    ],
)
def test_a_warning_of_an_act_is_a_threat(events_of: EventsOf, text: str, recipient: str) -> None:
    threats = [e for e in events_of(text) if e.type == "THREATEN"]
    assert len(threats) == 1
    if recipient:
        assert recipient in {r.country for r in threats[0].recipients}


@pytest.mark.parametrize(
    "text",
    [
        "Israel refused to comment on the report.",
        "The Iranian foreign minister declined to answer questions on the talks.",
    ],
)
def test_declining_to_comment_is_no_rejection(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


def test_refusing_an_act_stays_a_rejection(events_of: EventsOf) -> None:
    (event,) = events_of("Syria refused to allow UN inspectors into the site.")
    assert event.type == "REJECT"


@pytest.mark.parametrize(
    "text",
    [
        "The US envoy helped broker a deal between Israel and the UAE.",
        "The Australian activist helped a Saudi teenager escape to Canada.",
    ],
)
def test_helping_to_do_something_is_no_aid(events_of: EventsOf, text: str) -> None:
    assert all(e.type != "AID" for e in events_of(text))


def test_helping_someone_or_with_something_is_aid(events_of: EventsOf) -> None:
    for text in (
        "Britain helped the refugees in Sudan.",
        "British Navy ships assisted with the relief effort in Indonesia.",
    ):
        assert [e.type for e in events_of(text)] == ["AID"], text


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump has offered to acquire all Class B common shares of the company.",
        "Bank of China branches in Hainan also accept deposits in dollars.",
        "The World Bank had publicly offered 60 bonds in Germany.",
    ],
)
def test_a_market_transaction_is_no_event(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


def test_offers_of_aid_or_intelligence_stay(events_of: EventsOf) -> None:
    assert [e.cameo for e in events_of("Japan offered aid to Indonesia.")] == ["033"]
    assert [e.type for e in events_of("Iran offered to share intelligence with Iraq.")] == ["AGREE"]


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


def test_visiting_a_website_is_no_visit(events_of: EventsOf) -> None:
    assert events_of("The US envoy visited the Chinese foreign ministry website.") == []
    assert [e.type for e in events_of("Putin visited China last week.")] == ["CONSULT"]


def test_fighting_for_ones_job_is_no_fight(events_of: EventsOf) -> None:
    assert events_of("The Afghan president is fighting for his political life.") == []
    assert [e.type for e in events_of("Syrian rebels are fighting for control of Aleppo.")] == [
        "ASSAULT"
    ]
