"""Streaming event rows (with their article fields) as dicts, for the line-by-line exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

from eventwire.export.tabular import PARQUET_SELECT, from_events

BATCH = 10_000
_EXTRA = (
    ", a.language AS article_language, a.ingested_at AS article_ingested_at, "
    "r.started_at AS run_started_at"
)


def iter_events(
    con: duckdb.DuckDBPyConnection, where: str, params: list[Any]
) -> Iterator[dict[str, Any]]:
    """Every event matching ``where`` as a dict of the Parquet columns plus a few article and
    run fields, in store order, fetched in batches."""
    sql = PARQUET_SELECT + _EXTRA + from_events(where, " LEFT JOIN runs r ON r.run_id = e.run_id")
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    while rows := cursor.fetchmany(BATCH):
        for row in rows:
            yield dict(zip(names, row, strict=True))
