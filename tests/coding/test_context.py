"""Placing actors known by role by the sentence's context (coding/context.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from eventwire.engine import Engine
from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


def test_foreign_forces_are_not_placed_by_context(events_of: EventsOf) -> None:
    # known by role only: no country, never the recipient's
    for text in (
        "Foreign troops attacked a village in Mali.",
        "European leaders criticised Russia.",
    ):
        (event,) = events_of(text)
        assert [a.country for a in event.actors] == [None], text
    # a title is no foreigner, and "Arab" also names a country's own people
    (meeting,) = events_of("The foreign minister met the Iranian ambassador in Cairo.")
    assert [a.code for a in meeting.actors] == ["EGYGOV"]
    (arrest,) = events_of("Police arrested Arab protesters in Jerusalem.")
    assert [r.code for r in arrest.recipients] == ["ISRCVL"]
    (event,) = events_of("French troops attacked a village in Mali.")
    assert [a.code for a in event.actors] == ["FRAMIL"]


STORY = (
    "Britain's prime minister faces a revolt over the Iraq war.\n"
    "Labour MPs in London said the vote would be close.\n"
    "The government criticised the Conservatives for their stance.\n"
    "The opposition in Britain denied it had changed its view.\n"
)


def test_an_article_without_dateline_places_roles_in_the_country_it_is_about(
    engine: Engine,
) -> None:
    events = engine.code_text(STORY, day=date(2005, 1, 10)).events
    (criticism,) = [e for e in events if e.trigger.text == "criticised"]
    assert [a.code for a in criticism.actors] == ["GBRGOV"]
    assert "the country the article is about" in criticism.actors[0].evidence
    assert criticism.actors[0].confidence == 0.5


def test_a_story_of_two_countries_or_one_sentence_places_no_one(engine: Engine) -> None:
    two = STORY.replace("Labour MPs in London", "French MPs in Paris")  # 3 of 6 British
    for text in (two, "The government criticised the Conservatives for their stance."):
        events = engine.code_text(text, day=date(2005, 1, 10)).events
        assert not [e for e in events if e.trigger.text == "criticised"]
