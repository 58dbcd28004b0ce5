"""Hostile requests: injection, traversal, oversized and ill-typed input, unauthorised writes.

Each answer is the JSON error envelope (or an ordinary result), never a traceback, and the
store is byte-for-byte the same content afterwards.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.serve import ServeSettings, create_app

TOKEN = "test-token-0123456789abcdef"
SQL_PAYLOADS = (
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    "x' UNION SELECT text FROM articles --",
    "'); DELETE FROM events; --",
    "%' OR 1=1 --",
    "\\'; ATTACH '/tmp/x.duckdb' AS x; --",
)
TRAVERSALS = (
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fpyproject.toml",
    "....//....//etc/passwd",
    "..\\..\\windows\\win.ini",
)


def fingerprint(path: Path) -> tuple[Any, ...]:
    """Row counts and a hash of every table's rows (read through a fresh read-only handle)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = sorted(r[0] for r in con.execute("SHOW TABLES").fetchall())
        digest = hashlib.sha256()
        counts = []
        for table in tables:
            rows = sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))
            counts.append((table, len(rows)))
            digest.update("\n".join(rows).encode())
        return tuple(counts), digest.hexdigest()
    finally:
        con.close()


@pytest.fixture
def store_path(coded_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    shutil.copyfile(coded_store, path)
    return path


@pytest.fixture
def read_only_client(store_path: Path) -> Iterator[TestClient]:
    settings = ServeSettings(max_body_bytes=10_000, max_url_chars=2_000)
    with TestClient(create_app(store_path, settings=settings)) as client:
        yield client


@pytest.fixture
def writing_client(store_path: Path) -> Iterator[TestClient]:
    settings = ServeSettings(api_token=TOKEN, max_body_bytes=10_000, snapshot_check_seconds=0)
    with TestClient(create_app(store_path, settings=settings)) as client:
        yield client


def assert_envelope(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    assert "Traceback" not in response.text and 'File "' not in response.text
    return str(body["error"]["message"])


def _get_routes(client: TestClient) -> dict[str, list[dict[str, Any]]]:
    spec = client.get("/api/openapi.json").json()
    return {path: item["get"].get("parameters", []) for path, item in spec["paths"].items()}


def test_sql_injection_in_every_filter_reaches_no_sql(
    read_only_client: TestClient, store_path: Path
) -> None:
    before = fingerprint(store_path)
    tried = 0
    for path, parameters in _get_routes(read_only_client).items():
        url = re.sub(r"\{[^}]+\}", "x", path)
        for parameter in parameters:
            if parameter["in"] not in ("query", "path"):
                continue
            for payload in SQL_PAYLOADS:
                if parameter["in"] == "query":
                    response = read_only_client.get(url, params={parameter["name"]: payload})
                else:
                    response = read_only_client.get(
                        path.replace(f"{{{parameter['name']}}}", payload)
                    )
                tried += 1
                if response.status_code == 200:
                    assert "sqlite" not in response.text.lower()
                else:
                    assert response.status_code in (404, 422), (url, parameter, response.text)
                    assert_envelope(response, response.status_code)
    assert tried > 100
    assert fingerprint(store_path) == before


def test_path_traversal_in_every_path_parameter_and_the_static_route(
    read_only_client: TestClient, store_path: Path
) -> None:
    before = fingerprint(store_path)
    paths = [p for p in _get_routes(read_only_client) if "{" in p]
    assert len(paths) >= 4
    for path in paths:
        for payload in TRAVERSALS:
            response = read_only_client.get(
                re.sub(r"\{[^}]+\}", payload.replace("\\", "\\\\"), path)
            )
            assert response.status_code in (404, 422), (path, payload)
            assert_envelope(response, response.status_code)
            assert "root:" not in response.text and "[project]" not in response.text
    for payload in (*TRAVERSALS, "../app.py", "..%2fapp.py", "%2e%2e/%2e%2e/pyproject.toml"):
        response = read_only_client.get(f"/static/{payload}")
        assert response.status_code == 404, payload
        assert "[project]" not in response.text and "create_app" not in response.text
    assert fingerprint(store_path) == before


def test_oversized_queries_and_bodies_are_refused(read_only_client: TestClient) -> None:
    message = assert_envelope(read_only_client.get("/api/events", params={"q": "x" * 3_000}), 414)
    assert "over the limit of 2,000" in message
    response = read_only_client.post(
        "/api/articles",
        content=b"{" + b" " * 20_000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert "over the limit of 10,000 bytes" in assert_envelope(response, 413)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=abc",
        "/api/events?since=yesterday",
        "/api/events?quad=one",
        "/api/events?min_confidence=2",
        "/api/events?offset=1e99",
        "/api/network?max_edges=-5",
        "/api/failures?limit=[]",
    ],
)
def test_invalid_types_are_422(read_only_client: TestClient, url: str) -> None:
    assert_envelope(read_only_client.get(url), 422)


def test_writes_are_forbidden_without_a_configured_token(
    read_only_client: TestClient, store_path: Path
) -> None:
    before = fingerprint(store_path)
    article_id = read_only_client.get("/api/articles").json()["articles"][0]["article_id"]
    for response in (
        read_only_client.post("/api/articles", json={"text": "date 2021-03-18\nIran met Iraq."}),
        read_only_client.post(
            "/api/articles",
            json={"text": "x"},
            headers={"authorization": f"Bearer {TOKEN}"},
        ),
        read_only_client.delete(f"/api/articles/{article_id}"),
    ):
        assert "read-only" in assert_envelope(response, 403)
    assert fingerprint(store_path) == before


def test_a_wrong_token_is_refused_and_the_right_one_writes(
    writing_client: TestClient, store_path: Path
) -> None:
    text = "date 2021-03-18\nNorth Korea rejected the offer from South Korea on Thursday.\n"
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN}):
        response = writing_client.post("/api/articles", json={"text": text}, headers=headers)
        assert "API token" in assert_envelope(response, 401)
    auth = {"authorization": f"Bearer {TOKEN}"}
    for body in ({"text": ""}, {"text": text, "date": "2021-02-30"}, {"text": 5}, {"txt": text}):
        assert_envelope(writing_client.post("/api/articles", json=body, headers=auth), 422)
    response = writing_client.post("/api/articles", json={"text": text}, headers=auth)
    assert response.status_code == 201, response.text
    article_id = response.json()["article_id"]
    assert writing_client.get(f"/api/articles/{article_id}").status_code == 200
    for payload in TRAVERSALS:
        response = writing_client.delete(f"/api/articles/{payload}", headers=auth)
        assert response.status_code in (404, 405, 422), payload
    deleted = writing_client.delete(f"/api/articles/{article_id}", headers=auth)
    assert deleted.status_code == 200 and deleted.json()["deleted"] is True
    assert_envelope(writing_client.get(f"/api/articles/{article_id}"), 404)
    assert_envelope(writing_client.delete(f"/api/articles/{article_id}", headers=auth), 404)


def test_a_write_while_another_process_holds_the_store_is_a_clear_409(
    writing_client: TestClient, store_path: Path
) -> None:
    import subprocess
    import sys
    import textwrap

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from eventwire.store import open_store
                with open_store(sys.argv[1]):
                    print("open", flush=True)
                    sys.stdin.readline()
                """
            ),
            str(store_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        auth = {"authorization": f"Bearer {TOKEN}"}
        response = writing_client.delete("/api/articles/abc", headers=auth)
        assert f"locked by PID {holder.pid}" in assert_envelope(response, 409)
        assert writing_client.get("/api/health").status_code == 200  # reads go on
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
