"""eventwire: political event data from news text.

Who did what to whom, when, where, how sure, and which sentence says so.

    >>> import eventwire
    >>> coded = eventwire.code_text("date 2021-03-18\\n\\nNorth Korea rejected the offer.")
    >>> store = eventwire.open_store("eventwire.duckdb")
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventwire.engine import Engine
    from eventwire.records import CodedArticle
    from eventwire.store import Store


@cache
def default_engine() -> Engine:
    """The default pipeline and coder, loaded on first use and reused by this process.

    Loading is pure (the same files give the same engine), so reuse cannot change results.
    """
    from eventwire.engine import Engine

    return Engine.load()


def code_text(text: str, date: date | str | None = None) -> CodedArticle:
    """Code one article's text; ``date`` (or a ``date YYYY-MM-DD`` header) anchors its dates."""
    from datetime import date as date_type

    day = date_type.fromisoformat(date) if isinstance(date, str) else date
    return default_engine().code_text(text, day=day)


def open_store(path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating if needed) an eventwire DuckDB store."""
    from eventwire.store import open_store as _open_store

    return _open_store(path, read_only=read_only)


__all__ = ["__version__", "code_text", "default_engine", "open_store"]
