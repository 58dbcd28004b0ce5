"""Readers: files, directories and stdin to a stream of Articles, with a Failure per bad input.

One wire/text file is one article; a JSON Lines file is read line by line, one article per line.
"""

from __future__ import annotations

import codecs
import datetime
import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from eventwire.errors import (
    BinaryInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    RecordFormatError,
)
from eventwire.ingest.csv_reader import CSV_SUFFIXES, delimiter_for, read_csv
from eventwire.ingest.failures import input_failure
from eventwire.ingest.normalise import decode_bytes
from eventwire.ingest.record_fields import ReadOptions, parse_object, record_to_article
from eventwire.ingest.wire import parse_wire
from eventwire.records import Article, Failure
from eventwire.web.kinds import WEB_SUFFIXES, is_web_url

if TYPE_CHECKING:  # the web libraries load only when an input is a page or a feed
    from eventwire.web.fetch import FetchSettings
    from eventwire.web.inputs import WebInputs

FORMATS = ("auto", "wire", "text", "jsonl", "csv")
JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
INPUT_SUFFIXES = frozenset({".txt", ".text"}) | JSONL_SUFFIXES | CSV_SUFFIXES | WEB_SUFFIXES
GLOB_CHARS = frozenset("*?[")
STDIN = "-"
STDIN_SOURCE = "<stdin>"
_SKIP_CHUNK = 1 << 20


