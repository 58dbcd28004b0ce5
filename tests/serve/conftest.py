"""A test client over the coded example store, and direct read-only SQL to check it against."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.serve import create_app


@pytest.fixture(scope="module")
def client(coded_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(coded_store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def sql(coded_store: Path) -> Iterator[Any]:
    """``sql(query, *params)`` -> rows, over a read-only connection of the same store."""
    con = duckdb.connect(str(coded_store), read_only=True)

    def run(query: str, *params: Any) -> list[tuple[Any, ...]]:
        return con.execute(query, list(params)).fetchall()

    yield run
    con.close()
