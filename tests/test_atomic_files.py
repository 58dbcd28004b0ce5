"""Atomic file writes: the old content or the new, and no temporary file left behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.atomic_files import write_atomic


def test_replaces_the_content(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"old")
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_a_failed_write_keeps_the_old_content_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"old")
    not_bytes: Any = "text"
    with pytest.raises(TypeError):
        write_atomic(path, not_bytes)
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["f.json"]
