"""Read-only DuckDB connections for the server: one database handle, a small pool of cursors.

A DuckDB connection is not thread-safe; each request borrows its own cursor (a connection of
its own to the same database) and gives it back. The file is opened read-only, so the server
can never change a store. What it opens is chosen by :func:`~eventwire.serve.source.open_source`:
the store itself (DuckDB's file lock then keeps writers out, so the data cannot change under
the server), or the store's snapshot while a writer holds the store. A snapshot is replaced by
the writer from time to time; at most once per ``check_seconds`` the pool looks whether it
changed and, if so, opens the new one for the next requests. Requests running on the old one
finish there; it is closed when its last cursor comes back. Cached aggregates belong to one
opened file, so they are never served across a change.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.serve.source import ReadSource, open_source, snapshot_stamp

MEMO_SIZE = 256
logger = logging.getLogger("eventwire.serve")


class PoolBusyError(StoreError):
    """Every cursor stayed busy for the whole wait."""

    code = "E402"


class _Opened:
    """One opened file: its connection, idle cursors and cached aggregates."""

    def __init__(self, con: duckdb.DuckDBPyConnection, source: ReadSource, size: int) -> None:
        self.con = con
        self.source = source
        self.size = size
        self.cursors = tuple(con.cursor() for _ in range(size))
        if source.catalog is not None:
            for cursor in self.cursors:
                cursor.execute(f"USE {source.catalog}")
        self.idle: queue.Queue[duckdb.DuckDBPyConnection] = queue.Queue()
        for cursor in self.cursors:
            self.idle.put(cursor)
        self.memo: dict[tuple[Any, ...], Any] = {}
        self.borrowers = 0  # requests holding or waiting for one of its cursors
        self.retired = False
        self.closed = False

    def close(self) -> None:
        """Close the cursors and the connection (once no request holds a cursor)."""
        for cursor in self.cursors:
            cursor.close()
        self.con.close()
        self.closed = True


class ReadPool:
    """``size`` read-only cursors over the store at ``path`` (or over its snapshot)."""

    def __init__(
        self,
        path: Path,
        *,
        size: int = 4,
        timeout: float = 10.0,
        snapshot_only: bool = False,
        check_seconds: float = 1.0,
    ) -> None:
        if size < 1:
            raise StoreError(f"the connection pool needs at least one cursor (got {size})")
        con, self.schema_version, source = open_source(path, snapshot_only=snapshot_only)
        self.path = path
        self._size = size
        self._timeout = timeout
        self._snapshot_only = snapshot_only
        self._check_seconds = check_seconds
        self._checked_at = time.monotonic()
        self._lock = threading.Lock()
        self._opened: _Opened | None = None
        self._owners: dict[int, _Opened] = {}  # id of a borrowed cursor -> its opened file
        self._install(_Opened(con, source, size))

    @property
    def source(self) -> ReadSource:
        """The file requests read now: the store, or its snapshot."""
        return self._current().source

    def _current(self) -> _Opened:
        opened = self._opened
        if opened is None:
            raise StoreError(f"the server's store {self.path} is closed")
        return opened

    def _install(self, opened: _Opened) -> None:
        self._opened = opened
        for cursor in opened.cursors:
            self._owners[id(cursor)] = opened

    def refresh(self) -> bool:
        """Open the snapshot again if a newer one was published; True when it switched."""
        with self._lock:
            opened = self._current()
            self._checked_at = time.monotonic()
            if not opened.source.snapshot:
                return False
            stamp = snapshot_stamp(self.path)
            if stamp is None or stamp == opened.source.stamp:
                return False
            try:
                con, version, source = open_source(self.path, snapshot_only=True)
            except StoreError as e:
                logger.warning("keeping the snapshot already open: %s", e)
                return False
            self.schema_version = version
            self._install(_Opened(con, source, self._size))
            self._retire(opened)
            return True

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Borrow a cursor for one request."""
        if time.monotonic() - self._checked_at >= self._check_seconds:
            self.refresh()
        with self._lock:
            opened = self._current()
            opened.borrowers += 1
        try:
            try:
                cursor = opened.idle.get(timeout=self._timeout)
            except queue.Empty:
                raise PoolBusyError(
                    f"all database cursors stayed busy for {self._timeout:g} s; retry shortly"
                ) from None
            try:
                yield cursor
            finally:
                opened.idle.put(cursor)
        finally:
            with self._lock:
                opened.borrowers -= 1
                if opened.retired:
                    self._close_if_idle(opened)

    def _retire(self, opened: _Opened) -> None:
        opened.retired = True
        self._close_if_idle(opened)

    def _close_if_idle(self, opened: _Opened) -> None:
        """Close a retired file once all its cursors are back (call with the lock held)."""
        if opened.closed or opened.borrowers:
            return
        for cursor in opened.cursors:
            self._owners.pop(id(cursor), None)
        opened.close()

    def memo(
        self, con: duckdb.DuckDBPyConnection, key: tuple[Any, ...], compute: Callable[[], Any]
    ) -> Any:
        """``compute()`` (a query on the borrowed cursor ``con``) once per key and opened file.

        Keeps the :data:`MEMO_SIZE` most recently computed keys of each file.
        """
        opened = self._owners.get(id(con)) or self._current()
        with self._lock:
            if key in opened.memo:
                return opened.memo[key]
        value = compute()
        with self._lock:
            while len(opened.memo) >= MEMO_SIZE:
                opened.memo.pop(next(iter(opened.memo)))
            return opened.memo.setdefault(key, value)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, None
            if opened is not None:
                self._retire(opened)
