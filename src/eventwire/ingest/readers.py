"""Readers: files, directories and stdin to a stream of Articles, with a Failure per bad input.

One wire/text file is one article; a JSON Lines file is read line by line, one article per line.
"""

from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    RecordFormatError,
)
from eventwire.ingest.ids import article_id, make_source_key
from eventwire.ingest.normalise import decode_bytes, normalise_text
from eventwire.ingest.wire import match_dateline, parse_wire
from eventwire.records import Article, Failure, HeaderField

FORMATS = ("auto", "wire", "text", "jsonl")
JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
INPUT_SUFFIXES = frozenset({".txt", ".text"}) | JSONL_SUFFIXES
STDIN = "-"
STDIN_SOURCE = "<stdin>"
EXCERPT_CHARS = 120
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SKIP_CHUNK = 1 << 20

_YMD = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMPACT = re.compile(r"\d{8}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ].+")
_DAY_MON_YEAR = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:[ T].*)?")  # Reuters-21578


class _Options(NamedTuple):
    default_date: datetime.date | None
    fmt: str
    max_bytes: int


def iter_articles(
    paths: Iterable[str | Path],
    *,
    default_date: datetime.date | None = None,
    fmt: str = "auto",
    max_bytes: int = 20_000_000,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Stream Articles from files, directories (recursive, sorted) and ``-`` (stdin).

    A bad input yields a ``Failure`` and reading goes on. ``fmt`` is ``auto`` (by extension),
    ``wire``/``text`` or ``jsonl``. ``max_bytes`` bounds a wire file and a JSON Lines record.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    return _iterate(paths, _Options(default_date, fmt, max_bytes), stdin)


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
    paths: Iterable[str | Path], options: _Options, stdin: BinaryIO | None
) -> Iterator[Article | Failure]:
    for item in paths:
        if str(item) == STDIN:
            yield from _read_stdin(sys.stdin.buffer if stdin is None else stdin, options)
        elif Path(item).is_dir():
            for path, error in _walk(Path(item)):
                if error is None:
                    yield from _read_file(path, options)
                else:
                    yield _failure(str(path), _os_error(path, error))
        else:
            yield from _read_file(Path(item), options)


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


def _failure(source: str, error: InputError, text: str = "") -> Failure:
    excerpt = normalise_text(text[: EXCERPT_CHARS * 4].lstrip())[:EXCERPT_CHARS].rstrip()
    return Failure(
        source=source, stage="ingest", code=error.code, message=str(error), excerpt=excerpt
    )


def _os_error(path: Path, error: OSError) -> InputError:
    return InputError(f"{path}: cannot read it: {error.strerror or error}")


def _too_large(source: str, size: int, max_bytes: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"{source}: {size:,} bytes or more is over the limit of {max_bytes:,} bytes; "
        "split the input or raise max_bytes"
    )


def _read_file(path: Path, options: _Options) -> Iterator[Article | Failure]:
    source = str(path)
    jsonl = options.fmt == "jsonl" or (
        options.fmt == "auto" and path.suffix.lower() in JSONL_SUFFIXES
    )
    if jsonl:
        try:
            handle = path.open("rb")
        except OSError as e:
            yield _failure(source, _os_error(path, e))
            return
        with handle:
            try:
                yield from _read_jsonl(handle, source, options)
            except OSError as e:
                yield _failure(source, _os_error(path, e))
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield _failure(source, _too_large(source, size, options.max_bytes))
            return
        with path.open("rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except OSError as e:
        yield _failure(source, _os_error(path, e))
        return
    yield _wire_article(data, source, options)


def _read_stdin(stream: BinaryIO, options: _Options) -> Iterator[Article | Failure]:
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
        yield _failure(STDIN_SOURCE, InputError(f"cannot read stdin: {e.strerror or e}"))
        return
    yield _wire_article(data, STDIN_SOURCE, options)


def _wire_article(data: bytes, source: str, options: _Options) -> Article | Failure:
    if len(data) > options.max_bytes:
        return _failure(source, _too_large(source, len(data), options.max_bytes))
    text = ""
    try:
        text = decode_bytes(data, source=source)
        return parse_wire(text, source=source, default_date=options.default_date)
    except InputError as e:
        return _failure(source, e, text)


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
    stream: BinaryIO, source: str, options: _Options, *, first: bytes | None = None
) -> Iterator[Article | Failure]:
    for number, line in enumerate(_lines(stream, options.max_bytes, first), 1):
        where = f"{source}:{number}"
        if line is None:
            yield _failure(where, _too_large(where, options.max_bytes + 1, options.max_bytes))
            continue
        content = line.removeprefix(codecs.BOM_UTF8) if number == 1 else line
        problem = _not_jsonl(content, source) if number == 1 else None
        if problem is not None:
            yield _failure(source, problem)
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


