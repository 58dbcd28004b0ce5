"""The sources file of ``eventwire watch`` (TOML): feeds and pages, with per-source settings.

every = "15m"                 # optional: the cycle interval (--every wins)

[fetch]                       # optional: politeness for every source
min_interval = 2.0            # seconds between two requests to one host
timeout = 20                  # seconds to wait for data
retries = 2
max_bytes = 5_000_000
respect_robots = true
user_agent = "eventwire/0.1.0 (+https://example.org/our-project)"
cache_dir = "~/.cache/eventwire/http"

[[feeds]]
name = "Example World"
url = "https://news.example.com/world/rss.xml"   # or a feed file, relative to this file
fetch_pages = "auto"          # auto | always | never
max_items = 50                # newest first, as the feed lists them
agency = "Example News"       # the articles' agency (default: the page's site name)
respect_robots = true         # override [fetch] for this source

[[pages]]
name = "Ceasefire talks"
url = "https://news.example.com/2024/05/16/ceasefire.html"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventwire.errors import SourcesFileError
from eventwire.web.feeds import PageMode
from eventwire.web.fetch import FetchSettings
from eventwire.web.kinds import is_web_url

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)
_UNITS = MappingProxyType({"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0})
_SOURCE_KEYS = frozenset({"name", "url", "fetch_pages", "max_items", "agency", "respect_robots"})
_FETCH_KEYS = MappingProxyType(
    {
        "min_interval": "min_interval",
        "timeout": "read_timeout",
        "connect_timeout": "connect_timeout",
        "total_timeout": "total_timeout",
        "retries": "retries",
        "backoff": "backoff",
        "max_redirects": "max_redirects",
        "max_bytes": "max_bytes",
        "respect_robots": "respect_robots",
        "user_agent": "user_agent",
        "cache_dir": "cache_dir",
        "use_cache": "use_cache",
    }
)
_TOP_KEYS = frozenset({"every", "fetch", "feeds", "pages"})


class SourceKind(StrEnum):
    FEED = "feed"
    PAGE = "page"


@dataclass(frozen=True, slots=True)
class Source:
    """One feed or page to watch. ``location`` is a URL, or a feed file's absolute path."""

    name: str
    kind: SourceKind
    location: str
    fetch_pages: PageMode = PageMode.AUTO
    max_items: int | None = None
    agency: str | None = None
    respect_robots: bool | None = None

    @property
    def is_url(self) -> bool:
        return is_web_url(self.location)


@dataclass(frozen=True, slots=True)
class SourcesConfig:
    """A parsed sources file."""

    sources: tuple[Source, ...]
    fetch: FetchSettings
    every: float | None = None  # seconds


