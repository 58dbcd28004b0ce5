"""Read snapshots: a consistent copy of a store that readers open while a writer holds it.

DuckDB lets one process open a file read-write, or any number of processes read-only, never
both at once. A long ingest run therefore owns its store; so that ``eventwire serve`` can keep
answering, the writer publishes a snapshot next to the store (``news.duckdb`` ->
``news.snapshot.duckdb``) after committed batches and at the end of its run.

:func:`publish_snapshot` copies the whole database (``ATTACH`` + ``COPY FROM DATABASE``) on the
writer's own connection, between transactions, into a temporary file in the same folder, then
renames it over the snapshot with :func:`os.replace`. The rename is atomic, so a reader opens
either the old snapshot or the new one, never a half-written file; a reader that has the old
one open keeps reading it (its inode lives until it closes it).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store.duckdb_store import MEMORY, Store

SNAPSHOT_SUFFIX = ".snapshot.duckdb"
_ALIAS = "ew_snapshot"


def snapshot_path(store_path: str | Path) -> Path:
    """Where the snapshot of the store at ``store_path`` lives: ``<stem>.snapshot.duckdb``."""
    path = Path(store_path)
    return path.with_name(path.stem + SNAPSHOT_SUFFIX)


def publish_snapshot(store: Store) -> Path:
    """Write a consistent read copy of ``store`` next to it, atomically; return its path.

    Call it between write transactions (after a batch is committed), from the process that
    holds the store. Its cost is one copy of the database (seconds for millions of events).

    Raises:
        StoreError: the store is in memory, read-only or closed, or the copy failed (the
            previous snapshot, if any, is left as it was).
    """
    if store.where == MEMORY:
        raise StoreError("an in-memory store has no snapshot; open a store file instead")
    if store.read_only:
        raise StoreError(
            f"cannot publish a snapshot of store {store.where}: it was opened read-only; the "
            "process that writes the store publishes its snapshots"
        )
    target = snapshot_path(store.where)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    _remove(temporary)
    con = store._conn()  # the writer's own connection: DuckDB allows no second one
    try:
        (database,) = con.execute("SELECT current_database()").fetchone() or ("",)
        con.execute(f"ATTACH ? AS {_ALIAS}", [str(temporary)])
        try:
            con.execute(f'COPY FROM DATABASE "{database}" TO {_ALIAS}')
        finally:
            con.execute(f"DETACH {_ALIAS}")
        os.replace(temporary, target)
    except (duckdb.Error, OSError) as e:
        raise StoreError(
            f"cannot publish a snapshot of store {store.where} to {target}: {e}; check the "
            "folder is writable and has room for a copy of the store"
        ) from e
    finally:
        _remove(temporary)
    return target


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
