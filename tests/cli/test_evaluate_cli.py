"""``eventwire evaluate`` on gold sets and gold files, and ``eventwire evaluate-gate``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app

PLOVER_RECORDS = [
    {
        "id": "T-1",
        "date": "2021-03-18",
        "event": "DISAPPROVE",
        "text": "Iran on Tuesday accused Iraq of shelling its border.",
        "source": [{"actorText": "Iran", "code": "IRN", "sector": "GOV"}],
        "target": [{"actorText": "Iraq", "code": "IRQ"}],
    },
    {
        "id": "T-2",
        "date": "2021-03-18",
        "event": "CONSULT",
        "text": "Japan and South Korea met in Tokyo on Wednesday.",
        "source": [{"actorText": "Japan", "code": "JAP"}],
        "target": "",
    },
]

PETR_RECORDS = [
    {
        "id": "Q-1",
        "date": "20210318",
        "text": "Iran on Tuesday accused Iraq of shelling its border.",
        "expected_events": [{"source": "IRN", "target": "IRQ", "code": "112"}],
        "noevents": False,
        "expected_error": False,
    },
    {
        "id": "Q-2",
        "date": "20210318",
        "text": "The weather was fine in Paris on Monday.",
        "expected_events": [],
        "noevents": True,
        "expected_error": False,
    },
]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_evaluate_plover_json_structure(runner: CliRunner, shared_data: Path) -> None:
    args = ["evaluate", "plover", "--limit", "20", "--json", "--data-dir", str(shared_data)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["set"] == "plover" and report["format"] == "plover"
    assert report["gold_file"] == "gold/plover-gsr/PLOVER_GSR_CAMEO.txt"
    assert report["records"] == 20 and len(report["gold_sha256"]) == 64
    assert set(report["figures"]) == {"all", "dev", "heldout"}
    halves = {h["half"]: h["scores"] for h in report["halves"]}
    assert halves["all"]["sentences"] == 20
    assert halves["dev"]["sentences"] + halves["heldout"]["sentences"] == 20
    figures = report["figures"]["all"]
    assert 0.0 <= figures["gold_type_in_ours"] <= 1.0 and figures["cameo_root"] is None
    scores = halves["all"]
    assert {"precision", "recall", "f1", "type"} <= set(scores["per_type"][0])
    assert scores["gold_type_in_ours"]["total"] == 20
    assert isinstance(scores["confusion"], dict) and len(scores["worst"]) <= 10


def test_evaluate_one_half(runner: CliRunner, shared_data: Path) -> None:
    args = ["evaluate", "petr2", "--half", "heldout", "--limit", "10", "--json"]
    result = runner.invoke(app, [*args, "--data-dir", str(shared_data)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert list(report["figures"]) == ["heldout"]


def test_evaluate_gold_file_plover_format(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["set"], report["format"], report["records"]) == ("mine", "plover", 2)
    assert report["figures"]["all"]["gold_type_in_ours"] == 1.0


def test_evaluate_gold_file_petrarch_format(
    runner: CliRunner, tmp_path: Path, shared_data: Path
) -> None:
    path = tmp_path / "triples.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in PETR_RECORDS), encoding="utf-8")
    args = ["evaluate", "--gold", str(path), "--data-dir", str(shared_data), "--worst", "5"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "summary figures" in result.stdout and "Per PLOVER type" in result.stdout
    assert "cameo_root" in result.stdout and "no_event_correct" in result.stdout


def test_evaluate_needs_exactly_one_of_set_and_gold(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["evaluate"]).exit_code == 2
    path = tmp_path / "x.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    assert runner.invoke(app, ["evaluate", "plover", "--gold", str(path)]).exit_code == 2
    assert runner.invoke(app, ["evaluate", "plover", "--half", "odd"]).exit_code == 2


def test_evaluate_bad_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "no format"}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(path)])
    assert result.exit_code == 2 and "E501" in result.output


def test_evaluate_gate_update_then_refuse_to_lower(
    runner: CliRunner, tmp_path: Path, shared_data: Path
) -> None:
    floors = tmp_path / "floors.json"
    base = ["evaluate-gate", "--floors", str(floors), "--set", "petr2"]
    base += ["--data-dir", str(shared_data)]
    result = runner.invoke(app, [*base, "--update"])
    assert result.exit_code == 0, result.output
    written = json.loads(floors.read_text(encoding="utf-8"))
    assert list(written["sets"]) == ["petr2"]
    # Pretend an earlier, better coder set a higher floor.
    written["sets"]["petr2"]["floors"]["top_type"] = 0.99
    floors.write_text(json.dumps(written), encoding="utf-8")
    assert runner.invoke(app, base).exit_code == 1  # the check fails
    refused = runner.invoke(app, [*base, "--update"])
    assert refused.exit_code == 2 and "refusing to lower" in refused.output
    assert (
        json.loads(floors.read_text(encoding="utf-8"))["sets"]["petr2"]["floors"]["top_type"]
        == 0.99
    )
    allowed = runner.invoke(app, [*base, "--update", "--allow-lower"])
    assert allowed.exit_code == 0, allowed.output
    assert "lowered" in allowed.output
