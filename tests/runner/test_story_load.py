"""Stories for loaded articles equal the stories the local runner gives the same input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from eventwire.engine import Engine
from eventwire.ingest import read_article_text
from eventwire.records import Article
from eventwire.runner.loop import RunSettings, code_into_store
from eventwire.runner.story_load import assign_loaded_stories
from eventwire.store import open_store, writer

DAY = date(2021, 3, 18)
STORY = (
    "North Korea rejected an offer of talks from the United States on Thursday. "
    "The foreign ministry said Pyongyang would ignore the proposal from Washington. "
    "South Korean officials urged both sides to return to negotiations soon."
)


def _articles() -> list[Article]:
    texts = [
        STORY,
        "Police arrested dozens of protesters in Minsk on Sunday after a march.",
        STORY.replace("Thursday", "Friday").replace("soon", "quickly"),
        STORY.replace("rejected", "dismissed"),
    ]
    return [read_article_text(t, source=f"{n}.txt", date=DAY) for n, t in enumerate(texts)]


def _stories(path: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT a.source, a.story_id, s.articles FROM articles a "
            "JOIN stories s USING (story_id) ORDER BY a.source"
        ).fetchall()
    finally:
        con.close()


def test_loaded_articles_get_the_local_runners_stories(tmp_path: Path, engine: Engine) -> None:
    local, loaded = tmp_path / "local.duckdb", tmp_path / "loaded.duckdb"
    with open_store(local) as store:
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        code_into_store(engine, store, _articles(), run_id=run)
    with open_store(loaded) as store:  # as a load writes them: no stories yet
        run = store.start_run(command="t", coder_version="0", lexicon_version="0")
        code_into_store(engine, store, _articles(), run_id=run, settings=RunSettings(stories=None))
        con = store._conn()  # test-only: the function runs inside the loader's transaction
        ids = [a.id for a in _articles()]
        con.execute("BEGIN TRANSACTION")
        joined = assign_loaded_stories(con, ids)
        writer.refresh_stories(con, {str(r[0]) for r in con.execute(
            "SELECT story_id FROM articles").fetchall()} | set(ids))  # fmt: skip
        con.execute("COMMIT")
    assert joined == 2
    assert _stories(loaded) == _stories(local)
    assert [row[2] for row in _stories(local)] == [3, 1, 3, 3]
