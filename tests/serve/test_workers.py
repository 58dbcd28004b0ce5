"""Worker processes get the store path and settings through their environment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import ServeSettings
from eventwire.serve.auth import TOKEN_ENV
from eventwire.serve.workers import (
    SETTINGS_ENV,
    WorkerSettingsError,
    app_from_environment,
    worker_environment,
)


def test_a_worker_builds_the_app_the_command_described(
    coded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.duckdb"
    shutil.copyfile(coded_store, path)
    settings = ServeSettings(max_page_size=7, api_token="0123456789abcdef-x", workers=2)
    variables = worker_environment(path, settings)
    assert "0123456789abcdef-x" not in variables[SETTINGS_ENV]  # the token travels apart
    assert variables[TOKEN_ENV] == "0123456789abcdef-x"
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with TestClient(app_from_environment()) as client:
        config = client.app.state.settings  # type: ignore[attr-defined]
        assert config == settings and config.api_token == settings.api_token
        assert client.get("/api/events?limit=8").status_code == 422  # max_page_size 7
        assert client.app.state.pool.source.snapshot  # type: ignore[attr-defined]


def test_a_worker_without_settings_says_how_to_start_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    with pytest.raises(WorkerSettingsError, match="eventwire serve --workers"):
        app_from_environment()
    monkeypatch.setenv(SETTINGS_ENV, '{"db": "x.duckdb", "no_such_setting": 1}')
    with pytest.raises(WorkerSettingsError, match="malformed"):
        app_from_environment()
