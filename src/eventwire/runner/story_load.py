"""Story dedup for articles that reached the store without it (a Spark output being loaded).

The articles are placed in stories exactly as the local runner places them: in input order,
each joining the story of its most similar earlier article (stored before, or loaded before it
in the same load). Runs inside the caller's transaction, so a load lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from eventwire.runner.stories import StoryIndex, StoryItem, StorySettings, stored_lookup
from eventwire.runner.workers import chunks
from eventwire.store import writer
from eventwire.store.run_state import story_candidates

CHUNK = 1000


def assign_loaded_stories(
    con: duckdb.DuckDBPyConnection,
    article_ids: Sequence[str],
    settings: StorySettings | None = None,
) -> int:
    """Give the stored ``article_ids`` (in input order) their story ids and signatures; return
    how many joined an earlier story. Call inside an open transaction, before the story counts
    are refreshed."""
    index = StoryIndex(
        settings or StorySettings(), lookup=stored_lookup(lambda keys: story_candidates(con, keys))
    )
    joined = 0
    for chunk in chunks(article_ids, CHUNK):
        rows = con.execute(
            "SELECT article_id, text, published FROM articles "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [chunk],
        ).fetchall()
        by_id = {str(r[0]): (str(r[1]), r[2]) for r in rows}
        items = [StoryItem(i, by_id[i][0], by_id[i][1]) for i in chunk if i in by_id]
        stories = [assigned.row() for assigned in index.assign(items)]
        joined += sum(1 for story in stories if story.story_id != story.article_id)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE story_load AS SELECT unnest(?::VARCHAR[]) AS article_id, "
            "unnest(?::VARCHAR[]) AS story_id",
            [[story.article_id for story in stories], [story.story_id for story in stories]],
        )
        for table in ("articles", "events"):
            con.execute(
                f"UPDATE {table} SET story_id = s.story_id FROM temp.story_load s "
                f"WHERE {table}.article_id = s.article_id"
            )
        writer.insert_rows(
            con, writer.INSERT_SIGNATURES, [writer.signature_row(s) for s in stories]
        )
        writer.insert_rows(
            con, writer.INSERT_BANDS, [row for story in stories for row in writer.band_rows(story)]
        )
    con.execute("DROP TABLE IF EXISTS temp.story_load")
    return joined
