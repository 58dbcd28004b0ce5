"""API latency benchmark: real HTTP requests to ``eventwire serve`` over a synthetic store.

The server is ``eventwire serve`` in a child process (uvicorn on a free loopback port, the
default :class:`~eventwire.serve.ServeSettings`); each query is requested ``repeat`` times with
rotating parameters over one keep-alive connection, after ``warmup`` untimed requests.
Latency is the wall time of the whole request: routing, SQL, JSON encoding, HTTP.

Queries (targets from the analyst interface issue):

- ``event page``: ``/api/events`` filtered by actor, PLOVER type and one year, 50 rows plus
  the total count (target p95 <= 100 ms);
- ``dyad monthly series``: ``/api/dyads/series`` for one actor -> recipient pair, monthly, over
  the whole store (target p95 <= 250 ms);
- ``network, one year``: ``/api/network`` for one calendar year, heaviest 150 edges.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from eventwire.bench.synthetic import COUNTRIES, FIRST_DAY, TYPES
from eventwire.errors import EventwireError

_YEARS = tuple(range(int(FIRST_DAY[:4]), int(FIRST_DAY[:4]) + 10))
_BUSY = tuple(code for code, _ in COUNTRIES[:12])


class BenchError(EventwireError):
    code = "E800"


@dataclass(frozen=True, slots=True)
class QueryTiming:
    name: str
    example: str
    target_ms: float | None
    samples_ms: tuple[float, ...] = field(repr=False)

    @property
    def p50(self) -> float:
        return _percentile(self.samples_ms, 50)

    @property
    def p95(self) -> float:
        return _percentile(self.samples_ms, 95)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.samples_ms)

    @property
    def max(self) -> float:
        return max(self.samples_ms)

    @property
    def ok(self) -> bool | None:
        return None if self.target_ms is None else self.p95 <= self.target_ms

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.name,
            "example": self.example,
            "n": len(self.samples_ms),
            "p50_ms": round(self.p50, 1),
            "p95_ms": round(self.p95, 1),
            "mean_ms": round(self.mean, 1),
            "max_ms": round(self.max, 1),
            "target_p95_ms": self.target_ms,
            "meets_target": self.ok,
        }


def _percentile(values: tuple[float, ...], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def _event_page(i: int) -> str:
    year = _YEARS[i % len(_YEARS)]
    params = {
        "actor": _BUSY[i % len(_BUSY)],
        "type": TYPES[(i * 7) % len(TYPES)][0],
        "since": f"{year}-01-01",
        "until": f"{year}-12-31",
        "limit": 50,
    }
    return "/api/events?" + urlencode(params)


def _dyad_series(i: int) -> str:
    actor = _BUSY[i % len(_BUSY)]
    recipient = _BUSY[(i * 5 + 1) % len(_BUSY)]
    if recipient == actor:
        recipient = _BUSY[(i + 1) % len(_BUSY)]
    return "/api/dyads/series?" + urlencode(
        {"actor": actor, "recipient": recipient, "interval": "month"}
    )


def _network_year(i: int) -> str:
    year = _YEARS[i % len(_YEARS)]
    return "/api/network?" + urlencode({"since": f"{year}-01-01", "until": f"{year}-12-31"})


QUERIES: tuple[tuple[str, Callable[[int], str], float | None], ...] = (
    ("event page", _event_page, 100.0),
    ("dyad monthly series", _dyad_series, 250.0),
    ("network, one year", _network_year, None),
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(store: Path, *options: str) -> tuple[subprocess.Popen[bytes], int]:
    """``eventwire serve`` on ``store`` in its own process (as it runs for real: a server thread
    in the timing process would add GIL hand-offs to every request), once it answers."""
    port = _free_port()
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(store), *options]
    server = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            error = server.stderr.read().decode(errors="replace") if server.stderr else ""
            raise BenchError(f"the benchmark server exited: {error.strip()[-500:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                conn.close()
                return server, port
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise BenchError("the benchmark server did not answer within 60 s")


def _get(conn: http.client.HTTPConnection, url: str) -> float:
    started = time.perf_counter()
    conn.request("GET", url)
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise BenchError(f"GET {url} returned {response.status}: {body[:300]!r}")
    json.loads(body)
    return elapsed


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop a server started by :func:`_serve`: terminate, then kill after 10 s."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run_benchmark(store: Path, *, repeat: int = 50, warmup: int = 3) -> list[QueryTiming]:
    """Time each query of :data:`QUERIES` against a server over ``store``."""
    if repeat < 1:
        raise BenchError(f"repeat must be >= 1 (got {repeat})")
    server, port = _serve(store)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        results = []
        for name, make_url, target in QUERIES:
            for i in range(warmup):
                _get(conn, make_url(1000 + i))
            samples = tuple(_get(conn, make_url(i)) for i in range(repeat))
            results.append(QueryTiming(name, make_url(0), target, samples))
        return results
    finally:
        conn.close()
        stop_server(server)
