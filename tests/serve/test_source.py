"""Serving while an ingest writes: the server reads the writer's snapshot and follows it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import StoreError, StoreLockedError
from eventwire.serve import ServeSettings, create_app
from eventwire.serve.source import open_source
from eventwire.store import open_store
from eventwire.store.snapshot import publish_snapshot, snapshot_path

# An ingest-like writer: holds the store read-write for its whole life, publishes a snapshot
# after each committed step, and waits for a line on stdin between steps.
WRITER = textwrap.dedent(
    """
    import sys
    from eventwire.store import open_store
    from eventwire.store.snapshot import publish_snapshot
    with open_store(sys.argv[1]) as store:
        if sys.argv[2] == "publish":
            publish_snapshot(store)
        print("ready", flush=True)
        for line in sys.stdin:
            store.start_run(command=line.strip(), coder_version="x", lexicon_version="y")
            publish_snapshot(store)
            print("published", flush=True)
    """
)


class Writer:
    def __init__(self, path: Path, *, publish: bool) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), "publish" if publish else "hold"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def run(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        assert self.readline() == "published"

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


@pytest.fixture
def store_path(coded_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    shutil.copyfile(coded_store, path)
    return path


@pytest.fixture
def writer(store_path: Path) -> Iterator[Writer]:
    running = Writer(store_path, publish=True)
    yield running
    running.stop()


def _commands(client: TestClient) -> set[str]:
    response = client.get("/api/runs")
    assert response.status_code == 200, response.text
    return {run["command"] for run in response.json()["runs"]}


def test_the_server_reads_the_snapshot_while_a_writer_holds_the_store(
    store_path: Path, writer: Writer
) -> None:
    settings = ServeSettings(snapshot_check_seconds=0.0)  # look for a new snapshot every request
    with TestClient(create_app(store_path, settings=settings)) as client:
        assert client.app.state.pool.source.path == snapshot_path(store_path)  # type: ignore[attr-defined]
        before = _commands(client)
        meta = client.get("/api/meta").json()
        writer.run("ingest batch 1")
        assert _commands(client) == before | {"ingest batch 1"}
        writer.run("ingest batch 2")
        assert _commands(client) == before | {"ingest batch 1", "ingest batch 2"}
        counts = client.get("/api/meta").json()["overview"]["counts"]
        assert counts["runs"] == meta["overview"]["counts"]["runs"] + 2  # the memo followed it


def test_a_locked_store_without_a_snapshot_is_refused_clearly(store_path: Path) -> None:
    holder = Writer(store_path, publish=False)
    try:
        with pytest.raises(StoreLockedError) as caught:
            create_app(store_path)
        assert caught.value.pid == holder.process.pid
        assert f"locked by PID {holder.process.pid}" in str(caught.value)
        assert "no snapshot" in str(caught.value)
    finally:
        holder.stop()


def test_snapshot_only_never_opens_the_store(store_path: Path) -> None:
    with pytest.raises(StoreError, match="has no snapshot"):
        open_source(store_path, snapshot_only=True)
    with open_store(store_path) as store:
        publish_snapshot(store)
    con, _, source = open_source(store_path, snapshot_only=True)
    try:
        assert source.snapshot and source.path == snapshot_path(store_path)
        with open_store(store_path) as store:  # a writer can open the store meanwhile
            assert store.counts()["events"] > 0
    finally:
        con.close()
    con, _, source = open_source(store_path)
    con.close()
    assert not source.snapshot and source.path == store_path
