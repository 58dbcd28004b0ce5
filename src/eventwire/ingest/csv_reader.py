"""CSV and TSV files: one article per row, streamed, with a Failure per bad row.

The first row names the columns (case and surrounding spaces ignored); ``text`` is required, and
the other columns are read like a JSON Lines record's fields (see ``record_fields``). A row with
broken quoting or the wrong number of fields is a failure of that row; reading goes on with the
next row. A file that is not UTF-8 stops at the first undecodable byte, with a failure naming
the line, since a CSV row cannot be re-found reliably after it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import (
    BinaryInputError,
    EncodingError,
    InputError,
    RecordFormatError,
)
from eventwire.ingest.failures import input_failure
from eventwire.ingest.record_fields import ReadOptions, record_to_article
from eventwire.records import Article, Failure

CSV_SUFFIXES = frozenset({".csv", ".tsv"})


def delimiter_for(path: Path) -> str:
    """Tab for ``.tsv`` files, comma otherwise."""
    return "\t" if path.suffix.lower() == ".tsv" else ","


def read_csv(
    handle: BinaryIO,
    source: str,
    options: ReadOptions,
    *,
    delimiter: str = ",",
) -> Iterator[Article | Failure]:
    """Articles from the rows of an open binary CSV stream; failures for the rows that fail."""
    # The csv module's field limit is process-wide; it only ever grows here, up to the limit
    # the caller set for one record, so an article longer than 128 KiB can be read at all.
    if csv.field_size_limit() < options.max_bytes:
        csv.field_size_limit(options.max_bytes)
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
    rows = csv.reader(text, delimiter=delimiter, strict=True)
    try:
        header = next(rows, None)
    except (csv.Error, UnicodeDecodeError) as e:
        yield input_failure(source, _header_error(source, e))
        return
    if header is None:
        yield input_failure(source, RecordFormatError(f"{source}: the CSV file is empty"))
        return
    columns = [name.strip().lower() for name in header]
    if "text" not in columns:
        yield input_failure(
            source,
            RecordFormatError(
                f"{source}: the CSV header has no 'text' column (found: "
                f"{', '.join(columns) or 'nothing'}); name the article text column 'text'"
            ),
        )
        return
    yield from _rows(rows, columns, source, options)


def _rows(
    rows: Iterator[list[str]], columns: list[str], source: str, options: ReadOptions
) -> Iterator[Article | Failure]:
    line = _line_num(rows, 1)  # the header may span lines (a quoted line break)
    while True:
        start = line + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except UnicodeDecodeError as e:
            yield input_failure(
                f"{source}:{start}",
                EncodingError(
                    f"{source}:{start}: is not UTF-8 ({e.reason}); the rest of the file was not "
                    "read. Convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > out.csv`"
                ),
            )
            return
        except csv.Error as e:
            line = _line_num(rows, line)
            yield input_failure(
                f"{source}:{start}",
                RecordFormatError(f"{source}:{start}: broken CSV row ({e}); check its quoting"),
            )
            continue
        line = _line_num(rows, line)
        where = f"{source}:{start}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            yield input_failure(
                where,
                RecordFormatError(
                    f"{where}: row has {len(row)} fields but the header has {len(columns)}; "
                    "quote fields that contain the delimiter"
                ),
            )
            continue
        if any("\x00" in cell for cell in row):
            yield input_failure(where, BinaryInputError(f"{where}: row contains NUL bytes"))
            continue
        try:
            yield record_to_article(dict(zip(columns, row, strict=True)), where, options)
        except InputError as e:
            yield input_failure(where, e)


def _line_num(rows: Iterator[list[str]], fallback: int) -> int:
    number = getattr(rows, "line_num", None)
    return number if isinstance(number, int) else fallback


def _header_error(source: str, error: Exception) -> InputError:
    if isinstance(error, UnicodeDecodeError):
        return EncodingError(
            f"{source}: is not UTF-8 ({error.reason}); convert it first, e.g. "
            "`iconv -f latin1 -t utf-8 FILE > out.csv`"
        )
    if "NUL" in str(error) or "null byte" in str(error).lower():
        return BinaryInputError(f"{source}: contains NUL bytes; it is not a CSV file")
    return RecordFormatError(f"{source}: unreadable CSV header ({error})")
