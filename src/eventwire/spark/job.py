"""The Spark job: plan the inputs, code every partition with ``process_batch``, write a manifest.

Executors run :func:`eventwire.spark.partition.code_partition` through ``mapPartitions``; the
driver only lists the input files, collects small counts, removes the parts of failed task
attempts and writes ``_manifest.json`` last. ``OUTPUT`` must be a directory every executor and
the driver see at the same path (a local disk for ``local[N]``, a shared mount on a cluster).
"""

from __future__ import annotations

import functools
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.coding import CODER_VERSION
from eventwire.errors import SparkError, SparkOutputError
from eventwire.ingest.record_fields import ReadOptions
from eventwire.spark.manifest import Manifest, OutputCounts, write_manifest
from eventwire.spark.partition import TABLES, PartResult, TaskSettings, code_partition
from eventwire.spark.reading import InputPlan, SparkRecord, plan_inputs
from eventwire.spark.session import SessionOptions, start_session
from eventwire.store import SCHEMA_VERSION, writer
from eventwire.store.schema import eventwire_version


@dataclass(frozen=True, slots=True)
class SparkOptions:
    """How the job reads and splits its input. ``partitions``: default twice the cores."""

    partitions: int | None = None
    default_date: date | None = None
    fmt: str = "auto"
    max_bytes: int = 20_000_000
    batch_size: int = 16


@dataclass(frozen=True, slots=True)
class SparkResult:
    """A finished job: where its output is, its manifest, and how long it took."""

    output: Path
    manifest: Manifest
    partitions: int
    seconds: float
    engine_seconds: float  # the longest model load of any task (0 when every worker had one)
    task_cpu_seconds: float  # CPU time of every task's Python process, summed


def _line_record(number: int, pair: tuple[bytes, int]) -> SparkRecord:
    line, index = pair
    return ("line", number, index, line)


def _file_record(pair: tuple[str, bytes]) -> SparkRecord:
    return ("file", 0, 0, pair)


def _run_task(settings: TaskSettings, records: Iterable[SparkRecord]) -> Iterator[PartResult]:
    from pyspark import TaskContext  # noqa: PLC0415 - optional dependency, executor side

    context = TaskContext.get()
    if context is None:  # pragma: no cover - always set inside a Spark task
        raise SparkError("code_partition must run inside a Spark task")
    yield code_partition(settings, context.partitionId(), context.attemptNumber(), records)


def _records(session: Any, plan: InputPlan, partitions: int) -> Any:
    """One RDD of :data:`SparkRecord` over every input, at most ``partitions`` partitions."""
    sc = session.sparkContext
    rdds = [
        sc.textFile(f.path, minPartitions=partitions, use_unicode=False)
        .zipWithIndex()
        .map(functools.partial(_line_record, f.number))
        for f in plan.jsonl
    ]
    if plan.whole:
        paths = ",".join(f.path for f in plan.whole)
        rdds.append(sc.binaryFiles(paths, minPartitions=partitions).map(_file_record))
    if plan.failures:
        found = [("failure", number, 0, failure) for number, failure in plan.failures]
        rdds.append(sc.parallelize(found, 1))
    if not rdds:
        return sc.parallelize([], 1)
    rdd = rdds[0] if len(rdds) == 1 else sc.union(rdds)
    return rdd.coalesce(partitions) if rdd.getNumPartitions() > partitions else rdd


def _check_output(output: Path) -> None:
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise SparkOutputError(
            f"{output} exists and is not an empty directory; give a new output directory "
            "(or remove the old one)"
        )


def _remove_uncommitted(output: Path, parts: set[str]) -> None:
    """Delete the files of task attempts that did not succeed (and their temporary files)."""
    for table in TABLES:
        folder = output / table
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(".") or path.name.removesuffix(".parquet") not in parts:
                path.unlink()


def run_spark(
    session: Any,
    paths: Sequence[str | Path],
    output: str | Path,
    options: SparkOptions | None = None,
) -> SparkResult:
    """Code ``paths`` on Spark into Parquet under ``output``; load it with ``eventwire load``.

    Raises:
        SparkOutputError: ``output`` exists and is not empty.
        SparkError: stdin or a remote URI among the inputs, or the Spark job failed.
    """
    options = options or SparkOptions()
    if options.partitions is not None and options.partitions < 1:
        raise ValueError(f"partitions must be at least 1, not {options.partitions}")
    target = Path(output).absolute()
    _check_output(target)
    plan = plan_inputs(paths, ReadOptions(options.default_date, options.fmt, options.max_bytes))
    started = time.perf_counter()
    started_at = writer.utcnow()
    sc = session.sparkContext
    partitions = options.partitions or 2 * int(sc.defaultParallelism)
    settings = TaskSettings(
        run_id=uuid.uuid4().hex,
        output=str(target),
        coder_version=CODER_VERSION,
        started_at=started_at,
        read=plan.options,
        whole=plan.sources_by_path(),
        jsonl_sources={f.number: f.source for f in plan.jsonl},
        batch_size=options.batch_size,
    )
    target.mkdir(parents=True, exist_ok=True)
    try:
        rdd = _records(session, plan, partitions)
        results: list[PartResult] = rdd.mapPartitions(
            functools.partial(_run_task, settings)
        ).collect()
    except Exception as e:  # py4j / pyspark errors carry the executor's traceback
        if "No module named 'eventwire'" in str(e):
            raise SparkError(
                "Spark's Python workers cannot import eventwire; set PYSPARK_PYTHON to an "
                "interpreter where eventwire is installed (on every executor)"
            ) from e
        raise SparkError(f"the Spark job failed: {_short(e)}") from e
    results.sort(key=lambda r: r.partition)
    _remove_uncommitted(target, {r.part for r in results})
    manifest = Manifest(
        run_id=settings.run_id,
        inputs=tuple(str(p) for p in paths),
        master=str(sc.master),
        started_at=started_at,
        finished_at=writer.utcnow(),
        eventwire_version=eventwire_version(),
        coder_version=CODER_VERSION,
        lexicon_version=results[0].lexicon_version if results else "",
        schema_version=SCHEMA_VERSION,
        parts=tuple(r.part for r in results),
        tables=TABLES,
        counts=OutputCounts(
            items=sum(r.items for r in results),
            articles=sum(r.articles for r in results),
            failures=sum(r.failures for r in results),
            events=sum(r.events for r in results),
            mentions=sum(r.mentions for r in results),
            quotes=sum(r.quotes for r in results),
        ),
    )
    write_manifest(target, manifest)
    return SparkResult(
        output=target,
        manifest=manifest,
        partitions=len(results),
        seconds=time.perf_counter() - started,
        engine_seconds=max((r.engine_seconds for r in results), default=0.0),
        task_cpu_seconds=sum(r.cpu_seconds for r in results),
    )


def _short(error: Exception, limit: int = 3000) -> str:
    text = str(error)
    return text if len(text) <= limit else "..." + text[-limit:]


def run_in_session(
    session_options: SessionOptions,
    paths: Sequence[str | Path],
    output: str | Path,
    options: SparkOptions | None = None,
) -> tuple[SparkResult, float]:
    """Start a session, :func:`run_spark` in it, stop it; also the seconds the session took
    to start (a cost outside the job).

    Raises:
        as :func:`~eventwire.spark.session.start_session` and :func:`run_spark`.
    """
    started = time.perf_counter()
    session = start_session(session_options)
    session_seconds = time.perf_counter() - started
    try:
        return run_spark(session, paths, output, options), session_seconds
    finally:
        session.stop()
