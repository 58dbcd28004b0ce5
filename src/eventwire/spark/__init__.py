"""The Spark runner: the same ``process_batch`` over Spark partitions, Parquet out.

pyspark is optional (``pip install 'eventwire[spark]'``); it is imported only when a session
starts or a job runs, so importing this package never needs it. See ``docs/scaling.md``.
"""

from __future__ import annotations

from eventwire.spark.job import SparkOptions, SparkResult, run_in_session, run_spark
from eventwire.spark.manifest import Manifest, OutputCounts, read_manifest
from eventwire.spark.session import SessionOptions, start_session

__all__ = [
    "Manifest",
    "OutputCounts",
    "SessionOptions",
    "SparkOptions",
    "SparkResult",
    "read_manifest",
    "run_in_session",
    "run_spark",
    "start_session",
]
