"""The Spark input plan names files and records exactly as the local reader does (no Spark)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import SparkError
from eventwire.ingest import iter_articles
from eventwire.ingest.record_fields import ReadOptions
from eventwire.records import Article, Failure
from eventwire.spark.reading import (
    line_items,
    plan_inputs,
    record_items,
    spark_path,
    whole_file_items,
)

OPTIONS = ReadOptions(None, "auto", 20_000_000)
WIRE = "date 2021-03-18\nSEOUL, South Korea North Korea rejected talks on Thursday.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "a.jsonl").write_bytes(
        codecs.BOM_UTF8
        + json.dumps({"date": "2021-03-18", "text": "China criticised Japan."}).encode()
        + b"\n\n{broken\n"
        + json.dumps({"text": "no date"}).encode()
        + b"\n"
    )
    (tmp_path / "array.json").write_text('[{"text": "x"}]\n', encoding="utf-8")
    (tmp_path / "rows.csv").write_text("date,text\n2021-03-18,Iran warned Israel.\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def _spark_items(paths: list[str]) -> Iterator[Article | Failure]:
    """What the executors would make of the plan, read here without Spark, in input order."""
    plan = plan_inputs(paths, OPTIONS)
    found = [(number, 0, failure) for number, failure in plan.failures]
    for f in plan.files:
        data = Path(f.path).read_bytes()
        if f.kind == "jsonl":
            for index, line in enumerate(data.splitlines()):
                found.extend(
                    (o[0], o[1], item)
                    for o, item in line_items(f.number, index, line, f.source, OPTIONS)
                )
        else:
            found.extend(
                (o[0], o[1], item)
                for o, item in whole_file_items(f.number, f.source, f.kind, data, OPTIONS)
            )
    return (item for _, _, item in sorted(found, key=lambda t: (t[0], t[1])))


def test_plan_gives_the_local_readers_items(tree: Path) -> None:
    paths = [str(tree), str(tree / "b" / "*.txt"), str(tree / "nothing-*.txt")]
    assert list(_spark_items(paths)) == list(iter_articles(paths))


def test_relative_paths_keep_their_source_names(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    plan = plan_inputs(["b", "./a.jsonl"], OPTIONS)
    assert [f.source for f in plan.files] == ["b/story.txt", "a.jsonl"]
    assert [f.path for f in plan.files] == [str(tree / "b" / "story.txt"), str(tree / "a.jsonl")]


def test_records_map_spark_file_names_back_to_sources(tree: Path) -> None:
    plan = plan_inputs([str(tree / "b")], OPTIONS)
    (story,) = plan.files
    records = [("file", 0, 0, (f"file:{story.path}", WIRE.encode()))]
    ((ordinal, item),) = record_items(records, OPTIONS, plan.sources_by_path(), {})
    assert ordinal == (0, 0)
    assert isinstance(item, Article) and item.source == str(tree / "b" / "story.txt")
    assert spark_path("file:///a/b.txt") == "/a/b.txt"


def test_a_path_hadoop_would_misread_is_a_failure(tmp_path: Path) -> None:
    odd = tmp_path / "a,b.txt"
    odd.write_text(WIRE, encoding="utf-8")
    plan = plan_inputs([str(odd)], OPTIONS)
    assert plan.files == ()
    ((_, failure),) = plan.failures
    assert "rename" in failure.message


@pytest.mark.parametrize("path", ["-", "hdfs://cluster/news.jsonl", "s3a://bucket/news"])
def test_stdin_and_remote_inputs_are_refused(path: str) -> None:
    with pytest.raises(SparkError):
        plan_inputs([path], OPTIONS)