def _record_article(line: bytes, where: str, options: _Options) -> Article | Failure:
    text = ""
    try:
        text = _decode_line(line, where)
        return _to_article(_parse_object(text, where), where, options)
    except InputError as e:
        return _failure(where, e, text)


def _decode_line(line: bytes, where: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"{where}: is not UTF-8 (byte 0x{line[e.start]:02X} at column {e.start + 1}); "
            "convert the file first, e.g. `iconv -f latin1 -t utf-8 FILE > converted.jsonl`"
        ) from e


def _parse_object(text: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as e:
        raise RecordFormatError(f"{where}: malformed JSON ({e.msg} at column {e.colno})") from e
    except (ValueError, RecursionError) as e:
        raise RecordFormatError(f"{where}: unreadable JSON ({e})") from e
    if not isinstance(record, dict):
        raise RecordFormatError(
            f"{where}: expected a JSON object with 'text' and 'date', got {type(record).__name__}"
        )
    return record


def _to_article(record: dict[str, Any], where: str, options: _Options) -> Article:
    raw_text = record.get("text")
    if not isinstance(raw_text, str):
        raise RecordFormatError(f"{where}: record has no 'text' string")
    normalised = normalise_text(raw_text)
    body_offset = len(normalised) - len(normalised.lstrip())
    text = normalised[body_offset:].rstrip()
    if not text:
        raise EmptyInputError(f"{where}: 'text' is empty")
    published = _record_date(record.get("date"), where)
    if published is None:
        published = options.default_date
    if published is None:
        raise RecordFormatError(
            f"{where}: record has no 'date'; add a \"date\" field (YYYY-MM-DD) to each record "
            "or pass --date YYYY-MM-DD"
        )
    url = _optional_str(record, "url", where)
    agency = _optional_str(record, "source", where)
    external_id = record.get("id")
    if external_id is not None and not isinstance(external_id, str | int):
        raise RecordFormatError(f"{where}: 'id' must be a string or an integer")
    dateline_field = _optional_str(record, "dateline", where)
    found = match_dateline(text)
    dateline = dateline_field.rstrip(" -—–") if dateline_field else None
    title = _optional_str(record, "title", where)
    return Article(
        id=article_id(make_source_key(url=url, source=agency), text),
        text=text,
        source=where,
        published=published,
        url=url,
        title=None if title is None else normalise_text(title),
        agency=agency,
        dateline=dateline or (None if found is None else found.text),
        external_id=None if external_id is None else str(external_id),
        body_offset=body_offset,
        header=tuple(
            HeaderField(key, _raw_value(value)) for key, value in record.items() if key != "text"
        ),
    )


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordFormatError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _raw_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _record_date(value: object, where: str) -> datetime.date | None:
    """A record's date: ``YYYY-MM-DD``, ``YYYYMMDD``, an ISO datetime or ``26-FEB-1987 ...``."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise RecordFormatError(f"{where}: 'date' must be a string like \"YYYY-MM-DD\"")
    text = value.strip()
    try:
        if _YMD.fullmatch(text):
            return datetime.date.fromisoformat(text)
        if _COMPACT.fullmatch(text):
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if _ISO_DATETIME.fullmatch(text):
            return datetime.datetime.fromisoformat(text).date()
        reuters = _DAY_MON_YEAR.fullmatch(text)
        if reuters is not None and reuters[2].lower() in MONTHS:
            month = MONTHS.index(reuters[2].lower()) + 1
            return datetime.date(int(reuters[3]), month, int(reuters[1]))
    except ValueError as e:
        raise RecordFormatError(f"{where}: 'date' {text!r} is not a valid date ({e})") from e
    raise RecordFormatError(
        f"{where}: 'date' {text!r} is not YYYY-MM-DD, YYYYMMDD or an ISO datetime"
    )
