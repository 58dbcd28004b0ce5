"""``eventwire serve`` and ``eventwire bench-api`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from eventwire.cli.main import app


def test_serve_binds_loopback_by_default(
    coded_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: calls.append((web, kw)))
    result = CliRunner().invoke(app, ["serve", "--db", str(coded_store)])
    assert result.exit_code == 0, result.output
    ((web, options),) = calls
    assert isinstance(web, FastAPI)
    assert (options["host"], options["port"]) == ("127.0.0.1", 8000)
    CliRunner().invoke(app, ["serve", "--db", str(coded_store), "--port", "9123"])
    assert calls[-1][1]["port"] == 9123


def test_serve_reports_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2 and "does not exist" in " ".join(result.output.split())


def test_bench_api_prints_a_table_and_json(tmp_path: Path) -> None:
    db = tmp_path / "bench.duckdb"
    args = ["bench-api", "--events", "500", "--db", str(db), "--repeat", "3"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert payload["events"] == 500
    names = [r["query"] for r in payload["results"]]
    assert names == ["event page", "dyad monthly series", "network, one year"]
    for row in payload["results"]:
        assert row["n"] == 3 and 0 < row["p50_ms"] <= row["p95_ms"] <= row["max_ms"]
    assert "p95" in result.stdout and db.exists()  # a given --db is kept for reuse


def test_snapshot_publishes_a_read_copy(coded_store: Path, tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "news.duckdb"
    shutil.copyfile(coded_store, path)
    result = CliRunner().invoke(app, ["snapshot", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "news.snapshot.duckdb").is_file()


def test_serve_snapshot_only_and_token_file(
    coded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import uvicorn

    path = tmp_path / "news.duckdb"
    shutil.copyfile(coded_store, path)
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: calls.append(web))
    monkeypatch.delenv("EVENTWIRE_API_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(path), "--snapshot-only"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "news.snapshot.duckdb").is_file()
    assert calls[-1].state.pool.source.snapshot
    assert calls[-1].state.settings.api_token is None

    short = tmp_path / "token"
    short.write_text("short\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--db", str(path), "--token-file", str(short)])
    assert result.exit_code != 0 and "use at least 16 random" in " ".join(result.output.split())
    good = tmp_path / "good-token"
    good.write_text("0123456789abcdef-token\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--db", str(path), "--token-file", str(good)])
    assert result.exit_code == 0, result.output
    assert calls[-1].state.settings.api_token == "0123456789abcdef-token"
    assert "token-protected writes" in " ".join(result.output.split())
