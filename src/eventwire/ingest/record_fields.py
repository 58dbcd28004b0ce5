"""A record (a JSON object or a CSV row) to an Article: its fields, checked and normalised.

JSON Lines and CSV readers share this: ``text`` and ``date`` are needed (``date`` may come from
the run's default date), ``url``, ``source``, ``id``, ``title`` and ``dateline`` are optional,
and every other field is kept as a raw header field.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any, NamedTuple

from eventwire.errors import EmptyInputError, RecordFormatError
from eventwire.ingest.ids import article_id, make_source_key
from eventwire.ingest.normalise import normalise_text
from eventwire.ingest.wire import match_dateline
from eventwire.records import Article, HeaderField

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YMD = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMPACT = re.compile(r"\d{8}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ].+")
_DAY_MON_YEAR = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:[ T].*)?")  # Reuters-21578


class ReadOptions(NamedTuple):
    """How inputs are read: the date for undated inputs, the format, the size limit."""

    default_date: datetime.date | None
    fmt: str
    max_bytes: int


def parse_object(text: str, where: str) -> dict[str, Any]:
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


def record_to_article(record: dict[str, Any], where: str, options: ReadOptions) -> Article:
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
