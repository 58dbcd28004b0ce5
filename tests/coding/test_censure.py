"""Calling something wrong is criticising it (coding/censure.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedEvent

EventsOf = Callable[[str], list[CodedEvent]]
OneEventOf = Callable[[str], CodedEvent]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("China called the US arms sales a violation of Chinese sovereignty.", "CHN", "USA"),
        ("The French president called the British rebate unjustified.", "FRA", "GBR"),
        ("The Indian foreign ministry described Pakistan's decision as illegal.", "IND", "PAK"),
        ("Russia termed the American sanctions illegal.", "RUS", "USA"),
        ("Greece called the Turkish decision unjust and unlawful.", "GRC", "TUR"),
        # saying that it is so
        ("Iran said the American sanctions were illegal.", "IRN", "USA"),
        (
            "The Syrian envoy said the Israeli action was a violation of the UN Charter.",
            "SYR",
            "ISR",
        ),
    ],
)
def test_calling_an_act_a_word_of_blame_is_criticism(
    one_event_of: OneEventOf, text: str, actor: str, recipient: str
) -> None:
    event = one_event_of(text)
    assert (event.type, event.cameo) == ("ACCUSE", "111")
    assert {a.country for a in event.actors} == {actor}
    assert {r.country for r in event.recipients} == {recipient}


def test_the_recipient_is_what_was_called_not_whom_the_blame_names(
    one_event_of: OneEventOf,
) -> None:
    event = one_event_of("Ankara called the resolution an insult to the Turkish nation.")
    assert event.type == "ACCUSE" and event.recipients == ()
    event = one_event_of("Moscow called it a provocation.")
    assert event.type == "ACCUSE" and event.recipients == ()


@pytest.mark.parametrize(
    "text",
    [
        "Russian officials called the situation dangerous.",  # blames no one
        "The US president called the Japanese prime minister a friend.",  # no blame
        "The Chinese foreign minister called the talks with Russia constructive.",
    ],
)
def test_no_blame_or_nothing_blamable_is_no_criticism(events_of: EventsOf, text: str) -> None:
    assert "ACCUSE" not in {e.type for e in events_of(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The British minister said his comments were not racist.",
        "The British minister said the remarks may have been offensive.",
        "The British minister said it would be unacceptable for Iran to close the strait.",
        "The British minister said the situation was dangerous.",
    ],
)
def test_saying_something_is_not_wrong_or_might_be_blames_no_one(
    events_of: EventsOf, text: str
) -> None:
    assert not [e for e in events_of(text) if e.type == "ACCUSE"]
