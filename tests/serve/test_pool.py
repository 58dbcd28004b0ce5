"""The server's connections are read-only, and it refuses stores it cannot serve."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import SchemaVersionError, StoreError
from eventwire.serve import create_app
from eventwire.serve.pool import MEMO_SIZE, PoolBusyError, ReadPool
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


def test_waiting_requests_get_cursors_in_order_without_threads(coded_store: Path) -> None:
    import asyncio

    pool = ReadPool(coded_store, size=1, timeout=5)
    order: list[int] = []

    async def request(n: int, hold: float) -> None:
        async with pool.aconnection() as con:
            order.append(n)
            con.execute("SELECT count(*) FROM events").fetchall()
            await asyncio.sleep(hold)

    async def main() -> None:
        first = asyncio.create_task(request(0, 0.05))
        await asyncio.sleep(0.01)  # 0 holds the only cursor; 1..5 queue up in this order
        rest = []
        for n in range(1, 6):
            rest.append(asyncio.create_task(request(n, 0)))
            await asyncio.sleep(0)
        await asyncio.gather(first, *rest)

    try:
        asyncio.run(main())
        assert order == [0, 1, 2, 3, 4, 5]
        with pool.connection() as con:  # every cursor came back
            assert con.execute("SELECT 1").fetchall() == [(1,)]
    finally:
        pool.close()


def test_a_request_that_waits_too_long_gets_busy_and_the_cursor_is_not_lost(
    coded_store: Path,
) -> None:
    import asyncio

    pool = ReadPool(coded_store, size=1, timeout=0.05)

    async def main() -> None:
        async with pool.aconnection():
            with pytest.raises(PoolBusyError, match="stayed busy"):
                async with pool.aconnection():
                    pass
        async with pool.aconnection() as con:  # the cursor was handed back, not to the quitter
            assert con.execute("SELECT 1").fetchall() == [(1,)]

    try:
        asyncio.run(main())
    finally:
        pool.close()
