"""The ``ingest`` command's run loop: read, code, write, with a progress bar and a summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.coding import CODER_VERSION
from eventwire.engine import BatchOptions, Engine, process_batch
from eventwire.ingest import iter_articles
from eventwire.records import Article, CodedArticle, Failure
from eventwire.store import open_store


@dataclass(frozen=True, slots=True)
class IngestResult:
    articles_in: int
    articles_coded: int
    failures: int
    events: int
    seconds: float


def _counted(items: Iterator[Article | Failure], counter: list[int]) -> Iterator[Article | Failure]:
    for item in items:
        counter[0] += 1
        yield item


def run_ingest(
    paths: list[str],
    *,
    db: Path,
    default_date: date | None,
    fmt: str,
    workers: int,
    batch_size: int,
    console: Console,
) -> IngestResult:
    """Code every article under ``paths`` into the store at ``db``."""
    engine = Engine.load()
    started = time.perf_counter()
    seen = [0]
    coded_n = failed = events = 0
    with open_store(db) as store:
        run_id = store.start_run(
            command="ingest " + " ".join(paths),
            coder_version=CODER_VERSION,
            lexicon_version=engine.coder.lexicon_version,
        )
        items = _counted(iter_articles(paths, default_date=default_date, fmt=fmt), seen)
        options = BatchOptions(batch_size=batch_size, n_process=workers)
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[stats]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        with progress:
            task = progress.add_task("coding", total=None, stats="")
            for result in process_batch(engine, items, options):
                if isinstance(result, CodedArticle):
                    store.write_article(result, run_id=run_id)
                    coded_n += 1
                    events += len(result.events)
                else:
                    store.write_failure(result, run_id=run_id)
                    failed += 1
                    console.print(f"[red]{result.source}[/]: {result.code} {result.message}")
                elapsed = max(time.perf_counter() - started, 1e-9)
                stats = (
                    f"{coded_n} articles, {events} events, {failed} failures, "
                    f"{coded_n / elapsed:.1f} articles/s, {events / elapsed:.1f} events/s"
                )
                progress.update(task, advance=1, stats=stats)
        seconds = time.perf_counter() - started
        store.finish_run(
            run_id,
            articles_in=seen[0],
            articles_coded=coded_n,
            failures=failed,
            events=events,
            status="done" if coded_n else "nothing coded",
        )
    table = Table(title=f"ingest into {db}")
    for column in ("articles in", "coded", "failures", "events", "seconds", "articles/s"):
        table.add_column(column, justify="right")
    table.add_row(
        str(seen[0]),
        str(coded_n),
        str(failed),
        str(events),
        f"{seconds:.1f}",
        f"{coded_n / max(seconds, 1e-9):.1f}",
    )
    console.print(table)
    return IngestResult(seen[0], coded_n, failed, events, seconds)
