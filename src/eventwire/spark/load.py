"""``eventwire load``: a complete Spark output into a DuckDB store, in one transaction."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import SchemaVersionError
from eventwire.runner.story_load import assign_loaded_stories
from eventwire.spark.manifest import Manifest, read_manifest
from eventwire.store import SCHEMA_VERSION, open_store
from eventwire.store.parquet_load import LoadCounts, ParquetParts, ParquetRun


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load inserted, from which output, and how long it took."""

    manifest: Manifest
    counts: LoadCounts
    seconds: float


def load_output(output: str | Path, db: str | Path, *, dedup: bool = True) -> LoadResult:
    """Load the Spark output at ``output`` into the store at ``db`` (created if needed).

    Rows of the output's article ids are replaced, as re-ingesting does; the run is recorded
    under the Spark run's id (loading the same output twice changes nothing). With ``dedup``
    the articles are grouped in stories in input order, as ``eventwire ingest`` groups them;
    without it every article is its own story (as ``eventwire ingest --no-dedup``).

    Raises:
        SparkOutputError: ``output`` has no (readable) ``_manifest.json``.
        SchemaVersionError: the output was written by an eventwire with a newer schema.
        StoreError: the store cannot be opened, or a part is missing or does not fit.
    """
    started = time.perf_counter()
    folder = Path(output).absolute()
    manifest = read_manifest(folder)
    if manifest.schema_version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{folder} was written with store schema version {manifest.schema_version} "
            f"(eventwire {manifest.eventwire_version}); this eventwire knows up to "
            f"{SCHEMA_VERSION}: upgrade eventwire to load it"
        )
    run = ParquetRun(
        run_id=manifest.run_id,
        command="spark " + " ".join(manifest.inputs),
        coder_version=manifest.coder_version,
        lexicon_version=manifest.lexicon_version,
        started_at=manifest.started_at,
        finished_at=manifest.finished_at,
        articles_in=manifest.counts.items,
    )
    assign = assign_loaded_stories if dedup else None
    with open_store(db) as store:
        _ids, counts = store.load_parquet(ParquetParts(folder, manifest.parts), run, assign)
    return LoadResult(manifest=manifest, counts=counts, seconds=time.perf_counter() - started)
