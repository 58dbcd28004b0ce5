"""Agreeing with a view is no agreement (coding/assent.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]


@pytest.mark.parametrize(
    "text",
    [
        "The British foreign secretary agreed and said the figures were wrong.",
        "The British foreign secretary agreed the law was discriminatory.",
        "The Indian prime minister did not agree with the Pakistani president.",
        "The Chancellor agreed with the Tories that the figures were wrong.",
    ],
)
def test_sharing_a_view_is_no_event(events_of: EventsOf, text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Jordan agreed that talks should resume.",
        "Iran agreed to release the British sailors.",
        "The British government agreed a settlement with Iraq.",
        "Israel and the PLO agreed on a ceasefire.",
        "Iran and Iraq agreed.",
    ],
)
def test_a_deal_is_agreed(events_of: EventsOf, text: str) -> None:
    assert "AGREE" in {e.type for e in events_of(text)}
