"""The engine's guards: an article over a limit, or coded too slowly, becomes a Failure."""

from __future__ import annotations

import pytest

from eventwire.engine import Engine, process_batch
from eventwire.errors import ArticleTooLongError, CodingTimeoutError, SentenceTooLongError
from eventwire.guards import GuardOptions
from eventwire.ingest import read_article_text
from eventwire.records import CodedArticle, Failure

TEXT = "date 2021-03-18\nNorth Korea rejected the offer. Iran said it would talk to Iraq.\n"


def test_guard_failures_keep_their_place_and_the_batch_goes_on(engine: Engine) -> None:
    guarded = engine.with_guards(GuardOptions(max_chars=100))
    short = read_article_text(TEXT, source="short.txt")
    long = read_article_text(TEXT + "Talks resumed. " * 10, source="long.txt")
    results = list(process_batch(guarded, [long, short]))
    assert [type(r) for r in results] == [Failure, CodedArticle]
    failure = results[0]
    assert isinstance(failure, Failure)
    assert (failure.code, failure.stage, failure.article_id) == ("E108", "guard", long.id)
    assert "over the limit of 100" in failure.message


def test_a_long_sentence_is_refused_before_parsing(engine: Engine) -> None:
    guarded = engine.with_guards(GuardOptions(max_sentence_tokens=50))
    article = read_article_text("date 2021-03-18\n" + "word " * 60, source="run.txt")
    (failure,) = process_batch(guarded, [article])
    assert isinstance(failure, Failure) and failure.code == SentenceTooLongError.code
    with pytest.raises(SentenceTooLongError):
        guarded.code_article(article)


def test_coding_past_the_deadline_is_a_failure(engine: Engine) -> None:
    hurried = engine.with_guards(GuardOptions(coding_seconds=1e-9))
    article = read_article_text(TEXT, source="slow.txt")
    (failure,) = process_batch(hurried, [article])
    assert isinstance(failure, Failure)
    assert (failure.code, failure.stage) == (CodingTimeoutError.code, "coding")
    assert "raise GuardOptions.coding_seconds" in failure.message
    with pytest.raises(CodingTimeoutError):
        hurried.code_article(article)


def test_load_lets_spacy_take_the_guard_length() -> None:
    assert ArticleTooLongError.code == "E108"
    engine = Engine.load(guards=GuardOptions(max_chars=3_000_000))
    assert engine.nlp.max_length >= 3_000_000
    assert engine.guards.max_chars == 3_000_000
