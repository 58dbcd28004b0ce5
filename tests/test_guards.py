"""Per-article guards: size limits before parsing, a deadline while coding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import ArticleTooLongError, CodingTimeoutError, SentenceTooLongError
from eventwire.guards import Deadline, GuardOptions, check_article, longest_sentence_tokens
from eventwire.records import Article


def _article(text: str) -> Article:
    return Article(id="a1", text=text, source="in.txt", published=None)


def test_tokens_are_counted_between_sentence_breaks() -> None:
    assert longest_sentence_tokens("") == 0
    assert longest_sentence_tokens("Iran said no. Iraq, too, said no!") == 7
    assert longest_sentence_tokens("one two\nthree four five\nsix") == 3
    assert longest_sentence_tokens('He said "no." Then left') == 4


@given(st.lists(st.sampled_from(["word", ",", "x.y", "Iran"]), max_size=60))
def test_a_text_without_breaks_counts_at_least_its_words(words: list[str]) -> None:
    text = " ".join(words)
    assert longest_sentence_tokens(text) >= len(text.split())


def test_an_article_over_the_character_limit_is_refused() -> None:
    with pytest.raises(ArticleTooLongError, match=r"11 characters, over the limit of 10; split"):
        check_article(_article("Iran spoke."), GuardOptions(max_chars=10))
    check_article(_article("Iran spoke"), GuardOptions(max_chars=10))


def test_a_sentence_over_the_token_limit_is_refused() -> None:
    options = GuardOptions(max_sentence_tokens=5)
    check_article(_article("Iran said it would talk. Iraq agreed to it."), options)
    with pytest.raises(SentenceTooLongError, match=r"about 7 tokens .* limit of 5; add sentence"):
        check_article(_article("Iran said it would talk to Iraq"), options)


def test_a_hard_wrapped_text_is_measured_as_it_is_parsed() -> None:
    # lines joined into paragraphs before parsing: a wrapped table is one long run of words
    row = "Iran Iraq Syria Jordan Egypt Libya Sudan Chad Niger Mali"
    options = GuardOptions(max_sentence_tokens=30)
    check_article(_article("\n".join([row] * 6)[:25]), options)
    with pytest.raises(SentenceTooLongError, match=r"about 60 tokens"):
        check_article(_article("\n".join([row] * 6)), options)


@pytest.mark.parametrize(
    "values",
    [{"max_chars": 0}, {"max_sentence_tokens": -1}, {"coding_seconds": 0.0}],
)
def test_limits_must_be_positive(values: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="guard limits must be positive"):
        GuardOptions(**values)  # type: ignore[arg-type]


def test_a_deadline_raises_once_its_clock_passes_it() -> None:
    now = [100.0]
    deadline = Deadline.start(5.0, clock=lambda: now[0])
    deadline.check("a1", done=3, total=10)
    now[0] = 105.0
    with pytest.raises(CodingTimeoutError, match=r"longer than 5 s \(stopped at token 3 of 10\)"):
        deadline.check("a1", done=3, total=10)
    assert CodingTimeoutError.code == "E601"
