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
    try:
        found = con.execute(
            "SELECT count(*) FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        if not found or not found[0]:
            return False
        con.execute("BEGIN TRANSACTION")
        stories = writer.stories_of(con, [article_id])
        for sql in writer.DELETE_BY_ARTICLE:
            con.execute(sql, [[article_id]])
        writer.refresh_stories(con, stories)
        con.execute("COMMIT")
    except duckdb.Error as e:
        writer.rollback(con)
        raise StoreError(
            f"deleting article {article_id!r} from store {store.where} failed and nothing was "
            f"deleted: {e}"
        ) from e
    return True
