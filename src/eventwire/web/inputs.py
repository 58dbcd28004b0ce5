"""Web inputs of ``eventwire ingest``: http(s) URLs of pages and feeds, saved HTML files, feed
files. One :class:`WebInputs` per read; its fetcher is created on the first network need."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Self

from eventwire.errors import InputError, WebInputError
from eventwire.records import Article, Failure
from eventwire.web.articles import PageHints, web_failure
from eventwire.web.extract import page_article
from eventwire.web.feeds import item_articles, looks_like_feed, parse_feed
from eventwire.web.fetch import Fetcher, FetchSettings
from eventwire.web.kinds import FEED_SUFFIXES, WEB_SUFFIXES, XML_SUFFIX


class WebInputs:
    """Reads web inputs; close it (or use ``with``) to release the fetcher's connections."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self._settings = settings
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self._settings)
        return self._fetcher

    @staticmethod
    def reads_file(path: Path, data: bytes) -> bool:
        """True for HTML and feed files, and for ``.xml`` files that hold a feed."""
        suffix = path.suffix.lower()
        return suffix in WEB_SUFFIXES or (suffix == XML_SUFFIX and looks_like_feed(data))

    def read_url(self, url: str, *, default_date: date | None) -> Iterator[Article | Failure]:
        """A page URL gives its article; a feed URL gives its items' articles."""
        try:
            page = self.fetcher().fetch(url)
        except WebInputError as e:
            yield web_failure(e, source=url, stage="fetch")
            return
        hints = PageHints(default_date=default_date)
        if looks_like_feed(page.body, page.content_type):
            yield from self._feed(page.body, source=url, url=page.final_url, hints=hints)
            return
        yield page_article(page.body, url=url, source=url, hints=hints)

    def read_file(
        self, path: Path, data: bytes, *, default_date: date | None
    ) -> Iterator[Article | Failure]:
        """A saved page or a feed file (whose summary-only items are fetched from the web)."""
        source = str(path)
        hints = PageHints(default_date=default_date)
        if path.suffix.lower() in FEED_SUFFIXES or looks_like_feed(data):
            yield from self._feed(data, source=source, url=None, hints=hints)
        else:
            yield page_article(data, url=None, source=source, hints=hints)

    def _feed(
        self, data: bytes, *, source: str, url: str | None, hints: PageHints
    ) -> Iterator[Article | Failure]:
        try:
            feed = parse_feed(data, source=source, url=url)
        except InputError as e:
            yield web_failure(e, source=source, stage="feed")
            return
        if not feed.items:
            yield web_failure(
                InputError(f"{source}: the feed has no items"), source=source, stage="feed"
            )
            return
        yield from item_articles(feed, fetcher=self.fetcher, hints=hints)
