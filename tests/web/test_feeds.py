"""RSS and Atom feeds: items to articles, item dates, summary-only items read from their pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import FeedFormatError
from eventwire.records import Article, Failure
from eventwire.web.articles import PageHints
from eventwire.web.feeds import PageMode, item_articles, looks_like_feed, parse_feed
from eventwire.web.fetch import Fetcher


def _feed(site, fetcher, path):
    page = fetcher.fetch(site.url(path))
    return parse_feed(page.body, source=site.url(path), url=site.url(path))


def test_summary_only_items_are_read_from_their_pages(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher:
        feed = _feed(site, fetcher, "/feeds/world.rss")
        results = list(item_articles(feed, fetcher=lambda: fetcher))
    assert feed.title == "Loopback Wire - World"
    by_source = {r.source: r for r in results}
    assert len(results) == len(feed.items) == 8
    talks = by_source[site.url("/news/border-talks.html")]
    assert isinstance(talks, Article)
    assert talks.url == site.url("/news/border-talks.html")
    assert talks.published == date(2024, 5, 16)
    assert talks.byline == "Maria Lopez" and talks.agency == "Loopback Wire"
    assert talks.text.startswith("GENEVA (Loopback Wire)")
    assert "Read the full story" not in talks.text
    expected = {
        "/news/gone.html": ("fetch", "E111", "HTTP 404"),
        "/private/embargoed.html": ("fetch", "E116", "robots.txt"),
        "/slow.html": ("fetch", "E112", "timeout"),
        "/huge.html": ("fetch", "E115", "over the limit"),
        "/loop/a": ("fetch", "E114", "redirect loop"),
        "/index.html": ("extract", "E117", "no article text"),
    }
    for path, (stage, code, reason) in expected.items():
        failure = by_source[site.url(path)]
        assert isinstance(failure, Failure), path
        assert (failure.stage, failure.code) == (stage, code), failure
        assert site.url(path) in failure.message and reason in failure.message


def test_full_text_items_come_from_the_feed_with_their_local_date(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher:
        feed = _feed(site, fetcher, "/feeds/features.atom")
        results = list(item_articles(feed, fetcher=lambda: fetcher))
    assert all(isinstance(r, Article) for r in results)
    articles = {r.url: r for r in results if isinstance(r, Article)}
    pact = articles[site.url("/features/defence-pact.html")]
    assert pact.published == date(2024, 3, 14)  # 23:15 at UTC-5, not the UTC date
    assert pact.text.startswith("BERLIN (Loopback Wire) - Germany and France signed")
    assert pact.title == "Germany and France sign defence agreement"
    assert pact.byline == "Loopback Wire staff"
    assert pact.agency == "Loopback Wire - Features"
    assert not [path for path, _ in site.requests if path.startswith("/features/")]


def test_page_modes_and_skipping(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher:
        feed = _feed(site, fetcher, "/feeds/world.rss")
        summaries = list(item_articles(feed, fetcher=lambda: fetcher, mode=PageMode.NEVER))
        wanted = site.url("/news/drone-sanctions.html")
        only = list(
            item_articles(
                feed,
                fetcher=lambda: fetcher,
                skip=lambda item: item.link != wanted,
                hints=PageHints(agency="Desk"),
            )
        )
    assert all(isinstance(r, Article) for r in summaries)
    assert summaries[0].text.endswith("Read the full story on our site.")
    assert site.hits("/news/border-talks.html") == 0
    assert [r.source for r in only] == [wanted]
    assert isinstance(only[0], Article) and only[0].agency == "Desk"


def test_bytes_that_are_not_a_feed_are_refused(pages) -> None:
    assert not looks_like_feed(pages["border-talks"].encode(), "text/html")
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>')
    assert looks_like_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>")
    assert looks_like_feed(b"", "application/atom+xml")
    with pytest.raises(FeedFormatError, match="not an RSS or Atom feed"):
        parse_feed(b"just some words, no markup", source="notes.xml")


def _rss(stamp: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>x</title><link>http://127.0.0.1/x</link><pubDate>{stamp}</pubDate>"
        "</item></channel></rss>"
    ).encode()


def _atom(stamp: str) -> bytes:
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f'<entry><title>x</title><link href="http://127.0.0.1/x"/><id>x</id>'
        f"<published>{stamp}</published></entry></feed>"
    ).encode()


moments = st.builds(
    lambda naive, minutes: naive.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)


@settings(max_examples=60, deadline=None)
@given(moments)
def test_an_item_date_is_the_date_as_written(moment: datetime) -> None:
    rss = parse_feed(_rss(format_datetime(moment)), source="f.rss")
    atom = parse_feed(_atom(moment.isoformat()), source="f.atom")
    assert rss.items[0].published == moment.date()
    assert atom.items[0].published == moment.date()


@settings(max_examples=40, deadline=None)
@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)))
def test_utc_item_dates(moment: datetime) -> None:
    stamp = moment.replace(microsecond=0, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert parse_feed(_atom(stamp), source="f.atom").items[0].published == moment.date()


def test_items_without_a_link_use_the_feed_text_or_fail() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        b"<item><title>Short</title><pubDate>Thu, 16 May 2024 08:00:00 +0000</pubDate>"
        b"<description>Germany recalled its ambassador from Iran.</description></item>"
        b"<item><title>Empty</title><pubDate>Thu, 16 May 2024 08:00:00 +0000</pubDate></item>"
        b"</channel></rss>"
    )
    feed = parse_feed(data, source="desk.rss")

    def no_fetcher() -> Fetcher:
        raise AssertionError("nothing may be fetched for items without a link")

    short, empty = item_articles(feed, fetcher=no_fetcher)
    assert isinstance(short, Article) and short.text == "Germany recalled its ambassador from Iran."
    assert short.source == "desk.rss#item1" and short.url is None and short.agency == "Desk"
    assert isinstance(empty, Failure) and empty.stage == "feed" and empty.code == "E101"
