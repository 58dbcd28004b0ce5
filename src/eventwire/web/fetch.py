"""A polite HTTP fetcher: clear User-Agent, per-host rate limit, timeouts, retries with backoff,
a byte limit on every response, robots.txt, conditional requests and an on-disk cache.

:class:`Fetcher` raises a :class:`~eventwire.errors.WebInputError` subclass naming the URL and
the HTTP status for every way a fetch can fail; callers turn those into ``Failure`` records.
One fetcher serves one thread; its per-host clocks and robots rules live on the instance.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from eventwire import __version__
from eventwire.errors import (
    ConnectionFailedError,
    FetchTimeoutError,
    HTTPStatusError,
    ResponseTooLargeError,
    RobotsDisallowedError,
    TooManyRedirectsError,
    WebInputError,
)
from eventwire.web import robots
from eventwire.web.cache import CachedResponse, HttpCache, default_cache_dir, freshness
from eventwire.web.kinds import is_web_url

PROJECT_URL = "https://github.com/eventwire/eventwire"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
_ROBOTS_TTL = 24 * 3600.0
_ROBOTS_RETRY = 600.0  # a robots.txt that could not be read is asked for again this soon
_MAX_CRAWL_DELAY = 60.0


def default_user_agent() -> str:
    return f"eventwire/{__version__} (+{PROJECT_URL})"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely and how far the fetcher goes. Times are seconds.

    ``min_interval`` is the least time between two requests to one host (a robots.txt
    ``Crawl-delay`` can make it longer, up to a minute). ``read_timeout`` bounds each wait for
    data, ``total_timeout`` the whole download of one response. ``cache_dir`` None means
    :func:`~eventwire.web.cache.default_cache_dir`; ``use_cache`` False keeps nothing on disk.
    """

    user_agent: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 2
    backoff: float = 0.5
    max_redirects: int = 5
    max_bytes: int = 10_000_000
    min_interval: float = 1.0
    respect_robots: bool = True
    cache_dir: Path | None = None
    use_cache: bool = True

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")
        for name in ("retries", "max_redirects", "backoff", "min_interval"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative, not {getattr(self, name)}")
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")

    @property
    def agent(self) -> str:
        return self.user_agent or default_user_agent()


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response body. ``not_modified``: the cached copy was confirmed or still fresh."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    from_cache: bool = False
    not_modified: bool = False


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _status_advice(status: int) -> str:
    if status in (404, 410):
        return "the page is gone or the URL is wrong; fix or remove the URL"
    if status in (401, 403):
        return "the site refuses access; eventwire cannot read pages behind a login or a wall"
    if status == 429:
        return "the site asks for fewer requests; raise min_interval and try later"
    if status >= 500:
        return "the server failed; try again later (watch retries it next cycle)"
    return "check the URL in a browser"


class Fetcher:
    """Fetches URLs politely. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._clock = clock
        self._sleep = sleep
        self._wall = wall_clock
        s = self.settings
        self._retry = urllib3.Retry(
            total=s.retries,
            connect=s.retries,
            read=s.retries,
            status=s.retries,
            redirect=False,
            backoff_factor=s.backoff,
            backoff_max=30.0,
            status_forcelist=RETRY_STATUSES,
            raise_on_status=False,
            respect_retry_after_header=False,
        )
        self._headers = {"User-Agent": s.agent, "Accept-Encoding": "gzip, deflate"}
        self._pool = urllib3.PoolManager(
            num_pools=20,
            timeout=urllib3.Timeout(connect=s.connect_timeout, read=s.read_timeout),
        )
        self._cache = HttpCache(s.cache_dir or default_cache_dir()) if s.use_cache else None
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[robots.RobotsRules, float]] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._pool.clear()

    # -- the one public verb -----------------------------------------------------------------

    def fetch(self, url: str, *, respect_robots: bool | None = None) -> Page:
        """GET ``url`` (following redirects), from the cache when the server allows it.

        Raises:
            WebInputError: a subclass saying why, with the URL (and HTTP status if there was one).
        """
        if not is_web_url(url):
            raise WebInputError(f"{url}: not an http(s) URL", url=url)
        obey = self.settings.respect_robots if respect_robots is None else respect_robots
        if obey:
            self._check_robots(url)
        cached = self._cache.get(url) if self._cache is not None else None
        if cached is not None and cached.fresh(self._wall()):
            return _from_cache(cached)
        return self._download(url, cached, obey_robots=obey)

    # -- internals ---------------------------------------------------------------------------

    def _download(self, url: str, cached: CachedResponse | None, *, obey_robots: bool) -> Page:
        headers: dict[str, str] = {}
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        current = url
        visited = [url]
        while True:
            started = self._clock()
            response = self._request(current, headers)
            location = response.headers.get("Location")
            if response.status not in REDIRECT_STATUSES or not location:
                break
            response.drain_conn()
            response.release_conn()
            target = urljoin(current, location)
            self._check_redirect(url, visited, target)
            if obey_robots:
                self._check_robots(target)
            visited.append(target)
            current = target
        if response.status == 304 and cached is not None:
            response.drain_conn()
            response.release_conn()
            _, max_age = freshness(response.headers.get("Cache-Control"))
            if self._cache is not None:
                self._cache.touch(cached, fetched_at=self._wall(), max_age=max_age)
            return _from_cache(cached)
        if response.status >= 300:
            response.drain_conn()
            response.release_conn()
            reason = f" {response.reason}" if response.reason else ""
            raise HTTPStatusError(
                f"{current}: the server answered HTTP {response.status}{reason}; "
                + _status_advice(response.status),
                url=url,
                status=response.status,
            )
        body = self._read_body(response, current, started)
        content_type = response.headers.get("Content-Type", "")
        storable, max_age = freshness(response.headers.get("Cache-Control"))
        if self._cache is not None and storable and response.status == 200:
            self._cache.put(
                CachedResponse(
                    url=url,
                    final_url=current,
                    content_type=content_type,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                    fetched_at=self._wall(),
                    max_age=max_age,
                    body=body,
                )
            )
        return Page(url, current, response.status, content_type, body)

    def _check_redirect(self, url: str, visited: list[str], target: str) -> None:
        if target in visited:
            chain = " -> ".join([*visited, target])
            raise TooManyRedirectsError(
                f"{url}: redirect loop ({chain}); the site is misconfigured, try later or use "
                "the final URL of the page",
                url=url,
                status=302,
            )
        if len(visited) > self.settings.max_redirects:
            raise TooManyRedirectsError(
                f"{url}: more than {self.settings.max_redirects} redirects (last to {target}); "
                "use the final URL of the page or raise max_redirects",
                url=url,
                status=302,
            )
        if not is_web_url(target):
            raise WebInputError(f"{url}: redirects to {target}, not an http(s) URL", url=url)

    def _request(self, url: str, headers: dict[str, str]) -> urllib3.BaseHTTPResponse:
        self._wait_turn(url)
        try:
            return self._pool.request(
                "GET",
                url,
                headers={**self._headers, **headers},
                redirect=False,
                retries=self._retry,
                preload_content=False,
            )
        except MaxRetryError as e:
            raise _network_error(url, e.reason or e) from e
        except LocationParseError as e:
            raise WebInputError(f"{url}: not a valid URL ({e})", url=url) from e
        except HTTPError as e:
            raise _network_error(url, e) from e

    def _read_body(self, response: urllib3.BaseHTTPResponse, url: str, started: float) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            response.close()
            raise _too_large(url, int(declared), limit)
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.read1(_CHUNK):  # what arrived, so slow drips are timed
                size += len(chunk)
                if size > limit:
                    raise _too_large(url, size, limit)
                if self._clock() - started > self.settings.total_timeout:
                    raise FetchTimeoutError(
                        f"{url}: the download took longer than {self.settings.total_timeout:g} s; "
                        "the server is too slow, try later or raise total_timeout",
                        url=url,
                        status=response.status,
                    )
                chunks.append(chunk)
        except WebInputError:
            response.close()
            raise
        except HTTPError as e:
            response.close()
            raise _network_error(url, e, status=response.status) from e
        response.release_conn()
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's interval since its last request has passed."""
        host = host_key(url)
        interval = self.settings.min_interval
        known = self._robots.get(host)
        if known is not None:
            delay = known[0].crawl_delay(self.settings.agent)
            if delay is not None:
                interval = max(interval, min(delay, _MAX_CRAWL_DELAY))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _check_robots(self, url: str) -> None:
        rules = self._rules(url)
        if not rules.allows(url, self.settings.agent):
            why = rules.reason or "its robots.txt forbids this path to eventwire"
            raise RobotsDisallowedError(
                f"{url}: not fetched, {why}; remove it from your sources, or set "
                "respect_robots = false for it if you have the site's permission",
                url=url,
            )

    def _rules(self, url: str) -> robots.RobotsRules:
        host = host_key(url)
        known = self._robots.get(host)
        if known is not None:
            ttl = _ROBOTS_RETRY if known[0].reason else _ROBOTS_TTL
            if self._clock() - known[1] < ttl:
                return known[0]
        where = robots.robots_url(url)
        try:
            page = self.fetch(where, respect_robots=False)
            rules = robots.rules_for_status(page.status, page.body)
        except HTTPStatusError as e:
            rules = robots.rules_for_status(e.status or 0, b"")
        except WebInputError as e:
            rules = robots.unreachable(str(e).removeprefix(f"{where}: "))
        self._robots[host] = (rules, self._clock())
        return rules


def _from_cache(cached: CachedResponse) -> Page:
    return Page(
        url=cached.url,
        final_url=cached.final_url,
        status=200,
        content_type=cached.content_type,
        body=cached.body,
        from_cache=True,
        not_modified=True,
    )


def _too_large(url: str, size: int, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{url}: the response is {size:,} bytes or more, over the limit of {limit:,} bytes; "
        "raise max_bytes if this page really is that large",
        url=url,
        status=200,
    )


def _network_error(url: str, error: Exception, *, status: int | None = None) -> WebInputError:
    timeouts = ReadTimeoutError | ConnectTimeoutError | Urllib3Timeout | TimeoutError
    if isinstance(error, timeouts) and not isinstance(error, NewConnectionError):
        return FetchTimeoutError(
            f"{url}: no answer within the timeout ({error}); the server is slow or down, "
            "try later or raise the timeout",
            url=url,
            status=status,
        )
    return ConnectionFailedError(
        f"{url}: cannot connect or read the answer ({error}); check the URL and your "
        "network, or try later",
        url=url,
        status=status,
    )
