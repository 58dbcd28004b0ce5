"""The load benchmark: concurrent clients against a real server process, every call answered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.bench.api import BenchError
from eventwire.bench.load import MIX, LoadResult, peak_rss_mb, run_load, tree_peak_rss_mb
from eventwire.bench.synthetic import generate_store


def test_mixed_calls_from_concurrent_clients_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.duckdb"
    generate_store(path, 2000)
    result = run_load(path, clients=4, seconds=1.5, seed=1, server_workers=2)
    assert result.errors == 0, result.error_examples
    assert result.server_workers == 2
    assert result.requests == sum(result.by_query.values()) > 0
    assert set(result.by_query) <= {name for name, _, _ in MIX}
    assert result.percentile(50) <= result.percentile(99) <= result.percentile(100)
    figures = result.as_dict()
    assert figures["requests"] == result.requests and figures["errors"] == 0


def test_figures_of_a_result() -> None:
    result = LoadResult(
        clients=2,
        server_workers=1,
        seconds=2.0,
        requests=4,
        errors=1,
        latencies_ms=(10.0, 20.0, 30.0, 40.0),
        by_query={"runs": 4},
        error_examples=("GET /api/runs: 503",),
        server_peak_rss_mb=None,
    )
    assert result.throughput == 2.0
    assert (result.percentile(50), result.percentile(99)) == (20.0, 40.0)


def test_bad_arguments_and_peak_memory(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="must be positive"):
        run_load(tmp_path / "x.duckdb", clients=0)
    if Path("/proc/self/status").exists():
        peak = peak_rss_mb(os.getpid())
        assert peak is not None and peak > 1
        tree = tree_peak_rss_mb(os.getpid())
        assert tree is not None and tree >= peak
    assert peak_rss_mb(-1) is None and tree_peak_rss_mb(-1) is None
