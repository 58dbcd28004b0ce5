"""Every error the API returns has one shape: {"error": {"code", "message", "status"}}."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import ServeSettings, create_app
from eventwire.store import analytics

CASES: list[tuple[str, str, int, str]] = [
    ("GET", "/api/events/no-such-event", 404, "not_found"),
    ("GET", "/api/articles/no-such-article", 404, "not_found"),
    ("GET", "/api/runs/no-such-run", 404, "not_found"),
    ("GET", "/api/actors/ZZZ", 404, "not_found"),
    ("GET", "/api/no-such-endpoint", 404, "not_found"),
    ("GET", "/no-such-page", 404, "not_found"),
    ("GET", "/api/events?limit=100000", 422, "invalid_request"),
    ("GET", "/api/events?offset=-1", 422, "invalid_request"),
    ("GET", "/api/events?since=2021-02-30", 422, "invalid_request"),
    ("GET", "/api/events?since=2021-03-01&until=2021-01-01", 422, "invalid_request"),
    ("GET", "/api/articles?since=2021-03-01&until=2021-01-01", 422, "invalid_request"),
    ("GET", "/api/events?type=NOTATYPE", 422, "invalid_request"),
    ("GET", "/api/events?quad=7", 422, "invalid_request"),
    ("GET", "/api/events?actor=USA';--", 422, "invalid_request"),
    ("GET", "/api/events?sort=random()", 422, "invalid_request"),
    ("GET", "/api/dyads/series", 422, "invalid_request"),
    ("GET", "/api/dyads/series?actor=USA&interval=fortnight", 422, "invalid_request"),
    ("GET", "/api/dyads/series?actor=USA&interval=day&since=1000-01-01", 422, "invalid_request"),
    ("GET", "/api/network?max_edges=100000", 422, "invalid_request"),
    ("POST", "/api/events", 405, "method_not_allowed"),
    ("DELETE", "/api/events/x", 405, "method_not_allowed"),
    ("PUT", "/api/runs/x", 405, "method_not_allowed"),
]


def assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    assert "Traceback" not in message and 'File "' not in message
    return dict(body["error"])


@pytest.mark.parametrize(("method", "url", "status", "code"), CASES)
def test_error_envelope(client: TestClient, method: str, url: str, status: int, code: str) -> None:
    assert_envelope(client.request(method, url), status, code)


def test_validation_message_names_the_parameter(client: TestClient) -> None:
    error = assert_envelope(client.get("/api/events?limit=abc"), 422, "invalid_request")
    assert "limit" in error["message"]


def test_unexpected_error_is_a_500_envelope_without_details(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: Any, **__: Any) -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(analytics, "search_events", explode)
    error = assert_envelope(client.get("/api/events"), 500, "internal_error")
    assert "secret" not in error["message"]


def test_database_error_is_a_500_envelope(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    def broken(*_: Any, **__: Any) -> None:
        raise duckdb.CatalogException("Table with name evnts does not exist")

    monkeypatch.setattr(analytics, "get_event_detail", broken)
    error = assert_envelope(client.get("/api/events/x"), 500, "internal_error")
    assert "evnts" not in error["message"]


def test_busy_pool_is_a_503_envelope(coded_store: Path) -> None:
    settings = ServeSettings(pool_size=1, pool_timeout=0.01)
    app = create_app(coded_store, settings=settings)
    with TestClient(app) as client, app.state.pool.connection():  # hold the only cursor
        assert_envelope(client.get("/api/events"), 503, "unavailable")
