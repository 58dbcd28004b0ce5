"""Dyads, time series, network, actors, articles, runs and meta over the coded store."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def busiest_pair(sql: Any) -> tuple[str, str]:
    row = sql(
        "SELECT a, r FROM (SELECT unnest(actor_countries) AS a, recipient_countries FROM events) "
        ", unnest(recipient_countries) AS t(r) WHERE a <> r GROUP BY a, r "
        "ORDER BY count(*) DESC, a, r LIMIT 1"
    )
    return str(row[0][0]), str(row[0][1])


def test_dyad_series_counts_every_dated_event_of_the_dyad(client: TestClient, sql: Any) -> None:
    actor, recipient = busiest_pair(sql)
    expected = sql(
        "SELECT count(*), count(*) FILTER (WHERE quad_class <= 2) FROM events "
        "WHERE list_contains(actor_countries, ?) AND list_contains(recipient_countries, ?) "
        "AND date_earliest IS NOT NULL",
        actor,
        recipient,
    )[0]
    for interval in ("day", "week", "month", "year"):
        body = client.get(
            "/api/dyads/series",
            params={"actor": actor, "recipient": recipient, "interval": interval},
        ).json()
        points = body["points"]
        assert body["events"] == sum(p["events"] for p in points) == expected[0]
        assert sum(p["cooperation"] for p in points) == expected[1]
        assert all(p["cooperation"] + p["conflict"] == p["events"] for p in points)
        periods = [p["period"] for p in points]
        assert periods == sorted(set(periods))  # dense, ordered, no duplicates
    assert body["actor_name"] and body["recipient_name"]


def test_dyad_series_fills_the_requested_range(client: TestClient, sql: Any) -> None:
    actor, recipient = busiest_pair(sql)
    body = client.get(
        "/api/dyads/series",
        params={"actor": actor, "recipient": recipient, "since": "2020-01-01",
                "until": "2025-12-31", "interval": "year"},
    ).json()  # fmt: skip
    assert [p["period"] for p in body["points"]] == [f"{y}-01-01" for y in range(2020, 2026)]


def test_network_edges_are_directed_dyads_without_self_loops(client: TestClient) -> None:
    body = client.get("/api/network", params={"max_edges": 1000}).json()
    assert body["edges"] and body["total_edges"] == len(body["edges"])
    codes = {n["code"] for n in body["nodes"]}
    for edge in body["edges"]:
        assert edge["source"] != edge["target"]
        assert {edge["source"], edge["target"]} <= codes
        assert sum(edge["types"].values()) == edge["weight"]
        assert edge["cooperation"] + edge["conflict"] == edge["weight"]
    weights = [e["weight"] for e in body["edges"]]
    assert weights == sorted(weights, reverse=True)
    node = body["nodes"][0]
    assert node["weight"] == node["in_weight"] + node["out_weight"]


def test_network_focus_keeps_edges_touching_the_actor(client: TestClient, sql: Any) -> None:
    actor, _ = busiest_pair(sql)
    body = client.get("/api/network", params={"focus": actor}).json()
    assert body["edges"]
    assert all(actor in (e["source"], e["target"]) for e in body["edges"])


def test_top_dyads_and_actors(client: TestClient, sql: Any) -> None:
    dyads = client.get("/api/dyads", params={"limit": 3}).json()["dyads"]
    assert (dyads[0]["actor"], dyads[0]["recipient"]) == busiest_pair(sql)
    actors = client.get("/api/actors").json()
    top = actors["actors"][0]
    assert top["events"] == top["as_actor"] + top["as_recipient"]
    assert actors["total"] == len(actors["actors"])
    matched = client.get("/api/actors", params={"match": top["name"][:4]}).json()
    assert top["code"] in [a["code"] for a in matched["actors"]]
    profile = client.get(f"/api/actors/{top['code'].lower()}").json()
    assert profile["summary"] == top
    assert profile["mentions"]


def test_articles_and_article_detail(client: TestClient, sql: Any) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == sql("SELECT count(*) FROM articles")[0][0] == len(page["articles"])
    first = page["articles"][0]
    detail = client.get(f"/api/articles/{first['article_id']}").json()
    assert detail["text"] and len(detail["events"]) == first["events"]
    assert {e["article_id"] for e in detail["events"]} <= {first["article_id"]}
    found = client.get("/api/articles", params={"q": first["source"][-12:]}).json()
    assert first["article_id"] in [a["article_id"] for a in found["articles"]]


def test_runs_failures_and_meta(client: TestClient, sql: Any) -> None:
    runs = client.get("/api/runs").json()["runs"]
    assert [r["run_id"] for r in runs] == [r[0] for r in sql("SELECT run_id FROM runs")]
    assert client.get(f"/api/runs/{runs[0]['run_id']}").json()["status"] == "done"
    failures = client.get("/api/failures").json()
    assert failures["total"] == 1 and failures["failures"][0]["code"] == "E101"
    assert client.get("/api/failures", params={"code": "E999"}).json()["total"] == 0
    meta = client.get("/api/meta").json()
    assert meta["overview"]["counts"]["events"] == sql("SELECT count(*) FROM events")[0][0]
    assert len(meta["plover_types"]) == 16 and meta["schema_version"] >= 1


def test_openapi_schema_and_page_are_served(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/dyads/series", "/api/network",
                 "/api/actors", "/api/articles", "/api/runs", "/api/failures"):  # fmt: skip
        assert path in schema["paths"]
    page = client.get("/")
    assert page.status_code == 200 and "/static/js/app.js" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "access-control-allow-origin" not in page.headers  # CORS is off
    assert client.get("/static/js/app.js").status_code == 200
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN
