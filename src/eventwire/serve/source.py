"""What the server reads: the store itself, or its snapshot while a writer holds the store.

DuckDB lets one process open a file read-write, or many read-only, never both. The server
opens the store read-only when it can; when an ingest run holds it, the server reads the
snapshot the run publishes (:mod:`eventwire.store.snapshot`) and reopens it when a newer one
appears. With ``snapshot_only`` the server never opens the store itself, so writers can start
at any time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from eventwire.errors import StoreError, StoreLockedError
from eventwire.store.duckdb_store import open_store
from eventwire.store.readonly import connect_read_only
from eventwire.store.snapshot import publish_snapshot, snapshot_path

SNAPSHOT_CATALOG = "snapshot"


@dataclass(frozen=True, slots=True)
class ReadSource:
    """The file a server connection reads, and the snapshot's stamp when it is one."""

    path: Path
    snapshot: bool
    stamp: tuple[int, int] | None = None
    catalog: str | None = None  # the attached database each cursor must ``USE``


def snapshot_stamp(store_path: Path) -> tuple[int, int] | None:
    """The snapshot's (inode, mtime in ns), or None when there is no snapshot.

    Each publication renames a new file over the snapshot, so the inode changes even when two
    publications fall within the file system's clock tick.
    """
    try:
        stat = snapshot_path(store_path).stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def open_source(
    store_path: Path, *, snapshot_only: bool = False
) -> tuple[duckdb.DuckDBPyConnection, int, ReadSource]:
    """A read-only connection to the store, or to its snapshot if the store is locked.

    Returns the connection, the schema version and what was opened.

    Raises:
        StoreLockedError: a writer holds the store and has published no snapshot yet.
        StoreError: the store (or snapshot) is missing, not a store, or of another version.
    """
    snapshot = snapshot_path(store_path)
    if not snapshot_only:
        try:
            con, version = connect_read_only(store_path)
        except StoreLockedError as locked:
            if snapshot_stamp(store_path) is None:
                raise StoreLockedError(
                    f"{locked}. It has no snapshot ({snapshot}) to serve meanwhile: the "
                    "writer publishes one after its first committed batch; try again then",
                    pid=locked.pid,
                ) from locked
        else:
            return con, version, ReadSource(store_path, snapshot=False)
    stamp = snapshot_stamp(store_path)
    if stamp is None:
        raise StoreError(
            f"store {store_path} has no snapshot {snapshot}; publish one with "
            f"`eventwire snapshot --db {store_path}` or serve the store itself"
        )
    con, version = _attach_read_only(snapshot)
    return con, version, ReadSource(snapshot, snapshot=True, stamp=stamp, catalog=SNAPSHOT_CATALOG)


def _attach_read_only(path: Path) -> tuple[duckdb.DuckDBPyConnection, int]:
    """The snapshot at ``path`` attached read-only to a new in-memory database.

    ``duckdb.connect(path)`` hands back the database a process already has open at that path,
    and a server still holding the previous snapshot (for requests in flight) would get that
    old file again; an attachment in a fresh database opens the file now at ``path``.
    """
    with open_store(path, read_only=True) as store:
        version = store.schema_version  # checks it is a current store
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET temp_directory = ''")
        con.execute(f"ATTACH ? AS {SNAPSHOT_CATALOG} (READ_ONLY)", [str(path)])
        con.execute(f"USE {SNAPSHOT_CATALOG}")
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"cannot open snapshot {path} read-only: {e}") from e
    return con, version


def ensure_snapshot(store_path: Path) -> None:
    """Publish a first snapshot of the store if it has none (opening it read-write briefly).

    Raises:
        StoreError: the store is missing or locked (and has no snapshot), or the copy failed.
    """
    if snapshot_stamp(store_path) is not None:
        return
    if not store_path.exists():
        raise StoreError(f"store {store_path} does not exist; create it by coding into it first")
    with open_store(store_path) as store:
        publish_snapshot(store)
