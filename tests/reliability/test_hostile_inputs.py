"""10,000 hostile inputs through the real readers, the engine and the store.

Every input ends as coded articles or failures with a specific code and message: articles in
= articles coded + failures, exactly; nothing hangs, nothing is dropped, nothing crashes the
batch. The pathological sizes (50 MB on one line, 10,000 sentences, a 5,000-token sentence)
go through the whole pipeline too. Figures (failures by code, peak memory) are in the report
of ``eventwire bench-load`` / ``benchmarks``, not asserted here.
"""

from __future__ import annotations

import collections
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.engine import Engine, process_batch
from eventwire.ingest import iter_articles
from eventwire.records import Article, CodedArticle, Failure
from eventwire.store import open_store
from eventwire.store.writer import failure_id

# conftest.py builds the corpus; its outcome names are repeated here (conftest is not importable)
CODED = "coded"
GENERIC_CODES = frozenset({"E000", "E100", "E600"})
CODE = re.compile(r"^E\d{3}$")

PIPELINE_INPUTS = 1_200  # through spaCy; all 10,000 are checked at the reader level
Hostile = Any  # conftest.py's record (a conftest module is not importable)
Corpus = tuple[Path, list[Hostile]]


def _file_of(source: str) -> str:
    """The input file a result came from (JSONL and CSV results carry ``path:line``)."""
    return Path(source.split(":", 1)[0]).name


def _outcome(item: Article | CodedArticle | Failure) -> str:
    return item.code if isinstance(item, Failure) else CODED


def _check_per_file(inputs: list[Hostile], results: list[Article | CodedArticle | Failure]) -> None:
    by_file: dict[str, list[str]] = collections.defaultdict(list)
    for item in results:
        source = item.source if isinstance(item, Article | Failure) else item.article.source
        by_file[_file_of(source)].append(_outcome(item))
    assert set(by_file) <= {item.name for item in inputs}
    for item in inputs:
        got = by_file.get(item.name, [])
        assert len(got) == item.items, (item.kind, item.name, got, item.data[:200])
        assert set(got) <= item.outcomes, (item.kind, item.name, got, item.data[:200])


def _check_failure(failure: Failure) -> None:
    assert CODE.match(failure.code) and failure.code not in GENERIC_CODES, failure
    assert len(failure.message) > 20 and failure.source, failure


def test_the_corpus_has_every_kind(hostile_dir: Corpus) -> None:
    _, inputs = hostile_dir
    kinds = collections.Counter(item.kind for item in inputs)
    assert len(inputs) >= 10_000
    assert len(kinds) >= 24 and min(kinds.values()) >= 3
    assert sum(item.items for item in inputs) > len(inputs)  # JSONL and CSV: many per file


def test_readers_yield_one_result_per_record_with_a_specific_failure(hostile_dir: Corpus) -> None:
    folder, inputs = hostile_dir
    results = list(iter_articles([folder]))
    assert len(results) == sum(item.items for item in inputs)
    for item in results:
        if isinstance(item, Failure):
            _check_failure(item)
    _check_per_file(inputs, results)


def test_articles_in_equal_coded_plus_failures_through_engine_and_store(
    hostile_dir: Corpus, engine: Engine, tmp_path: Path
) -> None:
    """The first PIPELINE_INPUTS inputs (every kind, in turn) parsed, coded and stored."""
    folder, everything = hostile_dir
    inputs = [*everything[:PIPELINE_INPUTS], *(i for i in everything if i.kind == "duplicate_file")]
    read = list(iter_articles([folder / item.name for item in inputs]))
    results = list(process_batch(engine, read))
    coded = [r for r in results if isinstance(r, CodedArticle)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(coded) + len(failures) == len(read) == sum(item.items for item in inputs)
    assert len(coded) == sum(isinstance(r, Article) for r in read) > PIPELINE_INPUTS // 2
    for failure in failures:
        _check_failure(failure)
    _check_per_file(inputs, results)

    with open_store(tmp_path / "hostile.duckdb") as store:
        run = store.start_run(command="hostile", coder_version="test", lexicon_version="test")
        unique = {c.article.id: c for c in coded}  # duplicate articles share one id
        assert len(unique) < len(coded)
        for start in range(0, len(coded), 500):  # duplicates within and across batches
            store.write_articles(coded[start : start + 500], run_id=run)
        for failure in failures:
            store.write_failure(failure, run_id=run)
        counts = store.counts()
        assert counts["articles"] == len(unique)
        assert counts["failures"] == len({failure_id(f) for f in failures})
        assert counts["events"] == sum(len(c.events) for c in unique.values())


# -- the pathological sizes, through the whole pipeline ----------------------------------------


def test_a_50_mb_single_line_is_refused_by_size_at_either_stage(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"date 2021-03-18 ")
        chunk = b"North Korea said it would talk to the South and nothing else " * 1024
        while out.tell() < 50_000_000:
            out.write(chunk)
    (by_reader,) = iter_articles([path])
    assert isinstance(by_reader, Failure) and by_reader.code == "E107"
    assert "split the input or raise max_bytes" in by_reader.message
    read = iter_articles([path], max_bytes=60_000_000, default_date=date(2021, 3, 18))
    (by_guard,) = process_batch(engine, read)
    assert isinstance(by_guard, Failure) and by_guard.code == "E108", by_guard
    assert "split it into articles" in by_guard.message and by_guard.stage == "guard"


@pytest.mark.slow
def test_a_10000_sentence_article_is_coded(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    sentences = " ".join(f"Talks {n} resumed." for n in range(10_000))
    path.write_text(f"date 2021-03-18\n{sentences}\n", encoding="utf-8")
    (result,) = process_batch(engine, iter_articles([path]))
    assert isinstance(result, CodedArticle), result
    assert result.article.text.count("resumed.") == 10_000


def test_long_runs_are_refused_before_parsing(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "a-tokens.txt").write_text(
        "date 2021-03-18\n" + " ".join(f"word{n}" for n in range(5_000)) + ".\n", encoding="utf-8"
    )
    (tmp_path / "b-sentences.txt").write_text(
        "date 2021-03-18\n" + "North Korea said on Tuesday that the talks would resume. " * 10_000,
        encoding="utf-8",
    )
    (tmp_path / "c-punctuation.txt").write_text(
        "date 2021-03-18\n" + ",;" * 3_000, encoding="utf-8"
    )
    results = list(process_batch(engine, iter_articles([tmp_path])))
    assert [(Path(r.source).name, _outcome(r)) for r in results] == [
        ("a-tokens.txt", "E109"),
        ("b-sentences.txt", "E108"),
        ("c-punctuation.txt", "E109"),
    ]
