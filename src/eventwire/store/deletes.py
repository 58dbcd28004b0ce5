"""Deleting an article from a store: its row and everything coded from it, in one transaction."""

from __future__ import annotations

import duckdb

from eventwire.errors import StoreError
from eventwire.store import writer
from eventwire.store.duckdb_store import Store


def delete_article(store: Store, article_id: str) -> bool:
    """Remove the article ``article_id`` with its events, mentions, quotes, story rows and
    failures; False (and nothing changed) when the store has no such article.

    Raises:
        StoreError: the store is read-only or closed, or the delete failed (nothing changed).
    """
    if store.read_only:
        raise StoreError(
            f"cannot delete article {article_id!r}: store {store.where} was opened read-only"
        )
    con = store._conn()  # the store's one connection; deletes are its writes too
    # A batch with this article and nothing to insert: the writer's own transaction deletes
    # every row of it and recounts its story.
    empty = writer.BatchRows(
        article_ids=[article_id], articles=[], events=[], mentions=[], quotes=[]
    )
    try:
        found = con.execute(
            "SELECT count(*) FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        if not found or not found[0]:
            return False
        writer.write_batch(con, empty)
    except (duckdb.Error, StoreError) as e:
        raise StoreError(
            f"deleting article {article_id!r} from store {store.where} failed and nothing was "
            f"deleted: {e}"
        ) from e
    return True
