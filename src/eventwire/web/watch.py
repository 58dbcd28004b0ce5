"""``watch``: keep a store current with a list of feeds and pages, one cycle at a time.

A cycle reads every source in order. Items whose URL or text (content hash) is already in the
store are skipped before their page is fetched or coded; the rest are fetched, extracted,
coded, placed in stories (near-duplicates of stored articles join their story) and written in
one transaction per cycle (:func:`eventwire.runner.loop.code_into_store` with
:data:`CYCLE_WRITES`: a cycle's items all land, or none do). Every fetch
or extraction error is a Failure row with the URL and the reason, and the cycle goes on.

Stopping (``stop`` set, e.g. by SIGINT/SIGTERM in the CLI) ends the reading of sources before
the next fetch; everything already fetched is still coded and committed. Because the store is
the only memory of what was read, a new ``watch`` resumes where the last one stopped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from eventwire.coding import CODER_VERSION
from eventwire.engine import Engine
from eventwire.errors import InputError, WebInputError
from eventwire.records import Article, Failure
from eventwire.runner.loop import RunSettings, code_into_store
from eventwire.store import Store
from eventwire.store.writer import content_hash
from eventwire.web.articles import PageHints, web_failure
from eventwire.web.extract import fetch_article
from eventwire.web.feeds import Feed, item_article, parse_feed
from eventwire.web.fetch import Fetcher
from eventwire.web.sources import Source, SourceKind, SourcesConfig

DEFAULT_EVERY = 15 * 60.0
# One write transaction per cycle: no batch size or time limit splits a cycle's items.
CYCLE_WRITES = RunSettings(write_every=2**31, write_seconds=float("inf"))
WEB_STAGES = ("fetch", "extract", "feed")


@dataclass(frozen=True, slots=True)
class CycleSummary:
    """What one cycle found, coded and failed on."""

    cycle: int
    started_at: datetime  # UTC
    seconds: float
    sources: int
    unchanged_feeds: int  # answered 304 Not Modified (or still fresh in the cache)
    items_listed: int  # items in the feeds, plus pages
    already_stored: int  # skipped: URL or text already in the store, or met twice this cycle
    fetched: int  # item and page URLs requested (answered by the server or the cache)
    new_items: int  # articles coded and written
    events: int
    failures: int
    stories_joined: int  # new articles that joined a stored story (near-duplicates)
    stopped: bool


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """The cycle interval in seconds, ``once`` for a single cycle, and how articles are coded."""

    every: float = DEFAULT_EVERY
    once: bool = False
    max_cycles: int | None = None
    run: RunSettings = CYCLE_WRITES

    def __post_init__(self) -> None:
        if not self.every > 0:
            raise ValueError(f"the cycle interval must be positive, not {self.every}")


@dataclass(frozen=True, slots=True)
class WatchResult:
    """Totals of a whole ``watch``: its run id, cycles and what they wrote."""

    run_id: str
    cycles: int
    new_items: int
    events: int
    failures: int
    stopped: bool


@dataclass
class _Counts:
    unchanged: int = 0
    listed: int = 0
    already: int = 0
    fetched: int = 0


@dataclass
class _Reader:
    """The item stream of one cycle: fetches lazily, skips what the store already has."""

    config: SourcesConfig
    store: Store
    fetcher: Fetcher
    stop: threading.Event
    counts: _Counts = field(default_factory=_Counts)
    urls: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)

    def items(self) -> Iterator[Article | Failure]:
        for source in self.config.sources:
            if self.stop.is_set():
                return
            if source.kind is SourceKind.FEED:
                yield from self._feed(source)
            else:
                yield from self._page(source)

    def _feed_bytes(self, source: Source) -> bytes:
        if source.is_url:
            page = self.fetcher.fetch(source.location, respect_robots=source.respect_robots)
            if page.not_modified:
                self.counts.unchanged += 1
            return page.body
        limit = self.fetcher.settings.max_bytes
        try:
            with Path(source.location).open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as e:
            raise InputError(
                f"{source.location}: cannot read the feed file of {source.name!r} "
                f"({e.strerror or e}); fix its url in the sources file"
            ) from e
        if len(data) > limit:
            raise InputError(f"{source.location}: the feed file is over {limit:,} bytes")
        return data

    def _feed(self, source: Source) -> Iterator[Article | Failure]:
        where = source.location
        try:
            data = self._feed_bytes(source)
        except WebInputError as e:
            yield web_failure(e, source=where, stage="fetch")
            return
        except InputError as e:
            yield web_failure(e, source=where, stage="feed")
            return
        try:
            feed = parse_feed(data, source=where, url=where if source.is_url else None)
        except InputError as e:
            yield web_failure(e, source=where, stage="feed")
            return
        yield from self._items(feed, source)

    def _items(self, feed: Feed, source: Source) -> Iterator[Article | Failure]:
        items = feed.items[: source.max_items]
        stored = self.store.stored_urls(item.link for item in items if item.link)
        hints = PageHints(agency=source.agency)

        def fetcher() -> Fetcher:
            self.counts.fetched += 1
            return self.fetcher

        for number, item in enumerate(items, 1):
            if self.stop.is_set():
                return
            self.counts.listed += 1
            if item.link is not None and (item.link in stored or item.link in self.urls):
                self.counts.already += 1
                continue
            result = item_article(
                feed,
                item,
                number,
                fetcher=fetcher,
                mode=source.fetch_pages,
                hints=hints,
                robots=source.respect_robots,
            )
            if item.link is not None:
                self.urls.add(item.link)
            yield from self._admit(result)

    def _page(self, source: Source) -> Iterator[Article | Failure]:
        url = source.location
        self.counts.listed += 1
        if url in self.urls or self.store.stored_urls([url]):
            self.counts.already += 1
            return
        self.urls.add(url)
        self.counts.fetched += 1
        hints = PageHints(agency=source.agency)
        result = fetch_article(
            self.fetcher, url, source=url, hints=hints, respect_robots=source.respect_robots
        )
        yield from self._admit(result)

    def _admit(self, result: Article | Failure) -> Iterator[Article | Failure]:
        if isinstance(result, Article):
            digest = content_hash(result.text)
            if digest in self.hashes or self.store.stored_content_hashes([digest]):
                self.counts.already += 1
                return
            self.hashes.add(digest)
        yield result


def run_cycle(
    config: SourcesConfig,
    *,
    engine: Engine,
    store: Store,
    fetcher: Fetcher,
    run_id: str,
    cycle: int = 1,
    stop: threading.Event | None = None,
    settings: RunSettings | None = None,
) -> CycleSummary:
    """Read every source once, code what is new into ``store`` under ``run_id``."""
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    reader = _Reader(config, store, fetcher, stop or threading.Event())
    result = code_into_store(engine, store, reader.items(), run_id=run_id, settings=settings)
    store.drop_resolved_failures(WEB_STAGES)  # pages that failed before and are stored now
    counts = reader.counts
    return CycleSummary(
        cycle=cycle,
        started_at=started_at,
        seconds=time.perf_counter() - started,
        sources=len(config.sources),
        unchanged_feeds=counts.unchanged,
        items_listed=counts.listed,
        already_stored=counts.already + result.duplicates + result.skipped,
        fetched=counts.fetched,
        new_items=result.coded,
        events=result.events,
        failures=result.failures,
        stories_joined=result.stories_joined,
        stopped=reader.stop.is_set(),
    )


def watch(
    config: SourcesConfig,
    *,
    engine: Engine,
    store: Store,
    options: WatchOptions | None = None,
    stop: threading.Event | None = None,
    on_cycle: Callable[[CycleSummary], None] | None = None,
    command: str = "watch",
) -> WatchResult:
    """Run cycles every ``options.every`` seconds until ``stop`` is set (or once).

    One run row covers the whole watch; it is finished with the totals when the watch ends.
    ``on_cycle`` receives each cycle's summary (the CLI logs it).
    """
    options = options or WatchOptions()
    stop = stop or threading.Event()
    run_id = store.start_run(
        command=command, coder_version=CODER_VERSION, lexicon_version=engine.coder.lexicon_version
    )
    cycles = new = events = failures = 0
    status = "failed"
    try:
        with Fetcher(config.fetch) as fetcher:
            while not stop.is_set():
                began = time.monotonic()
                cycles += 1
                summary = run_cycle(
                    config,
                    engine=engine,
                    store=store,
                    fetcher=fetcher,
                    run_id=run_id,
                    cycle=cycles,
                    stop=stop,
                    settings=options.run,
                )
                new += summary.new_items
                events += summary.events
                failures += summary.failures
                if on_cycle is not None:
                    on_cycle(summary)
                if options.once or (
                    options.max_cycles is not None and cycles >= options.max_cycles
                ):
                    break
                stop.wait(max(0.0, options.every - (time.monotonic() - began)))
        status = "stopped" if stop.is_set() else "done"
    finally:
        store.finish_run(
            run_id,
            articles_in=new + failures,
            articles_coded=new,
            failures=failures,
            events=events,
            status=status,
        )
    return WatchResult(run_id, cycles, new, events, failures, stop.is_set())
