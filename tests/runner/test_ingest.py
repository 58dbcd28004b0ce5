"""Resumable ingest: an interrupted or killed run continues where it stopped, and the store
ends equal to a clean run's, with no partial article and no duplicate."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.engine import Engine
from eventwire.runner.ingest import IngestRequest, count_inputs, ingest, input_key
from eventwire.runner.loop import RunProgress, RunSettings
from eventwire.store import open_store

DAY = date(2021, 3, 18)
PLACES = ("Minsk", "Kyiv", "Caracas", "Kabul", "Khartoum", "Yangon", "Baghdad", "Tbilisi")
VERBS = (
    "Police arrested dozens of protesters in {p} on {d}.",
    "Government troops attacked rebel positions near {p} on {d}, officials said.",
    "The United Nations called for talks between the two sides in {p}.",
    "Protesters marched through {p} demanding the release of detained journalists.",
)
# Everything in a store row that a rerun may legitimately change.
RUN_COLUMNS = {"run_id", "ingested_at", "at"}


def _write_input(path: Path, count: int) -> Path:
    rnd = random.Random(count)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            place = PLACES[number % len(PLACES)]
            text = " ".join(
                verb.format(p=place, d=f"day {number}") for verb in rnd.sample(VERBS, 3)
            )
            handle.write(json.dumps({"id": number, "date": "2021-03-18", "text": text}) + "\n")
        handle.write("{broken json\n")
    return path


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows without run-dependent columns, sorted: what a clean run stores."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in ("articles", "events", "actor_mentions", "quotes", "failures",
                      "story_signatures", "story_bands"):  # fmt: skip
            columns = [
                str(r[0])
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if str(r[0]) not in RUN_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(
                (
                    tuple(map(repr, row))
                    for row in con.execute(f"SELECT {select} FROM {table}").fetchall()
                ),
            )
        return out
    finally:
        con.close()


def test_input_key_names_inputs_and_settings(tmp_path: Path) -> None:
    a = IngestRequest((str(tmp_path / "x.jsonl"),))
    assert input_key(a, "lex1") == input_key(IngestRequest((str(tmp_path / "x.jsonl"),)), "lex1")
    assert input_key(a, "lex1") != input_key(a, "lex2")
    assert input_key(a, "lex1") != input_key(IngestRequest(a.paths, fmt="jsonl"), "lex1")
    assert input_key(IngestRequest(("-",)), "lex1") is None


def test_count_inputs(tmp_path: Path) -> None:
    data = _write_input(tmp_path / "in.jsonl", 7)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("date 2021-03-18\n\nText.\n")
    assert count_inputs([str(data), str(tmp_path / "d")]) == 8 + 1
    assert count_inputs(["-"]) is None
    assert count_inputs([str(data), "https://example.org/feed.rss"]) is None


def test_an_interrupted_run_resumes_to_a_clean_runs_content(tmp_path: Path, engine: Engine) -> None:
    data = _write_input(tmp_path / "in.jsonl", 30)
    request = IngestRequest((str(data),))
    settings = RunSettings(write_every=4)
    clean = tmp_path / "clean.duckdb"
    with open_store(clean) as store:
        done = ingest(engine, store, request, settings=settings)
    assert (done.status, done.articles_coded, done.failures) == ("done", 30, 1)

    resumed = tmp_path / "resumed.duckdb"
    stop = threading.Event()

    def stop_after_ten(progress: RunProgress) -> None:
        if progress.coded >= 10:
            stop.set()

    with open_store(resumed) as store:
        first = ingest(
            engine, store, request, settings=settings, on_progress=stop_after_ten, stop=stop
        )
        assert first.status == "interrupted" and first.loop.stopped
        second = ingest(engine, store, request, settings=settings)
        assert second.resumed and second.run_id == first.run_id
        assert second.loop.skipped == first.articles_coded >= 10
        assert second.status == "done"
        assert (second.articles_coded, second.failures) == (30, 1)
        (run,) = store.runs()
        assert (run.articles_in, run.articles_coded, run.status) == (31, 30, "done")
        # A finished run is not resumed: the same command codes everything again.
        third = ingest(engine, store, request, settings=settings)
        assert not third.resumed and third.loop.skipped == 0
    assert _content(resumed) == _content(clean)


def _ingest_command(data: Path, db: Path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("eventwire")), "ingest", str(data), "--db", str(db),
        "--workers", "1", "--write-every", "3",
    ]  # fmt: skip


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    data = _write_input(tmp_path / "in.jsonl", 80)
    env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "200"}
    clean = tmp_path / "clean.duckdb"
    subprocess.run(_ingest_command(data, clean), check=True, env=env, capture_output=True)
    expected = _content(clean)
    assert len(expected["articles"]) == 80
    resumed_runs = 0
    for seed in (1, 2, 3):
        db = tmp_path / f"killed-{seed}.duckdb"
        delay = random.Random(seed).uniform(0.5, 4.0)
        process = subprocess.Popen(
            _ingest_command(data, db), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        started = time.monotonic()
        while time.monotonic() - started < 60 and not _has_articles(db):
            time.sleep(0.05)  # wait for the first committed batch, then kill at a random time
            if process.poll() is not None:
                break
        time.sleep(delay / 4)
        process.send_signal(signal.SIGKILL)
        process.wait()
        rerun = subprocess.run(
            _ingest_command(data, db), check=False, env=env, capture_output=True, text=True
        )
        assert rerun.returncode == 0, rerun.stderr
        resumed_runs += "resuming run" in rerun.stderr
        assert _content(db) == expected, f"seed {seed}"
    assert resumed_runs >= 1  # at least one kill landed in the middle of the run


def _has_articles(db: Path) -> bool:
    """Whether the killed run's store file shows a committed batch (checked from its WAL/size:
    the writer holds the lock, so the file cannot be opened)."""
    wal = db.with_name(db.name + ".wal")
    return wal.exists() and wal.stat().st_size > 0
