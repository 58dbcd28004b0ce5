"""The server's settings: one frozen object, filled from defaults and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class ServeSettings:
    """How ``eventwire serve`` runs.

    ``host`` defaults to the loopback interface: the API has no authentication, so exposing
    it to a network is a deliberate choice (``--host 0.0.0.0``). ``pool_size`` read-only DuckDB
    cursors serve requests; a request waits up to ``pool_timeout`` seconds for a free one.

    While a writer holds the store, the server reads its snapshot (``<stem>.snapshot.duckdb``)
    and looks for a newer one at most every ``snapshot_check_seconds``; ``snapshot_only`` reads
    the snapshot even when the store is free, so writers can start while the server runs.

    ``api_token`` enables the write endpoints (and implies ``snapshot_only``: each write opens
    the store read-write briefly); without it they answer 403. ``max_body_bytes`` and
    ``max_url_chars`` bound a request (413 and 414 above them). ``workers`` server processes
    share the port (one process runs Python on one core at a time).
    """

    host: str = "127.0.0.1"
    port: int = 8000
    pool_size: int = 4
    pool_timeout: float = 10.0
    default_page_size: int = 50
    max_page_size: int = 500
    max_network_edges: int = 1000
    log_level: str = "info"
    snapshot_only: bool = False
    snapshot_check_seconds: float = 1.0
    api_token: str | None = field(default=None, repr=False)
    max_body_bytes: int = 1_000_000
    max_url_chars: int = 4096
    workers: int = 1
