"""``/api/events``: filters and paging agree with the store; one event carries its evidence."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def ids(body: dict[str, Any]) -> set[str]:
    return {e["event_id"] for e in body["events"]}


def test_unfiltered_page_counts_every_event(client: TestClient, sql: Any) -> None:
    body = client.get("/api/events", params={"limit": 500}).json()
    assert body["total"] == sql("SELECT count(*) FROM events")[0][0] > 0
    assert ids(body) == {r[0] for r in sql("SELECT event_id FROM events")}
    dates = [e["date_earliest"] for e in body["events"] if e["date_earliest"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_paging_walks_every_event_once(client: TestClient, sql: Any) -> None:
    total = sql("SELECT count(*) FROM events")[0][0]
    seen: list[str] = []
    for offset in range(0, total, 7):
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == total and page["offset"] == offset
        seen += [e["event_id"] for e in page["events"]]
    assert len(seen) == len(set(seen)) == total


def test_filters_match_sql(client: TestClient, sql: Any) -> None:
    actor, rtype = sql(
        "SELECT actor_countries[1], type FROM events WHERE len(actor_countries) > 0 "
        "ORDER BY event_id LIMIT 1"
    )[0]
    cases: list[tuple[dict[str, Any], str, tuple[Any, ...]]] = [
        ({"actor": actor.lower()}, "list_contains(actor_countries, ?)", (actor,)),
        ({"type": rtype.lower()}, "type = ?", (rtype,)),
        ({"quad": [3, 4]}, "quad_class IN (3, 4)", ()),
        ({"modality": "negated,future"}, "modality IN ('negated', 'future')", ()),
        (
            {"country": actor},
            "(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?) "
            "OR location_country = ?)",
            (actor, actor, actor),
        ),
        ({"sector": "gov"}, "len(list_filter(actors || recipients, "
         "lambda a: list_contains(a.sectors, 'GOV'))) > 0", ()),
        ({"q": "ACCUSED"}, "contains(lower(sentence_text), 'accused')", ()),
        ({"since": "2024-01-01", "until": "2024-12-31"},
         "date_latest >= DATE '2024-01-01' AND date_earliest <= DATE '2024-12-31'", ()),
    ]  # fmt: skip
    for params, where, args in cases:
        got = client.get("/api/events", params={**params, "limit": 500})
        assert got.status_code == 200, (params, got.text)
        expected = {r[0] for r in sql(f"SELECT event_id FROM events WHERE {where}", *args)}
        assert ids(got.json()) == expected, params
        assert got.json()["total"] == len(expected)
    assert any(sql(f"SELECT count(*) FROM events WHERE {w}", *a)[0][0] for _, w, a in cases)


def test_story_and_mode_filters(client: TestClient, sql: Any) -> None:
    article, mode = sql("SELECT article_id, mode FROM events WHERE mode IS NOT NULL LIMIT 1")[0]
    story = client.get("/api/events", params={"story": article, "limit": 500}).json()
    assert story["events"] and {e["article_id"] for e in story["events"]} == {article}
    modes = client.get("/api/events", params={"mode": mode.upper()}).json()
    assert modes["events"] and {e["mode"] for e in modes["events"]} == {mode}


def test_sorting_by_score(client: TestClient) -> None:
    scores = [e["score"] for e in client.get("/api/events?sort=score&limit=500").json()["events"]]
    assert scores == sorted(scores)


def test_text_search_is_a_parameter_not_sql(client: TestClient, sql: Any) -> None:
    before = sql("SELECT count(*) FROM events")[0][0]
    got = client.get("/api/events", params={"q": "'; DROP TABLE events; --"})
    assert got.status_code == 200 and got.json()["total"] == 0
    assert sql("SELECT count(*) FROM events")[0][0] == before


def test_event_detail_highlights_spans_of_its_sentence(client: TestClient, sql: Any) -> None:
    checked = 0
    for (event_id,) in sql("SELECT event_id FROM events ORDER BY event_id"):
        detail = client.get(f"/api/events/{event_id}").json()
        event, sentence = detail["event"], detail["event"]["sentence_text"]
        for h in detail["highlights"]:
            assert sentence[h["start"] : h["end"]] == h["text"]
        triggers = [h for h in detail["highlights"] if h["role"] == "trigger"]
        assert [t["text"] for t in triggers] == [event["trigger_text"]]
        checked += 1
    assert checked


def test_event_detail_carries_quote_article_and_explanation(client: TestClient, sql: Any) -> None:
    event_id, quote, speaker = sql(
        "SELECT event_id, quote_text, quote_speaker FROM events WHERE quote_text IS NOT NULL "
        "LIMIT 1"
    )[0]
    detail = client.get(f"/api/events/{event_id}").json()
    assert detail["quote"]["text"] == quote and detail["quote"]["speaker"] == speaker
    assert detail["article"]["article_id"] == detail["event"]["article_id"]
    assert detail["explanation"]["lexicon_entry"]
    assert detail["run_id"] == sql("SELECT run_id FROM runs")[0][0]


def test_actor_highlight_when_the_actor_is_in_the_sentence(client: TestClient, sql: Any) -> None:
    rows = sql(
        "SELECT event_id, sentence_text[a.start_char - sentence_start + 1 : "
        "a.end_char - sentence_start] FROM events, unnest(actors) AS t(a) "
        "WHERE a.start_char >= sentence_start AND a.end_char <= sentence_end LIMIT 5"
    )
    assert rows
    for event_id, text in rows:  # the span's text (the actor's text may be its resolution)
        spans = client.get(f"/api/events/{event_id}").json()["highlights"]
        assert text in [h["text"] for h in spans if h["role"] == "actor"]
