"""Lexicon rows of the CAMEO codebook's definitions, coded end to end (data/triggers.tsv)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]
OneEventOf = Callable[[str], CodedEvent]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Iran wants the United States to lift sanctions.", "USA"),
        ("The EU would like Turkey to recognise Cyprus.", "TUR"),
    ],
)
def test_wanting_someone_to_act_is_a_request_to_them(
    one_event_of: OneEventOf, text: str, recipient: str
) -> None:
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("REQUEST", "020")
    assert [r.country for r in event.recipients] == [recipient]


def test_wanting_to_act_oneself_is_no_request(events_of: EventsOf) -> None:
    assert all(e.type != "REQUEST" for e in events_of("Russia wants to join the WTO."))


def test_cancelling_ones_own_visit_reduces_relations(one_event_of: OneEventOf) -> None:
    # CAMEO 161, its manual's example: "A French minister has cancelled a planned visit to Haiti"
    event = one_event_of("Putin cancelled his trip to Japan.")
    assert (event.type, event.mode, event.cameo) == ("SANCTION", "withdraw", "161")
    talks = one_event_of("Iran cancelled the talks with the EU.")
    assert (talks.type, talks.cameo) == ("REJECT", "125")


def test_human_shields_are_an_assault(one_event_of: OneEventOf) -> None:
    text = "The Sri Lankan army has been holding thousands of Tamil civilians as human shields."
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("ASSAULT", "184")
    assert [a.code for a in event.actors] == ["LKAMIL"]


def test_an_attempt_on_someones_life(one_event_of: OneEventOf) -> None:
    event = one_event_of("Gunmen made an attempt on the life of the Pakistani prime minister.")
    assert (event.type, event.cameo) == ("ASSAULT", "185")
    assert [r.code for r in event.recipients] == ["PAKGOV"]


def test_a_confirmed_plan_of_force_is_a_threat(one_event_of: OneEventOf) -> None:
    # "confirm" reports speech: its subject's "would" is a stated intent, not speculation
    event = one_event_of("NATO confirmed on Wednesday it would tighten the naval blockade.")
    assert event.type == "THREATEN"


@pytest.mark.parametrize(
    "text",
    ["The United States banned all aid to Albanian rebels.", "Japan prohibited aid to Iran."],
)
def test_banning_aid_stops_it(one_event_of: OneEventOf, text: str) -> None:
    event = one_event_of(text)
    assert (event.type, event.mode, event.cameo) == ("SANCTION", "discontinue", "162")


@pytest.mark.parametrize(
    "text",
    [
        "The British opposition leader asked: How can they fight crime?",
        "The British prime minister insisted he had done no deals.",
        "The British prime minister has sought to reassure Labour backbenchers.",
    ],
)
def test_a_question_an_insisted_fact_or_an_attempt_is_no_request(
    events_of: EventsOf, text: str
) -> None:
    assert all(e.type != "REQUEST" for e in events_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Iraq asked the UN for help.",
        "Iran asked the IAEA to send inspectors.",
        "Iran insisted on its right to enrich uranium.",
        "Russia insisted that Ukraine must withdraw its troops.",
        "Iran sought talks with the EU.",
    ],
)
def test_asking_insisting_on_or_seeking_something_is_a_request(
    events_of: EventsOf, text: str
) -> None:
    assert "REQUEST" in {e.type for e in events_of(text)}


def test_sanctioning_someone_is_a_sanction_sanctioning_an_act_authorises_it(
    one_event_of: OneEventOf,
    events_of: EventsOf,
) -> None:
    event = one_event_of("The US sanctioned three Russian officials.")
    assert (event.type, event.cameo) == ("SANCTION", "163")
    assert one_event_of("Iran was sanctioned by the EU.").type == "SANCTION"
    assert events_of("A UN resolution sanctioning military action against Iraq.") == []


def test_amassing_is_mobilising_only_troops(one_event_of: OneEventOf, events_of: EventsOf) -> None:
    assert one_event_of("Russia amassed troops on the Ukrainian border.").type == "MOBILIZE"
    assert events_of("The US president amassed 1,330 delegates.") == []


def test_declining_is_rejecting_only_something_offered_or_asked(
    one_event_of: OneEventOf, events_of: EventsOf
) -> None:
    assert events_of("U.K. money market rates declined again this morning.") == []
    assert one_event_of("Syria declined the UN request for access.").type == "REJECT"
    assert one_event_of("Israel declined the Egyptian proposal.").type == "REJECT"


def test_banning_someone_restricts_them_banning_a_thing_is_no_event(
    one_event_of: OneEventOf, events_of: EventsOf
) -> None:
    event = one_event_of("Egypt banned the Muslim Brotherhood.")
    assert (event.type, event.cameo) == ("COERCE", "172")
    text = "The British Foreign Office decided to ban camera phones from its buildings."
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Israel closed the Gaza crossings after the rocket attack.",
        "Egypt sealed the Rafah crossing.",
    ],
)
def test_closing_crossings_restricts_movement(one_event_of: OneEventOf, text: str) -> None:
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("COERCE", "191")


def test_putting_forces_on_alert_is_mobilizing_them(one_event_of: OneEventOf) -> None:
    event = one_event_of("The Serbian president put the army on high alert.")
    assert (event.type, event.recipients) == ("MOBILIZE", ())  # the army is its own
    assert one_event_of("Russia placed its nuclear forces on high alert.").type == "MOBILIZE"


@pytest.mark.parametrize(
    ("text", "plover_type", "cameo", "sides"),
    [
        # CAMEO 081: shortening a curfew eases it, as the PLOVER gold codes "shortened curfew"
        ("Algeria shortened the curfew in Algiers.", "CONCEDE", "081", ["DZA->DZAGOV"]),
        # CAMEO 0831: handing power over is giving it up
        (
            "Chile's military junta handed power to an elected civilian government.",
            "RETREAT",
            "0831",
            ["CHLMIL->CHLGOV"],
        ),
        # CAMEO 071: debt relief is economic aid ("forgave": the model's lemma of the past)
        ("Washington forgave $7 billion of Egypt's debt.", "AID", "071", ["USAGOV->EGY"]),
        # CAMEO 073: doctors sent are the sender's, the place they go to receives them
        ("Cuba sent 500 doctors to Venezuela.", "AID", "073", ["CUB->VEN"]),
        (
            "Italy sent doctors and medicine to the earthquake zone in Turkey.",
            "AID",
            "073",
            ["ITA->TUR"],
        ),
        # CAMEO 071: money given is economic aid; 073: shelter is humanitarian aid
        ("Britain gave Jordan 20 million pounds.", "AID", "071", ["GBR->JOR"]),
        ("Iran gave shelter to thousands of Iraqi refugees.", "AID", "073", ["IRN->IRQREF"]),
        # CAMEO 0842: handing over control of a place returns it
        (
            "Israel handed control of Jericho to the Palestinian Authority.",
            "RETREAT",
            "0842",
            ["ISR->PSEGOV"],
        ),
        # CAMEO 087: suspending air strikes de-escalates; a labour strike suspended is 082
        ("NATO suspended its air strikes against Serbia.", "RETREAT", "087", ["IGO->SRB"]),
        ("Polish miners suspended their strike.", "CONCEDE", "082", []),
        # CAMEO 091: summoning someone for questioning investigates (an ambassador: 114)
        (
            "Spanish judges summoned the former minister for questioning.",
            "ACCUSE",
            "091",
            ["ESPJUD->ESPELI"],
        ),
        # CAMEO 091: a search of offices or homes investigates a crime
        ("Italian police searched the offices of the Socialist Party.", "ACCUSE", "091", []),
        # CAMEO 061: resuming trade is economic cooperation, between both
        (
            "China and Taiwan resumed direct trade links on Monday.",
            "COOPERATE",
            "061",
            ["CHN->TWN", "TWN->CHN"],
        ),
        # CAMEO 063: handing suspects over is judicial cooperation (who is handed over is a
        # recipient too, as the gold sets code extraditions)
        (
            "Pakistan handed over two al Qaeda suspects to the United States.",
            "COOPERATE",
            "063",
            ["PAK->IMGREB", "PAK->USA"],
        ),
        # CAMEO 062: a joint operation of two states is military cooperation
        (
            "The United States and Mexico launched a joint operation against drug cartels.",
            "COOPERATE",
            "062",
            ["USA->MEX", "MEX->USA"],
        ),
    ],
)
def test_rows_of_concession_aid_and_cooperation(
    events_of: EventsOf, text: str, plover_type: str, cameo: str, sides: list[str]
) -> None:
    found = [e for e in events_of(text) if e.type == plover_type]
    assert [e.cameo for e in found] == [cameo]
    assert sorted(
        f"{a.code}->{r.code}"
        for a in found[0].actors
        for r in found[0].recipients
        if a.code != r.code
    ) == sorted(sides)
