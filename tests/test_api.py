"""The package-level Python API: eventwire.code_text and eventwire.open_store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import eventwire
from eventwire.engine import BatchOptions, Engine, process_batch
from eventwire.records import Article, CodedArticle, Failure


def test_code_text_with_header_date() -> None:
    coded = eventwire.code_text("date 2021-03-18\n\nIran condemned Iraq on Wednesday.")
    (event,) = coded.events
    assert event.type == "ACCUSE"
    assert event.date is not None and event.date.earliest == date(2021, 3, 17)


def test_code_text_with_date_argument() -> None:
    coded = eventwire.code_text("Iran condemned Iraq on Wednesday.", date="2021-03-18")
    assert coded.article.published == date(2021, 3, 18)
    assert coded.events[0].date is not None


def test_code_text_without_any_date_keeps_events_undated() -> None:
    coded = eventwire.code_text("Iran condemned Iraq on Wednesday.")
    (event,) = coded.events
    assert event.date is None


def test_open_store_round_trip(tmp_path: Path) -> None:
    coded = eventwire.code_text("Iran condemned Iraq.", date="2021-03-18")
    with eventwire.open_store(tmp_path / "x.duckdb") as store:
        run = store.start_run(command="test", coder_version="t", lexicon_version="t")
        store.write_article(coded, run_id=run)
        (stored,) = store.query_events()
    assert stored.type == "ACCUSE" and stored.actor_countries == ("IRN",)


def test_process_batch_passes_failures_through_in_order(engine: Engine) -> None:
    good = Article(id="a", text="Iran condemned Iraq.", source="a", published=date(2021, 3, 18))
    bad = Failure(source="b", stage="ingest", code="E101", message="empty")
    results = list(process_batch(engine, [good, bad, good], BatchOptions(batch_size=1)))
    kinds = [type(r) for r in results]
    assert kinds.count(CodedArticle) == 2 and kinds.count(Failure) == 1


def test_coding_error_becomes_a_failure(engine: Engine, monkeypatch: object) -> None:
    import pytest

    article = Article(id="a", text="Iran condemned Iraq.", source="a", published=date(2021, 3, 18))

    def boom(*_: object, **__: object) -> CodedArticle:
        raise RuntimeError("coder bug")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(engine.coder), "code", boom)
        (result,) = list(process_batch(engine, [article]))
    assert isinstance(result, Failure)
    assert result.stage == "coding" and "coder bug" in result.message
