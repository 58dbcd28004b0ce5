"""A read-only DuckDB connection to a checked store, for readers outside :class:`Store`
(the web server's pool, the exports)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store.duckdb_store import open_store


def connect_read_only(path: str | Path) -> tuple[duckdb.DuckDBPyConnection, int]:
    """Check ``path`` is a current eventwire store, then open it read-only.

    Returns the connection and the store's schema version. DuckDB's temp directory is turned
    off: a reader never writes next to the store (a query that needs to spill fails instead).

    Raises:
        StoreError: missing, not a store, another schema version, or locked by a writer.
    """
    with open_store(path, read_only=True) as store:
        version = store.schema_version
    try:
        con = duckdb.connect(str(path), read_only=True)
        con.execute("SET temp_directory = ''")
    except duckdb.Error as e:
        raise StoreError(f"cannot open store {path} read-only: {e}") from e
    return con, version