def parse_duration(value: str | float) -> float:
    """Seconds in ``15m``, ``90s``, ``1h30m``, ``1.5h``, ``500ms``, ``2d`` or a plain number.

    Raises:
        ValueError: not a positive duration.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = value.strip().replace(" ", "")
        parts = list(_DURATION.finditer(text))
        if not text or "".join(p.group(0) for p in parts) != text:
            raise ValueError(f"{value!r} is not a duration; write e.g. 15m, 90s, 1h30m")
        seconds = sum(float(p.group(1)) * _UNITS[(p.group(2) or "s").lower()] for p in parts)
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(f"{value!r} is not a positive duration")
    return seconds


def load_sources(path: Path) -> SourcesConfig:
    """Read and check a sources file.

    Raises:
        SourcesFileError: missing or unreadable file, not TOML, or a bad entry (named).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise SourcesFileError(f"{path}: cannot read the sources file ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise SourcesFileError(f"{path}: the sources file is not UTF-8 text") from e
    return parse_sources(text, where=str(path), base=path.parent)


def parse_sources(
    text: str, *, where: str = "<sources>", base: Path | None = None
) -> SourcesConfig:
    """Parse the text of a sources file; relative feed file paths are taken from ``base``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise SourcesFileError(f"{where}: not valid TOML ({e})") from e
    _no_unknown(data, _TOP_KEYS, where)
    every = None
    if "every" in data:
        every = _duration(data["every"], f"{where}: 'every'")
    fetch = _fetch_settings(data.get("fetch", {}), where, base)
    sources = [
        *_sources(data.get("feeds", []), SourceKind.FEED, where, base),
        *_sources(data.get("pages", []), SourceKind.PAGE, where, base),
    ]
    if not sources:
        raise SourcesFileError(
            f"{where}: lists no sources; add [[feeds]] or [[pages]] tables with a name and a url"
        )
    seen: dict[str, str] = {}
    for source in sources:
        if source.location in seen:
            raise SourcesFileError(
                f"{where}: {source.location} is listed twice ({seen[source.location]!r} and "
                f"{source.name!r}); keep one"
            )
        seen[source.location] = source.name
    return SourcesConfig(tuple(sources), fetch, every)


def _no_unknown(table: dict[str, Any], known: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise SourcesFileError(
            f"{where}: unknown setting(s) {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(known))}"
        )


def _duration(value: object, where: str) -> float:
    if not isinstance(value, str | int | float):
        raise SourcesFileError(f'{where} must be a duration like "15m", not {value!r}')
    try:
        return parse_duration(value)
    except ValueError as e:
        raise SourcesFileError(f"{where}: {e}") from e


def _fetch_settings(table: object, where: str, base: Path | None) -> FetchSettings:
    if not isinstance(table, dict):
        raise SourcesFileError(f"{where}: [fetch] must be a table")
    _no_unknown(table, frozenset(_FETCH_KEYS), f"{where} [fetch]")
    values: dict[str, Any] = {}
    for key, value in table.items():
        field = _FETCH_KEYS[key]
        if key == "cache_dir":
            if not isinstance(value, str) or not value.strip():
                raise SourcesFileError(f"{where} [fetch]: cache_dir must be a folder path")
            folder = Path(value).expanduser()
            values[field] = folder if folder.is_absolute() or base is None else base / folder
        elif key in ("respect_robots", "use_cache"):
            values[field] = _bool(value, f"{where} [fetch]: {key}")
        elif key == "user_agent":
            if not isinstance(value, str) or not value.strip():
                raise SourcesFileError(f"{where} [fetch]: user_agent must be a non-empty string")
            values[field] = value.strip()
        elif key in ("retries", "max_redirects", "max_bytes"):
            values[field] = _int(value, f"{where} [fetch]: {key}")
        else:
            values[field] = _number(value, f"{where} [fetch]: {key}")
    try:
        return FetchSettings(**values)
    except ValueError as e:
        raise SourcesFileError(f"{where} [fetch]: {e}") from e


def _sources(entries: object, kind: SourceKind, where: str, base: Path | None) -> list[Source]:
    table = f"{kind.value}s"
    if not isinstance(entries, list):
        raise SourcesFileError(f"{where}: '{table}' must be an array of tables ([[{table}]])")
    out = []
    for number, entry in enumerate(entries, 1):
        here = f"{where}: [[{table}]] #{number}"
        if not isinstance(entry, dict):
            raise SourcesFileError(f"{here} must be a table with a name and a url")
        _no_unknown(entry, _SOURCE_KEYS, here)
        name, url = entry.get("name"), entry.get("url")
        if not isinstance(name, str) or not name.strip():
            raise SourcesFileError(f"{here} needs a name (a non-empty string)")
        if not isinstance(url, str) or not url.strip():
            raise SourcesFileError(f"{here} ({name!r}) needs a url (a non-empty string)")
        out.append(
            Source(
                name=name.strip(),
                kind=kind,
                location=_location(url.strip(), kind, here, base),
                fetch_pages=_mode(entry.get("fetch_pages", "auto"), here),
                max_items=_max_items(entry.get("max_items"), here),
                agency=_optional_text(entry.get("agency"), f"{here}: agency"),
                respect_robots=(
                    None
                    if "respect_robots" not in entry
                    else _bool(entry["respect_robots"], f"{here}: respect_robots")
                ),
            )
        )
    return out


def _location(url: str, kind: SourceKind, here: str, base: Path | None) -> str:
    if is_web_url(url):
        return url
    if "://" in url:
        raise SourcesFileError(f"{here}: {url} is not an http(s) URL or a file path")
    if kind is SourceKind.PAGE:
        raise SourcesFileError(f"{here}: a page's url must be http(s)://; ingest saved pages")
    path = Path(url).expanduser()
    return str(path if path.is_absolute() or base is None else (base / path).resolve())


def _mode(value: object, here: str) -> PageMode:
    try:
        return PageMode(value if isinstance(value, str) else repr(value))
    except ValueError:
        raise SourcesFileError(
            f"{here}: fetch_pages must be one of {', '.join(m.value for m in PageMode)}, "
            f"not {value!r}"
        ) from None


def _max_items(value: object, here: str) -> int | None:
    if value is None:
        return None
    number = _int(value, f"{here}: max_items")
    if number < 1:
        raise SourcesFileError(f"{here}: max_items must be at least 1, not {number}")
    return number


def _bool(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise SourcesFileError(f"{where} must be true or false, not {value!r}")
    return value


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SourcesFileError(f"{where} must be a whole number, not {value!r}")
    return value


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SourcesFileError(f"{where} must be a number, not {value!r}")
    return float(value)


def _optional_text(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourcesFileError(f"{where} must be a string, not {value!r}")
    return value.strip() or None
