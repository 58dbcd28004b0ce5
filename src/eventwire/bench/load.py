"""Load benchmark: many concurrent clients, mixed API calls, for a fixed time, over loopback.

The server is ``eventwire serve`` in a child process (see :mod:`eventwire.bench.api`); each
client is a thread with its own keep-alive connection that sends requests back to back, each
one drawn (from a seeded generator) out of :data:`MIX`: event pages with filters, single events,
dyad series, the network, actors, articles, runs, failures, the overview. Reported: requests,
throughput, latency percentiles over all requests, errors (any status but 200, or a broken
connection) and the server's peak resident memory (``VmHWM`` from ``/proc``, Linux only).

Client and server share the machine, so the figures are a floor of what the server can do.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from eventwire.bench.api import (
    _BUSY,
    _YEARS,
    QUERIES,
    BenchError,
    _percentile,
    _serve,
    stop_server,
)
from eventwire.bench.synthetic import TYPES

_Url = Callable[[random.Random, tuple[str, ...]], str]


def _event_page(rng: random.Random, _: tuple[str, ...]) -> str:
    return QUERIES[0][1](rng.randrange(10_000))


def _dyad_series(rng: random.Random, _: tuple[str, ...]) -> str:
    return QUERIES[1][1](rng.randrange(10_000))


def _network(rng: random.Random, _: tuple[str, ...]) -> str:
    return QUERIES[2][1](rng.randrange(10_000))


def _event(rng: random.Random, ids: tuple[str, ...]) -> str:
    return f"/api/events/{quote(rng.choice(ids), safe='')}" if ids else "/api/health"


def _text_search(rng: random.Random, _: tuple[str, ...]) -> str:
    verb = rng.choice(TYPES)[4]
    return "/api/events?" + urlencode({"q": verb, "limit": 20, "type": rng.choice(TYPES)[0]})


def _actors(rng: random.Random, _: tuple[str, ...]) -> str:
    return "/api/actors?" + urlencode({"match": rng.choice(_BUSY).lower()})


def _articles(rng: random.Random, _: tuple[str, ...]) -> str:
    year = rng.choice(_YEARS)
    return "/api/articles?" + urlencode({"since": f"{year}-01-01", "limit": 20})


MIX: tuple[tuple[str, _Url, int], ...] = (
    ("event page", _event_page, 30),
    ("one event", _event, 20),
    ("text search", _text_search, 5),
    ("dyad series", _dyad_series, 10),
    ("network", _network, 5),
    ("actors", _actors, 10),
    ("articles", _articles, 10),
    ("runs", lambda rng, ids: "/api/runs", 3),
    ("failures", lambda rng, ids: "/api/failures?limit=20", 2),
    ("overview", lambda rng, ids: "/api/meta", 5),
)


@dataclass(frozen=True, slots=True)
class LoadResult:
    clients: int
    server_workers: int
    seconds: float
    requests: int
    errors: int
    latencies_ms: tuple[float, ...] = field(repr=False)
    by_query: dict[str, int]
    error_examples: tuple[str, ...]
    server_peak_rss_mb: float | None

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, pct: float) -> float:
        return _percentile(self.latencies_ms, pct) if self.latencies_ms else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "clients": self.clients,
            "server_workers": self.server_workers,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "throughput_rps": round(self.throughput, 1),
            "p50_ms": round(self.percentile(50), 1),
            "p99_ms": round(self.percentile(99), 1),
            "max_ms": round(self.percentile(100), 1),
            "errors": self.errors,
            "error_examples": list(self.error_examples),
            "by_query": self.by_query,
            "server_peak_rss_mb": self.server_peak_rss_mb,
        }


class _Client(threading.Thread):
    def __init__(self, port: int, seed: int, ids: tuple[str, ...], stop_at: float) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.rng = random.Random(seed)
        self.ids = ids
        self.stop_at = stop_at
        self.latencies: list[float] = []
        self.counts: Counter[str] = Counter()
        self.errors: list[str] = []
        self._names = [name for name, _, _ in MIX]
        self._weights = [weight for _, _, weight in MIX]
        self._makers = {name: make for name, make, _ in MIX}

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while time.monotonic() < self.stop_at:
            (name,) = self.rng.choices(self._names, self._weights)
            url = self._makers[name](self.rng, self.ids)
            started = time.perf_counter()
            try:
                conn.request("GET", url)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as e:
                self.errors.append(f"GET {url}: {type(e).__name__}: {e}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                continue
            self.latencies.append((time.perf_counter() - started) * 1000)
            self.counts[name] += 1
            if response.status != 200:
                self.errors.append(f"GET {url}: {response.status} {body[:200]!r}")
        conn.close()


def _event_ids(port: int) -> tuple[str, ...]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", "/api/events?limit=500")
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    if response.status != 200:
        raise BenchError(f"GET /api/events returned {response.status}: {body[:300]!r}")
    return tuple(str(event["event_id"]) for event in json.loads(body)["events"])


def peak_rss_mb(pid: int) -> float | None:
    """A process's peak resident set size in MB (``VmHWM``), or None off Linux."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def tree_peak_rss_mb(pid: int) -> float | None:
    """The sum of the peak RSS of a process and its descendants (its worker processes): an
    upper bound of their peak together. None off Linux."""
    own = peak_rss_mb(pid)
    if own is None:
        return None
    total = own
    for child in _children(pid):
        total += tree_peak_rss_mb(child) or 0.0
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(int(word) for word in task.read_text(encoding="utf-8").split())
        except OSError:
            continue
    return found


def run_load(
    store: Path,
    *,
    clients: int = 50,
    seconds: float = 60.0,
    seed: int = 0,
    server_workers: int = 1,
) -> LoadResult:
    """``clients`` concurrent clients sending mixed API requests for ``seconds`` to a server
    over ``store`` (a child process on a free loopback port, ``server_workers`` processes)."""
    if clients < 1 or seconds <= 0 or server_workers < 1:
        raise BenchError(
            f"clients, seconds and server workers must be positive (got {clients}, {seconds}, "
            f"{server_workers})"
        )
    server, port = _serve(store, "--workers", str(server_workers))
    try:
        ids = _event_ids(port)
        stop_at = time.monotonic() + seconds
        started = time.monotonic()
        threads = [_Client(port, seed * 1000 + n, ids, stop_at) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        rss = tree_peak_rss_mb(server.pid)
    finally:
        stop_server(server)
    counts: Counter[str] = Counter()
    errors: list[str] = []
    latencies: list[float] = []
    for thread in threads:
        counts.update(thread.counts)
        errors.extend(thread.errors)
        latencies.extend(thread.latencies)
    return LoadResult(
        clients=clients,
        server_workers=server_workers,
        seconds=elapsed,
        requests=len(latencies),
        errors=len(errors),
        latencies_ms=tuple(latencies),
        by_query=dict(sorted(counts.items())),
        error_examples=tuple(errors[:5]),
        server_peak_rss_mb=rss,
    )
