"""RSS 2.0 and Atom feeds through feedparser: each item becomes an article.

An item whose feed carries its full text (``content:encoded`` or Atom ``content``) is read from
the feed; an item with only a summary is read from its page, fetched and extracted. The item's
date (published, else updated) is the article's publication date, taken as written in the feed
(the local date of the publisher, not converted to UTC).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any

import feedparser

from eventwire.errors import FeedFormatError, InputError
from eventwire.records import Article, Failure
from eventwire.web.articles import PageHints, WebText, build_article, stripped, web_failure
from eventwire.web.extract import fetch_article
from eventwire.web.fetch import Fetcher
from eventwire.web.html_text import html_to_text

MIN_FULL_TEXT_CHARS = 200
_SNIFF_BYTES = 2048
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_FEED_TYPES = ("rss", "atom", "rdf", "application/xml", "text/xml")


class PageMode(StrEnum):
    """When an item's page is fetched: ``auto`` (only when the feed lacks the full text),
    ``always``, or ``never`` (the feed's content or summary is the text)."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed."""

    link: str | None
    guid: str | None
    title: str | None
    author: str | None
    published: date | None
    content_html: str | None  # the full text, when the feed carries it
    summary_html: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: where it came from, its title and site link, and its items in order."""

    source: str
    title: str | None
    link: str | None
    items: tuple[FeedItem, ...]


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """True when the bytes (or their content type) say RSS, Atom or RDF."""
    kind = content_type.lower()
    if "html" in kind:
        return False
    if any(name in kind for name in _FEED_TYPES[:3]):
        return True
    return _FEED_ROOT.search(data[:_SNIFF_BYTES]) is not None


def parse_feed(data: bytes, *, source: str, url: str | None = None) -> Feed:
    """Parse feed bytes (never a URL: feedparser is given a stream, so it fetches nothing).

    Raises:
        FeedFormatError: the bytes are not an RSS or Atom feed.
    """
    headers = {"content-location": url} if url else {}
    parsed: Any = feedparser.parse(
        io.BytesIO(data), response_headers=headers, resolve_relative_uris=True
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise FeedFormatError(
            f"{source}: not an RSS or Atom feed{detail}; check that the URL is the feed's "
            "address (often ending in /rss, /feed or .xml), not its web page",
            url=url or source,
        )
    info = parsed.feed
    return Feed(
        source=source,
        title=stripped(info.get("title")),
        link=stripped(info.get("link")),
        items=tuple(_item(entry) for entry in parsed.entries),
    )


def item_date(raw: str | None, parsed: Any = None) -> date | None:
    """The date an item's timestamp says, as written (RFC 822 or ISO 8601), else feedparser's."""
    if raw:
        try:
            return parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        iso = _ISO_DATE.match(raw)
        if iso is not None:
            try:
                return date(int(iso[1]), int(iso[2]), int(iso[3]))
            except ValueError:
                pass
    if parsed is not None:
        try:
            return datetime(*parsed[:6]).date()
        except (TypeError, ValueError):
            return None
    return None


def _item(entry: Any) -> FeedItem:
    raw = entry.get("published") or entry.get("updated")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    contents = [c.get("value", "") for c in entry.get("content", ()) if c.get("value")]
    return FeedItem(
        link=stripped(entry.get("link")),
        guid=stripped(entry.get("id")),
        title=stripped(entry.get("title")),
        author=stripped(entry.get("author")),
        published=item_date(raw, parsed),
        content_html=max(contents, key=len) if contents else None,
        summary_html=stripped(entry.get("summary")),
    )


def full_text(item: FeedItem, mode: PageMode) -> str | None:
    """The item's text from the feed itself, or None when its page must be read."""
    if mode is PageMode.ALWAYS and item.link:
        return None
    for html in (item.content_html, item.summary_html if mode is PageMode.NEVER else None):
        if html:
            text = html_to_text(html)
            if mode is PageMode.NEVER or len(text) >= MIN_FULL_TEXT_CHARS:
                return text
    return None if item.link else html_to_text(item.content_html or item.summary_html or "")


def item_articles(
    feed: Feed,
    *,
    fetcher: Callable[[], Fetcher],
    mode: PageMode = PageMode.AUTO,
    hints: PageHints | None = None,
    skip: Callable[[FeedItem], bool] | None = None,
    respect_robots: bool | None = None,
) -> Iterator[Article | Failure]:
    """Each item of ``feed`` as an Article (or a Failure saying why not), in feed order.

    ``fetcher`` gives the fetcher for item pages (called only when a page is needed);
    ``skip`` leaves out items before anything is fetched for them (already stored).
    """
    base = hints or PageHints()
    for number, item in enumerate(feed.items, 1):
        if skip is not None and skip(item):
            continue
        yield item_article(
            feed, item, number, fetcher=fetcher, mode=mode, hints=base, robots=respect_robots
        )


def item_article(
    feed: Feed,
    item: FeedItem,
    number: int,
    *,
    fetcher: Callable[[], Fetcher],
    mode: PageMode,
    hints: PageHints,
    robots: bool | None = None,
) -> Article | Failure:
    """One item as an Article: from the feed's text, or from its fetched page."""
    source = item.link or f"{feed.source}#item{number}"
    item_hints = PageHints(
        title=item.title,
        author=item.author,
        published=item.published,
        agency=hints.agency,
        default_date=hints.default_date,
    )
    text = full_text(item, mode)
    if text is not None:
        try:
            found = WebText(text, item.link, title=item.title, sitename=feed.title)
            return build_article(found, source=source, hints=item_hints)
        except InputError as e:
            return web_failure(e, source=source, stage="feed", excerpt=text)
    assert item.link is not None  # full_text gives text for an item without a link
    return fetch_article(
        fetcher(), item.link, source=source, hints=item_hints, respect_robots=robots
    )
