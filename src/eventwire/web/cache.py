"""An on-disk HTTP cache: the last good response of each URL, with its validators.

Each URL has two files named by the hash of the URL: ``<key>.json`` (status line facts, ETag,
Last-Modified, when it was fetched, how long it stays fresh) and ``<key>.body`` (the bytes).
Both are written to a temporary file and renamed into place, so a crash never leaves half an
entry; the JSON is written last and read first, so an entry is complete when its JSON exists.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.atomic_files import write_atomic

_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)\"?", re.IGNORECASE)
_NO_STORE = re.compile(r"(?:^|,)\s*no-store\b", re.IGNORECASE)
_NO_CACHE = re.compile(r"(?:^|,)\s*no-cache\b", re.IGNORECASE)


def default_cache_dir() -> Path:
    """``$EVENTWIRE_HTTP_CACHE``, else ``$XDG_CACHE_HOME/eventwire/http``, else ``~/.cache/...``."""
    explicit = os.environ.get("EVENTWIRE_HTTP_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire" / "http"


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """A stored response: the URL asked for, where it ended, its validators and its body."""

    url: str
    final_url: str
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched_at: float
    max_age: int | None
    body: bytes

    def fresh(self, now: float) -> bool:
        """True while the server's ``max-age`` says the copy may be used without asking."""
        return self.max_age is not None and now < self.fetched_at + self.max_age


def freshness(cache_control: str | None) -> tuple[bool, int | None]:
    """(may store, max-age seconds) from a ``Cache-Control`` header."""
    if not cache_control:
        return True, None
    if _NO_STORE.search(cache_control):
        return False, None
    if _NO_CACHE.search(cache_control):
        return True, 0
    found = _MAX_AGE.search(cache_control)
    return True, None if found is None else int(found.group(1))


class HttpCache:
    """The cache folder. Reading a missing or damaged entry gives None, never an error."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def get(self, url: str) -> CachedResponse | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
            if meta.get("url") != url or meta.get("size") != len(body):
                return None
            return CachedResponse(
                url=url,
                final_url=str(meta["final_url"]),
                content_type=str(meta.get("content_type") or ""),
                etag=meta.get("etag"),
                last_modified=meta.get("last_modified"),
                fetched_at=float(meta["fetched_at"]),
                max_age=meta.get("max_age"),
                body=body,
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, entry: CachedResponse) -> None:
        """Store ``entry``; a cache that cannot be written is skipped silently (it is a cache)."""
        meta_path, body_path = self._paths(entry.url)
        with contextlib.suppress(OSError):
            meta_path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(body_path, entry.body)
            write_atomic(meta_path, _meta(entry))  # last: a meta file means its body is whole

    def touch(self, entry: CachedResponse, *, fetched_at: float, max_age: int | None) -> None:
        """Record that the server confirmed ``entry`` (a 304) at ``fetched_at``: only its meta
        file changes (the body, read and size-checked by :meth:`get`, is already stored)."""
        confirmed = dataclasses.replace(entry, fetched_at=fetched_at, max_age=max_age)
        meta_path, _ = self._paths(entry.url)
        with contextlib.suppress(OSError):
            write_atomic(meta_path, _meta(confirmed))


def _meta(entry: CachedResponse) -> bytes:
    return json.dumps(
        {
            "url": entry.url,
            "final_url": entry.final_url,
            "content_type": entry.content_type,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
            "fetched_at": entry.fetched_at,
            "max_age": entry.max_age,
            "size": len(entry.body),
        }
    ).encode("utf-8")
