"""Exports of a store's events: PLOVER JSON lines, Parquet, CSV and GDELT 2.0 tab-separated.

``export_events(store, output, fmt=...)`` reads the store read-only and writes exactly one
file, ``output`` (see :func:`eventwire.export.paths.check_output`); a failed export removes the
partial file it wrote.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import duckdb

from eventwire.errors import StoreError
from eventwire.export.gdelt import GDELT_COLUMNS, write_gdelt
from eventwire.export.paths import ExportError, check_output
from eventwire.export.plover import write_plover
from eventwire.export.rows import iter_events
from eventwire.export.tabular import count_rows, write_csv, write_parquet
from eventwire.store.analytics import search_where
from eventwire.store.analytics_models import EventSearch
from eventwire.store.readonly import connect_read_only

ExportFormat = Literal["plover-jsonl", "parquet", "csv", "gdelt"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    events: int
    rows: int


def export_events(
    store: str | Path,
    output: str | Path,
    *,
    fmt: str,
    search: EventSearch | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Write the store's events (those matching ``search``, if given) to ``output``.

    Rows are in store order. One row per event, except ``gdelt``: one row per dyad.

    Raises:
        ExportError: unknown format, or an output path an export must not write.
        StoreError: the store cannot be opened or read.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    path = check_output(Path(output), overwrite=overwrite)
    where, params = search_where(search or EventSearch())
    con, _ = connect_read_only(store)
    try:
        events = count_rows(con, where, params)
        rows = events
        if fmt == "parquet":
            write_parquet(con, path, where, params)
        elif fmt == "csv":
            write_csv(con, path, where, params)
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                stream = iter_events(con, where, params)
                rows = (
                    write_plover(stream, out) if fmt == "plover-jsonl" else write_gdelt(stream, out)
                )
    except duckdb.Error as e:
        with contextlib.suppress(OSError):
            path.unlink()
        raise StoreError(f"exporting {store} to {path} failed: {e}") from e
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    finally:
        con.close()
    return ExportResult(path=path, format=fmt, events=events, rows=rows)


__all__ = ["FORMATS", "GDELT_COLUMNS", "ExportError", "ExportResult", "export_events"]
