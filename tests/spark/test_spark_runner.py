"""Spark ``local[2]`` gives the same rows as the local runner, on ~200 Reuters articles plus
wire, CSV and broken inputs (the CI test of the Spark runner)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.engine import Engine
from eventwire.ingest import iter_articles
from eventwire.runner.ingest import IngestRequest, ingest
from eventwire.runner.loop import RunSettings
from eventwire.spark import SparkOptions, read_manifest, run_spark
from eventwire.spark.load import load_output
from eventwire.store import open_store

REUTERS = "corpora/reuters21578/reuters21578_articles.jsonl"
N_ARTICLES = 200

# Columns that name the run or the moment of writing; everything else must be equal.
RUN_COLUMNS = {
    "articles": ("run_id", "ingested_at"),
    "events": ("run_id",),
    "actor_mentions": (),
    "quotes": (),
    "failures": ("run_id", "at"),
    "stories": (),
    "story_signatures": (),
}


@pytest.fixture(scope="module")
def inputs(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """200 Reuters records (first lines of the corpus, as they are: empty texts included), the
    seed wire article, and a folder of small edge cases read by binaryFiles and textFile."""
    folder = tmp_path_factory.mktemp("spark-inputs")
    with (shared_data / REUTERS).open("rb") as corpus:
        head = b"".join(itertools.islice(corpus, N_ARTICLES))
    reuters = folder / "reuters.jsonl"
    reuters.write_bytes(head)
    extra = folder / "extra"
    extra.mkdir()
    (extra / "empty.txt").write_text("", encoding="utf-8")
    (extra / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    first = json.loads(head.splitlines()[0])
    lines = [
        json.dumps({"date": "2021-03-18", "text": "North Korea rejected talks with the US."}),
        "{not json",
        "",
        json.dumps(first),  # the same article as reuters.jsonl line 1: the first copy wins
        json.dumps({"text": "No date here."}),
    ]
    (extra / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (extra / "array.json").write_text('[{"date": "2021-01-01", "text": "x"}]\n', "utf-8")
    (extra / "rows.csv").write_text(
        "date,title,text\n2021-03-18,Talks,China criticised Japan on Monday.\n,,\n",
        encoding="utf-8",
    )
    return [str(reuters), str(shared_data / "seed" / "article.txt"), str(extra)]


@pytest.fixture(scope="module")
def local_db(inputs: list[str], engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local runner's store (what `eventwire ingest` runs, story dedup on)."""
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    with open_store(path) as store:
        ingest(engine, store, IngestRequest(tuple(inputs)), settings=RunSettings())
    return path


@pytest.fixture(scope="module")
def spark_output(spark: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("spark") / "out"
    run_spark(spark, inputs, output, SparkOptions(partitions=3))
    return output


@pytest.fixture(scope="module")
def spark_db(spark_output: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("loaded") / "spark.duckdb"
    load_output(spark_output, path)
    return path


def _rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    excluded = ", ".join(f'"{c}"' for c in RUN_COLUMNS[table])
    select = f"* EXCLUDE ({excluded})" if excluded else "*"
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()


@pytest.mark.parametrize("table", list(RUN_COLUMNS))
def test_spark_rows_equal_the_local_runners(local_db: Path, spark_db: Path, table: str) -> None:
    local, spark = _rows(local_db, table), _rows(spark_db, table)
    assert len(spark) == len(local)
    for local_row, spark_row in zip(local, spark, strict=True):
        assert spark_row == local_row


def test_the_comparison_is_not_empty(local_db: Path) -> None:
    assert len(_rows(local_db, "events")) > 20
    assert len(_rows(local_db, "failures")) > 5
    assert any(row[1] > 1 for row in _rows(local_db, "stories"))  # some copies joined a story


def test_manifest_counts_and_committed_parts(
    inputs: list[str], spark_output: Path, spark_db: Path
) -> None:
    manifest = read_manifest(spark_output)
    assert manifest.counts.items == sum(1 for _ in iter_articles(inputs))
    with open_store(spark_db, read_only=True) as store:
        assert store.counts()["articles"] < manifest.counts.items - manifest.counts.failures
    assert len(manifest.parts) == 3
    for table in manifest.tables:
        names = sorted(p.name for p in (spark_output / table).iterdir())
        assert names == [f"{part}.parquet" for part in manifest.parts]
    with open_store(spark_db, read_only=True) as store:
        (run,) = store.runs()
    assert run.run_id == manifest.run_id
    assert run.events == len(_rows(spark_db, "events"))


def test_loading_twice_changes_nothing(spark_output: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    first = load_output(spark_output, db)
    second = load_output(spark_output, db)
    assert first.counts == second.counts
    with open_store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["events"] == first.counts.events
    assert counts["runs"] == 1
