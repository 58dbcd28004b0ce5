"""The shared run loop: batches in single transactions, skips, duplicates, stop, stories."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.engine import Engine
from eventwire.ingest import read_article_text
from eventwire.records import Article, Failure
from eventwire.runner.loop import RunProgress, RunSettings, code_into_store
from eventwire.store import open_store

DAY = date(2021, 3, 18)
STORY = (
    "North Korea rejected an offer of talks from the United States on Thursday. "
    "The foreign ministry said Pyongyang would ignore the proposal. "
    "South Korean officials urged both sides to return to negotiations."
)


def _article(text: str, source: str) -> Article:
    return read_article_text(text, source=source, date=DAY)


def _items() -> list[Article | Failure]:
    return [
        _article(STORY, "a.txt"),
        Failure(source="bad.txt", stage="ingest", code="E101", message="empty"),
        _article("Police arrested dozens of protesters in Minsk on Sunday.", "b.txt"),
        _article(STORY.replace("Thursday", "Friday"), "c.txt"),  # a copy of the first story
        _article(STORY, "a.txt"),  # the same article again
    ]


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_codes_writes_and_groups_stories(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.duckdb"
    seen: list[RunProgress] = []
    commits: list[int] = []
    with open_store(path) as store:
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        result = code_into_store(
            engine,
            store,
            _items(),
            run_id=run,
            settings=RunSettings(write_every=2),
            on_progress=seen.append,
            on_commit=lambda: commits.append(1),
        )
    assert (result.articles_in, result.coded, result.failures, result.duplicates) == (5, 3, 1, 1)
    assert result.articles_in == result.coded + result.failures + result.duplicates
    assert result.stories_joined == 1 and not result.stopped
    assert len(commits) == 2  # two full batches of two items, nothing left over
    assert seen[-1].coded == 3
    stories = _rows(path, "SELECT source, story_id = article_id FROM articles ORDER BY source")
    assert stories == [("a.txt", True), ("b.txt", True), ("c.txt", False)]
    same = _rows(
        path,
        "SELECT count(DISTINCT story_id) FROM articles WHERE source IN ('a.txt', 'c.txt')",
    )
    assert same == [(1,)]
    # Events carry their article's story id.
    mismatched = _rows(
        path,
        "SELECT count(*) FROM events e JOIN articles a USING (article_id) "
        "WHERE e.story_id <> a.story_id",
    )
    assert mismatched == [(0,)]
    assert _rows(path, "SELECT count(*) FROM failures") == [(1,)]


def test_skip_ids_are_not_coded_again(tmp_path: Path, engine: Engine) -> None:
    items = _items()
    first = items[0]
    assert isinstance(first, Article)
    with open_store(tmp_path / "s.duckdb") as store:
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        result = code_into_store(engine, store, items, run_id=run, skip_ids={first.id})
    assert (result.skipped, result.coded) == (2, 2)  # both copies of the skipped id


def test_stop_finishes_what_is_in_flight(tmp_path: Path, engine: Engine) -> None:
    stop = threading.Event()

    def items() -> Iterator[Article | Failure]:
        for number in range(100):
            if number == 3:
                stop.set()
            yield _article(f"Troops withdrew from border town number {number}.", f"{number}.txt")

    with open_store(tmp_path / "s.duckdb") as store:
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        result = code_into_store(engine, store, items(), run_id=run, stop=stop)
        stored = store.counts()["articles"]
    assert result.stopped and result.coded == 3 == stored


def test_a_failed_write_loses_the_batch_only_and_raises(tmp_path: Path, engine: Engine) -> None:
    with open_store(tmp_path / "s.duckdb") as store, pytest.raises(Exception, match="unknown run"):
        code_into_store(engine, store, _items(), run_id="no-such-run")


def test_without_dedup_every_article_is_its_own_story(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        result = code_into_store(
            engine, store, _items(), run_id=run, settings=RunSettings(stories=None)
        )
    assert result.stories_joined == 0
    assert _rows(path, "SELECT count(*) FROM articles WHERE story_id <> article_id") == [(0,)]
    assert _rows(path, "SELECT count(*) FROM story_signatures") == [(0,)]
