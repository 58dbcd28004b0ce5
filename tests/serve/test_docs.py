"""Every API endpoint, command and export format is documented."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.export import FORMATS
from eventwire.serve.settings import ServeSettings

ROOT = Path(__file__).resolve().parents[2]


def test_every_endpoint_is_in_docs(client: TestClient) -> None:
    docs = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert len(paths) >= 12
    for path in sorted(paths):
        assert f"`GET {path}`" in docs or f", `GET {path}`" in docs, path


def test_commands_formats_and_settings_are_documented() -> None:
    docs = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("eventwire serve", "eventwire export", "eventwire bench-api"):
        assert command in docs and command in readme, command
    for fmt in FORMATS:
        assert f"`{fmt}`" in docs, fmt
    for name in ServeSettings.__dataclass_fields__:
        assert f"`{name}`" in docs, name
