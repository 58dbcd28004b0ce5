"""Two processes writing one store: the second gets a clear "locked by PID" error."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventwire.errors import StoreLockedError
from eventwire.store import open_store
from eventwire.store.locks import is_lock_conflict, locked_error, locking_pid
from eventwire.store.readonly import connect_read_only

DUCKDB_MESSAGE = (
    'IO Error: Could not set lock on file "/data/s.duckdb": Conflicting lock is held in '
    "/usr/bin/python3.11 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency"
)


def test_the_pid_is_read_from_duckdbs_message() -> None:
    assert is_lock_conflict(DUCKDB_MESSAGE)
    assert locking_pid(DUCKDB_MESSAGE) == 4242
    assert locking_pid("IO Error: Could not set lock on file") is None
    assert not is_lock_conflict("IO Error: No such file or directory")


def test_the_error_says_who_holds_the_lock_and_what_to_do() -> None:
    error = locked_error("/data/s.duckdb", DUCKDB_MESSAGE, read_only=False)
    assert error.pid == 4242 and error.code == "E403"
    assert str(error).startswith("store /data/s.duckdb is locked by PID 4242: only one process")
    unknown = locked_error("s.duckdb", "Could not set lock", read_only=True)
    assert unknown.pid is None and "locked by another process" in str(unknown)


HOLDER = textwrap.dedent(
    """
    import sys
    from eventwire.store import open_store
    with open_store(sys.argv[1]) as store:
        print("open", flush=True)
        sys.stdin.readline()
    """
)


def _open(path: Path, how: str) -> None:
    if how == "read-only connection":  # the server's and the exports' opening
        connect_read_only(path)[0].close()
    else:
        open_store(path, read_only=how == "read-only store").close()


@pytest.mark.parametrize("how", ["store", "read-only store", "read-only connection"])
def test_a_second_process_is_told_the_writers_pid(tmp_path: Path, how: str) -> None:
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(StoreLockedError) as caught:
            _open(path, how)
        assert caught.value.pid == holder.pid
        assert f"store {path} is locked by PID {holder.pid}" in str(caught.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with open_store(path) as store:  # released: the store opens, uncorrupted
        assert store.counts()["articles"] == 0
