"""Story counts: kept current by every write; events counted once per story."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from eventwire.engine import Engine
from eventwire.ingest import read_article_text
from eventwire.runner.loop import code_into_store
from eventwire.store import EventFilter, open_store

DAY = date(2021, 3, 18)
STORY = (
    "North Korea rejected an offer of talks from the United States on Thursday. "
    "The foreign ministry said Pyongyang would ignore the proposal from Washington. "
    "South Korean officials urged both sides to return to negotiations soon."
)
WIRE = "date 2021-03-18\n\nBy A. Writer | {agency}\n\n{text}\n"


def _coded_store(path: Path, engine: Engine, agencies: list[str]) -> None:
    items = [
        read_article_text(WIRE.format(agency=agency, text=STORY), source=f"{n}.txt")
        for n, agency in enumerate(agencies)
    ]
    other = WIRE.format(agency="AP", text="Police arrested protesters in Minsk on Sunday.")
    items.append(read_article_text(other, source="x.txt"))
    with open_store(path) as store:
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        code_into_store(engine, store, items, run_id=run)


def test_copies_from_different_agencies_count_as_sources(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.duckdb"
    _coded_store(path, engine, ["AP", "Reuters", "AP"])
    with open_store(path, read_only=True) as store:
        events = store.query_events(EventFilter(type="REJECT"))
        once = store.story_events(EventFilter(type="REJECT"))
        by_type = dict((t, (n, s)) for t, n, s in store.count_story_events_by_type())
    # Three identical texts: the AP copies share an article id (same source key and text).
    assert {e.story_articles for e in events} == {2}
    assert {e.story_sources for e in events} == {2}
    assert len({e.story_id for e in events}) == 1
    (reject,) = once
    assert (reject.articles, reject.sources, reject.mentions) == (2, 2, 2)
    assert reject.actor_countries == ("PRK",)
    assert reject.event_id in {e.event_id for e in events}
    assert by_type["REJECT"] == (2, 1)


def test_story_counts_follow_rewrites(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.duckdb"
    _coded_store(path, engine, ["AP", "Reuters"])
    _coded_store(path, engine, ["AP", "Reuters", "AFP"])  # a later run adds a third copy
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT articles, sources FROM stories ORDER BY articles").fetchall()
        consistent = con.execute(
            "SELECT count(*) FROM stories s WHERE articles <> "
            "(SELECT count(*) FROM articles a WHERE a.story_id = s.story_id)"
        ).fetchone()
    finally:
        con.close()
    assert rows == [(1, 1), (3, 3)]
    assert consistent == (0,)


def test_the_api_story_filter_takes_a_story_or_an_article_id(
    tmp_path: Path, engine: Engine
) -> None:
    from eventwire.store import analytics
    from eventwire.store.analytics_models import EventSearch

    path = tmp_path / "s.duckdb"
    _coded_store(path, engine, ["AP", "Reuters"])
    with open_store(path, read_only=True) as store:
        con = store._conn()  # test-only: the analytics functions take a connection
        rows = con.execute(
            "SELECT article_id, story_id FROM articles WHERE agency = 'Reuters'"
        ).fetchall()
        ((copy_id, story_id),) = rows
        by_story = analytics.search_events(con, EventSearch(story=story_id, limit=100))
        by_article = analytics.search_events(con, EventSearch(story=copy_id, limit=100))
    assert by_story.total == by_article.total > 0
    assert {e.article_id for e in by_story.events} == {story_id, copy_id}
    assert {e.story_id for e in by_story.events} == {story_id}
