"""The server's write path: each write opens the store read-write for one request.

The server's pool stays read-only (it reads the snapshot), so a write opens the store itself,
codes or deletes, commits, publishes a new snapshot and closes the store; the pool then sees
the new snapshot. Writes are serialised by one lock per app; the engine (the spaCy pipeline)
is loaded on the first coded article only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from eventwire.coding import CODER_VERSION
from eventwire.engine import Engine
from eventwire.records import Article
from eventwire.store import open_store
from eventwire.store.deletes import delete_article
from eventwire.store.snapshot import publish_snapshot


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What a coded and stored article came to."""

    article_id: str
    run_id: str
    events: int


class ArticleWriter:
    """Codes posted articles into, and deletes articles from, the store at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._engine: Engine | None = None

    def _loaded(self) -> Engine:
        if self._engine is None:
            self._engine = Engine.load()
        return self._engine

    def code_and_store(self, article: Article, *, command: str) -> StoredArticle:
        """Code ``article`` and store it as one run; publish a snapshot.

        Raises:
            InputError: a size guard refused the article.
            CodingTimeoutError: coding passed the deadline.
            StoreLockedError: another process holds the store.
        """
        with self._lock:
            engine = self._loaded()
            coded = engine.code_article(article)
            with open_store(self.path) as store:
                run = store.start_run(
                    command=command,
                    coder_version=CODER_VERSION,
                    lexicon_version=engine.coder.lexicon_version,
                )
                store.write_articles([coded], run_id=run)
                store.finish_run(
                    run, articles_in=1, articles_coded=1, failures=0, events=len(coded.events)
                )
                publish_snapshot(store)
        return StoredArticle(article_id=coded.article.id, run_id=run, events=len(coded.events))

    def delete(self, article_id: str) -> bool:
        """Delete one article; False when the store has none by that id."""
        with self._lock, open_store(self.path) as store:
            deleted = delete_article(store, article_id)
            if deleted:
                publish_snapshot(store)
        return deleted
