from __future__ import annotations

from datetime import date

from eventwire.engine import Engine
from eventwire.nlp.components import ACTORS_KEY, DATES_KEY
from eventwire.nlp.pipeline import make_doc, parse_articles
from eventwire.records import Article


def _article(text: str, day: date | None = date(2021, 3, 18)) -> Article:
    return Article(id="t", text=text, source="t", published=day)


def test_dateline_is_left_out_of_the_parse(engine: Engine) -> None:
    article = _article("SEOUL, South Korea North Korea said Thursday it would talk.")
    doc = make_doc(engine.nlp, article)
    assert doc.text.startswith("North Korea said")
    assert article.text[doc._.ew_offset :] == doc.text


def test_line_breaks_start_sentences(engine: Engine) -> None:
    doc = engine.nlp(make_doc(engine.nlp, _article("Talks ended\nIran rejected the offer.")))
    starts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert starts == ["Talks ended", "Iran rejected the offer."]


def test_dates_are_resolved_against_the_article_date(engine: Engine) -> None:
    doc = engine.nlp(make_doc(engine.nlp, _article("Iran said on Wednesday it met Iraq.")))
    (span,) = doc.spans[DATES_KEY]
    assert span._.ew_interval.earliest == date(2021, 3, 17)


def test_no_anchor_means_no_resolved_dates(engine: Engine) -> None:
    doc = engine.nlp(make_doc(engine.nlp, _article("Iran said on Wednesday it met Iraq.", None)))
    assert list(doc.spans[DATES_KEY]) == []


def test_actor_spans_are_case_sensitive(engine: Engine) -> None:
    doc = engine.nlp(make_doc(engine.nlp, _article("The US told us nothing.")))
    assert [s.text for s in doc.spans[ACTORS_KEY]] == ["US"]


def test_parse_articles_keeps_order_and_pairs(engine: Engine) -> None:
    articles = [_article(f"Iran met Iraq {n} times.") for n in range(5)]
    pairs = list(parse_articles(engine.nlp, articles, batch_size=2))
    assert [a for _, a in pairs] == articles
    assert all(str(n) in doc.text for n, (doc, _) in enumerate(pairs))


def _actor_spans(engine: Engine, text: str) -> list[tuple[str, str]]:
    doc = engine.nlp(make_doc(engine.nlp, _article(text)))
    return [(s.text, s.kb_id_.partition(":")[2]) for s in doc.spans[ACTORS_KEY]]


def test_misspelt_and_miscased_countries_are_actors(engine: Engine) -> None:
    assert ("Quatar", "Qatar") in _actor_spans(engine, "Quatar's emir met Saudi Arabia.")
    assert ("Phillippines", "Philippines") in _actor_spans(
        engine, "Both the Phillippines military and the rebels fought."
    )
    assert ("iSrael", "Israel") in _actor_spans(engine, "The US wants to help iSrael.")
    assert ("ISRAEL", "Israel") in _actor_spans(engine, "Officials in ISRAEL rejected it.")
    assert ("tunisian", "Tunisian") in _actor_spans(
        engine, "Syrian forces clashed with tunisian rioters."
    )


def test_words_that_only_look_like_countries_are_not_actors(engine: Engine) -> None:
    for text in (
        "Prices rose as turkey farmers protested.",  # lower-case country name: the word
        "The Columbia Gas Systems Inc said it would sell.",  # a name of its own
        "The award went to Dominic Cooper.",  # part of a person's name
        "Heaven Help Us All won the prize.",  # title case
        "The company is in Siberian waters.",  # a slip never changes the first letter
        "Hungry protesters marched on Monday.",  # a word first in its sentence
        "Police arrested two men in Granada.",  # a place of its own
    ):
        assert _actor_spans(engine, text) == [], text


def test_a_misspelt_country_is_coded_with_its_spelling_as_evidence(engine: Engine) -> None:
    (event,) = engine.code_text("Isreal attacked Gaza on Monday.", day=date(2021, 3, 18)).events
    (actor,) = event.actors
    assert actor.country == "ISR"
    assert "written 'Isreal'" in actor.evidence
    assert actor.confidence < 1
