"""DuckDB's file lock, told to the user: which process holds a store, and what to do.

DuckDB lets one process open a file read-write, or any number read-only, never both. When the
lock is taken, ``duckdb.connect`` raises an ``IOException`` whose message names the holder
("Conflicting lock is held in /usr/bin/python3 (PID 4242)"); :func:`locked_error` turns it
into a :class:`StoreLockedError` that names the PID.
"""

from __future__ import annotations

import re

from eventwire.errors import StoreLockedError

_HOLDER = re.compile(r"lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")
_LOCK_WORDS = ("Could not set lock", "Conflicting lock")


def is_lock_conflict(message: str) -> bool:
    """Whether a DuckDB error message is about another process holding the file lock."""
    return any(words in message for words in _LOCK_WORDS)


def locking_pid(message: str) -> int | None:
    """The PID DuckDB names as the lock holder in ``message``, if it names one."""
    match = _HOLDER.search(message)
    return int(match["pid"]) if match else None


def locked_error(where: str, message: str, *, read_only: bool) -> StoreLockedError:
    """The error for a store whose lock another process holds (``message`` is DuckDB's)."""
    pid = locking_pid(message)
    holder = f"PID {pid}" if pid is not None else "another process"
    if read_only:
        advice = (
            "a process is writing to it; read its snapshot (`eventwire serve` does this by "
            "itself), or wait for the writer to finish"
        )
    else:
        advice = (
            "only one process can write to a store at a time; wait for that one to finish "
            f"(or stop it: `kill {pid}`), or write to another store file"
            if pid is not None
            else "only one process can write to a store at a time; wait for the other to finish"
        )
    return StoreLockedError(f"store {where} is locked by {holder}: {advice}", pid=pid)
