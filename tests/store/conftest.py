"""Hand-built coded articles for the store tests: two articles, compound actors, a quote."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from eventwire.records import (
    Actor,
    Article,
    CodedArticle,
    CodedEvent,
    DateInterval,
    Explanation,
    Failure,
    Mention,
    Modality,
    Place,
    Quote,
    Span,
)
from eventwire.store import Store, open_store

TEXT_A = (
    "Leaders of the United States and France met Chinese officials in Beijing on Monday. "
    'China accused Washington of meddling, and "We will not be bullied," Wang Yi said. '
    "The United States will impose sanctions on China next week."
)
TEXT_B = (
    "Russia did not shell Ukrainian positions in February, the ministry said. "
    "Protesters gathered outside parliament."
)


def span(text: str, needle: str, start: int = 0) -> Span:
    """The span of the first ``needle`` in ``text`` at or after ``start``."""
    at = text.index(needle, start)
    return Span(at, at + len(needle), needle)


def sentence(text: str, index: int) -> Span:
    """The ``index``-th sentence of the fixture text (sentences end in '. ')."""
    starts = [0]
    for i, char in enumerate(text):
        if char == "." and text[i + 1 : i + 2] == " ":
            starts.append(i + 2)
    starts.append(len(text) + 1)
    start, end = starts[index], starts[index + 1] - 1
    return Span(start, end, text[start:end])


def actor(text: str, needle: str, country: str | None, *sectors: str, name: str = "") -> Actor:
    return Actor(
        text=needle,
        country=country,
        sectors=sectors,
        span=span(text, needle),
        name=name or None,
        role="leader" if "GOV" in sectors else None,
        evidence=f"gazetteer:{needle.lower()}",
        confidence=0.9,
    )


def event(
    *,
    eid: str,
    article_id: str,
    text: str,
    type_: str,
    cameo: str,
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    when: DateInterval | None,
    modality: Modality,
    trigger: str,
    sentence_index: int,
    quote: Quote | None = None,
    location: Place | None = None,
) -> CodedEvent:
    return CodedEvent(
        id=eid,
        article_id=article_id,
        type=type_,
        mode=None,
        contexts=("diplomacy",),
        cameo=cameo,
        score=-2.0 if type_ == "ACCUSE" else 3.0,
        goldstein=-2.0 if type_ == "ACCUSE" else 3.0,
        quad_class=3 if type_ == "ACCUSE" else 1,
        actors=actors,
        recipients=recipients,
        date=when,
        modality=modality,
        trigger=span(text, trigger),
        sentence_index=sentence_index,
        sentence=sentence(text, sentence_index),
        confidence=0.8,
        explanation=Explanation(
            lexicon_entry=f"{type_.lower()}:{trigger}",
            rule="svo",
            actor_evidence=tuple(a.evidence for a in actors),
            modality_cue="did not" if modality is Modality.NEGATED else None,
            date_rule="weekday",
        ),
        location=location,
        quote=quote,
        coder_version="0.1.0",
        lexicon_version="lex-1",
    )


def _article_a() -> CodedArticle:
    t = TEXT_A
    usa = actor(t, "United States", "USA", "GOV")
    fra = actor(t, "France", "FRA", "GOV")
    chn = actor(t, "Chinese officials", "CHN", "GOV")
    wang = actor(t, "Wang Yi", "CHN", "GOV", name="Wang Yi")
    quote = Quote(
        "a1", 1, span(t, '"We will not be bullied,"'), speaker=wang, speaker_text="Wang Yi"
    )
    monday = DateInterval(date(2024, 3, 4), date(2024, 3, 4), "on Monday", span(t, "on Monday"))
    events = (
        event(
            eid="a1-e1",
            article_id="a1",
            text=t,
            type_="CONSULT",
            cameo="040",
            actors=(usa, fra),  # compound actor
            recipients=(chn,),
            when=monday,
            modality=Modality.ASSERTED,
            trigger="met",
            sentence_index=0,
            location=Place("Beijing", "CHN", span(t, "Beijing")),
        ),
        event(
            eid="a1-e2",
            article_id="a1",
            text=t,
            type_="ACCUSE",
            cameo="112",
            actors=(actor(t, "China", "CHN"),),
            recipients=(actor(t, "Washington", "USA", "GOV"),),
            when=DateInterval(date(2024, 3, 5), date(2024, 3, 5)),
            modality=Modality.REPORTED,
            trigger="accused",
            sentence_index=1,
            quote=quote,
        ),
        event(
            eid="a1-e3",
            article_id="a1",
            text=t,
            type_="COERCE",
            cameo="163",
            actors=(actor(t, "The United States", "USA", "GOV"),),
            recipients=(actor(t, "China next week", "CHN"),),
            when=DateInterval(date(2024, 3, 11), date(2024, 3, 17), "next week"),
            modality=Modality.FUTURE,
            trigger="impose sanctions",
            sentence_index=2,
        ),
    )
    article = Article(
        id="a1",
        text=t,
        source="fixtures/a1.txt",
        published=date(2024, 3, 5),
        url="https://example.org/a1",
        title="Leaders meet in Beijing",
        byline="By A. Writer",
        agency="XNA",
        dateline="BEIJING",
        external_id="ext-1",
        body_offset=42,
    )
    return CodedArticle(
        article=article,
        events=events,
        mentions=(
            Mention("a1", 0, usa.span or span(t, "United States"), usa),
            Mention("a1", 0, fra.span or span(t, "France"), fra),
            Mention("a1", 1, wang.span or span(t, "Wang Yi"), wang),
        ),
        quotes=(quote,),
        dates=(monday,),
    )


def _article_b() -> CodedArticle:
    t = TEXT_B
    rus = actor(t, "Russia", "RUS", "MIL")
    events = (
        event(
            eid="b1-e1",
            article_id="b1",
            text=t,
            type_="ASSAULT",
            cameo="190",
            actors=(rus,),
            recipients=(actor(t, "Ukrainian positions", "UKR", "MIL"),),
            when=DateInterval(date(2024, 2, 1), date(2024, 2, 29), "in February"),
            modality=Modality.NEGATED,
            trigger="shell",
            sentence_index=0,
        ),
        event(
            eid="b1-e2",
            article_id="b1",
            text=t,
            type_="PROTEST",
            cameo="140",
            actors=(actor(t, "Protesters", None, "CVL"),),  # unresolved country
            recipients=(),
            when=DateInterval(date(2024, 2, 20), date(2024, 2, 20)),
            modality=Modality.ASSERTED,
            trigger="gathered",
            sentence_index=1,
        ),
    )
    article = Article(id="b1", text=t, source="fixtures/b1.txt", published=date(2024, 2, 20))
    return CodedArticle(
        article=article, events=events, mentions=(Mention("b1", 0, span(t, "Russia"), rus),)
    )


@pytest.fixture
def article_a() -> CodedArticle:
    return _article_a()


@pytest.fixture
def article_b() -> CodedArticle:
    return _article_b()


@pytest.fixture
def failure() -> Failure:
    return Failure(
        source="fixtures/broken.txt",
        stage="ingest",
        code="E103",
        message="cannot decode the file as UTF-8; re-save it as UTF-8",
        excerpt="\ufffd\ufffd",
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as st:
        yield st


@pytest.fixture
def run_id(store: Store) -> str:
    return store.start_run(command="code fixtures", coder_version="0.1.0", lexicon_version="lex-1")


@pytest.fixture
def filled(store: Store, run_id: str, article_a: CodedArticle, article_b: CodedArticle) -> Store:
    """A store holding both articles and the failure-free run that wrote them."""
    store.write_articles([article_a, article_b], run_id=run_id)
    return store
