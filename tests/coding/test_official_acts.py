"""Official acts in the passive with no agent are the authorities' of the place where they
happened (coding/official_acts.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.engine import Engine
from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        ("Two journalists were arrested in Cairo.", "COERCE", "EGYCOP", "EGY"),
        ("A US national has been put under investigation in Italy.", "ACCUSE", "ITAGOV", "USA"),
        ("A US national has been put under investigation in Italy for her role in the riots.",
         "ACCUSE", "ITAGOV", "USA"),
        ("A German citizen was placed under arrest in Moscow for his role in the protests.",
         "COERCE", "RUSCOP", "DEU"),
        ("A British journalist was charged in Germany with spying.", "ACCUSE", "DEUJUD", "GBR"),
        ("An American student was sentenced to ten years in prison in Iran.", "SANCTION",
         "IRNJUD", "USA"),
    ],
)  # fmt: skip
def test_the_authorities_of_the_place_act(
    events_of: EventsOf, text: str, event_type: str, actor: str, recipient: str
) -> None:
    events = events_of(text)
    assert [e.type for e in events] == [event_type], [(e.type, e.trigger.text) for e in events]
    event = events[0]
    assert [a.code for a in event.actors] == [actor]
    assert {a.country for a in event.recipients} == {recipient}
    assert event.actors[0].confidence <= 0.5
    assert "authorities" in event.explanation.rule


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        ("A Nigerian man was deported from Germany.", "COERCE", "DEUGOV", "NGA"),
        ("Two Iranian diplomats were expelled from Kenya.", "SANCTION", "KENGOV", "IRN"),
    ],
)
def test_expelled_from_a_place_is_by_its_authorities(
    events_of: EventsOf, text: str, event_type: str, actor: str, recipient: str
) -> None:
    events = events_of(text)
    assert [(e.type, [a.code for a in e.actors]) for e in events] == [(event_type, [actor])]
    assert {a.country for a in events[0].recipients} == {recipient}


def test_a_named_agent_is_the_actor(events_of: EventsOf) -> None:
    events = events_of("Two journalists were arrested by Egyptian police in Cairo.")
    assert [a.code for e in events for a in e.actors] == ["EGYCOP"]
    assert all("authorities" not in e.explanation.rule for e in events)


def test_without_a_place_it_is_not_the_persons_own_country(events_of: EventsOf) -> None:
    events = events_of("A US national has been arrested.")
    assert all(a.country != "USA" for e in events for a in e.actors)


def test_criticism_in_the_passive_is_not_an_official_act(events_of: EventsOf) -> None:
    events = events_of("The British ambassador was criticised in Iran.")
    assert all("authorities" not in e.explanation.rule for e in events)


def test_without_place_or_dateline_the_country_the_article_is_about_acts(
    engine: Engine,
) -> None:
    story = (
        "Britain's prime minister faces a revolt over the Iraq war.\n"
        "Labour MPs in London said the vote would be close.\n"
        "Three men were arrested on Tuesday.\n"
        "The opposition in Britain denied it had changed its view.\n"
    )
    events = engine.code_text(story, day=date(2005, 1, 10)).events
    (arrest,) = [e for e in events if e.trigger.text == "arrested"]
    assert [a.code for a in arrest.actors] == ["GBRCOP"]
