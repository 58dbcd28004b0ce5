"""The evaluation gate: each gold set's headline figures held to floors that only go up.

The floors file (``tests/evaluate/eval_floors.json`` in the repository) holds, per set, the gold
file it was measured on with its sha256 and a floor per metric of the whole set (``all``).
A check fails when a metric is below its floor, missing, or when the gold file's checksum
differs from the one the floors were measured on (re-measure then). ``updated_floors`` turns a
fresh measurement into floors (value rounded down to 2 decimals, minus ``MARGIN``; a floor the
value still meets is never lowered by the margin) and refuses to lower a floor the value falls
below unless told to.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.engine import Engine
from eventwire.errors import EvalGateError
from eventwire.evaluate.data import find_data_dir
from eventwire.evaluate.runner import EvalReport, evaluate_set
from eventwire.evaluate.runner import petrarch_engine as load_petrarch_engine

GATED_SETS = ("plover", "petr2", "petrarch", "seed")
FLOORS_FILE = Path("tests") / "evaluate" / "eval_floors.json"
MARGIN = 0.01
FORMAT_VERSION = 1
ABOUT = (
    "Evaluation floors of eventwire: per gold set, the gold file and its sha256, and a floor "
    "for each headline metric of the whole set. Floors only go up: re-measure with "
    "`eventwire evaluate-gate --update` (floor = measured value rounded down to 2 decimals, "
    f"minus {MARGIN}); lowering a floor needs --allow-lower."
)


@dataclass(frozen=True, slots=True)
class SetFloors:
    gold: str
    sha256: str
    floors: dict[str, float]


@dataclass(frozen=True, slots=True)
class GateCheck:
    set: str
    metric: str
    floor: float | None
    value: float | None
    ok: bool
    message: str = ""


def floor_for(value: float) -> float:
    """``value`` rounded down to 2 decimals, minus the margin, never below 0."""
    return round(max(0.0, math.floor(value * 100 + 1e-9) / 100 - MARGIN), 2)


def load_floors(path: Path) -> dict[str, SetFloors]:
    """The floors in ``path``; an absent file has none."""
    if not path.exists():
        return {}
    try:
        loaded: Any = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: SetFloors(
                gold=str(entry["gold"]),
                sha256=str(entry["sha256"]),
                floors={str(k): float(v) for k, v in entry["floors"].items()},
            )
            for name, entry in loaded["sets"].items()
        }
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise EvalGateError(f"{path}: malformed floors file ({error})") from None


def dump_floors(floors: Mapping[str, SetFloors]) -> str:
    payload = {
        "about": ABOUT,
        "version": FORMAT_VERSION,
        "margin": MARGIN,
        "sets": {
            name: {
                "gold": entry.gold,
                "sha256": entry.sha256,
                "floors": dict(sorted(entry.floors.items())),
            }
            for name, entry in sorted(floors.items())
        },
    }
    return json.dumps(payload, indent=2) + "\n"


def write_floors(path: Path, floors: Mapping[str, SetFloors]) -> None:
    path.write_text(dump_floors(floors), encoding="utf-8")


def measured_floors(report: EvalReport) -> SetFloors:
    values = report.figures.get("all", {})
    return SetFloors(
        gold=report.gold_file,
        sha256=report.gold_sha256,
        floors={name: floor_for(v) for name, v in values.items() if v is not None},
    )


def check_report(report: EvalReport, floors: SetFloors | None) -> list[GateCheck]:
    """The gate's checks of one set: its gold checksum, then each metric against its floor."""
    name = report.set
    if floors is None:
        return [GateCheck(name, "floors", None, None, False, "no floors for this set")]
    same = floors.sha256 == report.gold_sha256
    checks = [
        GateCheck(
            name,
            "sha256",
            None,
            None,
            same,
            f"{floors.gold} unchanged"
            if same
            else (
                f"{report.gold_file} changed since the floors were measured (sha256 "
                f"{report.gold_sha256[:12]}…, floors on {floors.sha256[:12]}…): re-measure "
                "with `eventwire evaluate-gate --update`"
            ),
        )
    ]
    values = report.figures.get("all", {})
    for metric, floor in sorted(floors.floors.items()):
        value = values.get(metric)
        if value is None:
            checks.append(GateCheck(name, metric, floor, None, False, "not measured"))
        else:
            ok = value >= floor - 1e-9
            checks.append(GateCheck(name, metric, floor, value, ok, "" if ok else "below floor"))
    return checks


def updated_floors(
    old: Mapping[str, SetFloors],
    reports: Iterable[EvalReport],
    *,
    allow_lower: bool = False,
) -> tuple[dict[str, SetFloors], list[str]]:
    """New floors from fresh reports, and the floors that went down.

    Sets not measured keep their floors. Raises EvalGateError when a floor would go down (or
    a floored metric is no longer measured) and ``allow_lower`` is false.
    """
    new = dict(old)
    lowered: list[str] = []
    for report in reports:
        fresh = measured_floors(report)
        previous = old.get(report.set)
        if previous is not None:
            values = report.figures.get("all", {})
            for metric, floor in sorted(previous.floors.items()):
                now = fresh.floors.get(metric)
                value = values.get(metric)
                if now is None or value is None or value < floor:
                    shown = "not measured" if now is None else f"{now:.2f}"
                    lowered.append(f"{report.set}.{metric}: {floor:.2f} -> {shown}")
                elif now < floor:  # still met, but within the margin: the floor stays
                    fresh.floors[metric] = floor
        new[report.set] = fresh
    if lowered and not allow_lower:
        raise EvalGateError(
            "refusing to lower floors (" + "; ".join(lowered) + "); fix the regression, or "
            "pass --allow-lower if the gold file or the metric changed on purpose"
        )
    return new, lowered


def measure(
    sets: Iterable[str] = GATED_SETS,
    *,
    data_dir: Path | None = None,
    engine: Engine | None = None,
    petrarch_engine: Engine | None = None,
) -> list[EvalReport]:
    """Evaluate each set on the whole gold file (one default engine shared by the sets)."""
    root = find_data_dir(data_dir)
    reports = []
    for name in sets:
        if name == "petrarch":
            chosen = petrarch_engine or load_petrarch_engine(root)
        else:
            engine = engine or Engine.load()
            chosen = engine
        reports.append(evaluate_set(name, engine=chosen, data_dir=root, worst=0))
    return reports
