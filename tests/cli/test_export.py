"""``eventwire export``: every format round-trips through pandas/pyarrow to the same events."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.export import GDELT_COLUMNS
from eventwire.export.gdelt import dyads


@pytest.fixture(scope="module")
def stored(coded_store: Path) -> dict[str, dict[str, Any]]:
    """Every event of the store, by id, as the store holds it."""
    con = duckdb.connect(str(coded_store), read_only=True)
    cursor = con.execute(
        "SELECT event_id, type, cameo, score, quad_class, modality, date_earliest, "
        "actor_countries, recipient_countries, actors, recipients, sentence_text, trigger_text "
        "FROM events"
    )
    names = [d[0] for d in cursor.description]
    rows = {r[0]: dict(zip(names, r, strict=True)) for r in cursor.fetchall()}
    con.close()
    assert rows
    return rows


def export(coded_store: Path, tmp_path: Path, fmt: str, name: str) -> Path:
    out = tmp_path / name
    result = CliRunner().invoke(
        app, ["export", "--db", str(coded_store), "--format", fmt, "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing else written
    return out


def test_parquet_round_trip(coded_store: Path, tmp_path: Path, stored: dict[str, Any]) -> None:
    frame = pd.read_parquet(export(coded_store, tmp_path, "parquet", "events.parquet"))
    assert sorted(frame["event_id"]) == sorted(stored)
    for row in frame.to_dict("records"):
        want = stored[row["event_id"]]
        for key in ("type", "cameo", "score", "quad_class", "modality", "sentence_text"):
            assert row[key] == want[key], key
        assert list(row["actor_countries"]) == want["actor_countries"]
        assert [a["text"] for a in row["actors"]] == [a["text"] for a in want["actors"]]
        assert pd.Timestamp(row["date_earliest"]).date() == want["date_earliest"]


def test_csv_round_trip(coded_store: Path, tmp_path: Path, stored: dict[str, Any]) -> None:
    path = export(coded_store, tmp_path, "csv", "events.csv")
    frame = pd.read_csv(path, dtype={"cameo": str}, keep_default_na=False)
    assert sorted(frame["event_id"]) == sorted(stored)
    for row in frame.to_dict("records"):
        want = stored[row["event_id"]]
        assert (row["type"], row["cameo"], row["modality"]) == (
            want["type"], want["cameo"], want["modality"])  # fmt: skip
        assert row["actor_countries"].split(";") == (want["actor_countries"] or [""])
        assert row["recipient_countries"] == ";".join(want["recipient_countries"])
        assert row["sentence_text"] == want["sentence_text"]


def test_plover_jsonl_round_trip(coded_store: Path, tmp_path: Path, stored: dict[str, Any]) -> None:
    path = export(coded_store, tmp_path, "plover-jsonl", "events.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(stored)
    frame = pd.read_json(path, lines=True, dtype={"cameo": str})
    assert len(frame) == len(stored)
    for record in records:
        want = stored[record["id"]]
        assert record["event"] == want["type"] and record["eventText"] == want["trigger_text"]
        assert record["text"] == want["sentence_text"]
        assert [a["code"] for a in record["source"]] == [
            a["country"] or "---" for a in want["actors"]
        ]
        assert [a["actorText"] for a in record["target"]] == [a["text"] for a in want["recipients"]]
        assert record["date"] == str(want["date_earliest"])
        assert f"(EVT: {want['trigger_text']})" in record["textInfo"]["markup"]
        assert isinstance(record["mode"], str) and isinstance(record["context"], str)


def test_gdelt_round_trip(coded_store: Path, tmp_path: Path, stored: dict[str, Any]) -> None:
    path = export(coded_store, tmp_path, "gdelt", "events.tsv")
    frame = pd.read_csv(
        path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str,
        keep_default_na=False, quoting=csv.QUOTE_NONE,
    )  # fmt: skip
    expected = sorted(
        (
            str(e["date_earliest"]).replace("-", ""),
            e["cameo"],
            (a or {}).get("country") or "",
            (r or {}).get("country") or "",
        )
        for e in stored.values()
        for a, r in dyads(e["actors"], e["recipients"])
    )
    got = sorted(
        (row.SQLDATE, row.EventCode, row.Actor1CountryCode or row.Actor1Type1Code,
         row.Actor2CountryCode or row.Actor2Type1Code)
        for row in frame.itertuples()
    )  # fmt: skip
    assert got == expected
    assert frame["GLOBALEVENTID"].is_unique
    assert set(frame["QuadClass"]) <= {"1", "2", "3", "4"}
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()


def test_export_refuses_to_overwrite_without_force(coded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    out.write_text("keep me", encoding="utf-8")
    args = ["export", "--db", str(coded_store), "--format", "csv", "--output", str(out)]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 2 and "--force" in " ".join(refused.output.split())
    assert out.read_text(encoding="utf-8") == "keep me"
    assert CliRunner().invoke(app, [*args, "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("event_id,")


def test_export_date_filter_and_unknown_format(coded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "recent.jsonl"
    args = ["export", "--db", str(coded_store), "--output", str(out), "--since", "2025-01-01"]
    assert CliRunner().invoke(app, args).exit_code == 0
    dates = [json.loads(x)["date"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert dates and min(dates) >= "2025-01-01"
    bad = CliRunner().invoke(app, [*args[:-2], "--format", "xml", "--force"])
    assert bad.exit_code == 2 and "unknown export format" in " ".join(bad.output.split())


def test_exports_carry_story_columns_and_filter_by_story(
    coded_store: Path, tmp_path: Path, stored: dict[str, Any]
) -> None:
    frame = pd.read_parquet(export(coded_store, tmp_path, "parquet", "events.parquet"))
    assert {"story_id", "story_articles", "story_sources", "location_lat"} <= set(frame.columns)
    assert (frame["story_articles"] >= 1).all() and (frame["story_sources"] >= 1).all()
    from eventwire.export import export_events
    from eventwire.store.analytics_models import EventSearch

    story = str(frame["story_id"].iloc[0])
    out = tmp_path / "one-story.parquet"
    export_events(coded_store, out, fmt="parquet", search=EventSearch(story=story))
    subset = pd.read_parquet(out)
    assert len(subset) == (frame["story_id"] == story).sum() > 0
