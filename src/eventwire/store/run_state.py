"""Queries behind resumable runs and story dedup: what a run already wrote, which earlier
articles share a near-duplicate band with new ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

import duckdb

from eventwire.store.models import RunSummary
from eventwire.store.queries import get_run

RESUMABLE_STATUSES = ("running", "interrupted")


class StoryCandidate(NamedTuple):
    """An earlier article with one of the looked-up band keys."""

    band_key: int
    article_id: str
    story_id: str
    published: date | None
    signature: bytes


class RunTotals(NamedTuple):
    """What a run has in the store now: coded articles, failures and events."""

    articles_coded: int
    failures: int
    events: int


def resumable_run(con: duckdb.DuckDBPyConnection, input_key: str) -> RunSummary | None:
    """The newest unfinished run (``running`` after a kill, ``interrupted`` after Ctrl-C) over
    the same input, or None."""
    row = con.execute(
        "SELECT run_id FROM runs WHERE input_key = ? AND status IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY started_at DESC, run_id DESC LIMIT 1",
        [input_key, list(RESUMABLE_STATUSES)],
    ).fetchone()
    return None if row is None else get_run(con, str(row[0]))


def done_article_ids(con: duckdb.DuckDBPyConnection, run_id: str) -> set[str]:
    """Article ids the run has committed, coded or failed."""
    rows = con.execute(
        "SELECT article_id FROM articles WHERE run_id = ? "
        "UNION SELECT article_id FROM failures WHERE run_id = ? AND article_id IS NOT NULL",
        [run_id, run_id],
    ).fetchall()
    return {str(row[0]) for row in rows}


def run_totals(con: duckdb.DuckDBPyConnection, run_id: str) -> RunTotals:
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles WHERE run_id = $1), "
        "(SELECT count(*) FROM failures WHERE run_id = $1), "
        "(SELECT count(*) FROM events WHERE run_id = $1)",
        [run_id],
    ).fetchone()
    assert row is not None  # an aggregate query always returns one row
    return RunTotals(int(row[0]), int(row[1]), int(row[2]))


def story_candidates(
    con: duckdb.DuckDBPyConnection, band_keys: Sequence[int]
) -> list[StoryCandidate]:
    """Every stored article that has one of ``band_keys``, with its story and signature."""
    if not band_keys:
        return []
    rows = con.execute(
        "SELECT b.band_key, s.article_id, s.story_id, s.published, s.signature "
        "FROM story_bands b JOIN story_signatures s USING (article_id) "
        "WHERE b.band_key IN (SELECT unnest(?::BIGINT[])) ORDER BY b.band_key, s.article_id",
        [list(band_keys)],
    ).fetchall()
    return [StoryCandidate(int(r[0]), str(r[1]), str(r[2]), r[3], bytes(r[4])) for r in rows]
