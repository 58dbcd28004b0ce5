"""Shared fixtures: one loaded engine per test session, and the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.engine import Engine

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "seed").is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA} (a user's clone)")
    return SHARED_DATA
