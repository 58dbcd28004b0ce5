"""The on-disk HTTP cache: entries round-trip, damage reads as a miss, max-age skips the network."""

from __future__ import annotations

import time

from eventwire.web.cache import CachedResponse, HttpCache, default_cache_dir, freshness
from eventwire.web.fetch import Fetcher


def _entry(url: str, *, max_age: int | None = None, body: bytes = b"<p>x</p>") -> CachedResponse:
    return CachedResponse(
        url=url,
        final_url=url,
        content_type="text/html",
        etag='"v1"',
        last_modified=None,
        fetched_at=time.time(),
        max_age=max_age,
        body=body,
    )


def test_round_trip_and_damage(tmp_path) -> None:
    cache = HttpCache(tmp_path)
    entry = _entry("http://127.0.0.1/a")
    cache.put(entry)
    assert cache.get("http://127.0.0.1/a") == entry
    assert cache.get("http://127.0.0.1/b") is None
    (body,) = tmp_path.rglob("*.body")
    body.write_bytes(b"truncated")
    assert cache.get("http://127.0.0.1/a") is None


def test_freshness_headers() -> None:
    assert freshness(None) == (True, None)
    assert freshness("public, max-age=600") == (True, 600)
    assert freshness("no-cache") == (True, 0)
    assert freshness("private, no-store") == (False, None)


def test_a_fresh_entry_is_used_without_asking(site, fetch_settings) -> None:
    url = site.url("/news/border-talks.html")
    assert fetch_settings.cache_dir is not None
    HttpCache(fetch_settings.cache_dir).put(_entry(url, max_age=3600, body=b"cached copy"))
    with Fetcher(fetch_settings) as fetcher:
        page = fetcher.fetch(url)
    assert page.body == b"cached copy" and page.from_cache
    assert site.hits("/news/border-talks.html") == 0


def test_default_cache_dir_follows_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("EVENTWIRE_HTTP_CACHE", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    monkeypatch.delenv("EVENTWIRE_HTTP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "eventwire" / "http"
