"""``OUTPUT/_manifest.json``: written last by the driver, so a complete output is recognisable.

It names the run, its inputs, the versions that coded it, the committed part of each task
(only those are loaded) and the totals.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from eventwire.atomic_files import write_atomic
from eventwire.errors import SparkOutputError

MANIFEST = "_manifest.json"
FORMAT = "eventwire-spark-output"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class OutputCounts:
    """Totals over the committed parts (an article id coded in two parts counts twice)."""

    items: int
    articles: int
    failures: int
    events: int
    mentions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class Manifest:
    run_id: str
    inputs: tuple[str, ...]
    master: str
    started_at: datetime
    finished_at: datetime
    eventwire_version: str
    coder_version: str
    lexicon_version: str
    schema_version: int
    parts: tuple[str, ...]
    tables: tuple[str, ...]
    counts: OutputCounts


def write_manifest(output: Path, manifest: Manifest) -> Path:
    """Write the manifest (to a temporary name, then renamed); return its path."""
    data: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
    data |= asdict(manifest)
    data["started_at"] = manifest.started_at.isoformat()
    data["finished_at"] = manifest.finished_at.isoformat()
    final = output / MANIFEST
    write_atomic(final, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    return final


def read_manifest(output: Path) -> Manifest:
    """The manifest of a Spark output directory.

    Raises:
        SparkOutputError: no manifest (the job did not finish, or this is not a Spark output),
            or a manifest this eventwire cannot read.
    """
    path = output / MANIFEST
    if not path.is_file():
        raise SparkOutputError(
            f"{output} has no {MANIFEST}: it is not a complete eventwire Spark output (the job "
            "did not finish, or this is another directory); run `eventwire spark` again into "
            "a new directory"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
            raise SparkOutputError(
                f"{path} is not an eventwire Spark manifest of format version {FORMAT_VERSION}"
            )
        return Manifest(
            run_id=str(data["run_id"]),
            inputs=tuple(data["inputs"]),
            master=str(data["master"]),
            started_at=datetime.fromisoformat(data["started_at"]),
            finished_at=datetime.fromisoformat(data["finished_at"]),
            eventwire_version=str(data["eventwire_version"]),
            coder_version=str(data["coder_version"]),
            lexicon_version=str(data["lexicon_version"]),
            schema_version=int(data["schema_version"]),
            parts=tuple(data["parts"]),
            tables=tuple(data["tables"]),
            counts=OutputCounts(**data["counts"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise SparkOutputError(f"cannot read {path}: {e}; the output may be damaged") from e
