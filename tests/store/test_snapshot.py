"""Snapshots: a consistent read copy of a store, written next to it and swapped in atomically."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store import open_store
from eventwire.store.snapshot import publish_snapshot, snapshot_path


def _copy(coded_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    shutil.copyfile(coded_store, path)
    return path


def test_the_snapshot_sits_next_to_the_store() -> None:
    assert snapshot_path("/data/news.duckdb") == Path("/data/news.snapshot.duckdb")


def test_a_snapshot_holds_what_the_writer_committed(coded_store: Path, tmp_path: Path) -> None:
    path = _copy(coded_store, tmp_path)
    with open_store(path) as store:
        before = store.counts()
        target = publish_snapshot(store)
        assert target == snapshot_path(path)
        run = store.start_run(command="later", coder_version="x", lexicon_version="y")
        with open_store(target, read_only=True) as snapshot:
            assert snapshot.counts() == before  # the later run is not in it yet
        assert publish_snapshot(store) == target
        assert store.counts()["runs"] == before["runs"] + 1
    with open_store(target, read_only=True) as snapshot:
        assert snapshot.counts()["runs"] == before["runs"] + 1
        assert run in {r.run_id for r in snapshot.runs()}
        events = snapshot._conn().execute("SELECT * FROM events ORDER BY event_id").fetchall()
    with open_store(path, read_only=True) as store:
        assert store._conn().execute("SELECT * FROM events ORDER BY event_id").fetchall() == events
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb", "news.snapshot.duckdb"]


def test_a_reader_of_the_old_snapshot_keeps_reading_it(coded_store: Path, tmp_path: Path) -> None:
    path = _copy(coded_store, tmp_path)
    with open_store(path) as store:
        target = publish_snapshot(store)
        reader = duckdb.connect(str(target), read_only=True)
        try:
            store.start_run(command="later", coder_version="x", lexicon_version="y")
            publish_snapshot(store)
            runs = reader.execute("SELECT count(*) FROM runs").fetchone()
            assert runs is not None and runs[0] == store.counts()["runs"] - 1
        finally:
            reader.close()


def test_only_a_writable_store_file_publishes(coded_store: Path, tmp_path: Path) -> None:
    with open_store(":memory:") as memory, pytest.raises(StoreError, match="in-memory"):
        publish_snapshot(memory)
    path = _copy(coded_store, tmp_path)
    with open_store(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        publish_snapshot(store)
    assert not snapshot_path(path).exists()


def test_a_failed_copy_leaves_the_old_snapshot(coded_store: Path, tmp_path: Path) -> None:
    path = _copy(coded_store, tmp_path)
    with open_store(path) as store:
        target = publish_snapshot(store)
        good = target.read_bytes()
        store.close()
        with pytest.raises(StoreError, match="closed"):
            publish_snapshot(store)
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb", "news.snapshot.duckdb"]
