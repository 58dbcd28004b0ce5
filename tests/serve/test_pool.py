"""The server's connections are read-only, and it refuses stores it cannot serve."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import SchemaVersionError, StoreError
from eventwire.serve import create_app
from eventwire.serve.pool import MEMO_SIZE, ReadPool
from eventwire.store import open_store


def test_cursors_cannot_write(coded_store: Path) -> None:
    pool = ReadPool(coded_store, size=2)
    try:
        with pool.connection() as con:
            with pytest.raises(duckdb.Error, match="read-only"):
                con.execute("DELETE FROM events")
            assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0
    finally:
        pool.close()
        pool.close()  # closing twice is harmless


def test_memo_computes_once_and_stays_bounded(coded_store: Path) -> None:
    pool = ReadPool(coded_store, size=1)
    calls: list[int] = []
    try:
        with pool.connection() as con:
            assert pool.memo(con, ("k",), lambda: calls.append(1) or 42) == 42
            assert pool.memo(con, ("k",), lambda: calls.append(1) or 43) == 42
            assert calls == [1]
            for i in range(MEMO_SIZE + 10):
                pool.memo(con, ("n", i), lambda i=i: i)
        assert len(pool._current().memo) <= MEMO_SIZE
    finally:
        pool.close()


def test_missing_and_foreign_stores_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        create_app(tmp_path / "missing.duckdb")
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        create_app(foreign)


def test_store_from_a_newer_eventwire_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_info VALUES (99, now()::TIMESTAMP, 'future')")
    con.close()
    with pytest.raises(SchemaVersionError):
        create_app(path)
