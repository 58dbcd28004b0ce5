"""A read-only DuckDB connection to a checked store, for readers outside :class:`Store`
(the web server's pool, the exports)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store.duckdb_store import open_connection


def connect_read_only(path: str | Path) -> tuple[duckdb.DuckDBPyConnection, int]:
    """Check ``path`` is a current eventwire store, then open it read-only.

    Returns the connection and the store's schema version. DuckDB's temp directory is turned
    off: a reader never writes next to the store (a query that needs to spill fails instead).

    The file is opened once: a writer that takes it between a check and the opening cannot
    turn the lock into another error.

    Raises:
        StoreLockedError: a writer holds the store.
        StoreError: missing, not a store or another schema version.
    """
    con, version = open_connection(path, read_only=True)
    try:
        con.execute("SET temp_directory = ''")
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"cannot open store {path} read-only: {e}") from e
    return con, version
