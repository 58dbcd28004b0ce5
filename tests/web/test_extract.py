"""Pages to Articles: boilerplate left out, metadata kept, text offsets valid for evidence."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import MissingDateError, NoArticleTextError
from eventwire.ingest.ids import article_id, make_source_key
from eventwire.web.articles import PageHints
from eventwire.web.extract import extract_article

URL = "https://wire.example/news/border-talks.html"


def test_main_text_and_metadata_without_boilerplate(pages) -> None:
    article = extract_article(pages["border-talks"], url=URL, source=URL)
    assert article.text.startswith("GENEVA (Loopback Wire) - Armenia and Azerbaijan agreed")
    assert "Russia criticized the talks" in article.text
    for boilerplate in ("ADVERTISEMENT", "reader42", "Markets fall", "Privacy", "Sport"):
        assert boilerplate not in article.text
    assert article.title == "Armenia and Azerbaijan agree to resume border talks"
    assert article.byline == "Maria Lopez"
    assert article.agency == "Loopback Wire"
    assert article.published == date(2024, 5, 16)
    assert article.url == URL and article.source == URL
    assert article.id == article_id(make_source_key(url=URL), article.text)


def test_a_saved_page_takes_its_url_from_the_canonical_link(canonical_page) -> None:
    article = extract_article(canonical_page, url=None, source="saved/drone.html")
    assert article.url == "https://wire.example/drone.html"
    assert article.source == "saved/drone.html"
    assert article.published == date(2023, 11, 9)


def test_a_page_without_article_text_is_refused_with_the_reason(pages) -> None:
    with pytest.raises(NoArticleTextError) as caught:
        extract_article(pages["index"], url=URL, source=URL)
    assert URL in str(caught.value) and "no article text" in str(caught.value)
    assert caught.value.code == "E117"


def test_hints_win_and_a_missing_date_needs_a_default(pages) -> None:
    undated = "\n".join(
        line for line in pages["border-talks"].splitlines() if "published_time" not in line
    )
    with pytest.raises(MissingDateError, match="--date"):
        extract_article(undated, url="https://wire.example/undated", source="undated.html")
    hinted = extract_article(
        pages["border-talks"],
        url=URL,
        source=URL,
        hints=PageHints(published=date(2024, 5, 17), author="Desk", agency="Feed Agency"),
    )
    assert hinted.published == date(2024, 5, 17)
    assert (hinted.byline, hinted.agency) == ("Desk", "Feed Agency")
    fallback = extract_article(
        undated, url=None, source="u.html", hints=PageHints(default_date=date(2024, 1, 2))
    )
    assert fallback.published == date(2024, 1, 2)


def test_evidence_offsets_index_the_extracted_text(engine, pages) -> None:
    article = extract_article(pages["drone-sanctions"], url=URL, source=URL)
    coded = engine.code_article(article)
    assert coded.events
    for event in coded.events:
        trigger = event.trigger
        assert article.text[trigger.start : trigger.end] == trigger.text
        sentence = event.sentence
        assert article.text[sentence.start : sentence.end] == sentence.text
