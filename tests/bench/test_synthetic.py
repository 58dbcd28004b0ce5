"""The benchmark's synthetic store: fast to make, deterministic, and shaped like a real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from eventwire.bench.synthetic import generate_store, is_synthetic
from eventwire.errors import StoreError
from eventwire.serve.pool import ReadPool
from eventwire.store import aggregates, analytics
from eventwire.store.analytics_models import EventSearch

N = 3000


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "synthetic.duckdb"
    made = generate_store(path, N)
    assert made.events == N and not made.reused
    return path


def test_spans_index_the_article_text(synthetic: Path) -> None:
    con = duckdb.connect(str(synthetic), read_only=True)
    bad = con.execute(
        "SELECT count(*) FROM events e JOIN articles a USING (article_id) "
        "WHERE a.text[e.sentence_start + 1 : e.sentence_end] <> e.sentence_text "
        "OR a.text[e.trigger_start + 1 : e.trigger_end] <> e.trigger_text "
        "OR a.text[e.recipients[1].start_char + 1 : e.recipients[1].end_char] "
        "   <> e.recipients[1].text"
    ).fetchall()[0][0]
    shape = con.execute(
        "SELECT count(*), count(DISTINCT article_id), min(date_earliest), max(date_earliest), "
        "count(*) FILTER (WHERE len(actor_countries) = 2), "
        "count(*) FILTER (WHERE list_has_any(actor_countries, recipient_countries)) FROM events"
    ).fetchall()[0]
    top = con.execute(
        "SELECT actor_countries[1], count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC LIMIT 1"
    ).fetchall()[0][0]
    con.close()
    assert bad == 0
    assert shape[0] == N and shape[1] == N // 5
    assert str(shape[2]) == "2015-01-01" and str(shape[3]) <= "2024-12-31"
    assert 0 < shape[4] < N * 0.1 and shape[5] == 0
    assert top == "USA"


def test_the_analyst_queries_run_on_it(synthetic: Path) -> None:
    pool = ReadPool(synthetic, size=1)
    try:
        with pool.connection() as con:
            page = analytics.search_events(con, EventSearch(actor="USA", limit=5))
            assert page.total > 0 and len(page.events) == 5
            detail = analytics.get_event_detail(con, page.events[0].event_id)
            assert detail is not None and {h.role for h in detail.highlights} >= {
                "trigger", "actor", "recipient"}  # fmt: skip
            series = aggregates.dyad_series(con, EventSearch(actor="USA", recipient="CHN"))
            assert series.events > 0 and len(series.points) > 12
    finally:
        pool.close()


def test_deterministic_and_reused(synthetic: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.duckdb"
    generate_store(again, N)
    query = "SELECT event_id, type, actor_countries, sentence_text FROM events ORDER BY event_id"
    first = duckdb.connect(str(synthetic), read_only=True)
    second = duckdb.connect(str(again), read_only=True)
    assert first.execute(query).fetchall() == second.execute(query).fetchall()
    first.close()
    second.close()
    assert generate_store(again, N).reused
    assert is_synthetic(again) == N


def test_never_overwrites_another_store(coded_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "real.duckdb"
    shutil.copy(coded_store, copy)
    before = copy.read_bytes()
    with pytest.raises(StoreError, match="never overwrites"):
        generate_store(copy, 100)
    assert copy.read_bytes() == before
    with pytest.raises(StoreError, match="at least one event"):
        generate_store(tmp_path / "none.duckdb", 0)
