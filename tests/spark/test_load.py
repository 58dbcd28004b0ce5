"""``eventwire load`` refuses incomplete outputs; ``run_spark`` refuses to overwrite one."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import SparkOutputError
from eventwire.spark import run_spark
from eventwire.spark.job import _remove_uncommitted
from eventwire.spark.load import load_output


def test_an_output_without_manifest_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out" / "events").mkdir(parents=True)
    with pytest.raises(SparkOutputError, match=r"_manifest\.json"):
        load_output(tmp_path / "out", tmp_path / "store.duckdb")
    assert not (tmp_path / "store.duckdb").exists()


def test_a_damaged_manifest_is_refused(tmp_path: Path) -> None:
    (tmp_path / "_manifest.json").write_text("{", encoding="utf-8")
    with pytest.raises(SparkOutputError, match="damaged"):
        load_output(tmp_path, tmp_path / "store.duckdb")


def test_spark_refuses_a_non_empty_output(tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"")
    with pytest.raises(SparkOutputError, match="not an empty directory"):
        run_spark(None, ["x.jsonl"], tmp_path)


def test_parts_of_failed_attempts_are_removed(tmp_path: Path) -> None:
    events = tmp_path / "events"
    events.mkdir()
    for name in ("part-00000-0.parquet", "part-00000-1.parquet", ".part-00001-0.parquet.tmp"):
        (events / name).write_bytes(b"")
    _remove_uncommitted(tmp_path, {"part-00000-1"})
    assert [p.name for p in events.iterdir()] == ["part-00000-1.parquet"]
