"""Read queries over the store. Values always travel as parameters, never inside SQL text.

The only SQL text assembled at run time comes from fixed strings in this module: the selected
columns and the analyst search's ``WHERE`` clause (:func:`filter_sql`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from eventwire.records import Failure
from eventwire.store.analytics import search_where
from eventwire.store.analytics_models import EventSearch
from eventwire.store.dyads import dyads_cte
from eventwire.store.models import EventFilter, RunSummary, StoredEvent

# (column or expression, StoredEvent field) for every field StoredEvent carries.
_EVENT_SELECT: tuple[tuple[str, str], ...] = (
    ("event_id", "event_id"),
    ("article_id", "article_id"),
    ("type", "type"),
    ("mode", "mode"),
    ("cameo", "cameo"),
    ("score", "score"),
    ("quad_class", "quad_class"),
    ("actor_countries", "actor_countries"),
    ("recipient_countries", "recipient_countries"),
    ("actors", "actor_texts"),
    ("recipients", "recipient_texts"),
    ("date_earliest", "date_earliest"),
    ("date_latest", "date_latest"),
    ("date_phrase", "date_phrase"),
    ("modality", "modality"),
    ("trigger_text", "trigger_text"),
    ("sentence_text", "sentence_text"),
    ("trigger_start", "trigger_start"),
    ("trigger_end", "trigger_end"),
    ("sentence_start", "sentence_start"),
    ("confidence", "confidence"),
    ("quote_speaker", "quote_speaker"),
    ("location_name", "location_name"),
    ("rule", "rule"),
    ("lexicon_entry", "lexicon_entry"),
    ("actor_evidence", "actor_evidence"),
    ("sentence_index", "sentence_index"),
    ("sentence_end", "sentence_end"),
    ("goldstein", "goldstein"),
    ("contexts", "contexts"),
    ("location_country", "location_country"),
    ("coder_version", "coder_version"),
    ("lexicon_version", "lexicon_version"),
    ("run_id", "run_id"),
    ("location_lat", "location_lat"),
    ("location_lon", "location_lon"),
    ("events.story_id", "story_id"),
    ("coalesce(stories.articles, 1)", "story_articles"),
    ("coalesce(stories.sources, 1)", "story_sources"),
)
# Events with their story's counts (a store row always has its story; coalesce for safety).
_SELECT_EVENTS = (
    "SELECT "
    + ", ".join(col for col, _ in _EVENT_SELECT)
    + " FROM events LEFT JOIN stories ON stories.story_id = events.story_id"
)
_LIST_FIELDS = frozenset({"actor_countries", "recipient_countries", "actor_evidence", "contexts"})
_TEXT_FIELDS = frozenset({"actor_texts", "recipient_texts"})
_ORDER = (
    " ORDER BY date_earliest ASC NULLS LAST, article_id, sentence_index, trigger_start, event_id"
)


# EventFilter field -> the fixed WHERE clause it adds; its value is bound as a parameter.
def _event_from_row(row: Sequence[Any]) -> StoredEvent:
    values: dict[str, Any] = {}
    for (_, name), value in zip(_EVENT_SELECT, row, strict=True):
        if name in _LIST_FIELDS:
            values[name] = tuple(value or ())
        elif name in _TEXT_FIELDS:
            values[name] = tuple(actor["text"] for actor in value or ())
        else:
            values[name] = value
    return StoredEvent(**values)


def filter_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (fixed text) and the parameters for a filter: the analyst search's
    (:func:`~eventwire.store.analytics.search_where`), so both filter events alike."""
    search = EventSearch(
        actor=flt.actor,
        recipient=flt.recipient,
        types=(flt.type,) if flt.type else (),
        since=flt.since,
        until=flt.until,
        article_id=flt.article_id,
        modalities=(flt.modality,) if flt.modality else (),
    )
    return search_where(search)


def query_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[StoredEvent]:
    where, params = filter_sql(flt)
    sql = _SELECT_EVENTS + where + _ORDER + " LIMIT ? OFFSET ?"
    rows = con.execute(sql, [*params, flt.limit, flt.offset]).fetchall()
    return [_event_from_row(row) for row in rows]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> StoredEvent | None:
    row = con.execute(_SELECT_EVENTS + " WHERE events.event_id = ?", [event_id]).fetchone()
    return _event_from_row(row) if row is not None else None


def count_events_by_type(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    rows = con.execute(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
    ).fetchall()
    return [(str(t), int(n)) for t, n in rows]


def top_dyads(con: duckdb.DuckDBPyConnection, limit: int) -> list[tuple[str, str, int]]:
    """(actor country, recipient country, events) of the busiest dyads (see
    :mod:`eventwire.store.dyads`: compound actors give every pair, mutual events their cross
    pairs only)."""
    rows = con.execute(
        dyads_cte("", "type") + "SELECT src, dst, count(*) AS n FROM dyads GROUP BY src, dst "
        "ORDER BY n DESC, src, dst LIMIT ?",
        [limit],
    ).fetchall()
    return [(str(a), str(r), int(n)) for a, r, n in rows]


def failures(con: duckdb.DuckDBPyConnection) -> list[Failure]:
    rows = con.execute(
        "SELECT source, stage, code, message, article_id, excerpt FROM failures "
        "ORDER BY source, stage, code"
    ).fetchall()
    return [
        Failure(
            source=source,
            stage=stage,
            code=code,
            message=message,
            article_id=article_id,
            excerpt=excerpt or "",
        )
        for source, stage, code, message, article_id, excerpt in rows
    ]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM failures), (SELECT count(*) FROM runs), "
        "(SELECT count(*) FROM actor_mentions), (SELECT count(*) FROM quotes)"
    ).fetchone()
    names = ("articles", "events", "failures", "runs", "actor_mentions", "quotes")
    values = row if row is not None else (0,) * len(names)
    return {name: int(value) for name, value in zip(names, values, strict=True)}


def article_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {str(row[0]) for row in con.execute("SELECT article_id FROM articles").fetchall()}


_LOOKUP_COLUMNS = frozenset({"url", "content_hash"})


def existing_values(con: duckdb.DuckDBPyConnection, column: str, values: Iterable[str]) -> set[str]:
    """Those of ``values`` found in the ``articles`` column ``column`` (url or content_hash)."""
    if column not in _LOOKUP_COLUMNS:
        raise ValueError(f"cannot look up articles by {column!r}")
    wanted = sorted(set(values))
    if not wanted:
        return set()
    sql = f"SELECT DISTINCT {column} FROM articles WHERE {column} IN (SELECT unnest(?::VARCHAR[]))"
    return {str(row[0]) for row in con.execute(sql, [wanted]).fetchall()}


_RUN_COLUMNS = (
    "run_id, started_at, finished_at, command, coder_version, lexicon_version, "
    "articles_in, articles_coded, failures, events, status"
)


def _run_from_row(row: Sequence[Any]) -> RunSummary:
    names = [name.strip() for name in _RUN_COLUMNS.split(",")]
    return RunSummary(**dict(zip(names, row, strict=True)))


def get_run(con: duckdb.DuckDBPyConnection, run_id: str) -> RunSummary | None:
    row = con.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE run_id = ?", [run_id]).fetchone()
    return _run_from_row(row) if row is not None else None


def runs(con: duckdb.DuckDBPyConnection) -> list[RunSummary]:
    rows = con.execute(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY started_at, run_id").fetchall()
    return [_run_from_row(row) for row in rows]
