"""The run loop every command shares: code a stream of articles into a store, in batches.

Articles are parsed and coded by :func:`eventwire.engine.process_batch` (with ``n_process``
parser workers), placed in stories in input order, and written in batches: each batch — its
articles' rows, story signatures and the failures met since the last batch — is ONE transaction,
so a killed run leaves whole batches only, and a re-run can skip what is committed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import asdict, dataclass, field

from eventwire.engine import BatchOptions, Engine, process_batch
from eventwire.records import Article, CodedArticle, Failure
from eventwire.runner.stories import StoryIndex, StoryItem, StorySettings, stored_lookup
from eventwire.runner.workers import code_in_workers
from eventwire.store import Store
from eventwire.store.writer import StoryRow


@dataclass(frozen=True, slots=True)
class RunSettings:
    """How a run codes and writes.

    ``workers`` processes that parse and code (each builds its own Engine from the given
    engine's spec and takes ``chunk_size`` articles at a time), ``batch_size`` documents per
    parser batch; a write transaction every ``write_every`` coded articles or ``write_seconds``,
    whichever comes first; story dedup with ``stories`` (None: every article is its own story).
    """

    workers: int = 1
    batch_size: int = 16
    chunk_size: int = 8
    write_every: int = 64
    write_seconds: float = 2.0
    stories: StorySettings | None = field(default_factory=StorySettings)

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.batch_size < 1 or self.write_every < 1:
            raise ValueError("batch_size and write_every must be at least 1")


@dataclass(frozen=True, slots=True)
class RunProgress:
    """Counts so far, for a progress display."""

    articles_in: int
    coded: int
    failures: int
    events: int
    skipped: int
    duplicates: int
    seconds: float


@dataclass(frozen=True, slots=True)
class LoopResult:
    """What one call of :func:`code_into_store` read, coded and wrote."""

    articles_in: int
    coded: int
    failures: int
    events: int
    skipped: int
    duplicates: int
    stories_joined: int
    seconds: float
    stopped: bool
    first_failures: tuple[Failure, ...] = ()  # the first few, to show the user


FAILURES_KEPT = 10


@dataclass
class _Counts:
    articles_in: int = 0
    coded: int = 0
    failures: int = 0
    events: int = 0
    skipped: int = 0
    duplicates: int = 0
    joined: int = 0
    first_failures: list[Failure] = field(default_factory=list)


@dataclass
class _Pending:
    coded: list[CodedArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    since: float = field(default_factory=time.perf_counter)

    def __len__(self) -> int:
        return len(self.coded) + len(self.failures)


def code_into_store(
    engine: Engine,
    store: Store,
    items: Iterable[Article | Failure],
    *,
    run_id: str,
    settings: RunSettings | None = None,
    skip_ids: Container[str] = frozenset(),
    on_progress: Callable[[RunProgress], None] | None = None,
    on_commit: Callable[[], None] | None = None,
    stop: threading.Event | None = None,
) -> LoopResult:
    """Code ``items`` into ``store`` under ``run_id``; return the counts.

    Articles whose id is in ``skip_ids`` (already committed by the run being resumed) are not
    coded again; an article id met twice in the stream is coded once (``duplicates``). When
    ``stop`` is set, reading stops, the articles in flight are coded and written, and the call
    returns with ``stopped=True``. ``on_commit`` is called after each committed batch.
    """
    settings = settings or RunSettings()
    counts = _Counts()
    started = time.perf_counter()
    index = None
    if settings.stories is not None:
        index = StoryIndex(settings.stories, lookup=stored_lookup(store.story_candidates))
    seen: set[str] = set()
    pending = _Pending()

    def admitted() -> Iterator[Article | Failure]:
        for item in items:
            if stop is not None and stop.is_set():
                return
            counts.articles_in += 1
            if isinstance(item, Article):
                if item.id in skip_ids:
                    counts.skipped += 1
                    continue
                if item.id in seen:
                    counts.duplicates += 1
                    continue
                seen.add(item.id)
            yield item

    def flush() -> None:
        if not len(pending):
            return
        stories = _assign(index, pending.coded) if index is not None else []
        counts.joined += sum(1 for row in stories if row.story_id != row.article_id)
        store.write_articles(
            pending.coded, run_id=run_id, stories=stories, failures=pending.failures
        )
        pending.coded.clear()
        pending.failures.clear()
        pending.since = time.perf_counter()
        if on_commit is not None:
            on_commit()

    results: Iterator[CodedArticle | Failure]
    if settings.workers > 1:
        results = code_in_workers(
            engine.spec,
            admitted(),
            workers=settings.workers,
            chunk_size=settings.chunk_size,
            batch_size=settings.batch_size,
        )
    else:
        results = process_batch(engine, admitted(), BatchOptions(batch_size=settings.batch_size))
    for result in results:
        if isinstance(result, CodedArticle):
            pending.coded.append(result)
            counts.coded += 1
            counts.events += len(result.events)
        else:
            pending.failures.append(result)
            counts.failures += 1
            if len(counts.first_failures) < FAILURES_KEPT:
                counts.first_failures.append(result)
        if (
            len(pending) >= settings.write_every
            or time.perf_counter() - pending.since >= settings.write_seconds
        ):
            flush()
        if on_progress is not None:
            on_progress(_progress(counts, started))
    flush()
    return LoopResult(
        **asdict(_progress(counts, started)),
        stories_joined=counts.joined,
        stopped=stop is not None and stop.is_set(),
        first_failures=tuple(counts.first_failures),
    )


def _progress(counts: _Counts, started: float) -> RunProgress:
    return RunProgress(
        articles_in=counts.articles_in,
        coded=counts.coded,
        failures=counts.failures,
        events=counts.events,
        skipped=counts.skipped,
        duplicates=counts.duplicates,
        seconds=time.perf_counter() - started,
    )


def _assign(index: StoryIndex, coded: list[CodedArticle]) -> list[StoryRow]:
    items = [StoryItem(c.article.id, c.article.text, c.article.published) for c in coded]
    return [assigned.row() for assigned in index.assign(items)]
