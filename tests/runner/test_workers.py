"""Coding on worker processes gives the same results, in the same order, as one process."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.engine import BatchOptions, Engine, EngineSpec, process_batch
from eventwire.ingest import read_article_text
from eventwire.records import Article, CodedArticle, Failure
from eventwire.runner.workers import WorkerCrashedError, chunks, code_in_workers

DAY = date(2021, 3, 18)
TEXTS = [
    "North Korea rejected talks with the United States on Thursday.",
    "Police arrested dozens of protesters in Minsk on Sunday.",
    "The European Union imposed sanctions on Russia.",
    "Israeli troops withdrew from the town, officials said.",
    "China and Japan agreed to resume talks next month.",
]


def _items() -> list[Article | Failure]:
    items: list[Article | Failure] = [
        read_article_text(text, source=f"{n}.txt", date=DAY) for n, text in enumerate(TEXTS)
    ]
    items.insert(2, Failure(source="bad.txt", stage="ingest", code="E101", message="empty"))
    return items


def _summary(results: list[CodedArticle | Failure]) -> tuple[list[object], list[Failure]]:
    """Coded articles in order (what story dedup sees), and the failures (their order among
    articles depends on how far the parser reads ahead)."""
    coded = [
        (r.article.id, [(e.type, e.actors, e.recipients, e.trigger) for e in r.events])
        for r in results
        if isinstance(r, CodedArticle)
    ]
    return coded, [r for r in results if isinstance(r, Failure)]


@pytest.mark.slow
def test_two_workers_equal_one_process(engine: Engine) -> None:
    one = list(process_batch(engine, _items(), BatchOptions()))
    two = list(code_in_workers(EngineSpec(), _items(), workers=2, chunk_size=2))
    assert _summary(two) == _summary(one)
    assert len(_summary(one)[0]) == len(TEXTS) and len(_summary(one)[1]) == 1


def test_chunks_keep_order_and_sizes() -> None:
    items = _items()
    got = list(chunks(items, 4))
    assert [len(c) for c in got] == [4, 2]
    assert [i for c in got for i in c] == items


def test_a_crashed_worker_is_a_clear_error() -> None:
    spec = EngineSpec()
    with pytest.raises(WorkerCrashedError, match="resume"):
        list(code_in_workers(spec, _crashing_items(), workers=1))


def _crashing_items() -> list[Article | Failure]:
    return [_Exploding(id="x", text="t", source="s", published=DAY)]


class _Exploding(Article):
    """An article whose unpickling kills the worker process, as an out-of-memory kill would."""

    def __reduce__(self) -> tuple[object, ...]:
        import os

        return (os._exit, (9,))
