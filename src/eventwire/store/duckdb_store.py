"""The DuckDB store: one connection, one writer, every write a single transaction.

``open_store`` opens (and if needed creates and migrates) a store file; ``":memory:"`` gives a
throw-away store. A DuckDB file has one writing process at a time; a :class:`Store` is not
thread-safe, so give each thread its own read-only store, or funnel writes through one owner.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb

from eventwire.errors import SchemaVersionError, StoreError
from eventwire.records import CodedArticle, Failure
from eventwire.store import locks, parquet_load, queries, run_state, schema, story_queries, writer
from eventwire.store.models import EventFilter, RunSummary, StoredEvent
from eventwire.store.story_queries import StoryEvent

MEMORY = ":memory:"


class Store:
    """An eventwire event store. Use :func:`open_store` to get one; close it (or use ``with``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, where: str, read_only: bool) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self._where = where
        self._read_only = read_only

    # -- lifecycle ---------------------------------------------------------------------------

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
        """Close the connection; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def where(self) -> str:
        """The path (or ``":memory:"``) this store was opened from."""
        return self._where

    @property
    def schema_version(self) -> int:
        with self._errors():
            return schema.current_version(self._conn())

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn DuckDB errors of a read into :class:`StoreError`."""
        try:
            yield
        except duckdb.Error as e:
            raise StoreError(f"store {self._where}: {e}") from e

    def _conn(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"store {self._where} is closed; open it again with open_store()")
        return self._con

    def _writer(self, action: str) -> duckdb.DuckDBPyConnection:
        con = self._conn()
        if self._read_only:
            raise StoreError(
                f"cannot {action}: store {self._where} was opened read-only; "
                "open it with open_store(path, read_only=False) to write"
            )
        return con

    # -- runs --------------------------------------------------------------------------------

    def start_run(
        self,
        *,
        command: str,
        coder_version: str,
        lexicon_version: str,
        input_key: str | None = None,
    ) -> str:
        """Record a new run (status ``running``) and return its id (a uuid4 hex string).

        ``input_key`` identifies the run's input and settings, so an interrupted run over the
        same input can be found and resumed (:meth:`resumable_run`).
        """
        con = self._writer("start a run")
        run_id = uuid.uuid4().hex
        self._execute(
            con,
            "INSERT INTO runs (run_id, started_at, command, coder_version, lexicon_version, "
            "status, input_key) VALUES (?, ?, ?, ?, ?, 'running', ?)",
            [run_id, writer.utcnow(), command, coder_version, lexicon_version, input_key],
        )
        return run_id

    def resumable_run(self, input_key: str) -> RunSummary | None:
        """The newest unfinished run over the same input (killed or interrupted), if any."""
        with self._errors():
            return run_state.resumable_run(self._conn(), input_key)

    def reopen_run(self, run_id: str) -> None:
        """Mark an unfinished run ``running`` again, to resume it."""
        con = self._writer("resume a run")
        self._require_run(con, run_id)
        self._execute(
            con,
            "UPDATE runs SET status = 'running', finished_at = NULL WHERE run_id = ?",
            [run_id],
        )

    def done_article_ids(self, run_id: str) -> set[str]:
        """Article ids the run has already committed (coded or failed)."""
        with self._errors():
            return run_state.done_article_ids(self._conn(), run_id)

    def run_totals(self, run_id: str) -> run_state.RunTotals:
        """The run's coded articles, failures and events as stored now."""
        with self._errors():
            return run_state.run_totals(self._conn(), run_id)

    def story_candidates(self, band_keys: Sequence[int]) -> list[run_state.StoryCandidate]:
        """Stored articles sharing a near-duplicate band key with a new article."""
        with self._errors():
            return run_state.story_candidates(self._conn(), band_keys)

    def finish_run(
        self,
        run_id: str,
        *,
        articles_in: int,
        articles_coded: int,
        failures: int,
        events: int,
        status: str = "done",
    ) -> RunSummary:
        """Record a run's totals and final status; return the stored run."""
        con = self._writer("finish a run")
        self._require_run(con, run_id)
        self._execute(
            con,
            "UPDATE runs SET finished_at = ?, articles_in = ?, articles_coded = ?, failures = ?, "
            "events = ?, status = ? WHERE run_id = ?",
            [writer.utcnow(), articles_in, articles_coded, failures, events, status, run_id],
        )
        run = queries.get_run(con, run_id)
        if run is None:  # pragma: no cover - checked above, inside the same connection
            raise StoreError(f"run {run_id!r} vanished while finishing it")
        return run

    def get_run(self, run_id: str) -> RunSummary | None:
        with self._errors():
            return queries.get_run(self._conn(), run_id)

    def runs(self) -> list[RunSummary]:
        """Every run, oldest first."""
        with self._errors():
            return queries.runs(self._conn())

    def _require_run(self, con: duckdb.DuckDBPyConnection, run_id: str) -> RunSummary:
        run = queries.get_run(con, run_id)
        if run is None:
            raise StoreError(
                f"unknown run id {run_id!r} in store {self._where}; call start_run() first"
            )
        return run

    # -- writes ------------------------------------------------------------------------------

    def write_article(self, coded: CodedArticle, *, run_id: str) -> None:
        """Replace everything stored for this article with ``coded``, in one transaction."""
        self.write_articles((coded,), run_id=run_id)

    def write_articles(
        self,
        batch: Sequence[CodedArticle],
        *,
        run_id: str,
        stories: Sequence[writer.StoryRow] = (),
        failures: Sequence[Failure] = (),
    ) -> None:
        """Replace everything stored for these articles, in ONE transaction for the batch.

        Deletes each article's events, actor mentions, quotes, story signature, article row and
        failures, then inserts the new rows, the articles' story ids and signatures
        (``stories``) and the batch's ``failures``. On any error nothing changes and
        :class:`StoreError` is raised.
        """
        con = self._writer("write articles")
        run = self._require_run(con, run_id)
        now = writer.utcnow()
        rows = writer.batch_rows(
            batch, run_id=run_id, coder_version=run.coder_version, ingested_at=now, stories=stories
        )
        failure_rows = [writer.failure_row(f, run_id=run_id, at=now) for f in failures]
        writer.write_batch(con, rows, failure_rows)

    def write_failure(self, failure: Failure, *, run_id: str) -> None:
        """Record a failure; the same source + stage + code replaces the earlier record."""
        con = self._writer("write a failure")
        self._require_run(con, run_id)
        self._execute(
            con,
            writer.UPSERT_FAILURE,
            writer.failure_row(failure, run_id=run_id, at=writer.utcnow()),
        )

    def load_parquet(
        self,
        parts: parquet_load.ParquetParts,
        run: parquet_load.ParquetRun,
        assign_stories: parquet_load.StoryAssigner | None = None,
    ) -> tuple[list[str], parquet_load.LoadCounts]:
        """Load Parquet parts (a Spark output) in ONE transaction, replacing the rows of their
        article ids, grouping stories with ``assign_stories`` and recording the run; return
        the article ids (input order) and counts. See :mod:`eventwire.store.parquet_load`."""
        con = self._writer("load Parquet parts")
        return parquet_load.load_parts(con, parts, run, assign_stories)

    def _execute(self, con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object]) -> None:
        try:
            con.execute(sql, params)
        except duckdb.Error as e:
            raise StoreError(f"store {self._where}: {e}") from e

    # -- reads -------------------------------------------------------------------------------

    def query_events(self, flt: EventFilter | None = None) -> list[StoredEvent]:
        """Events matching ``flt``, ordered by date, article, sentence and trigger position."""
        with self._errors():
            return queries.query_events(self._conn(), flt if flt is not None else EventFilter())

    def get_event(self, event_id: str) -> StoredEvent | None:
        with self._errors():
            return queries.get_event(self._conn(), event_id)

    def story_events(self, flt: EventFilter | None = None) -> list[StoryEvent]:
        """Events counted once per story, with the articles and sources reporting each."""
        with self._errors():
            return story_queries.story_events(self._conn(), flt or EventFilter())

    def count_story_events_by_type(self) -> list[tuple[str, int, int]]:
        """(type, events, events once per story), most frequent first."""
        with self._errors():
            return story_queries.count_story_events_by_type(self._conn())

    def count_events_by_type(self) -> list[tuple[str, int]]:
        """(PLOVER type, events), most frequent first."""
        with self._errors():
            return queries.count_events_by_type(self._conn())

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """(actor country, recipient country, events), compound actors expanded, most first."""
        if limit < 0:
            raise StoreError(f"limit must be >= 0 (got {limit})")
        with self._errors():
            return queries.top_dyads(self._conn(), limit)

    def failures(self) -> list[Failure]:
        """Every recorded failure, ordered by source, stage and code."""
        with self._errors():
            return queries.failures(self._conn())

    def counts(self) -> dict[str, int]:
        """Row counts: articles, events, failures, runs, actor_mentions, quotes."""
        with self._errors():
            return queries.counts(self._conn())

    def article_ids(self) -> set[str]:
        with self._errors():
            return queries.article_ids(self._conn())

    def stored_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` that some stored article has as its URL."""
        with self._errors():
            return queries.existing_values(self._conn(), "url", urls)

    def stored_content_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` (``writer.content_hash`` of a text) that a stored article has."""
        with self._errors():
            return queries.existing_values(self._conn(), "content_hash", hashes)

    def drop_resolved_failures(self, stages: Sequence[str]) -> int:
        """Delete failures of ``stages`` whose source is now the URL of a stored article (a page
        that failed to download once and was coded later); return how many were deleted."""
        con = self._writer("delete failures")
        sql = (
            "DELETE FROM failures WHERE stage IN (SELECT unnest(?::VARCHAR[])) "
            "AND source IN (SELECT url FROM articles WHERE url IS NOT NULL)"
        )
        try:
            row = con.execute(sql, [list(stages)]).fetchone()
        except duckdb.Error as e:
            raise StoreError(f"store {self._where}: {e}") from e
        return int(row[0]) if row is not None else 0


def _connect(where: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    if where == MEMORY and read_only:
        raise StoreError("an in-memory store cannot be read-only; open a store file instead")
    if read_only and not Path(where).exists():
        raise StoreError(f"store {where} does not exist; create it by coding into it first")
    try:
        return duckdb.connect(where, read_only=read_only)
    except duckdb.IOException as e:
        if locks.is_lock_conflict(str(e)):
            raise locks.locked_error(where, str(e), read_only=read_only) from e
        raise StoreError(
            f"cannot open store {where}: {e}. If another eventwire process is writing to it, "
            "wait for it to finish or open the store with read_only=True"
        ) from e
    except duckdb.Error as e:
        raise StoreError(f"cannot open store {where}: {e}") from e


def _prepare(con: duckdb.DuckDBPyConnection, *, where: str, read_only: bool) -> None:
    # Module attributes are read here, at call time, so tests can stand in a fake later step.
    known = schema.SCHEMA_VERSION
    version = schema.current_version(con)
    schema.check_version(version, known=known, where=f"store {where}")
    if version == known:
        return
    if read_only:
        if version == 0:
            raise StoreError(f"{where} is an empty database, not an eventwire store")
        raise SchemaVersionError(
            f"store {where} has schema version {version}, older than this eventwire's "
            f"{known}; open it once without read_only to migrate it"
        )
    schema.migrate(con, steps=schema.MIGRATIONS, target=known, where=f"store {where}")


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open the store at ``path`` (``":memory:"`` for a throw-away one).

    A new or empty file gets the current schema; an older store is migrated forward.

    Raises:
        SchemaVersionError: the store was written by a newer eventwire (upgrade eventwire), or
            it is older and ``read_only`` forbids migrating it.
        StoreError: the file cannot be opened (missing, locked, not an eventwire store).
    """
    con, _ = open_connection(path, read_only=read_only)
    return Store(con, where=str(path), read_only=read_only)


def open_connection(
    path: str | Path, *, read_only: bool = False
) -> tuple[duckdb.DuckDBPyConnection, int]:
    """The checked (and, unless ``read_only``, migrated) connection :func:`open_store` wraps,
    and the store's schema version: for readers that query the file directly (one opening, so
    a writer taking the file meanwhile cannot turn a lock into another error).

    Raises:
        StoreLockedError: a writer holds the file.
        SchemaVersionError, StoreError: as :func:`open_store`.
    """
    where = str(path)
    con = _connect(where, read_only=read_only)
    try:
        _prepare(con, where=where, read_only=read_only)
        version = schema.current_version(con)
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"cannot open store {where}: {e}") from e
    except BaseException:
        con.close()
        raise
    return con, version
