"""A resumable ingest run: paths in, a run in the store out.

A run remembers its *input key* (the inputs' absolute paths, format, default date and coder
version). When a run over the same input was killed or interrupted, the next run with the same
input takes up that run: it keeps its run id and skips the articles the run already committed,
so nothing is coded twice and nothing is lost. Reading stdin is never resumed.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.coding import CODER_VERSION
from eventwire.engine import Engine
from eventwire.ingest import iter_articles
from eventwire.ingest.csv_reader import CSV_SUFFIXES
from eventwire.ingest.readers import JSONL_SUFFIXES, STDIN, expand_input
from eventwire.runner.loop import LoopResult, RunProgress, RunSettings, code_into_store
from eventwire.store import Store
from eventwire.store.run_state import RunTotals


@dataclass(frozen=True, slots=True)
class IngestRequest:
    """What to read: paths (files, directories, globs, ``-``), format and default date."""

    paths: tuple[str, ...]
    default_date: date | None = None
    fmt: str = "auto"
    restart: bool = False  # start a new run even if an unfinished one exists


@dataclass(frozen=True, slots=True)
class RunStart:
    """How a run began: new, or resuming an unfinished run that had committed ``done``."""

    run_id: str
    resumed: bool
    done: int


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """A finished (or stopped) run: this call's loop counts and the run's stored totals."""

    run_id: str
    resumed: bool
    loop: LoopResult
    articles_coded: int
    failures: int
    events: int
    status: str


def input_key(request: IngestRequest, lexicon_version: str) -> str | None:
    """The run's input identity, or None when it reads stdin (which cannot be read again)."""
    if STDIN in request.paths:
        return None
    payload = {
        "paths": [_absolute(p) for p in request.paths],
        "format": request.fmt,
        "date": request.default_date.isoformat() if request.default_date else None,
        "coder": CODER_VERSION,
        "lexicon": lexicon_version,
    }
    text = json.dumps(payload, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _absolute(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path))


def ingest(
    engine: Engine,
    store: Store,
    request: IngestRequest,
    *,
    settings: RunSettings | None = None,
    on_start: Callable[[RunStart], None] | None = None,
    on_progress: Callable[[RunProgress], None] | None = None,
    on_commit: Callable[[], None] | None = None,
    stop: threading.Event | None = None,
) -> IngestOutcome:
    """Code every article of ``request`` into ``store``, resuming an unfinished run."""
    key = input_key(request, engine.coder.lexicon_version)
    previous = None if key is None or request.restart else store.resumable_run(key)
    if previous is not None:
        run_id = previous.run_id
        store.reopen_run(run_id)
        skip: set[str] = store.done_article_ids(run_id)
    else:
        run_id = store.start_run(
            command="ingest " + " ".join(request.paths),
            coder_version=CODER_VERSION,
            lexicon_version=engine.coder.lexicon_version,
            input_key=key,
        )
        skip = set()
    if on_start is not None:
        on_start(RunStart(run_id, previous is not None, len(skip)))
    items = iter_articles(request.paths, default_date=request.default_date, fmt=request.fmt)
    try:
        loop = code_into_store(
            engine,
            store,
            items,
            run_id=run_id,
            settings=settings,
            skip_ids=skip,
            on_progress=on_progress,
            on_commit=on_commit,
            stop=stop,
        )
    except BaseException:
        _finish(store, run_id, "interrupted", store.run_totals(run_id))
        raise
    totals = store.run_totals(run_id)
    status = "interrupted" if loop.stopped else "done" if totals.articles_coded else "nothing coded"
    _finish(store, run_id, status, totals)
    return IngestOutcome(
        run_id=run_id,
        resumed=previous is not None,
        loop=loop,
        articles_coded=totals.articles_coded,
        failures=totals.failures,
        events=totals.events,
        status=status,
    )


def _finish(store: Store, run_id: str, status: str, totals: RunTotals) -> None:
    store.finish_run(
        run_id,
        articles_in=totals.articles_coded + totals.failures,
        articles_coded=totals.articles_coded,
        failures=totals.failures,
        events=totals.events,
        status=status,
    )


def count_inputs(paths: Sequence[str]) -> int | None:
    """A quick count of the articles ``paths`` hold, for an ETA: one per wire file, one per
    line of a JSON Lines or CSV file (an estimate for CSV). None when a path is stdin or a URL
    (a feed's size is only known once it is read)."""
    total = 0
    for raw in paths:
        if raw == STDIN or "://" in raw:
            return None
        for path, error in expand_input(raw):
            if error is not None or not Path(path).is_file():
                continue
            suffix = Path(path).suffix.lower()
            if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
                total += _lines(Path(path)) - (1 if suffix in CSV_SUFFIXES else 0)
            else:
                total += 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 1
