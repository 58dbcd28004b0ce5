"""Spark throughput, end to end, for ``eventwire bench``: not a test, a measurement.

The session start is timed apart from the job (it is paid once per application, ~6-12 s);
the job time covers listing the input, Python workers starting and loading the model once
each, coding, and writing the Parquet parts and manifest. Loading the output into DuckDB is
timed apart too.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.spark.job import SparkOptions, run_in_session
from eventwire.spark.load import load_output
from eventwire.spark.session import SessionOptions


@dataclass(frozen=True, slots=True)
class SparkBench:
    """One Spark run on the first ``records`` JSON Lines records of the inputs."""

    master: str
    partitions: int
    records: int
    articles_coded: int
    failures: int
    events: int
    session_seconds: float
    job_seconds: float
    engine_seconds: float  # the longest model load of a task, inside job_seconds
    task_cpu_seconds: float  # CPU of the Python tasks (less sensitive to other load than wall time)
    load_seconds: float

    @property
    def articles_per_second(self) -> float:
        """Coded articles per second of the job (session start and load excluded)."""
        return self.articles_coded / max(self.job_seconds, 1e-9)

    @property
    def records_per_second(self) -> float:
        return self.records / max(self.job_seconds, 1e-9)


def _head(paths: Sequence[str | Path], n: int, target: Path) -> int:
    """Write the first ``n`` lines of the JSON Lines files ``paths`` to ``target``."""
    taken = 0
    with target.open("wb") as out:
        for path in paths:
            with Path(path).open("rb") as handle:
                for line in itertools.islice(handle, n - taken):
                    out.write(line if line.endswith(b"\n") else line + b"\n")
                    taken += 1
            if taken >= n:
                break
    return taken


def bench_spark(
    paths: Sequence[str | Path],
    n_articles: int,
    master: str = "local[2]",
    *,
    partitions: int | None = None,
    driver_memory: str = "1g",
) -> SparkBench:
    """Code the first ``n_articles`` records of the JSON Lines ``paths`` on Spark, timed.

    Raises:
        SparkNotInstalledError, JavaNotFoundError, SparkError: as :func:`start_session` and
            :func:`run_spark`.
        ValueError: ``n_articles`` below 1.
    """
    if n_articles < 1:
        raise ValueError(f"n_articles must be at least 1, not {n_articles}")
    with tempfile.TemporaryDirectory(prefix="eventwire-spark-bench-") as folder:
        work = Path(folder)
        records = _head(paths, n_articles, work / "input.jsonl")
        result, session_seconds = run_in_session(
            SessionOptions(master=master, driver_memory=driver_memory),
            [work / "input.jsonl"],
            work / "output",
            SparkOptions(partitions=partitions),
        )
        loaded = load_output(result.output, work / "bench.duckdb")
    counts = result.manifest.counts
    return SparkBench(
        master=result.manifest.master,
        partitions=result.partitions,
        records=records,
        articles_coded=loaded.counts.articles,
        failures=counts.failures,
        events=loaded.counts.events,
        session_seconds=session_seconds,
        job_seconds=result.seconds,
        engine_seconds=result.engine_seconds,
        task_cpu_seconds=result.task_cpu_seconds,
        load_seconds=loaded.seconds,
    )
