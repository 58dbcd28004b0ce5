"""Read-only DuckDB connections for the server: one database handle, a small pool of cursors.

A DuckDB connection is not thread-safe; each request borrows its own cursor (a connection of
its own to the same database) and gives it back. The file is opened read-only, so the server
can never change a store, and DuckDB's file lock keeps writers out while it runs: the data a
server sees cannot change under it, which is what lets it cache a few aggregates.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.store.readonly import connect_read_only

MEMO_SIZE = 256


class PoolBusyError(StoreError):
    """Every cursor stayed busy for the whole wait."""

    code = "E402"


class ReadPool:
    """``size`` read-only cursors over the store at ``path``."""

    def __init__(self, path: Path, *, size: int = 4, timeout: float = 10.0) -> None:
        if size < 1:
            raise StoreError(f"the connection pool needs at least one cursor (got {size})")
        con, self.schema_version = connect_read_only(path)  # checks it is a current store
        self._con: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self._timeout = timeout
        self._idle: queue.Queue[duckdb.DuckDBPyConnection] = queue.Queue()
        for _ in range(size):
            self._idle.put(con.cursor())
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._memo_lock = threading.Lock()

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Borrow a cursor for one request."""
        if self._con is None:
            raise StoreError(f"the server's store {self.path} is closed")
        try:
            cursor = self._idle.get(timeout=self._timeout)
        except queue.Empty:
            raise PoolBusyError(
                f"all database cursors stayed busy for {self._timeout:g} s; retry shortly"
            ) from None
        try:
            yield cursor
        finally:
            self._idle.put(cursor)

    def memo(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key (the store cannot change while the pool is open).

        Keeps the :data:`MEMO_SIZE` most recently computed keys.
        """
        with self._memo_lock:
            if key in self._memo:
                return self._memo[key]
        value = compute()
        with self._memo_lock:
            while len(self._memo) >= MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
            return self._memo.setdefault(key, value)

    def close(self) -> None:
        if self._con is None:
            return
        while not self._idle.empty():
            self._idle.get_nowait().close()
        self._con.close()
        self._con = None
