"""A sports story is no political news (coding/sport.py)."""

from __future__ import annotations

from datetime import date

from eventwire.coding.sport import sports_story
from eventwire.engine import Engine

MATCH_REPORT = (
    "Liverpool manager Rafael Benitez has ordered captain Steven Gerrard not to play down "
    "their Champions League ambitions. The club rejected a third bid from Chelsea for the "
    "midfielder, and the striker scored twice as the team won the cup tie. The coach praised "
    "the players and the fans after the match, saying the squad could win the league this "
    "season. Real Madrid are closing in on a deal for the Everton player, and the goalkeeper "
    "will miss the next two games of the tournament."
)
POLITICAL_STORY = (
    "Iran rejected a proposal by the European Union to suspend uranium enrichment, the "
    "foreign ministry in Tehran said on Sunday. The United States accused Iran of building "
    "nuclear weapons and urged the Security Council to impose sanctions. Russia and China "
    "called for more talks and said they would oppose any resolution threatening force. "
    "Israel warned that it would strike nuclear sites if diplomacy failed, while the "
    "International Atomic Energy Agency said its inspectors would return next week."
)


def test_a_match_report_is_a_sports_story(engine: Engine) -> None:
    assert sports_story(engine.nlp(MATCH_REPORT))
    assert engine.code_text(MATCH_REPORT, day=date(2005, 1, 1)).events == ()


def test_political_news_is_no_sports_story(engine: Engine) -> None:
    assert not sports_story(engine.nlp(POLITICAL_STORY))
    assert engine.code_text(POLITICAL_STORY, day=date(2006, 1, 1)).events


def test_a_sentence_alone_is_never_a_sports_story(engine: Engine) -> None:
    text = "The football club's fans attacked Serbian police after the cup match in Belgrade."
    assert not sports_story(engine.nlp(text))
