"""The ``ingest`` command: a resumable run with a progress bar (articles/s, events/s, failures,
ETA) and a closing summary. Ctrl-C (or SIGTERM) stops reading, writes what is in flight, and
leaves the run resumable: the same command continues where it stopped."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from eventwire.cli.signals import stop_on_signals
from eventwire.engine import Engine
from eventwire.runner.ingest import IngestOutcome, IngestRequest, RunStart, count_inputs, ingest
from eventwire.runner.loop import RunProgress, RunSettings
from eventwire.runner.stories import StorySettings
from eventwire.store import Store, open_store
from eventwire.store.snapshot import publish_snapshot

# Below this many articles, parser worker processes cost more to start than they save.
MIN_ARTICLES_PER_EXTRA_WORKER = 50


@dataclass(frozen=True, slots=True)
class IngestResult:
    articles_in: int
    articles_coded: int
    failures: int
    events: int
    seconds: float
    status: str


def choose_workers(requested: int | None, total: int | None) -> int:
    """``requested``, or all cores, but one worker for inputs too small to share."""
    if requested is not None:
        return requested
    cores = os.cpu_count() or 1
    if total is not None and total < MIN_ARTICLES_PER_EXTRA_WORKER * 2:
        return 1
    return cores


class SnapshotPublisher:
    """Publishes read snapshots for ``eventwire serve`` after committed batches: at most every
    ``every`` seconds, and never spending more than a tenth of the run copying the store."""

    def __init__(self, store: Store, every: float) -> None:
        self._store = store
        self._every = every
        self._last = time.monotonic()
        self._cost = 0.0

    def after_commit(self) -> None:
        if self._every <= 0:
            return
        if time.monotonic() - self._last >= max(self._every, 10 * self._cost):
            self.publish()

    def publish(self) -> None:
        if self._every <= 0:
            return
        started = time.monotonic()
        publish_snapshot(self._store)
        self._last = time.monotonic()
        self._cost = self._last - started


def run_ingest(
    paths: list[str],
    *,
    db: Path,
    default_date: date | None,
    fmt: str,
    workers: int | None,
    batch_size: int,
    console: Console,
    restart: bool = False,
    dedup: bool = True,
    write_every: int = 64,
    snapshot_every: float = 30.0,
) -> IngestResult:
    """Code every article under ``paths`` into the store at ``db``."""
    total = count_inputs(paths)
    settings = RunSettings(
        workers=choose_workers(workers, total),
        batch_size=batch_size,
        write_every=write_every,
        stories=StorySettings() if dedup else None,
    )
    engine = Engine.load()
    request = IngestRequest(tuple(paths), default_date, fmt, restart=restart)
    stop = threading.Event()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[stats]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    task = progress.add_task("coding", total=total, stats="")

    def started(start: RunStart) -> None:
        if start.resumed:
            console.print(
                f"resuming run {start.run_id}: {start.done} articles already committed "
                "are skipped (use --restart to code everything again)"
            )
            progress.update(task, completed=start.done)

    def update(p: RunProgress) -> None:
        rate = p.coded / max(p.seconds, 1e-9)
        stats = (
            f"{p.coded} coded, {p.events} events, {p.failures} failures, "
            f"{rate:.1f} articles/s, {p.events / max(p.seconds, 1e-9):.1f} events/s"
        )
        progress.update(task, completed=p.articles_in, stats=stats)

    def stopping() -> None:
        console.print("[yellow]stopping: writing the articles in flight (Ctrl-C again aborts)")

    with open_store(db) as store, stop_on_signals(stop, stopping), progress:
        snapshots = SnapshotPublisher(store, snapshot_every)
        outcome = ingest(
            engine,
            store,
            request,
            settings=settings,
            on_start=started,
            on_progress=update,
            on_commit=snapshots.after_commit,
            stop=stop,
        )
        snapshots.publish()
    _print_summary(console, db, outcome, settings.workers)
    shown = outcome.loop.first_failures
    for failure in shown:
        console.print(f"[red]{failure.source}[/]: {failure.code} {failure.message}")
    if outcome.loop.failures > len(shown):
        more = outcome.loop.failures - len(shown)
        console.print(f"... and {more} more failures: see `eventwire summary --db {db}`")
    loop = outcome.loop
    return IngestResult(
        articles_in=loop.articles_in,
        articles_coded=outcome.articles_coded,
        failures=outcome.failures,
        events=outcome.events,
        seconds=loop.seconds,
        status=outcome.status,
    )


def _print_summary(console: Console, db: Path, outcome: IngestOutcome, workers: int) -> None:
    loop = outcome.loop
    title = f"ingest into {db} (run {outcome.run_id[:12]}, {outcome.status})"
    table = Table(title=title, show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = (
        ("articles in", str(loop.articles_in)),
        ("coded", str(loop.coded)),
        ("failures", str(loop.failures)),
        ("events", str(loop.events)),
        ("skipped (committed before, resumed)", str(loop.skipped)),
        ("duplicates (same article id again)", str(loop.duplicates)),
        ("joined an earlier story", str(loop.stories_joined)),
        ("parser workers", str(workers)),
        ("seconds", f"{loop.seconds:.1f}"),
        ("articles/s", f"{loop.coded / max(loop.seconds, 1e-9):.1f}"),
    )
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)
    if outcome.resumed or loop.skipped:
        console.print(
            f"run totals: {outcome.articles_coded} articles coded, {outcome.failures} "
            f"failures, {outcome.events} events"
        )
    if loop.stopped:
        console.print("[yellow]stopped early; run the same command again to continue")
