"""Read-only queries over the stored articles and failures: search, paging, one article with
its text, events and quotes. Values always travel as parameters."""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.store.analytics import (
    ARTICLE_COLUMNS,
    ARTICLE_FIELDS,
    SELECT_ROWS,
    article_meta,
    event_row,
    placeholders,
)
from eventwire.store.analytics_models import (
    ArticleDetail,
    ArticlePage,
    FailurePage,
    FailureRow,
    QuoteInfo,
)


def search_articles(
    con: duckdb.DuckDBPyConnection,
    *,
    text: str | None = None,
    since: Any = None,
    until: Any = None,
    limit: int = 50,
    offset: int = 0,
) -> ArticlePage:
    """Articles, newest first; ``text`` is a case-insensitive substring of title or source."""
    clauses: list[str] = []
    params: list[Any] = []
    if text:
        clauses.append("(contains(lower(title), ?) OR contains(lower(source), ?))")
        params += [text.lower(), text.lower()]
    if since is not None:
        clauses.append("published >= ?")
        params.append(since)
    if until is not None:
        clauses.append("published <= ?")
        params.append(until)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = con.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles{where} "
        "ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    counts: dict[str, int] = {}
    if rows:
        ids = [r[0] for r in rows]
        counted = con.execute(
            "SELECT article_id, count(*) FROM events "
            f"WHERE article_id IN ({placeholders(len(ids))}) "
            "GROUP BY article_id",
            ids,
        ).fetchall()
        counts = {str(a): int(n) for a, n in counted}
    total = con.execute("SELECT count(*) FROM articles" + where, params).fetchone()
    return ArticlePage(
        articles=tuple(article_meta(r, counts.get(r[0], 0)) for r in rows),
        total=int(total[0]) if total else 0,
        limit=limit,
        offset=offset,
    )


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleDetail | None:
    """One article with its text, its events (in text order) and its quotes."""
    got = con.execute(
        f"SELECT {ARTICLE_COLUMNS}, text, body_offset, run_id, ingested_at "
        "FROM articles WHERE article_id = ?",
        [article_id],
    ).fetchone()
    if got is None:
        return None
    events = con.execute(
        f"{SELECT_ROWS} WHERE article_id = ? ORDER BY sentence_index, trigger_start, event_id",
        [article_id],
    ).fetchall()
    quotes = con.execute(
        "SELECT text, speaker_text, start_char, end_char FROM quotes WHERE article_id = ? "
        "ORDER BY start_char",
        [article_id],
    ).fetchall()
    meta = article_meta(got[: len(ARTICLE_FIELDS)], len(events))
    text, body_offset, run_id, ingested_at = got[len(ARTICLE_FIELDS) :]
    return ArticleDetail(
        article=meta,
        text=text,
        body_offset=body_offset,
        run_id=run_id,
        ingested_at=ingested_at,
        events=tuple(event_row(r) for r in events),
        quotes=tuple(QuoteInfo(text=t or "", speaker=s, start=a, end=b) for t, s, a, b in quotes),
    )


def search_failures(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str | None = None,
    code: str | None = None,
    stage: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> FailurePage:
    """Recorded failures, newest first, optionally of one run, error code or stage."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (("run_id", run_id), ("code", code), ("stage", stage)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = con.execute(
        'SELECT failure_id, run_id, source, article_id, stage, code, message, excerpt, "at" '
        f'FROM failures{where} ORDER BY "at" DESC, source LIMIT ? OFFSET ?',
        [*params, limit, offset],
    ).fetchall()
    total = con.execute("SELECT count(*) FROM failures" + where, params).fetchone()
    names = (
        "failure_id",
        "run_id",
        "source",
        "article_id",
        "stage",
        "code",
        "message",
        "excerpt",
        "at",
    )
    return FailurePage(
        failures=tuple(FailureRow(**dict(zip(names, r, strict=True))) for r in rows),
        total=int(total[0]) if total else 0,
        limit=limit,
        offset=offset,
    )