def iter_articles(
    paths: Iterable[str | Path],
    *,
    default_date: datetime.date | None = None,
    fmt: str = "auto",
    max_bytes: int = 20_000_000,
    stdin: BinaryIO | None = None,
    fetch: FetchSettings | None = None,
) -> Iterator[Article | Failure]:
    """Stream Articles from files, directories (recursive, sorted), globs and ``-`` (stdin).

    A bad input yields a ``Failure`` and reading goes on. ``fmt`` is ``auto`` (by extension),
    ``wire``/``text``, ``jsonl`` or ``csv``. ``max_bytes`` bounds a wire file and a JSON Lines or
    CSV record. A path that does not exist but holds ``*``, ``?`` or ``[`` is a glob pattern
    (``**`` matches directories recursively), expanded in sorted order. ``http(s)://`` URLs of
    pages and RSS/Atom feeds, saved ``.html`` pages and ``.rss``/``.atom`` (or feed ``.xml``) files
    are read by :mod:`eventwire.web` (``fetch``: how politely, see ``docs/web.md``).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    return _iterate(paths, ReadOptions(default_date, fmt, max_bytes), stdin, fetch)


def read_article_text(
    text: str,
    *,
    source: str = "<text>",
    date: datetime.date | None = None,
    require_date: bool = True,
) -> Article:
    """One article from a string (wire format or plain text); ``date`` if it has no date line."""
    return parse_wire(text, source=source, default_date=date, require_date=require_date)


def _iterate(
    paths: Iterable[str | Path],
    options: ReadOptions,
    stdin: BinaryIO | None,
    fetch: FetchSettings | None,
) -> Iterator[Article | Failure]:
    from eventwire.web.inputs import WebInputs  # noqa: PLC0415 - see the TYPE_CHECKING import

    with WebInputs(fetch) as web:
        for item in paths:
            if str(item) == STDIN:
                yield from _read_stdin(sys.stdin.buffer if stdin is None else stdin, options)
            elif is_web_url(str(item)):
                yield from web.read_url(str(item), default_date=options.default_date)
            else:
                for path, error in expand_input(str(item)):
                    if error is None:
                        yield from _read_file(Path(path), options, web)
                    else:
                        yield input_failure(str(path), error)


def expand_input(item: str) -> Iterator[tuple[Path, None] | tuple[str, InputError]]:
    """The files one input path names, in reading order, or the error met listing them: a
    directory's input files (recursive, sorted), a glob pattern's matches (when no such path
    exists), else the path itself. Every runner lists its inputs with this."""
    path = Path(item)
    if path.is_dir():
        yield from _walked(path)
    elif not path.exists() and GLOB_CHARS & set(item):
        matches = sorted(glob.iglob(item, recursive=True))
        if not matches:
            yield item, InputError(f"{item}: no file matches this pattern")
        for match in matches:
            found = Path(match)
            yield from (_walked(found) if found.is_dir() else [(found, None)])
    else:
        yield path, None


def _walked(root: Path) -> Iterator[tuple[Path, None] | tuple[str, InputError]]:
    for path, error in _walk(root):
        if error is None:
            yield path, None
        else:
            yield str(path), _os_error(path, error)


def _walk(root: Path) -> list[tuple[Path, OSError | None]]:
    """Input files under ``root`` (hidden ones skipped) and unreadable directories, sorted."""
    found: list[tuple[Path, OSError | None]] = []

    def on_error(error: OSError) -> None:
        found.append((Path(error.filename or root), error))

    for directory, subdirectories, files in os.walk(root, onerror=on_error):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        found.extend(
            (Path(directory, name), None)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES
        )
    return sorted(found, key=lambda item: item[0].parts)


def _os_error(path: Path, error: OSError) -> InputError:
    return InputError(f"{path}: cannot read it: {error.strerror or error}")


def _too_large(source: str, size: int, max_bytes: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"{source}: {size:,} bytes or more is over the limit of {max_bytes:,} bytes; "
        "split the input or raise max_bytes"
    )


def _read_file(path: Path, options: ReadOptions, web: WebInputs) -> Iterator[Article | Failure]:
    source = str(path)
    suffix = path.suffix.lower()
    as_csv = options.fmt == "csv" or (options.fmt == "auto" and suffix in CSV_SUFFIXES)
    jsonl = options.fmt == "jsonl" or (options.fmt == "auto" and suffix in JSONL_SUFFIXES)
    if as_csv or jsonl:
        try:
            handle = path.open("rb")
        except OSError as e:
            yield input_failure(source, _os_error(path, e))
            return
        with handle:
            try:
                if as_csv:
                    yield from read_csv(handle, source, options, delimiter=delimiter_for(path))
                else:
                    yield from _read_jsonl(handle, source, options)
            except OSError as e:
                yield input_failure(source, _os_error(path, e))
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield input_failure(source, _too_large(source, size, options.max_bytes))
            return
        with path.open("rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except OSError as e:
        yield input_failure(source, _os_error(path, e))
        return
    if options.fmt == "auto" and len(data) <= options.max_bytes and web.reads_file(path, data):
        yield from web.read_file(path, data, default_date=options.default_date)
    else:
        yield _wire_article(data, source, options)


def _read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Article | Failure]:
    limit = options.max_bytes
    try:
        first = stream.readline(limit + 1)
        if options.fmt == "jsonl" or (
            options.fmt == "auto" and first.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{"
        ):
            yield from _read_jsonl(stream, STDIN_SOURCE, options, first=first)
            return
        data = first + (stream.read(limit + 1 - len(first)) if len(first) <= limit else b"")
    except OSError as e:
        yield input_failure(STDIN_SOURCE, InputError(f"cannot read stdin: {e.strerror or e}"))
        return
    yield _wire_article(data, STDIN_SOURCE, options)


def _wire_article(data: bytes, source: str, options: ReadOptions) -> Article | Failure:
    if len(data) > options.max_bytes:
        return input_failure(source, _too_large(source, len(data), options.max_bytes))
    text = ""
    try:
        text = decode_bytes(data, source=source)
        return parse_wire(text, source=source, default_date=options.default_date)
    except InputError as e:
        return input_failure(source, e, text=text)


def _lines(stream: BinaryIO, limit: int, first: bytes | None) -> Iterator[bytes | None]:
    """Each line of ``stream``, or None for a line over ``limit`` bytes (its rest is skipped)."""
    line = stream.readline(limit + 1) if first is None else first
    while line:
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(_SKIP_CHUNK)
            yield None
        else:
            yield line
        line = stream.readline(limit + 1)


def _read_jsonl(
    stream: BinaryIO, source: str, options: ReadOptions, *, first: bytes | None = None
) -> Iterator[Article | Failure]:
    for number, line in enumerate(_lines(stream, options.max_bytes, first), 1):
        where = f"{source}:{number}"
        if line is None:
            yield input_failure(where, _too_large(where, options.max_bytes + 1, options.max_bytes))
            continue
        content = line.removeprefix(codecs.BOM_UTF8) if number == 1 else line
        problem = _not_jsonl(content, source) if number == 1 else None
        if problem is not None:
            yield input_failure(source, problem)
            return
        if content.strip():
            yield _record_article(content, where, options)


def _not_jsonl(first_line: bytes, source: str) -> InputError | None:
    """An error if the first line shows the file is binary, a JSON array or pretty-printed."""
    if b"\x00" in first_line:
        return BinaryInputError(f"{source}: contains NUL bytes; it is not a JSON Lines file")
    head = first_line.strip()
    if head.startswith(b"[") or head == b"{":
        kind = "a JSON array" if head.startswith(b"[") else "pretty-printed JSON"
        return RecordFormatError(
            f"{source}: is {kind}, not JSON Lines (one object per line); convert it with "
            f"`jq -c '.[]' {source} > articles.jsonl` (or `jq -c . ...` for one object)"
        )
    return None


def _record_article(line: bytes, where: str, options: ReadOptions) -> Article | Failure:
    text = ""
    try:
        text = _decode_line(line, where)
        return record_to_article(parse_object(text, where), where, options)
    except InputError as e:
        return input_failure(where, e, text=text)


def _decode_line(line: bytes, where: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"{where}: is not UTF-8 (byte 0x{line[e.start]:02X} at column {e.start + 1}); "
            "convert the file first, e.g. `iconv -f latin1 -t utf-8 FILE > converted.jsonl`"
        ) from e
