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

import asyncio
import collections
import logging
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
import duckdb

from eventwire.errors import StoreError
from eventwire.serve.source import ReadSource, open_source, snapshot_stamp

MEMO_SIZE = 256
logger = logging.getLogger("eventwire.serve")


class PoolBusyError(StoreError):
    """Every cursor stayed busy for the whole wait."""

    code = "E402"


_Waiter = tuple[asyncio.AbstractEventLoop, "asyncio.Future[duckdb.DuckDBPyConnection]"]


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
        # requests of event loops waiting for a cursor, first come first served
        self.waiters: collections.deque[_Waiter] = collections.deque()
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

    def _refresh_due(self) -> bool:
        """Time to look for a newer snapshot? Never while the store itself is served."""
        opened = self._opened
        if opened is None or not opened.source.snapshot:
            return False
        return time.monotonic() - self._checked_at >= self._check_seconds

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Borrow a cursor (waiting in this thread up to the timeout)."""
        if self._refresh_due():
            self.refresh()
        opened = self._borrow()
        try:
            try:
                cursor = opened.idle.get(timeout=self._timeout)
            except queue.Empty:
                raise self._busy() from None
            try:
                yield cursor
            finally:
                self._release(opened, cursor)
        finally:
            self._give_back(opened)

    @asynccontextmanager
    async def aconnection(self) -> AsyncIterator[duckdb.DuckDBPyConnection]:
        """Borrow a cursor from a request handler, waiting in the event loop, not in a worker
        thread: with every cursor busy, waiting requests must not take the threads that the
        requests holding cursors need to finish (that starves the server under load)."""
        if self._refresh_due():
            await anyio.to_thread.run_sync(self.refresh)
        opened = self._borrow()
        try:
            cursor = await self._wait_for(opened)
            try:
                yield cursor
            finally:
                self._release(opened, cursor)
        finally:
            self._give_back(opened)

    async def _wait_for(self, opened: _Opened) -> duckdb.DuckDBPyConnection:
        """A free cursor now, or the next one given back, in the order requests asked."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if not opened.waiters:
                try:
                    return opened.idle.get_nowait()
                except queue.Empty:
                    pass
            waiter: asyncio.Future[duckdb.DuckDBPyConnection] = loop.create_future()
            opened.waiters.append((loop, waiter))
        try:
            return await asyncio.wait_for(waiter, self._timeout)
        except TimeoutError:
            with self._lock:
                if (loop, waiter) in opened.waiters:
                    opened.waiters.remove((loop, waiter))
            raise self._busy() from None

    def _release(self, opened: _Opened, cursor: duckdb.DuckDBPyConnection) -> None:
        """Hand ``cursor`` to the first waiting request, or put it back (from any thread)."""
        with self._lock:
            while opened.waiters:
                loop, waiter = opened.waiters.popleft()
                try:
                    loop.call_soon_threadsafe(self._deliver, opened, waiter, cursor)
                except RuntimeError:  # that request's event loop is closed
                    continue
                return
            opened.idle.put(cursor)

    def _deliver(
        self,
        opened: _Opened,
        waiter: asyncio.Future[duckdb.DuckDBPyConnection],
        cursor: duckdb.DuckDBPyConnection,
    ) -> None:
        """In the waiter's loop: give it the cursor, or pass it on if it stopped waiting."""
        if waiter.done():
            self._release(opened, cursor)
        else:
            waiter.set_result(cursor)

    def _busy(self) -> PoolBusyError:
        return PoolBusyError(
            f"all database cursors stayed busy for {self._timeout:g} s; retry shortly"
        )

    def _borrow(self) -> _Opened:
        with self._lock:
            opened = self._current()
            opened.borrowers += 1
            return opened

    def _give_back(self, opened: _Opened) -> None:
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
