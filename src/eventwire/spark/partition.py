"""What one Spark task does: code its records with ``process_batch``, write Parquet parts.

Rows are built by the store's own writer (``batch_rows``, ``failure_row``) into an in-memory
DuckDB with the store's schema, then copied to ``OUTPUT/<table>/part-<partition>-<attempt>.parquet``
(written under a hidden temporary name, then renamed, so a failed attempt never leaves a half
file under a final name). The driver keeps only the parts of the attempts that succeeded.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from eventwire.engine import BatchOptions, Engine, process_batch
from eventwire.ingest.record_fields import ReadOptions
from eventwire.records import Article, CodedArticle, Failure
from eventwire.spark.reading import Ordinal, SparkRecord, record_items
from eventwire.store import schema, writer
from eventwire.store.parquet_load import PART_TABLES

TABLES = PART_TABLES
INPUT_ORDER_COLUMNS = ("input_file", "input_record")
_CHUNK = 64


@dataclass(frozen=True, slots=True)
class TaskSettings:
    """Everything a task needs, sent with the job (small, picklable)."""

    run_id: str
    output: str
    coder_version: str
    started_at: datetime
    read: ReadOptions
    whole: dict[str, tuple[int, str, str]]
    jsonl_sources: dict[int, str]
    batch_size: int = 16


@dataclass(frozen=True, slots=True)
class PartResult:
    """What a task sends back to the driver: its part name and counts."""

    partition: int
    attempt: int
    part: str
    items: int
    articles: int
    failures: int
    events: int
    mentions: int
    quotes: int
    lexicon_version: str
    engine_seconds: float
    seconds: float
    cpu_seconds: float  # CPU time of the task's Python process, model load included


@functools.lru_cache(maxsize=1)
def executor_engine() -> tuple[Engine, float]:
    """The Engine of this Python process, loaded once, and how long loading took.

    The one per-process cache of the Spark runner: Spark reuses its Python workers between
    tasks (``spark.python.worker.reuse``, on by default), so the model loads once per worker.
    """
    started = time.perf_counter()
    engine = Engine.load()
    return engine, time.perf_counter() - started


def part_name(partition: int, attempt: int) -> str:
    return f"part-{partition:05d}-{attempt}"


def code_partition(
    settings: TaskSettings, partition: int, attempt: int, records: Iterable[SparkRecord]
) -> PartResult:
    """Code a partition's records and write its Parquet parts; return the counts."""
    started, cpu_started = time.perf_counter(), time.process_time()
    cached = executor_engine.cache_info().currsize > 0
    engine, load_seconds = executor_engine()
    in_flight: dict[str, Ordinal] = {}
    seen: set[str] = set()
    counted = [0]

    def items() -> Iterator[Article | Failure]:
        for ordinal, item in record_items(
            records, settings.read, settings.whole, settings.jsonl_sources
        ):
            counted[0] += 1
            if isinstance(item, Article):
                if item.id in seen:  # as the local runner: an article id is coded once
                    continue
                seen.add(item.id)
                in_flight[item.source] = ordinal
            yield item

    with _PartStore(settings) as part:
        for result in process_batch(engine, items(), BatchOptions(batch_size=settings.batch_size)):
            if isinstance(result, CodedArticle):
                part.add_article(result, in_flight.pop(result.article.source))
            else:
                in_flight.pop(result.source, None)
                part.add_failure(result)
        name = part_name(partition, attempt)
        counts = part.finish(name)
    return PartResult(
        partition=partition,
        attempt=attempt,
        part=name,
        items=counted[0],
        articles=counts["articles"],
        failures=counts["failures"],
        events=counts["events"],
        mentions=counts["actor_mentions"],
        quotes=counts["quotes"],
        lexicon_version=engine.coder.lexicon_version,
        engine_seconds=0.0 if cached else load_seconds,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
    )


class _PartStore:
    """An in-memory DuckDB with the store's schema, holding one task's rows."""

    def __init__(self, settings: TaskSettings) -> None:
        self._settings = settings
        self._con = duckdb.connect(":memory:", config={"threads": 1})
        schema.migrate(self._con, where="a Spark task's in-memory store")
        self._con.execute(
            "CREATE TEMP TABLE input_order (article_id VARCHAR PRIMARY KEY, "
            "input_file INTEGER, input_record BIGINT)"
        )
        self._pending: list[CodedArticle] = []
        self._kept: dict[str, Ordinal] = {}

    def __enter__(self) -> _PartStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self._con.close()

    def add_article(self, coded: CodedArticle, ordinal: Ordinal) -> None:
        """Keep the article unless an earlier copy of the same id (by input order) is kept."""
        kept = self._kept.get(coded.article.id)
        if kept is not None and kept < ordinal:
            return
        self._kept[coded.article.id] = ordinal
        self._pending.append(coded)
        if len(self._pending) >= _CHUNK:
            self._flush()

    def add_failure(self, failure: Failure) -> None:
        self._flush()  # in order: a failure after an article may not be deleted by it
        settings = self._settings
        row = writer.failure_row(failure, run_id=settings.run_id, at=settings.started_at)
        self._con.execute(writer.UPSERT_FAILURE, row)

    def _flush(self) -> None:
        if not self._pending:
            return
        rows = writer.batch_rows(
            self._pending,
            run_id=self._settings.run_id,
            coder_version=self._settings.coder_version,
            ingested_at=self._settings.started_at,
        )
        writer.write_batch(self._con, rows)
        self._pending = []

    def finish(self, name: str) -> dict[str, int]:
        """Write every table as ``<table>/<name>.parquet``; return the row counts."""
        self._flush()
        if self._kept:
            ids, ordinals = zip(*self._kept.items(), strict=True)
            self._con.execute(
                "INSERT INTO input_order SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]), "
                "unnest(?::BIGINT[])",
                [list(ids), [o[0] for o in ordinals], [o[1] for o in ordinals]],
            )
        counts: dict[str, int] = {}
        for table in TABLES:
            query = (
                "SELECT a.*, o.input_file, o.input_record FROM articles a "
                "LEFT JOIN input_order o ON a.article_id = o.article_id"
                if table == "articles"
                else f"SELECT * FROM {table}"
            )
            counts[table] = self._copy(query, Path(self._settings.output, table), name)
        return counts

    def _copy(self, query: str, folder: Path, name: str) -> int:
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{name}.parquet"
        temporary = folder / f".{name}.parquet.tmp"
        quoted = str(temporary).replace("'", "''")
        row = self._con.execute(f"COPY ({query}) TO '{quoted}' (FORMAT parquet)").fetchone()
        os.replace(temporary, final)
        return int(row[0]) if row else 0  # COPY answers with the number of rows it wrote
