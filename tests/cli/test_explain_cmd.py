"""``eventwire explain`` for an article file and for a stored event."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire import open_store
from eventwire.cli.main import app

ARTICLE = "date 2021-03-18\n\nSEOUL, South Korea North Korea on Thursday rejected the US offer.\n"


def test_explain_file_shows_entry_rule_and_evidence(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    for text in ("REJECT PRK -> USA", "triggers.tsv:", "active subject", "countries.tsv"):
        assert text in result.stdout


def test_explain_stored_event(tmp_path: Path) -> None:
    path, db = tmp_path / "a.txt", tmp_path / "s.duckdb"
    path.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(path), "--db", str(db)]).exit_code == 0
    with open_store(db, read_only=True) as store:
        (event,) = store.query_events()
    result = runner.invoke(app, ["explain", event.event_id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "REJECT" in result.stdout and "triggers.tsv:" in result.stdout
    missing = runner.invoke(app, ["explain", "no-such-event", "--db", str(db)])
    assert missing.exit_code == 1


def test_explain_reports_a_guarded_article_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "run-on.txt"
    path.write_text("date 2021-03-18\n" + "word " * 3_000, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(path)])
    assert result.exception is None, result.output
    assert "E109" in result.output and "max_sentence_tokens" in " ".join(result.output.split())
