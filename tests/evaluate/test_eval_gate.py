"""The evaluation gate: every gold set's figures at or above the floors in eval_floors.json.

Floors only go up. After an improvement, raise them with ``eventwire evaluate-gate --update``
(run from the project root); when a gold file changed, re-measure the same way (lowering a
floor then needs ``--allow-lower``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from eventwire.engine import Engine
from eventwire.errors import EvalGateError
from eventwire.evaluate.gate import (
    GATED_SETS,
    SetFloors,
    check_report,
    dump_floors,
    floor_for,
    load_floors,
    measure,
    updated_floors,
)
from eventwire.evaluate.runner import EvalReport

FLOORS_FILE = Path(__file__).with_name("eval_floors.json")
FLOORS = load_floors(FLOORS_FILE)


@pytest.fixture(scope="module")
def reports(engine: Engine, shared_data: Path) -> dict[str, EvalReport]:
    """Each gated set evaluated once for the whole module."""
    return {r.set: r for r in measure(GATED_SETS, data_dir=shared_data, engine=engine)}


def test_floors_file_covers_every_gated_set() -> None:
    assert sorted(FLOORS) == sorted(GATED_SETS)
    for entry in FLOORS.values():
        assert len(entry.sha256) == 64 and entry.floors
        assert all(0.0 <= floor <= 1.0 for floor in entry.floors.values())
    assert dump_floors(FLOORS) == FLOORS_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", GATED_SETS)
def test_gold_file_is_the_one_the_floors_were_measured_on(
    reports: dict[str, EvalReport], name: str
) -> None:
    (checksum, *_) = check_report(reports[name], FLOORS[name])
    assert checksum.ok, checksum.message


@pytest.mark.parametrize("name", GATED_SETS)
def test_figures_at_or_above_floors(reports: dict[str, EvalReport], name: str) -> None:
    below = [
        f"{c.metric}: {c.value} < floor {c.floor} ({c.message})"
        for c in check_report(reports[name], FLOORS[name])[1:]
        if not c.ok
    ]
    assert below == [], f"{name} fell below its evaluation floors"


def test_report_is_json_serialisable(reports: dict[str, EvalReport]) -> None:
    from eventwire.serialize import to_jsonable

    payload = json.loads(json.dumps(to_jsonable(reports["plover"])))
    assert set(payload["figures"]) == {"all", "dev", "heldout"}
    assert payload["halves"][0]["scores"]["sentences"] == 322


def _report(name: str = "x", sha: str = "a" * 64, **values: float | None) -> EvalReport:
    return EvalReport(
        set=name,
        gold_file="gold/x.jsonl",
        gold_sha256=sha,
        format="petrarch",
        records=1,
        scored=1,
        counted_modalities=("asserted",),
        figures={"all": dict(values)},
    )


def test_floor_rounds_down_with_a_margin() -> None:
    assert floor_for(0.7205) == 0.71
    assert floor_for(0.72) == 0.71
    assert floor_for(1.0) == 0.99
    assert floor_for(0.004) == 0.0


def test_checksum_mismatch_says_to_remeasure() -> None:
    floors = SetFloors("gold/x.jsonl", "b" * 64, {"top_type": 0.5})
    checksum, metric = check_report(_report(top_type=0.6), floors)
    assert not checksum.ok and "re-measure" in checksum.message
    assert metric.ok


def test_below_floor_and_unmeasured_fail() -> None:
    floors = SetFloors("gold/x.jsonl", "a" * 64, {"top_type": 0.5, "precision": 0.3})
    checks = {c.metric: c for c in check_report(_report(top_type=0.49, precision=None), floors)}
    assert checks["sha256"].ok
    assert not checks["top_type"].ok and not checks["precision"].ok
    assert not check_report(_report(), None)[0].ok


def test_update_raises_floors_and_refuses_to_lower_them() -> None:
    old = {"x": SetFloors("gold/x.jsonl", "a" * 64, {"top_type": 0.5, "precision": 0.3})}
    new, lowered = updated_floors(old, [_report(top_type=0.66, precision=0.31)])
    assert new["x"].floors == {"top_type": 0.65, "precision": 0.3} and lowered == []
    with pytest.raises(EvalGateError, match=r"x\.top_type: 0\.50 -> 0\.40"):
        updated_floors(old, [_report(top_type=0.41, precision=0.4)])
    with pytest.raises(EvalGateError, match="not measured"):
        updated_floors(old, [_report(top_type=0.9)])
    new, lowered = updated_floors(old, [_report(top_type=0.41)], allow_lower=True)
    assert new["x"].floors == {"top_type": 0.4} and len(lowered) == 2
    # a floor still met, within the margin, stays where it was
    new, lowered = updated_floors(old, [_report(top_type=0.505, precision=0.9)])
    assert new["x"].floors == {"top_type": 0.5, "precision": 0.89} and lowered == []
    other = dataclasses.replace(_report(top_type=0.8), set="y")
    assert updated_floors(old, [other])[0]["x"] == old["x"]  # unmeasured sets keep theirs


def test_floors_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    assert load_floors(path) == {}
    path.write_text(dump_floors(FLOORS), encoding="utf-8")
    assert load_floors(path) == FLOORS
    path.write_text('{"sets": {"x": {"gold": 1}}}', encoding="utf-8")
    with pytest.raises(EvalGateError, match="malformed"):
        load_floors(path)
