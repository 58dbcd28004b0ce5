"""Story dedup for articles that reached the store without it (a Spark output being loaded).

The articles are placed in stories exactly as the local runner places them: in input order,
each joining the story of its most similar earlier article (stored before, or loaded before it
in the same load). Runs inside the caller's transaction, so a load lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

import duckdb

from eventwire.runner.stories import (
    StoredSignature,
    StoryIndex,
    StoryItem,
    StorySettings,
    values_from_bytes,
)
from eventwire.store import writer
from eventwire.store.run_state import story_candidates

CHUNK = 1000


def _chunks(ids: Sequence[str], size: int) -> Iterator[list[str]]:
    iterator = iter(ids)
    while chunk := list(islice(iterator, size)):
        yield chunk


def assign_loaded_stories(
    con: duckdb.DuckDBPyConnection,
    article_ids: Sequence[str],
    settings: StorySettings | None = None,
) -> int:
    """Give the stored ``article_ids`` (in input order) their story ids and signatures; return
    how many joined an earlier story. Call inside an open transaction, before the story counts
    are refreshed."""

    def lookup(keys: Sequence[int]) -> Iterator[tuple[int, StoredSignature]]:
        for found in story_candidates(con, keys):
            values = values_from_bytes(found.signature)
            yield (
                found.band_key,
                StoredSignature(found.article_id, found.story_id, found.published, values),
            )

    index = StoryIndex(settings or StorySettings(), lookup=lookup)
    joined = 0
    for chunk in _chunks(article_ids, CHUNK):
        rows = con.execute(
            "SELECT article_id, text, published FROM articles "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [chunk],
        ).fetchall()
        by_id = {str(r[0]): (str(r[1]), r[2]) for r in rows}
        items = [StoryItem(i, by_id[i][0], by_id[i][1]) for i in chunk if i in by_id]
        assigned = index.assign(items)
        joined += sum(1 for a in assigned if a.story_id != a.article_id)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE story_load AS SELECT unnest(?::VARCHAR[]) AS article_id, "
            "unnest(?::VARCHAR[]) AS story_id",
            [[a.article_id for a in assigned], [a.story_id for a in assigned]],
        )
        for table in ("articles", "events"):
            con.execute(
                f"UPDATE {table} SET story_id = s.story_id FROM temp.story_load s "
                f"WHERE {table}.article_id = s.article_id"
            )
        signatures = [
            (a.article_id, a.story_id, a.published, a.signature.to_bytes()) for a in assigned
        ]
        bands = [(key, a.article_id) for a in assigned for key in a.signature.band_keys]
        for sql, data in ((writer.INSERT_SIGNATURES, signatures), (writer.INSERT_BANDS, bands)):
            if data:
                con.execute(sql, [list(column) for column in zip(*data, strict=True)])
    con.execute("DROP TABLE IF EXISTS temp.story_load")
    return joined
