"""The polite fetcher against the loopback site: statuses, limits, robots.txt, cache, 304s."""

from __future__ import annotations

import dataclasses
import socket

import pytest

from eventwire.errors import (
    ConnectionFailedError,
    FetchTimeoutError,
    HTTPStatusError,
    ResponseTooLargeError,
    RobotsDisallowedError,
    TooManyRedirectsError,
    WebInputError,
)
from eventwire.web.fetch import Fetcher, FetchSettings, default_user_agent


def test_fetches_a_page_with_a_clear_user_agent(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher:
        page = fetcher.fetch(site.url("/news/border-talks.html"))
    assert page.status == 200
    assert b"Armenia and Azerbaijan agree" in page.body
    assert page.content_type.startswith("text/html")
    assert not page.from_cache
    agents = {headers.get("User-Agent") for _, headers in site.requests}
    assert agents == {default_user_agent()}
    assert default_user_agent().startswith("eventwire/0.1.0 (+http")


def test_robots_txt_is_read_once_per_host(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher:
        fetcher.fetch(site.url("/news/border-talks.html"))
        fetcher.fetch(site.url("/news/drone-sanctions.html"))
    assert site.hits("/robots.txt") == 1


def test_a_404_names_the_url_and_status(site, fetch_settings) -> None:
    url = site.url("/news/gone.html")
    with Fetcher(fetch_settings) as fetcher, pytest.raises(HTTPStatusError) as caught:
        fetcher.fetch(url)
    assert caught.value.status == 404
    assert caught.value.url == url
    assert url in str(caught.value) and "HTTP 404" in str(caught.value)
    assert caught.value.code == "E111"


def test_a_slow_page_times_out(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher, pytest.raises(FetchTimeoutError) as caught:
        fetcher.fetch(site.url("/slow.html"))
    assert site.url("/slow.html") in str(caught.value)
    assert "timeout" in str(caught.value)


def test_a_page_that_drips_is_cut_at_the_total_timeout(site, fetch_settings) -> None:
    settings = dataclasses.replace(fetch_settings, total_timeout=0.5)
    with Fetcher(settings) as fetcher, pytest.raises(FetchTimeoutError) as caught:
        fetcher.fetch(site.url("/trickle.html"))
    assert "took longer than 0.5 s" in str(caught.value)


def test_a_50_mb_page_is_cut_at_the_byte_limit(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher, pytest.raises(ResponseTooLargeError) as caught:
        fetcher.fetch(site.url("/huge.html"))
    assert "over the limit of 1,000,000 bytes" in str(caught.value)
    assert caught.value.code == "E115"


def test_a_redirect_loop_is_refused(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher, pytest.raises(TooManyRedirectsError) as caught:
        fetcher.fetch(site.url("/loop/a"))
    assert "redirect loop" in str(caught.value)
    assert site.hits("/loop/a") == 1 and site.hits("/loop/b") == 1


def test_redirects_are_followed_to_the_final_url(site, fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher:
        page = fetcher.fetch(site.url("/moved/drone-sanctions"))
    assert page.url == site.url("/moved/drone-sanctions")
    assert page.final_url == site.url("/news/drone-sanctions.html")
    assert b"sanctions on Iran" in page.body


def test_robots_txt_forbids_a_path_unless_told_otherwise(site, fetch_settings) -> None:
    url = site.url("/private/embargoed.html")
    with Fetcher(fetch_settings) as fetcher:
        with pytest.raises(RobotsDisallowedError) as caught:
            fetcher.fetch(url)
        assert site.hits("/private/embargoed.html") == 0
        assert "robots.txt forbids" in str(caught.value)
        page = fetcher.fetch(url, respect_robots=False)
    assert page.status == 200
    assert site.hits("/private/embargoed.html") == 1


def test_settings_can_turn_robots_off(site, fetch_settings) -> None:
    settings = dataclasses.replace(fetch_settings, respect_robots=False)
    with Fetcher(settings) as fetcher:
        fetcher.fetch(site.url("/private/embargoed.html"))
    assert site.hits("/robots.txt") == 0


def test_etag_gives_a_304_and_the_cached_body_across_fetchers(site, fetch_settings) -> None:
    url = site.url("/feeds/world.rss")
    with Fetcher(fetch_settings) as first:
        original = first.fetch(url)
    with Fetcher(fetch_settings) as second:
        again = second.fetch(url)
    assert not original.from_cache
    assert again.not_modified and again.from_cache
    assert again.body == original.body
    conditional = [h for path, h in site.requests if path == "/feeds/world.rss"]
    assert len(conditional) == 2
    assert "If-None-Match" not in conditional[0]
    assert conditional[1]["If-None-Match"] == '"world-1"'
    assert conditional[1]["If-Modified-Since"].endswith("GMT")


def test_a_changed_resource_is_downloaded_again(site, fetch_settings) -> None:
    url = site.url("/feeds/world.rss")
    with Fetcher(fetch_settings) as fetcher:
        first = fetcher.fetch(url)
        site.version = 2
        second = fetcher.fetch(url)
    assert not second.not_modified
    assert b"missile-launch" in second.body and b"missile-launch" not in first.body


def test_without_cache_nothing_is_stored(site, fetch_settings, tmp_path) -> None:
    settings = dataclasses.replace(fetch_settings, use_cache=False)
    with Fetcher(settings) as fetcher:
        fetcher.fetch(site.url("/feeds/world.rss"))
        page = fetcher.fetch(site.url("/feeds/world.rss"))
    assert not page.from_cache
    assert not (tmp_path / "http-cache").exists()


def test_server_errors_are_retried_then_reported(site, fetch_settings) -> None:
    settings = dataclasses.replace(fetch_settings, retries=2)
    with Fetcher(settings) as fetcher, pytest.raises(HTTPStatusError) as caught:
        fetcher.fetch(site.url("/broken.html"))
    assert caught.value.status == 500
    assert site.hits("/broken.html") == 3
    assert "try again later" in str(caught.value)


def test_requests_to_one_host_are_spaced_by_the_interval(site, fetch_settings) -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    settings = dataclasses.replace(fetch_settings, min_interval=5.0, respect_robots=False)
    with Fetcher(settings, clock=lambda: now[0], sleep=sleep) as fetcher:
        fetcher.fetch(site.url("/news/border-talks.html"))
        now[0] += 1.0
        fetcher.fetch(site.url("/news/drone-sanctions.html"))
    assert waits == [pytest.approx(4.0)]


def test_connection_refused_is_a_connection_failure(fetch_settings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news.html"
    settings = dataclasses.replace(fetch_settings, respect_robots=False)
    with Fetcher(settings) as fetcher, pytest.raises(ConnectionFailedError) as caught:
        fetcher.fetch(url)
    assert url in str(caught.value)


def test_only_http_urls_are_fetched(fetch_settings) -> None:
    with Fetcher(fetch_settings) as fetcher, pytest.raises(WebInputError, match="not an http"):
        fetcher.fetch("file:///etc/passwd")


def test_settings_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="read_timeout"):
        FetchSettings(read_timeout=0)
    with pytest.raises(ValueError, match="max_bytes"):
        FetchSettings(max_bytes=0)


def test_an_unreadable_robots_txt_forbids_for_a_while_then_is_asked_again(fetch_settings) -> None:
    """A host whose robots.txt answers 503: nothing is fetched; ten minutes later it is asked
    again (a readable robots.txt is kept for a day)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked: list[str] = []

    class Down(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Down)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/news.html"
    now = [0.0]
    try:
        with Fetcher(fetch_settings, clock=lambda: now[0], sleep=lambda _: None) as fetcher:
            for advance in (0.0, 60.0, 600.0):
                now[0] += advance
                with pytest.raises(RobotsDisallowedError, match="HTTP 503"):
                    fetcher.fetch(url)
    finally:
        server.shutdown()
        server.server_close()
    assert asked == ["/robots.txt", "/robots.txt"]
