"""The server's settings: one frozen object, filled from defaults and the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ServeSettings:
    """How ``eventwire serve`` runs.

    ``host`` defaults to the loopback interface: the API has no authentication, so exposing
    it to a network is a deliberate choice (``--host 0.0.0.0``). ``pool_size`` read-only DuckDB
    cursors serve requests; a request waits up to ``pool_timeout`` seconds for a free one.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    pool_size: int = 4
    pool_timeout: float = 10.0
    default_page_size: int = 50
    max_page_size: int = 500
    max_network_edges: int = 1000
    log_level: str = "info"
