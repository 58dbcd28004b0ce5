"""Everyday uses of the words of speech, diplomacy and trade are no events
(coding/everyday_acts.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


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
        "Canada will offer a four-part bond issue tomorrow, the finance department said.",
        # buying or selling a business, or merging firms
        "The Canadian Pacific unit agreed to purchase the Biltmore Hotel from a Chinese firm.",
        "The Japanese bank has a definitive agreement to buy 100 pct of a British insurer.",
        "The Korean company signed an agreement under which its unit will merge with a US bank.",
    ],
)
def test_a_market_transaction_is_no_event(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


def test_a_sale_of_arms_between_states_stays(events_of: EventsOf) -> None:
    assert [e.type for e in events_of("Russia agreed to sell S-400 missiles to Turkey.")] == [
        "AGREE"
    ]


def test_offers_of_aid_or_intelligence_stay(events_of: EventsOf) -> None:
    assert [e.cameo for e in events_of("Japan offered aid to Indonesia.")] == ["033"]
    assert [e.type for e in events_of("Iran offered to share intelligence with Iraq.")] == ["AGREE"]


def test_visiting_a_website_is_no_visit(events_of: EventsOf) -> None:
    assert events_of("The US envoy visited the Chinese foreign ministry website.") == []
    assert [e.type for e in events_of("Putin visited China last week.")] == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Kamala Harris sought the Democratic presidential nomination.",
        "She sought South Carolina's congressional seat in the United States House.",
    ],
)
def test_seeking_an_office_is_no_request(events_of: EventsOf, text: str) -> None:
    assert not [e for e in events_of(text) if e.type == "REQUEST"]


def test_signing_a_law_or_decree_is_no_agreement(events_of: EventsOf) -> None:
    text = "Russian President Vladimir Putin signed a decree annexing four Ukrainian regions."
    assert [e.type for e in events_of(text)] == ["COERCE"]  # the annexing, not a SUPPORT 057
    assert events_of("The Kenyan president signed the finance bill on Tuesday.") == []


def test_signing_a_player_is_no_agreement(events_of: EventsOf) -> None:
    assert events_of("The Japanese wrestler Kimura was signed for Stardom in 2019.") == []
    signed = [e.type for e in events_of("China signed last week an agreement with Japan.")]
    assert signed == ["SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "Former US national security adviser John Bolton released a book critical of Trump.",
        "The Federation of Bankers' Associations of Japan released its proposal on Monday.",
        "Last year the United States released about 4,900 tonnes of tin to two Japanese firms.",
    ],
)
def test_releasing_a_text_or_goods_is_no_release(events_of: EventsOf, text: str) -> None:
    assert not [e for e in events_of(text) if e.type == "RETREAT"]


def test_releasing_people_or_a_seized_ship_stays_a_release(events_of: EventsOf) -> None:
    assert [e.cameo for e in events_of("Ukraine released the OSCE monitors.")] == ["0841"]
    assert [e.cameo for e in events_of("Iran released the British tanker.")] == ["0842"]


def test_mobilizing_what_is_no_force_is_no_mobilization(events_of: EventsOf) -> None:
    assert events_of("Saudi Arabia has mobilized pressure groups in the United States.") == []
    assert [e.type for e in events_of("Russia mobilized 300,000 reservists.")] == ["MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "American wheat was offered at 150 dlrs a tonne.",
        "U.S. processors dropped offering prices.",
        "All the Kenyan government have offered is more talk.",
    ],
)
def test_a_price_or_nothing_offered_is_no_promise(events_of: EventsOf, text: str) -> None:
    assert [e for e in events_of(text) if e.type == "AGREE"] == []


def test_an_offer_of_something_is_a_promise(events_of: EventsOf) -> None:
    for text in (
        "Japan offered Kenya 300 million dollars in aid.",
        "Canada offered shelter to 5,000 Kosovar refugees.",
        "Iran offered to mediate between Armenia and Azerbaijan.",
    ):
        assert "AGREE" in [e.type for e in events_of(text)], text


@pytest.mark.parametrize(
    "text",
    [
        "The British minister accepted that young people drank.",
        "Britain's Labour Party accepted people's frustration.",
    ],
)
def test_accepting_a_fact_or_a_feeling_is_no_agreement(events_of: EventsOf, text: str) -> None:
    assert [e for e in events_of(text) if e.type == "AGREE"] == []


def test_accepting_a_plan_or_what_shall_be_done_stays_agreement(events_of: EventsOf) -> None:
    for text in ("Iran accepted the UN plan.", "Iran accepted that talks should resume."):
        assert "AGREE" in [e.type for e in events_of(text)], text


@pytest.mark.parametrize(
    "text",
    [
        "Downing Street said Mr Blair should be judged by results.",
        "The French minister said British judges should think carefully.",
    ],
)
def test_an_opinion_one_should_hold_is_no_demand(events_of: EventsOf, text: str) -> None:
    assert [e for e in events_of(text) if e.type == "REQUEST"] == []
