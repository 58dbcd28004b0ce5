"""Writing coded articles to the DuckDB store and querying them back."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import StoreError
from eventwire.records import CodedArticle, Failure, Modality
from eventwire.store import EventFilter, RunSummary, Store, StoredEvent, open_store, writer


def ids(events: list[StoredEvent]) -> list[str]:
    return [e.event_id for e in events]


def raw_rows(store: Store, table: str, order: str, *, exclude: str = "") -> list[tuple[Any, ...]]:
    """Every row of a table, straight from the connection (test-only peek)."""
    select = f"* EXCLUDE ({exclude})" if exclude else "*"
    return store._conn().execute(f"SELECT {select} FROM {table} ORDER BY {order}").fetchall()


# -- write and query ---------------------------------------------------------------------------


def test_written_events_read_back_in_order(filled: Store) -> None:
    events = filled.query_events(EventFilter())
    # ordered by date_earliest, article, sentence, trigger
    assert ids(events) == ["b1-e1", "b1-e2", "a1-e1", "a1-e2", "a1-e3"]
    assert filled.counts() == {
        "articles": 2,
        "events": 5,
        "failures": 0,
        "runs": 1,
        "actor_mentions": 4,
        "quotes": 1,
    }
    assert filled.article_ids() == {"a1", "b1"}


def test_stored_event_flattens_the_coded_event(
    filled: Store, article_a: CodedArticle, run_id: str
) -> None:
    source = article_a.events[0]
    got = filled.get_event("a1-e1")
    assert got is not None
    assert got.actor_countries == ("USA", "FRA")
    assert got.recipient_countries == ("CHN",)
    assert got.actor_texts == ("United States", "France")
    assert got.recipient_texts == ("Chinese officials",)
    assert got.type == "CONSULT"
    assert got.cameo == "040"
    assert got.quad_class == 1
    assert got.date_earliest == got.date_latest == date(2024, 3, 4)
    assert got.date_phrase == "on Monday"
    assert got.modality == "asserted"
    assert got.trigger_text == "met"
    assert (got.trigger_start, got.trigger_end) == (source.trigger.start, source.trigger.end)
    assert got.sentence_text == source.sentence.text
    assert got.sentence_start == source.sentence.start
    assert got.location_name == "Beijing"
    assert got.location_country == "CHN"
    assert got.rule == "svo"
    assert got.lexicon_entry == "consult:met"
    assert got.actor_evidence == ("gazetteer:united states", "gazetteer:france")
    assert got.contexts == ("diplomacy",)
    assert (got.coder_version, got.lexicon_version, got.run_id) == ("0.1.0", "lex-1", run_id)
    quoted = filled.get_event("a1-e2")
    assert quoted is not None
    assert quoted.quote_speaker == "Wang Yi"
    assert filled.get_event("nope") is None


def test_unresolved_actor_keeps_its_text_but_no_country(filled: Store) -> None:
    got = filled.get_event("b1-e2")
    assert got is not None
    assert got.actor_texts == ("Protesters",)
    assert got.actor_countries == ()
    assert got.recipient_texts == ()


def test_actor_structs_keep_spans_and_evidence(filled: Store, article_a: CodedArticle) -> None:
    actors = filled._conn().execute("SELECT actors FROM events WHERE event_id = 'a1-e1'").fetchone()
    assert actors is not None
    usa = article_a.events[0].actors[0]
    assert usa.span is not None
    assert actors[0][0] == {
        "text": "United States",
        "country": "USA",
        "sectors": ["GOV"],
        "name": None,
        "role": "leader",
        "start_char": usa.span.start,
        "end_char": usa.span.end,
        "evidence": "gazetteer:united states",
        "confidence": 0.9,
    }


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(actor="USA"), ["a1-e1", "a1-e3"]),
        (EventFilter(actor="fra"), ["a1-e1"]),  # compound actor, case-insensitive
        (EventFilter(recipient="USA"), ["a1-e2"]),
        (EventFilter(recipient="CHN"), ["a1-e1", "a1-e3"]),
        (EventFilter(actor="USA", recipient="CHN"), ["a1-e1", "a1-e3"]),
        (EventFilter(type="consult"), ["a1-e1"]),
        (EventFilter(type="ASSAULT"), ["b1-e1"]),
        # interval overlap: the February-long event overlaps mid-February
        (EventFilter(since=date(2024, 2, 15), until=date(2024, 2, 16)), ["b1-e1"]),
        (EventFilter(since=date(2024, 3, 5)), ["a1-e2", "a1-e3"]),
        (EventFilter(until=date(2024, 2, 1)), ["b1-e1"]),
        (EventFilter(since=date(2024, 3, 15), until=date(2024, 4, 1)), ["a1-e3"]),
        (EventFilter(article_id="b1"), ["b1-e1", "b1-e2"]),
        (EventFilter(modality=Modality.NEGATED), ["b1-e1"]),
        (EventFilter(modality="FUTURE"), ["a1-e3"]),
        (EventFilter(actor="USA", type="coerce", modality="future"), ["a1-e3"]),
        (EventFilter(actor="ZZZ"), []),
        (EventFilter(limit=2), ["b1-e1", "b1-e2"]),
        (EventFilter(limit=2, offset=2), ["a1-e1", "a1-e2"]),
        (EventFilter(offset=4), ["a1-e3"]),
        (EventFilter(limit=0), []),
    ],
)
def test_query_filters(filled: Store, flt: EventFilter, expected: list[str]) -> None:
    assert ids(filled.query_events(flt)) == expected


def test_bad_filter_values_are_refused() -> None:
    with pytest.raises(StoreError, match="limit"):
        EventFilter(limit=-1)
    with pytest.raises(StoreError, match="after until"):
        EventFilter(since=date(2024, 2, 2), until=date(2024, 2, 1))


def test_aggregates(filled: Store) -> None:
    assert filled.count_events_by_type() == [
        ("ACCUSE", 1),
        ("ASSAULT", 1),
        ("COERCE", 1),
        ("CONSULT", 1),
        ("PROTEST", 1),
    ]


def test_top_dyads_expands_compound_actors(filled: Store) -> None:
    assert filled.top_dyads() == [
        ("USA", "CHN", 2),  # a1-e1 (USA+FRA -> CHN) and a1-e3
        ("CHN", "USA", 1),
        ("FRA", "CHN", 1),  # from the compound actor of a1-e1
        ("RUS", "UKR", 1),
    ]
    assert filled.top_dyads(limit=2) == [("USA", "CHN", 2), ("CHN", "USA", 1)]
    with pytest.raises(StoreError):
        filled.top_dyads(limit=-1)


def test_undated_events_sort_last_and_miss_date_bounds(
    filled: Store, run_id: str, article_b: CodedArticle
) -> None:
    undated = dataclasses.replace(article_b.events[1], id="c1-e1", article_id="c1", date=None)
    coded = CodedArticle(article=dataclasses.replace(article_b.article, id="c1"), events=(undated,))
    filled.write_article(coded, run_id=run_id)
    got = filled.get_event("c1-e1")
    assert got is not None
    assert (got.date_earliest, got.date_latest, got.date_phrase) == (None, None, None)
    assert ids(filled.query_events(EventFilter()))[-1] == "c1-e1"
    assert "c1-e1" not in ids(filled.query_events(EventFilter(since=date(1900, 1, 1))))
    assert "c1-e1" not in ids(filled.query_events(EventFilter(until=date(2100, 1, 1))))


# -- replacing, determinism and rollback ------------------------------------------------------


def test_rewriting_an_article_replaces_it(
    filled: Store, run_id: str, article_a: CodedArticle
) -> None:
    before = filled.counts()
    filled.write_article(article_a, run_id=run_id)
    filled.write_articles([article_a, article_a], run_id=run_id)  # twice in a batch: once
    assert filled.counts() == before
    assert ids(filled.query_events(EventFilter(article_id="a1"))) == ["a1-e1", "a1-e2", "a1-e3"]


def test_rewrite_drops_stale_rows(filled: Store, run_id: str, article_a: CodedArticle) -> None:
    fewer = dataclasses.replace(article_a, events=article_a.events[:1], quotes=(), mentions=())
    filled.write_article(fewer, run_id=run_id)
    assert ids(filled.query_events(EventFilter(article_id="a1"))) == ["a1-e1"]
    counts = filled.counts()
    assert (counts["events"], counts["quotes"], counts["actor_mentions"]) == (3, 0, 1)


def test_rows_do_not_depend_on_the_run(
    filled: Store, article_a: CodedArticle, article_b: CodedArticle
) -> None:
    before = raw_rows(filled, "events", "event_id", exclude="run_id")
    mentions = raw_rows(filled, "actor_mentions", "article_id, start_char")
    other = filled.start_run(command="again", coder_version="0.1.0", lexicon_version="lex-1")
    filled.write_articles([article_b, article_a], run_id=other)
    assert raw_rows(filled, "events", "event_id", exclude="run_id") == before
    assert raw_rows(filled, "actor_mentions", "article_id, start_char") == mentions
    assert {e.run_id for e in filled.query_events(EventFilter())} == {other}


def test_failed_insert_midway_keeps_previous_content(
    filled: Store, run_id: str, article_a: CodedArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_events = raw_rows(filled, "events", "event_id")
    before_articles = raw_rows(filled, "articles", "article_id")
    before_counts = filled.counts()
    fewer = dataclasses.replace(article_a, events=article_a.events[:1])
    # Quotes are inserted last: deletes and the article/event inserts have already run.
    monkeypatch.setattr(writer, "INSERT_QUOTES", "INSERT INTO no_such_table VALUES (?)")
    with pytest.raises(StoreError, match="nothing was written"):
        filled.write_article(fewer, run_id=run_id)
    assert raw_rows(filled, "events", "event_id") == before_events
    assert raw_rows(filled, "articles", "article_id") == before_articles
    assert filled.counts() == before_counts
    monkeypatch.undo()
    filled.write_article(fewer, run_id=run_id)  # the store is still usable afterwards
    assert filled.counts()["events"] == 3


def test_constraint_violation_rolls_back_the_whole_batch(
    filled: Store, run_id: str, article_a: CodedArticle, article_b: CodedArticle
) -> None:
    before = raw_rows(filled, "events", "event_id")
    clash = dataclasses.replace(
        article_b.events[0], id="a1-e1"
    )  # event id already used by article a1 in this batch
    bad_b = dataclasses.replace(article_b, events=(clash,))
    with pytest.raises(StoreError, match="nothing was written"):
        filled.write_articles([article_a, bad_b], run_id=run_id)
    assert raw_rows(filled, "events", "event_id") == before


def test_records_of_another_article_are_refused(
    store: Store, run_id: str, article_a: CodedArticle, article_b: CodedArticle
) -> None:
    mixed = dataclasses.replace(article_a, events=(*article_a.events, article_b.events[0]))
    with pytest.raises(StoreError, match="other article ids"):
        store.write_articles([article_b, mixed], run_id=run_id)
    assert store.counts()["articles"] == 0


def test_unknown_run_is_refused(store: Store, article_a: CodedArticle, failure: Failure) -> None:
    with pytest.raises(StoreError, match="start_run"):
        store.write_article(article_a, run_id="no-such-run")
    with pytest.raises(StoreError, match="start_run"):
        store.write_failure(failure, run_id="no-such-run")
    with pytest.raises(StoreError, match="start_run"):
        store.finish_run("no-such-run", articles_in=0, articles_coded=0, failures=0, events=0)


def test_empty_batch_is_a_no_op(store: Store, run_id: str) -> None:
    store.write_articles([], run_id=run_id)
    assert store.counts()["articles"] == 0


# -- failures and runs ----------------------------------------------------------------------


def test_failures_are_idempotent(store: Store, run_id: str, failure: Failure) -> None:
    store.write_failure(failure, run_id=run_id)
    store.write_failure(failure, run_id=run_id)
    assert store.failures() == [failure]
    newer = dataclasses.replace(failure, message="still cannot decode it")
    store.write_failure(newer, run_id=run_id)
    assert store.failures() == [newer]
    other = dataclasses.replace(failure, code="E101", message="empty file")
    store.write_failure(other, run_id=run_id)
    assert store.failures() == [other, newer]
    assert store.counts()["failures"] == 2


def test_coding_an_article_clears_its_failures(
    store: Store, run_id: str, article_a: CodedArticle, failure: Failure
) -> None:
    store.write_failure(dataclasses.replace(failure, article_id="a1"), run_id=run_id)
    store.write_failure(failure, run_id=run_id)  # no article id: stays
    store.write_article(article_a, run_id=run_id)
    assert store.failures() == [failure]


def test_runs_are_recorded(store: Store, run_id: str) -> None:
    started = store.get_run(run_id)
    assert started is not None
    assert started.status == "running"
    assert started.finished_at is None
    summary = store.finish_run(run_id, articles_in=3, articles_coded=2, failures=1, events=5)
    assert isinstance(summary, RunSummary)
    assert (summary.articles_in, summary.articles_coded, summary.failures) == (3, 2, 1)
    assert (summary.events, summary.status, summary.command) == (5, "done", "code fixtures")
    assert summary.finished_at is not None
    assert summary.finished_at >= summary.started_at
    assert store.runs() == [summary]
    assert store.get_run("missing") is None


# -- read-only and closed stores ------------------------------------------------------------


def test_read_only_store_cannot_write(
    tmp_path: Path, article_a: CodedArticle, failure: Failure
) -> None:
    path = tmp_path / "events.duckdb"
    with open_store(path) as st:
        run = st.start_run(command="c", coder_version="0.1.0", lexicon_version="lex-1")
        st.write_article(article_a, run_id=run)
    with open_store(path, read_only=True) as ro:
        assert ro.read_only
        assert ids(ro.query_events(EventFilter(actor="USA"))) == ["a1-e1", "a1-e3"]
        with pytest.raises(StoreError, match="opened read-only; open it with") as info:
            ro.write_article(article_a, run_id=run)
        assert info.value.code == "E400"
        with pytest.raises(StoreError, match="read-only"):
            ro.write_articles([article_a], run_id=run)
        with pytest.raises(StoreError, match="read-only"):
            ro.write_failure(failure, run_id=run)
        with pytest.raises(StoreError, match="read-only"):
            ro.start_run(command="c", coder_version="0", lexicon_version="0")
        with pytest.raises(StoreError, match="read-only"):
            ro.finish_run(run, articles_in=1, articles_coded=1, failures=0, events=3)
        assert ro.counts()["events"] == 3


def test_closed_store_says_so(article_a: CodedArticle) -> None:
    st = open_store(":memory:")
    st.close()
    st.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        st.counts()


def test_file_store_persists(tmp_path: Path, article_a: CodedArticle) -> None:
    path = tmp_path / "events.duckdb"
    with open_store(str(path)) as st:
        run = st.start_run(command="c", coder_version="0.1.0", lexicon_version="lex-1")
        st.write_article(article_a, run_id=run)
        expected = st.query_events(EventFilter())
    with open_store(path) as st:
        assert st.query_events(EventFilter()) == expected


# -- hostile filter values ------------------------------------------------------------------

HOSTILE = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "'; DROP TABLE events; --",
            "USA' OR '1'='1",
            '" OR 1=1 --',
            "a1'); DELETE FROM articles; --",
            "%",
            "_",
            "\\",
            "\x00",
            "CONSULT') UNION SELECT * FROM failures --",
        ]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.tuples(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE))
def test_arbitrary_filter_strings_are_only_values(
    filled: Store, values: tuple[str | None, str | None, str | None, str | None, str | None]
) -> None:
    actor, recipient, type_, article_id, modality = values
    before = filled.counts()
    flt = EventFilter(
        actor=actor, recipient=recipient, type=type_, article_id=article_id, modality=modality
    )
    got = filled.query_events(flt)
    for event in got:  # whatever comes back really matches the filter ("" filters nothing)
        assert not actor or actor.upper() in event.actor_countries
        assert not recipient or recipient.upper() in event.recipient_countries
        assert not type_ or event.type.lower() == type_.lower()
        assert article_id is None or event.article_id == article_id
        assert not modality or event.modality.lower() == modality.lower()
    if all(not v for v in (actor, recipient, type_, modality)) and article_id is None:
        assert len(got) == before["events"]
    assert filled.counts() == before
    assert filled.article_ids() == {"a1", "b1"}


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article_id=st.text(min_size=1, max_size=30), text=st.text(max_size=200))
def test_arbitrary_ids_and_text_round_trip(
    store: Store, run_id: str, article_b: CodedArticle, article_id: str, text: str
) -> None:
    art = dataclasses.replace(article_b.article, id=article_id, text=text)
    events = tuple(
        dataclasses.replace(e, id=f"{article_id}/{e.id}", article_id=article_id)
        for e in article_b.events
    )
    mentions = tuple(dataclasses.replace(m, article_id=article_id) for m in article_b.mentions)
    coded = CodedArticle(article=art, events=events, mentions=mentions)
    store.write_article(coded, run_id=run_id)
    got = store.query_events(EventFilter(article_id=article_id))
    assert [e.event_id for e in got] == [e.id for e in events]
    assert article_id in store.article_ids()
