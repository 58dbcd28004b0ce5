"""The analyst queries over the hand-built fixture store (compound actors, a quote, a
negated event, an unresolved actor)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import StoreError
from eventwire.store import Store, aggregates, analytics
from eventwire.store.analytics_models import EventSearch


def con(store: Store) -> Any:
    return store._conn()  # test-only: the analytics functions take a connection


def test_search_sql_holds_no_user_text() -> None:
    hostile = "x'); DROP TABLE events; --"
    search = EventSearch(
        actor=hostile, recipient=hostile, country=hostile, sector=hostile, types=(hostile,),
        mode=hostile, modalities=(hostile,), story=hostile, text=hostile,
    )  # fmt: skip
    where, params = analytics.search_where(search)
    assert "DROP" not in where and "'x" not in where
    # story binds its value twice; the text test repeats the other filters' values
    assert where.count("?") == len(params) == 23


def test_search_and_count(filled: Store) -> None:
    page = analytics.search_events(con(filled), EventSearch(actor="usa", limit=10))
    assert {e.event_id for e in page.events} == {"a1-e1", "a1-e3"} and page.total == 2
    compound = next(e for e in page.events if e.event_id == "a1-e1")
    assert [a.code for a in compound.actors] == ["USAGOV", "FRAGOV"]
    # the fixture gives ACCUSE quad class 3 and every other type 1
    quads = analytics.search_events(con(filled), EventSearch(quad_classes=(3, 4)))
    assert [e.event_id for e in quads.events] == ["a1-e2"]
    negated = analytics.search_events(con(filled), EventSearch(modalities=("NEGATED",)))
    assert [e.event_id for e in negated.events] == ["b1-e1"]
    located = analytics.search_events(con(filled), EventSearch(country="chn"))
    assert {e.event_id for e in located.events} == {"a1-e1", "a1-e2", "a1-e3"}
    civil = analytics.search_events(con(filled), EventSearch(sector="cvl"))
    assert [e.event_id for e in civil.events] == ["b1-e2"]
    empty = analytics.search_events(con(filled), EventSearch(limit=0))
    assert empty.events == () and empty.total == 5


@pytest.mark.parametrize("text", ["the", "SAID", "talks", "zzz-absent"])
@pytest.mark.parametrize(
    "filters",
    [{}, {"actor": "usa"}, {"types": ("CONSULT", "ACCUSE")}, {"since": date(2021, 2, 1)}],
)
def test_text_search_keeps_what_the_other_filters_keep(
    filled: Store, text: str, filters: dict[str, Any]
) -> None:
    everything = analytics.search_events(con(filled), EventSearch(limit=500, **filters))
    expected = {e.event_id for e in everything.events if text.lower() in e.sentence_text.lower()}
    page = analytics.search_events(con(filled), EventSearch(text=text, limit=500, **filters))
    assert {e.event_id for e in page.events} == expected
    assert page.total == len(expected) and page.total_exact


def test_text_search_total_stops_at_its_limit(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    matching = analytics.search_events(con(filled), EventSearch(text="e"))
    assert matching.total >= 3 and matching.total_exact
    monkeypatch.setattr(analytics, "TEXT_COUNT_LIMIT", 2)
    capped = analytics.search_events(con(filled), EventSearch(text="e"))
    assert (capped.total, capped.total_exact) == (2, False)
    assert len(capped.events) == matching.total  # the page itself is not cut
    exact = analytics.search_events(con(filled), EventSearch(actor="usa"))
    assert exact.total == 2 and exact.total_exact  # only text searches are capped
    monkeypatch.setattr(analytics, "TEXT_COUNT_LIMIT", matching.total)
    assert analytics.search_events(con(filled), EventSearch(text="e")).total_exact


def test_detail_of_a_quoted_event(filled: Store) -> None:
    detail = analytics.get_event_detail(con(filled), "a1-e2")
    assert detail is not None and detail.quote is not None
    assert detail.quote.speaker == "Wang Yi" and detail.quote.start is not None
    roles = {h.role: h.text for h in detail.highlights}
    assert roles["trigger"] == "accused" and roles["actor"] == "China"
    assert roles["recipient"] == "Washington"
    assert roles["quote"].startswith('"We will not be bullied')
    assert detail.article is not None and detail.article.title == "Leaders meet in Beijing"
    assert analytics.get_event_detail(con(filled), "nope") is None


def test_dyad_series_expands_compound_actors(filled: Store) -> None:
    series = aggregates.dyad_series(
        con(filled), EventSearch(actor="FRA", recipient="CHN"), interval="day"
    )
    assert series.events == 1 and [p.period for p in series.points] == [date(2024, 3, 4)]
    monthly = aggregates.dyad_series(con(filled), EventSearch(actor="USA", recipient="CHN"))
    assert [(p.period, p.events, p.cooperation, p.conflict) for p in monthly.points] == [
        (date(2024, 3, 1), 2, 2, 0)
    ]
    assert monthly.mean_score == 3.0 and monthly.actor_name == "United States"
    reverse = aggregates.dyad_series(con(filled), EventSearch(actor="CHN", recipient="USA"))
    assert [(p.events, p.conflict, p.mean_score) for p in reverse.points] == [(1, 1, -2.0)]


def test_dyad_series_period_limit(filled: Store) -> None:
    search = EventSearch(actor="USA", since=date(1900, 1, 1), until=date(2100, 1, 1))
    with pytest.raises(StoreError, match="longer interval"):
        aggregates.dyad_series(con(filled), search, interval="day")


def test_network_and_actors(filled: Store) -> None:
    net = aggregates.network(con(filled), EventSearch())
    edges = {(e.source, e.target): e for e in net.edges}
    assert set(edges) == {("USA", "CHN"), ("FRA", "CHN"), ("CHN", "USA"), ("RUS", "UKR")}
    assert edges[("USA", "CHN")].weight == 2 and edges[("USA", "CHN")].types == {
        "COERCE": 1, "CONSULT": 1}  # fmt: skip
    assert net.total_edges == 4 and net.nodes[0].code in {"CHN", "USA"}
    ego = aggregates.network(con(filled), EventSearch(), focus="rus")
    assert [(e.source, e.target) for e in ego.edges] == [("RUS", "UKR")]
    summary = {a.code: a for a in aggregates.actors(con(filled), EventSearch())}
    assert (summary["CHN"].as_actor, summary["CHN"].as_recipient) == (1, 2)
    profile = aggregates.actor_profile(con(filled), "chn")
    assert profile is not None and profile.types_as_recipient == {"CONSULT": 1, "COERCE": 1}
    assert [p.code for p in profile.targets] == ["USA"]
    assert aggregates.actor_profile(con(filled), "ZZZ") is None
    assert aggregates.top_dyads(con(filled), EventSearch(), limit=1) == (("USA", "CHN", 2),)


def test_overview(filled: Store) -> None:
    view = aggregates.overview(con(filled))
    assert view.counts["events"] == 5 and view.types["CONSULT"] == 1
    assert (view.first_date, view.last_date) == (date(2024, 2, 1), date(2024, 3, 17))
    assert "GOV" in view.sectors


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=0, max_value=800),
    st.sampled_from(["day", "week", "month", "year"]),
)
def test_periods_cover_the_range_in_order(first: date, days: int, interval: Any) -> None:
    last = first + timedelta(days=days)
    periods = list(aggregates._periods(first, last, interval))
    assert periods[0] <= first and periods[-1] <= last < aggregates._step(periods[-1], interval)
    assert all(aggregates._truncate(p, interval) == p for p in periods)
    assert all(a < b for a, b in itertools.pairwise(periods))
